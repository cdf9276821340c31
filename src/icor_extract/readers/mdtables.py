"""Pandoc's plain markdown tables: pipe tables and grid tables.

Pandoc keeps a table as HTML only when it has spans; a table without them it
writes as a pipe table (``| 国家 | 政党 |`` over ``|---|---|``) or, when a cell
holds several lines, as a grid table (``+----+----+`` borders).  Pipe tables
are read with markdown-it-py, the maintained CommonMark parser (the
executablebooks project, also behind MyST): it follows the GFM table grammar
pandoc writes, gives each row its source line, and parses cell content
(links, images, escapes) the way a renderer would.  Neither markdown-it-py nor
mistune reads grid tables, so their borders are split here by column, and
each cell's text is then parsed inline by markdown-it-py like a pipe cell.
Both give the same :class:`RawCell` as the HTML reader: text, links, flag
images, footnote marks.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import pairwise

from markdown_it.token import Token

from icor_extract.readers.cell_text import flag_file, link_title, normalize_text, split_footnotes
from icor_extract.readers.mdit import Blocks, Parser
from icor_extract.readers.raw import FlagHint, Link, RawCell, RawRow, new_hint, new_link

__all__ = ["PlainTable", "has_plain_tables", "inline_cell", "read_plain_tables"]

# A pipe table's delimiter row (|---|:---:|) or a grid table's border (+---+).
_PIPE_DELIMITER = re.compile(
    r"^ {0,3}\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)+\|?[ \t]*$", re.MULTILINE
)
_GRID_BORDER = re.compile(r"^ {0,3}\+(?:[-=:]+\+)+[ \t]*$", re.MULTILINE)


@dataclass(frozen=True, slots=True)
class PlainTable:
    """A pipe or grid table: its rows, and the 0-based line it starts on."""

    start: int
    rows: tuple[RawRow, ...]


def has_plain_tables(text: str) -> bool:
    """A cheap test before parsing: a delimiter row or a grid border is present."""
    return _has_pipe_delimiter(text) or _has_grid_border(text)


def _has_pipe_delimiter(text: str) -> bool:
    """A delimiter row holds a ``|``: most pages have none, and need no regex scan."""
    return "|" in text and _PIPE_DELIMITER.search(text) is not None


def _has_grid_border(text: str) -> bool:
    """A grid border holds a ``+``: most pages have none, and need no regex scan."""
    return "+" in text and _GRID_BORDER.search(text) is not None


_PARSER = Parser("commonmark").enable("table")


def inline_cell(children: list[Token], *, header: bool) -> RawCell:
    """A cell from markdown-it's inline tokens: text, links, flag images."""
    parts: list[str] = []
    links: list[Link] = []
    flags: list[FlagHint] = []
    open_links: list[tuple[str | None, int]] = []
    for token in children:
        if token.type in ("text", "code_inline"):
            parts.append(token.content)
        elif token.type in ("softbreak", "hardbreak"):
            parts.append("\n" if token.type == "hardbreak" else " ")
        elif token.type == "link_open":
            open_links.append((link_title(str(token.attrGet("href") or "")), len(parts)))
        elif token.type == "link_close" and open_links:
            title, start = open_links.pop()
            shown = normalize_text("".join(parts[start:]))
            if title is not None and shown:
                links.append(new_link(title, shown))
        elif token.type == "image":
            found = flag_file(str(token.attrGet("src") or ""))
            if found is not None:
                flags.append(new_hint("image", found[0], found[1]))
        elif token.type == "html_inline" and token.content.lower().startswith("<br"):
            parts.append("\n")
    text, marks = split_footnotes(normalize_text("".join(parts)))
    return RawCell(
        text=text, header=header, links=tuple(links), footnotes=marks, flags=tuple(flags)
    )


def _pipe_tables(blocks: Blocks) -> Iterator[PlainTable]:
    """Pipe tables, with only their rows' inline runs parsed (not the page's prose)."""
    start = 0
    rows: list[RawRow] = []
    cells: list[RawCell] = []
    row_line: int | None = None
    in_head = False
    for token in blocks.tokens:
        if token.type == "table_open":
            start = token.map[0] if token.map else 0
            rows = []
        elif token.type == "thead_open":
            in_head = True
        elif token.type == "thead_close":
            in_head = False
        elif token.type == "tr_open":
            cells = []
            row_line = token.map[0] + 1 if token.map else None
        elif token.type == "inline" and row_line is not None:
            cells.append(inline_cell(blocks.children(token), header=in_head))
        elif token.type == "tr_close":
            rows.append(RawRow(cells=tuple(cells), line=row_line, in_head=in_head))
            row_line = None
        elif token.type == "table_close":
            yield PlainTable(start=start, rows=tuple(rows))


def _grid_columns(border: str) -> list[int]:
    return [i for i, char in enumerate(border) if char == "+"]


def _grid_line(line: str, columns: list[int]) -> list[str]:
    """A grid row line cut at the border's column marks, or at its bars if they moved."""
    aligned = all(line[x : x + 1] == "|" for x in columns)
    if not aligned:
        parts = line.strip().strip("|").split("|")
        if len(parts) == len(columns) - 1:
            return [part.strip() for part in parts]
    return [line[left + 1 : right].strip() for left, right in pairwise(columns)]


def _grid_cells(lines: list[str], columns: list[int], *, header: bool) -> tuple[RawCell, ...]:
    """One grid row: each column's text across the row's lines, parsed inline."""
    texts: list[list[str]] = [[] for _ in columns[:-1]]
    for line in lines:
        for k, part in enumerate(_grid_line(line, columns)):
            texts[k].append(part)
    cells = []
    for parts in texts:
        content = " ".join(part for part in parts if part)
        children = _PARSER.parseInline(content)[0].children if content else []
        cells.append(inline_cell(children or [], header=header))
    return tuple(cells)


def _grid_tables(lines: list[str]) -> Iterator[PlainTable]:
    """Grid tables: a border line, then rows of ``|`` lines each closed by a border."""
    number = 0
    while number < len(lines):
        if not _GRID_BORDER.match(lines[number]):
            number += 1
            continue
        start, columns = number, _grid_columns(lines[number].strip())
        indent = len(lines[number]) - len(lines[number].lstrip())
        rows: list[RawRow] = []
        pending: list[str] = []
        pending_line = number + 2
        number += 1
        head_rows = 0
        while number < len(lines) and lines[number].lstrip().startswith(("|", "+")):
            line = lines[number][indent:]
            if _GRID_BORDER.match(line):
                if pending:
                    rows.append(
                        RawRow(
                            cells=_grid_cells(pending, columns, header=False),
                            line=pending_line,
                        )
                    )
                if "=" in line:
                    head_rows = len(rows)
                pending, pending_line = [], number + 2
            else:
                pending.append(line)
            number += 1
        if head_rows:  # the rows above a +===+ border are the header
            rows[:head_rows] = [
                RawRow(
                    cells=tuple(
                        RawCell(text=c.text, header=True, links=c.links, footnotes=c.footnotes)
                        for c in row.cells
                    ),
                    line=row.line,
                    in_head=True,
                )
                for row in rows[:head_rows]
            ]
        if rows:
            yield PlainTable(start=start, rows=tuple(rows))


def read_plain_tables(text: str) -> list[PlainTable]:
    """Every pipe and grid table of a markdown page, in document order."""
    if not has_plain_tables(text):
        return []
    found = list(_pipe_tables(Blocks(text, tables=True)))
    if _has_grid_border(text):
        found += _grid_tables(text.split("\n"))
    return sorted(found, key=lambda table: table.start)
