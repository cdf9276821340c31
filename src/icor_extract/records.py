"""Build the result records: repaired rows in, frozen :class:`Member` values out.

This is the last stage before the adapters: it reads the year, picks the
link, and attaches the provenance of every field, each located by its row's
:class:`Location`, so that each value of a ``Member`` can be traced to a rule
and the text it read.  :func:`account_rows` gives every row its outcome, and
:class:`TableResult` is what one table gives.

Internal: the public API is what :mod:`icor_extract` exports; this may change.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache

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
    fill_member,
    new_member,
    new_provenance,
    new_row_outcome,
)
from icor_extract.repair.aligned import AlignedRow, Placed, Placement
from icor_extract.repair.columns import Role
from icor_extract.repair.content import parse_year
from icor_extract.repair.country import Country
from icor_extract.repair.entries import Entry
from icor_extract.repair.groups import Continent
from icor_extract.repair.status import MemberStatus, StatusSource, decide_status, outer_decision

__all__ = ["RowAccount", "TableResult", "account_rows", "build_member", "build_members"]


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
        return tuple(map(new_row_outcome, self.locations, self.kinds))


def account_rows(rows: list[AlignedRow], locations: Sequence[Location]) -> RowAccount:
    """What became of every row, and a :class:`RejectedRow` for each rejected one."""
    rejected = tuple(
        RejectedRow(location=locations[a.row], cells=a.cells, reason=a.reason, rule=a.rule)
        for a in rows
        if a.kind is _REJECTED and a.rule is not None
    )
    return RowAccount([locations[a.row] for a in rows], [a.kind for a in rows], rejected)


# Enum members read per member, as module constants: in CPython 3.11 reading a
# member off its class goes through EnumType's lookup (ten times a global's cost).
_REJECTED = RowKind.REJECTED
_SHIFT, _SPAN, _LOST = Placement.SHIFT, Placement.SPAN, Placement.LOST
_REALIGN_SHIFT, _SPAN_COPY, _CELL, _LINK = Rule.REALIGN_SHIFT, Rule.SPAN_COPY, Rule.CELL, Rule.LINK
_ORGANIZATION, _JOINED, _STATUS = Role.ORGANIZATION, Role.JOINED, Role.STATUS

# Provenances that name no row are the same for every member: built once, shared
# (they are immutable), so a large table does not hold one copy per member.
_NO_YEAR_COLUMN = Provenance(field="joined", rule=Rule.JOINED_NONE, note="no year column")
_NOT_LINKED = Provenance(field="link", rule=Rule.LINK_NONE, note="the organization is not linked")


@lru_cache(maxsize=1024)
def _shift_note(field: str, column: int | None) -> str:
    """A table repeats the same few shifts: each note is formatted once and shared."""
    return f"arrived in column {column}, moved to the {field} column"


@lru_cache(maxsize=1024)
def _span_note(row: int | None) -> str:
    """The rows under one span share their note, formatted once."""
    return f"spanned from row {row}"


@dataclass(frozen=True, slots=True)
class _Table:
    """What every member of one table shares: passed as one value, not five keywords.

    ``headings`` are the ones a status may come from, nearest first (the
    ``section`` alone when none are given); ``outer`` is the status of a member
    that states none itself (:func:`outer_decision`), one value per table.
    """

    locations: Sequence[Location]
    section: str | None
    caption: str | None
    headings: tuple[str, ...]
    page: str | None
    outer: MemberStatus


def _table(
    locations: Sequence[Location],
    section: str | None,
    caption: str | None,
    headings: tuple[str, ...],
    page: str | None,
) -> _Table:
    """The table's shared values; without headings, its section is the one heading."""
    headings = headings or ((section,) if section else ())
    return _Table(locations, section, caption, headings, page, outer_decision(caption, headings))


def _placed_provenance(
    field: str, placed: Placed, evidence: str, locations: Sequence[Location]
) -> Provenance:
    how, row, column = placed.how, placed.row, placed.column
    if how is _SHIFT:
        rule, note = _REALIGN_SHIFT, _shift_note(field, column)
    elif how is _SPAN:
        rule, note = _SPAN_COPY, _span_note(row)
    else:
        rule, note = _CELL, ""
    location = NOWHERE if row is None else locations[row]
    return new_provenance(field, rule, evidence, note, location, column)


def _joined(
    placed: Placed | None, text: str, locations: Sequence[Location]
) -> tuple[int | None, Provenance]:
    """The year joined from the year column's value (``placed``, its text ``text``)."""
    if placed is None or placed.how is _LOST:
        return None, _NO_YEAR_COLUMN
    row = placed.row
    location = NOWHERE if row is None else locations[row]
    if not text:
        return None, Provenance(
            field="joined", rule=Rule.JOINED_NONE, note="the year cell is empty",
            location=location, column=placed.column,
        )  # fmt: skip
    year = parse_year(text)
    if year is None:
        return None, Provenance(
            field="joined",
            rule=Rule.JOINED_UNREADABLE,
            evidence=text,
            note="the year cell holds no year",
            location=location,
            column=placed.column,
        )
    return year, _placed_provenance("joined", placed, text, locations)


def _status(
    entry: Entry, organization: Placed, group: StatusSource | None, table: _Table
) -> MemberStatus:
    """The member's status; with nothing nearer than the caption and headings, the table's.

    :func:`decide_status` ends in :func:`outer_decision` when no annotation,
    status cell or group row states a status: in that case it is the table's
    (cached, shared) value, taken without the sources built for it.
    """
    status_cell = entry.aligned.values.get(_STATUS)
    if entry.annotation is None and group is None and (status_cell is None or not status_cell.text):
        return table.outer
    return decide_status(
        entry.annotation,
        where=StatusSource(
            text=organization.text, row=organization.row, column=organization.column
        ),
        cell=StatusSource(text=status_cell.text, row=status_cell.row, column=status_cell.column)
        if status_cell is not None
        else None,
        group=group,
        caption=table.caption,
        headings=table.headings,
    )


def _with_further_lines(provenance: Provenance, extra_lines: tuple[str, ...]) -> Provenance:
    """The name's provenance with the further lines of its cell, kept beside it, in its note."""
    further = "; ".join(extra_lines)
    return Provenance(
        field="organization",
        rule=provenance.rule,
        evidence=provenance.evidence,
        note="; ".join(filter(None, [provenance.note, f"further lines: {further}"])),
        location=provenance.location,
        column=provenance.column,
    )


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
) -> Member:
    """One :class:`Member` from a repaired entry and its inferred values.

    ``locations`` holds the :class:`Location` of every row of the table: the
    repair stages name the row their evidence sits in, and here each
    provenance is given that row's full location (table and source line).
    ``headings`` are the headings above the table, nearest first (by default
    the ``section`` alone); with the ``caption`` and a status group row above
    the member (``group_status``) they may state a status.  ``page`` names the
    document the member was read from.
    """
    table = _table(locations, section, caption, headings, page)
    return _member(entry, continent, country, group_status, table)


def _member(
    entry: Entry,
    continent: Continent,
    country: Country,
    group_status: StatusSource | None,
    table: _Table,
) -> Member:
    """:func:`build_member`, with what the table's members share in one value.

    Every call here passes its arguments by position (``fill_member`` and
    ``new_provenance`` in the order of the fields): a member is built from
    about a dozen calls, and matching keyword arguments cost more than most
    of them.  ``Member``'s checks run only for an empty organization
    (:func:`~icor_extract.model.drafts.fill_member` says why the others hold).
    """
    locations = table.locations
    values = entry.aligned.values
    organization = values[_ORGANIZATION]
    if entry.annotation is None and group_status is None and _STATUS not in values:
        status = table.outer  # what _status gives such a member, without the call
        status_provenance = status.provenance  # the caption's or a heading's: no row
    else:
        status = _status(entry, organization, group_status, table)
        status_provenance = _located(status.provenance, locations)
    joined, joined_provenance = _joined(values.get(_JOINED), entry.joined_text, locations)
    link = entry.link
    if link is None:
        link_title, link_provenance = None, _NOT_LINKED
    else:
        row = organization.row
        link_title = link.title
        location = NOWHERE if row is None else locations[row]
        link_provenance = new_provenance(
            "link", _LINK, link_title, "", location, organization.column
        )
    name = entry.organization
    name_provenance = _placed_provenance("organization", organization, name, locations)
    if entry.extra_lines:
        name_provenance = _with_further_lines(name_provenance, entry.extra_lines)
    # the country and continent stages cite their rows' full locations (or none): the
    # test _located makes, inline, so that their provenance is passed on without a call
    country_provenance, continent_provenance = country.provenance, continent.provenance
    if (row := country_provenance.location.row) is not None and (
        country_provenance.location is not locations[row]
    ):
        country_provenance = _located(country_provenance, locations)
    if (row := continent_provenance.location.row) is not None and (
        continent_provenance.location is not locations[row]
    ):
        continent_provenance = _located(continent_provenance, locations)
    provenance = (
        name_provenance,
        country_provenance,
        continent_provenance,
        joined_provenance,
        link_provenance,
        status_provenance,
    )
    build = fill_member if name else new_member  # an empty name, a bug, fails the checks
    return build(
        name, country.name, country.code, continent.name, continent.code, joined,
        link_title, table.section, locations[entry.aligned.row], status.status, status.left,
        status.note, entry.footnotes, provenance, table.page, None, None, None,
    )  # fmt: skip


def _located(provenance: Provenance, locations: Sequence[Location]) -> Provenance:
    """The provenance with its evidence row's full location, if it names a row.

    A stage that already cites the row's full location (the continents stage
    does) passes its provenance through unchanged, and so shared.
    """
    location = provenance.location
    row = location.row
    if row is None or location is locations[row]:
        return provenance
    return new_provenance(
        provenance.field,
        provenance.rule,
        provenance.evidence,
        provenance.note,
        locations[row],
        provenance.column,
    )


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
    and a large table never holds both in full.  A status from the caption or
    headings is one value per table (:func:`outer_decision`).
    """
    if len(entries) != len(countries):
        raise ValueError(f"{len(entries)} entries but {len(countries)} countries")
    table = _table(locations, section, caption, headings, page)
    members: list[Member] = []
    entries.reverse()  # each entry and country let go of by the lists as it is taken
    countries.reverse()
    while entries:
        entry = entries.pop()
        row = entry.aligned.row
        members.append(_member(entry, continents[row], countries.pop(), statuses.get(row), table))
    return tuple(members)
