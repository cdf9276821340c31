"""Members written as lists: real pages against golden files written by hand from them."""

from __future__ import annotations

from collections import Counter
from typing import Any

import pytest

import icor_extract
from icor_extract import Extraction, RowKind

from .conftest import fixture_path, load_golden

#: page -> its golden file for list members, written by hand from the page
PAGES = {
    "cwi.zh.md": "cwi.zh.md.expected.json",
    "cwi.zh.wikitext": "cwi.zh.wikitext.expected.json",
    "rim.zh.md": "rim.zh.md.expected.json",
    "rim.zh.wikitext": "rim.zh.wikitext.expected.json",
    "wftu.zh.md": "wftu.zh.md.expected.json",
    "wftu.zh.wikitext": "wftu.zh.wikitext.expected.json",
    "icor.zh.wikitext": "icor.zh.wikitext.lists.expected.json",
    "lists.handwritten.html": "lists.handwritten.html.expected.json",
    "lists.handwritten.en.wikitext": "lists.handwritten.en.wikitext.expected.json",
}
FIELDS = ("organization", "link", "country_code", "continent_code", "status")

_READ: dict[str, Extraction] = {}


def _read(name: str) -> Extraction:
    if name not in _READ:
        _READ[name] = icor_extract.read(fixture_path(name))
    return _READ[name]


def _cases() -> list[Any]:
    cases = []
    for page, golden_file in PAGES.items():
        golden = load_golden(golden_file)
        for expected in golden["members"]:
            label = f"{page}-{expected['list']}.{expected['item']}-{expected['organization']}"
            known = expected.pop("known_failure", None)
            marks = [pytest.mark.xfail(strict=True, reason=known)] if known else []
            cases.append(pytest.param(page, expected, id=label, marks=marks))
    return cases


@pytest.mark.parametrize(("page", "expected"), _cases())
def test_member_matches_golden(page: str, expected: dict[str, Any]) -> None:
    found = [
        m
        for m in _read(page).members
        if m.layout == "list" and (m.table, m.row) == (expected["list"], expected["item"])
    ]
    assert len(found) == 1, found
    member = found[0]
    fields = [field for field in expected if field not in ("list", "item")]
    assert fields[: len(FIELDS)] == list(FIELDS)
    actual = {field: getattr(member, field) for field in fields}
    if "footnotes" in actual:
        actual["footnotes"] = list(actual["footnotes"])
    assert actual == {field: expected[field] for field in fields}


@pytest.mark.parametrize("page", PAGES)
def test_every_item_of_a_member_list_is_accounted_for(page: str) -> None:
    golden = load_golden(PAGES[page])
    extraction = _read(page)
    listed = [m for m in extraction.members if m.layout == "list"]
    assert [(m.table, m.row) for m in listed] == [(e["list"], e["item"]) for e in golden["members"]]
    counted = Counter(o.table for o in extraction.row_outcomes if o.layout == "list")
    assert counted == {entry["list"]: entry["items"] for entry in golden["member_lists"]}
    assert {(m.table, m.section) for m in listed} == {
        (entry["list"], entry["section"]) for entry in golden["member_lists"]
    }
    assert [(r.table, r.row, r.reason) for r in extraction.rejected if r.layout == "list"] == [
        (r["list"], r["item"], r["reason"]) for r in golden["rejected"]
    ]
    groups = [
        (o.table, o.row)
        for o in extraction.row_outcomes
        if o.layout == "list" and o.kind is RowKind.GROUP
    ]
    assert groups == [(g["list"], g["item"]) for g in golden["groups"]]


@pytest.mark.parametrize("page", PAGES)
def test_no_country_without_a_reason(page: str) -> None:
    for member in _read(page).members:
        if member.layout != "list":
            continue
        provenance = member.provenance_of("country")
        assert provenance is not None
        if member.country_code is None:
            assert provenance.note, member.organization
        else:
            assert provenance.evidence, member.organization


#: page -> {section: status} of its member lists, read by hand from the page; every other
#: list of the page (manifesto points, heads of government, commissioners, factions, supporters,
#: see also, references) must give nothing
MEMBER_SECTIONS = {
    "epp.zh.md": {"成員": "member", "觀察員": "observer"},
    "epp.zh.wikitext": {"成員": "member", "觀察員": "observer"},
    "fi.zh.md": {
        "支部": "member",
        "同情组织": "partner",
        "常驻观察员": "observer",
        "前支部": "former",
        "前同情组织": "former",
        "前常驻观察员": "former",
    },
}
MEMBER_SECTIONS["fi.zh.wikitext"] = MEMBER_SECTIONS["fi.zh.md"]


@pytest.mark.parametrize(
    "page",
    [
        "epp.zh.md",
        "epp.zh.wikitext",
        "fi.zh.md",
        "fi.zh.wikitext",
    ],
)
def test_only_member_lists_give_members(page: str) -> None:
    members = [m for m in _read(page).members if m.layout == "list"]
    assert members
    assert {(m.section, m.status.value) for m in members} == set(MEMBER_SECTIONS[page].items())


@pytest.mark.parametrize("page", ["fi.zh.md", "fi.zh.wikitext"])
def test_only_member_sections_give_members(page: str) -> None:
    members = [m for m in _read(page).members if m.layout == "list"]
    assert {m.section for m in members} == set(MEMBER_SECTIONS[page])


def test_country_line_heads_the_party_items_under_it() -> None:
    # {{BEL}} on its own line, then * [[弗拉芒]] ** [[基督教民主和弗拉芒]] (CD&V)
    members = {m.organization: m for m in _read("epp.zh.wikitext").members}
    flemish = members["基督教民主和弗拉芒"]
    country = flemish.provenance_of("country")
    assert country is not None
    assert (flemish.country_code, country.rule, country.evidence) == (
        "BE",
        "country.list-head",
        "{{BEL}}",
    )
    assert members["奧地利人民黨"].country_code == "AT"
