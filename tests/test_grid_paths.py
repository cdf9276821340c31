"""The grid's shortcuts give what the numbered steps give (speed round six).

A row none of whose cells spans is placed in one step: after the copies that
rows above put into it, when they leave no hole; a span attribute of digits
only is read without the pattern; the row groups' ends are found in one pass.
Each test compares the shortcut with the long way on inputs that take both.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from icor_extract import grid as grid_module
from icor_extract.grid import Grid, Overlap, Slot, Stored, build_grid, parse_span
from icor_extract.readers.html import read_html_tables
from icor_extract.readers.raw import RawRow, RawTable

from .strategies import html_tables


def _seen(grid: Grid) -> tuple[object, ...]:
    return (grid.width, grid.rows, grid.overlaps, grid.clipped, grid.degraded)


@settings(max_examples=300, deadline=None)
@given(html_tables(max_rows=10))
def test_rows_without_spans_are_placed_as_the_steps_place_them(markup: str) -> None:
    """Random spans (holes, overlaps, clipping included): the grid built with the
    shortcuts and with every row through the numbered steps."""
    (table,) = read_html_tables(markup)
    fast = build_grid(table)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(grid_module, "_plain_row", lambda cells: None)
        assert _seen(build_grid(table)) == _seen(fast)
    with pytest.MonkeyPatch.context() as patch:  # only rows nothing reaches: one step
        patch.setattr(grid_module, "_filled", lambda current: False)
        assert _seen(build_grid(table)) == _seen(fast)


def _cover_slot_by_slot(  # noqa: PLR0917 - _cover's arguments, in its order
    grid: list[list[Stored] | None],
    current: list[Stored],
    cell: tuple[int, int],
    x: int,
    spans: tuple[int, int],
    overlaps: list[Overlap],
) -> None:
    """Round seven's steps 14-15: every slot of the span tested and filled in turn,
    the anchor too, a row nothing reached made empty first."""
    assert grid[cell[0]] is current
    y, index = cell
    rowspan, colspan = spans
    copy = Slot(y, index, True)
    for dy in range(rowspan):
        target = grid[y + dy]
        if target is None:
            target = grid[y + dy] = []
        if len(target) < x + colspan:
            target.extend([None] * (x + colspan - len(target)))
        for dx in range(colspan):
            entry: int | Slot = copy if dx > 0 or dy > 0 else index
            existing = target[x + dx]
            if existing is None:
                target[x + dx] = entry
            else:
                kept, lost = grid_module._slot(y + dy, existing), grid_module._slot(y, entry)
                overlaps.append(Overlap(y + dy, x + dx, kept=kept, lost=lost))


@settings(max_examples=300, deadline=None)
@given(html_tables(max_rows=10))
def test_a_span_covers_its_slots_as_slot_by_slot(markup: str) -> None:
    """Random spans (overlaps included): the anchor stored at once and a row nothing
    reached made in one step give the grid of the slot-by-slot steps."""
    (table,) = read_html_tables(markup)
    fast = build_grid(table)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(grid_module, "_cover", _cover_slot_by_slot)
        assert _seen(build_grid(table)) == _seen(fast)


def test_a_row_below_a_rowspan_is_stored_in_one_step() -> None:
    (table,) = read_html_tables(
        "<table><tr><td rowspan=3>亚洲</td><td>甲党</td></tr><tr><td>乙党</td><td>2010</td></tr>"
        "<tr><td>丙党</td></tr></table>"
    )
    grid = build_grid(table)
    copy = grid.layout[1][0]  # type: ignore[index]
    assert grid.layout == ((0, 1), (copy, 0, 1), (copy, 0))


_PATTERN = re.compile(r"[\t\n\f\r ]*\+?(\d+)")


def _parse_by_pattern(value: str, default: int, low: int, high: int) -> int:
    """Round five's reading: always through the pattern."""
    match = _PATTERN.match(value)
    if match is None:
        return default
    digits = match.group(1)
    return high if len(digits) > 7 else max(low, min(high, int(digits)))


_SPAN_TEXT = st.text(alphabet="0123456789 +-x\t٣²①൬;", max_size=10)


@settings(max_examples=1000, deadline=None)
@given(_SPAN_TEXT | st.integers(0, 10**9).map(str) | st.text(max_size=4))
def test_a_span_of_digits_reads_as_the_pattern_reads_it(value: str) -> None:
    for default, low, high in ((1, 1, 1000), (1, 0, 65534)):
        expected = _parse_by_pattern(value, default, low, high)
        assert parse_span(value, default=default, low=low, high=high) == expected


def test_digits_that_are_no_decimal_digits_give_the_default() -> None:
    """² and ① are digits to ``str.isdigit`` but not decimal: neither path reads them."""
    assert parse_span("²", default=1, low=1, high=1000) == 1
    assert parse_span("①", default=1, low=1, high=1000) == 1
    assert parse_span("٣", default=1, low=1, high=1000) == 3  # Arabic-Indic three: decimal


def _group_ends_by_rows(groups: list[int]) -> list[int]:
    """Round five's loop: a row ends where the row below it starts another group."""
    height = len(groups)
    ends = [height] * height
    for y in range(height - 1, -1, -1):
        ends[y] = ends[y + 1] if y + 1 < height and groups[y + 1] == groups[y] else y + 1
    return ends


@given(st.lists(st.integers(0, 3), max_size=12))
def test_row_group_ends_in_one_pass(groups: list[int]) -> None:
    table = RawTable(index=0, rows=tuple(RawRow(cells=(), group=group) for group in groups))
    assert grid_module._group_ends(table) == _group_ends_by_rows(groups)
