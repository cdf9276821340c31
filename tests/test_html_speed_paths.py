"""The HTML reader's fast paths give what its slow paths give, on inputs that take each."""

from __future__ import annotations

import re
from urllib.parse import unquote

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

from icor_extract.readers import cell_text, html_guard, raw
from icor_extract.readers.html_cells import read_cell
from icor_extract.readers.html_guard import MAX_CELL_DEPTH, Guarded
from icor_extract.readers.raw import (
    CONTROLS_DROPPED,
    FlagHint,
    Link,
    RawCell,
    new_cell,
    new_hint,
    new_link,
)

#: pieces of markup around the guard's decisions: cell, row and table tags in any case
#: and with what may follow their names, comments, raw text, runs of tags near the limit
_GUARD_PIECES = st.sampled_from(
    ["<table>", "</table>", "<TABLE x>", "<table1>", "<tr>", "</tr>", "<Tr/>", "<tr-x>",
     "<trx>", "<td>", "</TD>", "<th>", "<thead>", "<tbody>", "</tfoot>", "<caption>",
     "<b>", "</b>", "<br>", "<img>", "<", "< tr>", "<!--", "-->", "<script>", "</script>",
     "<textarea>", "<title>", "a", "甲", " ", "\n", "<b>" * MAX_CELL_DEPTH,
     "<i>" * (MAX_CELL_DEPTH + 1), "<" * MAX_CELL_DEPTH]
)  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.lists(_GUARD_PIECES, max_size=30).map("".join))
def test_the_quick_row_count_is_the_full_scans_where_it_is_taken(text: str) -> None:
    rows = html_guard._rows_if_safe(text)
    if rows is not None:
        assert html_guard._scan(text, every_tag=True).rows == rows
        assert html_guard.guard(text) == Guarded(text, rows)


@settings(max_examples=300, deadline=None)
@given(st.lists(_GUARD_PIECES, max_size=30).map("".join))
def test_the_scan_of_landmarks_finds_what_the_scan_of_every_tag_finds(text: str) -> None:
    quick = html_guard._scan(text, every_tag=False)
    if not quick.gave_up:
        full = html_guard._scan(text, every_tag=True)
        assert (quick.rows, quick.removed, quick.marked) == (full.rows, full.removed, full.marked)
        assert not full.flattened
        assert not quick.flattened


#: inline content of a cell: texts that need cleaning or not, footnote marks, links of
#: every kind, markup the fast path takes and markup that sends the cell to the walk
_INLINE = st.sampled_from(
    ["甲党", "a b", "a  b", " a", "b ", "x\ny", "\u3000乙", "\u200b", "c\x01", "d\x85", "[1]",
     "\\[2\\]", "&#160;", "&amp;", '<a href="../Page/印度.md">印度</a>',
     '<a href="/wiki/%E5%8D%B0_X">印 X</a>', '<a href="https://zh.wikipedia.org/wiki/甲">甲 </a>',
     '<a href="/wiki/File:Flag_of_India.svg">旗</a>', '<a href="#cite">[3]</a>', "<a>无</a>",
     '<a href="./乙"><b>乙</b> 党</a>', "<b>粗</b>", "<span>丙</span>", "<small>[4]</small>",
     '<span class="sortkey">!</span>', '<i style="display:none">隐</i>', "<br>",
     "<sup>[5]</sup>", '<sup class="reference">[6]</sup>', '<img src="Flag_of_Nepal.svg">',
     "<div>块</div>"]
)  # fmt: skip
_CELL_TAGS = st.sampled_from(
    ["<td>", "<th>", '<td rowspan="2">', '<th colspan="x">', "<td data-icor-flattened>",
     '<td data-icor-unclosed="">', '<td style="color:red">']
)  # fmt: skip


@st.composite
def _cells(draw: st.DrawFn) -> str:
    """A cell of inline content, bare or in one paragraph with white space around it."""
    content = "".join(draw(st.lists(_INLINE, max_size=6)))
    if draw(st.booleans()):
        content = draw(st.sampled_from(["", " ", "\n"])) + f"<p>{content}</p>"
    return draw(_CELL_TAGS) + content


@settings(max_examples=400, deadline=None)
@given(_cells())
def test_the_plain_cell_path_reads_what_the_walk_reads(cell: str) -> None:
    document = f"<table><tr>{cell}</tr></table>"
    found = etree.fromstring(document, etree.HTMLParser()).find(".//tr")
    assert found is not None
    assert len(found) == 1
    element = found[0]
    header = element.tag == "th"
    assert read_cell(element, header=header) == read_cell(element, header=header, fast=False)


def test_a_cell_built_from_its_slots_is_the_cell_its_constructor_builds() -> None:
    link = Link(title="印度", text="印度")
    flag = FlagHint(kind="image", value="India", evidence="Flag_of_India.svg")
    fields = {
        "text": "甲", "header": True, "rowspan": "2", "colspan": None, "links": (link,),
        "footnotes": ("[1]",), "flags": (flag,), "dropped": (CONTROLS_DROPPED,),
    }  # fmt: skip
    built = new_cell(**fields)  # type: ignore[arg-type]
    assert built == RawCell(**fields)  # type: ignore[arg-type]
    assert repr(built) == repr(RawCell(**fields))  # type: ignore[arg-type]
    assert hash(built) == hash(RawCell(**fields))  # type: ignore[arg-type]


def test_links_and_hints_built_from_their_slots_are_what_their_constructors_build() -> None:
    pairs = [
        (new_link("印度共产党", "印共"), Link(title="印度共产党", text="印共")),
        (
            new_hint("template", "印度", "{{flag|印度}}"),
            FlagHint(kind="template", value="印度", evidence="{{flag|印度}}"),
        ),
    ]
    for built, made in pairs:
        assert type(built) is type(made)
        assert (built, repr(built), hash(built)) == (made, repr(made), hash(made))
        for value in (built, made):  # frozen, both
            with pytest.raises(AttributeError):
                setattr(value, next(iter(type(value).__slots__)), "x")


@settings(max_examples=500, deadline=None)
@given(
    st.text(
        alphabet=st.sampled_from("a甲 \t\n\r\x0b\x1c\x01\x7f\x85\x9f\xa0\u2003\u3000\u200b\ufeff")
    )
)
def test_a_normal_text_is_one_that_normalizing_leaves_as_it_is(text: str) -> None:
    """What ``normalize_text`` returns without working on it is what its work would give."""
    slow = "\n".join(
        line
        for line in (cell_text._LINE_SPACE.sub(" ", part).strip(" ") for part in text.split("\n"))
        if line
    )
    if cell_text.is_normal(text):
        assert not cell_text.has_controls(text)
        assert slow == text == cell_text.normalize_text(text)


def _cell(markup: str) -> etree._Element:
    found = etree.fromstring(f"<table><tr>{markup}</tr></table>", etree.HTMLParser())
    element = found.find(".//td")
    assert element is not None
    return element


@pytest.mark.parametrize(
    "markup",
    ["<td>a<p>b</p></td>", "<td><p>b</p>c</td>", "<td><b>a</b><p>b</p></td>",
     "<td><span>a<p>b</p></span></td>", '<td><a href="/wiki/X">a<p>b</p></a></td>',
     "<td> <p>b</p>\n</td>", "<td><p>b</p></td>",
     '<td><p><a href="../Page/甲.md"><p>字</p></a>字</p></td>',
     '<td><a href="/wiki/甲"><b><a href="/wiki/乙">乙</a></b>甲</a></td>'],
)  # fmt: skip
def test_the_fast_path_leaves_to_the_walk_what_it_would_read_otherwise(markup: str) -> None:
    """A block starts a new line; a link inside a link ends, and is listed, first."""
    element = _cell(markup)
    assert read_cell(element) == read_cell(element, fast=False)


#: texts a cell's nodes may hold or trail: nothing, white space alone (blank or not to
#: ``str.strip``), a word
_PIECES = st.sampled_from(["", " ", "\n", "\u200b", "字", "a b"])
#: the fast path's tags, a link to an article among them
_PLAIN_OPEN = st.sampled_from(
    ["<p>", '<a href="../Page/甲.md">', "<b>", "<i>", "<strong>", "<em>", "<small>", "<span>"]
)


def _plain_markup(children: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    """One element of the fast path's tags: text, children, closing tag and tail."""

    def build(parts: tuple[str, str, list[str], str]) -> str:
        opening, text, inner, tail = parts
        name = opening[1:].split(">")[0].split()[0]
        return f"{opening}{text}{''.join(inner)}</{name}>{tail}"

    return st.tuples(_PLAIN_OPEN, _PIECES, st.lists(children, max_size=3), _PIECES).map(build)


@settings(max_examples=600, deadline=None)
@given(
    st.tuples(
        _PIECES, st.lists(st.recursive(_PIECES, _plain_markup, max_leaves=6), max_size=3)
    ).map(lambda parts: parts[0] + "".join(parts[1]))
)
def test_the_plain_cell_path_reads_nested_inline_markup_as_the_walk_does(content: str) -> None:
    """Text and tails in every position of the fast path's tags, paragraphs among them."""
    element = _cell(f"<td>{content}</td>")
    assert read_cell(element) == read_cell(element, fast=False)


def _link_title_by_three_patterns(href: str) -> str | None:
    """``cell_text.link_title`` as it was before its patterns were joined: the oracle."""
    href = href.strip()
    title: str | None = None
    patterns = (
        r"^(?:\.\./)?Page/(?P<title>.+?)\.md$",
        r"^(?:(?:https?:)?//[^/]+)?/wiki/(?P<title>[^?#]+)",
        r"[?&]title=(?P<title>[^&#]+)",
    )
    for number, pattern in enumerate(patterns):
        match = re.search(pattern, href) if number == 2 else re.match(pattern, href)
        if match:
            title = match.group("title")
            break
    else:
        if href.startswith("./"):
            title = href[2:].split("#", 1)[0].split("?", 1)[0]
    if not title:
        return None
    title = unquote(title).replace("_", " ").strip()
    if not title or cell_text.namespace_of(title) is not None:
        return None
    if cell_text.is_normal(title):
        return title
    return cell_text._SPACE.sub(" ", cell_text._CONTROL.sub("", title)).strip() or None


_HREF_PIECES = st.sampled_from(
    ["../", "Page/", ".md", "/wiki/", "https:", "http:", "//", "zh.wikipedia.org", "/", "?",
     "#", "&", "title=", "index.php", "./", "%E5%8D%B0", "%", "%3A", "_", " ", "\n", "\x01",
     "File:", "Category:", "分类:", "甲", "a", ".md\n", ":"]
)  # fmt: skip


@settings(max_examples=1000, deadline=None)
@given(st.lists(_HREF_PIECES, max_size=8).map("".join))
def test_a_links_title_is_what_the_three_patterns_read(href: str) -> None:
    assert cell_text.link_title(href) == _link_title_by_three_patterns(href)


def test_a_row_built_from_its_slots_is_the_row_its_constructor_builds() -> None:
    cells = (RawCell(text="甲"), RawCell(text="", header=True))
    built = raw.new_row(cells=cells, line=7, group=1, in_head=True)
    made = raw.RawRow(cells=cells, line=7, group=1, in_head=True)
    assert (built, repr(built), hash(built)) == (made, repr(made), hash(made))
