"""The wikitext reader: table syntax, cell content, variants."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import icor_extract
from icor_extract.readers.variants import resolve_variants
from icor_extract.readers.wikimarkup import read_cell_content
from icor_extract.readers.wikitext import read_wikitext, split_attributed, split_cells

from .conftest import fixture_path


@pytest.mark.parametrize(
    ("line", "header", "cells"),
    [
        (" a || b ", False, [" a ", " b "]),
        (" {{flag|印度}} || [[甲党|甲]] ", False, [" {{flag|印度}} ", " [[甲党|甲]] "]),
        (" {{tpl|a||b}} || c", False, [" {{tpl|a||b}} ", " c"]),
        (" a !! b || c", True, [" a ", " b ", " c"]),
        (" a !! b", False, [" a !! b"]),
    ],
)
def test_split_cells(line: str, header: bool, cells: list[str]) -> None:
    assert split_cells(line, header=header) == cells


def _split_in_two_passes(line: str, *, header: bool) -> list[tuple[str, str]]:
    from icor_extract.readers.wikitext import _split_attributes

    return [_split_attributes(cell) for cell in split_cells(line, header=header)]


# every token of the cell syntax, the characters they are made of, and plain text
_PIECES = ["{{", "}}", "[[", "]]", "-{", "}-", "|", "||", "!!", "!", "{", "}", "[", "]", "-", "a="]
_PAIRS = ["{{a|b}}", "[[a|b]]", "{{a||b}}", "[[a]]", "{{}}", "[[|]]"]  # simply paired brackets


@settings(max_examples=1000)
@given(st.lists(st.sampled_from(_PIECES + _PAIRS), max_size=14), st.booleans())
def test_split_attributed_is_split_cells_then_attributes(pieces: list[str], header: bool) -> None:
    line = "".join(pieces)
    assert split_attributed(line, header=header) == _split_in_two_passes(line, header=header)


@pytest.mark.parametrize(
    "line",
    [
        ' rowspan="2" | {{flag|印度}}|| [[甲党|甲]] || 2010年',
        " a | b | c || d |e",
        " {{tpl|a||b}} | c || x",
        " [[a|b]] | c !! d | e",
        " }} | a || {{ | b",
        " ]] [[ | a || b",
        " -{a|b}- | c || -{ || d",
        " |!! a",
        " a!||b",
        "",
        "|",
        "||",
    ],
)
@pytest.mark.parametrize("header", [False, True])
def test_split_attributed_on_odd_lines(line: str, header: bool) -> None:
    assert split_attributed(line, header=header) == _split_in_two_passes(line, header=header)


TABLE = """\
== 成员 ==
{| class="wikitable"
|+ 标题
! 国家 !! 政党
|-
| rowspan="2" style="x" | {{flag|印度}} || [[甲党 (印度)|甲党]]<ref name="a">note</ref>
|-
|| 乙党<ref name="a" />
|- valign="top"
| colspan=2 | 跨列
|-
| {{IND}}
| multi
line
|}"""


def test_table_syntax() -> None:
    (table,) = read_wikitext(TABLE)
    assert (table.section, table.caption, table.line) == ("成员", "标题", 2)
    texts = [[cell.text for cell in row.cells] for row in table.rows]
    # a source newline inside a cell is a space, as MediaWiki renders it
    assert texts == [["国家", "政党"], ["", "甲党"], ["乙党"], ["跨列"], ["", "multi line"]]
    assert [row.line for row in table.rows] == [4, 5, 7, 9, 11]
    first = table.rows[1].cells
    assert (first[0].rowspan, first[0].flags[0].value) == ("2", "印度")
    assert first[1].footnotes == ("note",)
    assert table.rows[2].cells[0].footnotes == ("a",)
    assert table.rows[3].cells[0].colspan == "2"
    assert table.rows[4].cells[0].flags[0].kind == "code"
    assert all(cell.header for cell in table.rows[0].cells)


def test_nested_tables_are_tables_of_their_own() -> None:
    text = "{|\n! 国家 !! 政党\n|-\n| x || outer\n{|\n| inner\n|}\n|}\n"
    outer, inner = read_wikitext(text)
    assert [c.text for c in outer.rows[1].cells] == ["x", "outer"]
    assert inner.rows[0].cells[0].text == "inner"
    assert (outer.index, inner.index) == (0, 1)


def test_multiline_template_is_one_cell() -> None:
    (table,) = read_wikitext("{|\n| {{flag\n|印度}} || 甲党\n|}")
    assert [c.text for c in table.rows[0].cells] == ["", "甲党"]
    assert table.rows[0].cells[0].flags[0].value == "印度"


def test_truncated_table_keeps_its_rows() -> None:
    (table,) = read_wikitext("{|\n| a\n|-\n| b")
    assert [row.cells[0].text for row in table.rows] == ["a", "b"]


@pytest.mark.parametrize(
    ("markup", "text", "links"),
    [
        ("[[甲党]]", "甲党", [("甲党", "甲党")]),
        ("[[甲党_(印度)#历史|甲]]", "甲", [("甲党 (印度)", "甲")]),
        ("{{lang|en|Party}}", "Party", []),
        ("{{lang-en|Party}}", "Party", []),
        ("{{nowrap|甲 党}}", "甲 党", []),
        ("{{link-en|甲党|Party A}}", "甲党", [("甲党", "甲党")]),
        ("'''甲党'''&nbsp;乙", "甲党 乙", []),
        ("甲<br />乙", "甲\n乙", []),
        ("[[File:Flag of India.svg|20px]] 印度", "印度", []),
        ("[[Category:政党]]甲", "甲", []),
        ("<!-- comment -->甲", "甲", []),
        ("[http://example.org 官网]", "官网", []),
    ],
)
def test_cell_content(markup: str, text: str, links: list[tuple[str, str]]) -> None:
    found, found_links, *_ = read_cell_content(markup)
    assert found == text
    assert [(link.title, link.text) for link in found_links] == links


def test_flag_image_link_is_a_hint() -> None:
    flags = read_cell_content("[[File:Flag of India.svg|20px]] 印度")[3]
    assert [(h.kind, h.value) for h in flags] == [("image", "India")]


def test_unknown_templates_never_leak_into_values() -> None:
    text, _, footnotes, flags, dropped = read_cell_content(
        "甲党{{citation needed}}{{efn|注释}}{{unknown|x}}"
    )
    assert text == "甲党"
    assert dropped == ("unknown",)
    assert footnotes == ("注释",)
    # a template without parameters is a bare hint: repair decides if it names a country
    assert [(h.kind, h.value) for h in flags] == [("bare", "citation needed")]


def test_bare_templates_are_flags_only_when_they_name_a_country() -> None:
    text = "{|\n! 国家 !! 政党\n|-\n| {{印度}}{{citation needed}} || 甲党\n|}"
    extraction = icor_extract.parse(text, variant="zh-hans")  # explicit: no variant.auto note
    country = extraction.members[0].provenance_of("country")
    assert country is not None
    assert (country.rule, country.evidence) == ("country.flag", "{{印度}}")
    assert extraction.members[0].country_code == "IN"
    assert [(n.code, n.message) for n in extraction.notes] == [
        ("reader.dropped", "left out of the values: citation needed")
    ]


def test_dropped_templates_become_notes() -> None:
    text = "{|\n! 国家 !! 政党\n|-\n| {{flag|印度}} || 甲党{{dubious}}\n|}"
    extraction = icor_extract.parse(text, variant="zh-hans")  # explicit: no variant.auto note
    assert extraction.members[0].organization == "甲党"
    assert [(n.code, n.message) for n in extraction.notes] == [
        ("reader.dropped", "left out of the values: dubious")
    ]


def test_two_organizations_in_one_cell() -> None:
    text = (
        "{|\n! 国家 !! 政党 !! 加入时间\n|-\n| {{flag|法国}} || [[甲党]]<br>[[乙党]] || 2010年\n|}"
    )
    members = icor_extract.parse(text).members
    assert [(m.organization, m.link, m.country_code, m.joined) for m in members] == [
        ("甲党", "甲党", "FR", 2010),
        ("乙党", "乙党", "FR", 2010),
    ]


@pytest.mark.parametrize(
    ("variant", "expected"), [("zh-hans", "德国党"), ("zh-hant", "德國黨"), ("en", "德国党")]
)
def test_variant_markup(variant: str, expected: str) -> None:
    text = "{|\n! 国家 !! 政党\n|-\n| {{GER}} || -{zh-hans:德国党;zh-hant:德國黨;}-\n|}"
    (member,) = icor_extract.parse(text, variant=variant).members
    assert member.organization == expected


@pytest.mark.parametrize(
    ("markup", "expected"),
    [
        ("-{zh-cn:甲;zh-tw:乙}-", "甲"),
        ("-{保留原文}-", "保留原文"),
        ("-{H|zh-cn:甲;zh-tw:乙}-后", "后"),
        ("-{R|raw}-", "raw"),
        ("-{zh-hans:甲\n;zh-hant:乙}-", "甲\n"),
    ],
)
def test_resolve_variants(markup: str, expected: str) -> None:
    assert resolve_variants(markup, "zh-hans") == expected


def _cells_of_fixtures() -> list[str]:
    from icor_extract.readers.variants import resolve_variants
    from icor_extract.readers.wikitext import _split_attributes

    cells = []
    for name in ("icor.zh.wikitext", "cwpi.zh.wikitext", "icor.handwritten.wikitext"):
        text = resolve_variants(fixture_path(name).read_text(encoding="utf-8"))
        for line in text.splitlines():
            if line.startswith(("|", "!")) and not line.startswith(("|-", "|}", "|+")):
                cells += [_split_attributes(c)[1] for c in split_cells(line[1:], header=False)]
    return cells


CRAFTED = [
    "[[甲党]]", "[[甲党_(印度)|甲]]", "{{flag|印度}}", "{{IND}}", "{{flag|name=x|印度}}",
    "甲<br/>乙", "甲<ref>注</ref>", '甲<ref name="n" />', "甲&nbsp;乙&#20013;", "<!-- c -->甲",
    "{{lang|en|Party}}", "{{lang-de|Partei}}", "{{nowrap|甲 党}}", "{{link-en|甲党|Party}}",
    "{{efn|注释}}", "{{citation needed}}", "{{印度}}", "{{ }}", "[[ ]]", "a|b", "{{a|}}",
]  # fmt: skip


@pytest.mark.parametrize("markup", sorted(set(_cells_of_fixtures())) + CRAFTED)
def test_fast_path_agrees_with_mwparserfromhell(markup: str) -> None:
    _assert_both_paths_agree(markup)


def _assert_both_paths_agree(markup: str) -> None:
    assert read_cell_content(markup) == read_cell_content(markup, fast=False)


def test_an_unclosed_link_or_template_does_not_swallow_the_table() -> None:
    for broken in ("[[德国共产党]", "甲党{{citation needed"):
        text = (
            "{|\n! 国家 !! 政党或组织 !! 加入时间\n|-\n"
            f"| 德国 || {broken} || 2010年\n|-\n| 法国 || 乙党 || 2011年\n|}}"
        )
        members = icor_extract.parse(text).members
        assert [(m.organization, m.country_code, m.joined) for m in members][1] == (
            "乙党",
            "FR",
            2011,
        )
        assert len(members) == 2


def test_paragraphs_and_lists_in_a_cell_are_line_breaks() -> None:
    assert read_cell_content("甲\n乙\n\n丙\n* 丁")[0] == "甲 乙\n丙\n* 丁"


_TRICKY = " \t\n\r\x0b\x0c\x1c\x85\xa0\u2028\u3000\u200b\ufeff\x00\x07\x7f\x9f甲a."


@given(st.text(alphabet=st.sampled_from(_TRICKY) | st.characters(), max_size=12))
def test_the_short_cut_of_normalizing_is_normalize_text(text: str) -> None:
    from icor_extract.readers.cell_text import normalize_text
    from icor_extract.readers.wikirules import normalized

    assert normalized(text) == normalize_text(text)


# Footnotes of templates: names and arguments with the characters that decide
# whether mwparserfromhell reads a template, a name or a <ref> tag at all.
# fmt: off
_CITE_NAMES = ["cite web", "a''b", "a'b", " b ", "c_d", "Cite news", "nowrap", "lang", "lang-en",
               "link-en", "NoWrap", " ill", "flag", "IND", "efn", "e:f", "g#h", "x\ny", "x\n",
               "\nx \n", "x\ty", "x\x00y", "x\u2028y", "\u3000a", "a=b", "#if:x", "subst:x",
               "&amp;", "'''"]
_CITE_ARGS = ["=", ":", "/", "http://x.org", "url=https://y.org/a?b=c", "'", "''", "&amp;", "&",
              "#", "~", "\n", " ", "甲", "__", "}", "title=T", "1=", "mailto:a@b", "\n*", "=="]
_REF_ATTRIBUTES = ["", " name=a", ' name="a b"', " name='x'", " group=n", " name = c", ' name=""',
                   " name=a/b", " NAME=u", ' name="" name=b', "\n name=q", " name=a\tb", "\tname=a",
                   ' name="a\nb"', " name=a\n"]
# fmt: on
_cite = st.tuples(
    st.sampled_from(["", " ", "\n"]),
    st.sampled_from(_CITE_NAMES),
    st.lists(st.lists(st.sampled_from(_CITE_ARGS), max_size=4).map("".join), max_size=3),
).map(lambda t: t[0] + "{{" + t[1] + "".join("|" + arg for arg in t[2]) + "}}")
_ref_cell = st.tuples(
    # what the full parser reads differently from the fast path elsewhere in a cell: list,
    # heading and rule markup at a line's start, free URLs, entities
    st.sampled_from(["", "甲", " 2019年", "a\n", "[[a|b]]", "{{flag|印度}} ", "*乙", "a\n#b",
                     ":丙", "----", "== h ==\n", "; d", "&#x85;x", "&amp;", "甲 http://x.org ",
                     "{{flag|http://x}}", "mailto:a@b "]),
    st.sampled_from(_REF_ATTRIBUTES),
    st.lists(_cite, min_size=1, max_size=3).map("".join),
    st.sampled_from(["", "乙", " ", "\n", "<ref>x</ref>", "<br>", "\n*x", "\n----",
                     " http://y.org", "&#150;"]),
).map(lambda t: f"{t[0]}<ref{t[1]}>{t[2]}</ref>{t[3]}")


@settings(max_examples=500, deadline=None)
@given(_ref_cell)
def test_footnotes_of_templates_read_fast_as_mwparserfromhell_reads_them(markup: str) -> None:
    _assert_both_paths_agree(markup)


@pytest.mark.parametrize(
    "markup",
    [
        " 2019年<ref>{{cite web |title=A (M-L) |url=https://a.org/p?id=9 |dead-url=yes }}</ref>",
        '甲<ref name="n">{{cite news|title=T}} {{cite web|url=http://x.org}}</ref>',
        "甲<ref name=n>\n{{Cite web\n|title=T\n|url=http://x.org\n}}\n</ref>",
    ],
)
def test_a_footnote_of_citation_templates_takes_the_fast_path(markup: str) -> None:
    from icor_extract.readers.wikifast import read_fast
    from icor_extract.readers.wikirules import CellContent

    assert read_fast(markup, CellContent())


def test_a_cell_with_a_footnote_reads_list_markup_as_the_full_parser_does() -> None:
    """Found in review: the fast path kept ``*乙党`` and ``:丙党`` as names."""
    page = (
        "== 成员 ==\n{| class=\"wikitable\"\n! 组织 !! 国家 !! 加入\n|-\n| 甲党\n"
        "*乙党<ref>{{cite web|title=x}}</ref>\n| 印度\n| 1990\n|-\n"
        "|:丙党<ref>{{cite web|url=http://x}}</ref>\n| 日本\n| 1991\n|}\n"
    )
    members = icor_extract.parse(page, format="wikitext").members
    assert [(m.organization, m.country, m.joined) for m in members] == [
        ("甲党 乙党", "印度", 1990),
        ("丙党", "日本", 1991),
    ]


def test_a_repeated_cell_is_read_once_and_keeps_its_own_attributes() -> None:
    text = "{|\n! 2010年 !! 2010年\n|-\n| 2010年 || rowspan=2 | 2010年\n|-\n| 2010年 || x\n|}"
    (table,) = read_wikitext(text)
    cells = [cell for row in table.rows for cell in row.cells]
    assert [(c.text, c.header, c.rowspan) for c in cells] == [
        ("2010年", True, None), ("2010年", True, None), ("2010年", False, None),
        ("2010年", False, "2"), ("2010年", False, None), ("x", False, None),
    ]  # fmt: skip
    assert cells[2] is cells[4]  # one value, read once
