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
    if not _has_bare(item.flags):
        return item
    flags, dropped = _decided(item.flags, item.dropped)
    return replace(item, flags=flags, dropped=dropped)


def resolve_list_hints(raw: RawList) -> RawList:
    """``raw`` with the bare templates of its items and lead line decided, as a table's."""
    lead = _item(raw.lead) if raw.lead is not None else None
    return replace(raw, items=tuple(_item(item) for item in raw.items), lead=lead)


def _has_bare(flags: tuple[FlagHint, ...]) -> bool:
    # a loop, not any() over a generator: one generator a flagged cell (a wikitext's every row)
    for hint in flags:  # noqa: SIM110
        if hint.kind == "bare":
            return True
    return False


def _bare_resolved(row: RawRow) -> RawRow:
    """The row with every cell anew when one of its cells holds a bare template, else itself."""
    for cell in row.cells:
        if cell.flags and _has_bare(cell.flags):  # most cells hold no flag: no call
            return replace(row, cells=tuple(_resolved(cell) for cell in row.cells))
    return row


def _dropped_note(row: RawRow, location: Location) -> Note | None:
    """The ``reader.dropped`` note of a row whose cells left markup out, if they did."""
    dropped = sorted({name for cell in row.cells for name in cell.dropped})
    if not dropped:
        return None
    message = "left out of the values: " + ", ".join(dropped)
    return Note(code=NoteCode.READER_DROPPED, message=message, location=location)


def resolve_hints(table: RawTable, locations: Sequence[Location]) -> tuple[RawTable, list[Note]]:
    """``table`` with its bare templates decided, and a note for each row that lost markup.

    A row holding a bare template gets every cell anew; the other rows, and
    the table when no row changes, are kept as they are.  One pass over the
    cells: most hold no bare template and dropped nothing, and a row is read
    again, decided and noted, at its first cell that holds either.
    """
    notes = []
    if table.unread_rows:  # counted by the HTML reader; they are rejected rows
        message = (
            f"{table.unread_rows} rows of the source not read by the HTML parser "
            "(markup it could not parse): listed as rejected rows"
        )
        location = Location(table=table.index)
        notes.append(Note(code=NoteCode.READER_UNREAD_ROWS, message=message, location=location))
    rows: list[RawRow] | None = None
    for y, row in enumerate(table.rows):
        for cell in row.cells:
            if cell.dropped or (cell.flags and _has_bare(cell.flags)):
                resolved = _bare_resolved(row)
                if resolved is not row:
                    rows = rows if rows is not None else list(table.rows)
                    rows[y] = resolved
                if (note := _dropped_note(resolved, locations[y])) is not None:
                    notes.append(note)
                break
    if rows is not None:
        table = replace(table, rows=tuple(rows))
    return table, notes
