"""Whether a table lists members, and which columns it uses when its header misleads.

A header naming an organization column and another role is the first sign of
a member table.  A generic name column (``Name``, ``名稱``) is not enough on
its own, since a list of cities has one too: the table must then sit under a
membership heading or caption, or its names must look like organizations'.
Two header repairs are made here, each noted: a header whose organization
cell lost a colspan (every row's first cell empty, the names one column to
the right), and a header-less table that continues the member table before it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from icor_extract.grid import Grid
from icor_extract.model import NoteCode
from icor_extract.readers.raw import RawTable
from icor_extract.repair.columns import Header, Role, find_header, header_texts, is_generic
from icor_extract.repair.content import Content, classify
from icor_extract.repair.status_words import status_from_heading

__all__ = [
    "MemberTable",
    "continued_header",
    "member_header",
    "membership_cue",
    "organization_like",
    "shifted_header",
    "why_not_members",
]

# Words that organizations' names carry and the names of places, people and
# things rarely do; generic, in Chinese and English.
_ORGANIZATION_WORD = re.compile(
    r"党|黨|组织|組織|联盟|聯盟|同盟|阵线|陣線|协会|協會|联合会|聯合會|工会|工會|运动|運動|团体|團體"
    r"|集团|集團|委员会|委員會|联合|聯合|中心|小组|小組|支部|协调|協調|国际|國際|团结|團結|社|会|會"
    r"|\b(?:party|parti|partido|partito|partei|union|league|front|movement|alliance|federation"
    r"|organi[sz]ation|association|committee|congress|group|workers|communists?|socialists?"
    r"|greens?|coalition|council|bloc|collective|platform|network|society)\b",
    re.IGNORECASE,
)
_NUMBER = re.compile(r"^[\s\d,，.%+\-–—/]*\d[\s\d,，.%+\-–—/]*$")


@dataclass(frozen=True, slots=True)
class MemberTable:
    """A header to read a table with, and what was repaired to get it."""

    header: Header
    note: tuple[NoteCode, str] | None = None  # (code, message) of a repaired header


def organization_like(names: list[str]) -> bool:
    """At least half the names carry an organization word, and none is a number."""
    names = [name for name in names if name]
    if not names or any(_NUMBER.match(name) for name in names):
        return False
    return 2 * sum(1 for name in names if _ORGANIZATION_WORD.search(name)) >= len(names)


def membership_cue(table: RawTable) -> str | None:
    """The caption or heading over the table that speaks of members, if any."""
    texts: list[str | None] = [table.caption, *(table.headings or (table.section,))]
    for text in texts:
        if text and status_from_heading(text) is not None:
            return text
    return None


def _column_texts(table: RawTable, grid: Grid, header: Header, x: int) -> list[str]:
    """The text each body row holds in column ``x`` (span copies included; a row too short
    to reach it holds nothing there)."""
    rows = (header_texts(table, grid, y) for y in range(header.row + 1, grid.height))
    return [texts[x] if x < len(texts) else "" for texts in rows]


def why_not_members(table: RawTable, grid: Grid, header: Header) -> str | None:
    """Why a table whose header has an organization column lists no members, or ``None``.

    Only a generic name column needs more: a membership heading or caption,
    or another known column (country, continent, year joined, status) and
    names that look like organizations'.
    """
    x = header.column(Role.ORGANIZATION)
    if x is None:
        return "no organization column"
    title = header_texts(table, grid, header.row)[x]
    if not is_generic(title) or membership_cue(table) is not None:
        return None
    names = _column_texts(table, grid, header, x)
    others = {role for role in header.roles if role is not None} - {Role.ORGANIZATION}
    if others and organization_like(names):
        return None
    sample = ", ".join(name for name in names[:3] if name)
    return (
        f"its name column is headed only '{title}', it is under no membership heading or "
        f"caption, and its names ({sample}) do not look like organizations'"
    )


def shifted_header(table: RawTable, grid: Grid, header: Header) -> MemberTable | None:
    """The header with its organization cell widened by one column, when the rows say so.

    Every body row leaves the organization column empty and writes a name
    (not a country, year or continent) in the column to its right: the
    header's organization cell spanned a second column (a colour bar, a flag)
    and lost that span in a conversion.
    """
    x = header.column(Role.ORGANIZATION)
    if x is None or x + 1 >= len(header.roles):
        return None
    rows = [table.rows[y] for y in range(header.row + 1, grid.height) if table.rows[y].cells]
    if len(rows) < 2:
        return None
    for row in rows:
        cells = row.cells
        if len(cells) <= x + 1 or cells[x].text or cells[x].flags:
            return None
        if classify(cells[x + 1]) is not Content.TEXT:
            return None
    roles = (*header.roles[:x], None, *header.roles[x:])
    message = (
        f"every row leaves column {x} empty and writes its name in column {x + 1}: "
        f"the header's organization cell is read as spanning columns {x} and {x + 1}"
    )
    return MemberTable(Header(row=header.row, roles=roles), (NoteCode.HEADER_SHIFTED, message))


def continued_header(
    table: RawTable, previous: int | None, header: Header | None
) -> MemberTable | None:
    """The previous member table's columns for a header-less table that continues it.

    The table must directly follow that table, sit under a membership heading,
    and have rows exactly as wide as that table's header.
    """
    if previous is None or header is None or table.index != previous + 1:
        return None
    if membership_cue(table) is None or not table.rows:
        return None
    width = len(header.roles)
    if any(len(row.cells) != width for row in table.rows if row.cells):
        return None
    message = (
        f"no header row: the table directly follows member table {previous} "
        f"under a membership heading and is as wide, so it is read with its columns"
    )
    return MemberTable(Header(row=-1, roles=header.roles), (NoteCode.HEADER_CONTINUED, message))


def member_header(
    table: RawTable, grid: Grid, previous: tuple[int, Header] | None
) -> tuple[MemberTable | None, str]:
    """The header to read ``table`` with, or ``None`` and why it lists no members.

    ``previous`` is the index of the last member table read before this one
    and its header (the caller need not keep that table).
    """
    header = find_header(table, grid)
    if header is None:
        continued = continued_header(table, *previous) if previous is not None else None
        if continued is not None:
            return continued, ""
        return None, "no header naming an organization column and another role"
    reason = why_not_members(table, grid, header)
    if reason is not None:
        return None, reason
    return shifted_header(table, grid, header) or MemberTable(header), ""
