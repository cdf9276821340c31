"""The non-member tests' first-character shortcuts give what the patterns give (round seven).

Round nine: both tests read the first character of the unstripped text, and strip
only a text that starts with white space or a character that may start what they look for.

``summary_row`` tries its pattern only on a cell starting with a character the
pattern can start with, and ``not_an_organization`` looks a text up among the
placeholders only when it starts with a character a placeholder can start with.
"""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from icor_extract.model import Rule
from icor_extract.readers.raw import RawCell
from icor_extract.repair.nonmember import (
    _NOT_NAME_FIRST,
    _PLACEHOLDER_START,
    _PLACEHOLDERS,
    _SUMMARY,
    _SUMMARY_START,
    _TRAILING_REMARK,
    _WHITESPACE,
    not_an_organization,
    summary_row,
)

_EVERY_CHAR = [chr(code) for code in range(0x110000) if not 0xD800 <= code < 0xE000]


def test_the_summary_pattern_starts_only_with_the_listed_characters() -> None:
    words = re.search(r"\(\?:(.*?)\)", _SUMMARY.pattern)
    assert words is not None
    firsts = "".join(sorted({word[0] for word in words.group(1).split("|")}))
    starts = re.compile(f"[{firsts}]", re.IGNORECASE)
    assert {char for char in _EVERY_CHAR if starts.match(char)} == _SUMMARY_START


def test_a_placeholder_starts_only_with_the_listed_characters() -> None:
    firsts = {placeholder[0] for placeholder in _PLACEHOLDERS}
    folding = {char for char in _EVERY_CHAR if char.casefold()[:1] in firsts}
    assert folding <= _PLACEHOLDER_START


def test_the_white_space_is_what_strip_takes_off() -> None:
    assert {char for char in _EVERY_CHAR if not char.strip()} == _WHITESPACE


def _not_an_organization_long_way(cell: RawCell) -> tuple[Rule, str] | None:
    """``not_an_organization`` with no first-character shortcut: every text stripped."""
    text = cell.text
    return not_an_organization(RawCell(text=f" {text}", footnotes=cell.footnotes))


def test_a_text_not_stripped_starts_as_no_placeholder_mark_number_or_brackets() -> None:
    """A text starting otherwise is a name: the shortcut agrees with the stripping way on
    the code points below U+3100 (white space, marks, signs, the placeholders' letters)."""
    for char in _EVERY_CHAR[:0x3100]:
        if char not in _NOT_NAME_FIRST and not char.isdecimal():
            assert _not_an_organization_long_way(RawCell(text=char + " (1)")) is None, repr(char)


def _summary_long_way(cells: tuple[RawCell, ...]) -> tuple[Rule, str] | None:
    """Round six's test: the pattern tried on every cell with text."""
    for cell in cells:
        text = cell.text.strip()
        if text and _SUMMARY.match(text):
            return Rule.REJECTED_SUMMARY, f"a summary row ('{text}')"
    return None


def _placeholder_long_way(cell: RawCell) -> bool:
    text = cell.text.strip()
    bare = _TRAILING_REMARK.sub("", text).rstrip(":：").strip().casefold()
    return bool(text) and bare in _PLACEHOLDERS


_PIECES = [
    "总计", "總計", "Total", "TOTALS", "ſum", "SUM", "Grand  total", "sub-Total", "小計",
    "独立人士", "İndependent", "ſource", "Vacant", "N/A", "无", "备注", "甲党", "1990",
    " ", "\n", "\u3000", "\xa0", ":", "：", "(x)", "（注）", "()", "（）", ")", "）", "187", ",",
    "-", "ß", "ẞ", "ﬆ", "t", "s",
]  # fmt: skip
_TEXTS = st.lists(st.sampled_from(_PIECES), max_size=4).map("".join)


@given(_TEXTS, st.sampled_from(["", "x", "乙", "0", "٣", "-", "(", " ", "\u3000"]))
def test_no_organization_is_found_as_the_stripping_way_finds_it(text: str, first: str) -> None:
    cell = RawCell(text=first + text, footnotes=("[1]",) if not text else ())
    assert not_an_organization(cell) == _not_an_organization_long_way(cell)


@given(st.lists(_TEXTS, max_size=4))
def test_summary_rows_are_found_as_the_pattern_finds_them(texts: list[str]) -> None:
    cells = tuple(RawCell(text=text) for text in texts)
    assert summary_row(cells) == _summary_long_way(cells)


@given(_TEXTS)
def test_placeholders_are_found_as_the_long_way_finds_them(text: str) -> None:
    found = not_an_organization(RawCell(text=text))
    placeholder = found is not None and "is not an organization" in found[1]
    assert placeholder is _placeholder_long_way(RawCell(text=text))
