"""Status words: headings, status cells, and remarks after an organization's name."""

from __future__ import annotations

import pytest

import icor_extract
from icor_extract import Status
from icor_extract.repair.status import StatusSource, decide_status
from icor_extract.repair.status_words import (
    Annotation,
    split_status_annotation,
    status_from_heading,
    status_from_text,
)

# (name as written, name without the remark, status, year left, the remark)
ANNOTATED = [
    (
        "德国共产党－红色黎明（2008年被开除）",
        "德国共产党－红色黎明",
        Status.FORMER,
        2008,
        "2008年被开除",
    ),
    ("菲律宾民族民主阵线（观察员）", "菲律宾民族民主阵线", Status.OBSERVER, None, "观察员"),
    (
        "智利共产党（无产阶级行动）（2010年退出）",
        "智利共产党（无产阶级行动）",
        Status.FORMER,
        2010,
        "2010年退出",
    ),
    (
        "西班牙共产党（马列）（2019年退出）",
        "西班牙共产党（马列）",
        Status.FORMER,
        2019,
        "2019年退出",
    ),
    ("甲党（2002年左右停止活动）", "甲党", Status.FORMER, 2002, "2002年左右停止活动"),
    ("Party of Labour (left 2010)", "Party of Labour", Status.FORMER, 2010, "left 2010"),
    ("Party of Labour (observer)", "Party of Labour", Status.OBSERVER, None, "observer"),
    ("甲党 (候选成员)", "甲党", Status.CANDIDATE, None, "候选成员"),
    ("甲党（已解散）", "甲党", Status.FORMER, None, "已解散"),
    ("苏格兰马列主义倾向（停止活动）", "苏格兰马列主义倾向", Status.FORMER, None, "停止活动"),
    ("甲党（前观察员）", "甲党", Status.FORMER, None, "前观察员"),
    ("甲黨（2011年被開除）", "甲黨", Status.FORMER, 2011, "2011年被開除"),
    ("甲党（2015年被暂停）", "甲党", Status.SUSPENDED, None, "2015年被暂停"),
    # two remarks: the last one written decides, both are kept as the note
    ("甲党（观察员）（2015年退出）", "甲党", Status.FORMER, 2015, "观察员; 2015年退出"),
    # the last status named is the current one; the year left is the one before the verb
    ("甲党（2010年加入，2015年退出）", "甲党", Status.FORMER, 2015, "2010年加入，2015年退出"),
    (
        "甲党（2019年退出，2021年重新加入）",
        "甲党",
        Status.MEMBER,
        None,
        "2019年退出，2021年重新加入",
    ),
]

# Parentheses that are part of the name stay.
NAMES = [
    "印度共产党（马列）红星",
    "西班牙共产党（马列）",
    "保加利亚共产党 (1990年)",
    "甲党（1990年成立）",
    "劳动党 (塞尔维亚)",
    "（观察员）",  # nothing left before it: not a remark on a name
    "Party of Labour",
    "Left Party (Sweden)",
    # a status word inside a longer description is not a remark on the status
    "日本革命的共产主义者同盟（第四国际日本支部）",
    "甲党（2010年退出乙党后成立）",
]


@pytest.mark.parametrize(("written", "name", "status", "left", "note"), ANNOTATED,
                         ids=[case[0] for case in ANNOTATED])  # fmt: skip
def test_a_status_remark_leaves_the_name(
    written: str, name: str, status: Status, left: int | None, note: str
) -> None:
    assert split_status_annotation(written) == Annotation(
        name=name, status=status, left=left, note=note
    )


@pytest.mark.parametrize("written", NAMES)
def test_a_parenthesis_of_the_name_stays(written: str) -> None:
    assert split_status_annotation(written) == Annotation(name=written, status=None)


@pytest.mark.parametrize(
    ("heading", "status"),
    [
        ("成员", Status.MEMBER),
        ("成员党", Status.MEMBER),
        ("支部", Status.MEMBER),
        ("Members", Status.MEMBER),
        ("前成员", Status.FORMER),
        ("前会员", Status.FORMER),
        ("前支部（部分）", Status.FORMER),
        ("Former members", Status.FORMER),
        ("观察员", Status.OBSERVER),
        ("观察员党", Status.OBSERVER),
        ("常驻观察员", Status.OBSERVER),
        ("觀察員", Status.OBSERVER),
        ("Observers", Status.OBSERVER),
        ("候选成员", Status.CANDIDATE),
        ("Candidate members", Status.CANDIDATE),
        ("友好组织", Status.PARTNER),
        ("同情组织", Status.PARTNER),
        ("Associate members", Status.PARTNER),
        ("被暂停成员", Status.SUSPENDED),
        # a 前/former prefix makes any status former
        ("前同情组织", Status.FORMER),
        ("前常驻观察员", Status.FORMER),
        ("Former observers", Status.FORMER),
        # 目前/当前 ("at present") is not 前 ("former")
        ("目前成员", Status.MEMBER),
        ("当前成员", Status.MEMBER),
    ],
)
def test_status_headings(heading: str, status: Status) -> None:
    assert status_from_heading(heading) == (status, f"under the heading '{heading}'")


@pytest.mark.parametrize(
    "heading",
    [
        "历史",
        "亚洲",
        "参考文献",
        "成员与观察员",
        "Members and observers",
        "Leftist parties",
        "See also",
    ],
)
def test_headings_that_give_no_status(heading: str) -> None:
    assert status_from_heading(heading) is None


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("正式成员", Status.MEMBER),
        ("观察员", Status.OBSERVER),
        ("Observer", Status.OBSERVER),
        ("Full member", Status.MEMBER),
        ("2010年退出", Status.FORMER),
        ("候選成員", Status.CANDIDATE),
        ("不详", None),
        ("2010", None),
        ("退出", None),  # a verb says something only with a year
    ],
)
def test_status_cells(text: str, status: Status | None) -> None:
    assert status_from_text(text) == status


def test_default_is_member_and_says_so() -> None:
    decided = decide_status(None, where=StatusSource(text="甲党", row=1, column=2))
    assert (decided.status, decided.left, decided.note) == (Status.MEMBER, None, None)
    assert decided.provenance.rule == "status.default"
    assert decided.provenance.note == "nothing on the page states a status: member by default"


def test_the_annotation_wins_over_the_heading_and_says_so() -> None:
    annotation = split_status_annotation("甲党（2010年退出）")
    decided = decide_status(
        annotation, where=StatusSource(text="甲党（2010年退出）", row=3, column=1),
        headings=("观察员", "成员"),
    )  # fmt: skip
    assert (decided.status, decided.left, decided.note) == (Status.FORMER, 2010, "2010年退出")
    why = decided.provenance
    assert (why.rule, why.evidence, why.row, why.column) == (
        "status.annotation", "2010年退出", 3, 1,
    )  # fmt: skip
    assert why.note == "left in 2010; overrides '观察员' (observer)"


def test_the_nearest_heading_naming_a_status_decides() -> None:
    decided = decide_status(
        None, where=StatusSource(text="甲党"), headings=("亚洲", "前成员", "成员")
    )
    assert (decided.status, decided.note, decided.provenance.rule) == (
        Status.FORMER, "前成员", "status.heading",
    )  # fmt: skip


def test_the_caption_comes_before_the_headings() -> None:
    decided = decide_status(
        None, where=StatusSource(text="甲党"), caption="Observer parties", headings=("Members",)
    )
    assert (decided.status, decided.provenance.rule) == (Status.OBSERVER, "status.caption")


def test_a_member_read_from_a_page_carries_its_status() -> None:
    page = (
        "## 成员\n\n<table><tr><th>国家</th><th>政党或组织</th></tr>"
        "<tr><td>德国</td><td>德国共产党－红色黎明（2008年被开除）</td></tr>"
        "<tr><td>德国</td><td>甲党</td></tr></table>"
    )
    expelled, kept = icor_extract.parse(page).members
    assert (expelled.organization, expelled.status, expelled.left, expelled.status_note) == (
        "德国共产党－红色黎明", Status.FORMER, 2008, "2008年被开除",
    )  # fmt: skip
    assert (kept.status, kept.left, kept.status_note) == (Status.MEMBER, None, None)
    status = kept.provenance_of("status")
    assert status is not None
    assert (status.rule, status.evidence) == ("status.heading", "成员")
    assert expelled.to_dict()["status"] == "former"
    assert expelled.to_dict()["left"] == 2008


def test_status_without_a_heading_is_member_by_default() -> None:
    page = (
        "<table><tr><th>国家</th><th>政党或组织</th></tr>"
        "<tr><td>德国</td><td>甲党</td></tr></table>"
    )
    (only,) = icor_extract.parse(page).members
    status = only.provenance_of("status")
    assert (only.status, status.rule if status else None) == (Status.MEMBER, "status.default")


EXPELLED_PAGE = (
    "<table><tr><th>国家</th><th>政党或组织</th></tr>"
    "<tr><td>德国</td><td>甲党（2008年被开除）</td></tr>"
    "<tr><td>德国</td><td>乙党</td></tr></table>"
)


def test_the_terminal_table_shows_status_only_when_some_member_has_another() -> None:
    from icor_extract.adapters.text import to_csv, to_table

    members = icor_extract.parse(EXPELLED_PAGE).members
    title, _, first, second = to_table(members).splitlines()
    assert title.split() == [
        "continent",
        "country",
        "code",
        "organization",
        "joined",
        "status",
        "left",
    ]
    assert first.split() == ["-", "德国", "DE", "甲党", "-", "former", "2008"]
    assert second.split() == ["-", "德国", "DE", "乙党", "-", "member", "-"]
    only_members = [m for m in members if m.status is Status.MEMBER]
    assert "status" not in to_table(only_members)
    header, row, _ = to_csv(members).splitlines()
    assert header.split(",")[6:9] == ["status", "left", "status_note"]
    assert row.split(",")[6:9] == ["former", "2008", "2008年被开除"]


def test_the_dataframe_has_status_as_category_and_left_as_int64() -> None:
    frame = icor_extract.parse(EXPELLED_PAGE).to_dataframe()
    assert (str(frame["status"].dtype), str(frame["left"].dtype)) == ("category", "Int64")
    assert str(frame["status_note"].dtype) == "string"
    assert frame["status"].tolist() == ["former", "member"]
    assert frame["left"].tolist()[0] == 2008
    assert frame["left"].isna().tolist() == [False, True]


def test_a_status_group_row_gives_its_status_and_ends_the_continent() -> None:
    page = (
        "<table><tr><th>大洲</th><th>国家</th><th>政党或组织</th></tr>"
        "<tr><td colspan=3>亚洲</td></tr><tr><td></td><td>印度</td><td>甲党</td></tr>"
        "<tr><td colspan=3>观察员</td></tr><tr><td></td><td>法国</td><td>乙党</td></tr></table>"
    )
    member, observer = icor_extract.parse(page).members
    assert (member.continent, member.status) == ("亚洲", Status.MEMBER)
    assert (observer.continent, observer.status, observer.status_note) == (
        None, Status.OBSERVER, "观察员",
    )  # fmt: skip
    status = observer.provenance_of("status")
    assert status is not None
    assert (status.rule, status.evidence, status.row) == ("status.group-row", "观察员", 3)


def test_status_and_continent_from_nested_headings() -> None:
    page = """== 前成员 ==
=== 亚洲 ===
{|
! 国家 !! 政党或组织
|-
| {{flag|印度}} || 甲党
|}
== 观察员 ==
=== Europe ===
{|
! 国家 !! 政党或组织
|-
| {{flag|法国}} || 乙党
|}
"""
    former, observer = icor_extract.parse(page).members
    assert (former.status, former.continent_code, former.status_note) == (
        Status.FORMER, "AS", "前成员",
    )  # fmt: skip
    assert (observer.status, observer.continent, observer.continent_code) == (
        Status.OBSERVER, "Europe", "EU",
    )  # fmt: skip
    continent = observer.provenance_of("continent")
    assert continent is not None
    assert (continent.rule, continent.evidence) == ("continent.heading", "Europe")


def test_the_cli_table_shows_status_for_a_page_with_statuses(
    capsys: pytest.CaptureFixture[str],
) -> None:
    from icor_extract.cli import EXIT_OK, main

    from .conftest import fixture_path

    assert main([str(fixture_path("iwa.zh.md"))]) == EXIT_OK
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split() == [
        "continent",
        "country",
        "code",
        "organization",
        "joined",
        "status",
        "left",
    ]
    rows = [line.split() for line in lines[2:]]
    assert [row[-2] for row in rows] == ["member"] * 11 + ["partner"] * 6 + ["former"] * 3
    assert main([str(fixture_path("icor.zh.md"))]) == EXIT_OK
    assert "status" not in capsys.readouterr().out.splitlines()[0]


def test_the_jupyter_view_shows_status_only_when_some_member_has_another() -> None:
    expelled = icor_extract.parse(EXPELLED_PAGE)._repr_html_()
    assert "<th>status</th><th>left</th>" in expelled
    assert "<th>status</th>" not in icor_extract.example()._repr_html_()


def test_a_status_remark_on_its_own_line_below_the_name() -> None:
    page = (
        "<table><tr><th>国家</th><th>政党或组织</th></tr>"
        "<tr><td>德国</td><td>甲党<br>（2010年退出）</td></tr></table>"
    )
    (member,) = icor_extract.parse(page).members
    assert (member.organization, member.status, member.left) == ("甲党", Status.FORMER, 2010)
