"""Build the result records: repaired rows in, frozen :class:`Member` values out.

This is the last stage before the adapters: it reads the year, picks the
link, and attaches the provenance of every field, each located by its row's
:class:`Location`, so that each value of a ``Member`` can be traced to a rule
and the text it read.  :func:`account_rows` gives every row its outcome, and
:class:`TableResult` is what one table gives.

Internal: the public API is what :mod:`icor_extract` exports; this may change.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass

from icor_extract.model import (
    NOWHERE,
    Location,
    Member,
    Note,
    Provenance,
    RejectedRow,
    RowKind,
    RowOutcome,
    Rule,
    new_member,
    new_provenance,
)
from icor_extract.repair.columns import Role
from icor_extract.repair.content import parse_year
from icor_extract.repair.country import Country
from icor_extract.repair.entries import Entry
from icor_extract.repair.groups import Continent
from icor_extract.repair.realign import AlignedRow, Placed, Placement
from icor_extract.repair.status import StatusSource, decide_status

__all__ = ["RowAccount", "TableResult", "account_rows", "build_member", "build_members"]

_RULE_OF_PLACEMENT = {
    Placement.CELL: Rule.CELL,
    Placement.SHIFT: Rule.REALIGN_SHIFT,
    Placement.SPAN: Rule.SPAN_COPY,
}


@dataclass(frozen=True, slots=True)
class TableResult:
    """What one member table gave: its members, the fate of every row, and its notes."""

    members: tuple[Member, ...]
    row_outcomes: tuple[RowOutcome, ...]
    rejected: tuple[RejectedRow, ...]
    notes: tuple[Note, ...]


@dataclass(frozen=True, slots=True)
class RowAccount:
    """The fate of every row of a table, taken from its aligned rows.

    Kept as the rows' locations and kinds side by side until :meth:`outcomes`
    is asked for: the caller asks after the members are built and the rows
    are gone, so a large table does not hold a :class:`RowOutcome` per row
    beside all its rows.
    """

    locations: list[Location]
    kinds: list[RowKind]
    rejected: tuple[RejectedRow, ...]

    def outcomes(self) -> tuple[RowOutcome, ...]:
        """A :class:`RowOutcome` for every row, in order."""
        return tuple(
            RowOutcome(location=location, kind=kind)
            for location, kind in zip(self.locations, self.kinds, strict=True)
        )


def account_rows(rows: list[AlignedRow], locations: Sequence[Location]) -> RowAccount:
    """What became of every row, and a :class:`RejectedRow` for each rejected one."""
    rejected = tuple(
        RejectedRow(location=locations[a.row], cells=a.cells, reason=a.reason, rule=a.rule)
        for a in rows
        if a.kind is RowKind.REJECTED and a.rule is not None
    )
    return RowAccount([locations[a.row] for a in rows], [a.kind for a in rows], rejected)


# Provenances that name no row are the same for every member: built once, shared
# (they are immutable), so a large table does not hold one copy per member.
_NO_YEAR_COLUMN = Provenance(field="joined", rule=Rule.JOINED_NONE, note="no year column")
_NOT_LINKED = Provenance(field="link", rule=Rule.LINK_NONE, note="the organization is not linked")


def _at(locations: Sequence[Location], row: int | None) -> Location:
    return NOWHERE if row is None else locations[row]


def _placed_provenance(
    field: str, placed: Placed, evidence: str, locations: Sequence[Location]
) -> Provenance:
    rule = _RULE_OF_PLACEMENT.get(placed.how, Rule.CELL)
    note = ""
    if placed.how is Placement.SHIFT:  # interned: a table repeats the same few notes
        note = sys.intern(f"arrived in column {placed.column}, moved to the {field} column")
    elif placed.how is Placement.SPAN:
        note = sys.intern(f"spanned from row {placed.row}")
    return new_provenance(
        field=field,
        rule=rule,
        evidence=evidence,
        note=note,
        location=_at(locations, placed.row),
        column=placed.column,
    )


def _joined(entry: Entry, locations: Sequence[Location]) -> tuple[int | None, Provenance]:
    placed = entry.aligned.values.get(Role.JOINED)
    if placed is None or placed.how is Placement.LOST:
        return None, _NO_YEAR_COLUMN
    if not entry.joined_text:
        return None, Provenance(
            field="joined", rule=Rule.JOINED_NONE, note="the year cell is empty",
            location=_at(locations, placed.row), column=placed.column,
        )  # fmt: skip
    year = parse_year(entry.joined_text)
    if year is None:
        return None, Provenance(
            field="joined",
            rule=Rule.JOINED_UNREADABLE,
            evidence=entry.joined_text,
            note="the year cell holds no year",
            location=_at(locations, placed.row),
            column=placed.column,
        )
    return year, _placed_provenance("joined", placed, entry.joined_text, locations)


def build_member(
    entry: Entry,
    continent: Continent,
    country: Country,
    *,
    locations: Sequence[Location],
    section: str | None,
    caption: str | None = None,
    headings: tuple[str, ...] = (),
    group_status: StatusSource | None = None,
    page: str | None = None,
    shared: dict[Provenance, Provenance] | None = None,
) -> Member:
    """One :class:`Member` from a repaired entry and its inferred values.

    ``locations`` holds the :class:`Location` of every row of the table: the
    repair stages name the row their evidence sits in, and here each
    provenance is given that row's full location (table and source line).
    ``headings`` are the headings above the table, nearest first (by default
    the ``section`` alone); with the ``caption`` and a status group row above
    the member (``group_status``) they may state a status.  ``page`` names the
    document the member was read from.  ``shared`` (see :func:`build_members`)
    gives a status provenance that names no row as the equal one already built.
    """
    organization = entry.aligned.values[Role.ORGANIZATION]
    status_cell = entry.aligned.values.get(Role.STATUS)
    status = decide_status(
        entry.annotation,
        where=StatusSource(
            text=organization.text, row=organization.row, column=organization.column
        ),
        cell=StatusSource(text=status_cell.text, row=status_cell.row, column=status_cell.column)
        if status_cell is not None
        else None,
        group=group_status,
        caption=caption,
        headings=headings or ((section,) if section else ()),
    )
    joined, joined_provenance = _joined(entry, locations)
    link_provenance = (
        new_provenance(
            field="link",
            rule=Rule.LINK,
            evidence=entry.link.title,
            note="",
            location=_at(locations, organization.row),
            column=organization.column,
        )
        if entry.link is not None
        else _NOT_LINKED
    )
    organization_provenance = _placed_provenance(
        "organization", organization, entry.organization, locations
    )
    if entry.extra_lines:
        further = "; ".join(entry.extra_lines)
        organization_provenance = Provenance(
            field="organization",
            rule=organization_provenance.rule,
            evidence=organization_provenance.evidence,
            note="; ".join(
                filter(None, [organization_provenance.note, f"further lines: {further}"])
            ),
            location=organization_provenance.location,
            column=organization_provenance.column,
        )
    return new_member(
        organization=entry.organization,
        country=country.name,
        country_code=country.code,
        continent=continent.name,
        continent_code=continent.code,
        joined=joined,
        link=entry.link.title if entry.link is not None else None,
        section=section,
        page=page,
        location=locations[entry.aligned.row],
        footnotes=entry.footnotes,
        provenance=(
            organization_provenance,
            _located(country.provenance, locations),
            _located(continent.provenance, locations),
            joined_provenance,
            link_provenance,
            _status_provenance(status.provenance, locations, shared),
        ),
        status=status.status,
        left=status.left,
        status_note=status.note,
        page_id=None,
        revision=None,
        timestamp=None,
    )


def _located(provenance: Provenance, locations: Sequence[Location]) -> Provenance:
    """The provenance with its evidence row's full location, if it names a row.

    A stage that already cites the row's full location (the continents stage
    does) passes its provenance through unchanged, and so shared.
    """
    row = provenance.location.row
    if row is None or provenance.location is locations[row]:
        return provenance
    return new_provenance(
        field=provenance.field,
        rule=provenance.rule,
        evidence=provenance.evidence,
        note=provenance.note,
        location=locations[row],
        column=provenance.column,
    )


def _status_provenance(
    provenance: Provenance,
    locations: Sequence[Location],
    shared: dict[Provenance, Provenance] | None,
) -> Provenance:
    """The status provenance, located; one that names no row (a caption, a heading,
    the default) reads the same for most members of a table, so it is shared."""
    if shared is None or provenance.location.row is not None:
        return _located(provenance, locations)
    return shared.setdefault(provenance, provenance)


def _taken(entries: list[Entry], countries: list[Country]) -> Iterator[tuple[Entry, Country]]:
    """Each entry with its country, in order, each let go of by the lists as it is handed out."""
    if len(entries) != len(countries):
        raise ValueError(f"{len(entries)} entries but {len(countries)} countries")
    entries.reverse()
    countries.reverse()
    while entries:
        yield entries.pop(), countries.pop()


def build_members(
    entries: list[Entry],
    countries: list[Country],
    continents: Mapping[int, Continent],
    statuses: Mapping[int, StatusSource],
    *,
    locations: Sequence[Location],
    section: str | None,
    caption: str | None,
    headings: tuple[str, ...],
    page: str | None,
) -> tuple[Member, ...]:
    """The members of a table's entries, each by :func:`build_member`.

    Empties ``entries`` and ``countries`` as it goes: an entry holds its
    aligned row and that row's cells, which the caller no longer needs once
    the rows are accounted for, so they are freed while the members are built
    and a large table never holds both in full.  Equal status provenance is
    built once per table.
    """
    shared: dict[Provenance, Provenance] = {}
    return tuple(
        build_member(
            entry,
            continents[entry.aligned.row],
            country,
            locations=locations,
            section=section,
            caption=caption,
            headings=headings,
            group_status=statuses.get(entry.aligned.row),
            page=page,
            shared=shared,
        )
        for entry, country in _taken(entries, countries)
    )
