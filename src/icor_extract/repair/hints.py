"""What the readers could not decide alone: bare templates, and the markup they dropped.

A reader reports a template without parameters (``{{印度}}``) as a ``bare``
flag hint: it renders a flag only if its name is a country's, and deciding
that needs the country names of :mod:`icor_extract.geo`, which readers do not
use.  Here each bare hint that :func:`icor_extract.geo.flags.is_country_template`
accepts (a country, a former one, a state without an ISO code, or a name
that may be either of two countries, ``{{TRNC}}``, ``{{ROK-KOR}}``) becomes a
flag template hint; any other bare template is markup left out of the values, like
the unknown templates the reader dropped itself, and every row holding such
markup gets a ``reader.dropped`` note.  Rows the HTML reader counted in the
source but the parser did not give get a ``reader.unread-rows`` note.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from icor_extract.geo.flags import is_country_template
from icor_extract.model import Location, Note, NoteCode
from icor_extract.readers.raw import FlagHint, RawCell, RawItem, RawList, RawRow, RawTable

__all__ = ["resolve_hints", "resolve_list_hints"]


def _decided(
    hints: tuple[FlagHint, ...], dropped: tuple[str, ...]
) -> tuple[tuple[FlagHint, ...], tuple[str, ...]]:
    """Bare hints naming a country become flags; the others join the dropped markup."""
    flags: list[FlagHint] = []
    left_out = list(dropped)
    for hint in hints:
        if hint.kind != "bare":
            flags.append(hint)
        elif is_country_template(hint.value):
            flags.append(replace(hint, kind="template"))
        else:
            left_out.append(hint.value)
    return tuple(flags), tuple(left_out)


def _resolved(cell: RawCell) -> RawCell:
    flags, dropped = _decided(cell.flags, cell.dropped)
    return replace(cell, flags=flags, dropped=dropped)


def _item(item: RawItem) -> RawItem:
    if not any(hint.kind == "bare" for hint in item.flags):
        return item
    flags, dropped = _decided(item.flags, item.dropped)
    return replace(item, flags=flags, dropped=dropped)


def resolve_list_hints(raw: RawList) -> RawList:
    """``raw`` with the bare templates of its items and lead line decided, as a table's."""
    lead = _item(raw.lead) if raw.lead is not None else None
    return replace(raw, items=tuple(_item(item) for item in raw.items), lead=lead)


def _dropped_notes(table: RawTable, locations: Sequence[Location]) -> list[Note]:
    notes = []
    if table.unread_rows:  # counted by the HTML reader; they are rejected rows
        message = (
            f"{table.unread_rows} rows of the source not read by the HTML parser "
            "(markup it could not parse): listed as rejected rows"
        )
        location = Location(table=table.index)
        notes.append(Note(code=NoteCode.READER_UNREAD_ROWS, message=message, location=location))
    for y, row in enumerate(table.rows):
        for cell in row.cells:
            if cell.dropped:  # most rows drop nothing: found at the first such cell
                dropped = sorted({name for cell in row.cells for name in cell.dropped})
                message = "left out of the values: " + ", ".join(dropped)
                notes.append(
                    Note(code=NoteCode.READER_DROPPED, message=message, location=locations[y])
                )
                break
    return notes


def resolve_hints(table: RawTable, locations: Sequence[Location]) -> tuple[RawTable, list[Note]]:
    """``table`` with its bare templates decided, and a note for each row that lost markup.

    A row holding a bare template gets every cell anew; the other rows, and
    the table when no row changes, are kept as they are.
    """
    rows: list[RawRow] | None = None
    for y, row in enumerate(table.rows):
        for cell in row.cells:
            # most cells hold no flag at all: a row is rebuilt at its first bare template
            if cell.flags and any(hint.kind == "bare" for hint in cell.flags):
                rows = rows if rows is not None else list(table.rows)
                rows[y] = replace(row, cells=tuple(_resolved(cell) for cell in row.cells))
                break
    if rows is not None:
        table = replace(table, rows=tuple(rows))
    return table, _dropped_notes(table, locations)
