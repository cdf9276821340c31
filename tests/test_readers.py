"""Readers: what each keeps of a cell, and the headings tables sit under."""

from __future__ import annotations

import pytest

import icor_extract
from icor_extract.readers import detect_format
from icor_extract.readers.cell_text import link_title, split_footnotes
from icor_extract.readers.html import read_html_document, read_html_tables
from icor_extract.readers.markdown import read_markdown
from icor_extract.readers.raw import RawCell


def _cell(markup: str) -> RawCell:
    return read_html_tables(f"<table><tr>{markup}</tr></table>")[0].rows[0].cells[0]


@pytest.mark.parametrize(
    ("href", "title"),
    [
        ("../Page/马列主义共产党_(土耳其).md", "马列主义共产党 (土耳其)"),
        ("https://zh.wikipedia.org/wiki/保加利亚工人党/共产党人/", "保加利亚工人党/共产党人/"),
        ("/wiki/%E5%8A%B3%E5%8A%A8%E5%85%9A_(%E5%A1%9E%E5%B0%94%E7%BB%B4%E4%BA%9A)",
         "劳动党 (塞尔维亚)"),
        ("./Communist_Party_of_India#History", "Communist Party of India"),
        ("/w/index.php?title=Red_Link_Party&action=edit&redlink=1", "Red Link Party"),
        ("//zh.wikipedia.org/wiki/印度", "印度"),
        ("/wiki/File:Flag_of_India.svg", None),
        ("https://zh.wikipedia.org/wiki/Category:政党国际", None),
        ("http://icor.info/2010/doc.pdf", None),
    ],
)  # fmt: skip
def test_link_title(href: str, title: str | None) -> None:
    assert link_title(href) == title


@pytest.mark.parametrize(
    ("text", "clean", "marks"),
    [
        ("德国马列主义党[1]", "德国马列主义党", ("[1]",)),
        ("德国马列主义党\\[12\\]", "德国马列主义党", ("[12]",)),
        ("Party [注 3]", "Party", ("[注 3]",)),
        ("Party [a]", "Party", ("[a]",)),
        ("马列主义者团体/红色黎明", "马列主义者团体/红色黎明", ()),
    ],
)
def test_split_footnotes(text: str, clean: str, marks: tuple[str, ...]) -> None:
    assert split_footnotes(text) == (clean, marks)


def test_cell_text_links_and_reference_footnotes() -> None:
    cell = _cell(
        '<td rowspan="2;"><p><a href="../Page/劳动党_(塞尔维亚).md">劳动党</a>'
        '<sup class="reference"><a href="#cite_note-1">[1]</a></sup></p></td>'
    )
    assert cell.text == "劳动党"
    assert cell.footnotes == ("[1]",)
    assert [(link.title, link.text) for link in cell.links] == [("劳动党 (塞尔维亚)", "劳动党")]
    assert cell.rowspan == "2;"


def test_cell_hidden_sort_keys_are_not_text() -> None:
    cell = _cell(
        '<td data-sort-value="India"><span style="display:none">!India</span>'
        '<span class="sortkey">India</span>印度</td>'
    )
    assert cell.text == "印度"


def test_cell_line_breaks_are_kept() -> None:
    assert _cell("<td>甲党<br>乙党<br/></td>").text == "甲党\n乙党"


def test_source_newlines_are_spaces() -> None:
    assert _cell("<td>Marxist-Leninist Party of\nGermany</td>").text == (
        "Marxist-Leninist Party of Germany"
    )
    cell = _cell('<td><a href="/wiki/X">Party of\nGermany</a><sup class="reference">[1]</sup></td>')
    assert (cell.text, cell.links[0].text) == ("Party of Germany", "Party of Germany")


def test_flag_image_becomes_a_hint() -> None:
    cell = _cell(
        '<td><span class="flagicon"><img alt="" src="//upload.wikimedia.org/wikipedia/commons/'
        'thumb/2/20/Flag_of_the_Netherlands.svg/23px-Flag_of_the_Netherlands.svg.png"></span>'
        ' <a href="/wiki/Netherlands">Netherlands</a></td>'
    )
    assert [(hint.kind, hint.value) for hint in cell.flags] == [("image", "the Netherlands")]
    assert cell.text == "Netherlands"


def test_markdown_tables_know_their_section_and_lines() -> None:
    text = (
        "intro\n\n## 目标\n\ntext\n\n## 成员\n\n<table>\n<tr><th>国家</th><th>政党</th></tr>\n"
        "<tr><td></td><td>甲党</td></tr>\n</table>\n\n参见\n----\n\n<table><tr><td>x</td></tr></table>\n"
    )
    tables = read_markdown(text)
    assert [(t.index, t.section, t.line) for t in tables] == [(0, "成员", 9), (1, "参见", 17)]
    assert [row.line for row in tables[0].rows] == [10, 11]


def test_rows_past_the_parsers_last_counted_line_have_no_line() -> None:
    # libxml2's HTML parser counts lines to 65,535: every row after it said 65,535
    rows = "".join(f"<tr><td>{n}</td></tr>\n" for n in range(70_000))
    table = read_html_tables(f"<table>\n{rows}</table>")[0]
    lines = [row.line for row in table.rows]
    assert lines[:2] == [2, 3]
    assert lines[65_532] == 65_534  # the last line counted in full
    assert set(lines[65_533:]) == {None}
    lists = icor_extract.parse(
        "<h2>成员</h2>" + "<br>\n" * 70_000 + "<ul><li>甲党</li><li>乙党</li></ul>", format="html"
    )
    assert [member.organization for member in lists.members] == ["甲党", "乙党"]
    assert {member.location.line for member in lists.members} == {None}


def test_nested_table_is_read_apart_from_its_cell() -> None:
    text = "<table><tr><td>outer<table><tr><td>inner</td></tr></table></td></tr></table>"
    tables = read_markdown(text)
    assert [t.rows[0].cells[0].text for t in tables] == ["outer", "inner"]


def test_truncated_table_keeps_its_rows() -> None:
    tables = read_markdown("## 成员\n<table><tr><td>a</td></tr><tr><td>b</td>")
    assert [row.cells[0].text for row in tables[0].rows] == ["a", "b"]


def test_html_document_headings_skip_edit_links() -> None:
    document = (
        "<!DOCTYPE html><html><body><h2><span class='mw-headline'>成员</span>"
        "<span class='mw-editsection'>[编辑]</span></h2>"
        "<table><tbody><tr><th>国家</th></tr></tbody></table></body></html>"
    )
    assert [t.section for t in read_html_document(document)] == ["成员"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("## 成员\n\n<table><tr><td>a</td></tr></table>", "markdown"),
        ("<!DOCTYPE html><html><body><table></table></body></html>", "html"),
        ("<html><body></body></html>", "html"),
        ('== 成员 ==\n{| class="wikitable"\n! 国家 !! 政党\n|}', "wikitext"),
    ],
)
def test_detect_format(text: str, expected: str) -> None:
    assert detect_format(text) == expected


def test_every_variant_has_its_fallbacks_and_display_locale() -> None:
    # the variants are listed once (the Variant type); the tables keyed by them must follow
    from icor_extract.geo.countries import DISPLAY_LOCALES
    from icor_extract.readers.variants import FALLBACKS

    assert list(FALLBACKS) == list(DISPLAY_LOCALES) == list(icor_extract.VARIANTS)
