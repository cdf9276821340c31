"""The markdown readers' short cuts give what markdown-it's own way gives."""

from __future__ import annotations

import re
from collections.abc import Callable
from unittest import mock

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt
from markdown_it.common.normalize_url import normalizeLink

from icor_extract.readers import markdown, mdblank, mdlists
from icor_extract.readers.markdown import _headings
from icor_extract.readers.mdblank import Collapsed, collapse_html_blocks, collapsed_text
from icor_extract.readers.mdit import INLINE_RULES, Blocks, Parser, normalize_link
from icor_extract.readers.mdlists import read_markdown_lists
from icor_extract.readers.mdtables import has_plain_tables, read_plain_tables

from .conftest import FIXTURES

#: every destination written in the markdown fixtures, as ``](...)`` gives it
DESTINATIONS = sorted(
    {
        match.group(1)
        for path in FIXTURES.glob("*.md")
        for match in re.finditer(r"\]\(([^ )]*)", path.read_text(encoding="utf-8"))
    }
)

EDGES = [
    "",
    " ",
    "../Page/帝国主义.md",
    " ../Page/a b.md ",
    "\u3000../Page/x.md",
    "https://zh.wikipedia.org/wiki/人类",
    "HTTPS://ZH.wikipedia.org/wiki/X",
    "https://zh.wikipedia.org",
    "https://zh.wikipedia.org:8080/wiki/X",
    "https://user@zh.wikipedia.org/wiki/X",
    "https://a@b@c/d",
    "https://ünï.org/wiki/X",
    "https://xn--n3h.com/",
    "https://" + "a" * 64 + ".org/x",
    "https://" + ".".join(["a" * 63] * 5) + "/x",
    "http://[::1]/x",
    "//zh.wikipedia.org/wiki/X",
    "/wiki/X?title=Y#Z",
    "./X",
    "mailto:a@b.org",
    "javascript:alert(1)",
    "ſ:x",
    "\u212a:x",
    "a%2",
    "a%E5%B8%9D%zz%",
    "a\ud800b",
    "a\ud83d\ude00b",
    "😀/x y\t\n",
    "<>\"`{}|\\^'",
    "index.php?title=X&action=edit",
]


def _outcome(normalize: Callable[[str], str], url: str) -> str:
    """The normalised link, or the error's type (mdurl fails on a surrogate pair)."""
    try:
        return normalize(url)
    except UnicodeError as error:
        return type(error).__name__


@pytest.mark.parametrize("url", DESTINATIONS + EDGES)
def test_the_link_short_cut_normalises_as_markdown_it(url: str) -> None:
    assert _outcome(normalize_link, url) == _outcome(normalizeLink, url)


def test_the_fixtures_have_destinations_of_both_kinds() -> None:
    assert any(url.startswith("../Page/") for url in DESTINATIONS)
    assert any(url.startswith("https://") for url in DESTINATIONS)


_URL_PARTS = st.sampled_from(
    ["https://", "http://", "//", "../Page/", "/wiki/", "Page", ".md", "zh.", "wikipedia.org",
     "xn--", "ünï", "@", ":", ":80", "%", "%2F", "%E5", "?", "#", "&", "=", " ", "\t", "\u3000",
     "[", "]", "\\", "人类", "a", "Z", "0", "-", ".", "_", "~", "'", "\ud800", "😀", "mailto:"]
)  # fmt: skip


@pytest.mark.slow
@settings(max_examples=3000, deadline=None)
@given(st.lists(_URL_PARTS, max_size=8).map("".join))
def test_the_link_short_cut_normalises_random_destinations_as_markdown_it(url: str) -> None:
    assert _outcome(normalize_link, url) == _outcome(normalizeLink, url)


def test_commonmark_parses_inline_runs_only_in_the_rules_blocks_leaves_out() -> None:
    """Blocks runs ``INLINE_RULES`` per run; the rest of the core chain must not touch the runs."""
    names = MarkdownIt("commonmark").core.ruler.get_active_rules()
    assert names == ["normalize", "block", *INLINE_RULES]


_PIPE_PAGE = (
    "[ref]: ../Page/参考.md\n\n段落 [链接][ref]\n\n| 国家 | 政党 |\n|:---|---:|\n"
    "| [中国](../Page/中国.md) | ![flag](Flag_of_China.svg) **党** |\n| a \\| b | `c` |\n\n- 项\n"
)
_PAGES = [(FIXTURES / name).read_text(encoding="utf-8") for name in ("icor.zh.md", "fi.zh.md")]


@pytest.mark.parametrize("text", [*_PAGES, _PIPE_PAGE])
@pytest.mark.parametrize("tables", [False, True])
def test_inline_runs_parsed_on_request_are_those_of_a_full_parse(
    text: str, *, tables: bool
) -> None:
    parser = Parser("commonmark").enable("table") if tables else Parser("commonmark")
    full = parser.parse(text)
    blocks = Blocks(text, tables=tables)
    assert [token.type for token in blocks.tokens] == [token.type for token in full]
    pairs = zip(blocks.tokens, full, strict=True)
    runs = [(lazy, whole) for lazy, whole in pairs if lazy.type == "inline"]
    assert runs
    for lazy, whole in reversed(runs):  # any order: a run does not depend on the others
        assert [t.as_dict() for t in blocks.children(lazy)] == [
            t.as_dict() for t in whole.children or []
        ]


def test_pipe_tables_read_with_their_rows_parsed_on_request() -> None:
    (table,) = read_plain_tables(_PIPE_PAGE)
    assert [[cell.text for cell in row.cells] for row in table.rows] == [
        ["国家", "政党"],
        ["中国", "党"],
        ["a | b", "c"],
    ]
    assert table.rows[1].cells[0].links[0].title == "中国"


def _lists(document: str) -> list[tuple[tuple[str, ...], str | None, list[str]]]:
    return [
        (found.headings, found.lead.text if found.lead else None, [i.text for i in found.items])
        for found in read_markdown_lists(document)
    ]


@pytest.mark.parametrize(
    ("document", "expected"),
    [
        ("## A\n\nCategory:X\n\n- item", [((), "Category:X", ["item"])]),
        ("## A\n\nCategory:X\n\n### B\n\n- item", [(("B",), None, ["item"])]),
        ("## A\n\nCategory:X\n\n## B\n\n- item", [(("B",), None, ["item"])]),
        ("## A\n\nCategory:X\n\nplain\n\n- item", [((), "plain", ["item"])]),
        ("## A\n\nplain\n\n### B\n\n- item", [(("B", "A"), None, ["item"])]),
        ("## A\n\n分类:X 分類:Y\n\n### B\n\n#### C\n\n- item", [(("C", "B"), None, ["item"])]),
        (
            "## A\n\n- one\n\nCategory:X\n\n- two\n\n### B\n\n- three",
            [(("A",), None, ["one"]), ((), "Category:X", ["two"]), (("B",), None, ["three"])],
        ),
        ("## A\n\n> Category:X\n\n### B\n\n- item", [(("B",), None, ["item"])]),
        ("## A\n\n[Cat](x)egory:X\n\n### B\n\n- item\n\nCategory:Z", [(("B",), None, ["item"])]),
    ],
)
def test_paragraphs_read_only_when_needed_still_lead_and_reset_the_headings(
    document: str, expected: list[tuple[tuple[str, ...], str | None, list[str]]]
) -> None:
    """The category links reset the headings: read when a later heading leaves that visible."""
    assert _lists(document) == expected


TABLE = "<table>\n<tr><td>x</td></tr>\n</table>"
_BLOCKS = [
    TABLE,
    "<table>\n<!-- a comment -->\n<tr><td>- x</td></tr>\n</table>",
    "<table>\n```\n- y\n</table>",
    "<TABLE border=1>\n[a]: /x\n<tr>\n</TABLE>",
    "<table/>",
    "<table>\n- a\n* b",
    "<table>\n   \n- after the blank",
    "<table>\n\t\n    code",
    "<table><tr><td>x</td></tr></table>\n  - indented item",
    "<tables>\n- not a table",
    "```\n<table>\n- in code\n```",
    "<!--\n<table>\n-->",
    "<pre>\n<table>\n</pre>",
    '[b]: /y "title\n<table>\n"',
    "<div>\n<table>\n</div>",
    "- item\n<table>\n</table>",
    "> quoted\n<table>\n</table>",
    "line\r\n<table>\r\n- r",
    # the other block tags, a table with blank lines in it, and near misses
    '<tr class="odd">\n<td><p>甲</p></td>\n</tr>',
    "<table>\n<tr><td>a</td></tr>\n\n<tr><td>b</td></tr>\n\n</tbody>\n</table>",
    "</tbody>\n- after a closing tag",
    "<DIV>\n- in a div",
    "<li>\n- y",
    "<h2>\n## z",
    "<td/>",
    "</tr",
    "<p>\n- a paragraph tag",
    "<trx>\n- not a block tag",
    "<tr\u3000\n- unicode space after the name",
    "<\u017fection>\n- a long s",
    "<trac\u212a>\n- a kelvin sign",
    "  <tr>\n- an indented tag",
    "<span>\n<tr>\n- after a type-7 block",
]
_PIECES = [
    *_BLOCKS,
    "## 成员",
    "### 亚洲",
    "Category:X",
    "后来加入的成员：",
    "- [甲](../Page/甲.md)\n- 乙\n    - 丙",
    "1. 一",
    "2.",
    "  - 缩进",
    "    code",
    "",
]


def _uncollapsed(text: str) -> Collapsed:
    return Collapsed(text)


def _both(document: str, monkeypatch: pytest.MonkeyPatch) -> tuple[str, str]:
    """The lists read with the table blocks collapsed and as markdown-it reads the whole page."""
    collapsed = repr(read_markdown_lists(document))
    with monkeypatch.context() as patch:
        patch.setattr(mdlists, "collapse_html_blocks", _uncollapsed)
        whole = repr(read_markdown_lists(document))
    return collapsed, whole


@pytest.mark.parametrize("block", _BLOCKS)
@pytest.mark.parametrize("after", ["\n\n- next", "\n\n\n\ntext\n- next", "\n", "\n\n    indented"])
def test_collapsed_table_blocks_read_as_the_whole_page(
    block: str, after: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    document = f"## 成员\n\n- first\n\n{TABLE}\n\n- second\n{block}{after}\n\n{TABLE}\n\n3. third"
    collapsed, whole = _both(document, monkeypatch)
    assert collapsed == whole


def test_collapsing_keeps_every_line_number() -> None:
    page = collapse_html_blocks(f"{TABLE}\n\na\n\n{TABLE}\n{TABLE}\n\nb\n\n{TABLE}")
    assert page.text == "\n\na\n\n\n\nb\n\n"
    assert [page.line(n) for n in (0, 2, 4, 6, 8)] == [0, 4, 6, 13, 15]


@pytest.mark.parametrize(
    "page",
    [
        f"{TABLE}\r\n\r\na",
        f"{TABLE}\n\na\x00",
        f"```\n{TABLE}\n```",
        f"{TABLE}\n\n```\n{TABLE}",
        f"{TABLE}\n\n```\ncode",
    ],
)
def test_a_page_markdown_it_reads_otherwise_is_not_collapsed(page: str) -> None:
    """Carriage returns or NUL (markdown-it's lines are not the page's), or an opener before
    a block or after the last one (it may hold the block's lines): the page as it is."""
    assert collapsed_text(page) == page
    assert collapse_html_blocks(page).text == page


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from([*_PIECES, "a\x00b", "a\rb", "\n"]), max_size=10).map("\n".join))
def test_the_collapsed_text_alone_is_the_collapsed_pages_text(document: str) -> None:
    """What the list pre-scan reads is what the list reader reads."""
    assert collapsed_text(document) == collapse_html_blocks(document).text


@pytest.mark.slow
@settings(max_examples=1500, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=10), st.lists(st.sampled_from(["\n", "\n\n"])))
def test_collapsed_table_blocks_read_as_the_whole_page_in_random_documents(
    pieces: list[str], breaks: list[str]
) -> None:
    document = "".join(
        piece + (breaks[k] if k < len(breaks) else "\n") for k, piece in enumerate(pieces)
    )
    with pytest.MonkeyPatch.context() as monkeypatch:
        collapsed, whole = _both(document, monkeypatch)
    assert collapsed == whole


@pytest.mark.parametrize(
    "document",
    [
        "-x\n+y\n*z\n1.5\n1234567890. ten digits\n1:\n",
        "\u00a0- no-break space\n\u3000- ideographic\n\ufeff- byte order mark",
        "## 成员\n\n- item",
        "> - quoted item",
        ">>-\n",
        "\t* tabbed",
        "1)",
        "para\r- after a carriage return",
        "para\r\n2. crlf",
        "    - code, still an item line",
        "١. arabic-indic digit",
        f"{TABLE}\n\ntext",
    ],
)
def test_a_page_without_item_lines_reads_as_markdown_it_reads_it(
    document: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    skipped = read_markdown_lists(document)
    monkeypatch.setattr(mdlists, "may_hold_lists", lambda text: True)
    assert skipped == read_markdown_lists(document)


@pytest.mark.parametrize(
    ("document", "expected"),
    [
        (
            "# 首\n## 次 ##\n   ### 三\n    # code\n#no\n####### seven",
            [(1, "首"), (2, "次"), (3, "三")],
        ),
        ("text\n  ## 二\n\n# 一", [(2, "二"), (1, "一")]),
        (" # 空格", [(1, "空格")]),
    ],
)
def test_atx_headings_are_found_on_the_first_line_and_after_every_break(
    document: str, expected: list[tuple[int, str]]
) -> None:
    found = _headings(document, len(document))
    assert [(level, title) for _, level, title in found] == expected
    starts = [0, *(n + 1 for n, char in enumerate(document) if char == "\n")]
    assert all(offset in starts for offset, _, _ in found)


@pytest.mark.parametrize(
    ("document", "expected"),
    [("a\n|-|-|", True), ("a\n-|-", True), ("+--+--+", True), ("a - b\n---", False), ("", False)],
)
def test_plain_tables_are_looked_for_only_where_a_bar_or_a_plus_is(
    document: str, *, expected: bool
) -> None:
    assert has_plain_tables(document) is expected


#: the block end as a look-ahead, before it was matched
_BLOCK_END_AHEAD = re.compile(r"\n(?=[ \t]*(?:\n|\Z))")


@given(st.text(alphabet="\n \t<a", max_size=40), st.integers(min_value=0, max_value=40))
def test_a_block_ends_where_the_look_ahead_says(text: str, start: int) -> None:
    found = mdblank._BLOCK_END.search(text, start)
    expected = _BLOCK_END_AHEAD.search(text, start)
    assert (found and found.start()) == (expected and expected.start())


# Round five's heading scan, two passes (ATX headings, then setext underlines): the reference
_OLD_ATX_AFTER_BREAK = re.compile(r"\n {0,3}(#{1,6})[ \t]++(?P<title>[^\n]*+)")
_OLD_UNDERLINE = re.compile(r"\n(?:=++|-++)[ \t]*+(?=\n|$)")


def _old_raw_headings(text: str) -> list[tuple[int, int, str]]:
    found = [
        (m.start() + 1, len(m.group(1)), markdown._atx_title(m.group("title")))
        for m in _OLD_ATX_AFTER_BREAK.finditer(text)
    ]
    if (first := markdown._ATX.match(text)) is not None:
        found.append((0, len(first.group(1)), markdown._atx_title(first.group("title"))))
    for underline in _OLD_UNDERLINE.finditer(text):
        start = text.rfind("\n", 0, underline.start()) + 1
        title = text[start : underline.start()]
        if title.strip() and "<" not in title and ">" not in title:
            found.append((start, 1 if underline.group(0).lstrip("\n")[0] == "=" else 2, title))
    return sorted(found)


#: lines: ATX headings of every level and indent, underlines, text to underline, and near misses
_HEADING_LINES = ["# a", "## 目标 ##", "   ### x", "    # code", "#no", "####### 7", "#\t制", "===",
                  "---", "--- ", "-\t", "= =", "- a", "a", "目标 [1]", "[x](y)", "", " ", "<b>",
                  "a<b", "\\#", "\t# t", "-", "=", "## [a](b) #"]  # fmt: skip


@settings(max_examples=500)
@given(st.lists(st.sampled_from(_HEADING_LINES), max_size=12).map("\n".join))
def test_one_scan_finds_the_headings_the_two_scans_found(text: str) -> None:
    cleaned = [(o, level, title) for o, level, title in _headings(text, len(text))]
    old = []
    for offset, level, raw in _old_raw_headings(text):
        shown = markdown._INLINE_LINK.sub(r"\1", raw) if "[" in raw else raw
        title = markdown.split_footnotes(markdown.normalize_text(shown.replace("\\", "")))[0]
        if title:
            old.append((offset, level, title))
    assert cleaned == old


#: lines of a page with tables: headings, setext titles and underlines next to tables, a table
#: starting on a heading's or a title's line, pipe and grid tables, text
_PAGE_LINES = [*_HEADING_LINES, "<table><tr><td>甲</td></tr></table>", "<table>", "</table>",
               "<tr><td>乙</td></tr>", "## 成员 <table><tr><td>丙</td></tr></table>",
               "标题 <table><tr><td>丁</td></tr></table>", "| a | b |", "|---|---|", "| 戊 | 己 |",
               "+---+", "| x |", "+===+", "---<table><tr><td>庚</td></tr></table>",
               "== <table>", "# <table>", "##<table>", "<table>## 辛"]  # fmt: skip


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(_PAGE_LINES), max_size=16).map("\n".join))
def test_headings_read_to_the_last_tables_line_give_the_tables_of_a_whole_scan(
    text: str,
) -> None:
    """read_markdown reads the headings up to its last table's first line only."""
    cut = markdown.read_markdown(text)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(markdown, "_headings", lambda page, _end: _headings(page, len(page)))
        whole = markdown.read_markdown(text)
    assert cut == whole


def _spans_by_finditer(text: str) -> list[tuple[int, int]]:
    """``markdown.table_spans`` as it was: every ``_TAG`` match of the regex's own scan."""
    spans, depth, start = [], 0, 0
    for match in markdown._TAG.finditer(text):
        if match.group(1):
            if depth == 0:
                continue
            depth -= 1
            if depth == 0:
                spans.append((start, match.end()))
        else:
            if depth == 0:
                start = match.start()
            depth += 1
    return [*spans, (start, len(text))] if depth > 0 else spans


_TABLE_PIECES = ["<table>", "</table>", "<TABLE", "</TaBlE >", "<table", "table", "<", "</",
                 "<tablex>", "<table国>", "<table_>", "<table1>", "< table>", "</ table>", ">",
                 "国", "\ud800", "\U0001d400", "a", " ", "\n", "<td>", "<ta", "ble>",
                 "<tr>"]  # fmt: skip


@settings(max_examples=500)
@given(
    st.lists(st.one_of(st.sampled_from(_TABLE_PIECES), st.text(max_size=3)), max_size=40).map(
        "".join
    ),
    st.integers(min_value=1, max_value=9),
)
def test_table_tags_found_in_ascii_bytes_are_the_regex_scan_matches(text: str, window: int) -> None:
    assert list(markdown.table_spans(text)) == _spans_by_finditer(text)
    with mock.patch.object(markdown, "_WINDOW", window):  # tags across the windows' edges
        assert list(markdown.table_spans(text)) == _spans_by_finditer(text)


def test_only_ascii_letters_match_the_table_tag_letters_ignoring_case() -> None:
    letters = re.compile("[table]", re.IGNORECASE)
    matched = {chr(code) for code in range(0x110000) if letters.fullmatch(chr(code))}
    assert matched == set("tableTABLE")


def test_table_spans_on_the_fixtures_are_the_regex_scan_spans() -> None:
    for path in FIXTURES.glob("*.md"):
        page = path.read_text(encoding="utf-8")
        assert list(markdown.table_spans(page)) == _spans_by_finditer(page), path.name
