"""Fast constructors for the records that a parse builds per row.

Kept apart from the record classes: these bypass the frozen ``__init__`` on
purpose, which only the stages' hot loops need (see :func:`draft_class`).
"""

from __future__ import annotations

from functools import wraps
from typing import Any

from icor_extract.model.located import Location, Member, Note, Provenance, RowOutcome
from icor_extract.model.vocabulary import Layout, NoteCode, RowKind, Rule, Status


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
    equality, hash, repr, pickling and frozenness).  The twin has no
    ``__init__`` of its own, so calling it gives an empty instance, about
    60 ns sooner than ``object.__new__(twin)``, a call through the generic
    ``__new__`` wrapper.
    """
    slots = record.__dict__["__slots__"]
    return type(f"_{record.__name__}Draft", record.__bases__, {"__slots__": slots})


_LocationDraft = draft_class(Location)


def new_location(table: int | None, row: int | None, line: int | None, layout: Layout) -> Location:
    """``Location(table=table, row=row, line=line, layout=layout)``, built faster.

    For :meth:`RawTable.locations <icor_extract.readers.raw.RawTable.locations>`,
    one per row of every table: a draft (:func:`draft_class`) filled and made a
    ``Location`` (``Location`` has no ``__post_init__``; tests compare the two).
    """
    location: Any = _LocationDraft()
    location.table = table
    location.row = row
    location.line = line
    location.layout = layout
    location.__class__ = Location
    return location  # type: ignore[no-any-return]


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
    provenance: Any = _ProvenanceDraft()
    provenance.field = field
    provenance.rule = rule
    provenance.evidence = evidence
    provenance.note = note
    provenance.location = location
    provenance.column = column
    provenance.__class__ = Provenance
    return provenance  # type: ignore[no-any-return]


_MemberDraft = draft_class(Member)


def fill_member(  # noqa: PLR0917 - positional on purpose, as new_provenance
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
    """:func:`new_member` without ``Member``'s checks (``__post_init__``), for a caller
    whose values pass them by construction.

    The records stage: its country codes are ISO 3166-1 alpha-2 codes of the
    country index, its continent codes those of :mod:`~icor_extract.geo.continents`,
    its statuses ``Status`` members (tests check each source against the checks).
    A name is not empty either (the realignment rejects a row without one), but
    no type says so: the stage runs the checks should one be empty, so that a bug
    is an error, not a record.  The checks cost about 0.3 µs a member.
    """
    member: Any = _MemberDraft()
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
    return member  # type: ignore[no-any-return]


@wraps(fill_member, assigned=())  # its signature (inspect follows __wrapped__), not its doc
def new_member(*fields: Any, **named: Any) -> Member:
    """``Member(organization=organization, ...)``, every field given, built faster.

    Internal, for the records stage, as :func:`new_provenance` (a draft
    filled field by field, in a straight line: a loop over the fields costs
    what it saves; the arguments by position, in the order of the fields:
    eighteen keyword arguments cost more to match than the slots to set);
    the same checks run (``__post_init__``), so a value that
    ``Member`` refuses is refused here with the same error.  The fields are
    :func:`fill_member`'s, by position or keyword; the stage calls this for a
    member whose values may fail the checks.
    """
    member = fill_member(*fields, **named)
    member.__post_init__()
    return member


_RowOutcomeDraft = draft_class(RowOutcome)


def new_row_outcome(location: Location, kind: RowKind) -> RowOutcome:
    """``RowOutcome(location=location, kind=kind)``, built faster (one per source row)."""
    outcome: Any = _RowOutcomeDraft()
    outcome.location = location
    outcome.kind = kind
    outcome.__class__ = RowOutcome
    return outcome  # type: ignore[no-any-return]


_NoteDraft = draft_class(Note)


def new_note(code: NoteCode, message: str, location: Location) -> Note:
    """``Note(code=code, message=message, location=location)``, built as
    :func:`new_provenance` builds a provenance (for a stage that notes most rows;
    by position there, as :func:`new_provenance`, or by keyword)."""
    note: Any = _NoteDraft()
    note.code = code
    note.message = message
    note.location = location
    note.__class__ = Note
    return note  # type: ignore[no-any-return]
