"""Rowspan/colspan expansion following the HTML table model.

Implements WHATWG HTML, section 4.9.12 "Processing model", algorithm "forming
a table" (https://html.spec.whatwg.org/multipage/tables.html#forming-a-table)
over the rows a reader produced.  Step numbers in comments refer to the
algorithm for processing rows, the steps that place a cell.

Three deliberate limits keep the work bounded by the cells really present:

* a rowspan is clipped at the end of its row group, as browsers render it
  (CSS 2.1 section 17.5: a cell cannot extend past its row group), instead of
  growing the table with rows that hold nothing but span copies;
* spans are clamped to the spec's 1..1000 columns and 0..65534 rows;
* the slots a table may fill are budgeted (ten per cell on average, and at
  least a million): a span that would overrun the budget is placed as a
  single slot and recorded in ``Grid.degraded``, so no cell is lost and a
  row of 200,000 cells with ``colspan=1000`` costs what its cells cost.

Every slot names the source cell anchored there and whether it is a span
copy; a slot claimed by two cells keeps the first and the overlap is recorded
(the spec calls it a table model error).

The grid is stored compactly (see :attr:`Grid.layout`): a slot holding its own
row's cell is that cell's index, every copy of one cell is one shared
:class:`Slot`, and a row that spans nothing and that nothing spans into is
only its number of cells.  Most cells span nothing, so most slots cost no
object; :meth:`Grid.slot` and :meth:`Grid.row` give the slots themselves.

Internal: the public API is what :mod:`icor_extract` exports; this may change.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import groupby, repeat
from operator import attrgetter

from icor_extract.model import Location, Note, NoteCode
from icor_extract.readers.raw import RawCell, RawTable

__all__ = ["Grid", "Layout", "Overlap", "Slot", "Stored", "build_grid", "parse_span"]

MAX_COLSPAN = 1000
MAX_ROWSPAN = 65534
SLOTS_PER_CELL = 10
MIN_SLOT_BUDGET = 1_000_000

_LEADING_DIGITS = re.compile(r"[\t\n\f\r ]*\+?(\d+)")
_CELLS = attrgetter("cells")
# Why this module compares instead of calling min() and max(): in CPython 3.11 those
# builtins parse their arguments as keywords (vgetargskeywords) on every call, about
# ten times a comparison's cost, and the code below runs once per row and per span.


@dataclass(frozen=True, slots=True)
class Slot:
    """One grid position: the source cell (row, index in row) covering it."""

    row: int
    cell: int
    copy: bool


@dataclass(frozen=True, slots=True)
class Overlap:
    """A slot two cells claim (table model error); the first claimant keeps it."""

    y: int
    x: int
    kept: Slot
    lost: Slot


#: a stored slot: the index of its own row's cell anchored there, a copy, or empty
Stored = int | Slot | None
#: a stored row: its slots, or the number of its cells when it is plain (cell ``i`` at ``x = i``)
Layout = int | tuple[Stored, ...]


def _slot(y: int, stored: int | Slot) -> Slot:
    """The slot a stored slot of row ``y`` stands for."""
    return Slot(y, stored, False) if isinstance(stored, int) else stored


@dataclass(frozen=True, slots=True)
class Grid:
    """The expanded table: ``height`` rows (one per source row) of ``width`` slots.

    ``layout`` holds one stored row per source row: either the number of its
    cells, for a plain row (no span in it or into it: cell ``i`` anchors at
    ``x = i`` and is no copy), or a tuple whose entries are the index of the
    row's own cell anchored there, a :class:`Slot` for a copy (one shared
    object per spanning cell), or ``None``.  A row may be stored shorter than
    ``width``; :meth:`slot` reads the missing end as empty slots.
    """

    width: int
    layout: tuple[Layout, ...]
    overlaps: tuple[Overlap, ...] = ()
    clipped: tuple[tuple[int, int], ...] = ()  # (row, cell): rowspan clipped at its group
    degraded: tuple[tuple[int, int], ...] = ()  # (row, cell): span dropped for the budget

    @property
    def height(self) -> int:
        return len(self.layout)

    @property
    def rows(self) -> tuple[tuple[Slot | None, ...], ...]:
        """Every row's slots (built on demand: the stages read :attr:`layout`)."""
        return tuple(self.row(y) for y in range(self.height))

    def row(self, y: int) -> tuple[Slot | None, ...]:
        """Row ``y``'s slots, as stored (it may be shorter than ``width``)."""
        stored = self.layout[y]
        if isinstance(stored, int):
            return tuple([Slot(y, index, False) for index in range(stored)])
        return tuple([None if entry is None else _slot(y, entry) for entry in stored])

    def slot(self, y: int, x: int) -> Slot | None:
        stored = self.layout[y]
        if isinstance(stored, int):
            return Slot(y, x, False) if x < stored else None
        entry = stored[x] if x < len(stored) else None
        return None if entry is None else _slot(y, entry)

    def notes(self, table: int) -> list[Note]:
        """The table-model errors met while building the grid, as notes on ``table``."""
        events = (
            (NoteCode.GRID_OVERLAP, self.overlaps, "slots claimed by two cells (the first kept)"),
            (NoteCode.GRID_CLIPPED, self.clipped, "rowspans clipped at the end of their row group"),
            (NoteCode.GRID_DEGRADED, self.degraded, "spans placed as single cells (slot budget)"),
        )
        location = Location(table=table)
        return [
            Note(code=code, location=location, message=f"{message}: {len(found)}")
            for code, found, message in events
            if found
        ]


def parse_span(value: str | None, *, default: int, low: int, high: int) -> int:
    """Read a span the way browsers do: leading digits, junk after them ignored.

    HTML's "rules for parsing non-negative integers": ``"2;"`` is 2, ``" 3px"``
    is 3, ``"x"`` and ``"-1"`` fail and give ``default``.  The result is then
    clamped to ``low..high``.
    """
    if value is None:
        return default
    if value.isdecimal():  # digits only (what ``\\d`` matches): the whole value, no match needed
        digits = value
    else:
        match = _LEADING_DIGITS.match(value)
        if match is None:
            return default
        digits = match.group(1)
    if len(digits) > 7:  # anything this long is past every clamp; skip the int() cost
        return high
    number = int(digits)  # clamped by comparisons, not min()/max() (see above)
    return low if number < low else high if number > high else number


def _group_ends(table: RawTable) -> list[int]:
    """End (exclusive) of each row's row group, for rowspan=0 and for clipping."""
    group_end: list[int] = []
    end = 0
    # one step per run of rows in one group (most tables: one run), not per row
    for _, run in groupby([row.group for row in table.rows]):
        length = len([*run])
        end += length
        group_end += repeat(end, length)
    return group_end


def _plain_row(cells: tuple[RawCell, ...]) -> int | None:
    """The number of cells of a row none of whose cells carries a span attribute, else ``None``.

    For a row that nothing above spans into: step 7 then finds each cell the
    next slot, so cell ``i`` anchors at ``x = i``, as the full steps place it.
    """
    for cell in cells:
        if cell.rowspan is not None or cell.colspan is not None:
            return None
    return len(cells)


def _filled(current: list[Stored]) -> bool:
    """Whether the copies from above fill a row's slots up to its end (no hole among them)."""
    # an identity test per slot: `None in current` would call Slot.__eq__ on each copy
    for entry in current:  # noqa: SIM110 (all() over a generator costs more than the row)
        if entry is None:
            return False
    return True


def _cover(  # noqa: PLR0917 - the steps' state, passed on in their order
    grid: list[list[Stored] | None],
    current: list[Stored],
    cell: tuple[int, int],
    x: int,
    spans: tuple[int, int],
    overlaps: list[Overlap],
) -> None:
    """Steps 14-15: the cell (row y, index) with ``spans`` (rowspan, colspan)
    anchored at x covers x..x+colspan-1, y..y+rowspan-1.

    The anchor is stored as the cell's index, every copy as one shared slot.
    A slot already claimed keeps its first cell; the overlap is recorded.  The
    anchor itself is free (step 7 stopped there), and a row nothing reached yet
    is made with its copies in one step.
    """
    y, index = cell
    rowspan, colspan = spans
    end = x + colspan
    if len(current) < end:
        current.extend([None] * (end - len(current)))
    current[x] = index
    if rowspan == 1 and colspan == 1:
        return
    copy = Slot(y, index, True)
    for dy in range(rowspan):
        target = grid[y + dy]
        if target is None:  # nothing reached this row yet: no slot of it is claimed
            grid[y + dy] = [*repeat(None, x), *repeat(copy, colspan)]
            continue
        if len(target) < end:
            target.extend([None] * (end - len(target)))
        for dx in range(1 if dy == 0 else 0, colspan):  # the anchor is placed above
            existing = target[x + dx]
            if existing is None:
                target[x + dx] = copy
            else:
                kept = _slot(y + dy, existing)
                overlaps.append(Overlap(y + dy, x + dx, kept=kept, lost=copy))


def _slot_budget(table: RawTable) -> int:
    """How many slots the table may fill: ten per cell on average, and at least a million."""
    return max(MIN_SLOT_BUDGET, SLOTS_PER_CELL * sum(map(len, map(_CELLS, table.rows))))


def _spans(cell: RawCell, y: int, group_end: list[int]) -> tuple[int, int, bool]:
    """Steps 9-12: the (rowspan, colspan) of a cell of row ``y`` that carries a span
    attribute, and whether its rowspan was clipped at the end of its row group."""
    # Steps 9-10: colspan, invalid or 0 -> 1, clamped to 1000 (an absent one is 1,
    # parse_span's default: not asked, as most spanning cells span one way only).
    value = cell.colspan
    colspan = 1 if value is None else parse_span(value, default=1, low=1, high=MAX_COLSPAN)
    # Steps 11-12: rowspan, invalid -> 1, clamped to 65534; 0 grows downward
    # to the end of the row group.
    value = cell.rowspan
    rowspan = 1 if value is None else parse_span(value, default=1, low=0, high=MAX_ROWSPAN)
    if rowspan == 0:
        return group_end[y] - y, colspan, False
    if y + rowspan > group_end[y]:
        return group_end[y] - y, colspan, True
    return rowspan, colspan, False


# The HTML table model's "processing rows" and "ending a row group" algorithms
# are one loop of numbered steps; the body follows them step by step (the
# comments cite the step numbers), with steps 9-12 in _spans and 14-15 in _cover.
def build_grid(table: RawTable) -> Grid:
    """Expand ``table``'s spans into a grid of slots (one row per source row)."""
    height = len(table.rows)
    # the row groups' ends and the slot budget, found at the first span: most tables have none
    limits: tuple[list[int], int] | None = None
    # each row's slots as copies from above reach it (None: nothing has reached it yet)
    grid: list[list[Stored] | None] = [None] * height
    overlaps: list[Overlap] = []
    clipped: list[tuple[int, int]] = []
    degraded: list[tuple[int, int]] = []
    used = 0  # slots filled
    width = 0

    done: list[Layout] = []  # rows y and above: no later row writes to them
    for y, row in enumerate(table.rows):
        current = grid[y]
        if (plain := _plain_row(row.cells)) is not None and (current is None or _filled(current)):
            # No cell spans, and the copies from above leave no hole: step 7 puts cell i
            # after them.  A row nothing reaches is stored as its cell count.
            stored: Layout = plain if current is None else (*current, *range(plain))
            done.append(stored)
            grid[y] = None
            used += plain
            reach = plain if current is None else len(current) + plain
            width = reach if reach > width else width  # not max(): see the module's top
            continue
        current = grid[y] = current or []
        x = 0
        size = len(current)  # x <= size throughout: a cell is placed at most one past the end
        for index, cell in enumerate(row.cells):
            # Step 7 (advance): skip slots already covered by cells from rows above.
            while x < size and current[x] is not None:
                x += 1
            if cell.rowspan is None and cell.colspan is None:
                # The common cell spans nothing: one slot, free by step 7, no budget check.
                if x < size:
                    current[x] = index
                else:
                    current.append(index)
                    size += 1
                used += 1
                x += 1
                continue
            if limits is None:
                limits = _group_ends(table), _slot_budget(table)
            rowspan, colspan, was_clipped = _spans(cell, y, limits[0])
            if was_clipped:
                clipped.append((y, index))
            if rowspan * colspan > 1 and rowspan * colspan > limits[1] - used:
                degraded.append((y, index))
                rowspan = colspan = 1
            used += rowspan * colspan
            # Steps 14-15: the cell covers x..x+colspan-1, y..y+rowspan-1.
            _cover(grid, current, (y, index), x, (rowspan, colspan), overlaps)
            size = len(current)
            # Step 17: move past this cell.
            x += colspan
        # The row's extent: each cell's end, and the ends of copies from above,
        # which their own rows counted already.
        width = size if size > width else width
        # Rows stay ragged: a slot past a row's end is empty, so one very wide row
        # does not make every other row that wide in memory.  A row is final
        # once its cells are placed: stored as a tuple at once, its list freed.
        done.append(tuple(current))
        grid[y] = None

    return Grid(
        width=width,
        layout=tuple(done),
        overlaps=tuple(overlaps),
        clipped=tuple(clipped),
        degraded=tuple(degraded),
    )
