"""Pandoc-markdown pages whose tables were kept as raw HTML.

Pandoc writes a table it cannot express in markdown as an HTML block inside
the markdown text.  This reader finds each top-level ``<table>`` block, the
ATX (``## 成员``) or setext heading it sits under, and hands the block to the
HTML reader, keeping line numbers relative to the whole page.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from icor_extract.readers.html import read_html_tables
from icor_extract.readers.raw import RawTable, normalize_text, split_footnotes

__all__ = ["read_markdown", "table_spans"]

# Every pattern here runs in linear time on any text: runs are possessive and
# stop at the next opener, so no run is scanned once per starting point.
# A tag's attributes stop at "<": "<table " repeated without ">" is linear.
_TAG = re.compile(r"<(/?)table\b[^<>]*+>?", re.IGNORECASE)
# The heading line; its closing "#"s and trailing blanks are cut in Python.
_ATX = re.compile(r"^ {0,3}(#{1,6})[ \t]++(?P<title>[^\n]*+)", re.MULTILINE)
_ATX_CLOSING = re.compile(r"[ \t]#++$")
_UNDERLINE = re.compile(r"\n(?:=++|-++)[ \t]*+(?=\n|$)")
_INLINE_LINK = re.compile(r"\[([^\[\]]*+)\]\((?:[^()]++|\([^()]*+\))*+\)")


def table_spans(text: str) -> Iterator[tuple[int, int]]:
    """Yield (start, end) offsets of top-level ``<table>…</table>`` blocks.

    Nested tables stay inside their parent's block; a table left open at the
    end of the text runs to the end (a truncated download keeps its rows).
    """
    depth = 0
    start = 0
    for match in _TAG.finditer(text):
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


def _headings(text: str) -> list[tuple[int, str]]:
    found = [(m.start(), _atx_title(m.group("title"))) for m in _ATX.finditer(text)]
    for underline in _UNDERLINE.finditer(text):  # setext: a line of text, then === or ---
        start = text.rfind("\n", 0, underline.start()) + 1
        title = text[start : underline.start()]
        if title.strip() and "<" not in title and ">" not in title:
            found.append((start, title))
    cleaned = []
    for offset, raw in sorted(found):
        title = split_footnotes(normalize_text(_INLINE_LINK.sub(r"\1", raw).replace("\\", "")))[0]
        if title:
            cleaned.append((offset, title))
    return cleaned


def read_markdown(text: str) -> list[RawTable]:
    """Every HTML table of a pandoc-markdown page, in order, with its section."""
    headings = _headings(text)
    tables: list[RawTable] = []
    heading_index = 0
    section: str | None = None
    counted_to, line_offset = 0, 0
    for start, end in table_spans(text):
        while heading_index < len(headings) and headings[heading_index][0] < start:
            section = headings[heading_index][1]
            heading_index += 1
        line_offset += text.count("\n", counted_to, start)  # lines before this table
        counted_to = start
        tables += read_html_tables(
            text[start:end],
            section=section,
            line_offset=line_offset,
            first_index=len(tables),
            headings=False,
        )
    return tables
