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

from icor_extract.grid import Grid, Layout, Slot, Stored
from icor_extract.model import Location, Note, NoteCode, RowKind, Rule, new_note
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
#: rows of tables wider than this are planned anew: the plan cache holds at most
#: 4,096 plans of this width or less (a few MB at worst)
_CACHED_WIDTH = 64

# Enum members read per row, as module constants: in CPython 3.11 reading a
# member off its class goes through EnumType's __getattr__ hook (about 0.1 µs).
_CELL, _SHIFT, _SPAN, _LOST = Placement.CELL, Placement.SHIFT, Placement.SPAN, Placement.LOST
_MEMBER, _REJECTED, _HEADER, _GROUP = (
    RowKind.MEMBER,
    RowKind.REJECTED,
    RowKind.HEADER,
    RowKind.GROUP,
)
_ORGANIZATION, _CONTINENT = Role.ORGANIZATION, Role.CONTINENT
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


def _shape(
    stored: tuple[Stored, ...], y: int, width: int
) -> tuple[tuple[int | None, ...], list[tuple[int, int]], list[Slot]]:
    """Row ``y``'s shape, its own cells (column, index) and the slots spanned from above."""
    shape: list[int | None] = []
    own: list[tuple[int, int]] = []
    above: list[Slot] = []
    for x, entry in enumerate(stored if len(stored) <= width else stored[:width]):
        if entry is None:
            shape.append(None)
        elif isinstance(entry, int):
            shape.append(entry)
            own.append((x, entry))
        elif entry.row == y:
            shape.append(_OWN_COPY - entry.cell)
        else:
            shape.append(_ABOVE)
            above.append(entry)
    return tuple(shape), own, above


@dataclass(frozen=True, slots=True)
class _Plan:
    """What a row of one shape, whose own cells hold one sequence of contents, becomes.

    Computed once per shape (see :func:`_plan`): the rows of a table share a few.
    ``above`` claims roles from the rows above (role, index in the row's
    slots from above, column); ``own`` claims the rest in order (role, a
    shared lost value or ``None``, how, column the cell arrived in, cell index).
    """

    group: int | None  # the cell that makes it a group row, unless that cell has flags
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
def _plan(
    row_shape: Shape,
    contents: tuple[Content, ...],
    roles: tuple[Role | None, ...],
    continent_column: int | None,
) -> _Plan:
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
    above, free, written, spans_own = _claims(shape, roles)
    cells = len(contents)
    while cells and contents[cells - 1] is _EMPTY:
        cells -= 1
    if cells > len(free):
        reason = f"row has {cells} cells for {len(free)} free columns"
        return _Plan(group, reason, (), (), 0, False, None)
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
    message = _shift_message(lost, ops)
    return _Plan(group, "", tuple(above), tuple(ops), lost, as_written, message)


def _shift_message(
    lost: int, ops: list[tuple[Role, Placed | None, Placement, int, int]]
) -> str | None:
    """The ``realign.shift`` message of a row, or ``None`` when nothing moved:
    the shift, each moved role with the column it arrived in, each lost role."""
    moved = [f"{role} from column {column}" for role, _, how, column, _ in ops if how is _SHIFT]
    gone = [f"{role}" for role, _, how, _, _ in ops if how is _LOST]
    if not moved and not gone:
        return None
    message = f"cells moved right by {lost}"
    if moved:
        message += f" ({', '.join(moved)})"
    if gone:
        message += f"; {', '.join(gone)} taken as spanned from above"
    return sys.intern(message)  # the tables of a page share it too


def _own_contents(
    cells: tuple[RawCell, ...], own: list[tuple[int, int]], roles: tuple[Role | None, ...]
) -> tuple[Content, ...] | None:
    """What the row's own cells hold, in order, or ``None`` when at least two of
    them name the role of the column they stand in (the header repeated in the body)."""
    contents: list[Content] = []
    named = 0
    for x, index in own:
        cell = cells[index]
        contents.append(classify(cell))
        role = roles[x]
        # an empty text names no role: no look-up
        if role is not None and (text := cell.text) and role_of(text) is role:
            named += 1
    return None if named >= 2 else tuple(contents)


def _placed(
    table: RawTable, y: int, plan: _Plan, above: list[Slot], group_column: int
) -> AlignedRow:
    """A row read by its plan: a group row, a member row, or a rejected one (too many
    cells, or no organization reached its column)."""
    rows = table.rows
    row = rows[y]
    cells = row.cells
    if plan.group is not None and not cells[plan.group].flags:
        placed = Placed(cells[plan.group], _CELL, y, group_column, plan.group)
        return AlignedRow(row=y, line=row.line, kind=_GROUP, values={_CONTINENT: placed})
    if plan.rejected:
        return AlignedRow(
            row=y, line=row.line, kind=_REJECTED, reason=plan.rejected,
            cells=_raw_texts(table, y), rule=Rule.REJECTED_TOO_MANY_CELLS,
        )  # fmt: skip
    values: dict[Role, Placed] = {}
    for role, k, x in plan.above:
        slot = above[k]
        values[role] = Placed(rows[slot.row].cells[slot.cell], _SPAN, slot.row, x, slot.cell)
    for role, shared, how, column, index in plan.own:
        values[role] = shared if shared is not None else Placed(cells[index], how, y, column, index)
    organization = values.get(_ORGANIZATION)
    cell = organization.cell if organization is not None else None
    found = not_an_organization(cell) if cell is not None else None
    if found is None and cell is not None and cell.text:  # every field, by position: half
        # the time of naming them, for the one AlignedRow every member row builds
        return AlignedRow(y, row.line, _MEMBER, values, plan.shift, "", (), None, plan.as_written)
    texts = _raw_texts(table, y)
    if found is None:
        found = (
            (Rule.REJECTED_EMPTY, "empty row")
            if not any(texts)
            else (Rule.REJECTED_NO_ORGANIZATION, "no organization name in the row")
        )
    rule, reason = found
    return AlignedRow(row=y, line=row.line, kind=_REJECTED, reason=reason, cells=texts, rule=rule)


def align_rows(
    table: RawTable, grid: Grid, header: Header, locations: Sequence[Location]
) -> tuple[list[AlignedRow], list[Note]]:
    """Every row of ``table`` classified and realigned, and the notes on what moved.

    Header rows come first.  A row gets a ``realign.shift`` note when cells
    moved, and a ``grid.beyond-header`` note when cells beyond the header's
    columns were not read.
    """
    rows, members = _align(table, grid, header)
    return rows, _notes(table, grid, len(header.roles), members, locations)


def _beyond_header(cells: tuple[RawCell, ...], stored: Layout, width: int) -> int:
    """How many of the row's own cells (no copies) with text lie beyond the header."""
    if isinstance(stored, int):
        return sum(1 for cell in cells[width:stored] if cell.text)
    return sum(1 for entry in stored[width:] if isinstance(entry, int) and cells[entry].text)


_BUDGET_MESSAGE = "too many cells and columns to search for the best placement: placed as written"


def _notes(
    table: RawTable,
    grid: Grid,
    width: int,
    members: list[tuple[int, _Plan]],
    locations: Sequence[Location],
) -> list[Note]:
    notes = []
    # the grid is as wide as its widest stored row: no row reaches past a header as wide
    for y, stored in enumerate(grid.layout if grid.width > width else ()):
        stored_width = stored if isinstance(stored, int) else len(stored)
        beyond = _beyond_header(table.rows[y].cells, stored, width) if stored_width > width else 0
        if beyond:
            message = f"{beyond} cells beyond the header's {width} columns not read"
            notes.append(
                Note(code=NoteCode.GRID_BEYOND_HEADER, location=locations[y], message=message)
            )
    shift = NoteCode.REALIGN_SHIFT
    for y, plan in members:  # most member rows of a converted page moved: notes built fast
        if plan.as_written:
            notes.append(
                Note(code=NoteCode.REALIGN_BUDGET, message=_BUDGET_MESSAGE, location=locations[y])
            )
        if plan.message is not None:
            notes.append(new_note(code=shift, message=plan.message, location=locations[y]))
    return notes


def _no_member(table: RawTable, y: int, summary: tuple[Rule, str] | None) -> AlignedRow:
    """A row rejected before it is read: one without cells, or a total (总计 | 187)."""
    row = table.rows[y]
    if summary is not None:
        return AlignedRow(
            row=y, line=row.line, kind=RowKind.REJECTED, reason=summary[1],
            cells=_raw_texts(table, y), rule=summary[0],
        )  # fmt: skip
    if y >= len(table.rows) - table.unread_rows:
        return AlignedRow(
            row=y, line=row.line, kind=RowKind.REJECTED,
            reason="a source row the HTML parser did not read", rule=Rule.REJECTED_UNREAD,
        )  # fmt: skip
    return AlignedRow(
        row=y, line=row.line, kind=RowKind.REJECTED, reason="row has no cells",
        rule=Rule.REJECTED_NO_CELLS,
    )  # fmt: skip


def _align(
    table: RawTable, grid: Grid, header: Header
) -> tuple[list[AlignedRow], list[tuple[int, _Plan]]]:
    """Every row aligned, and the plans of the member rows (for their notes)."""
    rows, layout = table.rows, grid.layout
    aligned = [AlignedRow(row=y, line=rows[y].line, kind=_HEADER) for y in range(header.row + 1)]
    members: list[tuple[int, _Plan]] = []
    roles = header.roles
    width = len(roles)
    plain_own = [(x, x) for x in range(width)]  # a plain row's own cells, by prefix
    continent_column = header.column(Role.CONTINENT)
    group_column = continent_column if continent_column is not None else 0
    # shapes too wide to cache are planned anew (the cache stays small in bytes)
    plan_of = _plan if width <= _CACHED_WIDTH else _plan.__wrapped__
    for y in range(header.row + 1, len(rows)):
        row = rows[y]
        cells = row.cells
        summary = summary_row(cells) if cells else None
        if not cells or summary is not None:
            aligned.append(_no_member(table, y, summary))
            continue
        stored = layout[y]
        shape: Shape
        above: list[Slot] = []
        if isinstance(stored, int):  # cell i anchored at x = i, nothing from above
            shape = min(stored, width)
            own = plain_own[:shape]
        else:
            shape, own, above = _shape(stored, y, width)
        contents = (
            None
            if row.in_head and all(cell.header for cell in cells)
            else _own_contents(cells, own, roles)
        )
        if contents is None:  # a header row, or the header repeated inside the body (th or td)
            aligned.append(AlignedRow(row=y, line=row.line, kind=_HEADER))
            continue
        plan = plan_of(shape, contents, roles, continent_column)
        aligned.append(result := _placed(table, y, plan, above, group_column))
        if result.kind is _MEMBER:
            members.append((y, plan))
    return aligned, members
