"""Text caches keep short texts only: a long one is read each time, not held after its page."""

from __future__ import annotations

import icor_extract
from icor_extract.repair import status
from icor_extract.repair.short_cache import LONGEST_CACHED, cached_when_short


def test_a_short_text_is_read_once_and_a_long_one_every_time() -> None:
    read: list[str] = []

    @cached_when_short(8)
    def length(text: str) -> int:
        read.append(text)
        return len(text)

    short, long = "甲" * LONGEST_CACHED, "乙" * (LONGEST_CACHED + 1)
    assert [length(short), length(short), length(long), length(long)] == [64, 64, 65, 65]
    assert read == [short, long, long]


def test_a_long_status_remark_reads_as_a_short_one() -> None:
    # the remark is past the cache's limit: read the long way, to the same status
    remark = "2010年退出" + "，" * LONGEST_CACHED
    assert len(remark) > LONGEST_CACHED
    page = f"{{|\n! 国家 !! 政党 !! 加入时间\n|-\n| 印度 || 甲党（{remark}） || 2012年\n|}}"
    (member,) = icor_extract.parse(page, format="wikitext").members
    assert (member.organization, member.status, member.left) == ("甲党", "former", 2010)
    assert (member.country_code, member.joined) == ("IN", 2012)


def test_a_table_under_a_long_heading_is_decided_without_being_kept() -> None:
    """Review finding: the table's status decision was cached by its caption and headings
    whatever their length, so a page's long heading was held after the page."""
    status._cached_outer_decision.cache_clear()
    status._cached_outer_status.cache_clear()
    long = "前成员" + "，" * LONGEST_CACHED
    page = f"== {long} ==\n{{|\n! 国家 !! 政党 !! 加入时间\n|-\n| 印度 || 甲党 || 2012年\n|}}"
    (member,) = icor_extract.parse(page, format="wikitext").members
    assert (member.organization, member.status) == ("甲党", "former")
    assert member.provenance_of("status").evidence == long  # type: ignore[union-attr]
    assert status._cached_outer_decision.cache_info().currsize == 0
    assert status._cached_outer_status.cache_info().currsize == 0
    (short,) = icor_extract.parse(page.replace(long, "前成员"), format="wikitext").members
    assert short.status == "former"
    assert status._cached_outer_decision.cache_info().currsize == 1


def test_a_full_cache_is_emptied_and_still_gives_each_text_its_value() -> None:
    read: list[str] = []

    @cached_when_short(2)
    def length(text: str) -> int:
        read.append(text)
        return len(text)

    texts = ["a", "bb", "ccc", "a", "ccc", "bb"]
    assert list(map(length, texts)) == [1, 2, 3, 1, 3, 2]
    # "ccc" found the cache full ("a", "bb") and emptied it; "a" was read again
    assert read == ["a", "bb", "ccc", "a", "bb"]
    cache = length.__self__  # type: ignore[attr-defined]
    assert len(cache) <= 2
