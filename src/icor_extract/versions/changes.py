"""What changed between two versions of a membership table, as events.

:func:`compare` matches the members of two extractions (see
:mod:`icor_extract.versions.matching`) and turns each difference into an
:class:`Event` that holds both members and the rule that matched them.  A value
that one version does not state (an empty country, a missing year) is no
change: filling it is :func:`icor_extract.versions.fill.fill_from`'s job.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING, Any

from icor_extract.model import Extraction, Member
from icor_extract.versions.matching import Ambiguity, Match, MatchRule, match
from icor_extract.versions.normalize import link_key, name_key

if TYPE_CHECKING:  # pragma: no cover - typing only
    import pandas as pd

__all__ = ["Changes", "Event", "EventKind", "compare"]


class EventKind(StrEnum):
    """What happened to one member between the old and the new version."""

    JOINED = "joined"  # only in the new version
    LEFT = "left"  # only in the old version
    RENAMED = "renamed"  # the name differs beyond punctuation, spaces, width and script
    RELINKED = "relinked"  # the link title differs, or a link was added or removed
    STATUS = "status"  # member, observer, former ... differs
    MOVED = "moved"  # the country or the continent differs (both known)
    JOINED_YEAR = "joined_year"  # the year of joining differs (both known)


_INVERSE = {EventKind.JOINED: EventKind.LEFT, EventKind.LEFT: EventKind.JOINED}

Value = str | int | None


@dataclass(frozen=True, slots=True, kw_only=True)
class Event:
    """One change: the member in each version (``None`` where it is absent), the field and
    its two values, and how the two members were matched (``rule``, ``evidence``)."""

    kind: EventKind
    old: Member | None
    new: Member | None
    field: str | None = None
    before: Value = None
    after: Value = None
    rule: MatchRule | None = None  # None for joined and left
    evidence: str = ""

    def __post_init__(self) -> None:
        wants_old, wants_new = self.kind is not EventKind.JOINED, self.kind is not EventKind.LEFT
        if (self.old is not None, self.new is not None) != (wants_old, wants_new):
            needs = {EventKind.JOINED: "only a new member", EventKind.LEFT: "only an old member"}
            raise ValueError(f"a {self.kind} event needs {needs.get(self.kind, 'both members')}")

    @property
    def organization(self) -> str:
        """The member's name as the new version writes it (the old one's if it left)."""
        member = self.new or self.old
        assert member is not None  # checked on construction
        return member.organization

    def inverse(self) -> Event:
        """The same event seen from the other side: ``compare(new, old)`` gives it."""
        return Event(
            kind=_INVERSE.get(self.kind, self.kind),
            old=self.new,
            new=self.old,
            field=self.field,
            before=self.after,
            after=self.before,
            rule=self.rule,
            evidence=self.evidence,
        )

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict: the kind, the change, the rule, and where each member sits
        (``layout`` ``table`` or ``list``; for a list, ``table`` is the list, ``row`` the item)."""
        return {
            "kind": str(self.kind),
            "organization": self.organization,
            "old_organization": self.old.organization if self.old else None,
            "new_organization": self.new.organization if self.new else None,
            "field": self.field,
            "before": self.before,
            "after": self.after,
            "rule": None if self.rule is None else str(self.rule),
            "evidence": self.evidence,
            "old_layout": self.old.location.layout.value if self.old else None,
            "old_table": self.old.table if self.old else None,
            "old_row": self.old.row if self.old else None,
            "new_layout": self.new.location.layout.value if self.new else None,
            "new_table": self.new.table if self.new else None,
            "new_row": self.new.row if self.new else None,
        }

    def __str__(self) -> str:
        if self.old is None or self.new is None:
            return f"{self.kind}: {self.organization}"
        how = f"  [{self.rule}]" if self.rule else ""
        shown = f"{_show(self.before)} -> {_show(self.after)}"
        if self.kind is EventKind.RENAMED:
            return f"renamed: {shown}{how}"
        if self.kind is EventKind.STATUS and (self.new.status_note or self.old.status_note):
            shown += f" ({self.new.status_note or self.old.status_note})"
        return f"{self.kind}: {self.organization}: {self.field} {shown}{how}"


def _show(value: Value) -> str:
    return "(none)" if value is None else str(value)


#: the columns of :meth:`Changes.to_dataframe` (the keys of :meth:`Event.to_dict`), in order
COLUMNS = (
    "kind", "organization", "old_organization", "new_organization", "field", "before",
    "after", "rule", "evidence", "old_layout", "old_table", "old_row", "new_layout",
    "new_table", "new_row",
)  # fmt: skip


@dataclass(frozen=True, slots=True, kw_only=True)
class Changes:
    """Everything :func:`compare` found: the events, the pairs matched and the members left
    unmatched because two candidates fitted them equally."""

    events: tuple[Event, ...] = ()
    matches: tuple[Match, ...] = ()
    ambiguous: tuple[Ambiguity, ...] = ()
    old_source: str | None = None
    new_source: str | None = None

    def __iter__(self) -> Iterator[Event]:
        return iter(self.events)

    def __len__(self) -> int:
        return len(self.events)

    def of_kind(self, kind: EventKind | str) -> tuple[Event, ...]:
        """The events of one kind, in order."""
        return tuple(event for event in self.events if event.kind == kind)

    def to_records(self) -> list[dict[str, Any]]:
        """The events as JSON-ready dicts (see :meth:`Event.to_dict`)."""
        return [event.to_dict() for event in self.events]

    def to_dataframe(self) -> pd.DataFrame:
        """The events as a DataFrame: one row each, string columns and Int64 rows."""
        import pandas as pd  # noqa: PLC0415 - importing the package does not import pandas

        frame = pd.DataFrame(self.to_records(), columns=list(COLUMNS))
        for column in frame.columns:
            if column.endswith(("_table", "_row")):
                frame[column] = frame[column].astype("Int64")
            else:
                frame[column] = frame[column].astype("string")
        return frame

    def __str__(self) -> str:
        old, new = self.old_source or "old", self.new_source or "new"
        counts = ", ".join(f"{len(self.of_kind(kind))} {kind}" for kind in EventKind)
        lines = [f"{old} -> {new}: {counts}"]
        lines += [f"  {event}" for event in self.events]
        for item in self.ambiguous:
            names = ", ".join(candidate.organization for candidate in item.candidates)
            lines.append(
                f"  not matched ({item.side}): {item.member.organization}: "
                f"{item.rule} fits {names} equally"
            )
        return "\n".join(lines)


def _changes(pair: Match) -> Iterator[Event]:
    """The events of one matched pair, in the order of :class:`EventKind`."""
    old, new = pair.old, pair.new

    def event(kind: EventKind, field: str, before: Value, after: Value) -> Event:
        return Event(
            kind=kind, old=old, new=new, field=field, before=before, after=after,
            rule=pair.rule, evidence=pair.evidence,
        )  # fmt: skip

    if name_key(old.organization) != name_key(new.organization):
        yield event(EventKind.RENAMED, "organization", old.organization, new.organization)
    if (old.link and link_key(old.link)) != (new.link and link_key(new.link)):
        yield event(EventKind.RELINKED, "link", old.link, new.link)
    if old.status != new.status:
        yield event(EventKind.STATUS, "status", old.status.value, new.status.value)
    for field in ("country_code", "continent_code"):
        before, after = getattr(old, field), getattr(new, field)
        if before is not None and after is not None and before != after:
            yield event(EventKind.MOVED, field, before, after)
    if old.joined is not None and new.joined is not None and old.joined != new.joined:
        yield event(EventKind.JOINED_YEAR, "joined", old.joined, new.joined)


def compare(old: Extraction, new: Extraction) -> Changes:
    """The changes from ``old`` to ``new``: members joined and left, and for each member
    found in both, what differs.  ``compare(new, old)`` gives the inverse events.

    Events come by kind (in the order of :class:`EventKind`), then in the order of the
    new extraction's members (of the old one's, for ``left``).
    """
    matching = match(old.members, new.members)
    new_order = {id(member): index for index, member in enumerate(new.members)}
    old_order = {id(member): index for index, member in enumerate(old.members)}

    def position(event: Event) -> tuple[int, int]:
        where = new_order[id(event.new)] if event.new else old_order[id(event.old)]
        return list(EventKind).index(event.kind), where

    events = [
        *(Event(kind=EventKind.JOINED, old=None, new=member) for member in matching.unmatched_new),
        *(Event(kind=EventKind.LEFT, old=member, new=None) for member in matching.unmatched_old),
    ]
    for pair in matching.pairs:
        events += _changes(pair)
    return Changes(
        events=tuple(sorted(events, key=position)),
        matches=matching.pairs,
        ambiguous=matching.ambiguous,
        old_source=old.source_name,
        new_source=new.source_name,
    )
