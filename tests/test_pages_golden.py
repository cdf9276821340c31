"""Membership pages as Wikipedia writes them, against golden files written by hand.

Real pages from the corpus (IWA: status headings and IOC flag codes; Greens-EFA:
independents, a source line, lost country cells; 现在人民: a header that lost
its colspan) and hand-made pages for what no corpus page shows (one table per
continent, English headers, pipe and grid tables, an unread flag, a list of
cities).  Each golden file lists the members, their fields and rules, and the
rejected rows; a known failure is a strict xfail, so a fix shows up.
"""

from __future__ import annotations

from functools import cache
from typing import Any

import pytest

import icor_extract
from icor_extract import Extraction, Layout, NoMemberTableError, RowKind, Status

from .conftest import FIXTURES, fixture_path, load_golden
from .test_lists import PAGES as LIST_PAGES

GOLDEN_FILES = (
    "iwa.zh.md.expected.json",
    "iwa.zh.wikitext.expected.json",
    "greens-efa.zh.md.expected.json",
    "now-the-people.zh.md.expected.json",
    "handmade.continents.md.expected.json",
    "handmade.continents.wikitext.expected.json",
    "handmade.english.md.expected.json",
    "handmade.unknown-flag.wikitext.expected.json",
)
FIELDS = ("organization", "link", "joined", "continent", "continent_code", "country",
          "country_code", "left", "status_note")  # fmt: skip


@cache
def _extraction(golden_name: str) -> Extraction:
    golden = load_golden(golden_name)
    return icor_extract.read(
        fixture_path(golden["source"]), variant=golden.get("variant", "zh-hans")
    )


def _cases() -> list[Any]:
    cases = []
    for name in GOLDEN_FILES:
        golden = load_golden(name)
        known = golden.get("known_failures", {})
        for expected in golden["members"]:
            key = f"{expected['table']}:{expected['row']}"
            marks = [pytest.mark.xfail(strict=True, reason=known[key])] if key in known else []
            cases.append(
                pytest.param(
                    name,
                    expected,
                    marks=marks,
                    id=f"{golden['source']}-{key}-{expected['organization']}",
                )
            )
    return cases


@pytest.mark.parametrize(("golden_name", "expected"), _cases())
def test_member_matches_golden(golden_name: str, expected: dict[str, Any]) -> None:
    extraction = _extraction(golden_name)
    found = [
        m for m in extraction.members if (m.table, m.row) == (expected["table"], expected["row"])
    ]
    assert len(found) == 1, f"no member in table {expected['table']} row {expected['row']}"
    (member,) = found
    assert {f: getattr(member, f) for f in FIELDS} == {f: expected[f] for f in FIELDS}
    assert member.status is Status(expected["status"])
    country = member.provenance_of("country")
    assert country is not None
    assert country.rule == expected["country_rule"]


@pytest.mark.parametrize("golden_name", GOLDEN_FILES)
def test_no_other_members_and_every_row_accounted_for(golden_name: str) -> None:
    golden = load_golden(golden_name)
    extraction = _extraction(golden_name)
    assert [(m.table, m.row) for m in extraction.members] == [
        (e["table"], e["row"]) for e in golden["members"]
    ]
    assert [[r.table, r.row, r.rule] for r in extraction.rejected] == golden["rejected"]
    outcomes = {(o.table, o.row): o.kind for o in extraction.row_outcomes}
    for expected in golden["members"]:
        assert outcomes[(expected["table"], expected["row"])] is RowKind.MEMBER
    # a rejected row takes nothing: no member comes from it
    rejected = {(r.table, r.row) for r in extraction.rejected}
    assert not rejected & {(m.table, m.row) for m in extraction.members}


@pytest.mark.parametrize("golden_name", GOLDEN_FILES)
def test_status_and_continent_rules(golden_name: str) -> None:
    golden = load_golden(golden_name)
    extraction = _extraction(golden_name)
    by_key = {f"{m.table}:{m.row}": m for m in extraction.members}
    for key, rule in golden.get("status_rules", {}).items():
        status = by_key[key].provenance_of("status")
        assert status is not None
        assert (key, status.rule) == (key, rule)
    for key, rule in golden.get("continent_rules", {}).items():
        continent = by_key[key].provenance_of("continent")
        assert continent is not None
        assert (key, continent.rule) == (key, rule)
    for row, evidence in golden.get("evidence", {}).items():
        country = by_key[f"0:{row}"].provenance_of("country")
        assert country is not None
        assert country.evidence == evidence


def test_the_nearer_continent_cell_is_noted() -> None:
    extraction = _extraction("handmade.continents.md.expected.json")
    turkish = next(m for m in extraction.members if m.organization == "土耳其劳动党")
    continent = turkish.provenance_of("continent")
    assert continent is not None
    assert continent.note == "nearer than the heading '欧洲'"


def test_the_header_that_lost_its_colspan_is_noted() -> None:
    extraction = _extraction("now-the-people.zh.md.expected.json")
    assert [n.code for n in extraction.notes if n.code == "header.shifted"] == ["header.shifted"]
    # the column of other European parties is no year column and no member
    assert all(m.provenance_of("joined").rule == "joined.none" for m in extraction.members)  # type: ignore[union-attr]


def test_the_english_city_list_is_no_member_table() -> None:
    with pytest.raises(NoMemberTableError, match="Paris, Berlin, Tokyo") as caught:
        icor_extract.read(fixture_path("handmade.cities.md"))
    assert "headed only 'Name'" in caught.value.reasons[0]


def test_the_seed_and_the_earlier_goldens_keep_their_members_as_members() -> None:
    """ICOR's member tables state no status: every member is a member, by the heading 成员.

    (icor.zh.wikitext also has a == 前成员 == list: tests/test_lists.py.)
    """
    for name in ("icor.zh.md", "icor.zh.wikitext", "icor.handwritten.wikitext"):
        members = [
            m for m in icor_extract.read(fixture_path(name)).members if m.layout is Layout.TABLE
        ]
        assert {(m.status, m.left) for m in members} == {(Status.MEMBER, None)}, name


def test_cwpi_former_members_are_former_by_their_heading() -> None:
    """共产党和工人党倡议 lists former members under == 前成员党 ==: the page says so."""
    for name in ("cwpi.zh.md", "cwpi.zh.wikitext"):
        members = icor_extract.read(fixture_path(name)).members
        statuses = {(m.section, m.status) for m in members}
        assert statuses == {("成员党", Status.MEMBER), ("前成员党", Status.FORMER)}, name


def test_every_golden_file_is_listed() -> None:
    mine = {path.name for path in FIXTURES.glob("*.expected.json")} - {
        "icor.zh.expected.json",
        "icor.zh.wikitext.expected.json",
        "cwpi.zh.md.expected.json",
        "cwpi.zh.wikitext.expected.json",
        "icor.zh.changes.expected.json",  # compare()'s golden (tests/test_versions.py)
    }
    assert mine - set(LIST_PAGES.values()) == set(GOLDEN_FILES)
