"""Every source format gives the same members: markdown, wikitext and rendered HTML.

The seed (pandoc markdown) and the same table written by hand as wikitext and
as rendered HTML must agree on every field the seed gives; the hand-written
sources carry a flag on every row, so they also give every country.
"""

from __future__ import annotations

from typing import Any

import pytest

import icor_extract
from icor_extract import Extraction, RowKind

from .conftest import fixture_path, load_golden

SEED = load_golden("icor.zh.expected.json")
SEED_FIELDS = ("row", "organization", "link", "joined", "continent", "continent_code")
SOURCES = {
    "markdown": ("icor.zh.md", "country_code"),
    "wikitext": ("icor.handwritten.wikitext", "flag_country_code"),
    "html": ("icor.handwritten.html", "flag_country_code"),
}


@pytest.fixture(scope="module", params=list(SOURCES), ids=list(SOURCES))
def source(request: pytest.FixtureRequest) -> tuple[str, Extraction, str]:
    name, country_key = SOURCES[request.param]
    return request.param, icor_extract.read(fixture_path(name)), country_key


def test_reader_is_detected(source: tuple[str, Extraction, str]) -> None:
    fmt, extraction, _ = source
    assert extraction.source_format == fmt


def test_same_members_as_the_seed(source: tuple[str, Extraction, str]) -> None:
    _, extraction, country_key = source
    actual = [{f: getattr(m, f) for f in SEED_FIELDS} for m in extraction.members]
    assert actual == [{f: e[f] for f in SEED_FIELDS} for e in SEED["members"]]
    assert [m.country_code for m in extraction.members] == [e[country_key] for e in SEED["members"]]
    assert {m.section for m in extraction.members} == {"成员"}


def test_rows_accounted_like_the_seed(source: tuple[str, Extraction, str]) -> None:
    _, extraction, _ = source
    groups = [o.row for o in extraction.row_outcomes if o.kind is RowKind.GROUP]
    assert groups == SEED["group_rows"]
    assert len(extraction.row_outcomes) == 56
    assert extraction.rejected == ()


def test_seed_countries_agree_with_the_flags() -> None:
    """Where the seed infers a country, the flags of the article agree (no wrong value)."""
    for expected in SEED["members"]:
        if expected["country_code"] is not None:
            assert expected["country_code"] == expected["flag_country_code"]


def test_wikitext_and_html_give_identical_members() -> None:
    def key(extraction: Extraction) -> list[tuple[Any, ...]]:
        return [
            (
                m.row,
                m.organization,
                m.link,
                m.joined,
                m.continent,
                m.continent_code,
                m.country,
                m.country_code,
                m.section,
                len(m.footnotes),
            )
            for m in extraction.members
        ]

    wikitext = icor_extract.read(fixture_path("icor.handwritten.wikitext"))
    rendered = icor_extract.read(fixture_path("icor.handwritten.html"))
    assert key(wikitext) == key(rendered)


def test_flags_in_every_style_are_read() -> None:
    extraction = icor_extract.read(fixture_path("icor.handwritten.wikitext"))
    evidence = {m.organization: m.provenance_of("country") for m in extraction.members}
    assert evidence["孟加拉国共产党"].evidence == "{{BAN}}"  # type: ignore[union-attr]
    assert evidence["印度尼西亚革命者"].evidence == "{{flag|印尼}}"  # type: ignore[union-attr]
    assert evidence["全巴基斯坦工会联合会"].evidence == "{{巴基斯坦}}"  # type: ignore[union-attr]
    assert evidence["里昂共产主义团结"].evidence == "{{flagicon|France}}"  # type: ignore[union-attr]
    continuation = evidence["劳动妇女组织"]
    assert continuation is not None
    assert (continuation.rule, continuation.row) == ("country.rowspan", 10)


def test_html_flag_without_a_name_and_sort_keys() -> None:
    extraction = icor_extract.read(fixture_path("icor.handwritten.html"))
    members = {m.organization: m for m in extraction.members}
    greece = members["希腊共产主义组织"].provenance_of("country")
    assert greece is not None
    assert (greece.rule, greece.evidence) == ("country.flag", "Flag_of_Greece.svg")
    assert members["德国马列主义党"].country == "德国"
    assert members["伊朗劳动者党"].footnotes == ("[1]",)


def test_a_members_footnotes_are_the_marks_of_the_cells_written_in_its_row() -> None:
    """Not the marks of a cell spanned into the row from above, and not only the first cell's."""
    page = (
        "## 成员\n\n<table>\n<thead><tr><th><p>国家</p></th><th><p>政党</p></th>"
        "<th><p>加入时间</p></th></tr></thead>\n<tbody>\n"
        '<tr><td rowspan="2"><p>中国[1]</p></td>'
        "<td><p>甲党[2]</p></td><td><p>2010年[3]</p></td></tr>\n"
        "<tr><td><p>乙党</p></td><td><p>2011年</p></td></tr>\n</tbody>\n</table>\n"
    )
    members = icor_extract.parse(page, format="markdown").members
    assert [(m.organization, m.footnotes) for m in members] == [
        ("甲党", ("[1]", "[2]", "[3]")),
        ("乙党", ()),
    ]


def _check_golden(extraction: Extraction, golden: dict[str, Any]) -> None:
    """The table members against the golden file (list members: tests/test_lists.py)."""
    keys = [k for k in golden["members"][0] if k != "country_rule"]
    members = [m for m in extraction.members if m.layout == "table"]
    actual = [{k: getattr(m, k) for k in keys} for m in members]
    assert actual == [{k: e[k] for k in keys} for e in golden["members"]]
    rules = [m.provenance_of("country").rule for m in members]  # type: ignore[union-attr]
    assert rules == [e["country_rule"] for e in golden["members"]]


def test_real_icor_wikitext() -> None:
    golden = load_golden("icor.zh.wikitext.expected.json")
    extraction = icor_extract.read(fixture_path("icor.zh.wikitext"))
    _check_golden(extraction, golden)
    assert [o.row for o in extraction.row_outcomes if o.kind is RowKind.GROUP] == golden[
        "group_rows"
    ]
    assert [m.row for m in extraction.members if m.footnotes] == golden["footnoted_rows"]


def test_real_cwpi_wikitext_every_member_from_its_template() -> None:
    golden = load_golden("cwpi.zh.wikitext.expected.json")
    extraction = icor_extract.read(fixture_path("cwpi.zh.wikitext"))
    _check_golden(extraction, golden)
    assert [m.section for m in extraction.members] == ["成员党"] * 30 + ["前成员党"] * 5
    soviet = next(m for m in extraction.members if m.link == "苏联共产党 (2001年)")
    reason = soviet.provenance_of("country")
    assert reason is not None
    assert "Soviet Union" in reason.note
    assert "former country" in reason.note


def test_real_cwpi_markdown_supports_what_it_can_and_nothing_wrong() -> None:
    golden = load_golden("cwpi.zh.md.expected.json")
    extraction = icor_extract.read(fixture_path("cwpi.zh.md"))
    _check_golden(extraction, golden)
    assert [[r.table, r.row, r.reason] for r in extraction.rejected] == golden["rejected"]
    flags = {
        (m.organization, m.link): m.country_code
        for m in icor_extract.read(fixture_path("cwpi.zh.wikitext")).members
    }
    for member in extraction.members:
        if member.country_code is not None and (member.organization, member.link) in flags:
            assert member.country_code == flags[(member.organization, member.link)]


def test_traditional_chinese_copy_gives_the_same_country_codes() -> None:
    opencc = pytest.importorskip("opencc")
    converter = opencc.OpenCC("s2t")
    text = fixture_path("icor.zh.md").read_text(encoding="utf-8")
    traditional = icor_extract.parse(converter.convert(text), variant="zh-hant")
    seed = icor_extract.read(fixture_path("icor.zh.md"))
    assert [m.country_code for m in traditional.members] == [m.country_code for m in seed.members]
    assert [m.continent_code for m in traditional.members] == [
        m.continent_code for m in seed.members
    ]
    assert traditional.members[0].country == "阿富汗"
    assert traditional.members[22].country == "德國"
