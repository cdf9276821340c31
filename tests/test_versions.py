"""Two versions of a page: matching, compare() and fill_from, against hand-written goldens."""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import replace
from typing import Any

import pytest
from hypothesis import given, settings

import icor_extract
from icor_extract import (
    Changes,
    Event,
    EventKind,
    Extraction,
    Location,
    MatchRule,
    Member,
    Provenance,
    Rule,
    Status,
)
from icor_extract.versions.matching import SIMILARITY_THRESHOLD, match
from icor_extract.versions.normalize import link_key, name_key

from .conftest import fixture_path, load_golden
from .strategies import extraction_pairs, extractions

GOLDEN = load_golden("icor.zh.changes.expected.json")
SEED_GOLDEN = load_golden("icor.zh.expected.json")


@pytest.fixture(scope="module")
def seed() -> Extraction:
    return icor_extract.read(fixture_path("icor.zh.md"))


@pytest.fixture(scope="module")
def later() -> Extraction:
    return icor_extract.read(fixture_path("icor.zh.wikitext"))


@pytest.fixture(scope="module")
def changes(seed: Extraction, later: Extraction) -> Changes:
    return icor_extract.compare(seed, later)


def member(organization: str, *, row: int = 0, **values: Any) -> Member:
    fields: dict[str, Any] = {
        "country": None, "country_code": None, "continent": None, "continent_code": None,
        "joined": None, "link": None, "section": None,
    }  # fmt: skip
    fields.update(values)
    return Member(organization=organization, location=Location(table=0, row=row), **fields)


def _as_golden(event: Event) -> dict[str, Any]:
    return {
        "kind": str(event.kind),
        "old": event.old.organization if event.old else None,
        "new": event.new.organization if event.new else None,
        "field": event.field,
        "before": event.before,
        "after": event.after,
    }


def _key(event: dict[str, Any]) -> str:
    return json.dumps({k: event[k] for k in ("kind", "old", "new", "field")}, ensure_ascii=False)


# --- keys ------------------------------------------------------------------------------


def test_name_key_folds_script_width_punctuation_and_spaces() -> None:
    assert name_key("馬列主義黨（共產主義重建）") == name_key("马列主义党 (共产主义重建)")
    assert name_key("革命共产主义者团体“红色楔子”") == "革命共产主义者团体红色楔子"
    assert name_key("Ｗｏｒｋｅｒｓ' Party") == name_key("workers party") == "workersparty"
    assert name_key("抵抗－劳动运动") != name_key("抵抗－劳动党")  # a real difference stays


def test_link_key_follows_mediawiki_titles() -> None:
    assert link_key("劳动党_(塞尔维亚)") == link_key("劳动党 (塞尔维亚)")
    assert link_key("workers Party") == link_key("Workers Party")
    assert link_key("馬列主義黨") == link_key("马列主义党")
    assert link_key("劳动党 (塞尔维亚)") != link_key("劳动党")  # the qualifier names another page


# --- matching rules ----------------------------------------------------------------------


def test_link_wins_over_a_changed_name() -> None:
    old = [member("甲党", link="甲党 (法国)"), member("乙党")]
    new = [member("乙党"), member("甲党（新）", link="甲党_(法国)")]
    pairs = {(p.old.organization, p.new.organization): p.rule for p in match(old, new).pairs}
    assert pairs == {("甲党", "甲党（新）"): MatchRule.LINK, ("乙党", "乙党"): MatchRule.NAME}


def test_the_same_name_in_two_countries_is_not_one_member() -> None:
    result = match([member("共产党", country_code="IT")], [member("共产党", country_code="TR")])
    assert result.pairs == ()


def test_a_country_read_from_the_name_does_not_keep_one_name_apart() -> None:
    # EPP: 匈牙利族聯盟黨 is HU by its name on the 2019 page, SK by its flag later
    by_name = Provenance(field="country", rule=Rule.COUNTRY_NAME, evidence="匈牙利")
    old = [member("匈牙利族聯盟黨", country_code="HU", provenance=(by_name,))]
    new = [member("匈牙利族聯盟黨", country_code="SK")]
    (pair,) = match(old, new).pairs
    assert pair.rule is MatchRule.NAME
    (event,) = icor_extract.compare(Extraction(members=tuple(old)), Extraction(members=tuple(new)))
    assert (event.kind, event.before, event.after) == (EventKind.MOVED, "HU", "SK")


def test_a_pair_taken_settles_the_tie_it_left() -> None:
    # EPP: one link for a member in HR and an observer in BA; the 2019 page says HR for both
    old = [member("克羅埃西亞民主聯盟", link="克羅埃西亞民主聯盟", country_code="HR", row=1),
           member("克羅埃西亞民主聯盟", link="克羅埃西亞民主聯盟", country_code="HR", row=2,
                  status=Status.OBSERVER)]  # fmt: skip
    new = [member("克羅埃西亞民主聯盟", link="克羅埃西亞民主聯盟", country_code="HR", row=1),
           member("克羅埃西亞民主聯盟", link="克羅埃西亞民主聯盟", country_code="BA", row=2,
                  status=Status.OBSERVER)]  # fmt: skip
    result = match(old, new)
    assert [(p.old.row, p.new.row) for p in result.pairs] == [(1, 1), (2, 2)]
    assert result.ambiguous == ()


def test_two_equal_candidates_are_reported_not_matched() -> None:
    old = [member("共产党", country_code="TR")]
    new = [member("共产党", country_code="TR", row=1), member("共产党", country_code="TR", row=2)]
    result = match(old, new)
    assert result.pairs == ()
    (item,) = [a for a in result.ambiguous if a.side == "old"]
    assert item.member is old[0]
    assert item.candidates == tuple(new)
    assert item.rule is MatchRule.NAME
    changes = icor_extract.compare(Extraction(members=tuple(old)), Extraction(members=tuple(new)))
    assert "not matched (old): 共产党: match.name fits 共产党, 共产党 equally" in str(changes)


def test_a_candidate_that_agrees_on_more_fits_better() -> None:
    old = [member("共产党", country_code="TR", joined=2010)]
    new = [member("共产党", country_code="TR", joined=2014), member("共产党", country_code="TR")]
    (pair,) = match(old, new).pairs
    assert pair.new is new[1]  # the year of new[0] disagrees


def test_similar_names_match_within_one_country_above_the_threshold() -> None:
    old = [member("抵抗－劳动运动", continent_code="EU", joined=2010)]
    new = [member("抵抗－劳动党", country_code="SK", continent_code="EU", joined=2010)]
    (pair,) = match(old, new).pairs
    assert pair.rule is MatchRule.SIMILAR
    assert pair.score == pytest.approx(8 / 11)  # 4 of 6 and 5 characters kept: 2*4/11
    assert pair.score >= SIMILARITY_THRESHOLD
    # another continent, or another year, is no candidate
    assert match(old, [replace(new[0], continent_code="AS", country_code=None)]).pairs == ()
    assert match(old, [replace(new[0], joined=2019)]).pairs == ()


def test_dissimilar_names_in_one_country_do_not_match() -> None:
    old = [member("秘鲁马列主义党", country_code="PE")]
    new = [member("秘鲁无产阶级党", country_code="PE")]
    assert match(old, new).pairs == ()


def test_position_inside_an_unchanged_neighbourhood() -> None:
    old = [member("甲党"), member("乙组织", joined=2010), member("丙党")]
    new = [member("甲党"), member("完全不同的名字", joined=2010), member("丙党")]
    pairs = match(old, new).pairs
    assert [p.rule for p in pairs] == [MatchRule.NAME, MatchRule.POSITION, MatchRule.NAME]
    assert pairs[1].evidence == "between 甲党 and 丙党"
    # a year that disagrees says it is another member
    new[1] = replace(new[1], joined=2019)
    assert [p.rule for p in match(old, new).pairs] == [MatchRule.NAME, MatchRule.NAME]


def test_rows_repeated_alike_are_paired_in_order() -> None:
    rows = [member("共产党", row=1), member("共产党", row=2)]
    pairs = match(rows, rows).pairs
    assert [(p.old.row, p.new.row) for p in pairs] == [(1, 1), (2, 2)]


# --- the seed against the later wikitext: hand-written golden ----------------------------



def _golden_events(kinds: set[str]) -> list[dict[str, Any]]:
    return [{k: e[k] for k in ("kind", "old", "new", "field", "before", "after")}
            for e in GOLDEN["events"] if e["kind"] in kinds]  # fmt: skip


@pytest.mark.parametrize(
    "kinds",
    [
        {"joined", "renamed", "relinked", "moved", "joined_year"},
        {"left", "status"},
    ],
    ids=["joined-renamed-relinked-moved-year", "left-status"],
)
def test_seed_against_later_wikitext_gives_the_hand_written_events(
    changes: Changes, kinds: set[str]
) -> None:
    actual = sorted((_as_golden(e) for e in changes if e.kind in kinds), key=_key)
    assert actual == sorted(_golden_events(kinds), key=_key)


def test_no_renamed_member_appears_as_left_and_joined(changes: Changes) -> None:
    renamed = {e.old.organization for e in changes.of_kind(EventKind.RENAMED) if e.old}
    renamed |= {e.new.organization for e in changes.of_kind(EventKind.RENAMED) if e.new}
    gone_or_new = {e.organization for e in changes.of_kind("left") + changes.of_kind("joined")}
    assert renamed == {
        "抵抗－劳动运动",
        "抵抗－劳动党",
        "海地新共产党（马列）",
        "新海地共产党（马列）",
    }
    assert not renamed & gone_or_new


def test_each_event_says_how_the_members_were_matched(changes: Changes) -> None:
    (word_order,) = [e for e in changes.of_kind("renamed") if e.after == "新海地共产党（马列）"]
    assert word_order.rule == MatchRule.SIMILAR
    assert word_order.evidence == "新海地共产党（马列） ~ 海地新共产党（马列）: 0.88"
    (relinked,) = [e for e in changes.of_kind("relinked") if e.after == "新民主马列主义党"]
    assert (relinked.rule, relinked.evidence) == (MatchRule.NAME, "新民主马列主义党")
    for event in changes.of_kind("joined"):
        assert event.old is None
        assert event.rule is None


def test_changes_as_text_records_and_dataframe(changes: Changes) -> None:
    text = str(changes)
    first = text.splitlines()[0]
    assert first.split(": ")[0].endswith("icor.zh.md -> " + str(fixture_path("icor.zh.wikitext")))
    assert "5 joined" in first
    assert "2 renamed, 3 relinked" in first
    assert first.endswith("0 moved, 0 joined_year")
    assert "  renamed: 海地新共产党（马列） -> 新海地共产党（马列）  [match.similar]" in text
    assert "  joined: 澳大利亚共产党（马列）" in text
    records = changes.to_records()
    assert json.loads(json.dumps(records, ensure_ascii=False)) == records
    frame = changes.to_dataframe()
    assert len(frame) == len(changes)
    assert list(frame.columns) == list(records[0])
    assert str(frame["new_row"].dtype) == "Int64"
    assert str(frame["kind"].dtype) == "string"
    joined = frame[frame["kind"] == "joined"]
    assert joined["old_organization"].isna().all()


def test_cwpi_versions_differ_by_one_joined_member() -> None:
    # read by hand: the later wikitext adds 共产主义工人党－争取和平与社会主义 ({{FIN}}) and
    # reorders nothing else; every other member keeps its link and the pages give no years
    old = icor_extract.read(fixture_path("cwpi.zh.md"))
    new = icor_extract.read(fixture_path("cwpi.zh.wikitext"))
    changes = icor_extract.compare(old, new)
    assert [(str(e.kind), e.organization) for e in changes] == [
        ("joined", "共产主义工人党－争取和平与社会主义")
    ]


def test_an_event_needs_consistent_members() -> None:
    one = member("甲党")
    with pytest.raises(ValueError, match="joined"):
        Event(kind=EventKind.JOINED, old=one, new=one)
    with pytest.raises(ValueError, match="left"):
        Event(kind=EventKind.LEFT, old=None, new=one)
    with pytest.raises(ValueError, match="renamed event needs both members"):
        Event(kind=EventKind.RENAMED, old=None, new=one)


def test_status_change_is_an_event() -> None:
    old = Extraction(members=(member("甲党", link="甲党"),))
    new = Extraction(members=(member("甲党", link="甲党", status=Status.FORMER, left=2019),))
    (event,) = icor_extract.compare(old, new)
    assert (event.kind, event.before, event.after) == (EventKind.STATUS, "member", "former")
    assert event.new is not None
    assert event.new.left == 2019
    assert str(event) == "status: 甲党: status member -> former  [match.link]"
    noted = replace(new.members[0], status_note="2019年退出")
    (event,) = icor_extract.compare(old, Extraction(members=(noted,)))
    assert str(event) == "status: 甲党: status member -> former (2019年退出)  [match.link]"


# --- fill_from ---------------------------------------------------------------------------

_FILL = {m["organization"]: m for m in GOLDEN["fill_countries"]["members"]}


@pytest.fixture(scope="module")
def filled(seed: Extraction, later: Extraction) -> Extraction:
    return seed.fill_from(later)


@pytest.mark.parametrize(
    "expected",
    GOLDEN["fill_countries"]["members"],
    ids=[m["organization"] for m in GOLDEN["fill_countries"]["members"]],
)
def test_fill_from_gives_each_missing_country_with_provenance(
    filled: Extraction, expected: dict[str, Any]
) -> None:
    (got,) = [m for m in filled.members if m.organization == expected["organization"]]
    assert got.country_code == expected["country_code"]
    provenance = got.provenance_of("country")
    assert provenance is not None
    assert provenance.rule == "country.other-source"
    assert provenance.evidence == expected["evidence"]
    assert "icor.zh.wikitext" in provenance.note
    assert "matched by match." in provenance.note


def test_fill_from_agrees_with_the_later_flags_and_changes_no_page_value(
    seed: Extraction, filled: Extraction
) -> None:
    flags = {m["row"]: m["flag_country_code"] for m in SEED_GOLDEN["members"]}
    for before, after in zip(seed.members, filled.members, strict=True):
        assert after.country_code == flags[after.row], after.organization
        for field in ("organization", "country", "country_code", "continent", "continent_code",
                      "joined", "link", "status", "row"):  # fmt: skip
            if getattr(before, field) is not None:
                assert getattr(after, field) == getattr(before, field), (after.organization, field)
        if before.country_code is not None:
            assert after.provenance_of("country") == before.provenance_of("country")


def test_fill_from_notes_a_conflict_and_keeps_the_page_value(filled: Extraction) -> None:
    conflicts = [note for note in filled.notes if note.code == "fill.conflict"]
    assert [(n.table, n.row) for n in conflicts] == [(0, 46)]
    assert conflicts[0].message.startswith("link: this page gives '海地新共产党（马列）'")
    (haiti,) = [m for m in filled.members if m.row == 46]
    assert haiti.link == "海地新共产党（马列）"


def test_fill_from_notes_an_ambiguous_match() -> None:
    page = Extraction(members=(member("共产党", country_code="TR"),))
    other = Extraction(
        members=(member("共产党", country_code="TR", joined=2010, row=1),
                 member("共产党", country_code="TR", joined=2012, row=2)),
        source_name="other.wikitext",
    )  # fmt: skip
    result = page.fill_from(other)
    assert result.members == page.members
    (note,) = result.notes
    assert note.code == "fill.ambiguous"
    assert "of other.wikitext equally" in note.message


# --- properties --------------------------------------------------------------------------


@pytest.mark.slow
@settings(max_examples=300, deadline=None)
@given(extractions())
def test_comparing_an_extraction_with_itself_gives_no_event(extraction: Extraction) -> None:
    changes = icor_extract.compare(extraction, extraction)
    assert changes.events == ()
    assert changes.ambiguous == ()
    assert len(changes.matches) == len(extraction.members)


@pytest.mark.slow
@settings(max_examples=300, deadline=None)
@given(extraction_pairs())
def test_compare_both_ways_gives_inverse_events(pair: tuple[Extraction, Extraction]) -> None:
    old, new = pair
    forward, backward = icor_extract.compare(old, new), icor_extract.compare(new, old)
    assert Counter(backward.events) == Counter(event.inverse() for event in forward.events)
    assert Counter(backward.matches) == Counter(m.inverse() for m in forward.matches)
    assert Counter(backward.ambiguous) == Counter(a.inverse() for a in forward.ambiguous)


@pytest.mark.slow
@settings(max_examples=200, deadline=None)
@given(extraction_pairs())
def test_fill_from_never_changes_a_value_the_page_gives(
    pair: tuple[Extraction, Extraction],
) -> None:
    page, other = pair
    filled = page.fill_from(other)
    assert len(filled.members) == len(page.members)
    for before, after in zip(page.members, filled.members, strict=True):
        for field in ("organization", "country", "country_code", "continent", "continent_code",
                      "joined", "link", "status", "row"):  # fmt: skip
            if getattr(before, field) is not None:
                assert getattr(after, field) == getattr(before, field)
