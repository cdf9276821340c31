"""A wikitext table's cells read, each distinct one once per page.

:mod:`.wikitext` scans a page's lines into rows of cells as written: a piece
of a simple ``|`` line (a str), or a cell's mark, attributes and lines.  A
table repeats its years, flags and span attributes, so a cell read once is
kept, by what was written, while the page is read (:class:`CellsRead`); the
content is read by :mod:`.wikifast` (a sole link, flag or plain text, from
one match) or :mod:`.wikimarkup`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from icor_extract.readers.raw import RawCell, new_cell
from icor_extract.readers.wikifast import NORMAL_SOLE, read_simple, read_sole
from icor_extract.readers.wikimarkup import read_markup

__all__ = ["Cell", "CellsRead", "piece_cell"]

# A name starts only where no name character precedes it, and every run is
# possessive: a long run of attribute-like text is scanned once (linear time).
_ATTRIBUTE = re.compile(
    r"""(?<![\w:.-])(?P<name>[A-Za-z][\w:.-]*+)\s*+=\s*+"""
    r"""(?:"(?P<dq>[^"]*+)"|'(?P<sq>[^']*+)'|(?P<bare>[^\s"'>]++))"""
)
# A piece of a simple line (:mod:`.wikitext`: every {{…}} and [[…]] pair holds no
# bracket or ||): its attributes stand before its first | outside a pair.
_ATTRIBUTES_OF_PIECE = r"(?:[^{}\[\]|]++|\{\{[^{}\[\]]*+\}\}|\[\[[^{}\[\]]*+\]\])*+"
_ATTRIBUTES_BAR = re.compile(rf"{_ATTRIBUTES_OF_PIECE}\|").match
# A piece whose content is a cell :func:`.wikifast.read_sole` reads: cut and read in one
# match.  A piece without a | has no attributes, and its content alone is matched; in
# one with a |, the attributes are taken first, possessively, up to the first | outside
# a pair (piece_cell's cut; content that matches holds no such |): trying the content
# first scanned long attributes twice, once as content that then failed.
_SOLE_CONTENT = re.compile(NORMAL_SOLE).fullmatch
_SOLE_PIECE = re.compile(rf"(?:(?P<attributes>{_ATTRIBUTES_OF_PIECE})\|)?+{NORMAL_SOLE}").fullmatch


#: a cell as scanned: its mark (``!`` for a header cell, else ``|``), its attributes,
#: then its lines (a cell goes on over the lines after it).  A list, not an object: a
#: line is added in place, and the list as a tuple is the key of the cell read.  A cell
#: of a simple ``|`` line is kept as its piece of the line (a str) until a line is added
Cell = list[str]


def piece_cell(piece: str) -> Cell:
    """The cell a piece of a simple ``|`` line holds: its mark, attributes and content."""
    bar = _ATTRIBUTES_BAR(piece)
    return ["|", "", piece] if bar is None else ["|", piece[: bar.end() - 1], piece[bar.end() :]]


def _spans(text: str) -> tuple[str | None, str | None]:
    """(rowspan, colspan) as the attributes write them; the last of a repeated one."""
    found: dict[str, str] = {}
    for match in _ATTRIBUTE.finditer(text):
        name, double, single, bare = match.groups()
        found[name.lower()] = double or single or bare or ""
    return found.get("rowspan"), found.get("colspan")


_NO_SPANS: tuple[str | None, str | None] = (None, None)


@dataclass(slots=True)
class CellsRead:
    """What a page's cells share once read: a table repeats its years, flags and spans.

    ``cells`` by the piece of a simple line, or by (mark, attributes, lines): a
    cell read once is an immutable value shared by all; ``spans`` by attribute
    text.  Kept only while the page is read.
    """

    cells: dict[str | tuple[str, ...], RawCell] = field(default_factory=dict)
    spans: dict[str, tuple[str | None, str | None]] = field(default_factory=dict)

    def piece(self, piece: str) -> RawCell:
        """The cell of this piece of a simple ``|`` line, read, and kept.

        Most pieces are cut and read by one match (:data:`_SOLE_PIECE`); the
        others as :meth:`cell` reads the cell :func:`piece_cell` cuts.
        """
        barred = "|" in piece
        match = _SOLE_PIECE(piece) if barred else _SOLE_CONTENT(piece)
        if match is None or (read := read_sole(groups := match.groups())) is None:
            found = self.cells[piece] = self.cell(tuple(piece_cell(piece)))
            return found
        text, links, footnotes, flags, dropped = read
        attributes = groups[0] if barred else None
        rowspan, colspan = _NO_SPANS if attributes is None else self.span_pair(attributes)
        found = self.cells[piece] = new_cell(
            text, False, rowspan, colspan, links, footnotes, flags, dropped
        )
        return found

    def cell(self, cell: tuple[str, ...]) -> RawCell:
        """The cell of this key (mark, attributes, lines) read, and kept."""
        wikitext = cell[2] if len(cell) == 3 else "\n".join(cell[2:])
        # read_cell_content's two steps, one call less per cell (a read is a non-empty tuple)
        text, links, footnotes, flags, dropped = read_simple(wikitext) or read_markup(wikitext)
        rowspan, colspan = self.span_pair(cell[1])
        found = self.cells[cell] = new_cell(
            text, cell[0] == "!", rowspan, colspan, links, footnotes, flags, dropped
        )
        return found

    def span_pair(self, attributes: str) -> tuple[str | None, str | None]:
        """:func:`_spans` of ``attributes``, read once per page."""
        if "=" not in attributes:  # most cells have no attributes, and every attribute has a "="
            return _NO_SPANS
        if (pair := self.spans.get(attributes)) is None:
            pair = self.spans[attributes] = _spans(attributes)
        return pair
