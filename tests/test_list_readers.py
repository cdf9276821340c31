"""The three list readers: what each gives for lists, and that all three agree."""

from __future__ import annotations

import pytest

import icor_extract
from icor_extract.readers import read_lists

WIKITEXT = """{{Infobox organization
|members =
* not a list: inside a template
}}
== 成员 ==
=== 欧洲 ===
十七个创始成员是：
*{{flag|法国}} [[法国工人共产党|法国工人共产党]]<ref>note</ref>
*[[瓦隆]]
**[[人文主义民主中心]]
{|
|-
| * not a list: inside a table
|}
# numbered
"""


def test_wikitext_lists() -> None:
    first, second = read_lists(WIKITEXT, "wikitext")
    assert first.headings == ("欧洲", "成员")
    assert first.lead is not None
    assert first.lead.text == "十七个创始成员是："
    assert [(i.number, i.depth, i.text) for i in first.items] == [
        (0, 1, "法国工人共产党"),
        (1, 1, "瓦隆"),
        (2, 2, "人文主义民主中心"),
    ]
    item = first.items[0]
    assert [f.value for f in item.flags] == ["法国"]
    assert [link.title for link in item.links] == ["法国工人共产党"]
    assert item.footnotes == ("note",)
    assert item.line == 8
    assert second.ordered
    assert [i.text for i in second.items] == ["numbered"]


MARKDOWN = """## 成员

候选成员（部分）：

  - [孟加拉国共产党（马列）
    (杜塔)](https://zh.wikipedia.org/wiki/孟加拉国共产党（马列）_\\(杜塔\\) "wikilink")

  - 斯托克波特共产主义团体\\[3\\]
      - [基督教民主和弗拉芒](../Page/基督教民主和弗拉芒.md "wikilink")

<table><tr><td><ul><li>not a markdown list</li></ul></td></tr></table>
"""


def test_markdown_lists() -> None:
    (found,) = read_lists(MARKDOWN, "markdown")
    assert found.headings == ("成员",)
    assert found.lead is not None
    assert found.lead.text == "候选成员（部分）："
    first, second, nested = found.items
    # a link wrapped over two lines is one link
    assert first.text == "孟加拉国共产党（马列） (杜塔)"
    assert [link.title for link in first.links] == ["孟加拉国共产党（马列） (杜塔)"]
    assert (second.text, second.footnotes, second.depth) == ("斯托克波特共产主义团体", ("[3]",), 1)
    assert (nested.text, nested.depth, nested.line) == ("基督教民主和弗拉芒", 2, 9)


HTML = """<html><body>
<div id="toc"><ul><li>1 Members</li></ul></div>
<h2>Members <span class="mw-editsection">[edit]</span></h2>
<p>Founding members:</p>
<ul><li><img src="x/Flag_of_France.svg"> <a href="/wiki/A_party">A party</a>
<ul><li>Sub party</li></ul></li></ul>
<table><tr><td><ul><li>in a table</li></ul></td></tr></table>
<div class="navbox"><ul><li>navigation</li></ul></div>
</body></html>"""


def test_html_lists_skip_furniture_and_tables() -> None:
    (found,) = read_lists(HTML, "html")
    assert found.headings == ("Members",)
    assert found.lead is not None
    assert found.lead.text == "Founding members:"
    assert [(i.text, i.depth) for i in found.items] == [("A party", 1), ("Sub party", 2)]
    assert [f.value for f in found.items[0].flags] == ["France"]
    assert [link.title for link in found.items[0].links] == ["A party"]


SAME_LIST = {
    "wikitext": """== 前成员 ==
*{{flag|西班牙}} [[马列主义党（共产主义重建）]]（2019年退出）
* [[德国]]：[[德国马列主义党]]
* 里昂共产主义团结
""",
    "markdown": """## 前成员

  - [马列主义党（共产主义重建）](../Page/马列主义党（共产主义重建）.md "wikilink")（2019年退出）
  - [德国](../Page/德国.md "wikilink")：[德国马列主义党](../Page/德国马列主义党.md "wikilink")
  - 里昂共产主义团结
""",
    "html": """<!DOCTYPE html><html><body><h2>前成员</h2><ul>
<li><img src="//upload.wikimedia.org/Flag_of_Spain.svg">
<a href="/wiki/马列主义党（共产主义重建）">马列主义党（共产主义重建）</a>（2019年退出）</li>
<li><a href="/wiki/德国">德国</a>：<a href="/wiki/德国马列主义党">德国马列主义党</a></li>
<li>里昂共产主义团结</li>
</ul></body></html>""",
}


def test_the_same_list_in_three_formats_gives_the_same_members() -> None:
    found = {}
    for format, text in SAME_LIST.items():
        extraction = icor_extract.parse(text)
        assert extraction.source_format == format
        found[format] = [
            (m.organization, m.link, m.country_code, m.status.value, m.left, m.table, m.row)
            for m in extraction.members
        ]
    assert found["wikitext"] == [
        ("马列主义党（共产主义重建）", "马列主义党（共产主义重建）", "ES", "former", 2019, 0, 0),
        ("德国马列主义党", "德国马列主义党", "DE", "former", None, 0, 1),
        ("里昂共产主义团结", None, None, "former", None, 0, 2),
    ]
    # the markdown copy lost its flag: 马列主义党（共产主义重建） names no country
    assert found["markdown"] == [
        ("马列主义党（共产主义重建）", "马列主义党（共产主义重建）", None, "former", 2019, 0, 0),
        *found["wikitext"][1:],
    ]
    assert found["html"] == found["wikitext"]


def test_a_page_with_only_non_member_lists_has_no_members() -> None:
    page = "== 参见 ==\n* [[左翼国际组织列表]]\n"
    with pytest.raises(icor_extract.NoMemberTableError, match="none under a membership heading"):
        icor_extract.parse(page)


def test_deeply_nested_html_lists_are_read_at_a_bounded_depth() -> None:
    depth = 300
    page = "<html><body><h2>Members</h2>" + "<ul><li>甲党" * depth + "</li></ul>" * depth
    (found,) = read_lists(page + "</body></html>", "html")
    assert len(found.items) == depth
    assert max(item.depth for item in found.items) == 6
    extraction = icor_extract.parse(page)
    # every item heads the next one, and each name looks like an organization's
    assert len(extraction.members) == depth


@pytest.mark.slow
def test_many_wikitext_items() -> None:
    extraction = icor_extract.parse("== 成员 ==\n" + "*{{flag|印度}} 甲党\n" * 5000)
    assert len(extraction.members) == 5000
    assert {m.country_code for m in extraction.members} == {"IN"}


def test_where_an_item_names_its_country() -> None:
    page = """== Members ==
* [[法国]] [[法国共产党]]
* 德国：德国共产党
* [[Japan]]: [[Japanese Communist Party]]
* [[科西嘉]] [[左翼_(科西嘉)|左翼]]
* [[社会党_(澳大利亚)|社会党]]
"""
    found = [
        (m.organization, m.link, m.country_code, m.provenance_of("country").rule)  # type: ignore[union-attr]
        for m in icor_extract.parse(page).members
    ]
    assert found == [
        ("法国共产党", "法国共产党", "FR", "country.cell"),
        ("德国共产党", None, "DE", "country.cell"),
        ("Japanese Communist Party", "Japanese Communist Party", "JP", "country.cell"),
        # a place label that is no country gives none, and no name is guessed past it
        ("左翼", "左翼 (科西嘉)", None, "country.unknown"),
        ("社会党", "社会党 (澳大利亚)", "AU", "country.link-title"),
    ]


def test_pandoc_footnotes_after_the_category_links_are_in_no_section() -> None:
    page = """## 成员

  - 甲党

[Category:政党国际](https://zh.wikipedia.org/wiki/Category:政党国际 "wikilink")
[Category:共产主义组织](https://zh.wikipedia.org/wiki/Category:共产主义组织 "wikilink")

1.  Cailmail, Benoît. Le mouvement maoïste au Népal. Paris, 2015.
"""
    members, footnotes = read_lists(page, "markdown")
    assert members.headings == ("成员",)
    assert footnotes.headings == ()
    assert [m.organization for m in icor_extract.parse(page).members] == ["甲党"]


@pytest.mark.parametrize(
    ("document", "items"),
    [
        # a table block between two lists ends the first: two lists, also when the table is skipped
        ("- a\n- b\n<table>\n<tr><td>x</td></tr>\n</table>\n\n- c", [["a", "b"], ["c"]]),
        # the block runs to the blank line: the list item written inside it is no item
        ("<table>\n<tr><td>x</td></tr>\n</table>\n- not an item\n\nlead\n- c", [["c"]]),
        # inside fenced code the table line is code, and the list after it is read as usual
        ("```\n<table>\n```\n- a", [["a"]]),
    ],
)
def test_markdown_html_table_blocks_are_passed_over_as_markdown_it_reads_them(
    document: str, items: list[list[str]]
) -> None:
    found = read_lists(document, "markdown")
    assert [[item.text for item in raw.items] for raw in found] == items
