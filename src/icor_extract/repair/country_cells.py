"""What a row group's country cell says, and the country it gives each row (the cell path).

The strongest evidence of a member's country is the country cell of its row
group: a flag template or image (``country.flag``), or a country name written
in it (``country.cell``); rows under a spanned cell share it
(``country.rowspan``), and a row whose own country cell was lost continues it
(``country.continued``) unless its own name names another country.  A flag
written in the organization's cell is read as the country cell would be.  A
cell naming two countries, or a place that is none, gives no country, and says
why.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import replace
from functools import partial

from icor_extract.geo.countries import Resolution, Status, country_index
from icor_extract.geo.flags import resolve_flag
from icor_extract.model import NOWHERE, Location, Rule, Variant, new_provenance
from icor_extract.readers.raw import FlagHint, RawCell
from icor_extract.repair.aligned import AlignedRow, Placed, Placement
from icor_extract.repair.columns import Role
from icor_extract.repair.country_names import entry_verdict, name_hints
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

__all__ = ["cell_resolution", "country_cell", "from_cell", "organization_flag"]

# Enum members read once per module, as in :mod:`~icor_extract.repair.country` (each read
# of ``Role.COUNTRY`` is a look-up through the enum's metaclass).
_COUNTRY, _ORGANIZATION = Role.COUNTRY, Role.ORGANIZATION
_SPAN, _LOST = Placement.SPAN, Placement.LOST
_UNKNOWN = Status.UNKNOWN
_BY_FLAG, _CONTINUED, _ROWSPAN = Rule.COUNTRY_FLAG, Rule.COUNTRY_CONTINUED, Rule.COUNTRY_ROWSPAN

# what the wikitext reader reports for a dropped template (not a tag, a node, a notice)
_TEMPLATE_NAME = re.compile(
    r"^(?!(?:Argument|Comment|ExternalLink|Heading|HTMLEntity|Text|Wikilink)$)[^<>()\n]{1,60}$"
)
_UNREAD_FLAG = (
    "the row has a flag that names no country the library knows; "
    "the names in the row are not used to guess one"
)


def country_cell(entries: list[Entry]) -> Placed | None:
    """The first country cell of a row group that holds anything (text, a flag, a template)."""
    for entry in entries:
        placed = entry.aligned.values.get(_COUNTRY)
        if placed is not None:
            cell = placed.cell
            if cell is not None and (cell.text or cell.flags or cell.dropped):
                return placed
    return None


def _flag_reader(kind: str) -> Callable[[str], Resolution]:
    """:func:`resolve_flag` for flags of one ``kind``, remembered for short values: a flag
    names a country (or a code), and pages repeat the same few hundred."""
    return cached_when_short(1024)(partial(resolve_flag, kind))


#: a reader per kind of flag (``FlagHint.kind``)
_FLAG_READERS = {kind: _flag_reader(kind) for kind in ("template", "code", "image", "bare")}


def _flag_resolution(flag: FlagHint) -> Resolution:
    """What one flag names (:func:`resolve_flag`)."""
    reader = _FLAG_READERS.get(flag.kind)
    return reader(flag.value) if reader is not None else resolve_flag(flag.kind, flag.value)


def cell_resolution(cell: RawCell) -> tuple[Rule, str, Resolution] | None:
    """What a country cell says: (rule, evidence, resolution), or None if blank.

    A cell holding one flag and no text (the commonest country cell) is that
    flag, whatever it names: :func:`_read_cell` finds that one finding and
    returns it, after building the lists it needs for two.
    """
    flags = cell.flags
    if len(flags) == 1 and not cell.text:
        flag = flags[0]
        return (_BY_FLAG, flag.evidence, _flag_resolution(flag))
    return _read_cell(cell)


def _read_cell(cell: RawCell) -> tuple[Rule, str, Resolution] | None:
    """:func:`cell_resolution`, the general rule.

    A cell naming two different countries (two flags, two linked names, two
    lines) decides none: it is reported as ambiguous.
    """
    index = country_index()
    found: list[tuple[Rule, str, Resolution]] = [
        (Rule.COUNTRY_FLAG, hint.evidence, _flag_resolution(hint)) for hint in cell.flags
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


def _cell_problem(rule: Rule, evidence: str, resolution: Resolution) -> tuple[Rule, str]:
    """Why a country cell that names no country gives none: the rule and the note."""
    if rule is Rule.COUNTRY_AMBIGUOUS and resolution.name == _SEVERAL_FLAGS:
        return rule, f"{_SEVERAL_FLAGS} ({evidence}): no one of them is chosen"
    if rule is Rule.COUNTRY_FLAG and resolution.status is _UNKNOWN:
        return Rule.COUNTRY_UNKNOWN_FLAG, _UNREAD_FLAG
    return EMPTY_RULE[resolution.status], "the country cell: " + why_none(resolution, evidence)


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
        rule = _CONTINUED
    elif reach is _SPAN:
        rule, note = _ROWSPAN, f"{rule} in row {placed.row}, spanned down"
    else:
        note = ""
    return country_of(
        code, variant, provenance_at(rule, evidence, note, (placed.row, placed.column), at)
    )


def from_cell(
    entries: list[Entry],
    placed: Placed,
    found: tuple[Rule, str, Resolution],
    variant: Variant,
    at: Sequence[Location],
) -> list[Country]:
    """Each entry's country from its row group's country cell.

    A row alone in its group that reads its own cell (most rows of most pages)
    takes the cell's country: no name of its own is read against it, and there
    is no value to share, so :func:`_from_shared_cell`'s loop is skipped, and
    its provenance is built as :func:`_cell_country` builds it for such a row
    (no note), without the two calls between.
    """
    code = found[2].identity
    if code is not None and len(entries) == 1 and _reach(entries[0].aligned) is None:
        row = placed.row
        location = NOWHERE if row is None else at[row]
        provenance = new_provenance("country", found[0], found[1], "", location, placed.column)
        return [country_of(code, variant, provenance)]
    return _from_shared_cell(entries, placed, found, variant, at)


def _from_shared_cell(
    entries: list[Entry],
    placed: Placed,
    found: tuple[Rule, str, Resolution],
    variant: Variant,
    at: Sequence[Location],
) -> list[Country]:
    """:func:`from_cell`, the general rule.

    What the cell gives a row depends only on the cell and on how the row
    reaches it, so the rows that reach it the same way share one value; a row
    whose own name contradicts the cell gets a value of its own.
    """
    rule, evidence, resolution = found
    where = (placed.row, placed.column)
    code = resolution.identity
    if code is None:  # the same for every row of the group
        empty_rule, note = _cell_problem(rule, evidence, resolution)
        return [no_country(empty_rule, evidence, note, where, at)] * len(entries)
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
            result.append(no_country(Rule.COUNTRY_CONFLICT, evidence, note, where, at))
            continue
        country = shared.get(reach)
        if country is None:
            country = shared[reach] = _cell_country(
                code, reach, found, placed, variant=variant, at=at
            )
        result.append(country)
    return result


def _contradicts(entry: Entry, code: str, *, strict: bool) -> str | None:
    """What the entry's own names name against country ``code``, or ``None``.

    A name of another country, or of two, contradicts it; ``strict`` also
    counts a name that decides nothing (a former state, an ambiguous name).
    """
    verdict = entry_verdict(name_hints([entry])[0])
    if (
        verdict.conflict
        or (verdict.code is not None and verdict.code != code)
        or (strict and verdict.code is None and verdict.hints)
    ):
        return ", ".join(repr(hint.evidence) for hint in verdict.hints)
    return None


def organization_flag(entries: list[Entry]) -> tuple[Placed, tuple[Rule, str, Resolution]] | None:
    """A flag written in an organization's cell (``{{TRNC}} 共和土耳其党``), read as the
    country cell would be: it decides, or blocks guessing from the names beside it."""
    for entry in entries:
        placed = entry.aligned.values[_ORGANIZATION]
        if placed.cell is not None and placed.cell.flags:
            flags_only = replace(placed.cell, text="", links=(), dropped=())
            found = cell_resolution(flags_only)
            if found is not None:
                return placed, found
    return None
