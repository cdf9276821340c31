"""Flag templates and country names as Wikipedia writes them: the table of cases in
``fixtures/flag_cases.json``, each with its expected code written by hand and its source."""

from __future__ import annotations

from typing import Any

import pytest

import icor_extract

from .conftest import load_golden

CASES = load_golden("flag_cases.json")["cases"]


@pytest.mark.parametrize("case", CASES, ids=[case["id"] for case in CASES])
def test_flag_case(case: dict[str, Any]) -> None:
    page = f"{{|\n! 国家 !! 政党\n|-\n| {case['country']} || {case['organization']}\n|}}"
    (member,) = icor_extract.parse(page, variant="zh-hans").members
    provenance = member.provenance_of("country")
    assert provenance is not None
    actual = (member.country_code, member.country, provenance.rule)
    assert actual == (case["code"], case["name"], case["rule"]), case["source"]


def test_every_case_names_its_source() -> None:
    assert all(case["source"] for case in CASES)
