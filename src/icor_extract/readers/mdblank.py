"""A pandoc page for the list reader: each HTML block opened by a block tag as one blank line.

markdown-it reads an HTML block line by line and the list reader ignores it;
the table blocks are most of a pandoc page's lines.  A line starting at the
page's margin with a tag of CommonMark's block names (``<table``, ``<tr``,
``</tbody`` ...: markdown-it's own list) starts an HTML block of type 6,
which ends before the next blank line, unless something opened before it
holds it: fenced code, an HTML block of types 1-5, a link definition's title.
So a block is collapsed only when no such opener stands outside the
collapsed blocks (inside one, it is part of the block and opens nothing),
and not on a page with carriage returns (markdown-it's lines would not be
``\n``'s).  One blank line ends a paragraph or a block quote as the block
did, and as the block's own blank lines would; it differs only in keeping a
list open, so a block followed by an indented line or a list item is left as
it is.  A table with blank lines in it is several such blocks, its rows'
lines starting with ``<tr``: each is collapsed.
:meth:`Collapsed.line` gives every line its number in the page again.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator
from dataclasses import dataclass

from markdown_it.common.html_blocks import block_names

__all__ = ["Collapsed", "collapse_html_blocks", "collapsed_text"]

#: a type-6 HTML block's first line at the page's margin (the first line, or after a line
#: break): markdown-it's test, ``</?`` and a block name in ASCII case, then white space, ``>``,
#: ``/>`` or the line's end, without its Unicode white space (a block left as it is is read
#: as markdown-it reads it)
_BLOCK_TAG = rf"</?(?ai:{'|'.join(block_names)})(?:[ \t>]|/>|$)"
_BLOCK_LINE = re.compile(_BLOCK_TAG, re.MULTILINE)
_NEXT_BLOCK_LINE = re.compile(rf"\n{_BLOCK_TAG}", re.MULTILINE)
#: the line break after a block's last line: a blank line follows (matched, not looked
#: ahead at: the same start, a fifth fewer instructions over a table's lines)
_BLOCK_END = re.compile(r"\n[ \t]*+(?:\n|\Z)")
#: what could hold a block tag line inside another block (fenced code, HTML blocks of
#: types 1-5, a link definition's title)
_UNSAFE = re.compile(
    r"```|~~~|<!--|<\?|<![A-Za-z\[]|<(?:script|pre|style|textarea)|\]:", re.IGNORECASE
)
_NON_BLANK_LINE = re.compile(r"^[ \t]*[^ \t\n]", re.MULTILINE)
#: a line that would continue a list across blank lines: indented, or a list item
_LIST_MARK = re.compile(r"[ \t]|(?:[-+*]|\d{1,9}[.)])(?:[ \t]|$)", re.MULTILINE)


@dataclass(frozen=True, slots=True)
class Collapsed:
    """The text markdown-it reads, and where its collapsed blocks were."""

    text: str
    #: the 0-based line of ``text`` each collapsed block is left as
    blanks: tuple[int, ...] = ()
    #: the lines taken out up to and including each block
    removed: tuple[int, ...] = ()

    def line(self, line: int) -> int:
        """The page's 0-based line number of ``text``'s ``line``."""
        before = bisect_left(self.blanks, line)  # blocks above the line
        return line + self.removed[before - 1] if before else line


def _list_follows(text: str, end: int) -> bool:
    """Whether the first non-blank line after ``end`` is indented or a list item."""
    following = _NON_BLANK_LINE.search(text, end)
    return following is not None and _LIST_MARK.match(text, following.start()) is not None


def _next_block(text: str, position: int) -> int:
    """The start of the first block tag line after ``position``, or -1."""
    match = _NEXT_BLOCK_LINE.search(text, position)
    return match.start() + 1 if match is not None else -1


def _blocks(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each HTML block to collapse: its first line's start, its last one's end."""
    start = 0 if _BLOCK_LINE.match(text) else _next_block(text, 0)
    while start >= 0:
        block_end = _BLOCK_END.search(text, start)
        end = block_end.start() if block_end is not None else len(text)
        if not _list_follows(text, end):
            yield start, end
        start = _next_block(text, end)


def _spans(text: str) -> list[tuple[int, int]] | None:
    """(start, end) of each block to collapse, or ``None`` when the page is read as it is."""
    if "\r" in text or "\x00" in text:
        return None
    spans: list[tuple[int, int]] = []
    done = 0
    for start, end in _blocks(text):
        if _UNSAFE.search(text, done, start) is not None:
            return None
        spans.append((start, end))
        done = end
    if not spans or _UNSAFE.search(text, done) is not None:
        return None
    return spans


def collapsed_text(text: str) -> str:
    """The text of :func:`collapse_html_blocks` alone, without counting the lines it removes."""
    spans = _spans(text)
    if spans is None:
        return text
    kept: list[str] = []
    done = 0
    for start, end in spans:
        kept.append(text[done:start])
        done = end
    kept.append(text[done:])
    return "".join(kept)


def collapse_html_blocks(text: str) -> Collapsed:
    """``text`` with each HTML block a block tag opens as a blank line, where it reads the same."""
    spans = _spans(text)
    if spans is None:
        return Collapsed(text)
    pieces: list[str] = []
    blanks: list[int] = []
    removed: list[int] = []
    done = line = taken = 0
    for start, end in spans:
        pieces.append(text[done:start])
        line += text.count("\n", done, start)
        blanks.append(line - taken)
        block_lines = text.count("\n", start, end)
        taken += block_lines
        removed.append(taken)
        line += block_lines
        done = end
    pieces.append(text[done:])
    return Collapsed("".join(pieces), tuple(blanks), tuple(removed))
