"""Rows of a member table that are not members: totals, placeholders, sources.

Membership tables end with a ``总计 | 187`` row, list independent members of
parliament (``独立人士 (Indrek Tarand)``), leave a seat ``空缺`` or ``—``, or
close with a ``來源 | [11]`` line.  None of these is an organization.  Such a
row is rejected with its reason, so no later stage copies a country or a
continent into it.  The words here are generic (no organization's name).
"""

from __future__ import annotations

import re

from icor_extract.model import Rule
from icor_extract.readers.raw import RawCell

__all__ = ["is_flag_remnant", "not_an_organization", "summary_row", "without_flag_remnant"]


_SUMMARY = re.compile(
    r"^(?:总计|總計|合计|合計|共计|共計|总数|總數|总和|總和|小计|小計|累计|累計|总共|總共"
    r"|grand\s+total|sub-?total|totals?|sum)"
    r"\s*[:：]?\s*[\d,，.\s]*$",
    re.IGNORECASE,
)
# What a text the pattern matches may start with: its words' first characters and
# what matches them regardless of case (a test checks every code point).  A cell
# starting otherwise is not tried: a failed match costs a dozen times this test.
_SUMMARY_START = frozenset("总總合共小累gstGSTſ")

# Texts that stand where an organization would, and are none: people without a
# party, empty seats, unknowns, dashes, and the page's own source notes.
_PLACEHOLDERS = frozenset(
    """独立人士 獨立人士 独立 獨立 独立候选人 獨立候選人 无党派 無黨派 无党派人士 無黨派人士 无党籍
    無黨籍 无所属 無所屬 空缺 出缺 悬空 懸空 待定 未知 不详 不詳 无 無 暂无 暫無 来源 來源
    资料来源 資料來源 出处 出處 注释 注釋 注解 註解 备注 備註 参考 參考 参考资料 參考資料
    independent independents non-attached nonattached non-inscrits non-inscrit vacant vacancy
    none unknown n/a tbd tba source sources note notes""".split()
)
# What ``str.strip`` takes off: every character ``str.isspace`` accepts (a test checks
# every code point).  A text that starts with none of them starts as it does stripped.
_WHITESPACE = frozenset(
    "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005"
    "\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000"
)
# What a cell's text that may be a summary starts with, unstripped: what the pattern
# starts with, or white space to strip first.  Most cells start otherwise: not stripped.
_SUMMARY_FIRST = _SUMMARY_START | _WHITESPACE
# What a stripped text that is a placeholder may start with: the placeholders'
# first characters, their capitals, and the characters whose case folding starts
# with one of them (ß, İ, ſ, ẗ, ẞ, ﬅ, ﬆ; a test checks every code point).
_PLACEHOLDER_START = frozenset(
    {placeholder[0] for placeholder in _PLACEHOLDERS}
    | {placeholder[0].upper() for placeholder in _PLACEHOLDERS}
    | set("ßİſẗẞﬅﬆ")
)
# A trailing remark names the person or the seat, not an organization:
# 独立人士 (Indrek Tarand), Independent (2 MEPs).
_TRAILING_REMARK = re.compile(r"\s*[（(][^（）()]*[）)]\s*$")
_ONLY_MARKS = re.compile(r"^[\s\-–—―‐‑‒−~～?？.…·•*/]+$")
_ONLY_NUMBER = re.compile(r"^[\s\d,，.%+\-–—/]*\d[\s\d,，.%+\-–—/]*$")
# What a stripped text matching either pattern may start with: a mark or a sign (a
# digit is ``str.isdecimal``, as ``\d`` is).  A name starts with neither, and skips both.
_MARK_OR_NUMBER = frozenset("-–—―‐‑‒−~～?？.…·•*/,，%+")
_OPENING = "(（"
# What a cell's text that may hold no name starts with, unstripped (or a decimal digit):
# white space, a bracket, a mark or a sign, a placeholder's first character.
_NOT_NAME_FIRST = _WHITESPACE | frozenset(_OPENING) | _MARK_OR_NUMBER | _PLACEHOLDER_START
# Empty brackets before a name, one pair or more: what is left of flag templates a conversion
# dropped (``() 加泰罗尼亚共和左翼``).
_EMPTIED_FLAG = re.compile(r"^(?:[（(]\s*+[）)]\s*+)++")


def without_flag_remnant(text: str) -> str:
    """The name without the empty brackets a dropped flag left before it."""
    return _EMPTIED_FLAG.sub("", text) if text[:1] in _OPENING else text


def is_flag_remnant(line: str) -> bool:
    """Whether a line of a cell is nothing but a dropped flag's empty brackets: no name."""
    return line[:1] in _OPENING and not without_flag_remnant(line)


def summary_row(cells: tuple[RawCell, ...]) -> tuple[Rule, str] | None:
    """``(rule, reason)`` when one of the row's cells says it sums up the table."""
    for cell in cells:
        # an empty text (most rows hold some), or one starting as no summary, is not stripped
        if (
            (text := cell.text)
            and text[0] in _SUMMARY_FIRST
            and (text := text.strip())
            and text[0] in _SUMMARY_START
            and _SUMMARY.match(text)
        ):
            return Rule.REJECTED_SUMMARY, f"a summary row ('{text}')"
    return None


def not_an_organization(cell: RawCell) -> tuple[Rule, str] | None:
    """``(rule, reason)`` when the organization cell holds no organization."""
    text = cell.text
    # most names start with a character that starts none of the texts below: not stripped
    if text and (first := text[0]) not in _NOT_NAME_FIRST and not first.isdecimal():
        return None
    text = text.strip()
    if not text:
        if cell.footnotes:
            marks = " ".join(cell.footnotes)
            return (
                Rule.REJECTED_NOT_AN_ORGANIZATION,
                f"the organization cell holds only a footnote mark {marks}",
            )
        return None
    first = text[0]  # read once: a CJK character is a new string each time it is read
    only = _holds_only(text, first)
    if only is not None:
        return Rule.REJECTED_NOT_AN_ORGANIZATION, f"the organization cell holds only {only}"
    # the bare text is empty or starts with the text's first character folded
    if first in _PLACEHOLDER_START and _bare(text) in _PLACEHOLDERS:
        return Rule.REJECTED_NOT_AN_ORGANIZATION, f"'{text}' is not an organization"
    return None


def _holds_only(text: str, first: str) -> str | None:
    """What a stripped text that is no name holds (marks, a number, a dropped flag's empty
    brackets), tried only when its first character can start one of them."""
    if first in _OPENING:
        if all(is_flag_remnant(line) for line in text.split("\n")):
            return f"empty brackets ('{text}'), what a dropped flag leaves"
    elif first in _MARK_OR_NUMBER or first.isdecimal():  # else neither pattern can match
        if _ONLY_MARKS.match(text):
            return f"'{text}'"
        if _ONLY_NUMBER.match(text):
            return f"a number ('{text}')"
    return None


def _bare(text: str) -> str:
    """A stripped text without its trailing remark and colons, case-folded."""
    # a stripped text ends with the remark's bracket, or it has none to take off
    remark = text.endswith((")", "）"))
    return (_TRAILING_REMARK.sub("", text) if remark else text).rstrip(":：").strip().casefold()
