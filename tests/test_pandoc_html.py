"""Pandoc's table blocks read without a parser give what the streaming HTML reader gives."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from icor_extract.readers import pandoc_html
from icor_extract.readers.cell_text import is_normal, link_title, normalize_text, split_footnotes
from icor_extract.readers.html import stream_tables
from icor_extract.readers.markdown import table_spans
from icor_extract.readers.pandoc_html import read_pandoc_table
from icor_extract.readers.raw import FlagHint, Link

FIXTURES = Path(__file__).parent / "fixtures"


def _both(text: str, *, line_offset: int = 0) -> tuple[object, object]:
    trail = ((2, "成员"), (3, "亚洲"))
    fast = read_pandoc_table(text, trail=trail, line_offset=line_offset, first_index=3)
    slow = stream_tables(text, trail=trail, line_offset=line_offset, first_index=3, headings=False)
    return fast, slow


@pytest.mark.parametrize("path", sorted(FIXTURES.glob("*.md")), ids=lambda path: path.name)
def test_every_fixture_block_in_pandocs_form_reads_as_the_parser_reads_it(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    for start, end in table_spans(text):
        fast, slow = _both(text[start:end], line_offset=text.count("\n", 0, start))
        assert fast is None or fast == slow


def test_the_seed_pages_table_is_read_without_the_parser() -> None:
    text = (FIXTURES / "icor.zh.md").read_text(encoding="utf-8")
    start, end = next(table_spans(text))
    fast, slow = _both(text[start:end])
    assert fast is not None
    assert fast == slow


#: text as pandoc writes it and near it: spaces of every kind, source newlines, footnote
#: marks, brackets, quotes, characters outside the BMP, characters the form refuses (tab,
#: CR, entities, controls, non-characters)
_TEXT = st.sampled_from(
    ["甲党", "a b", "a  b", " ", "\n", "x\ny", "\u3000", "\xa0", "\u200b", "[1]", "\\[2\\]",
     "[注 3]", "(", ")", '"', "'", "/", "=", "\t", "\r", "&amp;", "&", "c\x01", "d\x85",
     "\ufffe", "e>", "😀", "\u2028", "\ufeff", "\ufffd", "\x0b", "\x7f"]
)  # fmt: skip
_HREF = st.sampled_from(
    ["../Page/印度.md", "../Page/印度共产党_(马列).md", "https://zh.wikipedia.org/wiki/甲",
     "/wiki/%E5%8D%B0_X", "./乙", "/wiki/File:Flag_of_India.svg", "Flag_of_Nepal.svg",
     "../Page/Category:党.md", "#cite", "", " /wiki/丙 ", "index.php?title=丁&amp;action=edit",
     "/wiki/a\x01b"]
)  # fmt: skip


@st.composite
def _inline(draw: st.DrawFn) -> str:
    parts = []
    for _ in range(draw(st.integers(0, 4))):
        kind = draw(st.sampled_from(["text", "link", "break"]))
        if kind == "text":
            parts.append(draw(_TEXT))
        elif kind == "link":
            shown = "".join(draw(st.lists(_TEXT, max_size=2)))
            parts.append(f'<a href="{draw(_HREF)}" title="wikilink">{shown}</a>')
        else:
            parts.append("<br />")
    return "".join(parts)


_SPACE = st.sampled_from(["", "", "\n", " ", "\n\n", " \n "])


@st.composite
def _cell(draw: st.DrawFn) -> str:
    tag = draw(st.sampled_from(["td", "th"]))
    body = draw(st.one_of(st.just(""), _inline().map(lambda inline: f"<p>{inline}</p>")))
    return f"<{tag}>{body}</{tag}>"


@st.composite
def _rows(draw: st.DrawFn) -> str:
    rows = []
    for _ in range(draw(st.integers(0, 4))):
        opening = draw(st.sampled_from(["<tr>", '<tr class="odd">', '<tr class="header">']))
        cells = "".join(draw(_SPACE) + draw(_cell()) for _ in range(draw(st.integers(0, 4))))
        rows.append(draw(_SPACE) + opening + cells + draw(_SPACE) + "</tr>")
    return "".join(rows)


@st.composite
def _blocks(draw: st.DrawFn) -> str:
    if draw(st.booleans()):
        body = draw(_rows())
    else:
        head = f"{draw(_SPACE)}<thead>{draw(_rows())}{draw(_SPACE)}</thead>"
        bodies = [
            f"{draw(_SPACE)}<tbody>{draw(_rows())}{draw(_SPACE)}</tbody>"
            for _ in range(draw(st.integers(0, 2)))
        ]
        body = (head if draw(st.booleans()) else "") + "".join(bodies)
    return f"<table>{body}{draw(_SPACE)}</table>"


@settings(max_examples=300, deadline=None)
@given(_blocks(), st.integers(0, 3))
def test_a_block_in_pandocs_form_reads_as_the_parser_reads_it(block: str, offset: int) -> None:
    fast, slow = _both(block, line_offset=offset)
    assert fast is None or fast == slow


#: markup near pandoc's form that it does not take: other tags, attributes, entities,
#: comments, raw text, a cell left open, case and spacing the form does not write
_NEAR = st.sampled_from(
    ["<td>", "</td>", "<p>", "</p>", "<tr>", "</tr>", "<tbody>", "</thead>", "<table>",
     "</table>", "<b>", "</b>", "<br>", "<br/>", "<TD>", "<td >", '<td rowspan="2">',
     "<!--", "-->", "<script>", "<caption>", "<div>", "&lt;", "&#160;", "<", ">", "x"]
)  # fmt: skip


def _edited(block: str, edits: list[tuple[int, str]]) -> str:
    """``block`` with each piece put in at its position (taken modulo the length so far)."""
    for position, piece in edits:
        at = position % (len(block) + 1)
        block = block[:at] + piece + block[at:]
    return block


@settings(max_examples=300, deadline=None)
@given(_blocks(), st.lists(st.tuples(st.integers(0, 10**6), _NEAR), min_size=1, max_size=3))
def test_a_block_near_pandocs_form_reads_as_the_parser_reads_it(
    block: str, edits: list[tuple[int, str]]
) -> None:
    fast, slow = _both(_edited(block, edits))
    assert fast is None or fast == slow


def test_the_generated_blocks_are_mostly_read_without_the_parser() -> None:
    """The comparisons above are not vacuous: the form's own blocks take the fast path."""
    read = 0
    for block in ("<table></table>", "<table>\n<tr><td><p>甲</p></td></tr>\n</table>",
                  '<table><thead><tr class="header"><th><p>国家</p></th></tr></thead>'
                  '<tbody><tr class="odd"><td><p><a href="../Page/印度.md" title="wikilink">'
                  "印度</a><br />\n[1]</p></td><td></td></tr></tbody></table>"):  # fmt: skip
        fast, slow = _both(block)
        read += fast is not None
        assert fast == slow
    assert read == 3


def test_a_long_block_is_read_with_every_line() -> None:
    """Past line 65,535 libxml2 counts no further: the parser's rows have no line there."""
    row = "<tr><td><p>甲</p></td></tr>\n"
    block = "<table>\n" + row * 70_000 + "</table>"
    fast, slow = _both(block)
    assert isinstance(fast, list)
    assert isinstance(slow, list)
    fast_lines = [row.line for row in fast[0].rows]
    assert fast_lines == list(range(2, 70_002))
    assert [row.line for row in slow[0].rows] == fast_lines[:65_533] + [None] * 4_467
    assert [row.cells for row in fast[0].rows] == [row.cells for row in slow[0].rows]


def test_row_groups_across_runs_of_empty_sections_read_as_the_parser_reads_them() -> None:
    """Between two rows may stand any number of section tags (each read at C speed): the
    last of them names the next row's group, and only a new section starts one."""
    row = "<tr><td><p>甲</p></td></tr>\n"
    block = (
        "<table>\n<thead>\n" + row + "</thead>\n" + "<tbody></tbody>" * 1_000 + "\n<tbody>\n"
        + row * 2 + "</tbody>\n<tbody>\n" + row + "</tbody>\n" + "<tbody></tbody>" * 3
        + "\n</table>"
    )  # fmt: skip
    fast, slow = _both(block)
    assert isinstance(fast, list)
    assert fast == slow
    assert [(row.group, row.in_head) for row in fast[0].rows] == [
        (0, True), (1, False), (1, False), (2, False)
    ]  # fmt: skip


#: hrefs around the sole link's article paths: both prefixes and near misses, every character
#: link_title changes or stops at in the title, the ".md" ending and near misses
_HREF_START = st.sampled_from(
    ["../Page/", "Page/", "./Page/", "../page/", "https://zh.wikipedia.org/wiki/", "http://h/wiki/",
     "//h/wiki/", "/wiki/", "https:/h/wiki/", "https://h/w/", "ftp://h/wiki/", "", "./", " "]
)  # fmt: skip
_HREF_PIECE = st.sampled_from(
    ["印度", "a", "A.B", "%E5%8D%B0", "%", "_", ":", "Category:", "File:", "Flag_of_India.svg",
     "?", "#", "?title=丙", "/", ".", ".md", " ", "\u3000", "\xa0", "\u200b", "\ufeff", "\x85",
     "\u2028", "\t", "\x01", "😀", "&amp;"]
)  # fmt: skip
_HREF_END = st.sampled_from([".md", ".md", "", ".md.md", ".mdx", ".m", " ", "?x", "#y", "/"])


@settings(max_examples=1000, deadline=None)
@given(
    _HREF_START,
    st.lists(_HREF_PIECE, max_size=3),
    _HREF_END,
    st.sampled_from(["印度", "", " 甲  乙 ", "x\ny", "[1]"]),
)
def test_a_sole_links_article_path_gives_link_titles_title(
    start: str, pieces: list[str], end: str, shown: str
) -> None:
    """The sole-link pattern reads ``page``/``wiki`` titles only where link_title gives them."""
    href = start + "".join(pieces) + end
    inline = f'<a href="{href}" title="wikilink">{shown}</a>'
    assume(re.fullmatch(pandoc_html._LINK, inline) is not None)  # a link in pandoc's form
    cell = pandoc_html._cell(inline, header=False)
    text = normalize_text(shown.replace("\n", " "))
    found = pandoc_html._link(href, text)  # what every link of a paragraph gets
    assert cell.links == ((found,) if isinstance(found, Link) else ())
    assert cell.flags == ((found,) if isinstance(found, FlagHint) else ())
    assert (cell.text, cell.footnotes) == split_footnotes(text)


def test_the_sole_links_article_paths_take_the_short_way() -> None:
    """The comparison above is not vacuous: the common hrefs are read by the pattern's groups."""
    cases = (("../Page/印度.md", "印度"), ("Page/a.md.md", "a.md"),
             ("https://zh.wikipedia.org/wiki/甲", "甲"), ("//h/wiki/A/B", "A/B"))  # fmt: skip
    for href, title in cases:
        link = pandoc_html._SOLE_LINK.fullmatch(f'<a href="{href}" title="t">x</a>')
        assert link is not None
        assert (link["page"] or link["wiki"]) == title == link_title(href)


_NORMAL_CHARACTERS = [" ", "a", "国", "\u3000", "\xa0", "\u200b", "\ufeff", "\u2028", "\x85",
                      "\xad", "\t", "\n", "\x00", "\x1f", "\x7f", "\ud800", "\ue000",
                      "\u0378"]  # fmt: skip


@given(st.lists(st.one_of(st.sampled_from(_NORMAL_CHARACTERS), st.characters()), max_size=12))
def test_a_normal_text_by_string_methods_is_one_the_pattern_finds_normal(chars: list[str]) -> None:
    text = "".join(chars)
    assert pandoc_html._normal(text) == (is_normal(text) is not None)


def test_a_normal_text_by_string_methods_on_every_code_point() -> None:
    for code in range(0x110000):
        for text in (chr(code), f"a{chr(code)}b"):
            assert pandoc_html._normal(text) == (is_normal(text) is not None), hex(code)
    for text in ("", " ", "a ", " a", "a  b", "a b", "国 国"):
        assert pandoc_html._normal(text) == (is_normal(text) is not None), text


# The form's check before it was split (the block's shape, then each distinct paragraph): the
# whole block with every paragraph checked in place, the reference for which blocks it takes
_OLD_INLINE = (
    rf"(?:{pandoc_html._TEXT}++|<a href={pandoc_html._VALUE} title={pandoc_html._VALUE}>"
    rf"{pandoc_html._TEXT}*+</a>|{pandoc_html._BREAK})*+"
)
_OLD_BODY = rf"(?:<p>{_OLD_INLINE}</p>)?+"
_OLD_ROWS = (
    rf"(?:[ \n]*+<tr(?: class={pandoc_html._VALUE})?+>"
    rf"(?:[ \n]*+(?:<td>{_OLD_BODY}</td>|<th>{_OLD_BODY}</th>))*+[ \n]*+</tr>)*+"
)
_OLD_TABLE = re.compile(
    rf"<table>(?:{_OLD_ROWS}|(?:[ \n]*+<thead>{_OLD_ROWS}[ \n]*+</thead>)?+"
    rf"(?:[ \n]*+<tbody>{_OLD_ROWS}[ \n]*+</tbody>)*+)[ \n]*+</table>"
)


def _taken(block: str) -> bool:
    return read_pandoc_table(block, trail=(), line_offset=0, first_index=0) is not None


@settings(max_examples=500, deadline=None)
@given(_blocks(), st.lists(st.tuples(st.integers(0, 10**6), _NEAR), max_size=2))
def test_the_blocks_taken_are_those_the_whole_form_matches(
    block: str, edits: list[tuple[int, str]]
) -> None:
    block = _edited(block, edits)
    assert _taken(block) == (_OLD_TABLE.fullmatch(block) is not None)


@pytest.mark.parametrize(
    "paragraph",
    ["甲", "a>b", "a&b", "a\tb", "a\rb", "\x85", "\ufffe", "\ud800", "\u3000甲", "\xad",
     '<a href="../Page/甲.md" title="x">甲</a>', '<a href="../Page/甲.md" title="x">a>b</a>',
     '<a href="../Page/甲.md" title="x">甲</a>x<br />', '<a href="../Page/甲.md" title="x">甲</a>&',
     "<b>甲</b>", "<br>", "甲<br />乙", '<a href="a&b" title="x">甲</a>甲'],
)  # fmt: skip
def test_a_paragraph_out_of_the_form_sends_its_block_to_the_parser(paragraph: str) -> None:
    for cell in (f"<td><p>{paragraph}</p></td>", f"<th><p>{paragraph}</p></th>"):
        block = f"<table>\n<tr><td><p>乙</p></td>{cell}</tr>\n<tr>{cell}</tr>\n</table>"
        assert _taken(block) == (_OLD_TABLE.fullmatch(block) is not None), block


@settings(max_examples=500, deadline=None)
@given(st.lists(st.one_of(_TEXT, st.characters()), max_size=6), st.booleans())
def test_a_paragraph_of_text_alone_reads_as_the_parser_reads_it(
    parts: list[str], header: bool
) -> None:
    """The text-alone cell, read in ``_Cells.__missing__`` without a call, against the parser."""
    tag = "th" if header else "td"
    markup = f"<{tag}><p>{''.join(parts)}</p></{tag}>"
    try:
        fast = pandoc_html._Cells()[markup]
    except pandoc_html._OutOfForm:
        return
    block = f"<table><tr>{markup}</tr></table>"
    tables = stream_tables(block, trail=(), line_offset=0, first_index=0, headings=False)
    (slow,) = tables[0].rows[0].cells
    assert fast == slow
