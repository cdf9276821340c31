"""Property tests: invariants of the grid and of row accounting, and no crash on junk."""

from __future__ import annotations

from collections import Counter

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import icor_extract
from icor_extract import IcorExtractError, InternalError
from icor_extract.grid import build_grid
from icor_extract.readers.html import read_html_tables

from .strategies import attacked_tables, html_tables, mutated_pages

PROPERTY = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@pytest.mark.slow
@PROPERTY
@given(html_tables())
def test_grid_is_rectangular_with_one_anchor_per_cell(markup: str) -> None:
    table = read_html_tables(markup)[0]
    grid = build_grid(table)
    assert grid.height == len(table.rows)
    anchors: Counter[tuple[int, int]] = Counter()
    for y in range(grid.height):
        assert len(grid.rows[y]) <= grid.width
        for x in range(grid.width):
            slot = grid.slot(y, x)
            if slot is None:
                continue
            assert slot.row <= y
            if not slot.copy:
                assert slot.row == y
                anchors[(slot.row, slot.cell)] += 1
            else:  # a copy repeats a cell anchored above it or to its left
                assert (slot.row, slot.cell) in anchors
    cells = {(y, i) for y, row in enumerate(table.rows) for i in range(len(row.cells))}
    assert set(anchors) == cells
    assert set(anchors.values()) <= {1}


@pytest.mark.slow
@PROPERTY
@given(html_tables())
def test_every_source_row_is_accounted_for(markup: str) -> None:
    extraction = icor_extract.parse(markup)
    source_rows = markup.count("<tr>")
    assert [o.row for o in extraction.row_outcomes] == list(range(source_rows))
    kinds = Counter(o.kind for o in extraction.row_outcomes)
    assert kinds[icor_extract.RowKind.REJECTED] == len(extraction.rejected)
    member_rows = {m.row for m in extraction.members}
    assert member_rows == {
        o.row for o in extraction.row_outcomes if o.kind is icor_extract.RowKind.MEMBER
    }
    for member in extraction.members:
        assert member.organization
        assert member.country_code is None or member.country is not None


@pytest.mark.slow
@PROPERTY
@given(attacked_tables())
def test_attacks_inside_cells_lose_no_row(markup: str) -> None:
    # rows in the source = rows accounted for, whatever an attacker writes in the cells
    extraction = icor_extract.parse(markup)
    source_rows = markup.count("<tr>")
    assert [o.location.row for o in extraction.row_outcomes] == list(range(source_rows))
    for member in extraction.members:
        assert "<td" not in member.organization
        assert "</tr" not in member.organization
        assert not any(ord(char) < 32 or 127 <= ord(char) < 160 for char in member.organization)


def _parse_or_library_error(document: str | bytes) -> None:
    try:
        icor_extract.parse(document)
    except InternalError:
        raise
    except IcorExtractError:
        pass


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=2000))
def test_random_bytes_raise_only_library_errors(data: bytes) -> None:
    _parse_or_library_error(data)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=500))
def test_random_text_raises_only_library_errors(text: str) -> None:
    _parse_or_library_error(text)


@pytest.mark.slow
@PROPERTY
@given(mutated_pages())
def test_mutated_real_pages_raise_only_library_errors(page: str) -> None:
    _parse_or_library_error(page)
