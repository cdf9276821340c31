"""A member's status decided among its sources, with the provenance of the choice.

The nearest source wins: a remark after the name, a status cell, a group
row, the caption, a heading; else ``member`` by default.  Reading each
source's words is :mod:`.status_words`' job; this module only ranks them and
says why, so the ranking reads in one place.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from icor_extract.model import Location, Provenance, Rule, Status
from icor_extract.repair.short_cache import LONGEST_CACHED
from icor_extract.repair.status_words import (
    Annotation,
    status_from_heading,
    status_from_text,
)

__all__ = [
    "MemberStatus",
    "StatusSource",
    "decide_status",
    "outer_decision",
]


@dataclass(frozen=True, slots=True, kw_only=True)
class StatusSource:
    """Text that may state a status, and where it sits (for provenance)."""

    text: str
    row: int | None = None
    column: int | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class MemberStatus:
    """A member's status, the year it left, the page's words, and why."""

    status: Status
    left: int | None
    note: str | None
    provenance: Provenance


def decide_status(
    annotation: Annotation | None,
    *,
    where: StatusSource,
    cell: StatusSource | None = None,
    group: StatusSource | None = None,
    caption: str | None = None,
    headings: tuple[str, ...] = (),
) -> MemberStatus:
    """The status of one member, from its most specific source.

    In order: the annotation after the name (``where`` locates the name's
    cell), a status cell, a group row above the member that names a status
    (``group``), the table's caption, the nearest heading that names
    a status (``headings`` nearest first); else ``member`` by default.  When a
    nearer source overrides a different status of a heading or caption, the
    provenance note says so.  The status note is the page's words, except for
    a plain membership heading (成员, Members), which remarks on no member.
    """
    outer = _outer_status(caption, headings)
    if annotation is not None and annotation.status is not None:
        return _decided(
            (annotation.status, annotation.left, annotation.note),
            rule=Rule.STATUS_ANNOTATION,
            evidence=annotation.note or "",
            source=where,
            outer=outer,
        )
    if cell is not None and cell.text and (found := status_from_text(cell.text)) is not None:
        return _decided(
            (found, None, cell.text), rule=Rule.STATUS_CELL, evidence=cell.text, source=cell,
            outer=outer,
        )  # fmt: skip
    if group is not None and (found := status_from_text(group.text)) is not None:
        return _decided(
            (found, None, group.text), rule=Rule.STATUS_GROUP_ROW, evidence=group.text,
            source=group, outer=outer,
        )  # fmt: skip
    return outer_decision(caption, headings)


def outer_decision(caption: str | None, headings: tuple[str, ...]) -> MemberStatus:
    """The status of a member that states none itself (no annotation, status cell or group row).

    The caption's, else the nearest stating heading's, else ``member`` by
    default: the tail of :func:`decide_status`, which depends on the table
    alone.  Every member of a table shares one value and one provenance (both
    immutable); the records stage asks for it once per table, for the members
    with nothing nearer, skipping the rest of :func:`decide_status`.
    """
    if _short(caption, headings):
        return _cached_outer_decision(caption, headings)
    return _outer_decision(caption, headings)


def _short(caption: str | None, headings: tuple[str, ...]) -> bool:
    """Whether the caption and headings are short enough to key a cache that outlives the
    parse (:data:`.short_cache.LONGEST_CACHED`): pages repeat short headings (成员, 观察员),
    and a page's long caption is not held after it."""
    return len(caption or "") <= LONGEST_CACHED and all(
        len(heading) <= LONGEST_CACHED for heading in headings
    )


def _outer_decision(caption: str | None, headings: tuple[str, ...]) -> MemberStatus:
    outer = _outer_status(caption, headings)
    if outer is not None:
        rule, text, status = outer
        note = f"under the {'caption' if rule is Rule.STATUS_CAPTION else 'heading'} '{text}'"
        return MemberStatus(
            status=status,
            left=None,
            # a plain membership heading (成员, Members) is no remark on the member
            note=text if status is not Status.MEMBER else None,
            provenance=Provenance(field="status", rule=rule, evidence=text, note=note),
        )
    return MemberStatus(
        status=Status.MEMBER,
        left=None,
        note=None,
        provenance=Provenance(
            field="status",
            rule=Rule.STATUS_DEFAULT,
            note="nothing on the page states a status: member by default",
        ),
    )


def _outer_status(
    caption: str | None, headings: tuple[str, ...]
) -> tuple[Rule, str, Status] | None:
    """(rule, text, status) of the caption, else the nearest heading naming a status."""
    if _short(caption, headings):
        return _cached_outer_status(caption, headings)
    return _read_outer_status(caption, headings)


def _read_outer_status(
    caption: str | None, headings: tuple[str, ...]
) -> tuple[Rule, str, Status] | None:
    if caption and (found := status_from_heading(caption)) is not None:
        return Rule.STATUS_CAPTION, caption.strip(), found[0]
    for heading in headings:
        if (found := status_from_heading(heading)) is not None:
            return Rule.STATUS_HEADING, heading.strip(), found[0]
    return None


_cached_outer_decision = lru_cache(maxsize=256)(_outer_decision)
_cached_outer_status = lru_cache(maxsize=256)(_read_outer_status)


def _decided(
    found: tuple[Status, int | None, str | None],
    *,
    rule: Rule,
    evidence: str,
    source: StatusSource,
    outer: tuple[Rule, str, Status] | None,
) -> MemberStatus:
    status, left, note = found
    why = f"left in {left}" if left is not None else ""
    if outer is not None and outer[2] is not status:
        why = "; ".join(filter(None, [why, f"overrides '{outer[1]}' ({outer[2].value})"]))
    return MemberStatus(
        status=status,
        left=left,
        note=note,
        provenance=Provenance(
            field="status",
            rule=rule,
            evidence=evidence,
            note=why,
            location=Location(row=source.row),
            column=source.column,
        ),
    )
