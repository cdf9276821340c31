"""The shortcuts of split entries and of the non-member test give what the long way gives."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest

from icor_extract.grid import build_grid
from icor_extract.model import RowKind
from icor_extract.readers import read_tables
from icor_extract.readers.raw import Link, RawCell
from icor_extract.repair.aligned import AlignedRow, Placed, Placement
from icor_extract.repair.columns import Role
from icor_extract.repair.entries import _annotation, _entry, _lines, split_entries
from icor_extract.repair.hints import resolve_hints
from icor_extract.repair.membership import member_header
from icor_extract.repair.nonmember import _MARK_OR_NUMBER, _ONLY_MARKS, _ONLY_NUMBER
from icor_extract.repair.realign import align_rows
from icor_extract.repair.status_words import (
    _STATUS_OF_VERB,
    _STATUS_OF_WORD,
    _TERM_CHAR,
    _read_annotation,
    split_status_annotation,
)
from icor_extract.repair.status_words import _annotation as read_remark

from .conftest import fixture_path

_FORMATS = {".md": "markdown", ".html": "html", ".wikitext": "wikitext"}


def _member_rows() -> Iterator[tuple[AlignedRow, tuple[object, ...]]]:
    """Every member row of every fixture table, with its table's locations."""
    for path in sorted(fixture_path("icor.zh.md").parent.glob("*")):
        if path.suffix not in _FORMATS:
            continue
        for raw in read_tables(path.read_text(encoding="utf-8"), _FORMATS[path.suffix]):
            locations = raw.locations()
            table, _ = resolve_hints(raw, locations)
            grid = build_grid(table)
            found, _ = member_header(table, grid, None)
            if found is None:
                continue
            rows, _ = align_rows(table, grid, found.header, locations)
            for aligned in rows:
                if aligned.kind is RowKind.MEMBER:
                    yield aligned, tuple(locations)


def _row(organization: str, joined: str, links: tuple[Link, ...] = ()) -> AlignedRow:
    values = {
        Role.ORGANIZATION: Placed(RawCell(text=organization, links=links), Placement.CELL, 1, 0),
        Role.JOINED: Placed(RawCell(text=joined), Placement.CELL, 1, 1),
    }
    return AlignedRow(row=1, line=None, kind=RowKind.MEMBER, values=values)


def test_a_one_line_cell_gives_what_splitting_its_lines_gives() -> None:
    """``split_entries`` takes a cell of one line as one entry, unsplit; ``_lines`` splits."""
    made = [
        (_row("甲党（观察员）", "2010年\n2012年"), (None, None)),
        (_row("() 乙党", "2010年"), (None, None)),
        (_row("丙党 ", ""), (None, None)),
    ]
    rows = [*_member_rows(), *made]
    one_line = [(a, loc) for a, loc in rows if "\n" not in a.values[Role.ORGANIZATION].text]
    assert len(one_line) > 300
    for aligned, locations in one_line:
        organization = aligned.values[Role.ORGANIZATION]
        joined = aligned.values.get(Role.JOINED)
        joined_text = joined.text if joined is not None else ""
        fast = _entry(aligned, organization, organization.text, joined_text, ())
        assert _lines(aligned, organization, joined_text, locations) == ([fast], None)
        assert split_entries([aligned], locations) == ([fast], [])


def test_cells_of_several_lines_still_split_or_keep_their_lines() -> None:
    link = Link(text="甲党", title="甲党")
    entries, notes = split_entries([_row("甲党\n乙党", "2010年\n2012年")], (None, None))
    assert [(e.organization, e.joined_text, e.extra_lines) for e in entries] == [
        ("甲党", "2010年", ()),
        ("乙党", "2012年", ()),
    ]
    assert notes == []
    row = _row("甲党\nParty A\n（观察员）", "2010年", (link,))
    entries, notes = split_entries([row], (None, None))
    assert [(e.organization, e.joined_text, e.extra_lines) for e in entries] == [
        ("甲党", "2010年", ("Party A", "（观察员）")),
    ]
    assert entries[0].link == link
    assert entries[0].annotation is not None
    assert len(notes) == 1


_NAMES = [
    "甲党",
    "甲党（观察员）",
    "甲党（观察员） ",
    "甲党 (observer)\t",
    "甲党（马列）",
    "甲党（2010年退出）（观察员）",
    "甲党）",
    "（观察员）",
    "(observer)",
    "",
    " ",
    "甲党 （",
    "甲党(1990年)",
    "甲党（2008年被开除）",
]


@pytest.mark.parametrize("name", _NAMES)
def test_a_name_not_ending_with_a_bracket_is_not_split(name: str) -> None:
    found = split_status_annotation(name)
    annotation = _annotation(name, ())
    if found.status is None:
        assert annotation is None
    else:
        assert annotation == found
    if not name.rstrip().endswith((")", "）")):
        assert found.status is None  # what the shortcut relies on


def test_every_fixture_name_reads_the_same_with_and_without_the_shortcut() -> None:
    names = {a.values[Role.ORGANIZATION].text for a, _ in _member_rows()}
    names |= {line for name in names for line in name.split("\n")}
    assert len(names) > 100
    for name in names:
        found = split_status_annotation(name)
        assert _annotation(name, ()) == (found if found.status is not None else None)


def test_only_a_mark_a_sign_or_a_digit_may_start_a_mark_or_number_cell() -> None:
    """``not_an_organization`` tries its two patterns only on a text starting with one of these."""
    for code in range(0x20000):  # every decimal digit Unicode has is below U+20000
        char = chr(code)
        if char.isspace():
            continue  # the text is stripped
        starts = bool(_ONLY_MARKS.match(char) or _ONLY_NUMBER.match(char + "1"))
        assert starts == (char in _MARK_OR_NUMBER or char.isdecimal()), repr(char)


def test_the_status_term_characters_are_those_the_patterns_match() -> None:
    """A remark with none of these characters is not read: none may be missing."""
    every = "".join(chr(code) for code in range(0x10000) if not 0xD800 <= code < 0xE000)
    terms = {char for term in (*_STATUS_OF_WORD, *_STATUS_OF_VERB) for char in term}
    matched = {m.group() for char in terms for m in re.finditer(re.escape(char), every, re.I)}
    assert {"ſ", "S", "观"} <= matched  # case-insensitive, as the patterns are
    assert set(_TERM_CHAR.findall(every)) == matched


_REMARKS = [
    "马列", "火炬", "1990年", "观察员", "2010年退出", "2019年退出，后重新加入", "停止活动",
    "observer", "OBSERVER", "ſuspended", "Former members", "left 2010", "joined 2010",
    "第四国际日本支部", "无产阶级行动", "", " ", "前", "原", "2008年被开除", "ex-members",
]  # fmt: skip


def test_a_remark_reads_the_same_with_and_without_the_character_check() -> None:
    names = {a.values[Role.ORGANIZATION].text for a, _ in _member_rows()}
    inner = {found for name in names for found in re.findall(r"[（(]([^（）()]*)[）)]", name)}
    for remark in {*_REMARKS, *inner}:
        assert read_remark(remark) == _read_annotation(remark), remark

