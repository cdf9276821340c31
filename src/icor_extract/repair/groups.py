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
from icor_extract.model import (
    NOWHERE,
    Location,
    Note,
    NoteCode,
    Provenance,
    RowKind,
    Rule,
    new_note,
    new_provenance,
)
from icor_extract.repair.aligned import AlignedRow, Placed, Placement
from icor_extract.repair.columns import Role
from icor_extract.repair.short_cache import cached_when_short
from icor_extract.repair.status import StatusSource
from icor_extract.repair.status_words import status_from_heading

__all__ = ["Continent", "assign_continents", "group_statuses", "heading_continent"]

# Enum members read once: in CPython 3.11 ``Role.CONTINENT`` is a lookup through the enum's
# metaclass (about 0.13 µs), and both stages read a few per row.
_CONTINENT = Role.CONTINENT
_MEMBER, _GROUP = RowKind.MEMBER, RowKind.GROUP
_SPAN, _LOST, _SHIFT = Placement.SPAN, Placement.LOST, Placement.SHIFT
_ROWSPAN = Rule.CONTINENT_ROWSPAN


@dataclass(slots=True)
class Continent:
    """A member's continent or why it has none (not frozen: see ``aligned.Placed``)."""

    name: str | None
    code: str | None
    provenance: Provenance


#: :func:`continent_code`, remembered: a table repeats the same few continent names
#: (short texts that pages share), and each look-up folds its name first
_continent_code = cached_when_short(1024)(continent_code)


def _with_code(name: str, provenance: Provenance) -> Continent:
    code = _continent_code(name)
    if code is None:
        note = f"{name!r} is not a continent with a continent code"
        provenance = new_provenance(
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
        kind = aligned.kind
        if kind is _MEMBER:
            if current is not None:
                result[aligned.row] = current
        elif kind is _GROUP:
            placed = aligned.values.get(_CONTINENT)
            if placed is not None and _status_text(placed.text):
                current = StatusSource(text=placed.text, row=placed.row, column=placed.column)
    return result


def _at(locations: Sequence[Location], row: int | None) -> Location:
    """The full location of ``row``: provenance built here needs no relocating later."""
    return NOWHERE if row is None else locations[row]


#: the rule of a continent in its own row, by how it got to its column (a rowspan's aside)
_OWN_RULE = {
    Placement.CELL: Rule.CELL,
    Placement.SHIFT: Rule.REALIGN_SHIFT,
    Placement.SPAN: Rule.CELL,
}


def _own(placed: Placed, row: int, locations: Sequence[Location]) -> Continent:
    """The continent written in the member's own row, or spanned down to it."""
    # A span copy from this same row is a colspan: the row's own cell.
    how, text = placed.how, placed.text
    spanned = how is _SPAN and placed.row != row
    rule = _OWN_RULE[how] if not spanned else _ROWSPAN
    note = f"from row {placed.row}" if spanned or how is _SHIFT else ""
    location = _at(locations, placed.row)
    provenance = new_provenance("continent", rule, text, note, location, placed.column)
    return _with_code(text, provenance)


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
    if placed.how is not _SPAN or placed.row == row:
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
    provenance = new_provenance(
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


#: a continent that heads rows: its text, row and column
_Key = tuple[str, int | None, int | None]
#: the value a continent gives the rows it heads, and how many member rows it heads
_Head = tuple[Continent, list[int]]


def assign_continents(
    rows: list[AlignedRow], locations: Sequence[Location], headings: tuple[str, ...] = ()
) -> tuple[dict[int, Continent], list[Note]]:
    """The continent of every member row, keyed by source row, and a ``group.column``
    note for every row whose continent heads the rows below it.

    ``headings`` are the headings the table sits under, nearest first.
    """
    heading = heading_continent(headings)
    result: dict[int, Continent] = {}
    current: _Key | None = None
    head: _Head | None = None  # current's value and count, looked up at the first row it heads
    heads: dict[_Key, _Head] = {}
    spanned: dict[tuple[int | None, int | None], Continent] = {}  # by the cell's row, column
    for aligned in rows:
        placed = aligned.values.get(_CONTINENT)
        kind = aligned.kind
        if kind is _GROUP and placed is not None:
            # a status group row (观察员) heads no continent: it ends the one above
            status_row = _status_text(placed.text)
            current, head = None if status_row else (placed.text, placed.row, placed.column), None
        elif kind is not _MEMBER:
            continue
        elif placed is not None and placed.how is not _LOST and (text := placed.text):
            result[aligned.row] = _own_continent(placed, aligned.row, locations, heading, spanned)
            current, head = (text, placed.row, placed.column), None
        elif current is not None:
            if head is None:
                head = _head(heads, current, locations, heading)
            result[aligned.row] = head[0]
            head[1][0] += 1
        else:
            result[aligned.row] = heading or _NONE
    return result, _group_notes(heads, locations)


def _head(
    heads: dict[_Key, _Head], key: _Key, locations: Sequence[Location], heading: Continent | None
) -> _Head:
    """The value of the continent ``key`` for every row it heads (one value, built once)."""
    head = heads.get(key)
    if head is None:
        head = heads[key] = (_nearer(_from_group(key, locations), heading), [0])
    return head


def _group_notes(heads: dict[_Key, _Head], locations: Sequence[Location]) -> list[Note]:
    notes = []
    for (text, row, _), (_, (count,)) in heads.items():
        message = f"continent {text!r} of row {row} given to the {count} member rows below it"
        location = locations[row] if row is not None else NOWHERE
        notes.append(new_note(code=NoteCode.GROUP_COLUMN, message=message, location=location))
    return notes
