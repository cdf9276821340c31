"""The export schema: the one description of a member's flat columns.

Every adapter (CSV, DataFrame, terminal table, Jupyter HTML) and through them
the CLI read their columns, titles and dtypes from here, so a column added to
:data:`COLUMNS` reaches all of them.  JSON keeps the nested shape of
:meth:`~icor_extract.model.Member.to_dict`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from icor_extract.model import Member, Provenance, Status

__all__ = [
    "COLUMNS",
    "FLAT_COLUMNS",
    "HTML_COLUMNS",
    "PROVENANCE_FIELDS",
    "STATUS_COLUMNS",
    "TABLE_COLUMNS",
    "Column",
    "column",
    "flat_row",
    "provenance_columns",
    "with_status",
]


@dataclass(frozen=True, slots=True)
class Column:
    """One flat column: its name, its pandas dtype, how to read it, its short title,
    and the field whose provenance explains its value (empty for none)."""

    name: str
    dtype: str
    value: Callable[[Member], object]
    title: str = ""
    field: str = ""

    @property
    def heading(self) -> str:
        return self.title or self.name


def _provenance_part(field: str, part: str) -> Callable[[Member], object]:
    def read(member: Member) -> object:
        provenance: Provenance | None = member.provenance_of(field)
        if provenance is None:
            return None
        value = getattr(provenance, part)
        return str(value) if part == "rule" else value

    return read


#: the flat columns of a member, in order (CSV and DataFrame columns)
COLUMNS: tuple[Column, ...] = (
    Column("continent", "category", lambda m: m.continent, field="continent"),
    Column("continent_code", "category", lambda m: m.continent_code, field="continent"),
    Column("country", "string", lambda m: m.country, field="country"),
    Column("country_code", "category", lambda m: m.country_code, title="code", field="country"),
    Column("organization", "string", lambda m: m.organization, field="organization"),
    Column("joined", "Int64", lambda m: m.joined, field="joined"),
    Column("status", "category", lambda m: m.status.value, field="status"),
    Column("left", "Int64", lambda m: m.left, field="status"),
    Column("status_note", "string", lambda m: m.status_note, field="status"),
    Column("link", "string", lambda m: m.link, field="link"),
    Column("section", "category", lambda m: m.section),
    Column("table", "Int64", lambda m: m.location.table),
    Column("row", "Int64", lambda m: m.location.row),
    Column("line", "Int64", lambda m: m.location.line),
    Column("layout", "category", lambda m: m.location.layout.value),
    Column("country_rule", "category", _provenance_part("country", "rule")),
    Column("country_note", "string", _provenance_part("country", "note")),
    Column("page", "string", lambda m: m.page),
    Column("page_id", "Int64", lambda m: m.page_id),
    Column("revision", "Int64", lambda m: m.revision),
    Column("timestamp", "datetime64[ns, UTC]", lambda m: m.timestamp),
)
FLAT_COLUMNS: tuple[str, ...] = tuple(c.name for c in COLUMNS)
#: the columns of the terminal table (``icor-extract`` with no ``--format``)
TABLE_COLUMNS = ("continent", "country", "country_code", "organization", "joined")
#: added to the terminal table and the Jupyter view when some member is not a plain member
STATUS_COLUMNS = ("status", "left")
#: the columns of an Extraction shown in Jupyter
HTML_COLUMNS = ("continent", "country", "country_code", "organization", "joined", "link")
#: the fields that carry a provenance, in the order of ``Member.provenance``
PROVENANCE_FIELDS = ("organization", "country", "continent", "joined", "link", "status")

_BY_NAME = {c.name: c for c in COLUMNS}


def provenance_columns() -> tuple[Column, ...]:
    """``<field>_rule`` and ``<field>_evidence`` for every field, beyond :data:`COLUMNS`."""
    extra = []
    for field in PROVENANCE_FIELDS:
        for part, dtype in (("rule", "category"), ("evidence", "string")):
            name = f"{field}_{part}"
            if name not in _BY_NAME:
                extra.append(Column(name, dtype, _provenance_part(field, part)))
    return tuple(extra)


def column(name: str) -> Column:
    """The column called ``name``."""
    return _BY_NAME[name]


def flat_row(member: Member, columns: tuple[Column, ...] = COLUMNS) -> dict[str, object]:
    """One member as a flat dict over ``columns``."""
    return {c.name: c.value(member) for c in columns}


def with_status(names: tuple[str, ...], members: Sequence[Member]) -> tuple[str, ...]:
    """``names``, plus the status columns when some member's status is not ``member``."""
    if any(member.status is not Status.MEMBER for member in members):
        return names + STATUS_COLUMNS
    return names
