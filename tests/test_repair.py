"""Repair rules on small hand-made tables: realignment, group rows, country evidence."""

from __future__ import annotations

import pytest

import icor_extract
from icor_extract import Member, RowKind

HEADER = "<tr><th>大洲</th><th>国家</th><th>政党或组织</th><th>加入时间</th></tr>"


def _members(body: str, header: str = HEADER) -> list[Member]:
    return list(icor_extract.parse(f"## 成员\n<table>{header}{body}</table>"))


def _row(*cells: str) -> str:
    return "<tr>" + "".join(f"<td>{cell}</td>" for cell in cells) + "</tr>"


def test_rendered_rowspans_need_no_realignment() -> None:
    body = (
        "<tr><td rowspan=3>亚洲</td><td rowspan=2>印度</td><td>甲党</td><td>2010年</td></tr>"
        + _row("乙党", "2011年")
        + _row("巴基斯坦", "丙党", "2012")
    )
    members = _members(body)
    assert [(m.organization, m.continent_code, m.country_code, m.joined) for m in members] == [
        ("甲党", "AS", "IN", 2010),
        ("乙党", "AS", "IN", 2011),
        ("丙党", "AS", "PK", 2012),
    ]
    rules = [m.provenance_of("country").rule for m in members]  # type: ignore[union-attr]
    assert rules == ["country.cell", "country.rowspan", "country.cell"]


def test_shifted_rows_go_back_by_content() -> None:
    body = (
        _row("欧洲", "", "", "") + _row("", "德国党", "2010年", "") + _row("乙党", "2012年", "", "")
    )
    members = _members(body)
    assert [(m.organization, m.joined, m.continent) for m in members] == [
        ("德国党", 2010, "欧洲"),
        ("乙党", 2012, "欧洲"),
    ]
    # the continuation row shares the country its row group names
    assert [m.country_code for m in members] == ["DE", "DE"]


def test_row_group_conflict_leaves_country_empty() -> None:
    body = (
        _row("亚洲", "", "", "")
        + _row("", "印度党", "2010年", "")
        + _row("巴基斯坦党", "2012年", "", "")
    )
    members = _members(body)
    assert [m.country_code for m in members] == [None, None]
    assert {m.provenance_of("country").rule for m in members} == {"country.conflict"}  # type: ignore[union-attr]


def test_two_countries_in_one_name_decide_nothing() -> None:
    (member,) = _members(_row("", "德国和法国工人党", "2010年", ""))
    assert member.country_code is None
    assert member.provenance_of("country").rule == "country.conflict"  # type: ignore[union-attr]


def test_explicit_country_cell_wins_over_the_name() -> None:
    (member,) = _members(_row("欧洲", "奥地利", "德国党", "2010"))
    assert member.country_code == "AT"


def test_unknown_country_cell_is_not_overridden_by_the_name() -> None:
    (member,) = _members(_row("欧洲", "苏格兰", "英国工人党", "2010"))
    assert member.country_code is None
    assert member.provenance_of("country").rule == "country.unknown"  # type: ignore[union-attr]


def test_full_width_row_is_a_group_row() -> None:
    body = '<tr><td colspan="4">Europe</td></tr>' + _row("", "奥地利", "甲党", "2010")
    extraction = icor_extract.parse(f"<table>{HEADER}{body}</table>")
    assert [o.kind for o in extraction.row_outcomes] == [
        RowKind.HEADER,
        RowKind.GROUP,
        RowKind.MEMBER,
    ]
    assert extraction.members[0].continent == "Europe"
    assert extraction.members[0].continent_code == "EU"


def test_one_cell_listing_two_organizations_gives_two_members() -> None:
    body = (
        "<tr><td>欧洲</td><td>法国</td><td><a href='/wiki/甲党'>甲党</a><br>"
        "<a href='/wiki/乙党_(法国)'>乙党</a></td><td>2010年</td></tr>"
    )
    members = _members(body)
    assert [(m.organization, m.link, m.country_code, m.joined) for m in members] == [
        ("甲党", "甲党", "FR", 2010),
        ("乙党", "乙党 (法国)", "FR", 2010),
    ]


def test_rows_without_an_organization_are_rejected_with_a_reason() -> None:
    body = _row("", "", "", "") + _row("", "", "2010年", "") + _row("", "甲党", "2010", "")
    extraction = icor_extract.parse(f"<table>{HEADER}{body}</table>")
    assert [(r.row, r.reason) for r in extraction.rejected] == [
        (1, "empty row"),
        (2, "no organization name in the row"),
    ]
    assert len(extraction.members) == 1


def test_unreadable_year_is_empty_with_a_reason() -> None:
    (member,) = _members(_row("欧洲", "", "甲党", "不详"))
    assert member.joined is None
    assert member.provenance_of("joined").rule == "joined.unreadable"  # type: ignore[union-attr]


@pytest.mark.parametrize(
    "header",
    [
        "<tr><th>洲</th><th>國家</th><th>政黨或組織</th><th>加入時間</th></tr>",
        "<tr><th>Continent</th><th>Country</th><th>Party</th><th>Joined</th></tr>",
    ],
)
def test_header_variants(header: str) -> None:
    (member,) = _members(_row("亚洲", "印度", "甲党", "2010年"), header=header)
    assert (member.continent_code, member.country_code, member.joined) == ("AS", "IN", 2010)


def test_english_page_variant_names_countries_in_english() -> None:
    members = icor_extract.parse(
        f"<table>{HEADER}{_row('亚洲', '印度', '甲党', '2010年')}</table>", variant="en"
    ).members
    assert members[0].country == "India"


def test_a_lost_column_in_the_middle_is_skipped() -> None:
    """Country first, continent rowspan lost: the cells skip the continent column."""
    header = "<tr><th>国家</th><th>大洲</th><th>政党或组织</th><th>加入时间</th></tr>"
    body = _row("古巴", "北美洲", "甲党", "2010年") + _row("海地", "乙党", "2011年", "")
    members = _members(body, header=header)
    assert [(m.organization, m.country_code, m.continent, m.joined) for m in members] == [
        ("甲党", "CU", "北美洲", 2010),
        ("乙党", "HT", "北美洲", 2011),
    ]


def test_an_annotated_year_is_placed_like_a_year() -> None:
    body = (
        _row("欧洲", "", "", "")
        + _row("", "德国党", "2010年", "")
        + _row("法国马列共产党", "2010年（创始成员）", "", "")
    )
    members = _members(body)
    assert [m.organization for m in members] == ["德国党", "法国马列共产党"]
    assert members[1].joined is None
    assert members[1].provenance_of("joined").rule == "joined.unreadable"  # type: ignore[union-attr]


def test_a_country_name_is_never_taken_for_an_organization() -> None:
    header = "<tr><th>国家</th><th>政党或组织</th><th>加入时间</th></tr>"
    extraction = icor_extract.parse(
        f"<table>{header}{_row('德国', '甲党', '2010年')}{_row('法国', '2011年', '')}</table>"
    )
    assert [m.organization for m in extraction.members] == ["甲党"]
    assert [r.reason for r in extraction.rejected] == ["no organization name in the row"]


def test_a_continued_row_whose_name_says_otherwise_gets_no_country() -> None:
    header = "<tr><th>国家</th><th>政党或组织</th><th>加入时间</th></tr>"
    body = (
        _row("德国", "甲党", "2010年")
        + _row("乙党", "2011年", "")
        + _row("法国共产党", "2012年", "")
    )
    members = icor_extract.parse(f"<table>{header}{body}</table>").members
    assert [(m.organization, m.country_code) for m in members] == [
        ("甲党", "DE"),
        ("乙党", "DE"),
        ("法国共产党", None),
    ]
    rules = [m.provenance_of("country").rule for m in members]  # type: ignore[union-attr]
    assert rules == ["country.cell", "country.continued", "country.conflict"]


def test_a_second_line_that_is_not_an_organization_stays_with_the_first() -> None:
    body = _row(
        "欧洲", "德国", "德国马列党<br><small>Marxistisch-Leninistische Partei</small>", "2010年"
    )
    extraction = icor_extract.parse(f"<table>{HEADER}{body}</table>", variant="zh-hans")
    (member,) = extraction.members
    assert member.organization == "德国马列党"
    assert (
        "further lines: Marxistisch-Leninistische Partei"
        in member.provenance_of(  # type: ignore[union-attr]
            "organization"
        ).note
    )
    assert [n.code for n in extraction.notes] == ["entry.extra-lines"]


def test_a_link_on_part_of_the_name_is_not_the_link() -> None:
    (member,) = _members(_row("欧洲", "", "<a href='/wiki/德国'>德国</a>马克思列宁主义党", "2010"))
    assert member.link is None


def test_exact_header_names_win_over_keywords() -> None:
    header = "<tr><th>Country</th><th>Membership</th><th>Party</th><th>Joined</th></tr>"
    (member,) = _members(_row("印度", "Full member", "甲党", "2010"), header=header)
    assert (member.organization, member.country_code) == ("甲党", "IN")


def test_a_header_repeated_with_td_cells_is_a_header_row() -> None:
    body = _row("亚洲", "印度", "甲党", "2010") + _row("大洲", "国家", "政党或组织", "加入时间")
    extraction = icor_extract.parse(f"<table>{HEADER}{body}</table>")
    assert [o.kind for o in extraction.row_outcomes] == [
        RowKind.HEADER,
        RowKind.MEMBER,
        RowKind.HEADER,
    ]


def test_a_country_cell_naming_two_countries_decides_none() -> None:
    cell = "<a href='/wiki/德国'>德国</a><br><a href='/wiki/奥地利'>奥地利</a>"
    members = _members(_row("欧洲", cell, "甲党<br>乙党", "2010年"))
    assert [(m.organization, m.country_code) for m in members] == [("甲党", None), ("乙党", None)]
    rules = {m.provenance_of("country").rule for m in members}  # type: ignore[union-attr]
    assert rules == {"country.ambiguous"}


def test_an_unlisted_region_group_row_heads_its_rows() -> None:
    body = (
        _row("欧洲", "", "", "")
        + _row("", "德国党", "2010年", "")
        + _row("中东", "", "", "")
        + _row("", "黎巴嫩共产党", "2011年", "")
    )
    members = _members(body)
    assert [(m.organization, m.continent, m.continent_code) for m in members] == [
        ("德国党", "欧洲", "EU"),
        ("黎巴嫩共产党", "中东", None),
    ]
