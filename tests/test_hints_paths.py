"""``resolve_hints`` reads a table's cells in one pass (round nine): it gives what the two
passes before it gave (bare templates decided, then each row's dropped markup noted)."""

from __future__ import annotations

from dataclasses import replace

from hypothesis import given, settings
from hypothesis import strategies as st

from icor_extract.geo.flags import is_country_template
from icor_extract.model import Location, Note, NoteCode
from icor_extract.readers.raw import FlagHint, RawCell, RawRow, RawTable
from icor_extract.repair.hints import resolve_hints


def _resolved(cell: RawCell) -> RawCell:
    """A cell with its bare templates decided: country templates become flags."""
    flags, left_out = [], list(cell.dropped)
    for hint in cell.flags:
        if hint.kind != "bare":
            flags.append(hint)
        elif is_country_template(hint.value):
            flags.append(replace(hint, kind="template"))
        else:
            left_out.append(hint.value)
    return replace(cell, flags=tuple(flags), dropped=tuple(left_out))


def _two_passes(table: RawTable, locations: tuple[Location, ...]) -> tuple[RawTable, list[Note]]:
    """Round eight's ``resolve_hints``: a pass to decide, then a pass to note."""
    rows = list(table.rows)
    for y, row in enumerate(rows):
        if any(hint.kind == "bare" for cell in row.cells for hint in cell.flags):
            rows[y] = replace(row, cells=tuple(_resolved(cell) for cell in row.cells))
    if rows != list(table.rows):
        table = replace(table, rows=tuple(rows))
    notes = []
    if table.unread_rows:
        message = (
            f"{table.unread_rows} rows of the source not read by the HTML parser "
            "(markup it could not parse): listed as rejected rows"
        )
        location = Location(table=table.index)
        notes.append(Note(code=NoteCode.READER_UNREAD_ROWS, message=message, location=location))
    for y, row in enumerate(table.rows):
        dropped = sorted({name for cell in row.cells for name in cell.dropped})
        if dropped:
            message = "left out of the values: " + ", ".join(dropped)
            notes.append(Note(code=NoteCode.READER_DROPPED, message=message, location=locations[y]))
    return table, notes


_HINTS = st.builds(
    FlagHint,
    kind=st.sampled_from(["bare", "template", "image", "code"]),
    value=st.sampled_from(["印度", "IND", "TRNC", "Foo", "亚洲", "cite"]),
    evidence=st.just("{{x}}"),
)
_CELLS = st.builds(
    RawCell,
    text=st.sampled_from(["", "甲党", "2010年"]),
    flags=st.lists(_HINTS, max_size=2).map(tuple),
    dropped=st.lists(st.sampled_from(["ref", "efn", "cite"]), max_size=2).map(tuple),
)
_ROWS = st.builds(RawRow, cells=st.lists(_CELLS, max_size=4).map(tuple))


@settings(deadline=None)  # the first bare hint loads the country tables
@given(st.lists(_ROWS, max_size=6), st.integers(0, 2))
def test_one_pass_decides_and_notes_as_two_passes(rows: list[RawRow], unread: int) -> None:
    table = RawTable(index=3, rows=tuple(rows), unread_rows=unread)
    locations = table.locations()
    got, notes = resolve_hints(table, locations)
    want, want_notes = _two_passes(table, locations)
    assert got == want
    assert notes == want_notes
    if got == table:
        assert got is table  # a table without bare templates is kept as it is
