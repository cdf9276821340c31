"""The back of the pipeline's shortcuts (speed round seven) give what the long way gives."""

from __future__ import annotations

import dataclasses
import pickle

import pytest

from icor_extract.geo.countries import Resolution, Status, country_index
from icor_extract.model import Location, Note, NoteCode, Rule, new_note, new_provenance
from icor_extract.repair.country import _inferred_message
from icor_extract.repair.country_names import _qualifier_place
from icor_extract.repair.country_values import Country


@pytest.mark.parametrize("rule", [rule for rule in Rule if rule.inferred])
def test_an_inferred_note_names_its_rule_as_formatting_the_rule_does(rule: Rule) -> None:
    location = Location(table=0, row=12, line=40)
    provenance = new_provenance("country", rule, "印度", "", location, 1)
    message = _inferred_message(Country("印度", "IN", provenance))
    assert message == f"country IN inferred by {rule} from '印度' (row 12)"


def test_a_note_built_by_position_is_the_note_built_by_keyword() -> None:
    location = Location(table=1, row=2, line=3)
    by_position = new_note(NoteCode.COUNTRY_INFERRED, "m", location)
    expected = Note(code=NoteCode.COUNTRY_INFERRED, message="m", location=location)
    assert type(by_position) is Note
    assert by_position == expected
    assert repr(by_position) == repr(expected)


def _identity_the_long_way(resolution: Resolution) -> str | None:
    """What ``Resolution.identity`` was as a property (round six)."""
    if resolution.status is Status.COUNTRY:
        return resolution.codes[0]
    return resolution.name if resolution.status is Status.NO_ISO_CODE else None


def test_a_resolution_knows_its_identity_as_the_property_worked_it_out() -> None:
    made = [Resolution(status, ("IN", "ID"), "Northern Cyprus") for status in Status]
    for resolution in [*country_index()._names.values(), *made]:
        assert resolution.identity == _identity_the_long_way(resolution)
    again = dataclasses.replace(made[0], status=Status.NO_ISO_CODE)
    assert again.identity == "Northern Cyprus"
    assert pickle.loads(pickle.dumps(again)).identity == "Northern Cyprus"
    assert "identity" not in repr(again)


@pytest.mark.parametrize(
    "qualifier", ["塞尔维亚", "2006年", "马列", "the Netherlands", "x" * 100, ""]
)
def test_a_qualifier_remembered_resolves_as_it_resolves_afresh(qualifier: str) -> None:
    expected = country_index().resolve(qualifier)
    assert _qualifier_place(qualifier) == expected
    assert _qualifier_place(qualifier) == expected  # remembered, when short
