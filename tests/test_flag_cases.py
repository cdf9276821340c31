"""Flag templates and country names as Wikipedia writes them: the table of cases in
``fixtures/flag_cases.json``, each with its expected code written by hand and its source."""

from __future__ import annotations

from typing import Any

import pytest

import icor_extract
from icor_extract import Variant

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


def test_a_state_without_an_iso_code_spans_down_and_keeps_its_rule() -> None:
    page = (
        "{|\n! 国家 !! 政党\n|-\n| rowspan=2 | {{TRNC}} || 甲党\n|-\n| 乙党\n"
        "|-\n| {{flag|塞浦路斯}} || 丙党\n|}"
    )
    first, second, third = icor_extract.parse(page, variant="zh-hant").members
    assert [(m.country, m.country_code) for m in (first, second, third)] == [
        ("北賽普勒斯", None),
        ("北賽普勒斯", None),
        ("賽普勒斯", "CY"),
    ]
    spanned = second.provenance_of("country")
    assert spanned is not None
    assert spanned.rule == "country.no-iso-code"
    assert spanned.note == (
        "'{{TRNC}}' names Northern Cyprus, which has no ISO 3166-1 code "
        "(country.rowspan: country.flag in row 1, spanned down)"
    )


def test_two_flags_one_without_an_iso_code_decide_nothing() -> None:
    # 工人国际委员会 lists a section as {{flag|塞浦路斯}} {{flag|北塞浦路斯}}
    page = "{|\n! 国家 !! 政党\n|-\n| {{flag|塞浦路斯}} {{flag|北塞浦路斯}} || 甲党\n|}"
    (member,) = icor_extract.parse(page, variant="zh-hans").members
    provenance = member.provenance_of("country")
    assert provenance is not None
    assert (member.country, member.country_code, provenance.rule) == (
        None,
        None,
        "country.ambiguous",
    )


@pytest.mark.parametrize(
    ("variant", "name"),
    [("zh-hans", "北塞浦路斯"), ("zh-hant", "北賽普勒斯"), ("en", "Northern Cyprus")],
)
def test_the_name_of_a_state_without_an_iso_code_follows_the_variant(
    variant: Variant, name: str
) -> None:
    page = "{|\n! 国家 !! 政党\n|-\n| {{flag|Northern Cyprus}} || 甲党\n|}"
    (member,) = icor_extract.parse(page, variant=variant).members
    assert (member.country, member.country_code) == (name, None)
