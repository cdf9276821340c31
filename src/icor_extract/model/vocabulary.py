"""The vocabulary every stage shares: rule names, note codes, statuses, option types.

Apart from the records so that a stage naming a rule or an option need not
know the record classes; imports nothing of the package.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Literal

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
