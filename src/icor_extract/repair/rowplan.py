"""What a row of one shape becomes: planned once per shape, then read by every row of it.

A row's *shape* (per column of the header: its own cell's index, a copy from
above, a copy of its own cell, or nothing; a plain row's shape is its cell
count) and the kinds of its own cells (year, continent, country, text, empty)
decide everything about it but the values themselves: whether it is a group
row, whether it has too many cells, where each cell goes (the placement
search), which role each column claims and how, the shift and its message.
The rows of a table share a few shapes, so :func:`plan_row` is cached and
:mod:`.realign` only applies a plan to each row's cells.

The placement: conversions that lose rowspans drop the spanned cells from the
rows below, so the cells that remain slide left.  A row's own cells keep their
order and go into the columns not covered from above, skipping the columns
whose cells were lost; the placement is the one whose cells best fit their
columns (a year under the year column, a continent under the continent column,
a name under the organization column, never a country name there).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from icor_extract.grid import Slot, Stored
from icor_extract.repair.aligned import Placed, Placement
from icor_extract.repair.columns import Role
from icor_extract.repair.content import Content
from icor_extract.repair.realign_notes import shift_message

__all__ = ["CACHED_WIDTH", "PLACEMENT_BUDGET", "Plan", "Shape", "plan_row", "shape_of"]


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


#: the placement search costs cells x free columns; beyond this budget a row is
#: placed as written (its cells in the first free columns) and noted
PLACEMENT_BUDGET = 20_000
#: shapes (cells + columns) larger than this are not cached: the cache holds at
#: most 4,096 shapes of this size, a bounded amount of memory
_CACHED_SHAPE = 256
#: rows of tables wider than this are planned anew: the plan cache holds at most
#: 4,096 plans of this width or less (a few MB at worst)
CACHED_WIDTH = 64

# Enum members read per row, as module constants: in CPython 3.11 reading a
# member off its class goes through EnumType's __getattr__ hook (about 0.1 µs).
_CELL, _SHIFT, _SPAN, _LOST = Placement.CELL, Placement.SHIFT, Placement.SPAN, Placement.LOST
_EMPTY = Content.EMPTY


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


# A row's shape: for each column of the header's width, what the grid holds
# there for this row: the index of the row's own cell anchored there, ABOVE (a
# copy of a cell of a row above), a copy of the row's own cell ``i`` as
# ``_OWN_COPY - i``, or None.  A plain row's shape is its number of cells.
_ABOVE = -1
_OWN_COPY = -2
Shape = int | tuple[int | None, ...]


def shape_of(
    stored: tuple[Stored, ...], y: int, width: int
) -> tuple[tuple[int | None, ...], list[tuple[int, int]], list[Slot]]:
    """Row ``y``'s shape, its own cells (column, index) and the slots spanned from above.

    Rows stored alike (the rows under one rowspan) have one walk: the walk depends
    on ``y`` only through a copy of row ``y``'s own cell, and a row holding one
    also holds that cell's index where another row's stored copy would stand, so
    no other row is stored alike.
    """
    shape: list[int | None] = []
    own: list[tuple[int, int]] = []
    above: list[Slot] = []
    for x, entry in enumerate(stored if len(stored) <= width else stored[:width]):
        if isinstance(entry, int):  # the commonest entry first
            shape.append(entry)
            own.append((x, entry))
        elif entry is None:
            shape.append(None)
        elif entry.row == y:
            shape.append(_OWN_COPY - entry.cell)
        else:
            shape.append(_ABOVE)
            above.append(entry)
    return tuple(shape), own, above


@dataclass(frozen=True, slots=True)
class Plan:
    """What a row of one shape, whose own cells hold one sequence of contents, becomes.

    Computed once per shape (see :func:`plan_row`): the rows of a table share a few.
    ``above`` claims roles from the rows above (role, index in the row's
    slots from above, column); ``own`` claims the rest in order (role, a
    shared lost value or ``None``, how, column the cell arrived in, cell index).
    """

    group: int | None  # the cell that makes it a group row, unless that cell has flags
    group_column: int  # the column a group row's continent is said to stand in
    rejected: str  # why it has too many cells for its free columns ("" when it has not)
    above: tuple[tuple[Role, int, int], ...]
    own: tuple[tuple[Role, Placed | None, Placement, int, int], ...]
    shift: int
    as_written: bool
    message: str | None  # the realign.shift note of such a row, if any


def _group_cell(
    shape: tuple[int | None, ...], own: list[tuple[int, int]], contents: tuple[Content, ...],
    continent_column: int | None,
) -> int | None:  # fmt: skip
    """The one filled cell of a row whose only content heads the rows below (a continent)."""
    filled = [k for k, content in enumerate(contents) if content is not _EMPTY]
    if len(filled) != 1:
        return None
    x, index = own[filled[0]]
    covers_all = all(entry in (index, _OWN_COPY - index) for entry in shape)
    if covers_all and len(shape) > 1:
        return index
    if contents[filled[0]] is Content.CONTINENT and continent_column in (None, x):
        return index
    return None


def _claims(
    shape: tuple[int | None, ...], roles: tuple[Role | None, ...]
) -> tuple[list[tuple[Role, int, int]], list[int], list[tuple[int, int]], bool]:
    """Roles claimed from above, the free columns, the row's own slots (column, cell)
    and whether one of them is a copy (a colspan inside the row)."""
    above: list[tuple[Role, int, int]] = []
    free: list[int] = []
    written: list[tuple[int, int]] = []
    spans_own = False
    claimed: set[Role] = set()
    spanned = 0
    for x, entry in enumerate(shape):
        if entry == _ABOVE:
            if (role := roles[x]) is not None and role not in claimed:
                claimed.add(role)
                above.append((role, spanned, x))
            spanned += 1
            continue
        free.append(x)
        if entry is not None:
            written.append((x, entry if entry >= 0 else _OWN_COPY - entry))
            spans_own = spans_own or entry < 0
    return above, free, written, spans_own


def _positions(
    contents: tuple[Content, ...], free: list[int], roles: tuple[Role | None, ...], spans_own: bool
) -> tuple[int, ...] | None:
    """The positions in ``free`` of the row's cells; ``None`` beyond the search budget."""
    if spans_own:  # a colspan inside the row means it was written as laid out
        return tuple(range(len(contents)))
    if len(contents) * len(free) > PLACEMENT_BUDGET:
        return None
    if len(contents) + len(free) > _CACHED_SHAPE:
        return _best_placement.__wrapped__(contents, tuple(free), roles)
    return _best_placement(contents, tuple(free), roles)


@lru_cache(maxsize=1024)
def _lost(column: int) -> Placed:
    """The value of a column lost by the conversion: one shared object per column."""
    return Placed(None, Placement.LOST, None, column)


@lru_cache(maxsize=4096)
def plan_row(
    row_shape: Shape,
    contents: tuple[Content, ...],
    roles: tuple[Role | None, ...],
    continent_column: int | None,
) -> Plan:
    """The plan of a row of ``row_shape`` whose own cells hold ``contents``.

    A member row's values are claimed in order of strength, the first claim of
    a role winning: cells spanned from rows above, then the row's own cells (or
    the columns they skip, as lost), then copies of the row's own colspans.
    The row's own cells keep their order; trailing empty cells are padding.
    Cached: a table's rows share a few shapes, and so do the tables of a kind.
    """
    shape = tuple(range(row_shape)) if isinstance(row_shape, int) else row_shape
    shape = (*shape, *[None] * (len(roles) - len(shape)))  # a row stored short ends empty
    own = [(x, entry) for x, entry in enumerate(shape) if entry is not None and entry >= 0]
    group = _group_cell(shape, own, contents, continent_column)
    group_column = continent_column if continent_column is not None else 0
    above, free, written, spans_own = _claims(shape, roles)
    cells = len(contents)
    while cells and contents[cells - 1] is _EMPTY:
        cells -= 1
    if cells > len(free):
        reason = f"row has {cells} cells for {len(free)} free columns"
        return Plan(group, group_column, reason, (), (), 0, False, None)
    positions = _positions(contents[:cells], free, roles, spans_own)
    as_written = positions is None
    if positions is None:
        positions = tuple(range(cells))
    claimed = {role for role, _, _ in above}
    ops: list[tuple[Role, Placed | None, Placement, int, int]] = []
    lost = 0
    placed = 0
    for position in range(positions[-1] + 1 if positions else 0):
        x = free[position]
        role = roles[x]
        if placed < cells and positions[placed] == position:
            arrived, index = own[placed]
            placed += 1
            if role is not None and role not in claimed:
                claimed.add(role)
                ops.append((role, None, _CELL if arrived == x else _SHIFT, arrived, index))
        else:
            lost += 1
            if role is not None and role not in claimed:
                claimed.add(role)
                ops.append((role, _lost(x), _LOST, x, -1))
    # A colspan inside the row: columns it covers are copies of its own cell.
    for x, index in written:
        if (role := roles[x]) is not None and role not in claimed:
            claimed.add(role)
            ops.append((role, None, _SPAN, x, index))
    message = shift_message(lost, ops)
    return Plan(group, group_column, "", tuple(above), tuple(ops), lost, as_written, message)
