"""Realignment's shortcuts give what the long way gives (speed round five).

A plain row is stored by the grid as its number of cells and read without a
walk over its slots; the rows of one shape share a cached plan.  Each test
reads the same tables both ways and compares every aligned row and note.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from icor_extract import grid as grid_module
from icor_extract.grid import build_grid
from icor_extract.readers import read_tables
from icor_extract.readers.html import read_html_tables
from icor_extract.readers.raw import RawTable
from icor_extract.repair import realign, rowplan
from icor_extract.repair.columns import Header, Role, find_header
from icor_extract.repair.realign import AlignedRow, align_rows

from .conftest import fixture_path
from .strategies import html_tables

_FORMATS = {".md": "markdown", ".html": "html", ".wikitext": "wikitext"}


def _fixture_tables() -> list[tuple[RawTable, Header]]:
    found = []
    for path in sorted(fixture_path("icor.zh.md").parent.glob("*")):
        if path.suffix in _FORMATS:
            for table in read_tables(path.read_text(encoding="utf-8"), _FORMATS[path.suffix]):
                header = find_header(table, build_grid(table))
                if header is not None:
                    found.append((table, header))
    return found


def _aligned(table: RawTable, header: Header) -> tuple[list[AlignedRow], list[object]]:
    rows, notes = align_rows(table, build_grid(table), header, table.locations())
    return rows, list(notes)


def test_plain_rows_align_as_their_slots_do(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every fixture table, its plain rows read from their cell count and from their slots."""
    tables = _fixture_tables()
    assert len(tables) > 20
    shortcut = [_aligned(table, header) for table, header in tables]
    monkeypatch.setattr(grid_module, "_plain_row", lambda cells: None)
    assert shortcut == [_aligned(table, header) for table, header in tables]


def test_a_cached_plan_is_the_plan_made_anew(monkeypatch: pytest.MonkeyPatch) -> None:
    tables = _fixture_tables()
    cached = [_aligned(table, header) for table, header in tables]
    assert rowplan.plan_row.cache_info().hits > 0
    monkeypatch.setattr(realign, "plan_row", rowplan.plan_row.__wrapped__)
    assert cached == [_aligned(table, header) for table, header in tables]


_ROLES = st.sampled_from([None, *Role])


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(html_tables(), st.lists(_ROLES, min_size=1, max_size=7), st.integers(0, 1))
def test_random_tables_align_the_same_both_ways(
    markup: str, roles: list[Role | None], header_row: int
) -> None:
    """Random spans, shapes and contents under a random header: plain rows and slots agree,
    and so do a cached and a new plan."""
    (table,) = read_html_tables(markup)
    header = Header(row=min(header_row, len(table.rows) - 1), roles=tuple(roles))
    shortcut = _aligned(table, header)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(grid_module, "_plain_row", lambda cells: None)
        assert _aligned(table, header) == shortcut
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(realign, "plan_row", rowplan.plan_row.__wrapped__)
        assert _aligned(table, header) == shortcut
