"""The country and continent stages' shortcuts give what the long way gives (speed round five)."""

from __future__ import annotations

import contextlib
import dataclasses
import pickle
import re
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import icor_extract
import icor_extract.repair.country as country_module
import icor_extract.repair.country_cells as cells_module
import icor_extract.repair.country_names as names_module
import icor_extract.repair.lists as lists_module
from icor_extract import api
from icor_extract.errors import IcorExtractError
from icor_extract.geo import countries
from icor_extract.geo.countries import (
    Match,
    Resolution,
    Status,
    _fold_with_origin,
    _word_bounded,
    country_index,
)
from icor_extract.geo.country_sources import ARTICLE, fold, strip_qualifier
from icor_extract.geo.flags import resolve_flag
from icor_extract.model import Location, Note, NoteCode, Rule, new_note
from icor_extract.readers.raw import FlagHint, RawCell
from icor_extract.repair.country_cells import _flag_resolution, _read_cell, cell_resolution
from icor_extract.repair.country_names import _QUALIFIED_TITLE, _qualified
from icor_extract.repair.country_values import Country
from icor_extract.repair.entries import Entry

from .conftest import fixture_path, spanned_provenance

_TITLES = [
    "劳动党 (塞尔维亚)",
    "劳动党（塞尔维亚）",
    "劳动党 (塞尔维亚) ",
    "劳动党 (塞尔维亚)\n",
    "劳动党 (塞尔维亚)\u3000",
    "劳动党 (塞尔维亚)\xa0\n",
    "劳动党 (塞尔维亚) x",
    "劳动党\n(塞尔维亚)",
    "(塞尔维亚)",
    "x ()",
    ")",
    "",
    " ",
    "劳动党 (a (b))",
]


def _groups(match: re.Match[str] | None) -> tuple[str | Any, ...] | None:
    return None if match is None else match.groups()


@pytest.mark.parametrize("title", _TITLES)
def test_a_title_is_matched_for_a_qualifier_only_when_it_ends_with_a_bracket(title: str) -> None:
    assert _groups(_qualified(title)) == _groups(_QUALIFIED_TITLE.match(title))


@given(st.text(alphabet="ab （）() \n\t\u3000\xa0\u2028\x1c", max_size=12))
def test_the_qualifier_shortcut_agrees_on_random_titles(title: str) -> None:
    assert _groups(_qualified(title)) == _groups(_QUALIFIED_TITLE.match(title))


_FLAGS = [
    FlagHint(kind="template", value="印度", evidence="{{flag|印度}}"),
    FlagHint(kind="code", value="IND", evidence="{{IND}}"),
    FlagHint(kind="template", value="刚果", evidence="{{flag|刚果}}"),
    FlagHint(kind="template", value="捷克斯洛伐克", evidence="{{flag|捷克斯洛伐克}}"),
    FlagHint(kind="template", value="TRNC", evidence="{{TRNC}}"),
    FlagHint(kind="template", value="GB-SCT", evidence="{{GB-SCT}}"),
    FlagHint(kind="template", value="IND-PAK", evidence="{{IND-PAK}}"),
    FlagHint(kind="template", value="不是国家", evidence="{{flag|不是国家}}"),
    FlagHint(kind="image", value="India", evidence="Flag_of_India.svg"),
    FlagHint(kind="bare", value="印度", evidence="{{印度}}"),
]


@pytest.mark.parametrize("flag", _FLAGS, ids=lambda flag: flag.evidence)
@pytest.mark.parametrize("dropped", [(), ("Citation needed",)])
def test_a_cell_of_one_flag_reads_as_the_general_rule_reads_it(
    flag: FlagHint, dropped: tuple[str, ...]
) -> None:
    cell = RawCell(text="", flags=(flag,), dropped=dropped)
    assert cell_resolution(cell) == _read_cell(cell)


_MORE_FLAGS = [
    FlagHint(kind="unheard-of", value="印度", evidence="{{x|印度}}"),
    FlagHint(kind="template", value="印度" * 40, evidence="{{flag|印度…}}"),  # not remembered
    FlagHint(kind="code", value=" usa ", evidence="{{USA}}"),
]


@pytest.mark.parametrize("flag", _FLAGS + _MORE_FLAGS, ids=lambda flag: flag.evidence)
def test_a_flag_remembered_reads_as_it_is_read_afresh(flag: FlagHint) -> None:
    first, again = _flag_resolution(flag), _flag_resolution(flag)
    assert first == again == resolve_flag(flag.kind, flag.value)


def test_rows_reaching_a_country_cell_one_way_share_one_value() -> None:
    """The country of rows under one rowspan depends on the cell alone: one value, equal
    in every field to what each row was given when each built its own."""
    shared = spanned_provenance(fixture_path("icor.zh.wikitext"), "country", Rule.COUNTRY_ROWSPAN)
    assert shared
    for values in shared:
        assert all(value is values[0] for value in values)
        assert values[0].note == f"country.flag in row {values[0].row}, spanned down"


def test_the_fast_note_constructor_gives_what_the_dataclass_gives() -> None:
    fields = {
        "code": NoteCode.COUNTRY_INFERRED,
        "message": "country IN inferred by country.name from '印度' (row 4)",
        "location": Location(table=1, row=4, line=20),
    }
    assert set(fields) == {field.name for field in dataclasses.fields(Note)}
    fast, slow = new_note(**fields), Note(**fields)  # type: ignore[arg-type]
    assert type(fast) is type(slow)
    assert (fast, hash(fast), repr(fast)) == (slow, hash(slow), repr(slow))
    assert pickle.loads(pickle.dumps(fast)) == slow
    with pytest.raises(dataclasses.FrozenInstanceError):
        fast.message = ""  # type: ignore[misc]


def _find_every_place(text: str) -> list[Match]:
    """``CountryIndex.find`` the long way: every place of the text tried (round four's loop)."""
    index = country_index()
    folded, origin = _fold_with_origin(text)
    matches, position = [], 0
    while position < len(folded):
        hit = None
        for length in index._starts.get(folded[position : position + 2], ()):
            end = position + length
            found = index._names.get(folded[position:end]) if end <= len(folded) else None
            latin = folded[position].isascii() and folded[position].isalpha()
            if found is not None and (not latin or _word_bounded(folded, position, end)):
                hit = (end, found)
                break
        if hit is None:
            position += 1
            continue
        start, stop = position, hit[0]
        if origin is not None:
            start, stop = origin[position], origin[hit[0] - 1] + 1
        matches.append(Match(start, stop, text[start:stop], hit[1]))
        position = hit[0]
    return matches


_NAME_PIECES = [
    *("印度", "印度尼西亚", "尼西亚", "刚果", "新墨西哥", "捷克斯洛伐克", "共产党", "（马列）"),
    *("Niger", "Nigeria", "niger", "India", "ß", "ﬁ", "the", "Korea", " ", "-", "1", "a"),
]


@given(st.lists(st.sampled_from(_NAME_PIECES) | st.text(max_size=3), max_size=8).map("".join))
def test_names_are_found_where_every_place_is_tried(text: str) -> None:
    assert country_index().find(text) == _find_every_place(text)


@pytest.mark.parametrize("text", ["", "印", "印度", "x印度", "NigerNigeria Niger", "ßniger India"])
def test_names_are_found_in_short_and_edge_texts(text: str) -> None:
    assert country_index().find(text) == _find_every_place(text)


_PIECES_AND_BREAKS = st.sampled_from([*_NAME_PIECES, "\n"]) | st.text(max_size=3)


@given(st.lists(st.lists(_PIECES_AND_BREAKS, max_size=6).map("".join), max_size=5))
def test_names_found_in_several_texts_at_once_are_those_found_in_each(texts: list[str]) -> None:
    """``find_each`` reads the texts as one, each ended by a line break (which a text may
    hold too): no name crosses from one to the next, and their offsets are their own."""
    assert country_index().find_each(texts) == [_find_every_place(text) for text in texts]


@pytest.mark.parametrize(
    "texts", [[], [""], ["", ""], ["印度", "", "ßniger India"], ["Niger", "ia"], ["ß", "印度"]]
)
def test_names_are_found_in_edge_lists_of_texts(texts: list[str]) -> None:
    assert country_index().find_each(texts) == [_find_every_place(text) for text in texts]


def test_names_are_found_in_texts_searched_in_several_batches(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Texts past a batch's size start a new batch, a long one is a batch of its own, and a
    fold that changes the length (``ß``) is mapped in its batch only."""
    monkeypatch.setattr(countries, "_BATCH", 12)
    texts = ["印度共产党", "Niger", "ia", "x" * 30 + " India", "Straße Nigeria", "", "印度"]
    assert country_index().find_each(texts) == [_find_every_place(text) for text in texts]


def test_one_length_changing_letter_maps_offsets_of_its_batch_only(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Review finding: one ``ß`` in a table of long names sent the whole table's text through
    the offset map, character by character; it maps only the batch that holds it."""
    index = country_index()  # built before counting: building it folds names too
    mapped: list[int] = []
    fold = countries._fold_with_origin

    def counting(text: str) -> tuple[str, list[int] | None]:
        mapped.append(len(text))
        return fold(text)

    monkeypatch.setattr(countries, "_fold_with_origin", counting)
    texts = ["印度共产党" * 400] * 100 + ["Straße India"]
    found = index.find_each(texts)
    assert len(found) == len(texts)
    assert found[0] == _find_every_place(texts[0])
    assert found[-1] == _find_every_place(texts[-1])
    assert len(mapped) == 1  # one batch mapped, not the 200,000 characters of the table
    assert len("Straße India") < mapped[0] < len("\n".join(texts)) // 2


def _resolve_folded(name: str) -> Resolution:
    """``CountryIndex.resolve`` the long way: every form folded before it is looked up."""
    names = country_index()._names
    for form in (name, strip_qualifier(name), ARTICLE.sub("", name)):
        found = names.get(fold(form))
        if found is not None:
            return found
    return Resolution(Status.UNKNOWN, (), name)


_RESOLVED = [
    *("印度", " 印度 ", "印 度", "INDIA", "india ", "United  States", "united\tstates"),
    *("The Netherlands", "the  gambia", "Straße", "STRASSE", "塞尔维亚", "2006年", "", " "),
    *("Congo - Kinshasa", "刚果（金）", "印度 (x) ", "the India (x)", "THE\tindia", "x-y", "马列"),
    *("India - x", "印度 - 共产党", "the 印度 - 马列"),
]


@pytest.mark.parametrize("name", _RESOLVED)
def test_a_name_is_resolved_as_its_folded_forms_are(name: str) -> None:
    assert country_index().resolve(name) == _resolve_folded(name)


@given(
    st.lists(
        st.sampled_from([*_NAME_PIECES, "\t", "\n", "\u3000", " - ", "(", ")", "）", "THE "]),
        max_size=4,
    ).map("".join)
)
def test_random_names_are_resolved_as_their_folded_forms_are(name: str) -> None:
    assert country_index().resolve(name) == _resolve_folded(name)


def _entries_of_every_fixture() -> list[Entry]:
    """Every entry the country stage is given while every fixture page is read."""
    seen: list[Entry] = []
    real = country_module.assign_countries

    def spy(entries: list[Entry], *rest: Any) -> Any:
        seen.extend(entries)
        return real(entries, *rest)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(api, "assign_countries", spy)
        patch.setattr(lists_module, "assign_countries", spy)
        for path in sorted(fixture_path(".").glob("*")):
            if path.suffix in {".md", ".wikitext", ".html"}:
                with contextlib.suppress(IcorExtractError):  # a page with no member table
                    icor_extract.read(path)
    return seen


def test_the_names_of_a_table_searched_at_once_give_each_entry_its_own_hints() -> None:
    entries = _entries_of_every_fixture()
    linked = [entry for entry in entries if entry.link is not None]
    assert 0 < len(linked) < len(entries)  # entries with a link title and without
    each = [names_module.name_hints([entry])[0] for entry in entries]
    assert names_module.name_hints(entries) == each
    assert any(len(hints) > 1 for hints in each)


def test_a_member_alone_in_its_row_group_gets_what_the_group_rule_gives() -> None:
    """``from_own_name`` (a row group of one member) against ``_from_group_names``."""
    at = [Location(table=1, row=row) for row in range(4000)]
    rules = set()
    for entry in _entries_of_every_fixture():
        for variant in ("zh-hans", "en"):
            hints = names_module.name_hints([entry])[0]
            fast = names_module.from_own_name(entry, hints, variant, at)
            (slow,) = names_module._from_group_names([entry], [hints], variant, at)
            assert fast == slow
            rules.add(slow.provenance.rule)
    # every way out of the shortcut is taken (a name, a problem, a conflict, nothing)
    assert {Rule.COUNTRY_NAME, Rule.COUNTRY_AMBIGUOUS, Rule.COUNTRY_NONE} <= rules
    assert Rule.COUNTRY_CONFLICT in rules


def test_a_row_reading_its_own_cell_alone_gets_what_the_shared_cell_rule_gives() -> None:
    """``from_cell`` (with its one-row shortcut) against ``_from_shared_cell``, on the
    arguments every fixture page gives it."""
    calls: list[tuple[Any, ...]] = []
    real = cells_module.from_cell

    def spy(*args: Any) -> list[Country]:
        calls.append(args)
        return real(*args)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(country_module, "from_cell", spy)
        _entries_of_every_fixture()
    shortcut = 0
    for args in calls:
        assert real(*args) == cells_module._from_shared_cell(*args)
        entries, found = args[0], args[2]
        alone = len(entries) == 1 and cells_module._reach(entries[0].aligned) is None
        shortcut += alone and found[2].identity is not None
    assert 0 < shortcut < len(calls)  # both ways taken
