"""Group rows become a column: each member gets the continent it sits under.

A continent reaches a member in one of five ways, each with its own rule:
written in the member's own row (``cell``/``realign.shift``), copied by a
rowspan (``continent.rowspan``), inherited from the last group row above
(``continent.group-row``), from a heading the table sits under
(``=== 亚洲 ===``: ``continent.heading``), or not at all (``continent.none``).
A continent written in a member row heads the rows below it too, as its lost
rowspan did.  A group row or cell is nearer than a heading and wins, noted.
A group row that names a status (观察员, 前成员) is no continent: it ends the
continent above it and gives its status to the rows below (:func:`group_statuses`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from icor_extract.geo.continents import continent_code, is_continent_name
from icor_extract.model import NOWHERE, Location, Note, NoteCode, Provenance, RowKind, Rule
from icor_extract.repair.columns import Role
from icor_extract.repair.realign import AlignedRow, Placed, Placement
from icor_extract.repair.status import StatusSource, status_from_heading

__all__ = ["Continent", "assign_continents", "group_statuses", "heading_continent"]


@dataclass(slots=True)
class Continent:
    """A member's continent or why it has none (not frozen: see ``realign.Placed``)."""

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


_REMARK = re.compile(r"\s*[（(][^（）()]*[）)]\s*$")


def heading_continent(headings: tuple[str, ...]) -> Continent | None:
    """The continent of the nearest heading that names one (亚洲, 亚洲（部分）, Asia)."""
    for heading in headings:
        name = _REMARK.sub("", heading).strip()
        if name and is_continent_name(name):
            provenance = Provenance(
                field="continent",
                rule=Rule.CONTINENT_HEADING,
                evidence=heading,
                note=f"under the heading '{heading}'",
            )
            return _with_code(name, provenance)
    return None


def _nearer(continent: Continent, heading: Continent | None) -> Continent:
    """A continent of the table itself, noted as winning over the heading's."""
    if heading is None:
        return continent
    win = f"nearer than the heading '{heading.provenance.evidence}'"
    note = f"{continent.provenance.note}; {win}" if continent.provenance.note else win
    return replace(continent, provenance=replace(continent.provenance, note=note))


def _status_text(text: str) -> bool:
    """A group row that names a status (观察员, 前成员), not a continent or region."""
    return not is_continent_name(text) and status_from_heading(text) is not None


def group_statuses(rows: list[AlignedRow]) -> dict[int, StatusSource]:
    """For each member row, the status group row above it (观察员, 前成员), if any."""
    result: dict[int, StatusSource] = {}
    current: StatusSource | None = None
    for aligned in rows:
        placed = aligned.values.get(Role.CONTINENT)
        if aligned.kind is RowKind.GROUP and placed is not None and _status_text(placed.text):
            current = StatusSource(text=placed.text, row=placed.row, column=placed.column)
        elif aligned.kind is RowKind.MEMBER and current is not None:
            result[aligned.row] = current
    return result


def _at(locations: Sequence[Location], row: int | None) -> Location:
    """The full location of ``row``: provenance built here needs no relocating later."""
    return NOWHERE if row is None else locations[row]


def _own(placed: Placed, row: int, locations: Sequence[Location]) -> Continent:
    """The continent written in the member's own row, or spanned down to it."""
    # A span copy from this same row is a colspan: the row's own cell.
    spanned = placed.how is Placement.SPAN and placed.row != row
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
        location=_at(locations, placed.row),
        column=placed.column,
    )
    return _with_code(placed.text, provenance)


def _own_continent(
    placed: Placed,
    row: int,
    locations: Sequence[Location],
    heading: Continent | None,
    spanned: dict[tuple[int | None, int | None], Continent],
) -> Continent:
    """The continent of the member's own row; rows under one rowspan share one value.

    A value spanned down from an earlier row depends on that cell alone (its
    text, row and column), not on the row it reaches: it is built once.
    """
    if placed.how is not Placement.SPAN or placed.row == row:
        return _nearer(_own(placed, row, locations), heading)
    key = (placed.row, placed.column)
    continent = spanned.get(key)
    if continent is None:
        continent = spanned[key] = _nearer(_own(placed, row, locations), heading)
    return continent


def _from_group(
    current: tuple[str, int | None, int | None], locations: Sequence[Location]
) -> Continent:
    text, row, column = current
    provenance = Provenance(
        field="continent",
        rule=Rule.CONTINENT_GROUP_ROW,
        evidence=text,
        note=f"group row {row} heads this row",
        location=_at(locations, row),
        column=column,
    )
    return _with_code(text, provenance)


_NONE = Continent(
    None,
    None,
    Provenance(
        field="continent",
        rule=Rule.CONTINENT_NONE,
        note="no continent cell in the row, no group row above it, no continent heading",
    ),
)


def assign_continents(
    rows: list[AlignedRow], locations: Sequence[Location], headings: tuple[str, ...] = ()
) -> tuple[dict[int, Continent], list[Note]]:
    """The continent of every member row, keyed by source row, and a ``group.column``
    note for every row whose continent heads the rows below it.

    ``headings`` are the headings the table sits under, nearest first.
    """
    heading = heading_continent(headings)
    result: dict[int, Continent] = {}
    current: tuple[str, int | None, int | None] | None = None  # text, row, column
    shared: dict[tuple[str, int | None, int | None], Continent] = {}
    spanned: dict[tuple[int | None, int | None], Continent] = {}  # by the cell's row, column
    headed: dict[tuple[str, int | None, int | None], int] = {}  # member rows it heads
    for aligned in rows:
        placed = aligned.values.get(Role.CONTINENT)
        if aligned.kind is RowKind.GROUP and placed is not None:
            # a status group row (观察员) heads no continent: it ends the one above
            status_row = _status_text(placed.text)
            current = None if status_row else (placed.text, placed.row, placed.column)
        elif aligned.kind is not RowKind.MEMBER:
            continue
        elif placed is not None and placed.text and placed.how is not Placement.LOST:
            result[aligned.row] = _own_continent(placed, aligned.row, locations, heading, spanned)
            current = (placed.text, placed.row, placed.column)
        elif current is not None:
            if current not in shared:  # one value for every row the group row heads
                shared[current] = _nearer(_from_group(current, locations), heading)
            result[aligned.row] = shared[current]
            headed[current] = headed.get(current, 0) + 1
        else:
            result[aligned.row] = heading or _NONE
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
