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
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import cache

from icor_extract.geo.countries import Resolution, Status, country_index
from icor_extract.geo.flags import resolve_flag
from icor_extract.model import (
    NOWHERE,
    Location,
    Note,
    NoteCode,
    Provenance,
    RowKind,
    Rule,
    Variant,
    new_note,
    new_provenance,
)
from icor_extract.readers.raw import RawCell
from icor_extract.repair.columns import Role
from icor_extract.repair.entries import Entry
from icor_extract.repair.realign import AlignedRow, Placed, Placement

__all__ = ["Country", "assign_countries", "row_groups"]

_QUALIFIED_TITLE = re.compile(r"^(?P<base>.+?)\s*[(（](?P<qualifier>[^()（）]+)[)）]\s*$")

# Enum members read once: in CPython 3.11 ``Role.COUNTRY`` is a lookup through the enum's
# metaclass (about 0.13 µs, as long as a dict look-up and a comparison together), and the
# stage reads several per member.
_COUNTRY, _ORGANIZATION = Role.COUNTRY, Role.ORGANIZATION
_SPAN, _LOST = Placement.SPAN, Placement.LOST
_MEMBER, _GROUP = RowKind.MEMBER, RowKind.GROUP
_UNKNOWN = Status.UNKNOWN
_BY_NAME, _BY_LINK_TITLE, _NONE = Rule.COUNTRY_NAME, Rule.COUNTRY_LINK_TITLE, Rule.COUNTRY_NONE

_EMPTY_RULE = {
    Status.AMBIGUOUS: Rule.COUNTRY_AMBIGUOUS,
    Status.FORMER: Rule.COUNTRY_FORMER,
    Status.NOT_A_COUNTRY: Rule.COUNTRY_NOT_A_COUNTRY,
    Status.UNKNOWN: Rule.COUNTRY_UNKNOWN,
}


# what the wikitext reader reports for a dropped template (not a tag, a node, a notice)
_TEMPLATE_NAME = re.compile(
    r"^(?!(?:Argument|Comment|ExternalLink|Heading|HTMLEntity|Text|Wikilink)$)[^<>()\n]{1,60}$"
)
_UNREAD_FLAG = (
    "the row has a flag that names no country the library knows; "
    "the names in the row are not used to guess one"
)


@dataclass(slots=True)
class Country:
    """A member's country or why it has none (not frozen: see ``realign.Placed``)."""

    name: str | None
    code: str | None
    provenance: Provenance


@dataclass(slots=True)
class _Hint:
    rule: Rule
    evidence: str
    resolution: Resolution
    row: int
    column: int | None


def _why(resolution: Resolution, evidence: str) -> str:
    if resolution.status is Status.AMBIGUOUS:
        return f"{evidence!r} may name any of {', '.join(resolution.codes)}"
    if resolution.status is Status.FORMER:
        return f"{evidence!r} names {resolution.name}, a former country (ISO 3166-3)"
    if resolution.status is Status.NOT_A_COUNTRY:
        place = f" (it names {resolution.name})" if resolution.name != evidence.casefold() else ""
        return f"{evidence!r} is not an ISO 3166-1 country{place}"
    return f"{evidence!r} is not a country name in CLDR or ISO 3166"


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


def _cell_resolution(cell: RawCell) -> tuple[Rule, str, Resolution] | None:
    """What a country cell says: (rule, evidence, resolution), or None if blank.

    A cell holding one flag and no text (the commonest country cell) is that
    flag, whatever it names: :func:`_read_cell` finds that one finding and
    returns it, after building the lists it needs for two.
    """
    flags = cell.flags
    if len(flags) == 1 and not cell.text:
        flag = flags[0]
        return (Rule.COUNTRY_FLAG, flag.evidence, resolve_flag(flag.kind, flag.value))
    return _read_cell(cell)


def _read_cell(cell: RawCell) -> tuple[Rule, str, Resolution] | None:
    """:func:`_cell_resolution`, the general rule.

    A cell naming two different countries (two flags, two linked names, two
    lines) decides none: it is reported as ambiguous.
    """
    index = country_index()
    found: list[tuple[Rule, str, Resolution]] = [
        (Rule.COUNTRY_FLAG, hint.evidence, resolve_flag(hint.kind, hint.value))
        for hint in cell.flags
    ]
    if len(found) > 1 and len({_place_key(item[2]) for item in found}) > 1:  # one flag: one place
        return _several_flags(found)
    texts = [*cell.text.split("\n"), *(link.title for link in cell.links)] if cell.text else []
    found += [(Rule.COUNTRY_CELL, text, index.resolve(text)) for text in texts if text]
    countries = [item for item in found if item[2].identity is not None]
    codes = sorted({identity for item in countries if (identity := item[2].identity)})
    if len(codes) > 1:
        evidence = " / ".join(dict.fromkeys(item[1] for item in countries))
        return (Rule.COUNTRY_CELL, evidence, Resolution(Status.AMBIGUOUS, tuple(codes), evidence))
    if countries:
        return countries[0]
    known = [item for item in found if item[2].status is not _UNKNOWN]
    if known or found:  # a former or ambiguous name says more than an unknown one
        return (known or found)[0]
    templates = [name for name in cell.dropped if _TEMPLATE_NAME.match(name)]
    if templates and not cell.text:  # a country cell holding only an unknown template: a flag
        evidence = f"{{{{{templates[0]}}}}}"
        return (Rule.COUNTRY_FLAG, evidence, Resolution(Status.UNKNOWN, (), evidence))
    return None


def _place_key(resolution: Resolution) -> tuple[str, ...]:
    """What a flag names: a country (its identity), or the name of anything else."""
    if resolution.identity is not None:
        return (resolution.identity,)
    return (resolution.status.value, resolution.name.casefold())


_SEVERAL_FLAGS = "flags of different places"


def _several_flags(found: list[tuple[Rule, str, Resolution]]) -> tuple[Rule, str, Resolution]:
    """Flags of different places in one cell (England and Wales) decide no country.

    The member belongs to all of them, or to a place they share that the page
    does not name; picking one would be a guess, even when only one of them is
    a country (Ireland and Northern Ireland).
    """
    evidence = " ".join(dict.fromkeys(item[1] for item in found))
    codes = tuple(sorted({item[2].codes[0] for item in found if item[2].codes}))
    resolution = Resolution(Status.AMBIGUOUS, codes, _SEVERAL_FLAGS)
    return (Rule.COUNTRY_AMBIGUOUS, evidence, resolution)


def _qualified(title: str) -> re.Match[str] | None:
    """``_QUALIFIED_TITLE``'s match of a link title, run only on a title that ends with a
    bracket, spaces aside, as the pattern requires (``rstrip`` strips what ``\\s*`` takes)."""
    if not title.rstrip().endswith((")", "）")):
        return None
    return _QUALIFIED_TITLE.match(title)


def _name_hints(entries: Sequence[Entry]) -> list[list[_Hint]]:
    """What each entry's own names say: the places named in its organization's name, in its
    link title's qualifier and in the rest of its link title (each place found once).

    The names of all entries are searched in one :meth:`CountryIndex.find_each`.
    """
    index = country_index()
    texts = []
    titles: list[tuple[str, Resolution | None, bool]] = []  # title, qualifier, base searched
    for entry in entries:
        organization = entry.organization
        texts.append(organization)
        link = entry.link
        if link is None:
            continue
        title = link.title
        qualified = _qualified(title)
        base = qualified.group("base") if qualified else title
        qualifier = index.resolve(qualified.group("qualifier")) if qualified else None
        if base != organization:
            texts.append(base)
        titles.append((title, qualifier, base != organization))
    found = iter(index.find_each(texts))
    titled = iter(titles)
    result = []
    for entry in entries:
        row = entry.aligned.row
        column = entry.aligned.values[_ORGANIZATION].column
        hints = []
        for match in next(found):  # a loop: most names give none or one
            resolution = match.resolution
            if resolution.status is not _UNKNOWN:
                hints.append(_Hint(_BY_NAME, match.text, resolution, row, column))
        if entry.link is not None:
            title, qualifier, searched = next(titled)
            if qualifier is not None and qualifier.status is not _UNKNOWN:
                hints.append(_Hint(_BY_LINK_TITLE, title, qualifier, row, column))
            if searched:
                hints += [
                    _Hint(_BY_LINK_TITLE, title, match.resolution, row, column)
                    for match in next(found)
                    if match.resolution.status is not _UNKNOWN
                ]
        result.append(hints)
    return result


@dataclass(slots=True)
class _Verdict:
    """What one entry's own names say: one country, a conflict, a problem, or nothing."""

    code: str | None
    hints: tuple[_Hint, ...]
    conflict: bool = False


def _entry_verdict(hints: list[_Hint]) -> _Verdict:
    """What ``hints`` decide; none or one (most names) without :func:`_hints_verdict`'s sets."""
    if len(hints) == 1:  # most names name one place: its country, or a problem (no conflict)
        return _Verdict(hints[0].resolution.identity or None, (hints[0],))
    if not hints:  # a name that names no place: no code, no conflict
        return _Verdict(None, ())
    return _hints_verdict(hints)


def _hints_verdict(hints: list[_Hint]) -> _Verdict:
    """:func:`_entry_verdict`, the general rule: one country named by every hint, or none."""
    codes = {identity for hint in hints if (identity := hint.resolution.identity)}
    problems = [hint for hint in hints if hint.resolution.identity is None]
    if len(codes) == 1 and not problems:
        return _Verdict(next(iter(codes)), tuple(hints))
    return _Verdict(None, tuple(hints), conflict=bool(codes))


@cache
def _display(identity: str, variant: Variant) -> tuple[str, bool]:
    """A country's name in ``variant`` and whether it has an ISO 3166-1 code: reference
    data only (a few hundred countries in four variants), read once per process."""
    index = country_index()
    return index.display_name(identity, variant), index.has_iso_code(identity)


def _country(identity: str, variant: Variant, provenance: Provenance) -> Country:
    """The member's country; a state without an ISO code gets its name and no code."""
    name, iso = _display(identity, variant)
    if iso:
        return Country(name, identity, provenance)
    how = provenance.rule + (f": {provenance.note}" if provenance.note else "")
    note = f"{provenance.evidence!r} names {identity}, which has no ISO 3166-1 code ({how})"
    return Country(name, None, replace(provenance, rule=Rule.COUNTRY_NO_ISO_CODE, note=note))


def _provenance(
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


def _empty(
    rule: Rule,
    evidence: str,
    note: str,
    where: tuple[int | None, int | None],
    at: Sequence[Location],
) -> Country:
    """No country, and why; ``where`` is the (row, column) of the evidence."""
    return Country(None, None, _provenance(rule, evidence, note, where, at))


def _contradicts(entry: Entry, code: str, *, strict: bool) -> str | None:
    """What the entry's own names name against country ``code``, or ``None``.

    A name of another country, or of two, contradicts it; ``strict`` also
    counts a name that decides nothing (a former state, an ambiguous name).
    """
    verdict = _entry_verdict(_name_hints([entry])[0])
    if (
        verdict.conflict
        or (verdict.code is not None and verdict.code != code)
        or (strict and verdict.code is None and verdict.hints)
    ):
        return ", ".join(repr(hint.evidence) for hint in verdict.hints)
    return None


def _cell_problem(rule: Rule, evidence: str, resolution: Resolution) -> tuple[Rule, str]:
    """Why a country cell that names no country gives none: the rule and the note."""
    if rule is Rule.COUNTRY_AMBIGUOUS and resolution.name == _SEVERAL_FLAGS:
        return rule, f"{_SEVERAL_FLAGS} ({evidence}): no one of them is chosen"
    if rule is Rule.COUNTRY_FLAG and resolution.status is _UNKNOWN:
        return Rule.COUNTRY_UNKNOWN_FLAG, _UNREAD_FLAG
    return _EMPTY_RULE[resolution.status], "the country cell: " + _why(resolution, evidence)


def _reach(aligned: AlignedRow) -> Placement | None:
    """How a row reaches its group's country cell: under its rowspan from an earlier row
    (``SPAN``), continuing it after its own was lost (``LOST``), or as its own (``None``;
    a colspan within the row is the row's own cell)."""
    own = aligned.values.get(_COUNTRY)
    if own is None:
        return None
    how = own.how
    if how is _LOST or (how is _SPAN and own.row != aligned.row):
        return how
    return None


def _cell_country(
    code: str,
    reach: Placement | None,
    found: tuple[Rule, str, Resolution],
    placed: Placed,
    *,
    variant: Variant,
    at: Sequence[Location],
) -> Country:
    """The country a cell gives the rows that reach it one way (see :func:`_reach`)."""
    rule, evidence, _ = found
    if reach is _LOST:
        note = (
            f"{rule} of row {placed.row}: this row's own country cell was lost, "
            "and the row continues that row's"
        )
        rule = Rule.COUNTRY_CONTINUED
    elif reach is _SPAN:
        rule, note = Rule.COUNTRY_ROWSPAN, f"{rule} in row {placed.row}, spanned down"
    else:
        note = ""
    return _country(
        code, variant, _provenance(rule, evidence, note, (placed.row, placed.column), at)
    )


def _from_cell(
    entries: list[Entry],
    placed: Placed,
    found: tuple[Rule, str, Resolution],
    variant: Variant,
    at: Sequence[Location],
) -> list[Country]:
    """Each entry's country from its row group's country cell.

    A row alone in its group that reads its own cell (most rows of most pages)
    takes the cell's country: no name of its own is read against it, and there
    is no value to share, so :func:`_from_shared_cell`'s loop is skipped.
    """
    code = found[2].identity
    if code is not None and len(entries) == 1 and _reach(entries[0].aligned) is None:
        return [_cell_country(code, None, found, placed, variant=variant, at=at)]
    return _from_shared_cell(entries, placed, found, variant, at)


def _from_shared_cell(
    entries: list[Entry],
    placed: Placed,
    found: tuple[Rule, str, Resolution],
    variant: Variant,
    at: Sequence[Location],
) -> list[Country]:
    """:func:`_from_cell`, the general rule.

    What the cell gives a row depends only on the cell and on how the row
    reaches it, so the rows that reach it the same way share one value; a row
    whose own name contradicts the cell gets a value of its own.
    """
    rule, evidence, resolution = found
    where = (placed.row, placed.column)
    code = resolution.identity
    if code is None:  # the same for every row of the group
        empty_rule, note = _cell_problem(rule, evidence, resolution)
        return [_empty(empty_rule, evidence, note, where, at)] * len(entries)
    shared: dict[Placement | None, Country] = {}
    result = []
    for entry in entries:
        reach = _reach(entry.aligned)
        # A row that continues a country cell (its own was lost, an inference)
        # or lies under its rowspan: its own name may contradict that cell.
        named = _contradicts(entry, code, strict=reach is _LOST) if reach is not None else None
        if named is not None:
            how = "continues" if reach is _LOST else "lies under the rowspan of"
            note = (
                f"this row {how} the country cell of row {placed.row} ({evidence!r}), "
                f"but its own name names {named}"
            )
            result.append(_empty(Rule.COUNTRY_CONFLICT, evidence, note, where, at))
            continue
        country = shared.get(reach)
        if country is None:
            country = shared[reach] = _cell_country(
                code, reach, found, placed, variant=variant, at=at
            )
        result.append(country)
    return result


def _names_conflict(
    entries: list[Entry], verdicts: list[_Verdict], column: int | None, at: Sequence[Location]
) -> list[Country]:
    named = sorted({hint.evidence for verdict in verdicts for hint in verdict.hints})
    note = "the names in this row group point to different countries: " + ", ".join(
        repr(text) for text in named
    )
    evidence = "; ".join(named)
    return [
        _empty(Rule.COUNTRY_CONFLICT, evidence, note, (entry.aligned.row, column), at)
        for entry in entries
    ]


def _names_agree(
    code: str, verdicts: list[_Verdict], variant: Variant, at: Sequence[Location]
) -> list[Country]:
    """One country for the row group: named by each member, or shared from one that names it
    (one value for every member that names none: it depends on that one's name alone)."""
    shared: Country | None = None
    result = []
    for verdict in verdicts:
        if verdict.code is not None:
            hint = verdict.hints[0]
            where = (hint.row, hint.column)
            result.append(
                _country(code, variant, _provenance(hint.rule, hint.evidence, "", where, at))
            )
            continue
        if shared is None:
            first = next(verdict.hints[0] for verdict in verdicts if verdict.code is not None)
            note = f"{first.rule} in row {first.row}, which shares this row's country cell"
            where = (first.row, first.column)
            provenance = _provenance(Rule.COUNTRY_ROW_GROUP, first.evidence, note, where, at)
            shared = _country(code, variant, provenance)
        result.append(shared)
    return result


def _names_problem(
    verdicts: list[_Verdict], problems: list[_Hint], at: Sequence[Location]
) -> list[Country]:
    """No country: the names found are ambiguous, former, or no countries; each says which."""
    result = []
    for verdict in verdicts:
        hint = verdict.hints[0] if verdict.hints else problems[0]
        note = _why(hint.resolution, hint.evidence)
        if not verdict.hints:
            note += f" (row {hint.row}, which shares this row's country cell)"
        rule = _EMPTY_RULE[hint.resolution.status]
        result.append(_empty(rule, hint.evidence, note, (hint.row, hint.column), at))
    return result


_NOTHING_NAMED = (
    "nothing on the page names this member's country: no flag or country cell, "
    "and no country in the names or link titles of its row group"
)


def _from_own_name(
    entry: Entry, hints: list[_Hint], variant: Variant, at: Sequence[Location]
) -> Country:
    """:func:`_from_group_names` for a row group of one member (most rows of most pages).

    With one member there is no set of codes or list of problems to gather:
    one verdict either conflicts, names a country, names problems, or nothing,
    and each case builds what the general rule builds for that one member.
    """
    if not hints:  # no verdict to build: nothing named
        return _empty(_NONE, "", _NOTHING_NAMED, (entry.aligned.row, None), at)
    hint = hints[0]
    code = hint.resolution.identity if len(hints) == 1 else None
    if not code:
        verdict = _entry_verdict(hints)
        if verdict.conflict:
            column = entry.aligned.values[_ORGANIZATION].column
            return _names_conflict([entry], [verdict], column, at)[0]
        if verdict.code is None:
            return _names_problem([verdict], hints, at)[0]
        code = verdict.code
    # _names_agree for one member naming the country (as its first name)
    where = (hint.row, hint.column)
    return _country(code, variant, _provenance(hint.rule, hint.evidence, "", where, at))


def _from_names(
    entries: list[Entry], hints: list[list[_Hint]], variant: Variant, at: Sequence[Location]
) -> list[Country]:
    """The row group's country from its members' names and link titles (``hints``, one
    list per member: :func:`_name_hints`), or why none."""
    if len(entries) == 1:
        return [_from_own_name(entries[0], hints[0], variant, at)]
    return _from_group_names(entries, hints, variant, at)


def _from_group_names(
    entries: list[Entry], hints: list[list[_Hint]], variant: Variant, at: Sequence[Location]
) -> list[Country]:
    """:func:`_from_names`, the general rule: the members' verdicts decide together."""
    verdicts: list[_Verdict] = []
    codes: set[str] = set()
    problems: list[_Hint] = []
    conflict = False
    for own in hints:
        verdict = _entry_verdict(own)
        verdicts.append(verdict)
        conflict = conflict or verdict.conflict
        if verdict.code is not None:
            codes.add(verdict.code)
        else:
            problems += verdict.hints
    if len(codes) > 1 or (codes and problems) or conflict:
        column = entries[-1].aligned.values[_ORGANIZATION].column  # the last entry's
        return _names_conflict(entries, verdicts, column, at)
    if codes:
        return _names_agree(next(iter(codes)), verdicts, variant, at)
    if problems:
        return _names_problem(verdicts, problems, at)
    return [_empty(_NONE, "", _NOTHING_NAMED, (entry.aligned.row, None), at) for entry in entries]


def _organization_flag(entries: list[Entry]) -> tuple[Placed, tuple[Rule, str, Resolution]] | None:
    """A flag written in an organization's cell (``{{TRNC}} 共和土耳其党``), read as the
    country cell would be: it decides, or blocks guessing from the names beside it."""
    for entry in entries:
        placed = entry.aligned.values[_ORGANIZATION]
        if placed.cell is not None and placed.cell.flags:
            flags_only = replace(placed.cell, text="", links=(), dropped=())
            found = _cell_resolution(flags_only)
            if found is not None:
                return placed, found
    return None


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
    """A note for every inferred country; rows sharing one country value share its message.

    ``_INFERRED`` is tested here, not in :func:`_inferred_message`: a country read
    from its cell (most rows of most pages) costs one set look-up and no call.
    """
    notes = []
    code = NoteCode.COUNTRY_INFERRED
    messages: dict[int, str] = {}  # by the id of a country value (all held in countries)
    for entry, country in zip(entries, countries, strict=True):
        if country.provenance.rule not in _INFERRED:
            continue
        message = messages.get(id(country))
        if message is None:
            message = messages[id(country)] = _inferred_message(country)
        notes.append(new_note(code=code, message=message, location=locations[entry.aligned.row]))
    return notes


#: the rules of an inferred country (``Rule.inferred``), as a set read without a call
_INFERRED = frozenset(rule for rule in Rule if rule.inferred)


def _inferred_message(country: Country) -> str:
    """The message of an inferred country's ``country.inferred`` note."""
    why = country.provenance
    return (
        f"country {country.code} inferred by {why.rule} "
        f"from {why.evidence!r} (row {why.location.row})"
    )


def _country_cell(entries: list[Entry]) -> Placed | None:
    """The first country cell of a row group that holds anything (text, a flag, a template)."""
    for entry in entries:
        placed = entry.aligned.values.get(_COUNTRY)
        if placed is not None:
            cell = placed.cell
            if cell is not None and (cell.text or cell.flags or cell.dropped):
                return placed
    return None


def _countries(
    entries: list[Entry], rows: list[AlignedRow], variant: Variant, at: Sequence[Location]
) -> list[Country]:
    keys = row_groups(rows)
    grouped: dict[tuple[int, int], list[int]] = defaultdict(list)
    for position, entry in enumerate(entries):
        grouped[keys[entry.aligned.row]].append(position)

    result: list[Country | None] = [None] * len(entries)
    named: list[tuple[list[int], list[Entry]]] = []  # the groups whose names decide
    for positions in grouped.values():
        members = list(map(entries.__getitem__, positions))
        cell_placed = _country_cell(members)
        found = _cell_resolution(cell_placed.cell) if cell_placed and cell_placed.cell else None
        if cell_placed is not None and found is not None:
            countries = _from_cell(members, cell_placed, found, variant, at)
        elif (flagged := _organization_flag(members)) is not None:
            countries = _from_cell(members, flagged[0], flagged[1], variant, at)
        else:
            named.append((positions, members))
            continue
        for position, country in zip(positions, countries, strict=True):
            result[position] = country
    if named:  # every name of the page's table searched at once
        hints = _name_hints([entry for _, members in named for entry in members])
        done = 0
        for positions, members in named:
            countries = _from_names(members, hints[done : done + len(members)], variant, at)
            done += len(members)
            for position, country in zip(positions, countries, strict=True):
                result[position] = country
    return [country for country in result if country is not None]
