"""Realignment's shortcuts give what the long way gives (speed rounds five and six).

A plain row is stored by the grid as its number of cells and read without a
walk over its slots; the rows of one shape share a cached plan; a table's
texts are read once; the rows under one rowspan share its value, and rows
stored alike are walked once.  Each test
reads the same tables both ways and compares every aligned row and note.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from icor_extract import grid as grid_module
from icor_extract.grid import Grid, build_grid
from icor_extract.readers import read_tables
from icor_extract.readers.html import read_html_tables
from icor_extract.readers.raw import FlagHint, RawCell, RawTable
from icor_extract.repair import realign, rowplan
from icor_extract.repair.aligned import AlignedRow, Placement
from icor_extract.repair.columns import Header, Role, find_header, role_of
from icor_extract.repair.content import Content, classify
from icor_extract.repair.realign import align_rows

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


def _read_anew(
    cells: tuple[RawCell, ...],
    own: list[tuple[int, int]],
    roles: tuple[Role | None, ...],
    seen: dict[str, object],
) -> tuple[Content, ...] | None:
    """Round five's reading of a row's own cells: every cell classified and its
    header name looked up anew, nothing remembered between rows."""
    contents = []
    named = 0
    for x, index in own:
        cell = cells[index]
        contents.append(classify(cell))
        role = roles[x]
        if role is not None and cell.text and role_of(cell.text) is role:
            named += 1
    return None if named >= 2 else tuple(contents)


def test_texts_read_once_per_table_read_as_every_cell_read_anew(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Every fixture table, its cells' readings remembered by text or read anew."""
    tables = _fixture_tables()
    remembered = [_aligned(table, header) for table, header in tables]
    monkeypatch.setattr(realign, "_own_contents", _read_anew)
    assert remembered == [_aligned(table, header) for table, header in tables]


def _cell(text: str, *, flag: bool = False) -> RawCell:
    flags = (
        (FlagHint(kind="template", value=text, evidence=f"{{{{flag|{text}}}}}"),) if flag else ()
    )
    return RawCell(text=text, flags=flags)


def test_a_flag_is_not_remembered_for_its_text() -> None:
    """A cell with a flag is a country whatever its text; the same text without one is
    read by its text: neither reading may stand for the other, in either order."""
    roles = (Role.COUNTRY, Role.ORGANIZATION)
    own = [(0, 0), (1, 1)]
    for first, second in ((True, False), (False, True)):
        rows = [
            (_cell("甲党", flag=first), _cell("乙党")),
            (_cell("甲党", flag=second), _cell("x")),
        ]
        seen: realign.Readings = {}
        remembered = [realign._own_contents(cells, own, roles, seen) for cells in rows]
        anew = [_read_anew(cells, own, roles, {}) for cells in rows]
        assert remembered == anew
        assert {contents[0] for contents in anew if contents} == {Content.COUNTRY, Content.TEXT}


def test_only_a_column_with_a_role_asks_its_text_and_only_short_texts_are_kept(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Review finding: every cell's text was asked what role it names, in columns with no
    role too (a remarks column of long, distinct texts made realignment 2.3x slower), and
    every text was kept for the table."""
    asked: list[str] = []

    def counted(text: str) -> Role | None:
        asked.append(text)
        return role_of(text)

    monkeypatch.setattr(realign, "role_of", counted)
    remark = "备注" * 40
    seen: realign.Readings = {}
    contents = realign._own_contents(
        (_cell("甲党"), _cell(remark)), [(0, 0), (1, 1)], (Role.ORGANIZATION, None), seen
    )
    assert contents == (Content.TEXT, Content.TEXT)
    assert asked == ["甲党"]
    assert list(seen) == ["甲党"]


def test_a_text_first_read_without_a_role_is_asked_in_a_column_with_one() -> None:
    """A reading remembered from a column with no role has not asked the text's role:
    a column with a role still asks it (two header names repeat the header)."""
    own = [(0, 0), (1, 1)]
    seen: realign.Readings = {}
    cells = (_cell("国家"), _cell("名称"))
    assert realign._own_contents(cells, own, (None, None), seen) is not None
    assert realign._own_contents(cells, own, (Role.COUNTRY, Role.ORGANIZATION), seen) is None
    assert _read_anew(cells, own, (Role.COUNTRY, Role.ORGANIZATION), {}) is None


def test_rows_under_one_rowspan_share_its_value() -> None:
    """A copy's value is built once and shared by the rows it reaches, equal to the
    value each row would build for itself."""
    (table,) = read_tables(fixture_path("icor.zh.wikitext").read_text(encoding="utf-8"), "wikitext")
    grid = build_grid(table)
    header = find_header(table, grid)
    assert header is not None
    rows, _ = align_rows(table, grid, header, table.locations())
    spanned = [
        placed
        for row in rows
        for placed in row.values.values()
        if placed.how is Placement.SPAN and placed.row != row.row
    ]
    assert len(spanned) > 40
    for placed in spanned:
        assert placed.row is not None
        assert placed.cell_index is not None
        assert placed.cell is table.rows[placed.row].cells[placed.cell_index]
    assert len({id(placed) for placed in spanned}) < len(spanned) / 2


def _walks_agree(grid: Grid, width: int) -> int:
    """How many spanned rows are stored as an earlier row is; fails if any of them
    walks differently from it (the premise of walking each stored row once)."""
    first: dict[object, int] = {}
    alike = 0
    for y, stored in enumerate(grid.layout):
        if isinstance(stored, int):
            continue
        if stored in first:
            alike += 1
            assert rowplan.shape_of(stored, y, width) == rowplan.shape_of(
                stored, first[stored], width
            )
        else:
            first[stored] = y
    return alike


def test_rows_stored_alike_walk_alike() -> None:
    tables = _fixture_tables()
    alike = sum(_walks_agree(build_grid(table), len(header.roles)) for table, header in tables)
    assert alike > 40


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(html_tables(max_rows=10), st.integers(1, 7))
def test_random_rows_stored_alike_walk_alike(markup: str, width: int) -> None:
    (table,) = read_html_tables(markup)
    _walks_agree(build_grid(table), width)
