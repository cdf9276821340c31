"""The records stage builds members without ``Member``'s checks where its values pass them
by construction (``fill_member``): each source of those values, checked against them."""

from __future__ import annotations

import dataclasses
import inspect
from pathlib import Path

import pycountry
import pytest

import icor_extract
from icor_extract.geo import continents
from icor_extract.geo.codes import code_table
from icor_extract.geo.countries import country_index
from icor_extract.model import CONTINENT_CODES, Member, Status, fill_member, new_member

from .conftest import fixture_path


def _passes(country_code: str | None = None, continent_code: str | None = None) -> None:
    """``Member``'s own checks on a member holding these codes (raises if they fail)."""
    Member(
        organization="甲", country=None, country_code=country_code, continent=None,
        continent_code=continent_code, joined=None, link=None, section=None,
        location=icor_extract.Location(),
    )  # fmt: skip


def test_every_country_code_a_member_can_get_is_iso_alpha_2() -> None:
    """A member's code is a resolution's identity that has an ISO code (``country_of``):
    from the country index, a flag's code table, or a two-letter code a flag names."""
    index = country_index()
    resolutions = [*index._names.values(), *code_table().values()]
    identities = {r.identity for r in resolutions if r.identity is not None}
    identities |= {country.alpha_2 for country in pycountry.countries}
    coded = [identity for identity in identities if index.has_iso_code(identity)]
    assert len(coded) > 200
    for identity in coded:
        _passes(country_code=identity)


def test_every_continent_code_a_member_can_get_is_known() -> None:
    codes = {continents.continent_code(name) for name in continents._names()}
    assert codes - {None} == set(CONTINENT_CODES)
    for code in codes:
        _passes(continent_code=code)


def test_a_status_is_a_status_by_its_type() -> None:
    """The status module's values hold a ``Status`` (mypy checks every assignment)."""
    from icor_extract.repair.status import MemberStatus

    fields = {field.name: field.type for field in dataclasses.fields(MemberStatus)}
    assert fields["status"] in (Status, "Status")


def test_every_member_of_every_fixture_passes_the_checks() -> None:
    pages = sorted(Path(fixture_path("icor.zh.md")).parent.glob("*.*"))
    checked = 0
    for page in pages:
        if page.suffix not in (".md", ".wikitext", ".html"):
            continue
        try:
            members = icor_extract.read(page).members
        except icor_extract.IcorExtractError:
            continue
        for member in members:
            member.__post_init__()
            checked += 1
    assert checked > 500


def test_the_unchecked_constructor_takes_the_fields_in_their_order() -> None:
    parameters = list(inspect.signature(fill_member).parameters)
    assert parameters == [field.name for field in dataclasses.fields(Member)]
    assert parameters == list(inspect.signature(new_member).parameters)


def test_an_empty_organization_is_still_refused_by_the_checked_constructor() -> None:
    """The one value the stages leave to the checks (no stage gives an empty name: a cell of
    empty brackets is a rejected row, ``test_membership``): the records stage builds such a
    member with ``new_member``, which refuses it, so a bug would be an error, not a record."""
    page = "{|\n! 国家 !! 政党 !! 加入时间\n|-\n| 印度 || () || 2012年\n|}"
    assert not icor_extract.parse(page, format="wikitext").members
    values = [None] * len(dataclasses.fields(Member))
    with pytest.raises(ValueError, match="must not be empty"):
        new_member("", *values[1:8], icor_extract.Location(), Status.MEMBER, *values[10:])
