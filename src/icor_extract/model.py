"""The values the library returns: frozen, slotted, keyword-only dataclasses.

Results are immutable so they can be shared, cached and compared; sequences
inside them are tuples.  Every value that was moved or inferred carries a
:class:`Provenance` naming the :class:`Rule` and the evidence, so an analyst
can audit it without reading the code.  The vocabulary every stage shares
lives here too: the rule names, the note codes, one :class:`Location`, and the
option types.  This module imports nothing of the package, so every stage may
import it.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING, Any, Literal

if TYPE_CHECKING:  # pragma: no cover - typing only
    import pandas as pd

CONTINENT_CODES = frozenset({"AF", "AN", "AS", "EU", "NA", "OC", "SA"})

#: how to read the input: a named reader, or detected from the text
Format = Literal["auto", "markdown", "html", "wikitext"]
#: the language variant of country names and ``-{}-`` markup; ``auto`` follows the page
Variant = Literal["auto", "zh-hans", "zh-hant", "en"]
#: what to do with bytes (or lone surrogates) that are not valid text
Errors = Literal["strict", "replace"]


class _DottedName(StrEnum):
    """A stable dotted name; its ``repr`` is the string, so records print as they serialize."""

    def __repr__(self) -> str:
        return repr(self.value)


class Rule(_DottedName):
    """The name of the rule that gave a field its value, or left it empty.

    Every rule is described in ``docs/repair-rules.md``.  A member compares
    equal to its dotted string (``Rule.COUNTRY_NAME == "country.name"``), and
    its ``repr`` is that string, so records print as they serialize.
    """

    CELL = "cell"
    SPAN_COPY = "span.copy"
    REALIGN_SHIFT = "realign.shift"
    LINK = "link"
    LINK_NONE = "link.none"
    JOINED_NONE = "joined.none"
    JOINED_UNREADABLE = "joined.unreadable"
    CONTINENT_ROWSPAN = "continent.rowspan"
    CONTINENT_GROUP_ROW = "continent.group-row"
    CONTINENT_HEADING = "continent.heading"
    CONTINENT_NONE = "continent.none"
    COUNTRY_FLAG = "country.flag"
    COUNTRY_CELL = "country.cell"
    COUNTRY_ROWSPAN = "country.rowspan"
    COUNTRY_CONTINUED = "country.continued"
    COUNTRY_NAME = "country.name"
    COUNTRY_LINK_TITLE = "country.link-title"
    COUNTRY_ROW_GROUP = "country.row-group"
    COUNTRY_CONFLICT = "country.conflict"
    COUNTRY_AMBIGUOUS = "country.ambiguous"
    COUNTRY_FORMER = "country.former"
    COUNTRY_NOT_A_COUNTRY = "country.not-a-country"
    COUNTRY_UNKNOWN = "country.unknown"
    COUNTRY_UNKNOWN_FLAG = "country.unknown-flag"
    COUNTRY_NONE = "country.none"
    COUNTRY_NO_ISO_CODE = "country.no-iso-code"
    COUNTRY_LIST_HEAD = "country.list-head"
    STATUS_ANNOTATION = "status.annotation"
    STATUS_CELL = "status.cell"
    STATUS_GROUP_ROW = "status.group-row"
    STATUS_CAPTION = "status.caption"
    STATUS_HEADING = "status.heading"
    STATUS_DEFAULT = "status.default"
    STATUS_LEAD_IN = "status.lead-in"
    # filled from another version of the page (Extraction.fill_from)
    COUNTRY_OTHER_SOURCE = "country.other-source"
    CONTINENT_OTHER_SOURCE = "continent.other-source"
    JOINED_OTHER_SOURCE = "joined.other-source"
    LINK_OTHER_SOURCE = "link.other-source"
    # why a row is no member (RejectedRow.rule)
    REJECTED_EMPTY = "rejected.empty"
    REJECTED_NO_CELLS = "rejected.no-cells"
    REJECTED_UNREAD = "rejected.unread"
    REJECTED_NO_ORGANIZATION = "rejected.no-organization"
    REJECTED_TOO_MANY_CELLS = "rejected.too-many-cells"
    REJECTED_SUMMARY = "rejected.summary"
    REJECTED_NOT_AN_ORGANIZATION = "rejected.not-an-organization"

    @property
    def inferred(self) -> bool:
        """True for a country inferred from names or neighbours rather than read from its cell."""
        return self in _INFERRED


_INFERRED = frozenset(
    {Rule.COUNTRY_NAME, Rule.COUNTRY_LINK_TITLE, Rule.COUNTRY_ROW_GROUP, Rule.COUNTRY_CONTINUED}
)


class NoteCode(_DottedName):
    """The code of a :class:`Note`; each is listed in ``docs/provenance.md``."""

    TABLE_SKIPPED = "table.skipped"
    GRID_OVERLAP = "grid.overlap"
    GRID_CLIPPED = "grid.clipped"
    GRID_DEGRADED = "grid.degraded"
    GRID_BEYOND_HEADER = "grid.beyond-header"
    READER_DROPPED = "reader.dropped"
    READER_CONTROLS = "reader.controls"
    READER_UNREAD_ROWS = "reader.unread-rows"
    REALIGN_SHIFT = "realign.shift"
    REALIGN_BUDGET = "realign.budget"
    ENTRY_EXTRA_LINES = "entry.extra-lines"
    COUNTRY_INFERRED = "country.inferred"
    GROUP_COLUMN = "group.column"
    VARIANT_AUTO = "variant.auto"
    HEADER_SHIFTED = "header.shifted"
    HEADER_CONTINUED = "header.continued"
    FILL_CONFLICT = "fill.conflict"
    FILL_AMBIGUOUS = "fill.ambiguous"


class Status(StrEnum):
    """A member's standing in the organization, as the page states it.

    ``former`` covers members that left, were expelled, dissolved or were
    replaced; ``partner`` covers friendly, sympathising and associated
    organizations listed beside the members.  Nothing on the page: ``member``.
    """

    MEMBER = "member"
    OBSERVER = "observer"
    CANDIDATE = "candidate"
    PARTNER = "partner"
    SUSPENDED = "suspended"
    FORMER = "former"


class Layout(StrEnum):
    """How the source laid a member out: a table row or a list item."""

    TABLE = "table"
    LIST = "list"

    def __repr__(self) -> str:
        return repr(self.value)  # Location(..., layout='table'), as it serializes


class RowKind(StrEnum):
    """What became of one source row; every row of a member table ends as one."""

    HEADER = "header"
    GROUP = "group"
    MEMBER = "member"
    REJECTED = "rejected"


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


def draft_class(record: type) -> type:
    """A settable twin of a frozen, slotted dataclass, for building its values fast.

    The twin has exactly the record's slots, in the same order, on the same
    bases, so CPython lets an instance change its class from the twin to the
    record (``__class__`` assignment checks that the two lay out their objects
    the same).  Filling a twin is a plain attribute store per field; the frozen
    record's own ``__init__`` goes through ``object.__setattr__``, and its
    slots' descriptors are method calls, each several times slower.  The
    ``new_*`` constructors fill one field by field, in a straight line (a loop
    over the fields costs what it saves), and give it the record's class:
    a value the dataclass could have built (tests compare the two by type,
    equality, hash, repr, pickling and frozenness).
    """
    slots = record.__dict__["__slots__"]
    return type(f"_{record.__name__}Draft", record.__bases__, {"__slots__": slots})


_new = object.__new__
_LocationDraft = draft_class(Location)


def new_location(table: int | None, row: int | None, line: int | None, layout: Layout) -> Location:
    """``Location(table=table, row=row, line=line, layout=layout)``, built faster.

    For :meth:`RawTable.locations <icor_extract.readers.raw.RawTable.locations>`,
    one per row of every table: a draft (:func:`draft_class`) filled and made a
    ``Location`` (``Location`` has no ``__post_init__``; tests compare the two).
    """
    location: Any = _new(_LocationDraft)
    location.table = table
    location.row = row
    location.line = line
    location.layout = layout
    location.__class__ = Location
    return location  # type: ignore[no-any-return]


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


_ProvenanceDraft = draft_class(Provenance)


def new_provenance(  # noqa: PLR0917 - positional on purpose, see the docstring
    field: str, rule: Rule, evidence: str, note: str, location: Location, column: int | None
) -> Provenance:
    """``Provenance(field=field, rule=rule, ...)``, every field given, built faster.

    Internal, for the records stage, which builds several per member (a draft,
    :func:`draft_class`, filled and made a ``Provenance``).  The arguments may be
    given by position, in the order of the fields: the records stage does,
    since matching keyword arguments costs more than the call's whole work.
    ``Provenance`` has no ``__post_init__`` and every field is given, so the
    value is the same.
    """
    provenance: Any = _new(_ProvenanceDraft)
    provenance.field = field
    provenance.rule = rule
    provenance.evidence = evidence
    provenance.note = note
    provenance.location = location
    provenance.column = column
    provenance.__class__ = Provenance
    return provenance  # type: ignore[no-any-return]


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


_MemberDraft = draft_class(Member)


def new_member(  # noqa: PLR0917 - positional on purpose, as new_provenance
    organization: str,
    country: str | None,
    country_code: str | None,
    continent: str | None,
    continent_code: str | None,
    joined: int | None,
    link: str | None,
    section: str | None,
    location: Location,
    status: Status,
    left: int | None,
    status_note: str | None,
    footnotes: tuple[str, ...],
    provenance: tuple[Provenance, ...],
    page: str | None,
    page_id: int | None,
    revision: int | None,
    timestamp: str | None,
) -> Member:
    """``Member(organization=organization, ...)``, every field given, built faster.

    Internal, for the records stage, as :func:`new_provenance` (a draft
    filled field by field, in a straight line: a loop over the fields costs
    what it saves; the arguments by position, in the order of the fields:
    eighteen keyword arguments cost more to match than the slots to set);
    the same checks run (``__post_init__``), so a value that
    ``Member`` refuses is refused here with the same error.
    """
    member: Any = _new(_MemberDraft)
    member.organization = organization
    member.country = country
    member.country_code = country_code
    member.continent = continent
    member.continent_code = continent_code
    member.joined = joined
    member.link = link
    member.section = section
    member.location = location
    member.status = status
    member.left = left
    member.status_note = status_note
    member.footnotes = footnotes
    member.provenance = provenance
    member.page = page
    member.page_id = page_id
    member.revision = revision
    member.timestamp = timestamp
    member.__class__ = Member
    member.__post_init__()
    return member  # type: ignore[no-any-return]


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


_RowOutcomeDraft = draft_class(RowOutcome)


def new_row_outcome(location: Location, kind: RowKind) -> RowOutcome:
    """``RowOutcome(location=location, kind=kind)``, built faster (one per source row)."""
    outcome: Any = _new(_RowOutcomeDraft)
    outcome.location = location
    outcome.kind = kind
    outcome.__class__ = RowOutcome
    return outcome  # type: ignore[no-any-return]


@dataclass(frozen=True, slots=True, kw_only=True)
class Note(_Located):
    """A repair or reader event worth auditing (a moved value, a dropped template)."""

    code: NoteCode
    message: str
    location: Location = NOWHERE


_NoteDraft = draft_class(Note)


def new_note(*, code: NoteCode, message: str, location: Location) -> Note:
    """``Note(code=code, message=message, location=location)``, built as
    :func:`new_provenance` builds a provenance (for a stage that notes most rows)."""
    note: Any = _new(_NoteDraft)
    note.code = code
    note.message = message
    note.location = location
    note.__class__ = Note
    return note  # type: ignore[no-any-return]


@dataclass(frozen=True, slots=True, kw_only=True)
class Extraction:
    """Everything one document gave: members, rejected rows, notes, row accounting."""

    members: tuple[Member, ...] = ()
    rejected: tuple[RejectedRow, ...] = ()
    notes: tuple[Note, ...] = ()
    row_outcomes: tuple[RowOutcome, ...] = ()
    table_count: int = 0
    source_format: str = ""
    source_name: str | None = None
    encoding: str | None = None  # how bytes were decoded; None when text was given

    def __iter__(self) -> Iterator[Member]:
        return iter(self.members)

    def __len__(self) -> int:
        return len(self.members)

    def to_records(self) -> list[dict[str, Any]]:
        """The members as JSON-ready dicts (see :meth:`Member.to_dict`)."""
        return [member.to_dict() for member in self.members]

    def to_dataframe(self, *, provenance: bool = False) -> pd.DataFrame:
        """The members as a pandas DataFrame with string, category and Int64 dtypes.

        With ``provenance=True``, each field also gets ``<field>_rule`` and
        ``<field>_evidence`` columns: how its value was obtained, from what text.
        """
        # Imported here so that importing the package does not import pandas.
        from icor_extract.adapters.dataframe import members_to_dataframe  # noqa: PLC0415

        return members_to_dataframe(self.members, provenance=provenance)

    def fill_from(self, other: Extraction) -> Extraction:
        """A copy whose empty country, continent, year and link are taken from the matched
        member of ``other`` (another version of the page); see ``docs/compare.md``."""
        from icor_extract.versions.fill import fill_from  # noqa: PLC0415 - model imports nothing

        return fill_from(self, other)

    def _repr_html_(self) -> str:
        from icor_extract.adapters.html_repr import extraction_html  # noqa: PLC0415

        return extraction_html(self)


__all__ = [
    "CONTINENT_CODES",
    "NOWHERE",
    "Errors",
    "Extraction",
    "Format",
    "Layout",
    "Location",
    "Member",
    "Note",
    "NoteCode",
    "Provenance",
    "RejectedRow",
    "RowKind",
    "RowOutcome",
    "Rule",
    "Status",
    "Variant",
]
