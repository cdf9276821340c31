"""HTML tables with lxml: pandoc's HTML cells and rendered MediaWiki pages.

Reads each ``<table>`` into a :class:`RawTable`: rows in row groups
(``thead``/``tbody``/``tfoot``, or implicit), with each table's caption,
headings and source lines.  The document streams through lxml's pull
parser and each row is freed once read, so memory holds the rows, not the
tree; each cell is read by :mod:`.html_cells`.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, replace

from lxml import etree

from icor_extract.readers.cell_text import normalize_text, split_footnotes
from icor_extract.readers.html_cells import HEADINGS, is_hidden, read_cell, text_of
from icor_extract.readers.html_guard import guard
from icor_extract.readers.pandoc_html import read_pandoc_table
from icor_extract.readers.raw import RawCell, RawRow, RawTable, Trail, enter_heading, heading_path

__all__ = [
    "heading_text",
    "read_html_document",
    "read_html_tables",
    "source_line",
    "stream_tables",
]

#: libxml2's HTML parser counts lines up to this one and no further
_LAST_COUNTED_LINE = 65_535


def source_line(element: etree._Element, offset: int = 0) -> int | None:
    """The line ``element`` starts on, plus ``offset``; ``None`` where libxml2 cannot tell.

    Every element on or past line 65,535 of what the HTML parser read reports
    65,535: that is no line, and a wrong line is worse than none.
    """
    line = getattr(element, "sourceline", None)  # lxml-stubs mistypes this attribute
    if not isinstance(line, int) or line >= _LAST_COUNTED_LINE:
        return None
    return line + offset


_CELL_TAGS = frozenset({"td", "th"})


def _row(tr: etree._Element, group: int, in_head: bool, line_offset: int) -> RawRow:
    cells: list[RawCell] = []
    for cell in tr:
        tag = cell.tag
        if tag in _CELL_TAGS:
            cells.append(read_cell(cell, header=tag == "th"))
    line = source_line(tr, line_offset)
    return RawRow(cells=tuple(cells), line=line, group=group, in_head=in_head)


@dataclass
class _OpenTable:
    index: int
    headings: tuple[str, ...]
    line: int | None
    rows: list[RawRow] = field(default_factory=list)
    caption: str | None = None
    group: int = -1
    group_parent: etree._Element | None = None


#: the elements whose events the stream state acts on
_STREAMED_TAGS = ("table", "tr", "caption", *HEADINGS)

#: characters fed to the pull parser at a time: the tree never holds more than
#: one chunk's worth of rows beyond the row being read
_CHUNK = 1 << 16


def read_html_tables(
    text: str,
    *,
    trail: Trail = (),
    line_offset: int = 0,
    first_index: int = 0,
    headings: bool = True,
) -> list[RawTable]:
    """Every table of an HTML text.

    ``headings`` tracks ``<h1>``-``<h6>`` for each table's headings, after
    those of ``trail`` (the headings open where the text starts).  A block in
    pandoc's exact form is read without a parser (:mod:`.pandoc_html`);
    anything else streams through lxml (:func:`stream_tables`).
    """
    plain = read_pandoc_table(text, trail=trail, line_offset=line_offset, first_index=first_index)
    if plain is not None:
        return plain
    return stream_tables(
        text, trail=trail, line_offset=line_offset, first_index=first_index, headings=headings
    )


def stream_tables(
    text: str, *, trail: Trail, line_offset: int, first_index: int, headings: bool
) -> list[RawTable]:
    """:func:`read_html_tables` by the parser, whatever the text's form.

    Each row is read when its ``</tr>`` is parsed and then removed from the
    tree, so memory holds the rows read so far, not the whole document tree.
    """
    parser = etree.HTMLPullParser(
        events=("start", "end"),
        tag=_STREAMED_TAGS,  # cells are read from their row: their events cost a loop turn each
        no_network=True,
        remove_comments=True,
        remove_pis=True,
        huge_tree=True,
    )
    guarded = guard(text)
    text = guarded.text
    state = _StreamState(trail=trail, line_offset=line_offset, count=first_index)
    for start in range(0, len(text), _CHUNK):
        parser.feed(text[start : start + _CHUNK])
        state.consume(parser.read_events(), headings=headings)
    parser.close()
    state.consume(parser.read_events(), headings=headings)
    state.finished.extend(state.close_all())
    tables = sorted(state.finished, key=lambda table: table.index)
    return _with_unread_rows(tables, guarded.rows)


def _with_unread_rows(tables: list[RawTable], source_rows: int) -> list[RawTable]:
    """Rows the source holds but the parser did not give are added, empty, to the last table.

    They become rejected rows with a note: a loss is never silent.
    """
    unread = source_rows - sum(len(table.rows) for table in tables)
    if unread <= 0 or not tables:
        return tables
    last = tables[-1]
    rows = last.rows + tuple(RawRow(cells=(), group=-1) for _ in range(unread))
    return [*tables[:-1], replace(last, rows=rows, unread_rows=unread)]


@dataclass
class _StreamState:
    trail: Trail
    line_offset: int
    count: int
    open_tables: list[_OpenTable] = field(default_factory=list)
    finished: list[RawTable] = field(default_factory=list)

    def consume(self, events: Iterable[tuple[str, object]], *, headings: bool) -> None:
        for event, element in events:
            if not isinstance(element, etree._Element) or not isinstance(element.tag, str):
                continue
            tag = element.tag
            if event == "start":
                if tag == "table":
                    line = source_line(element, self.line_offset)
                    self.open_tables.append(_OpenTable(self.count, heading_path(self.trail), line))
                    self.count += 1
            elif tag == "tr" and self.open_tables:
                self._read_row(element, self.open_tables[-1])
            elif tag == "caption" and self.open_tables:
                self.open_tables[-1].caption = normalize_text(text_of(element)) or None
            elif tag == "table" and self.open_tables:
                self.finished.append(self._build(self.open_tables.pop()))
            elif (
                headings
                and tag in HEADINGS
                and not self.open_tables
                and (title := heading_text(element))
            ):
                self.trail = enter_heading(self.trail, int(tag[1]), title)

    def _read_row(self, tr: etree._Element, table: _OpenTable) -> None:
        parent = tr.getparent()
        if parent is not table.group_parent:
            table.group += 1
            table.group_parent = parent
        in_head = parent is not None and parent.tag == "thead"
        table.rows.append(_row(tr, table.group, in_head, self.line_offset))
        # Free what has been read: this row's content and the rows before it.
        tr.clear(keep_tail=True)  # type: ignore[call-arg]  # lxml-stubs lacks keep_tail
        if parent is not None:
            while tr.getprevious() is not None:
                del parent[0]

    def _build(self, table: _OpenTable) -> RawTable:
        return RawTable(
            index=table.index,
            rows=tuple(table.rows),
            section=table.headings[0] if table.headings else None,
            caption=table.caption,
            line=table.line,
            headings=table.headings,
        )

    def close_all(self) -> list[RawTable]:
        """Tables left open by a truncated document keep the rows they have."""
        closed = [self._build(table) for table in reversed(self.open_tables)]
        self.open_tables.clear()
        return closed


def heading_text(element: etree._Element) -> str:
    """The text of a heading without its edit-section links."""
    parts: list[str] = []
    walker = etree.iterwalk(element, events=("start", "end"))
    for event, node in walker:
        if event == "start":
            if node is not element and is_hidden(node):
                walker.skip_subtree()
                continue
            if node.text:
                parts.append(node.text)
        elif node is not element and node.tail:
            parts.append(node.tail)
    return split_footnotes(normalize_text(" ".join(parts)))[0]


def read_html_document(text: str) -> list[RawTable]:
    """Every table of an HTML document, in document order, with its section."""
    return read_html_tables(text)
