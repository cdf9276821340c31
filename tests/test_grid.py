"""Span expansion against hand-written cases from the HTML table model."""

from __future__ import annotations

from typing import Any

import pytest

from icor_extract.grid import MAX_COLSPAN, build_grid, parse_span
from icor_extract.readers.html import read_html_tables
from icor_extract.readers.raw import RawTable

from .conftest import load_golden

CASES = load_golden("grid_cases.json")["cases"]


def _table(markup: str) -> RawTable:
    return read_html_tables(markup)[0]


def _render(table: RawTable) -> list[list[str]]:
    grid = build_grid(table)
    rendered = []
    for y in range(grid.height):
        row = []
        for x in range(grid.width):
            slot = grid.slot(y, x)
            if slot is None:
                row.append(".")
            else:
                text = table.rows[slot.row].cells[slot.cell].text
                row.append(text + ("^" if slot.copy else ""))
        rendered.append(row)
    return rendered


@pytest.mark.parametrize("case", CASES, ids=[case["name"] for case in CASES])
def test_grid_case(case: dict[str, Any]) -> None:
    table = _table(case["html"])
    assert _render(table) == case["expected"]
    assert len(build_grid(table).overlaps) == case.get("overlaps", 0)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [("2", 2), (" 3", 3), ("2;", 2), ("4px", 4), ("+5", 5), ("x", 1), ("-1", 1), ("", 1),
     (None, 1), ("0", 1), ("5000", MAX_COLSPAN), ("99999999999999999999", MAX_COLSPAN)],
)  # fmt: skip
def test_parse_colspan(raw: str | None, expected: int) -> None:
    assert parse_span(raw, default=1, low=1, high=MAX_COLSPAN) == expected


def test_huge_colspan_costs_the_clamp_not_the_attribute() -> None:
    grid = build_grid(_table('<table><tr><td colspan="10000000">a</td></tr></table>'))
    assert grid.width == MAX_COLSPAN
