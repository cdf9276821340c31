"""What the members' own names say about their country (the name path of the country stage).

When a row group's country cell says nothing, its members' names decide: a
country named inside an organization's name, longest match first
(``country.name``: 印度尼西亚革命者 is Indonesia, not India), or the
disambiguation of its link title (``country.link-title``: 劳动党 (塞尔维亚)).
Every member of a row group shares the country one of them names
(``country.row-group``), in both directions; members naming different
countries, or a name that decides nothing, leave the country empty.  The cell
path reads the same names to catch a row contradicting its cell.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from icor_extract.geo.countries import Resolution, Status, country_index
from icor_extract.model import Location, Rule, Variant, new_provenance
from icor_extract.repair.columns import Role
from icor_extract.repair.country_values import (
    EMPTY_RULE,
    Country,
    country_of,
    no_country,
    provenance_at,
    why_none,
)
from icor_extract.repair.entries import Entry
from icor_extract.repair.short_cache import cached_when_short

__all__ = ["Hint", "entry_verdict", "from_names", "from_own_name", "name_hints"]

_QUALIFIED_TITLE = re.compile(r"^(?P<base>.+?)\s*[(（](?P<qualifier>[^()（）]+)[)）]\s*$")

# Enum members read once per module, as in :mod:`~icor_extract.repair.country` (each read
# of ``Role.COUNTRY`` is a look-up through the enum's metaclass).
_ORGANIZATION = Role.ORGANIZATION
_UNKNOWN = Status.UNKNOWN
_BY_NAME, _BY_LINK_TITLE, _NONE = Rule.COUNTRY_NAME, Rule.COUNTRY_LINK_TITLE, Rule.COUNTRY_NONE


@dataclass(slots=True)
class Hint:
    rule: Rule
    evidence: str
    resolution: Resolution
    row: int
    column: int | None


def _qualified(title: str) -> re.Match[str] | None:
    """``_QUALIFIED_TITLE``'s match of a link title, run only on a title that ends with a
    bracket, spaces aside, as the pattern requires (``rstrip`` strips what ``\\s*`` takes)."""
    if not title.rstrip().endswith((")", "）")):
        return None
    return _QUALIFIED_TITLE.match(title)


#: a link title, the place its qualifier names (if it has one), whether its base is searched
_Title = tuple[str, Resolution | None, bool]


def name_hints(entries: Sequence[Entry]) -> list[list[Hint]]:
    """What each entry's own names say: the places named in its organization's name, in its
    link title's qualifier and in the rest of its link title (each place found once).

    The names of all entries are searched in one :meth:`CountryIndex.find_each`.
    """
    index = country_index()
    texts, titles = _searched(entries)
    found = iter(index.find_each(texts))
    titled = iter(titles)
    result = []
    for entry in entries:
        hints = []
        matches = next(found)
        if matches or entry.link is not None:  # else no hint: the row and column unread
            aligned = entry.aligned
            row, column = aligned.row, aligned.values[_ORGANIZATION].column
        for match in matches:  # a loop: most names give none or one
            resolution = match.resolution
            if resolution.status is not _UNKNOWN:
                hints.append(Hint(_BY_NAME, match.text, resolution, row, column))
        if entry.link is not None:
            title, qualifier, searched = next(titled)
            if qualifier is not None and qualifier.status is not _UNKNOWN:
                hints.append(Hint(_BY_LINK_TITLE, title, qualifier, row, column))
            if searched:
                hints += [
                    Hint(_BY_LINK_TITLE, title, match.resolution, row, column)
                    for match in next(found)
                    if match.resolution.status is not _UNKNOWN
                ]
        result.append(hints)
    return result


@cached_when_short(1024)
def _qualifier_place(qualifier: str) -> Resolution:
    """What a link title's qualifier names (劳动党 (塞尔维亚)): a country, a year, a
    faction; short texts that pages repeat, so each is resolved once."""
    return country_index().resolve(qualifier)


def _searched(entries: Sequence[Entry]) -> tuple[list[str], list[_Title]]:
    """The texts to search, in order (each organization's name, then its link title's base
    when that differs from it), and each link title with its qualifier resolved."""
    texts = []
    titles: list[_Title] = []
    for entry in entries:
        organization = entry.organization
        texts.append(organization)
        link = entry.link
        if link is None:
            continue
        title = link.title
        qualified = _qualified(title)
        base = qualified.group("base") if qualified else title
        qualifier = _qualifier_place(qualified.group("qualifier")) if qualified else None
        if base != organization:
            texts.append(base)
        titles.append((title, qualifier, base != organization))
    return texts, titles


@dataclass(slots=True)
class _Verdict:
    """What one entry's own names say: one country, a conflict, a problem, or nothing."""

    code: str | None
    hints: tuple[Hint, ...]
    conflict: bool = False


def entry_verdict(hints: list[Hint]) -> _Verdict:
    """What ``hints`` decide; none or one (most names) without :func:`_hints_verdict`'s sets."""
    if len(hints) == 1:  # most names name one place: its country, or a problem (no conflict)
        return _Verdict(hints[0].resolution.identity or None, (hints[0],))
    if not hints:  # a name that names no place: no code, no conflict
        return _Verdict(None, ())
    return _hints_verdict(hints)


def _hints_verdict(hints: list[Hint]) -> _Verdict:
    """:func:`entry_verdict`, the general rule: one country named by every hint, or none."""
    codes = {identity for hint in hints if (identity := hint.resolution.identity)}
    problems = [hint for hint in hints if hint.resolution.identity is None]
    if len(codes) == 1 and not problems:
        return _Verdict(next(iter(codes)), tuple(hints))
    return _Verdict(None, tuple(hints), conflict=bool(codes))


def _names_conflict(
    entries: list[Entry], verdicts: list[_Verdict], column: int | None, at: Sequence[Location]
) -> list[Country]:
    named = sorted({hint.evidence for verdict in verdicts for hint in verdict.hints})
    note = "the names in this row group point to different countries: " + ", ".join(
        repr(text) for text in named
    )
    evidence = "; ".join(named)
    return [
        no_country(Rule.COUNTRY_CONFLICT, evidence, note, (entry.aligned.row, column), at)
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
                country_of(code, variant, provenance_at(hint.rule, hint.evidence, "", where, at))
            )
            continue
        if shared is None:
            first = next(verdict.hints[0] for verdict in verdicts if verdict.code is not None)
            note = f"{first.rule} in row {first.row}, which shares this row's country cell"
            where = (first.row, first.column)
            provenance = provenance_at(Rule.COUNTRY_ROW_GROUP, first.evidence, note, where, at)
            shared = country_of(code, variant, provenance)
        result.append(shared)
    return result


def _names_problem(
    verdicts: list[_Verdict], problems: list[Hint], at: Sequence[Location]
) -> list[Country]:
    """No country: the names found are ambiguous, former, or no countries; each says which."""
    result = []
    for verdict in verdicts:
        hint = verdict.hints[0] if verdict.hints else problems[0]
        note = why_none(hint.resolution, hint.evidence)
        if not verdict.hints:
            note += f" (row {hint.row}, which shares this row's country cell)"
        rule = EMPTY_RULE[hint.resolution.status]
        result.append(no_country(rule, hint.evidence, note, (hint.row, hint.column), at))
    return result


_NOTHING_NAMED = (
    "nothing on the page names this member's country: no flag or country cell, "
    "and no country in the names or link titles of its row group"
)


def from_own_name(
    entry: Entry, hints: list[Hint], variant: Variant, at: Sequence[Location]
) -> Country:
    """:func:`_from_group_names` for a row group of one member (most rows of most pages).

    With one member there is no set of codes or list of problems to gather:
    one verdict either conflicts, names a country, names problems, or nothing,
    and each case builds what the general rule builds for that one member.
    """
    if not hints:  # no verdict to build: nothing named
        return no_country(_NONE, "", _NOTHING_NAMED, (entry.aligned.row, None), at)
    hint = hints[0]
    code = hint.resolution.identity if len(hints) == 1 else None
    if not code:
        verdict = entry_verdict(hints)
        if verdict.conflict:
            column = entry.aligned.values[_ORGANIZATION].column
            return _names_conflict([entry], [verdict], column, at)[0]
        if verdict.code is None:
            return _names_problem([verdict], hints, at)[0]
        code = verdict.code
    # _names_agree for one member naming the country (as its first name); a hint's row is
    # its entry's, never None, so its provenance is built as provenance_at builds it there
    provenance = new_provenance("country", hint.rule, hint.evidence, "", at[hint.row], hint.column)
    return country_of(code, variant, provenance)


def from_names(
    entries: list[Entry], hints: list[list[Hint]], variant: Variant, at: Sequence[Location]
) -> list[Country]:
    """The row group's country from its members' names and link titles (``hints``, one
    list per member: :func:`name_hints`), or why none."""
    if len(entries) == 1:
        return [from_own_name(entries[0], hints[0], variant, at)]
    return _from_group_names(entries, hints, variant, at)


def _from_group_names(
    entries: list[Entry], hints: list[list[Hint]], variant: Variant, at: Sequence[Location]
) -> list[Country]:
    """:func:`from_names`, the general rule: the members' verdicts decide together."""
    verdicts: list[_Verdict] = []
    codes: set[str] = set()
    problems: list[Hint] = []
    conflict = False
    for own in hints:
        verdict = entry_verdict(own)
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
    return [
        no_country(_NONE, "", _NOTHING_NAMED, (entry.aligned.row, None), at) for entry in entries
    ]
