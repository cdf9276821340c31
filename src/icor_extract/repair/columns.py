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

from icor_extract.grid import Grid
from icor_extract.readers.raw import RawTable
from icor_extract.repair.short_cache import cached_when_short

__all__ = [
    "GENERIC_NAMES",
    "HEADER_SEARCH_ROWS",
    "Header",
    "Role",
    "exact_role",
    "find_header",
    "header_texts",
    "is_generic",
    "role_of",
]


class Role(StrEnum):
    CONTINENT = "continent"
    COUNTRY = "country"
    ORGANIZATION = "organization"
    JOINED = "joined"
    STATUS = "status"


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
        成员组织 成員組織 成员政党 成員政黨 名称 名稱 名字 党名 黨名 政党名 政黨名 政党名称
        政黨名稱 组织名称 組織名稱 团体名称 團體名稱 成员名称 成員名稱 中文名称原文名称
        中文名稱原文名稱 中文名称 中文名稱 原文名称 原文名稱 party parties partyname
        organization organisation organizations organisations organizationname
        organisationname member members membername name party/organization
        party/organisation group""".split()
    ),
    Role.JOINED: frozenset(
        """加入时间 加入時間 加入年份 加入日期 加入 入会时间 入會時間 入盟时间 入盟時間
        成为成员 成為成員 年份 joined since admitted year yearjoined datejoined
        membershipsince memberssince membersince""".split()
    ),
    Role.STATUS: frozenset(
        """地位 成员资格 成員資格 会员资格 會員資格 身份 状态 狀態 成员地位 成員地位
        status membership membershipstatus memberstatus""".split()
    ),
}

#: organization headers that name no organization: a table of cities has a Name
#: column too, so these need another sign that the table lists members
GENERIC_NAMES = frozenset(
    """名称 名稱 名字 中文名称原文名称 中文名稱原文名稱 中文名称 中文名稱 原文名称 原文名稱
    name""".split()
)

# Substrings that decide a role when no name matches whole, tried in this order
# (so 政党或组织 is an organization even though it contains neither year nor 国).
_KEYWORDS: tuple[tuple[Role, tuple[str, ...]], ...] = (
    (Role.STATUS, ("status", "地位", "资格", "資格")),
    (Role.JOINED, ("加入", "入会", "入會", "join", "admit", "since")),
    (Role.ORGANIZATION, ("政党", "政黨", "组织", "組織", "party", "organi", "member")),
    (Role.COUNTRY, ("国家", "國家", "country")),
    (Role.CONTINENT, ("大洲", "continent")),
    # names (中文名稱（原文名稱）) last: 国家名称 is a country
    (Role.ORGANIZATION, ("名称", "名稱", "党名", "黨名")),
)

_FOLD = re.compile(r"[\s()（）\[\]【】:：·・_\-–—]+")


def _fold(text: str) -> str:
    return _FOLD.sub("", text.casefold())


@cached_when_short(4096)
def exact_role(text: str) -> Role | None:
    """The role a header text names exactly (大洲, Country, 加入時間 ...), if any."""
    folded = _fold(text)
    for role, names in _NAMES.items():
        if folded in names:
            return role
    return None


@cached_when_short(4096)
def role_of(text: str) -> Role | None:
    """The role a header text names, exactly or by a keyword, if any."""
    folded = _fold(text)
    if not folded:
        return None
    exact = exact_role(text)
    if exact is not None:
        return exact
    found = [role for role, keywords in _KEYWORDS if any(k in folded for k in keywords)]
    # 加入的其他欧洲政党 (other parties joined) names two roles: it is neither
    if Role.JOINED in found and Role.ORGANIZATION in found:
        return None
    return found[0] if found else None


def is_generic(text: str) -> bool:
    """A header that could head any list of names (Name, 名稱), not only organizations."""
    return _fold(text) in GENERIC_NAMES


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
    if isinstance(grid.layout[y], int):  # a plain row: its cells, in order
        return tuple([cell.text for cell in table.rows[y].cells])
    return tuple(
        table.rows[slot.row].cells[slot.cell].text if slot else "" for slot in grid.row(y)
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
