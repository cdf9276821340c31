"""The audit trail: a :class:`Note` for every repair that moved or inferred a value.

Provenance says, field by field, where one member's values came from; notes
say the same at the level of the table, so that a reviewer can read every
change the library made to a page in one list: rows moved back under their
columns, group rows turned into a column, countries inferred rather than
read, markup left out of values, and the table-model errors met on the way.
"""

from __future__ import annotations

import sys
from collections import defaultdict

from icor_extract.grid import Grid
from icor_extract.model import Location, Member, Note, NoteCode, Rule
from icor_extract.readers.raw import RawTable
from icor_extract.repair.entries import Entry
from icor_extract.repair.realign import AlignedRow, Placement

__all__ = ["table_notes"]


def _grid_notes(table: RawTable, grid: Grid, width: int) -> list[Note]:
    notes = []
    events = (
        (NoteCode.GRID_OVERLAP, len(grid.overlaps), "slots claimed by two cells (the first kept)"),
        (
            NoteCode.GRID_CLIPPED,
            len(grid.clipped),
            "rowspans clipped at the end of their row group",
        ),
        (NoteCode.GRID_DEGRADED, len(grid.degraded), "spans placed as single cells (slot budget)"),
    )
    for code, count, message in events:
        if count:
            notes.append(
                Note(code=code, location=Location(table=table.index), message=f"{message}: {count}")
            )
    for y, slots in enumerate(grid.rows):
        beyond = sum(
            1
            for slot in slots[width:]
            if slot is not None and not slot.copy and table.rows[y].cells[slot.cell].text
        )
        if beyond:
            message = f"{beyond} cells beyond the header's {width} columns not read"
            notes.append(
                Note(
                    code=NoteCode.GRID_BEYOND_HEADER,
                    location=Location(table=table.index, row=y, line=table.rows[y].line),
                    message=message,
                )
            )
    return notes


def _dropped_notes(table: RawTable) -> list[Note]:
    notes = []
    for y, row in enumerate(table.rows):
        dropped = sorted({name for cell in row.cells for name in cell.dropped})
        if dropped:
            message = "left out of the values: " + ", ".join(dropped)
            location = Location(table=table.index, row=y, line=row.line)
            notes.append(Note(code=NoteCode.READER_DROPPED, message=message, location=location))
    return notes


def _realign_notes(table: int, rows: list[AlignedRow]) -> list[Note]:
    notes = []
    for aligned in rows:
        moved = [
            f"{role.value} from column {placed.column}"
            for role, placed in aligned.values.items()
            if placed.how is Placement.SHIFT
        ]
        lost = [
            role.value for role, placed in aligned.values.items() if placed.how is Placement.LOST
        ]
        if moved or lost:
            message = f"cells moved right by {aligned.shift}"
            if moved:
                message += f" ({', '.join(moved)})"
            if lost:
                message += f"; {', '.join(lost)} taken as spanned from above"
            message = sys.intern(message)  # rows of one shape share one message
            location = Location(table=table, row=aligned.row, line=aligned.line)
            notes.append(Note(code=NoteCode.REALIGN_SHIFT, message=message, location=location))
    return notes


def _entry_notes(table: int, entries: list[Entry]) -> list[Note]:
    notes = []
    for entry in entries:
        if entry.extra_lines:
            further = "; ".join(entry.extra_lines)
            message = f"one organization, further lines of its cell kept beside it: {further}"
            notes.append(
                Note(
                    code=NoteCode.ENTRY_EXTRA_LINES,
                    message=message,
                    location=Location(table=table, row=entry.aligned.row, line=entry.aligned.line),
                )
            )
    return notes


def _member_notes(table: int, members: list[Member]) -> list[Note]:
    notes = []
    headed: dict[tuple[int, str], list[int | None]] = defaultdict(list)
    for member in members:
        continent = member.provenance_of("continent")
        if continent is not None and continent.rule is Rule.CONTINENT_GROUP_ROW:
            headed[(continent.row or 0, continent.evidence)].append(member.row)
        country = member.provenance_of("country")
        if country is not None and country.rule.inferred:
            message = (
                f"country {member.country_code} inferred by {country.rule} "
                f"from {country.evidence!r} (row {country.row})"
            )
            notes.append(
                Note(code=NoteCode.COUNTRY_INFERRED, message=message, location=member.location)
            )
    for (row, text), member_rows in headed.items():
        count = len(member_rows)
        message = f"continent {text!r} of row {row} given to the {count} member rows below it"
        notes.append(
            Note(
                code=NoteCode.GROUP_COLUMN, message=message, location=Location(table=table, row=row)
            )
        )
    return notes


def table_notes(
    table: RawTable,
    grid: Grid,
    *,
    width: int,
    rows: list[AlignedRow],
    entries: list[Entry],
    members: list[Member],
) -> list[Note]:
    """Every note about one member table, in a stable order."""
    return (
        _grid_notes(table, grid, width)
        + _dropped_notes(table)
        + _realign_notes(table.index, rows)
        + _entry_notes(table.index, entries)
        + _member_notes(table.index, members)
    )
