"""Pandoc-markdown pages: tables kept as raw HTML, and pipe and grid tables.

Pandoc writes a table it cannot express in markdown as an HTML block inside
the markdown text.  This reader finds each top-level ``<table>`` block, the
ATX (``## 成员``) or setext headings it sits under, and hands the block to the
HTML reader, keeping line numbers relative to the whole page.  Tables without
spans, which pandoc writes as pipe or grid tables, are read by
:mod:`.mdtables`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from icor_extract.readers.cell_text import normalize_text, split_footnotes
from icor_extract.readers.html import read_html_tables
from icor_extract.readers.mdtables import PlainTable, read_plain_tables
from icor_extract.readers.raw import RawTable, Trail, enter_heading, heading_path

__all__ = ["read_markdown", "table_spans"]

# Every pattern here runs in linear time on any text: runs are possessive and
# stop at the next opener, so no run is scanned once per starting point.
# A tag's attributes stop at "<": "<table " repeated without ">" is linear.
_TAG = re.compile(r"<(/?)table\b[^<>]*+>?", re.IGNORECASE)
#: the characters :func:`_tag_starts` reads at a time: its copies stay below glibc's mmap
#: threshold (128 KiB) even at four bytes a character, so none moves it (docs/benchmarks.md)
_WINDOW = 1 << 14
#: where :data:`_TAG` may match, in a window of :func:`_tag_starts`: ``\b`` holds here
#: wherever it holds for :data:`_TAG` (a character that is not ASCII is a "?" here, which
#: no word holds, and a window's end is a boundary), so no tag is missed; a "table" that
#: only starts a longer word (``<tablex``) is turned away in C
_TAG_START = re.compile(rb"</?table\b")
# The heading line; its closing "#"s and trailing blanks are cut in Python.  After the
# first line, a heading line is looked for after a line break: a literal first character
# lets the regex engine skip ahead, where "^" with MULTILINE tries every position.  A setext
# underline is looked for in the same pass: it starts with "=" or "-" where an ATX heading
# starts with " " or "#", and neither takes the line break after it.  The look-ahead for
# those four characters turns most lines away at one set test (a third of the time).
_ATX = re.compile(r" {0,3}(#{1,6})[ \t]++(?P<title>[^\n]*+)")
_HEADING_AFTER_BREAK = re.compile(
    r"\n(?=[ #=-])"
    r"(?: {0,3}(#{1,6})[ \t]++(?P<title>[^\n]*+)|(?P<underline>=++|-++)[ \t]*+(?=\n|$))"
)
_ATX_CLOSING = re.compile(r"[ \t]#++$")
_INLINE_LINK = re.compile(r"\[([^\[\]]*+)\]\((?:[^()]++|\([^()]*+\))*+\)")


def _tag_starts(text: str) -> Iterator[int]:
    """The offset of every ``<table`` and ``</table`` in ``text`` that :data:`_TAG` may match
    there, in any ASCII case, in order.

    Found by :data:`_TAG_START` in the text's ASCII bytes, lower-cased: :data:`_TAG` tried
    a match at each of a table page's "<" (its regex has no scan for a cased letter), and a
    loop over every "table" cost a Python step each on text full of the word.  Every
    character that is not ASCII becomes one "?", so offsets stay; ``re.IGNORECASE`` matches
    "table" only to ASCII letters (a test checks every code point).  The page is read by
    windows, so that no copy of a long page is made.
    """
    for low in range(0, len(text), _WINDOW):
        base = max(low - 2, 0)  # room for "</" before a "table" at the window's start
        window = text[base : low + _WINDOW + 4].encode("ascii", "replace").lower()
        for found in _TAG_START.finditer(window):
            if low - base <= found.end() - 5 < low + _WINDOW - base:  # its "table" is here
                yield base + found.start()


def table_spans(text: str) -> Iterator[tuple[int, int]]:
    """Yield (start, end) offsets of top-level ``<table>…</table>`` blocks.

    Nested tables stay inside their parent's block; a table left open at the
    end of the text runs to the end (a truncated download keeps its rows).
    :data:`_TAG` matches only where :func:`_tag_starts` points, and no match
    holds a "<" but its first, so these are the matches its scan finds.
    """
    depth = 0
    start = 0
    for position in _tag_starts(text):
        if (match := _TAG.match(text, position)) is None:
            continue
        if match.group(1):
            if depth == 0:
                continue
            depth -= 1
            if depth == 0:
                yield start, match.end()
        else:
            if depth == 0:
                start = match.start()
            depth += 1
    if depth > 0:
        yield start, len(text)


def _atx_title(title: str) -> str:
    """An ATX heading's text without its closing ``#`` sequence and trailing blanks."""
    title = title.rstrip(" \t")
    closing = _ATX_CLOSING.search(title)
    if closing is not None:
        title = title[: closing.start()]
    return title.rstrip(" \t")


def _headings(text: str, end: int) -> list[tuple[int, int, str]]:
    """(offset, level, title) of every ATX and setext heading that starts before ``end``.

    The scan stops at ``end``; a match that reaches it is matched again in the whole text
    (a title runs on to its line's end, and an underline must end its line).  One that
    stops short of it read no character past it.  Every heading that starts before ``end``
    is found when ``end`` is a table's start (a "<", or a pipe or grid table's first line):
    a heading's marks and an underline hold no "<", and a table's line is no underline.
    """
    first = _ATX.match(text, 0, end)
    if first is not None and first.end() == end:
        first = _ATX.match(text)
    found = [] if first is None else [(0, len(first[1]), _atx_title(first["title"]))]
    for cut in _HEADING_AFTER_BREAK.finditer(text, 0, end):
        heading = _HEADING_AFTER_BREAK.match(text, cut.start()) if cut.end() == end else cut
        if heading is None:
            continue
        if (underline := heading["underline"]) is None:
            found.append((heading.start() + 1, len(heading[1]), _atx_title(heading["title"])))
            continue
        start = text.rfind("\n", 0, heading.start()) + 1  # setext: a line, then === or ---
        title = text[start : heading.start()]
        if title.strip() and "<" not in title and ">" not in title:
            found.append((start, 1 if underline[0] == "=" else 2, title))
    cleaned = []
    for offset, level, raw in sorted(found):
        shown = _INLINE_LINK.sub(r"\1", raw) if "[" in raw else raw  # most titles hold no link
        title = split_footnotes(normalize_text(shown.replace("\\", "")))[0]
        if title:
            cleaned.append((offset, level, title))
    return cleaned


def read_markdown(text: str) -> list[RawTable]:
    """Every table of a pandoc-markdown page, in order, with its headings.

    HTML blocks are read by the HTML reader; pipe and grid tables (see
    :mod:`.mdtables`) become the same raw tables.  ``text``'s line breaks are ``\\n``
    (:func:`icor_extract.readers.read_tables` says why).
    """
    blocks: list[tuple[int, int, PlainTable | None]] = [
        (start, end, None) for start, end in table_spans(text)
    ]
    if plain_tables := read_plain_tables(text):
        starts = [0, *(match.end() for match in re.finditer("\n", text))]  # offset of each line
        blocks += [(starts[plain.start], -1, plain) for plain in plain_tables]
    if not blocks:
        return []
    blocks.sort(key=lambda block: block[0])
    # only the headings above a table are entered: the scan stops at the last table's start
    # (a seed page's table and lists come after its few headings)
    headings = _headings(text, blocks[-1][0])
    tables: list[RawTable] = []
    heading_index = 0
    trail: Trail = ()
    counted_to, line_offset = 0, 0
    for start, end, plain in blocks:
        while heading_index < len(headings) and headings[heading_index][0] < start:
            _, level, title = headings[heading_index]
            trail = enter_heading(trail, level, title)
            heading_index += 1
        if plain is not None:
            path = heading_path(trail)
            tables.append(
                RawTable(
                    index=len(tables),
                    rows=plain.rows,
                    section=path[0] if path else None,
                    line=plain.start + 1,
                    headings=path,
                )
            )
            continue
        line_offset += text.count("\n", counted_to, start)  # lines before this table
        counted_to = start
        tables += read_html_tables(
            text[start:end],
            trail=trail,
            line_offset=line_offset,
            first_index=len(tables),
            headings=False,
        )
    return tables
