"""Hostile and broken input: bounded work, encodings, safe parsing, an audit trail.

The large documents are the ones ``benchmarks/hostile_inputs.py`` measures;
here they are only checked for what comes out (no timing assertions).
"""

from __future__ import annotations

from pathlib import Path

import pytest

import icor_extract
from icor_extract import DecodingError
from icor_extract.grid import MAX_COLSPAN, build_grid
from icor_extract.readers.markdown import read_markdown

from . import hostile
from .conftest import fixture_path


def test_huge_spans_cost_the_clamps() -> None:
    (table,) = read_markdown(hostile.huge_spans())
    grid = build_grid(table)
    assert grid.height == 3
    assert grid.width == 1 + MAX_COLSPAN + 2
    assert grid.clipped == ((1, 0),)


def test_deeply_nested_tables() -> None:
    extraction = icor_extract.parse(hostile.nested_html_tables())
    assert extraction.table_count == 301
    assert extraction.members[0].organization == "甲党"
    wikitext = icor_extract.parse(hostile.nested_wikitext_tables())
    assert wikitext.table_count == 301
    assert wikitext.members[0].country_code == "IN"


@pytest.mark.slow
def test_many_tables() -> None:
    extraction = icor_extract.parse(hostile.many_tables(20_000))
    assert len(extraction.members) == 20_000
    assert extraction.members[-1].section == "19999"


@pytest.mark.slow
def test_a_row_of_200000_cells_is_noted_not_read() -> None:
    extraction = icor_extract.parse(hostile.wide_row())
    # the wide row's first four cells ("x") make a member; the other 199,996 are noted
    assert len(extraction.members) == 102
    assert [n.message for n in extraction.notes if n.row == 2] == [
        "199996 cells beyond the header's 4 columns not read"
    ]


@pytest.mark.slow
def test_a_row_of_wide_colspans_stays_within_the_slot_budget() -> None:
    extraction = icor_extract.parse(hostile.wide_row_of_colspans())
    assert any(n.code == "grid.degraded" for n in extraction.notes)
    assert len(extraction.members) == 1


@pytest.mark.slow
def test_ten_megabyte_page() -> None:
    page = hostile.ten_megabyte_page()
    assert len(page.encode()) > 10 * 2**20 * 0.9
    extraction = icor_extract.parse(page)
    assert len(extraction.members) % 52 == 0
    assert len(extraction.members) > 50_000
    assert not extraction.rejected


def test_no_external_entities_no_network(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET")
    page = (
        f'<?xml version="1.0"?><!DOCTYPE t [<!ENTITY xxe SYSTEM "file://{secret}">]>'
        "<html><body><table><tr><th>国家</th><th>政党</th></tr>"
        "<tr><td>印度</td><td>甲党&xxe;</td></tr></table></body></html>"
    )
    (member,) = icor_extract.parse(page).members
    assert "TOP-SECRET" not in member.organization


GB_PAGE = (
    "<table><tr><th>国家</th><th>政党</th></tr><tr><td>印度</td><td>印度共产党</td></tr></table>"
)
BIG5_PAGE = (
    "<table><tr><th>國家</th><th>政黨</th></tr><tr><td>印度</td><td>印度共產黨</td></tr></table>"
)


@pytest.mark.parametrize(("encoding", "page"), [("gb18030", GB_PAGE), ("big5", BIG5_PAGE)])
def test_chinese_legacy_encodings_are_detected(encoding: str, page: str) -> None:
    extraction = icor_extract.parse(page.encode(encoding))
    assert extraction.encoding == encoding
    assert extraction.members[0].country_code == "IN"


def test_declared_charset_is_obeyed() -> None:
    page = '<html><head><meta charset="gbk"></head><body>' + GB_PAGE + "</body></html>"
    extraction = icor_extract.parse(page.encode("gbk"))
    assert extraction.encoding == "gbk"
    assert extraction.members[0].organization == "印度共产党"


def test_named_encoding_wins() -> None:
    extraction = icor_extract.parse(GB_PAGE.encode("gb18030"), encoding="gb18030")
    assert extraction.encoding == "gb18030"


def test_undecodable_bytes_are_reported_not_replaced() -> None:
    data = b"<table><tr><th>\xe5\x9b\xbd\xe5\xae\xb6</th></tr>\x80\x81\xfe</table>"
    with pytest.raises(DecodingError) as caught:
        icor_extract.parse(data)
    assert caught.value.offset == data.index(b"\x80")


def test_markup_too_complex_for_a_full_parse_is_read_as_text() -> None:
    # mwparserfromhell needs minutes for 50,000 unclosed tags; the reader bounds it
    deep = "{|\n! 国家 !! 政党\n|-\n| 印度 || " + "<span>" * 50_000 + "[[甲党]]\n|}"
    extraction = icor_extract.parse(deep, variant="zh-hans")  # no variant.auto note
    assert extraction.members[0].organization == "甲党"
    assert [n.code for n in extraction.notes] == ["reader.dropped"]


def test_rejected_rows_carry_reason_and_position() -> None:
    page = fixture_path("cwpi.zh.md").read_text(encoding="utf-8")
    extraction = icor_extract.parse(page)
    first = extraction.rejected[0]
    line = page[: page.rindex("<tr", 0, page.index("</tbody>"))].count("\n") + 1
    assert (first.reason, first.row, first.line) == ("empty row", 30, line)


def test_notes_list_every_repair() -> None:
    extraction = icor_extract.read(fixture_path("icor.zh.md"))
    codes = [n.code for n in extraction.notes]
    assert codes.count("realign.shift") == 50
    assert codes.count("group.column") == 5
    inferred = sum(
        1
        for m in extraction.members
        if m.provenance_of("country").rule
        in {"country.name", "country.link-title", "country.row-group"}  # type: ignore[union-attr]
    )
    assert codes.count("country.inferred") == inferred == 37
