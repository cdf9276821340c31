"""The values the library returns: frozen, slotted, keyword-only dataclasses.

Results are immutable so they can be shared, cached and compared; sequences
inside them are tuples.  Every value that was moved or inferred carries a
:class:`Provenance` naming the rule and the evidence, so an analyst can audit
it without reading the code.  This module imports nothing of the package.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # pragma: no cover - typing only
    import pandas as pd

CONTINENT_CODES = frozenset({"AF", "AN", "AS", "EU", "NA", "OC", "SA"})


class RowKind(StrEnum):
    """What became of one source row; every row of a member table ends as one."""

    HEADER = "header"
    GROUP = "group"
    MEMBER = "member"
    REJECTED = "rejected"


@dataclass(frozen=True, slots=True, kw_only=True)
class Provenance:
    """Where one field's value came from, or why it is empty.

    ``rule`` is a stable dotted name (``country.name``, ``realign.shift`` ...)
    documented in ``docs/repair-rules.md``; ``evidence`` is the exact source
    text the rule read; ``row`` and ``column`` locate that text in its table
    (0-based; ``row`` counts the table's rows as read: every ``<tr>``, and
    every wikitext row that holds a cell, since MediaWiki drops an empty ``|-``).
    """

    field: str
    rule: str
    evidence: str = ""
    note: str = ""
    row: int | None = None
    column: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "rule": self.rule,
            "evidence": self.evidence,
            "note": self.note,
            "row": self.row,
            "column": self.column,
        }


@dataclass(frozen=True, slots=True, kw_only=True)
class Member:
    """One member of a membership table, with the provenance of its values.

    ``country`` is the country's name as the page's language writes it (CLDR);
    ``country_code`` is ISO 3166-1 alpha-2.  Both are ``None`` when nothing on
    the page supports a country; ``provenance`` then says why.  ``page`` names
    the page the member came from (a dump page's title, a file's path, the
    ``source`` given to ``parse``); ``page_id``, ``revision`` and ``timestamp``
    (ISO 8601, UTC) are set for a page read from a MediaWiki dump.
    """

    organization: str
    country: str | None
    country_code: str | None
    continent: str | None
    continent_code: str | None
    joined: int | None
    link: str | None
    section: str | None
    table: int
    row: int
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

    def provenance_of(self, field_name: str) -> Provenance | None:
        """The provenance recorded for ``field_name``, if any."""
        for item in self.provenance:
            if item.field == field_name:
                return item
        return None

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict whose keys are exactly this class's fields."""
        return {
            "organization": self.organization,
            "country": self.country,
            "country_code": self.country_code,
            "continent": self.continent,
            "continent_code": self.continent_code,
            "joined": self.joined,
            "link": self.link,
            "section": self.section,
            "table": self.table,
            "row": self.row,
            "footnotes": list(self.footnotes),
            "provenance": {p.field: p.to_dict() for p in self.provenance},
            "page": self.page,
            "page_id": self.page_id,
            "revision": self.revision,
            "timestamp": self.timestamp,
        }


@dataclass(frozen=True, slots=True, kw_only=True)
class RejectedRow:
    """A source row that could not become a member, with the reason."""

    table: int
    row: int
    line: int | None
    cells: tuple[str, ...]
    reason: str


@dataclass(frozen=True, slots=True, kw_only=True)
class RowOutcome:
    """The row-accounting entry: what one source row became."""

    table: int
    row: int
    kind: RowKind
    line: int | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Note:
    """A repair or reader event worth auditing (a moved value, a dropped template)."""

    code: str
    message: str
    table: int | None = None
    row: int | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Extraction:
    """Everything one document gave: members, rejected rows, notes, row accounting."""

    members: tuple[Member, ...] = ()
    rejected: tuple[RejectedRow, ...] = ()
    notes: tuple[Note, ...] = ()
    rows: tuple[RowOutcome, ...] = ()
    tables: int = 0
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

    def to_dataframe(self) -> pd.DataFrame:
        """The members as a pandas DataFrame with string, category and Int64 dtypes."""
        # Imported here so that importing the package does not import pandas.
        from icor_extract.adapters.dataframe import members_to_dataframe  # noqa: PLC0415

        return members_to_dataframe(self.members)

    def _repr_html_(self) -> str:
        from icor_extract.adapters.html_repr import extraction_html  # noqa: PLC0415

        return extraction_html(self)


__all__ = [
    "CONTINENT_CODES",
    "Extraction",
    "Member",
    "Note",
    "Provenance",
    "RejectedRow",
    "RowKind",
    "RowOutcome",
]
