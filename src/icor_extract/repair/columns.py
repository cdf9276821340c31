"""Which column holds what: roles found from the header text.

A membership table is recognised by its header, not by its position on the
page: 大洲 | 国家 | 政党或组织 | 加入时间 and their usual variants in
Simplified Chinese, Traditional Chinese and English.  A header cell matches a
role when its text, folded, is one of the role's names, or failing that
contains one of the role's keywords.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum
from functools import lru_cache

from icor_extract.grid import Grid
from icor_extract.readers.raw import RawTable

__all__ = [
    "HEADER_SEARCH_ROWS",
    "Header",
    "Role",
    "exact_role",
    "find_header",
    "header_texts",
    "role_of",
]


class Role(StrEnum):
    CONTINENT = "continent"
    COUNTRY = "country"
    ORGANIZATION = "organization"
    JOINED = "joined"


_NAMES: dict[Role, frozenset[str]] = {
    Role.CONTINENT: frozenset(
        "大洲 洲 洲别 洲別 大陆 大陸 地区 地區 区域 區域 continent region".split()
    ),
    Role.COUNTRY: frozenset(
        """国家 國家 国家/地区 國家/地區 国家或地区 國家或地區 国别 國別 所属国家 所屬國家
        country countries country/territory nation state""".split()
    ),
    Role.ORGANIZATION: frozenset(
        """政党或组织 政黨或組織 政党 政黨 党派 黨派 组织 組織 团体 團體 成员 成員 成员党 成員黨
        成员组织 成員組織 名称 名稱 党名 黨名 party parties organization organisation
        organizations organisations member members name party/organization
        party/organisation group""".split()
    ),
    Role.JOINED: frozenset(
        """加入时间 加入時間 加入年份 加入日期 加入 入会时间 入會時間 入盟时间 入盟時間
        成为成员 成為成員 年份 joined since admitted year yearjoined datejoined
        membershipsince memberssince""".split()
    ),
}

# Substrings that decide a role when no name matches whole, tried in this order
# (so 政党或组织 is an organization even though it contains neither year nor 国).
_KEYWORDS: tuple[tuple[Role, tuple[str, ...]], ...] = (
    (Role.JOINED, ("加入", "入会", "入會", "join", "admit", "since")),
    (Role.ORGANIZATION, ("政党", "政黨", "组织", "組織", "party", "organi", "member")),
    (Role.COUNTRY, ("国家", "國家", "country")),
    (Role.CONTINENT, ("大洲", "continent")),
)

_FOLD = re.compile(r"[\s()（）\[\]【】:：·・_\-–—]+")


def _fold(text: str) -> str:
    return _FOLD.sub("", text.casefold())


@lru_cache(maxsize=4096)
def exact_role(text: str) -> Role | None:
    """The role a header text names exactly (大洲, Country, 加入時間 ...), if any."""
    folded = _fold(text)
    for role, names in _NAMES.items():
        if folded in names:
            return role
    return None


@lru_cache(maxsize=4096)
def role_of(text: str) -> Role | None:
    """The role a header text names, exactly or by a keyword, if any."""
    folded = _fold(text)
    if not folded:
        return None
    exact = exact_role(text)
    if exact is not None:
        return exact
    for role, keywords in _KEYWORDS:
        if any(keyword in folded for keyword in keywords):
            return role
    return None


@dataclass(frozen=True, slots=True)
class Header:
    """The header row and the role of each of its columns (``None``: unknown).

    The header's extent is the table's working width: cells beyond it have no
    role, so a stray very wide row costs nothing in the rows after it.
    """

    row: int
    roles: tuple[Role | None, ...]

    def column(self, role: Role) -> int | None:
        try:
            return self.roles.index(role)
        except ValueError:
            return None


#: how many leading rows may hold titles above the real header row
HEADER_SEARCH_ROWS = 5


def header_texts(table: RawTable, grid: Grid, y: int) -> tuple[str, ...]:
    """The text of every slot of row ``y``, span copies included."""
    return tuple(
        table.rows[slot.row].cells[slot.cell].text if slot else "" for slot in grid.rows[y]
    )


def find_header(table: RawTable, grid: Grid) -> Header | None:
    """The first row naming an organization column and at least one other role."""
    for y in range(min(HEADER_SEARCH_ROWS, grid.height)):
        texts = header_texts(table, grid, y)
        roles: list[Role | None] = [None] * len(texts)
        seen: set[Role] = set()
        # Exact names first, keywords only for the columns left: in
        # Country | Membership | Party, "Party" is the organization, not "Membership".
        for matcher in (exact_role, role_of):
            for x, text in enumerate(texts):
                role = matcher(text) if roles[x] is None else None
                # a colspan header repeats: the first column keeps the role
                if role is not None and role not in seen:
                    roles[x] = role
                    seen.add(role)
        if Role.ORGANIZATION in seen and len(seen) >= 2:
            return Header(row=y, roles=tuple(roles))
    return None
