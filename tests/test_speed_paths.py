"""The speed work keeps behaviour: the paused collector, shared provenance, the name index."""

from __future__ import annotations

import gc
from collections.abc import Iterator

import pytest

import icor_extract
from icor_extract.geo.countries import CountryIndex, Resolution, Status

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
    tenfold = SEED[:start] + SEED[start:end] * 10 + SEED[end:]
    assert len(icor_extract.parse(tenfold)) == 10 * len(icor_extract.parse(SEED))
    assert _cycles_left(tenfold) == _cycles_left(SEED)


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
