"""Put every body row's cells back under the right columns, and say what each row is.

Conversions that lose rowspans drop the spanned cells from the rows below, so
the cells that remain slide left: a row of the ICOR table that really reads
``[亚洲], [flag], ORG, 2010年`` arrives as ``'', ORG, 2010年, ''`` (continent
lost, flag emptied, padded at the end) or, under a spanned flag, as
``ORG, 2010年, '', ''``.  The cells a row still has are kept in their order
and placed into the columns not covered from above, skipping the columns
whose cells were lost; the placement is the one whose cells best fit their
columns (a year under the year column, a continent under the continent
column, a name under the organization column, never a country name there).
Skipped columns count as spanned from above (``LOST``): a lost continent
comes from the current group row, a lost country from the row group the row
continues.

A row whose only content is a continent, or one cell across the whole width,
is a group row.  A row with no organization, or one that is no member (a
total, a placeholder such as 独立人士: see :mod:`.nonmember`), is rejected
with the rule and the reason.
"""

from __future__ import annotations

import sys
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from functools import lru_cache
from types import MappingProxyType

from icor_extract.grid import Grid, Slot
from icor_extract.model import Location, Note, NoteCode, RowKind, Rule
from icor_extract.readers.raw import RawCell, RawTable
from icor_extract.repair.columns import Header, Role, role_of
from icor_extract.repair.content import Content, classify
from icor_extract.repair.nonmember import not_an_organization, summary_row

__all__ = ["AlignedRow", "Placed", "Placement", "align_rows"]


class Placement(StrEnum):
    """How a value reached its column."""

    CELL = "cell"  # written in this row, in this column
    SHIFT = "shift"  # written in this row, moved right from the column it arrived in
    SPAN = "span"  # a rowspan/colspan copy of a cell written in an earlier row
    LOST = "lost"  # spanned from above in the original, dropped by the conversion


@dataclass(slots=True)
class Placed:
    """A column's value in one row and how it got there.

    Slotted but not frozen, as are the other per-row values of the repair
    stages: every member row builds several, a frozen dataclass sets each
    field through ``object.__setattr__`` (2.5 times the build time), and a
    named tuple, quicker to build, reads its fields four times slower than
    slots.  Nothing changes one after it is built.
    """

    cell: RawCell | None
    how: Placement
    row: int | None = None  # source row the cell was written in
    column: int | None = None  # column the cell arrived in
    cell_index: int | None = None  # index of the cell in its source row

    @property
    def text(self) -> str:
        return self.cell.text if self.cell is not None else ""


#: the values of a row that has none (a header or rejected row): one shared, read-only mapping
_NO_VALUES: Mapping[Role, Placed] = MappingProxyType({})


@dataclass(slots=True)
class AlignedRow:
    """One body row after realignment (slotted, not frozen: see :class:`Placed`)."""

    row: int
    line: int | None
    kind: RowKind
    values: Mapping[Role, Placed] = field(default_factory=lambda: _NO_VALUES)  # shared
    shift: int = 0  # columns taken as spanned from above (lost by the conversion)
    reason: str = ""
    cells: tuple[str, ...] = ()  # the source texts, kept for rejected rows
    rule: Rule | None = None  # why a rejected row was rejected (rejected.summary ...)
    #: the placement search was over its budget: cells kept in the first free columns
    as_written: bool = False


# How well a kind of content fits a column role; None is a column we know
# nothing about.  Years and continents are decisive, names weakly so.
_FIT: dict[Content, dict[Role | None, float]] = {
    Content.YEAR: {
        Role.JOINED: 3,
        Role.ORGANIZATION: -5,
        Role.COUNTRY: -5,
        Role.CONTINENT: -5,
        Role.STATUS: -1,
    },
    Content.CONTINENT: {
        Role.CONTINENT: 2,
        Role.ORGANIZATION: -3,
        Role.COUNTRY: -3,
        Role.JOINED: -5,
        Role.STATUS: -3,
    },
    Content.COUNTRY: {
        Role.COUNTRY: 2,
        Role.ORGANIZATION: -4,
        Role.CONTINENT: -3,
        Role.JOINED: -5,
        Role.STATUS: -4,
    },
    Content.TEXT: {Role.ORGANIZATION: 1, Role.COUNTRY: -1, Role.CONTINENT: -2, Role.JOINED: -5},
    Content.EMPTY: {Role.ORGANIZATION: -1},
}
# Leaving a column of this role to the row above: cheap for the columns
# tables span (continent, country), dear for the ones they do not.
_LOST_COST: dict[Role | None, float] = {
    Role.CONTINENT: 0.5,
    Role.COUNTRY: 0.5,
    Role.ORGANIZATION: 6,
    Role.JOINED: 4,
    Role.STATUS: 2,
    None: 1,
}


def _raw_texts(table: RawTable, y: int) -> tuple[str, ...]:
    return tuple(cell.text for cell in table.rows[y].cells)


#: the placement search costs cells x free columns; beyond this budget a row is
#: placed as written (its cells in the first free columns) and noted
PLACEMENT_BUDGET = 20_000
#: shapes (cells + columns) larger than this are not cached: the cache holds at
#: most 4,096 shapes of this size, a bounded amount of memory
_CACHED_SHAPE = 256


@lru_cache(maxsize=4096)
def _best_placement(
    contents: tuple[Content, ...], free: tuple[int, ...], roles: tuple[Role | None, ...]
) -> tuple[int, ...]:
    """For each cell in order, the position in ``free`` it fits best (increasing).

    Free columns skipped before the last cell are taken as spanned from above
    and cost ``_LOST_COST``; columns after it are simply empty.  A dynamic
    programme over (cells placed, columns used); on equal scores placing a
    cell beats skipping a column, so a row that fits as written stays as written.
    """
    cells, columns = len(contents), len(free)
    worst = float("-inf")
    # score[i][j]: best score with the first i cells placed in the first j columns
    score = [[worst] * (columns + 1) for _ in range(cells + 1)]
    placed_here = [[False] * (columns + 1) for _ in range(cells + 1)]
    score[0][0] = 0.0
    for j in range(1, columns + 1):
        score[0][j] = score[0][j - 1] - _LOST_COST[roles[free[j - 1]]]
    for i in range(1, cells + 1):
        for j in range(i, columns + 1):
            place = score[i - 1][j - 1] + _FIT[contents[i - 1]].get(roles[free[j - 1]], 0)
            skip = score[i][j - 1] - _LOST_COST[roles[free[j - 1]]]
            if place >= skip:
                score[i][j], placed_here[i][j] = place, True
            else:
                score[i][j] = skip
    end = max(range(cells, columns + 1), key=lambda j: (score[cells][j], -j))
    positions: list[int] = []
    i, j = cells, end
    while i > 0:
        if placed_here[i][j]:
            positions.append(j - 1)
            i -= 1
        j -= 1
    return tuple(positions[::-1])


def _group_row(
    table: RawTable, grid: Grid, header: Header, y: int, own: list[tuple[int, int]]
) -> bool:
    """A row whose only content heads the rows below it (a continent)."""
    cells = table.rows[y].cells
    filled: tuple[int, int] | None = None
    for column, index in own:
        if cells[index].text or cells[index].flags:
            if filled is not None:  # a second filled cell: a member row (most rows)
                return False
            filled = (column, index)
    if filled is None:
        return False
    x, index = filled
    cell = cells[index]
    if cell.flags:
        return False
    width = len(header.roles)
    covers_all = all(
        (slot := grid.slot(y, column)) is not None and slot.cell == index and slot.row == y
        for column in range(width)
    )
    if covers_all and width > 1:
        return True
    continent_column = header.column(Role.CONTINENT)
    return classify(cell) is Content.CONTINENT and (
        continent_column is None or x == continent_column
    )


def _repeats_header(cells: tuple[RawCell, ...], own: list[tuple[int, int]], header: Header) -> bool:
    """At least two cells name the role of the column they stand in."""
    named = 0
    for x, index in own:
        role = header.roles[x]
        if role is not None and role_of(cells[index].text) is role:
            named += 1
    return named >= 2


@lru_cache(maxsize=1024)
def _lost(column: int) -> Placed:
    """The value of a column lost by the conversion: one shared object per column."""
    return Placed(None, Placement.LOST, None, column)


def _own_sequence(cells: tuple[RawCell, ...], own: list[tuple[int, int]]) -> list[int]:
    """The row's own cells in order; trailing empty cells are padding."""
    sequence = [index for _, index in own]
    while sequence and not cells[sequence[-1]].text and not cells[sequence[-1]].flags:
        sequence.pop()
    return sequence


def _place_own(
    values: dict[Role, Placed],
    cells: tuple[RawCell, ...],
    own: list[tuple[int, int]],
    roles: tuple[Role | None, ...],
    *,
    y: int,
    free: list[int],
    positions: tuple[int, ...],
) -> int:
    """Claim the free columns for the row's own cells; returns how many columns were lost.

    The ``k``-th placed cell is the ``k``-th of ``own`` (the sequence is a
    prefix of it) and ``positions`` increase, so one walk over the free
    columns up to the last placed cell pairs them; columns after it are empty.
    """
    lost = 0
    placed = 0
    count = len(positions)
    for position in range(positions[-1] + 1 if positions else 0):
        x = free[position]
        role = roles[x]
        if placed < count and positions[placed] == position:
            arrived, index = own[placed]
            placed += 1
            if role is not None and role not in values:  # unclaimed
                how = Placement.CELL if arrived == x else Placement.SHIFT
                values[role] = Placed(cells[index], how, y, arrived, index)
        else:
            lost += 1
            if role is not None and role not in values:
                values[role] = _lost(x)
    return lost


def _positions(
    cells: tuple[RawCell, ...],
    sequence: list[int],
    free: list[int],
    roles: tuple[Role | None, ...],
    spans_own: bool,
) -> tuple[int, ...] | None:
    """The positions in ``free`` of the row's cells; ``None`` beyond the search budget."""
    if spans_own:  # a colspan inside the row means it was written as laid out
        return tuple(range(len(sequence)))
    if len(sequence) * len(free) > PLACEMENT_BUDGET:
        return None
    # rows of one table share a few shapes: the placement is cached by shape,
    # unless the shape is large (the cache stays small in bytes)
    contents = tuple([classify(cells[i]) for i in sequence])
    if len(contents) + len(free) > _CACHED_SHAPE:
        return _best_placement.__wrapped__(contents, tuple(free), roles)
    return _best_placement(contents, tuple(free), roles)


def _finished(
    table: RawTable, y: int, values: dict[Role, Placed], lost: int, *, as_written: bool
) -> AlignedRow:
    """A member row, or a rejected one when no organization reached its column."""
    line = table.rows[y].line
    organization = values.get(Role.ORGANIZATION)
    cell = organization.cell if organization is not None else None
    found = not_an_organization(cell) if cell is not None else None
    if found is None and cell is not None and cell.text:  # every field, by position: half
        # the time of naming them, for the one AlignedRow every member row builds
        return AlignedRow(y, line, RowKind.MEMBER, values, lost, "", (), None, as_written)
    texts = _raw_texts(table, y)
    if found is None:
        found = (
            (Rule.REJECTED_EMPTY, "empty row")
            if not any(texts)
            else (Rule.REJECTED_NO_ORGANIZATION, "no organization name in the row")
        )
    rule, reason = found
    return AlignedRow(
        row=y, line=line, kind=RowKind.REJECTED, reason=reason, cells=texts, rule=rule
    )


def _align_member(
    table: RawTable, grid: Grid, header: Header, y: int, own: list[tuple[int, int]]
) -> AlignedRow:
    """A member row's values, claimed in order of strength, the first claim of a role
    winning: cells spanned from rows above, then the row's own cells (or the columns
    they skip, as lost), then copies of the row's own colspans.  A value is built only
    for a claim that wins."""
    cells = table.rows[y].cells
    roles = header.roles
    width = len(roles)
    slots = grid.rows[y][:width]
    if len(slots) < width:  # a row stored short ends in empty slots
        slots = (*slots, *[None] * (width - len(slots)))
    values: dict[Role, Placed] = {}
    free: list[int] = []
    written: list[tuple[int, Slot]] = []  # slots of the row's own cells and their copies
    spans_own = False
    # One walk over the slots: columns covered by cells from rows above keep
    # those cells (the first claim of a role wins), the others are free.
    for x, slot in enumerate(slots):
        if slot is None:
            free.append(x)
        elif slot.row == y:
            free.append(x)
            written.append((x, slot))
            spans_own = spans_own or slot.copy
        elif (role := roles[x]) is not None and role not in values:
            anchor = table.rows[slot.row].cells[slot.cell]
            values[role] = Placed(anchor, Placement.SPAN, slot.row, x, slot.cell)
    sequence = _own_sequence(cells, own)
    if len(sequence) > len(free):
        return AlignedRow(
            row=y, line=table.rows[y].line, kind=RowKind.REJECTED,
            reason=f"row has {len(sequence)} cells for {len(free)} free columns",
            cells=_raw_texts(table, y), rule=Rule.REJECTED_TOO_MANY_CELLS,
        )  # fmt: skip
    positions = _positions(cells, sequence, free, roles, spans_own)
    as_written = positions is None
    if positions is None:
        positions = tuple(range(len(sequence)))
    lost = _place_own(values, cells, own, roles, y=y, free=free, positions=positions)
    # A colspan inside the row: columns it covers are copies of its own cell.
    for x, slot in written:
        if (role := roles[x]) is not None and role not in values:
            values[role] = Placed(cells[slot.cell], Placement.SPAN, y, x, slot.cell)
    return _finished(table, y, values, lost, as_written=as_written)


def align_rows(
    table: RawTable, grid: Grid, header: Header, locations: Sequence[Location]
) -> tuple[list[AlignedRow], list[Note]]:
    """Every row of ``table`` classified and realigned, and the notes on what moved.

    Header rows come first.  A row gets a ``realign.shift`` note when cells
    moved, and a ``grid.beyond-header`` note when cells beyond the header's
    columns were not read.
    """
    rows = _align(table, grid, header)
    return rows, _notes(table, grid, len(header.roles), rows, locations)


def _beyond_header(table: RawTable, slots: tuple[Slot | None, ...], y: int, width: int) -> int:
    return sum(
        1
        for slot in slots[width:]
        if slot is not None and not slot.copy and table.rows[y].cells[slot.cell].text
    )


def _shift_message(aligned: AlignedRow, known: dict[tuple[object, ...], str]) -> str | None:
    """The ``realign.shift`` message of a row, or ``None`` when nothing moved.

    A table's rows share a few shapes: ``known`` holds the message of each
    shape met (the shift, then each moved role with the column it arrived
    in, each lost role with ``None``), so a shape's message is formatted once.
    """
    shape: list[object] = [aligned.shift]
    for role, placed in aligned.values.items():
        if placed.how is Placement.SHIFT:
            shape += (role, placed.column)
        elif placed.how is Placement.LOST:
            shape += (role, None)
    if len(shape) == 1:
        return None
    key = tuple(shape)
    message = known.get(key)
    if message is None:
        message = known[key] = _formatted(key)
    return message


def _formatted(shape: tuple[object, ...]) -> str:
    """The message of a shape (see :func:`_shift_message`); a Role formats as its value."""
    pairs = list(zip(shape[1::2], shape[2::2], strict=True))
    moved = [f"{role} from column {column}" for role, column in pairs if column is not None]
    lost = [f"{role}" for role, column in pairs if column is None]
    message = f"cells moved right by {shape[0]}"
    if moved:
        message += f" ({', '.join(moved)})"
    if lost:
        message += f"; {', '.join(lost)} taken as spanned from above"
    return sys.intern(message)  # the tables of a page share it too


_BUDGET_MESSAGE = "too many cells and columns to search for the best placement: placed as written"


def _notes(
    table: RawTable,
    grid: Grid,
    width: int,
    rows: list[AlignedRow],
    locations: Sequence[Location],
) -> list[Note]:
    notes = []
    for y, slots in enumerate(grid.rows):
        beyond = _beyond_header(table, slots, y, width) if len(slots) > width else 0
        if beyond:
            message = f"{beyond} cells beyond the header's {width} columns not read"
            notes.append(
                Note(code=NoteCode.GRID_BEYOND_HEADER, location=locations[y], message=message)
            )
    known: dict[tuple[object, ...], str] = {}
    for aligned in rows:
        if aligned.as_written:
            location = locations[aligned.row]
            notes.append(
                Note(code=NoteCode.REALIGN_BUDGET, message=_BUDGET_MESSAGE, location=location)
            )
        if aligned.values and (shifted := _shift_message(aligned, known)) is not None:
            notes.append(
                Note(code=NoteCode.REALIGN_SHIFT, message=shifted, location=locations[aligned.row])
            )
    return notes


def _no_member(table: RawTable, y: int) -> AlignedRow | None:
    """A row rejected before it is read: one without cells, or a total (总计 | 187)."""
    row = table.rows[y]
    if not row.cells and y >= len(table.rows) - table.unread_rows:
        return AlignedRow(
            row=y, line=row.line, kind=RowKind.REJECTED,
            reason="a source row the HTML parser did not read", rule=Rule.REJECTED_UNREAD,
        )  # fmt: skip
    if not row.cells:
        return AlignedRow(
            row=y, line=row.line, kind=RowKind.REJECTED, reason="row has no cells",
            rule=Rule.REJECTED_NO_CELLS,
        )  # fmt: skip
    if (summary := summary_row(row.cells)) is not None:
        return AlignedRow(
            row=y, line=row.line, kind=RowKind.REJECTED, reason=summary[1],
            cells=_raw_texts(table, y), rule=summary[0],
        )  # fmt: skip
    return None


def _align(table: RawTable, grid: Grid, header: Header) -> list[AlignedRow]:
    aligned: list[AlignedRow] = [
        AlignedRow(row=y, line=table.rows[y].line, kind=RowKind.HEADER)
        for y in range(header.row + 1)
    ]
    continent_column = header.column(Role.CONTINENT)
    width = len(header.roles)
    for y in range(header.row + 1, grid.height):
        row = table.rows[y]
        own = [
            (x, slot.cell)
            for x, slot in enumerate(grid.rows[y][:width])
            if slot is not None and slot.row == y and not slot.copy
        ]
        if (unread := _no_member(table, y)) is not None:
            aligned.append(unread)
        elif (row.in_head and all(cell.header for cell in row.cells)) or _repeats_header(
            row.cells, own, header
        ):  # a header row, or the header repeated inside the body (th or td)
            aligned.append(AlignedRow(row=y, line=row.line, kind=RowKind.HEADER))
        elif _group_row(table, grid, header, y, own):
            index = next(i for _, i in own if row.cells[i].text)
            column = continent_column if continent_column is not None else 0
            placed = Placed(row.cells[index], Placement.CELL, y, column, index)
            aligned.append(
                AlignedRow(
                    row=y,
                    line=row.line,
                    kind=RowKind.GROUP,
                    values={Role.CONTINENT: placed},
                )
            )
        else:
            aligned.append(_align_member(table, grid, header, y, own))
    return aligned
