"""The speed work keeps behaviour: the paused collector, shared provenance, the name index."""

from __future__ import annotations

import copy
import dataclasses
import gc
import inspect
import pickle
from collections.abc import Iterator
from types import SimpleNamespace
from typing import Any

import pytest

import icor_extract
from icor_extract import grid as grid_module
from icor_extract import records
from icor_extract.api import _table_results
from icor_extract.geo.countries import CountryIndex, Resolution, Status
from icor_extract.grid import build_grid
from icor_extract.model import (
    Location,
    Member,
    Provenance,
    RowKind,
    RowOutcome,
    Rule,
    new_member,
    new_provenance,
    new_row_outcome,
)
from icor_extract.readers import read_tables
from icor_extract.records import build_members
from icor_extract.repair.columns import Role
from icor_extract.repair.status import StatusSource, decide_status

from .conftest import fixture_path

SEED = fixture_path("icor.zh.md").read_text(encoding="utf-8")


@pytest.fixture
def collector_on() -> Iterator[None]:
    was = gc.isenabled()
    gc.enable()
    yield
    if not was:
        gc.disable()


@pytest.mark.usefixtures("collector_on")
def test_the_collector_is_on_again_after_a_parse_and_after_an_error() -> None:
    icor_extract.parse(SEED)
    assert gc.isenabled()
    with pytest.raises(icor_extract.EmptyInputError):
        icor_extract.parse("  ")
    assert gc.isenabled()


@pytest.mark.usefixtures("collector_on")
def test_a_collector_the_caller_switched_off_stays_off() -> None:
    gc.disable()
    icor_extract.parse(SEED)
    assert not gc.isenabled()


def _cycles_left(text: str) -> int:
    gc.collect()
    was = gc.isenabled()
    gc.disable()
    try:
        del_me = icor_extract.parse(text)
        del del_me
        return gc.collect()
    finally:
        if was:
            gc.enable()


def test_a_parse_builds_no_cycles_per_row() -> None:
    """Why pausing the collector is safe: the garbage left in cycles does not grow with rows."""
    start, end = SEED.index("<tbody>") + 7, SEED.index("</tbody>")
    fivefold, tenfold, twentyfold = (
        SEED[:start] + SEED[start:end] * copies + SEED[end:] for copies in (5, 10, 20)
    )
    assert len(icor_extract.parse(tenfold)) == 10 * len(icor_extract.parse(SEED))
    # a table in pandoc's own form is read without a parser (readers.pandoc_html);
    # with an attribute on its <table> the same rows stream through lxml
    assert _cycles_left(fivefold) == _cycles_left(SEED)
    streamed = [page.replace("<table>", '<table class="x">') for page in (tenfold, twentyfold)]
    assert _cycles_left(streamed[1]) == _cycles_left(streamed[0])


def test_provenance_without_a_row_is_shared_and_reads_the_same() -> None:
    members = [m for m in icor_extract.parse(SEED).members if m.link is None]
    assert len(members) >= 2
    first, second = (m.provenance_of("link") for m in members[:2])
    assert first is second
    assert first is not None
    assert first.to_dict() == {
        "rule": "link.none",
        "evidence": "",
        "note": "the organization is not linked",
        "row": None,
        "line": None,
        "column": None,
    }


def test_every_provenance_cites_its_rows_full_location() -> None:
    for member in icor_extract.parse(SEED).members:
        for provenance in member.provenance:
            if provenance.row is not None:
                assert provenance.table == member.table
                assert provenance.line is not None


def test_a_one_letter_name_is_still_found_by_the_two_letter_index() -> None:
    index = CountryIndex()
    assert not index._one_letter  # no such name in CLDR or ISO 3166 today
    index._names["ж"] = Resolution(Status.COUNTRY, ("RU",), "ж")
    index._index_starts()
    found = index.find("甲ж乙 жа")
    assert [(match.start, match.text) for match in found] == [(1, "ж"), (4, "ж")]
    assert index.find("印度尼西亚")[0].resolution.codes == ("ID",)  # longest still first


def _same_value(fast: Provenance | Member, slow: Provenance | Member) -> None:
    """Built either way, a record is the same value: type, equality, hash, repr, dict, pickle."""
    assert type(fast) is type(slow)
    assert fast == slow
    assert hash(fast) == hash(slow)
    assert repr(fast) == repr(slow)
    assert fast.to_dict() == slow.to_dict()
    assert pickle.loads(pickle.dumps(fast)) == slow


def test_the_fast_provenance_constructor_gives_what_the_dataclass_gives() -> None:
    fields = {
        "field": "joined",
        "rule": Rule.REALIGN_SHIFT,
        "evidence": "1999年",
        "note": "arrived in column 3, moved to the joined column",
        "location": Location(table=1, row=4, line=20),
        "column": 3,
    }
    assert set(fields) == {field.name for field in dataclasses.fields(Provenance)}
    fast = new_provenance(**fields)
    _same_value(fast, Provenance(**fields))
    with pytest.raises(dataclasses.FrozenInstanceError):
        fast.note = ""  # type: ignore[misc]


def test_status_provenance_that_names_no_row_is_shared_within_a_table() -> None:
    start, end = SEED.index("<tbody>") + 7, SEED.index("</tbody>")
    members = icor_extract.parse(SEED[:start] + SEED[start:end] * 3 + SEED[end:]).members
    unplaced = [m.provenance_of("status") for m in members]
    unplaced = [p for p in unplaced if p is not None and p.row is None]
    assert len(unplaced) == len(members)
    assert len({id(p) for p in unplaced}) == len(set(unplaced)) == 1


def test_building_the_members_empties_both_lists_in_order(monkeypatch: pytest.MonkeyPatch) -> None:
    """The lists are consumed (so each entry is freed with its member), yet read in order."""

    def built(entry: Any, continent: str, country: str, *_: object) -> tuple[object, ...]:
        return entry.aligned.row, continent, country

    monkeypatch.setattr(records, "_member", built)
    entries: list[Any] = [SimpleNamespace(aligned=SimpleNamespace(row=row)) for row in (2, 5, 7)]
    countries: list[Any] = ["甲", "乙", "丙"]
    continents: dict[int, Any] = {2: "亚洲", 5: "欧洲", 7: "非洲"}
    members = build_members(entries, countries, continents, {}, locations=(), section=None,
                            caption=None, headings=(), page=None)  # fmt: skip
    assert members == ((2, "亚洲", "甲"), (5, "欧洲", "乙"), (7, "非洲", "丙"))  # type: ignore[comparison-overlap]
    assert entries == countries == []
    with pytest.raises(ValueError, match="1 entries but 0 countries"):
        build_members([SimpleNamespace()], [], {}, {}, locations=(), section=None,  # type: ignore[list-item]
                      caption=None, headings=(), page=None)  # fmt: skip


def test_the_fast_constructors_take_the_fields_in_their_order() -> None:
    """The records stage passes them by position: a parameter out of order would swap values."""
    for constructor, record in ((new_member, Member), (new_provenance, Provenance)):
        parameters = list(inspect.signature(constructor).parameters)
        assert parameters == [field.name for field in dataclasses.fields(record)]


def test_the_fast_row_outcome_constructor_gives_what_the_dataclass_gives() -> None:
    location = Location(table=0, row=3, line=12)
    for kind in RowKind:
        fast, slow = new_row_outcome(location, kind), RowOutcome(location=location, kind=kind)
        assert type(fast) is RowOutcome
        assert (fast, hash(fast), repr(fast)) == (slow, hash(slow), repr(slow))
        assert pickle.loads(pickle.dumps(fast)) == slow
        with pytest.raises(dataclasses.FrozenInstanceError):
            fast.kind = kind  # type: ignore[misc]


def test_the_fast_member_constructor_gives_what_the_dataclass_gives() -> None:
    member = icor_extract.parse(SEED).members[3]
    fields = {field.name: getattr(member, field.name) for field in dataclasses.fields(Member)}
    fields.update(page="icor.zh.md", page_id=7, revision=8, timestamp="2024-01-01T00:00:00Z")
    fast = new_member(**fields)
    _same_value(fast, Member(**fields))
    with pytest.raises(dataclasses.FrozenInstanceError):
        fast.organization = "乙"  # type: ignore[misc]
    assert dataclasses.replace(fast, joined=1999) == dataclasses.replace(
        Member(**fields), joined=1999
    )
    assert copy.deepcopy(fast) == fast
    refused = (
        ({"organization": ""}, "must not be empty"),
        ({"country_code": "in"}, "alpha-2"),
        ({"continent_code": "XX"}, "unknown continent_code"),
    )
    for bad, message in refused:
        with pytest.raises(ValueError, match=message) as fast_error:
            new_member(**{**fields, **bad})
        with pytest.raises(ValueError, match=message) as slow_error:
            Member(**{**fields, **bad})
        assert str(fast_error.value) == str(slow_error.value)


def test_the_tables_are_handed_over_and_the_skipped_ones_kept_in_order() -> None:
    """A member table is held by no list while it is read; the skipped ones stay for the error."""
    other = "<table><tr><th>Year</th><th>Event</th></tr><tr><td>1999</td><td>甲</td></tr></table>"
    page = f"{other}\n\n{SEED}\n\n{other.replace('Year', 'Jahr')}\n"
    tables = read_tables(page, "markdown")
    first, last = tables[0], tables[-1]
    results, skipped = _table_results(tables, "zh-hans", None)
    assert tables == []
    assert skipped == [first, last]
    assert skipped[0] is first
    assert [bool(result.members) for result in results] == [False, True, False]
    with pytest.raises(icor_extract.NoMemberTableError) as caught:
        icor_extract.parse(f"{other}\n\n{other.replace('Year', 'Jahr')}\n")
    assert caught.value.headers == (("Year", "Event"), ("Jahr", "Event"))


def test_a_row_without_spans_gets_the_slots_the_full_steps_give(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Every table of every fixture, grid built with and without the plain-row shortcut."""
    tables = [
        table
        for path in sorted(fixture_path("icor.zh.md").parent.glob("*"))
        if path.suffix in {".md", ".html", ".wikitext"}
        for table in read_tables(
            path.read_text(encoding="utf-8"),
            {".md": "markdown", ".html": "html", ".wikitext": "wikitext"}[path.suffix],
        )
    ]
    fast = [build_grid(table) for table in tables]
    monkeypatch.setattr(grid_module, "_plain_row", lambda cells: None)
    full = [build_grid(table) for table in tables]
    assert [(g.width, g.rows, g.overlaps, g.clipped, g.degraded) for g in fast] == [
        (g.width, g.rows, g.overlaps, g.clipped, g.degraded) for g in full
    ]
    assert any(isinstance(stored, int) for grid in fast for stored in grid.layout)  # stored plain
    cells = [cell for table in tables for row in table.rows for cell in row.cells]
    assert len(cells) > 1000
    assert any(cell.rowspan is not None for cell in cells)  # rows below spans: the full steps


def test_members_are_the_same_without_the_status_shortcut(monkeypatch: pytest.MonkeyPatch) -> None:
    """A member stating no status of its own takes the table's status straight from
    ``outer_decision``; asking ``decide_status`` every time gives the same members."""
    paths = [
        path
        for path in sorted(fixture_path("icor.zh.md").parent.glob("*"))
        if path.suffix in {".md", ".html", ".wikitext"}
    ]

    def members() -> list[tuple[Member, ...]]:
        found = []
        for path in paths:
            try:
                found.append(icor_extract.read(path).members)
            except icor_extract.IcorExtractError:
                found.append(())
        return found

    def every_time(entry: Any, organization: Any, group: Any, table: Any) -> Any:
        cell = entry.aligned.values.get(Role.STATUS)
        return decide_status(
            entry.annotation,
            where=StatusSource(
                text=organization.text, row=organization.row, column=organization.column
            ),
            cell=StatusSource(text=cell.text, row=cell.row, column=cell.column) if cell else None,
            group=group,
            caption=table.caption,
            headings=table.headings,
        )

    fast = members()
    monkeypatch.setattr(records, "_status", every_time)
    slow = members()
    assert fast == slow
    statuses = {m.provenance_of("status").rule for found in fast for m in found}  # type: ignore[union-attr]
    assert {
        Rule.STATUS_ANNOTATION,
        Rule.STATUS_CELL,
        Rule.STATUS_CAPTION,
        Rule.STATUS_HEADING,
    } <= statuses
