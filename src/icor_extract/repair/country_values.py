"""The values the country stage gives a member: a ``Country``, or none and why.

Shared by the two ways a country is found, the country cell
(:mod:`~icor_extract.repair.country_cells`) and the members' own names
(:mod:`~icor_extract.repair.country_names`): both cite their evidence with the
same provenance, and give a state without an ISO 3166-1 code its name and no
code (``country.no-iso-code``), never the code of another state.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import cache

from icor_extract.geo.countries import Resolution, Status, country_index
from icor_extract.model import NOWHERE, Location, Provenance, Rule, Variant, new_provenance

__all__ = ["EMPTY_RULE", "Country", "country_of", "no_country", "provenance_at", "why_none"]

#: the rule of an empty country, by what its evidence resolved to
EMPTY_RULE = {
    Status.AMBIGUOUS: Rule.COUNTRY_AMBIGUOUS,
    Status.FORMER: Rule.COUNTRY_FORMER,
    Status.NOT_A_COUNTRY: Rule.COUNTRY_NOT_A_COUNTRY,
    Status.UNKNOWN: Rule.COUNTRY_UNKNOWN,
}


@dataclass(slots=True)
class Country:
    """A member's country or why it has none (not frozen: see ``aligned.Placed``)."""

    name: str | None
    code: str | None
    provenance: Provenance


def why_none(resolution: Resolution, evidence: str) -> str:
    """Why ``evidence``, resolved to ``resolution``, gives no country (a provenance note)."""
    if resolution.status is Status.AMBIGUOUS:
        return f"{evidence!r} may name any of {', '.join(resolution.codes)}"
    if resolution.status is Status.FORMER:
        return f"{evidence!r} names {resolution.name}, a former country (ISO 3166-3)"
    if resolution.status is Status.NOT_A_COUNTRY:
        place = f" (it names {resolution.name})" if resolution.name != evidence.casefold() else ""
        return f"{evidence!r} is not an ISO 3166-1 country{place}"
    return f"{evidence!r} is not a country name in CLDR or ISO 3166"


@cache
def _display(identity: str, variant: Variant) -> tuple[str, bool]:
    """A country's name in ``variant`` and whether it has an ISO 3166-1 code: reference
    data only (a few hundred countries in four variants), read once per process."""
    index = country_index()
    return index.display_name(identity, variant), index.has_iso_code(identity)


def country_of(identity: str, variant: Variant, provenance: Provenance) -> Country:
    """The member's country; a state without an ISO code gets its name and no code."""
    name, iso = _display(identity, variant)
    if iso:
        return Country(name, identity, provenance)
    how = provenance.rule + (f": {provenance.note}" if provenance.note else "")
    note = f"{provenance.evidence!r} names {identity}, which has no ISO 3166-1 code ({how})"
    return Country(name, None, replace(provenance, rule=Rule.COUNTRY_NO_ISO_CODE, note=note))


def provenance_at(
    rule: Rule,
    evidence: str,
    note: str,
    where: tuple[int | None, int | None],
    at: Sequence[Location],
) -> Provenance:
    """A country provenance; ``where`` is the (row, column) of the evidence.

    It cites the row's full location: the records stage passes it on as it is
    (one built with ``Location(row=row)`` it would build again with this location).
    """
    row, column = where
    location = NOWHERE if row is None else at[row]
    return new_provenance("country", rule, evidence, note, location, column)  # by position


def no_country(
    rule: Rule,
    evidence: str,
    note: str,
    where: tuple[int | None, int | None],
    at: Sequence[Location],
) -> Country:
    """No country, and why; ``where`` is the (row, column) of the evidence."""
    return Country(None, None, provenance_at(rule, evidence, note, where, at))
