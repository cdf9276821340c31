"""Each member's country, from what the page itself supports, or empty with the reason.

Evidence, strongest first:

1. the country cell of the member's row group: a flag template or image
   (``country.flag``), or a country name written in it (``country.cell``);
   rows under a spanned cell share it (``country.rowspan``), and a row whose
   own country cell was lost continues it (``country.continued``) unless its
   own name names another country;
2. when that cell is empty or was lost, the members of the row group: a
   country named inside an organization's name, longest match first
   (``country.name``: 印度尼西亚革命者 is Indonesia, not India), or the
   disambiguation of its link title (``country.link-title``: 劳动党 (塞尔维亚)).
   Every member of a row group shares the country one of them names
   (``country.row-group``), in both directions.

A state without an ISO 3166-1 code (Northern Cyprus, Kosovo) is evidence like
a country: it gives its name and no code (``country.no-iso-code``), never the
code of another state.

A country is given only when the evidence decides one.  Names of two
countries, a name shared by two (刚果), a state that no longer exists
(捷克斯洛伐克), or members of one row group naming different countries leave
the country empty, and the provenance says which case it was.

This module groups the rows by the country cell they share and notes every
inferred country; what a cell says is read in
:mod:`~icor_extract.repair.country_cells`, what the names say in
:mod:`~icor_extract.repair.country_names`.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import cast

from icor_extract.model import Location, Note, NoteCode, RowKind, Rule, Variant, new_note
from icor_extract.repair.aligned import AlignedRow, Placement
from icor_extract.repair.columns import Role
from icor_extract.repair.country_cells import (
    cell_resolution,
    country_cell,
    from_cell,
    organization_flag,
)
from icor_extract.repair.country_names import from_names, from_own_name, name_hints
from icor_extract.repair.country_values import Country
from icor_extract.repair.entries import Entry

__all__ = ["Country", "assign_countries", "row_groups"]

# Enum members read once: in CPython 3.11 ``Role.COUNTRY`` is a lookup through the enum's
# metaclass (about 0.13 µs, as long as a dict look-up and a comparison together), and the
# stage reads several per member.
_COUNTRY, _LOST = Role.COUNTRY, Placement.LOST
_MEMBER, _GROUP = RowKind.MEMBER, RowKind.GROUP


def row_groups(rows: list[AlignedRow]) -> dict[int, tuple[int, int]]:
    """For each member row, the key of the country cell it shares with other rows.

    Rows reading the same source cell (directly or by a span) share its key;
    a row whose country column was lost continues the member row above it.
    """
    keys: dict[int, tuple[int, int]] = {}
    last: tuple[int, int] | None = None
    for aligned in rows:
        kind = aligned.kind
        if kind is not _MEMBER:
            if kind is _GROUP:
                last = None
            continue
        placed = aligned.values.get(_COUNTRY)
        if placed is None:
            key = (aligned.row, -1)
        elif placed.how is _LOST:
            key = last if last is not None else (aligned.row, -1)
        else:
            key = (placed.row if placed.row is not None else aligned.row, placed.cell_index or 0)
        keys[aligned.row] = key
        last = key
    return keys


def assign_countries(
    entries: list[Entry], rows: list[AlignedRow], variant: Variant, locations: Sequence[Location]
) -> tuple[list[Country], list[Note]]:
    """The country of every entry, in the order of ``entries``, and a ``country.inferred``
    note for every country inferred rather than read from its cell."""
    countries = _countries(entries, rows, variant, locations)
    return countries, _inferred_notes(entries, countries, locations)


def _inferred_notes(
    entries: list[Entry], countries: list[Country], locations: Sequence[Location]
) -> list[Note]:
    """A note for every inferred country; a run of rows sharing one country value (the
    members of a row group) shares its message.

    ``_INFERRED`` is tested here, not in :func:`_inferred_message`: a country read
    from its cell (most rows of most pages) costs one set look-up and no call.  The
    last value is remembered rather than every value by its id: a dict keyed by
    addresses probes more the more their low bits agree, which they mostly do.
    """
    notes = []
    code = NoteCode.COUNTRY_INFERRED
    last: Country | None = None  # the last inferred country value and its message
    message = ""
    for entry, country in zip(entries, countries, strict=True):
        if country.provenance.rule not in _INFERRED:
            continue
        if country is not last:
            last, message = country, _inferred_message(country)
        notes.append(new_note(code, message, locations[entry.aligned.row]))
    return notes


#: the rules of an inferred country (``Rule.inferred``), read without a call, and each
#: rule's text: a ``StrEnum`` member formatted in an f-string costs about 0.35 µs, its
#: text (what ``format`` gives, the value) nothing
_INFERRED = {rule: rule.value for rule in Rule if rule.inferred}


def _inferred_message(country: Country) -> str:
    """The message of an inferred country's ``country.inferred`` note."""
    why = country.provenance
    return (
        f"country {country.code} inferred by {_INFERRED[why.rule]} "
        f"from {why.evidence!r} (row {why.location.row})"
    )


def _countries(
    entries: list[Entry], rows: list[AlignedRow], variant: Variant, at: Sequence[Location]
) -> list[Country]:
    result: list[Country | None] = [None] * len(entries)
    named: list[list[int]] = []  # the groups whose names decide
    for positions in _grouped(entries, rows).values():
        if len(positions) == 1:  # a row group of one member (most): no map over positions
            members = [entries[positions[0]]]
        else:
            members = list(map(entries.__getitem__, positions))
        cell_placed = country_cell(members)
        found = cell_resolution(cell_placed.cell) if cell_placed and cell_placed.cell else None
        if cell_placed is not None and found is not None:
            countries = from_cell(members, cell_placed, found, variant, at)
        elif (flagged := organization_flag(members)) is not None:
            countries = from_cell(members, flagged[0], flagged[1], variant, at)
        else:
            named.append(positions)
            continue
        for position, country in zip(positions, countries, strict=True):
            result[position] = country
    if named:
        _by_names(entries, named, result, variant, at)
    return cast(list[Country], result)  # every group's positions are filled: none is left


def _grouped(entries: list[Entry], rows: list[AlignedRow]) -> dict[tuple[int, int], list[int]]:
    """Each row group's positions in ``entries`` (:func:`row_groups`), in order."""
    keys = row_groups(rows)
    grouped: dict[tuple[int, int], list[int]] = {}
    for position, entry in enumerate(entries):
        key = keys[entry.aligned.row]
        positions = grouped.get(key)
        if positions is None:
            grouped[key] = [position]
        else:
            positions.append(position)
    return grouped


def _by_names(
    entries: list[Entry],
    named: list[list[int]],
    result: list[Country | None],
    variant: Variant,
    at: Sequence[Location],
) -> None:
    """The countries of the ``named`` groups (positions in ``entries``) into ``result``, from
    their names: every name of the table searched at once (:func:`name_hints`).

    Each group's members are listed again, so that a large table's lists are not all held
    at once; a group of one member (most) is read by :func:`from_own_name`, with no lists.
    """
    hints = name_hints([entries[position] for positions in named for position in positions])
    done = 0
    for positions in named:
        if len(positions) == 1:
            position = positions[0]
            result[position] = from_own_name(entries[position], hints[done], variant, at)
            done += 1
            continue
        members = list(map(entries.__getitem__, positions))
        countries = from_names(members, hints[done : done + len(members)], variant, at)
        done += len(members)
        for position, country in zip(positions, countries, strict=True):
            result[position] = country
