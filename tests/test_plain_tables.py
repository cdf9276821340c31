"""Pipe and grid markdown tables, unread flags, and what a page holds when it has no table."""

from __future__ import annotations

import pytest

import icor_extract
from icor_extract import NoTableError
from icor_extract.readers import read_tables

FLAG = "![](//upload.wikimedia.org/wikipedia/commons/4/41/Flag_of_India.svg)"
LINK = '[印度共产党（马列）红星](../Page/印度共产党（马列）红星.md "wikilink")\\[1\\]'
PIPE = f"""## 成员

| 国家 | 政党或组织 | 加入时间 |
|:-----|:----------:|---------:|
| {FLAG} | {LINK} | 2010年 |
| 尼泊尔 | 尼泊尔共产党（统一） | 2010年 |
"""

GRID = """+--------+--------------------+----------+
| 国家   | 政党或组织         | 加入时间 |
+========+====================+==========+
| 德国   | 德国马克思列宁     | 2010年   |
|        | 主义党             |          |
+--------+--------------------+----------+
| 法国   | [法国工人共产党](../Page/法国工人共产党.md) | 2012年 |
+--------+--------------------+----------+
"""


def test_a_pipe_table_reads_like_an_html_table() -> None:
    (table,) = read_tables(PIPE, "markdown")
    assert (table.section, table.headings, table.line) == ("成员", ("成员",), 3)
    header, india, nepal = table.rows
    assert [c.text for c in header.cells] == ["国家", "政党或组织", "加入时间"]
    assert all(c.header for c in header.cells)
    assert header.in_head
    flag, party, year = india.cells
    assert (flag.text, flag.flags[0].value, flag.flags[0].evidence) == (
        "", "India", "Flag_of_India.svg",
    )  # fmt: skip
    assert (party.text, party.links[0].title, party.footnotes) == (
        "印度共产党（马列）红星", "印度共产党（马列）红星", ("[1]",),
    )  # fmt: skip
    assert (year.text, india.line, nepal.line) == ("2010年", 5, 6)
    members = icor_extract.parse(PIPE).members
    assert [(m.organization, m.country_code, m.joined) for m in members] == [
        ("印度共产党（马列）红星", "IN", 2010),
        ("尼泊尔共产党（统一）", "NP", 2010),
    ]


def test_a_grid_table_joins_the_lines_of_a_cell() -> None:
    (table,) = read_tables(GRID, "markdown")
    assert [[c.text for c in row.cells] for row in table.rows] == [
        ["国家", "政党或组织", "加入时间"],
        ["德国", "德国马克思列宁 主义党", "2010年"],
        ["法国", "法国工人共产党", "2012年"],
    ]
    assert [row.line for row in table.rows] == [2, 4, 7]
    assert table.rows[0].in_head
    assert table.rows[2].cells[1].links[0].title == "法国工人共产党"


def test_tables_keep_document_order_across_kinds() -> None:
    html = "<table><tr><th>国家</th><th>政党</th></tr><tr><td>德国</td><td>乙党</td></tr></table>"
    page = f"{PIPE}\n## 其他\n\n{html}\n\n{GRID}"
    tables = read_tables(page, "markdown")
    assert [t.index for t in tables] == [0, 1, 2]
    assert [t.rows[1].cells[1].text for t in tables] == [
        "印度共产党（马列）红星", "乙党", "德国马克思列宁 主义党",
    ]  # fmt: skip
    assert [t.section for t in tables] == ["成员", "其他", "其他"]


def test_no_table_says_what_the_page_holds() -> None:
    # (a page whose members are a list gives them: tests/test_lists.py)
    page = "## 成员\n\n甲党、乙党\n\n## 参见\n\n丙\n"
    with pytest.raises(NoTableError, match="it holds 2 headings"):
        icor_extract.parse(page)


def test_an_unread_flag_icon_in_html_blocks_guessing() -> None:
    icon = (
        '<span class="flagicon"><a href="/wiki/File:Northern_Cyprus_flag.svg">'
        '<img src="//upload.wikimedia.org/x/Northern_Cyprus_flag.svg"></a></span>'
    )
    page = (
        "<table><tr><th>国家</th><th>政党或组织</th></tr>"
        f"<tr><td>{icon}</td><td>共和土耳其党</td></tr></table>"
    )
    (member,) = icor_extract.parse(page, format="html").members
    country = member.provenance_of("country")
    assert country is not None
    assert (member.country_code, country.rule, country.evidence) == (
        None, "country.unknown-flag", "Northern_Cyprus_flag.svg",
    )  # fmt: skip


def test_a_flag_in_the_organization_cell_is_read_before_the_names() -> None:
    page = (
        "== 成员 ==\n{|\n! 国家 !! 政党或组织\n|-\n| || {{flag|Zazania}} [[土耳其共和党]]\n"
        "|-\n| || {{TRNC}} [[共和土耳其党]]\n|}\n"
    )
    unread, cyprus = icor_extract.parse(page).members
    country = unread.provenance_of("country")
    assert country is not None
    assert (unread.country_code, country.rule, country.evidence) == (
        None, "country.unknown-flag", "{{flag|Zazania}}",
    )  # fmt: skip
    # a state without an ISO code is no Turkey either
    assert (cyprus.country, cyprus.country_code) == ("北塞浦路斯", None)
