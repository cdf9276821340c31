"""The per-row shortcuts of the second speed pass give what the long way gives."""

from __future__ import annotations

import dataclasses
import pickle

import pytest

from icor_extract.model import Layout, Location, new_location
from icor_extract.readers import raw, read_tables
from icor_extract.readers.raw import RawCell, RawItem, RawList, RawRow, RawTable

from .conftest import fixture_path


def test_the_fast_location_constructor_gives_what_the_dataclass_gives() -> None:
    for fields in (
        (3, 7, 12, Layout.TABLE),
        (None, None, None, Layout.LIST),
        (0, 0, None, Layout.TABLE),
    ):
        table, row, line, layout = fields
        fast, slow = new_location(*fields), Location(table=table, row=row, line=line, layout=layout)
        assert type(fast) is Location
        assert (fast, hash(fast), repr(fast)) == (slow, hash(slow), repr(slow))
        assert pickle.loads(pickle.dumps(fast)) == slow
        assert dataclasses.astuple(fast) == dataclasses.astuple(slow)
        with pytest.raises(dataclasses.FrozenInstanceError):
            fast.row = 1  # type: ignore[misc]
    parameters = ["table", "row", "line", "layout"]
    assert parameters == [field.name for field in dataclasses.fields(Location)]


def test_a_tables_and_a_lists_locations_are_the_ones_the_constructor_builds() -> None:
    row = RawRow(cells=(RawCell(text="甲"),), line=4)
    table = RawTable(index=2, rows=(row, RawRow(cells=()), row))
    assert table.locations() == tuple(
        Location(table=2, row=y, line=r.line) for y, r in enumerate(table.rows)
    )
    items = (RawItem(text="甲", number=0, line=9), RawItem(text="乙", number=1, depth=2))
    listed = RawList(index=1, items=items)
    assert listed.locations() == tuple(
        Location(table=1, row=item.number, line=item.line, layout=Layout.LIST) for item in items
    )


def test_fixture_tables_locations_are_the_ones_the_constructor_builds() -> None:
    for name, chosen in (("icor.zh.md", "markdown"), ("icor.zh.wikitext", "wikitext")):
        for table in read_tables(fixture_path(name).read_text(encoding="utf-8"), chosen):
            slow = tuple(
                Location(table=table.index, row=y, line=r.line) for y, r in enumerate(table.rows)
            )
            assert table.locations() == slow
            assert [repr(location) for location in table.locations()] == [repr(s) for s in slow]


def test_fast_cells_and_rows_are_frozen_records_of_their_class() -> None:
    cell = raw.new_cell(text="甲", header=False, rowspan=None, colspan="2", links=(),
                        footnotes=(), flags=(), dropped=())  # fmt: skip
    row = raw.new_row(cells=(cell,), line=None, group=0, in_head=False)
    assert (type(cell), type(row)) == (RawCell, RawRow)
    assert cell == RawCell(text="甲", colspan="2")
    assert row == RawRow(cells=(RawCell(text="甲", colspan="2"),))
    assert pickle.loads(pickle.dumps(row)) == row
    with pytest.raises(dataclasses.FrozenInstanceError):
        cell.text = "乙"  # type: ignore[misc]
    with pytest.raises(dataclasses.FrozenInstanceError):
        row.line = 3  # type: ignore[misc]
