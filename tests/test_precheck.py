"""The pre-check never drops a page the full path would read members from."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings

import icor_extract
from icor_extract.errors import IcorExtractError, NoMemberTableError, NoTableError
from icor_extract.precheck import may_have_members

from .conftest import FIXTURES, fixture_path
from .strategies import mutated_pages

PAGES = sorted(
    path.name
    for path in FIXTURES.iterdir()
    if path.is_file() and path.suffix in {".md", ".wikitext", ".html"}
)
FORMATS = ("auto", *icor_extract.FORMATS)


def _members(text: str, format: str) -> int | None:
    """How many members the full path reads; None when it finds no member table."""
    try:
        return len(icor_extract.parse(text, format=format))
    except NoTableError:
        return None


@pytest.mark.parametrize("format", FORMATS)
@pytest.mark.parametrize("name", PAGES)
def test_every_fixture_agrees_with_the_full_path(name: str, format: str) -> None:
    text = fixture_path(name).read_text(encoding="utf-8")
    try:
        members = _members(text, format)
    except IcorExtractError:
        pytest.skip("the full path rejects this page in this format for another reason")
    if not may_have_members(text, format=format):
        assert members is None
    if members:
        assert may_have_members(text, format=format)


def test_the_fixtures_hold_pages_of_both_kinds() -> None:
    """The test above would prove nothing if every fixture were a member page."""
    kept = [name for name in PAGES if may_have_members(fixture_path(name).read_text("utf-8"))]
    assert "epp.seats.zh.wikitext" not in kept
    assert {"icor.zh.md", "icor.zh.wikitext", "cwpi.zh.wikitext"} <= set(kept)


def test_a_non_member_table_stops_at_its_header() -> None:
    text = fixture_path("epp.seats.zh.wikitext").read_text(encoding="utf-8")
    assert not may_have_members(text, format="wikitext")
    with pytest.raises(NoMemberTableError) as caught:
        icor_extract.parse(text, format="wikitext")
    assert caught.value.headers == (("組織", "機構", "席次"),)


@pytest.mark.parametrize(
    "text",
    [
        "'''甲'''是一个政党。\n\n== 历史 ==\n成立于2010年。",
        "{{Infobox party|name=甲}}\n甲党",
        "* [[甲党]]\n* [[乙党]]",
    ],
)
def test_prose_is_dropped(text: str) -> None:
    assert not may_have_members(text, format="wikitext")
    assert _members(text, "wikitext") is None


def test_a_header_below_the_first_rows_is_not_searched_by_either() -> None:
    rows = "".join(f"|-\n| 甲{i} || 乙{i}\n" for i in range(5))
    late = "{|\n" + rows + "|-\n! 国家 !! 政党\n|-\n| 印度 || 甲党\n|}"
    assert not may_have_members(late, format="wikitext")
    assert _members(late, "wikitext") is None
    early = "{|\n" + rows.split("|-\n", 2)[1] + "|-\n! 国家 !! 政党\n|-\n| 印度 || 甲党\n|}"
    assert may_have_members(early, format="wikitext")
    assert _members(early, "wikitext") == 1


def test_variant_markup_that_hides_a_table_mark_is_read() -> None:
    text = "{-{}-|\n! 国家 !! 政党\n|-\n| 印度 || 甲党\n|}"
    assert may_have_members(text, format="wikitext") == bool(_members(text, "wikitext"))


@pytest.mark.slow
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mutated_pages())
def test_mutated_pages_never_dropped_when_the_full_path_reads_members(text: str) -> None:
    for format in FORMATS:
        try:
            members = _members(text, format)
        except IcorExtractError:
            continue
        if members:
            assert may_have_members(text, format=format)


LIST_ITEMS = "* {{flag|印度}} [[甲党]]\n* {{flag|法国}} [[乙党]]\n"


def test_a_list_counts_only_under_a_membership_heading() -> None:
    under_members = "'''甲'''\n== 成员 ==\n" + LIST_ITEMS
    under_see_also = "'''甲'''\n== 参见 ==\n" + LIST_ITEMS
    assert may_have_members(under_members, format="wikitext")
    assert _members(under_members, "wikitext") == 2
    assert not may_have_members(under_see_also, format="wikitext")
    assert _members(under_see_also, "wikitext") is None


def test_other_formats_are_not_prechecked() -> None:
    assert may_have_members("just prose", format="markdown")
    assert may_have_members("<p>just prose</p>", format="html")
