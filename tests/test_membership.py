"""Which tables list members, and which rows of them are members: hand-made cases."""

from __future__ import annotations

import pytest

import icor_extract
from icor_extract import NoMemberTableError, RowKind
from icor_extract.repair.columns import Role, role_of
from icor_extract.repair.membership import organization_like


def _table(*rows: tuple[str, ...], head: tuple[str, ...]) -> str:
    header = "<tr>" + "".join(f"<th>{cell}</th>" for cell in head) + "</tr>"
    body = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in rows)
    return f"<table>{header}{body}</table>"


def test_a_total_row_is_rejected_and_takes_nothing_from_the_row_above() -> None:
    page = _table(("德国", "甲党"), ("总计", "187"), head=("国家", "政党或组织"))
    extraction = icor_extract.parse(page)
    assert [m.organization for m in extraction.members] == ["甲党"]
    (total,) = extraction.rejected
    assert (total.row, total.rule, total.reason) == (
        2,
        "rejected.summary",
        "a summary row ('总计')",
    )
    assert [o.kind for o in extraction.row_outcomes] == [
        RowKind.HEADER,
        RowKind.MEMBER,
        RowKind.REJECTED,
    ]


@pytest.mark.parametrize("total", ["总计", "合計", "共计：52", "Total", "Total: 52", "小计"])
def test_summary_words(total: str) -> None:
    page = _table(("德国", "甲党"), (total, "", ""), head=("国家", "政党或组织", "加入时间"))
    (rejected,) = icor_extract.parse(page).rejected
    assert rejected.rule == "rejected.summary"


_BRACKETS = "the organization cell holds only empty brackets"
_FLAG_LEFT = "what a dropped flag leaves"


@pytest.mark.parametrize(
    ("organization", "reason"),
    [
        ("独立人士 (Indrek Tarand)", "'独立人士 (Indrek Tarand)' is not an organization"),
        ("无党派", "'无党派' is not an organization"),
        ("Independents", "'Independents' is not an organization"),
        ("Non-attached", "'Non-attached' is not an organization"),
        ("空缺", "'空缺' is not an organization"),
        ("—", "the organization cell holds only '—'"),
        ("187", "the organization cell holds only a number ('187')"),
        ("[11]", "the organization cell holds only a footnote mark [11]"),
        ("來源", "'來源' is not an organization"),
        ("()", f"{_BRACKETS} ('()'), {_FLAG_LEFT}"),
        ("（ ）", f"{_BRACKETS} ('（ ）'), {_FLAG_LEFT}"),
        ("()<br>（）", f"{_BRACKETS} ('()\n（）'), {_FLAG_LEFT}"),
        ("() （）", f"{_BRACKETS} ('() （）'), {_FLAG_LEFT}"),
    ],
)
def test_non_organizations_are_rejected_with_the_reason(organization: str, reason: str) -> None:
    page = _table(("德国", "甲党"), ("法国", organization), head=("国家", "政党或组织"))
    extraction = icor_extract.parse(page)
    assert [m.organization for m in extraction.members] == ["甲党"]
    (rejected,) = extraction.rejected
    assert (rejected.rule, rejected.reason) == ("rejected.not-an-organization", reason)


@pytest.mark.parametrize(
    ("cell", "year", "expected"),
    [
        ("()<br>甲党", "2012年", [("甲党", 2012)]),
        ("() () 甲党", "2012年", [("甲党", 2012)]),
        ("乙党<br>()", "2012年", [("乙党", 2012)]),
        ("()<br>甲党<br>乙党", "2010年<br>2011年<br>2012年", [("甲党", 2011), ("乙党", 2012)]),
    ],
)
def test_empty_brackets_name_no_organization(
    cell: str, year: str, expected: list[tuple[str, int]]
) -> None:
    """Dropped flags leave ``()`` before a name (taken off) or on a line of their own (left
    out, with its own year when the year cell pairs its lines with the names')."""
    page = _table(("法国", cell, year), head=("国家", "政党或组织", "加入时间"))
    extraction = icor_extract.parse(page)
    assert [(m.organization, m.joined) for m in extraction.members] == expected
    assert not extraction.rejected
    assert not [note for note in extraction.notes if note.code.value == "entry.extra-lines"]


@pytest.mark.parametrize(
    "name",
    ["独立运动党", "Independent Workers' Party", "无党派联盟", "187运动", "左翼党 (1990年)"],
)
def test_organizations_that_resemble_placeholders_stay_members(name: str) -> None:
    page = _table(("德国", name), head=("国家", "政党或组织"))
    assert [m.organization for m in icor_extract.parse(page).members] == [name]


def test_the_english_city_list_is_no_member_table() -> None:
    page = _table(
        ("Paris", "France", "2,100,000"),
        ("Berlin", "Germany", "3,600,000"),
        ("Tokyo", "Japan", "14,000,000"),
        head=("Name", "Country", "Population"),
    )
    with pytest.raises(NoMemberTableError) as caught:
        icor_extract.parse(page)
    assert caught.value.reasons == (
        "table 0: its name column is headed only 'Name', it is under no membership heading or "
        "caption, and its names (Paris, Berlin, Tokyo) do not look like organizations'",
    )
    assert "Paris, Berlin, Tokyo" in str(caught.value)
    assert caught.value.headers == (("Name", "Country", "Population"),)


def test_a_name_column_of_organizations_is_a_member_table() -> None:
    page = _table(
        ("Workers' Party", "France"), ("Communist League", "Spain"), head=("Name", "Country")
    )
    members = icor_extract.parse(page, variant="en").members
    assert [(m.organization, m.country_code) for m in members] == [
        ("Workers' Party", "FR"),
        ("Communist League", "ES"),
    ]


def test_a_row_too_short_to_reach_the_name_column_is_read_as_holding_no_name() -> None:
    """Review finding: such a row raised InternalError (IndexError) when the table's name
    column was weighed; it holds no name there, and the rows that do still decide."""
    short = ("中国",)
    with pytest.raises(NoMemberTableError, match="its names \\(\\) do not look like"):
        icor_extract.parse(_table(short, head=("国家", "名称")), format="html")
    page = _table(short, ("印度", "印度共产党"), head=("国家", "名称"))
    extraction = icor_extract.parse(page, format="html")
    assert [(m.organization, m.country_code) for m in extraction.members] == [("印度共产党", "IN")]
    assert [o.kind for o in extraction.row_outcomes] == [
        RowKind.HEADER,
        RowKind.REJECTED,
        RowKind.MEMBER,
    ]


def test_a_name_column_under_a_membership_heading_is_a_member_table() -> None:
    page = "## Members\n\n" + _table(("Paris", "France"), head=("Name", "Country"))
    (member,) = icor_extract.parse(page).members
    assert member.organization == "Paris"  # the page says it is a member


@pytest.mark.parametrize(
    ("header", "role"),
    [
        ("中文名稱（原文名稱）", Role.ORGANIZATION),
        ("中文名称（原文名称）", Role.ORGANIZATION),
        ("政党名称", Role.ORGANIZATION),
        ("组织名称", Role.ORGANIZATION),
        ("党名", Role.ORGANIZATION),
        ("成员党", Role.ORGANIZATION),
        ("Party name", Role.ORGANIZATION),
        ("Organisation", Role.ORGANIZATION),
        ("国家名称", Role.COUNTRY),
        ("Member since", Role.JOINED),
        ("地位", Role.STATUS),
        ("Membership status", Role.STATUS),
        ("加入的其他欧洲政党", None),
    ],
)
def test_header_vocabulary(header: str, role: Role | None) -> None:
    assert role_of(header) is role


def test_a_traditional_chinese_name_header() -> None:
    page = _table(
        ("德國", "德國共產黨", "1968年"), head=("國家", "中文名稱（原文名稱）", "加入時間")
    )
    (member,) = icor_extract.parse(page, variant="zh-hant").members
    assert (member.organization, member.country_code, member.joined) == ("德國共產黨", "DE", 1968)


def test_english_headers_and_status_column() -> None:
    page = _table(
        ("France", "Workers' Party", "2010", "Full member"),
        ("Spain", "Communist League", "2012", "Observer"),
        head=("Country", "Party name", "Member since", "Status"),
    )
    members = icor_extract.parse(page, variant="en").members
    assert [(m.country_code, m.organization, m.joined, m.status.value) for m in members] == [
        ("FR", "Workers' Party", 2010, "member"),
        ("ES", "Communist League", 2012, "observer"),
    ]
    status = members[1].provenance_of("status")
    assert status is not None
    assert (status.rule, status.evidence, status.row, status.column) == (
        "status.cell", "Observer", 2, 3,
    )  # fmt: skip


def test_organization_like() -> None:
    assert organization_like(["德国共产党", "红色阵线", "某某"])
    assert not organization_like(["Paris", "Berlin", "Tokyo"])
    assert not organization_like(["共产党", "187"])
    assert not organization_like([])


def test_a_header_that_lost_its_colspan() -> None:
    page = "## 成员\n\n" + _table(
        ("", "甲党", "", "张三"),
        ("", "乙运动", "", "李四"),
        head=("名稱", "國家", "領袖", "备注"),
    )
    extraction = icor_extract.parse(page)
    assert [m.organization for m in extraction.members] == ["甲党", "乙运动"]
    (note,) = [n for n in extraction.notes if n.code == "header.shifted"]
    assert note.message == (
        "every row leaves column 0 empty and writes its name in column 1: "
        "the header's organization cell is read as spanning columns 0 and 1"
    )


def test_a_header_less_table_continues_the_member_table_before_it() -> None:
    first = _table(("德国", "甲党"), head=("国家", "政党或组织"))
    second = "<table><tr><td>法国</td><td>乙党</td></tr></table>"
    page = f"## 成员\n\n{first}\n\n{second}\n"
    extraction = icor_extract.parse(page)
    assert [(m.organization, m.country_code, m.table) for m in extraction.members] == [
        ("甲党", "DE", 0),
        ("乙党", "FR", 1),
    ]
    assert [n.code for n in extraction.notes if n.table == 1] == ["header.continued"]


def test_a_header_less_table_elsewhere_is_skipped() -> None:
    first = _table(("德国", "甲党"), head=("国家", "政党或组织"))
    second = "<table><tr><td>法国</td><td>乙党</td></tr></table>"
    page = f"## 成员\n\n{first}\n\n## 历史\n\n{second}\n"
    extraction = icor_extract.parse(page)
    assert [m.organization for m in extraction.members] == ["甲党"]
    assert [n.code for n in extraction.notes if n.table == 1] == ["table.skipped"]
