"""Fill the empty values of one extraction from another version of the same page.

One version often states what another lost: the 2019 markdown of the ICOR page
has members with no country, while a later wikitext has a flag on every row.
:func:`fill_from` matches the members of the two (see
:mod:`icor_extract.versions.matching`) and copies a value only into a field this
page leaves empty; the provenance rule ``<field>.other-source`` names the other
document, its row and the matching rule.  A value this page gives is never
changed: where the other version says something else, that is a ``fill.conflict``
note.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace

from icor_extract.model import Extraction, Layout, Member, Note, NoteCode, Provenance, Rule
from icor_extract.versions.matching import Match, match
from icor_extract.versions.normalize import link_key

__all__ = ["FILLED_FIELDS", "fill_from"]


@dataclass(frozen=True, slots=True)
class _Field:
    """A provenance field and the member attributes that hold its value."""

    name: str
    attributes: tuple[str, ...]
    rule: Rule  # the provenance rule of a value filled from the other version
    same: Callable[[Member, Member], bool]


def _same_code_or_name(code: str, name: str) -> Callable[[Member, Member], bool]:
    def same(a: Member, b: Member) -> bool:
        if getattr(a, code) is not None and getattr(b, code) is not None:
            return bool(getattr(a, code) == getattr(b, code))
        return bool(getattr(a, name) == getattr(b, name))

    return same


_FIELDS = (
    _Field(
        "country",
        ("country", "country_code"),
        Rule.COUNTRY_OTHER_SOURCE,
        _same_code_or_name("country_code", "country"),
    ),
    _Field(
        "continent",
        ("continent", "continent_code"),
        Rule.CONTINENT_OTHER_SOURCE,
        _same_code_or_name("continent_code", "continent"),
    ),
    _Field("joined", ("joined",), Rule.JOINED_OTHER_SOURCE, lambda a, b: a.joined == b.joined),
    _Field(
        "link",
        ("link",),
        Rule.LINK_OTHER_SOURCE,
        lambda a, b: link_key(a.link or "") == link_key(b.link or ""),
    ),
)
#: the fields :func:`fill_from` may fill
FILLED_FIELDS = tuple(field.name for field in _FIELDS)


def _empty(member: Member, field: _Field) -> bool:
    return all(getattr(member, attribute) is None for attribute in field.attributes)


def _where(member: Member) -> str:
    if member.location.layout is Layout.LIST:
        return f"list {member.table}, item {member.row}: {member.organization}"
    return f"table {member.table}, row {member.row}: {member.organization}"


def _filled(member: Member, pair: Match, field: _Field, other_name: str) -> Member:
    """``member`` with ``field`` copied from the matched member, and the provenance saying so."""
    source = pair.new
    mine, theirs = member.provenance_of(field.name), source.provenance_of(field.name)
    note = f"from {other_name} ({_where(source)}), matched by {pair.rule}: {pair.evidence}"
    if mine is not None:
        why_empty = "; ".join(filter(None, [mine.rule, mine.note]))
        note += f"; this page: {why_empty}"
    provenance = Provenance(
        field=field.name,
        rule=field.rule,
        evidence=theirs.evidence
        if theirs is not None and theirs.evidence
        else _value(source, field),
        note=note,
        location=theirs.location if theirs is not None else source.location,
        column=theirs.column if theirs is not None else None,
    )
    values = {attribute: getattr(source, attribute) for attribute in field.attributes}
    kept = tuple(item for item in member.provenance if item.field != field.name)
    return replace(member, **values, provenance=(*kept, provenance))


def _value(member: Member, field: _Field) -> str:
    return " ".join(str(getattr(member, a)) for a in field.attributes if getattr(member, a))


def _fill_member(member: Member, pair: Match, other_name: str) -> tuple[Member, list[Note]]:
    notes: list[Note] = []
    for field in _FIELDS:
        if _empty(pair.new, field):
            continue
        if _empty(member, field):
            member = _filled(member, pair, field, other_name)
        elif not field.same(member, pair.new):
            notes.append(
                Note(
                    code=NoteCode.FILL_CONFLICT,
                    message=(
                        f"{field.name}: this page gives {_value(member, field)!r}, "
                        f"{other_name} ({_where(pair.new)}) gives {_value(pair.new, field)!r}; "
                        f"kept this page's (matched by {pair.rule})"
                    ),
                    location=member.location,
                )
            )
    return member, notes


def fill_from(extraction: Extraction, other: Extraction) -> Extraction:
    """A copy of ``extraction`` whose empty country, continent, year and link are taken from
    the matched member of ``other``; conflicts and ambiguous matches become notes."""
    other_name = other.source_name or "the other extraction"
    matching = match(extraction.members, other.members)
    pairs = {id(pair.old): pair for pair in matching.pairs}
    members: list[Member] = []
    notes: list[Note] = []
    for member in extraction.members:
        pair = pairs.get(id(member))
        if pair is None:
            members.append(member)
            continue
        filled, member_notes = _fill_member(member, pair, other_name)
        members.append(filled)
        notes += member_notes
    for item in matching.ambiguous:
        if item.side == "old":
            names = ", ".join(candidate.organization for candidate in item.candidates)
            notes.append(
                Note(
                    code=NoteCode.FILL_AMBIGUOUS,
                    message=(
                        f"{item.member.organization}: {item.rule} fits {names} "
                        f"of {other_name} equally; nothing filled"
                    ),
                    location=item.member.location,
                )
            )
    return replace(extraction, members=tuple(members), notes=(*extraction.notes, *notes))
