"""Group rows become a column: each member gets the continent it sits under.

A continent reaches a member in one of four ways, each with its own rule:
written in the member's own row (``cell``/``realign.shift``), copied by a
rowspan (``continent.rowspan``), inherited from the last group row above
(``continent.group-row``), or not at all (``continent.none``).  A continent
written in a member row heads the rows below it too, as its lost rowspan did.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from icor_extract.geo.continents import continent_code
from icor_extract.model import NOWHERE, Location, Note, NoteCode, Provenance, RowKind, Rule
from icor_extract.repair.columns import Role
from icor_extract.repair.realign import AlignedRow, Placement

__all__ = ["Continent", "assign_continents"]


@dataclass(frozen=True, slots=True)
class Continent:
    name: str | None
    code: str | None
    provenance: Provenance


def _with_code(name: str, provenance: Provenance) -> Continent:
    code = continent_code(name)
    if code is None:
        note = f"{name!r} is not a continent with a continent code"
        provenance = Provenance(
            field=provenance.field,
            rule=provenance.rule,
            evidence=provenance.evidence,
            note=f"{provenance.note}; {note}" if provenance.note else note,
            location=provenance.location,
            column=provenance.column,
        )
    return Continent(name, code, provenance)


def assign_continents(
    rows: list[AlignedRow], locations: Sequence[Location]
) -> tuple[dict[int, Continent], list[Note]]:
    """The continent of every member row, keyed by source row, and a ``group.column``
    note for every row whose continent heads the rows below it."""
    result: dict[int, Continent] = {}
    current: tuple[str, int | None, int | None] | None = None  # text, row, column
    shared: dict[tuple[str, int | None, int | None], Continent] = {}
    headed: dict[tuple[str, int | None, int | None], int] = {}  # member rows it heads
    for aligned in rows:
        placed = aligned.values.get(Role.CONTINENT)
        if aligned.kind is RowKind.GROUP and placed is not None:
            current = (placed.text, placed.row, placed.column)
            continue
        if aligned.kind is not RowKind.MEMBER:
            continue
        if placed is not None and placed.text and placed.how is not Placement.LOST:
            # A span copy from this same row is a colspan: the row's own cell.
            spanned = placed.how is Placement.SPAN and placed.row != aligned.row
            rule = {
                Placement.CELL: Rule.CELL,
                Placement.SHIFT: Rule.REALIGN_SHIFT,
                Placement.SPAN: Rule.CONTINENT_ROWSPAN if spanned else Rule.CELL,
            }[placed.how]
            note = f"from row {placed.row}" if spanned or placed.how is Placement.SHIFT else ""
            provenance = Provenance(
                field="continent",
                rule=rule,
                evidence=placed.text,
                note=note,
                location=Location(row=placed.row),
                column=placed.column,
            )
            result[aligned.row] = _with_code(placed.text, provenance)
            current = (placed.text, placed.row, placed.column)
        elif current is not None:
            if current not in shared:  # one value for every row the group row heads
                text, row, column = current
                provenance = Provenance(
                    field="continent",
                    rule=Rule.CONTINENT_GROUP_ROW,
                    evidence=text,
                    note=f"group row {row} heads this row",
                    location=Location(row=row),
                    column=column,
                )
                shared[current] = _with_code(text, provenance)
            result[aligned.row] = shared[current]
            headed[current] = headed.get(current, 0) + 1
        else:
            provenance = Provenance(
                field="continent",
                rule=Rule.CONTINENT_NONE,
                note="no continent cell in the row and no group row above it",
            )
            result[aligned.row] = Continent(None, None, provenance)
    return result, _group_notes(headed, locations)


def _group_notes(
    headed: dict[tuple[str, int | None, int | None], int], locations: Sequence[Location]
) -> list[Note]:
    notes = []
    for (text, row, _), count in headed.items():
        message = f"continent {text!r} of row {row} given to the {count} member rows below it"
        location = locations[row] if row is not None else NOWHERE
        notes.append(Note(code=NoteCode.GROUP_COLUMN, message=message, location=location))
    return notes
