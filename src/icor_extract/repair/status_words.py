"""A member's status from the page's words: headings, status cells, annotations.

Membership pages state a status in three ways: a section heading over the
members (``前成员``, ``观察员``, ``Observers``), a status column (``正式成员``),
or a remark after the organization's name (``德国共产党－红色黎明（2008年被开除）``).
This module reads those words; it knows no organization.  It is pure: text
in, a :class:`~icor_extract.model.Status` and the page's own words out;
which of a member's sources wins is :mod:`.status`'s to decide.

Decisions (documented in ``docs/repair-rules.md``):

- ``former`` covers left, expelled, dissolved, ceased, merged and replaced;
- ``partner`` covers friendly, sympathising, fraternal, associate and partner
  organizations (友好组织, 同情组织, associate members);
- a heading that names two different statuses (``成员与观察员``) gives none;
- a trailing parenthesis is a status annotation only when it holds a status
  word, or a year with a verb of leaving, joining or suspension; anything
  else (``（马列）``, ``(1990年)``, ``（1990年成立）``) is part of the name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from icor_extract.model import Status
from icor_extract.repair.short_cache import cached_when_short

__all__ = ["Annotation", "split_status_annotation", "status_from_heading", "status_from_text"]

# Status words, Simplified, Traditional and English.  Longer words are tried
# first, so 前成员 is ``former`` and not the ``member`` of 成员.
_WORDS: dict[Status, tuple[str, ...]] = {
    Status.FORMER: (
        *"""前成员 前成員 前会员 前會員 前支部 前成员党 前成員黨 原成员 原成員
        前任成员 前任成員 过去的成员 過去的成員 曾经的成员 曾經的成員 已退出
        已解散 已除名 已开除 已開除 退出的成员 退出的成員 退出成员 退出成員 除名
        开除 開除 停止活动 停止活動 不再活动 不再活動 former ex-members expelled
        dissolved defunct withdrawn""".split(),
        "former member",
        "former members",
        "past members",
    ),
    Status.OBSERVER: (
        *"""常驻观察员 常駐觀察員 观察员党 觀察員黨 观察员组织 觀察員組織 观察员
        觀察員 观察成员 觀察成員 observers observer""".split(),
        "observer members",
        "observer parties",
    ),
    Status.CANDIDATE: (
        *"""候选成员 候選成員 候补成员 候補成員 候选会员 候選會員 候选 候選 候补
        候補 candidates candidate""".split(),
        "candidate members",
    ),
    Status.PARTNER: (
        *"""友好组织 友好組織 友好政党 友好政黨 友党 友黨 同情组织 同情組織 合作组织
        合作組織 伙伴组织 夥伴組織 合作伙伴 合作夥伴 联系成员 聯繫成員 联系会员
        聯繫會員 准成员 準成員 伙伴 夥伴 associated associate
        fraternal partners partner friendly""".split(),
        "associate members",
    ),
    Status.SUSPENDED: (
        *"""暂停成员资格 暫停成員資格 被暂停成员 被暫停成員 暂停成员 暫停成員 被暂停
        被暫停 暂停 暫停 停权 停權 suspended""".split(),
        "suspended members",
    ),
    Status.MEMBER: (
        *"""正式成员 正式成員 正式会员 正式會員 成员党 成員黨 成员组织 成員組織 成员
        成員 会员 會員 支部 members member membership""".split(),
        "full members",
        "full member",
        "member parties",
        "member organisations",
        "member organizations",
    ),
}

# Verbs that, with a year, say what became of a member: 2010年退出, left 2010.
_VERBS: dict[Status, tuple[str, ...]] = {
    Status.FORMER: (
        *"""退出 离开 離開 脱离 脫離 被开除 被開除 开除 開除 被除名 除名 解散
        停止活动 停止活動 不再活动 不再活動 停止运作 停止運作 并入 併入 被取代
        left expelled dissolved withdrew merged
        replaced ceased defunct""".split(),
    ),
    Status.SUSPENDED: (*"""被暂停 被暫停 暂停 暫停 停权 停權 suspended""".split(),),
    Status.OBSERVER: (
        *"""成为观察员 成為觀察員 observer""".split(),
        "became observer",
    ),
    Status.MEMBER: (*"""加入 入会 入會 joined admitted""".split(),),
}

_LATIN_WORD = re.compile(r"[a-z]")
_NOT_CURRENT = "(?<![目当當之以提空眼])"


def _pattern(terms: dict[Status, tuple[str, ...]]) -> tuple[re.Pattern[str], dict[str, Status]]:
    """One alternation, longest term first; Latin terms must stand as words."""
    status_of = {term.casefold(): status for status, words in terms.items() for term in words}
    parts = []
    for term in sorted(status_of, key=len, reverse=True):
        escaped = re.escape(term)
        if term.startswith("前"):  # 目前成员 and 当前成员 are current members
            escaped = _NOT_CURRENT + escaped
        parts.append(rf"\b{escaped}\b" if _LATIN_WORD.search(term) else escaped)
    return re.compile("|".join(parts), re.IGNORECASE), status_of


_WORD, _STATUS_OF_WORD = _pattern(_WORDS)
_VERB, _STATUS_OF_VERB = _pattern(_VERBS)
#: any character of a status word or verb, matched as the two patterns match them
#: (case-insensitively: ``S`` and ``ſ`` are an ``s`` too)
_TERM_CHAR = re.compile(
    "["
    + "".join(sorted({re.escape(c) for term in (*_STATUS_OF_WORD, *_STATUS_OF_VERB) for c in term}))
    + "]",
    re.IGNORECASE,
)
# "Former" before any status word makes it former: 前同情组织, 前常驻观察员, Former observers.
_FORMER_PREFIX = re.compile(
    rf"(?:{_NOT_CURRENT}前任?|原|过去的|過去的|曾经的|曾經的|\bformer\s+|\bex-|\bpast\s+)(?:{_WORD.pattern})",
    re.IGNORECASE,
)
_YEAR = re.compile(r"(?<!\d)(1[89]\d\d|20\d\d)(?!\d)")
# A parenthesis (full or half width) at the very end of a name.
_TRAILING = re.compile(r"\s*[（(]([^（）()]*)[）)]\s*$")
# What an annotation may hold besides status words, verbs and years: 2002年左右停止活动,
# 2010年加入，2015年退出, left in 2010.  Anything else (第四国际日本支部) makes it a description.
_FILLER = re.compile(
    r"[\s\d年月日左右约約于於在被后後来來再重新曾并並已及和与與，,、;；.:：\-–—]+"
    r"|\b(?:in|since|and|then|later|as|an|a|the|re)\b",
    re.IGNORECASE,
)


def _word_matches(text: str) -> list[tuple[int, int, Status]]:
    """(start, end, status) of every status word; a 前/former prefix makes it ``former``."""
    found = [(m.start(), m.end(), Status.FORMER) for m in _FORMER_PREFIX.finditer(text)]
    taken = [(start, end) for start, end, _ in found]
    found += [
        (m.start(), m.end(), _STATUS_OF_WORD[m.group(0).casefold()])
        for m in _WORD.finditer(text)
        if not any(start <= m.start() < end for start, end in taken)
    ]
    return sorted(found)


def _verb_matches(text: str) -> list[tuple[int, int, Status]]:
    return [
        (m.start(), m.end(), _STATUS_OF_VERB[m.group(0).casefold()]) for m in _VERB.finditer(text)
    ]


def _statuses(text: str) -> set[Status]:
    return {status for _, _, status in _word_matches(text)}


@cached_when_short(1024)
def status_from_heading(text: str) -> tuple[Status, str] | None:
    """The status a section heading or caption gives the members under it.

    ``(status, note)``: the note quotes the heading.  ``None`` when the heading
    names no status, or names two different ones (``成员与观察员``).  A plain
    membership heading (成员, 会员, Members) gives ``member``, so a caller may
    also use this to tell a membership heading from any other.
    """
    found = _statuses(text)
    if len(found) != 1:
        return None
    (status,) = found
    return status, f"under the heading '{text.strip()}'"


def status_from_text(text: str) -> Status | None:
    """The status a status cell states (``正式成员``, ``观察员``, ``Observer``), or ``None``.

    The cell must name exactly one status, whether as a status word or as a
    year with a verb (``2010年退出``).
    """
    found = _statuses(text)
    if _YEAR.search(text):
        found |= {status for _, _, status in _verb_matches(text)}
    return found.pop() if len(found) == 1 else None


@dataclass(slots=True)
class Annotation:
    """What :func:`split_status_annotation` found after a name (not frozen: one per name)."""

    name: str  # the name without the annotation
    status: Status | None  # None: no annotation, the name is unchanged
    left: int | None = None
    note: str | None = None  # the annotation's own words, without brackets


def _annotation(inner: str) -> tuple[Status, int | None] | None:
    """(status, year left) of a parenthesis' text, or ``None`` if it is part of a name.

    A remark holding no character of any status word or verb (（马列）, （火炬）)
    can name no status (each word, and each 前/former prefix, is matched with a
    word after it), so it is not read with the long alternations.
    """
    if _TERM_CHAR.search(inner) is None:
        return None
    return _read_annotation(inner)


@cached_when_short(4096)
def _read_annotation(inner: str) -> tuple[Status, int | None] | None:
    """:func:`_annotation`, the long way (cached: pages repeat the same few remarks,
    （马列）, （观察员）, （2010年退出）)."""
    found = _word_matches(inner)
    years = _YEAR.findall(inner)
    if years:  # a verb says something only with a year: 2010年退出, left 2010
        found += _verb_matches(inner)
    if not found or _describes(inner, found):
        return None
    # The last status the remark names is the current one: 2019年退出，后重新加入.
    at, _, status = max(found)
    if status is not Status.FORMER:
        return status, None
    # The year left is the last one written before the verb (2010年加入，2015年退出),
    # else the only one (left 2010).
    before = [int(m.group(1)) for m in _YEAR.finditer(inner) if m.start() < at]
    left = before[-1] if before else (int(years[0]) if len(years) == 1 else None)
    return status, left


def _describes(inner: str, found: list[tuple[int, int, Status]]) -> bool:
    """Whether a parenthesis says more than a status: ``第四国际日本支部`` is a description."""
    rest = list(inner)
    for start, end, _ in found:
        rest[start:end] = " " * (end - start)
    return bool(_FILLER.sub("", "".join(rest)).strip())


def split_status_annotation(name: str) -> Annotation:
    """Take a status remark off the end of an organization's name.

    ``德国共产党－红色黎明（2008年被开除）`` gives the name ``德国共产党－红色黎明``,
    ``former``, left 2008, note ``2008年被开除``.  Several remarks
    (``X（观察员）（2015年退出）``) are all taken; the last one written gives the
    status.  A parenthesis that holds no status word and no year with a verb
    (``西班牙共产党（马列）``, ``保加利亚共产党 (1990年)``) is part of the name and
    stays, as does everything before it (``智利共产党（无产阶级行动）（2010年退出）``
    keeps ``（无产阶级行动）``).
    """
    rest = name
    notes: list[str] = []
    status: Status | None = None
    left: int | None = None
    while rest.rstrip().endswith((")", "）")) and (match := _TRAILING.search(rest)) is not None:
        inner = match.group(1).strip()
        found = _annotation(inner)
        if found is None or not rest[: match.start()].strip():
            break
        if status is None:  # the last remark, read first, decides
            status, left = found
        notes.insert(0, inner)
        rest = rest[: match.start()].rstrip()
    if status is None:
        return Annotation(name=name, status=None)
    return Annotation(name=rest, status=status, left=left, note="; ".join(notes))
