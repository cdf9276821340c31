"""The seed page against its hand-checked golden file: the core acceptance test."""

from __future__ import annotations

from collections import Counter
from io import StringIO
from typing import Any

import pytest

import icor_extract
from icor_extract import Extraction, RowKind

from .conftest import fixture_path, load_golden

GOLDEN = load_golden("icor.zh.expected.json")
FIELDS = ("organization", "link", "joined", "continent", "continent_code", "country",
          "country_code")  # fmt: skip


@pytest.fixture(scope="module")
def extraction() -> Extraction:
    return icor_extract.read(fixture_path("icor.zh.md"))


def test_all_52_members_in_page_order(extraction: Extraction) -> None:
    assert [m.row for m in extraction.members] == [e["row"] for e in GOLDEN["members"]]
    assert len(extraction.members) == 52


@pytest.mark.parametrize(
    "expected",
    GOLDEN["members"],
    ids=[f"row{e['row']}-{e['organization']}" for e in GOLDEN["members"]],
)
def test_member_matches_golden(extraction: Extraction, expected: dict[str, Any]) -> None:
    member = next(m for m in extraction.members if m.row == expected["row"])
    actual = {field: getattr(member, field) for field in FIELDS}
    assert actual == {field: expected[field] for field in FIELDS}
    country = member.provenance_of("country")
    assert country is not None
    assert country.rule == expected["country_rule"]
    assert member.table == GOLDEN["table"]
    assert member.section == GOLDEN["section"]


def test_no_country_without_a_reason(extraction: Extraction) -> None:
    for member in extraction.members:
        provenance = member.provenance_of("country")
        assert provenance is not None
        if member.country_code is None:
            assert member.country is None
            assert provenance.note, member.organization
        else:
            assert provenance.evidence, member.organization


def test_every_source_row_is_accounted_for(extraction: Extraction) -> None:
    kinds = Counter(outcome.kind for outcome in extraction.row_outcomes)
    assert kinds == {RowKind.HEADER: 1, RowKind.GROUP: 3, RowKind.MEMBER: 52}
    # 56 <tr> elements in the page's member table
    assert len(extraction.row_outcomes) == fixture_path("icor.zh.md").read_text().count("<tr")
    assert [o.row for o in extraction.row_outcomes if o.kind is RowKind.GROUP] == GOLDEN[
        "group_rows"
    ]
    assert extraction.rejected == ()


def test_shifted_rows_are_noted(extraction: Extraction) -> None:
    shifted = {note.row for note in extraction.notes if note.code == "realign.shift"}
    # every member row except 北美洲 and 南美洲, which kept all four cells
    assert shifted == {e["row"] for e in GOLDEN["members"]} - {45, 49}


def test_continuation_row_records_the_move(extraction: Extraction) -> None:
    member = next(m for m in extraction.members if m.organization == "尼泊尔共产党（统一）")
    organization = member.provenance_of("organization")
    assert organization is not None
    assert (organization.rule, organization.column) == ("realign.shift", 0)


def test_pandas_read_html_baseline_is_as_broken_as_the_issue_says() -> None:
    """The peer users would reach for: keep the claim in the README honest."""
    pandas = pytest.importorskip("pandas")
    text = fixture_path("icor.zh.md").read_text(encoding="utf-8")
    start, end = text.index("<table>"), text.index("</table>") + len("</table>")
    frame = pandas.read_html(StringIO(text[start:end]), flavor="lxml")[0]
    golden = {(e["organization"], e["joined"]) for e in GOLDEN["members"]}
    rows = {
        (str(row["政党或组织"]), str(row["加入时间"]).removesuffix("年"))
        for _, row in frame.iterrows()
    }
    right = {(org, year) for org, year in golden if (org, str(year)) in rows}
    assert len(right) == 2
