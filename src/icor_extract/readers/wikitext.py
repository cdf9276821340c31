"""Wikitext tables (``{| … |}``), scanned line by line as MediaWiki does.

The table syntax is line-based, and this scanner follows MediaWiki's own
``Parser::handleTables`` (formerly ``doTableStuff``): ``{|`` opens a table
(nested tables open inside a cell), ``|}`` closes it, ``|-`` starts a row,
``|+`` is the caption, a line starting with ``|`` or ``!`` holds cells split
at ``||`` (and ``!!`` on header lines), and a cell's attributes stand before
its first single ``|``.  Other lines continue the current cell.  Unlike
MediaWiki, which expands templates first, this scanner sees them unexpanded,
so a ``|`` or ``||`` inside ``{{…}}``, ``[[…]]`` or ``-{…}-`` never splits a
cell.  The cells are read by :mod:`.wikicells`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from icor_extract.model import Variant
from icor_extract.readers.raw import (
    RawTable,
    Trail,
    enter_heading,
    heading_path,
    new_row,
)
from icor_extract.readers.variants import resolve_variants
from icor_extract.readers.wikicells import Cell, CellsRead, piece_cell
from icor_extract.readers.wikimarkup import read_cell_content

__all__ = ["TableScanner", "heading_title", "read_wikitext", "scan_depth", "split_cells"]

_HEADING = re.compile(r"^(?P<level>={1,6})(?P<title>.+?)(?P=level)\s*$")
_OPENERS = frozenset({"{{", "[[", "-{"})
#: the first character of a table's row mark (``|-``) or cell line (``|``, ``!``), and
#: the marks that start with one but are neither (table end, caption)
_ROW_OR_CELLS = frozenset({"|", "!"})
_OTHER_MARKS = frozenset({"|}", "|+"})


_TOKENS = re.compile(r"\{\{|\[\[|-\{|\}\}|\]\]|\}-|\|\||!!|\|")
_CLOSERS = frozenset({"}}", "]]", "}-"})


_BRACES = re.compile(r"\{\{|\}\}")


def scan_depth(text: str, depth: int = 0) -> tuple[int, int | None]:
    """Templates (``{{``) left open after ``text``, starting from ``depth``.

    Only templates run over several lines; a link or variant markup left open
    at the end of a line is text, as MediaWiki shows it.  Also returns the
    offset just past the point where the open templates close (``None`` if
    they do not).
    """
    if depth == 0 and "{{" not in text:  # nothing opens; a closer alone changes nothing
        return 0, None
    closed_at = None
    for match in _BRACES.finditer(text):
        if match.group() == "{{":
            depth += 1
        elif depth > 0:
            depth -= 1
            if depth == 0 and closed_at is None:
                closed_at = match.end()
    return depth, closed_at


def _top_level(text: str) -> Iterator[re.Match[str]]:
    """The ``||``, ``!!`` and ``|`` tokens of ``text`` outside ``{{…}}``, ``[[…]]``, ``-{…}-``."""
    depth = 0
    for match in _TOKENS.finditer(text):
        token = match.group()
        if token in _OPENERS:
            depth += 1
        elif token in _CLOSERS:
            depth = max(0, depth - 1)
        elif depth == 0:
            yield match


def split_cells(line: str, *, header: bool) -> list[str]:
    """Split one cell line (without its first ``|``/``!``) at top-level ``||``/``!!``."""
    if "{" not in line and "[[" not in line:
        return line.replace("!!", "||").split("||") if header else line.split("||")
    cells: list[str] = []
    start = 0
    for match in _top_level(line):
        if match.group() == "||" or (header and match.group() == "!!"):
            cells.append(line[start : match.start()])
            start = match.end()
    cells.append(line[start:])
    return cells


def _split_attributes(cell: str) -> tuple[str, str]:
    """(attributes, content): attributes stand before the first top-level single ``|``."""
    if "|" in cell:
        for match in _top_level(cell):
            if match.group()[0] == "|":
                return cell[: match.start()], cell[match.start() + 1 :]
    return "", cell


# A line whose brackets all pair up simply: {{…}} and [[…]] holding no brace,
# bracket or ||.  Inside such a pair no token opens or closes, so its | are at
# depth one and every other | is top level: the line's cells are its pieces
# between ||, as the token walk cuts them, with no template left open (a - before
# {{ opens with -{ there instead, to the same depth).  Every run is possessive,
# so a line is scanned once.
_IN_PAIR = r"[^{}\[\]|]*+(?:\|(?!\|)[^{}\[\]|]*+)*+"  # a pair's inside: no bracket, no ||
_SIMPLE_LINE = re.compile(
    rf"[^{{}}\[\]]*+(?:(?:\{{\{{{_IN_PAIR}\}}\}}|\[\[{_IN_PAIR}\]\])[^{{}}\[\]]*+)*+"
).fullmatch


def _attributes_at(cell: str, bar: int) -> tuple[str, str]:
    return (cell[:bar], cell[bar + 1 :]) if bar >= 0 else ("", cell)


def split_attributed(line: str, *, header: bool) -> list[tuple[str, str]]:
    """:func:`split_cells`, then :func:`_split_attributes` of each cell, in one pass.

    A cell starts just after a top-level ``||``, so its tokens and depths are
    the line's: the first top-level ``|`` of each cell is found on the way.
    Without ``{`` or ``[[`` every ``|`` is top level (no opener can precede
    it) and no cell holds a ``||`` (they were split there), so the first
    ``|`` of a cell is its attributes' end.
    """
    if "{" not in line and "[[" not in line:
        return [_attributes_at(cell, cell.find("|")) for cell in split_cells(line, header=header)]
    cells: list[tuple[str, str]] = []
    start, bar = 0, -1
    for match in _top_level(line):
        token = match.group()
        if token == "||" or (header and token == "!!"):
            cells.append(_attributes_at(line[start : match.start()], bar))
            start, bar = match.end(), -1
        elif token == "|" and bar < 0:
            bar = match.start() - start
    cells.append(_attributes_at(line[start:], bar))
    return cells


#: a row as scanned: its line number and its cells (a str: a simple line's piece).  A
#: tuple, not an object: a table has a row per line, and a tuple costs a tenth to build
_Row = tuple[int, list[str | Cell]]


@dataclass(slots=True)
class _Table:
    index: int
    line: int
    headings: tuple[str, ...]
    caption: str | None = None
    rows: list[_Row] = field(default_factory=list)
    depth: int = 0  # templates left open in the current cell

    def add_cells(self, line: str, number: int) -> None:
        """A cell line, split as the token walk splits it.

        :meth:`TableScanner.tables` cuts most lines itself: a simple ``|`` line in a row.
        """
        mark, rest = line[0], line[1:]
        if not self.rows:  # cells before the first |- form an implicit first row
            self.rows.append((number, []))
        cells = self.rows[-1][1]
        for attributes, content in split_attributed(rest, header=mark == "!"):
            cells.append([mark, attributes, content])
        self.depth = scan_depth(rest)[0]

    def continue_cell(self, raw: str) -> None:
        """A line that belongs to the current cell (or ends its open template)."""
        if not self.rows or not self.rows[-1][1]:
            return
        cells = self.rows[-1][1]
        cell = cells[-1]
        if isinstance(cell, str):  # a simple line's piece, cut now that it grows
            cell = cells[-1] = piece_cell(cell)
        if self.depth == 0:
            cell.append(raw)
            self.depth = scan_depth(raw)[0]
            return
        depth, closed_at = scan_depth(raw, self.depth)
        if closed_at is None:
            cell.append(raw)
            self.depth = depth
            return
        # The template closes on this line; what follows may hold more cells.
        first, *more = split_cells(raw[closed_at:], header=cell[0] == "!")
        cell.append(raw[:closed_at] + first)
        for piece in more:
            cells.append([cell[0], *_split_attributes(piece)])
        self.depth = scan_depth(raw[closed_at:])[0]

    def build(self, built: CellsRead, limit: int | None = None) -> RawTable:
        cells_read = built.cells
        kept = [row for row in self.rows if row[1]][:limit]  # MediaWiki drops an empty |-
        rows = []
        for line, scanned in kept:
            cells = []
            for cell in scanned:
                if isinstance(cell, str):
                    found = cells_read.get(cell) or built.piece(cell)
                else:
                    key = tuple(cell)
                    found = cells_read.get(key) or built.cell(key)
                cells.append(found)
            rows.append(new_row(tuple(cells), line, 0, False))
        return RawTable(
            index=self.index,
            rows=tuple(rows),
            section=self.headings[0] if self.headings else None,
            caption=self.caption,
            line=self.line,
            headings=self.headings,
        )


def heading_title(line: str) -> tuple[int, str] | None:
    """(level, title) of a heading line, if it is one."""
    match = _HEADING.match(line.strip())
    if match is None:
        return None
    title = read_cell_content(match.group("title").strip())[0]  # normalized
    return (len(match.group("level")), title) if title else None


@dataclass
class TableScanner:
    """The line scanner's state: tables open and finished, the headings open."""

    finished: list[_Table] = field(default_factory=list)
    open_tables: list[_Table] = field(default_factory=list)
    trail: Trail = ()
    count: int = 0

    def open(self, number: int) -> None:
        self.open_tables.append(
            _Table(index=self.count, line=number, headings=heading_path(self.trail))
        )
        self.count += 1

    def tables(self, lines: Iterator[tuple[int, str]]) -> None:
        """The lines of the tables open, until the last one closes.

        Most lines of a table start a row or hold cells: those are taken here,
        without :meth:`inside`'s tests, when no template is left open.
        """
        open_tables = self.open_tables
        for number, raw in lines:
            line = raw.lstrip()
            table = open_tables[-1]
            head = line[:2]
            if table.depth or head[:1] not in _ROW_OR_CELLS or head in _OTHER_MARKS:
                self.inside(table, raw, line, number)
                if not open_tables:
                    return
            elif head == "|-":
                table.rows.append((number, []))
            elif head[0] == "|" and table.rows and _SIMPLE_LINE(rest := line[1:]) is not None:
                # cut at its ||, each piece at its attributes when read; each {{ of the
                # line closes on it, so the depth stays 0
                table.rows[-1][1].extend(rest.split("||"))
            else:
                table.add_cells(line, number)

    def read(self, rows: int | None = None) -> list[RawTable]:
        """The tables scanned, in document order, their cells read (``rows``: the first rows)."""
        finished = self.finished + self.open_tables[::-1]  # a truncated page keeps them
        built = CellsRead()
        in_order = sorted(finished, key=lambda table: table.index)
        return [table.build(built, rows) for table in in_order]

    def inside(self, table: _Table, raw: str, line: str, number: int) -> None:
        """A line inside ``table``, read as MediaWiki's table parser reads it."""
        if table.depth > 0:
            if not line.startswith(("|}", "|-", "{|")):  # inside a multi-line template
                table.continue_cell(raw)
                return
            table.depth = 0  # a template left open at a row or table mark is text
        mark = line[:1]
        if mark == "|":
            kind = line[1:2]
            if kind == "-":
                table.rows.append((number, []))
            elif kind == "}":
                self.finished.append(self.open_tables.pop())
            elif kind == "+":
                table.caption = read_cell_content(line[2:])[0] or None
            else:
                table.add_cells(line, number)
        elif mark == "!":
            table.add_cells(line, number)
        elif mark == "{" and line.startswith("{|"):
            table.continue_cell("")  # the nested table is read as a table of its own
            self.open(number)
        else:
            table.continue_cell(raw)


def read_wikitext(
    text: str, *, variant: Variant = "zh-hans", rows: int | None = None
) -> list[RawTable]:
    """Every table of a wikitext page, in document order, with its headings.

    ``rows`` keeps only each table's first rows (the page is still scanned
    whole, but the cells of later rows are never read): enough to look for
    a header, at a fraction of the cost.
    """
    text = resolve_variants(text, variant)
    scanner = TableScanner()
    lines = enumerate(text.split("\n"), start=1)
    for number, raw in lines:  # a line outside every table: a table start or a heading
        line = raw.lstrip()
        if line.startswith("{|"):
            scanner.open(number)
            scanner.tables(lines)
        elif line.startswith("=") and (heading := heading_title(line)) is not None:
            scanner.trail = enter_heading(scanner.trail, *heading)
    return scanner.read(rows)
