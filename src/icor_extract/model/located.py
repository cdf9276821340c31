"""The records that say where they are: a :class:`Location` and the values that carry one.

Frozen, slotted and keyword-only: results are immutable so they can be shared,
cached and compared, and every moved or inferred value keeps its
:class:`Provenance` beside it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from icor_extract.model.vocabulary import CONTINENT_CODES, Layout, NoteCode, RowKind, Rule, Status


@dataclass(frozen=True, slots=True, kw_only=True)
class Location:
    """Where something is in the document: the one way the library says "where".

    ``table`` is the 0-based table of the document (in document order);
    ``row`` the 0-based row of that table as read (every ``<tr>``, and every
    wikitext row that holds a cell, since MediaWiki drops an empty ``|-``);
    ``line`` the 1-based source line the row starts on, when the reader knows
    it.  A field is ``None`` where it does not apply or is not known.  For a
    list (``layout`` is :attr:`Layout.LIST`), ``table`` is the 0-based list of
    the document (lists are counted apart from tables) and ``row`` the
    0-based item of that list, nested items included.
    """

    table: int | None = None
    row: int | None = None
    line: int | None = None
    layout: Layout = Layout.TABLE


class _Located:
    """Shortcuts to the :class:`Location` of a located value."""

    __slots__ = ()
    location: Location

    @property
    def table(self) -> int | None:
        """The table of :attr:`location`."""
        return self.location.table

    @property
    def row(self) -> int | None:
        """The row of :attr:`location`."""
        return self.location.row

    @property
    def line(self) -> int | None:
        """The source line of :attr:`location`."""
        return self.location.line

    @property
    def layout(self) -> Layout:
        """Whether :attr:`location` is a table row or a list item."""
        return self.location.layout


NOWHERE = Location()


@dataclass(frozen=True, slots=True, kw_only=True)
class Provenance(_Located):
    """Where one field's value came from, or why it is empty.

    ``rule`` is a :class:`Rule`, documented in ``docs/repair-rules.md``;
    ``evidence`` is the exact source text the rule read; ``location`` and
    ``column`` (0-based) locate that text in its table.
    """

    field: str
    rule: Rule
    evidence: str = ""
    note: str = ""
    location: Location = NOWHERE
    column: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "rule": self.rule.value,
            "evidence": self.evidence,
            "note": self.note,
            "row": self.location.row,
            "line": self.location.line,
            "column": self.column,
        }


@dataclass(frozen=True, slots=True, kw_only=True)
class Member(_Located):
    """One member of a membership table, with the provenance of its values.

    ``country`` is the country's name as the page's language writes it (CLDR);
    ``country_code`` is ISO 3166-1 alpha-2.  Both are ``None`` when nothing on
    the page supports a country; ``provenance`` then says why.  ``location``
    is the member's own row.  ``status`` is the member's standing (``member``
    unless the page says otherwise), ``left`` the year it left when the page
    gives one, ``status_note`` the page's own words for the status
    (``2008年被开除``), or ``None``.  ``page`` names the page the member came
    from (a dump page's title, a file's path, the ``source`` given to
    ``parse``); ``page_id``, ``revision`` and ``timestamp`` (ISO 8601, UTC) are
    set for a page read from a MediaWiki dump.
    """

    organization: str
    country: str | None
    country_code: str | None
    continent: str | None
    continent_code: str | None
    joined: int | None
    link: str | None
    section: str | None
    location: Location
    status: Status = Status.MEMBER
    left: int | None = None
    status_note: str | None = None
    footnotes: tuple[str, ...] = ()
    provenance: tuple[Provenance, ...] = ()
    page: str | None = None
    page_id: int | None = None
    revision: int | None = None
    timestamp: str | None = None

    def __post_init__(self) -> None:
        if not self.organization:
            raise ValueError("Member.organization must not be empty")
        if self.country_code is not None and (
            len(self.country_code) != 2 or not self.country_code.isupper()
        ):
            raise ValueError(f"country_code must be ISO 3166-1 alpha-2, got {self.country_code!r}")
        if self.continent_code is not None and self.continent_code not in CONTINENT_CODES:
            raise ValueError(f"unknown continent_code {self.continent_code!r}")
        if not isinstance(self.status, Status):
            raise ValueError(f"status must be a Status, got {self.status!r}")

    def provenance_of(self, field_name: str) -> Provenance | None:
        """The provenance recorded for ``field_name``, if any."""
        for item in self.provenance:
            if item.field == field_name:
                return item
        return None

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict: the values, the location flat, provenance by field."""
        return {
            "organization": self.organization,
            "country": self.country,
            "country_code": self.country_code,
            "continent": self.continent,
            "continent_code": self.continent_code,
            "joined": self.joined,
            "link": self.link,
            "section": self.section,
            "table": self.location.table,
            "row": self.location.row,
            "line": self.location.line,
            "layout": self.location.layout.value,
            "status": self.status.value,
            "left": self.left,
            "status_note": self.status_note,
            "footnotes": list(self.footnotes),
            "provenance": {p.field: p.to_dict() for p in self.provenance},
            "page": self.page,
            "page_id": self.page_id,
            "revision": self.revision,
            "timestamp": self.timestamp,
        }


@dataclass(frozen=True, slots=True, kw_only=True)
class RejectedRow(_Located):
    """A source row that could not become a member, with the reason.

    ``rule`` names the kind of reason (``rejected.summary``,
    ``rejected.not-an-organization`` ...); ``reason`` says it in words.
    """

    location: Location
    cells: tuple[str, ...]
    reason: str
    rule: Rule


@dataclass(frozen=True, slots=True, kw_only=True)
class RowOutcome(_Located):
    """The row-accounting entry: what one source row became."""

    location: Location
    kind: RowKind


@dataclass(frozen=True, slots=True, kw_only=True)
class Note(_Located):
    """A repair or reader event worth auditing (a moved value, a dropped template)."""

    code: NoteCode
    message: str
    location: Location = NOWHERE
