"""The markdown list pre-scan: a page's lists are not read when their headings rule out members.

``lists_never_under`` reads the headings without markdown-it; ``api`` skips the
list reader when it proves that no list's path is a member list's.  Each case compares that
with the full reader, and ``parse`` with the skip and without it.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest

import icor_extract
from icor_extract import api
from icor_extract.errors import IcorExtractError, NoMemberTableError
from icor_extract.readers.mdlists import lists_never_under, read_markdown_lists
from icor_extract.repair.lists import is_member_list

SEED = Path(__file__).parent / "fixtures" / "icor.zh.md"
_TABLE = "<table>\n<tr><td>甲党</td><td>中国</td></tr>\n</table>"

#: pages the pre-scan reads: (page, whether it proves that no list is a member list)
SURE = [
    ("## 参见\n\n- 甲", True),
    ("## 成员\n\n- 甲", False),
    (f"## 成员\n\n{_TABLE}\n\n## 参见\n\n- 甲\n\n## 外部链接\n\n  -\n", True),
    ("## 成员\n\n### 参见\n\nCategory:X\n\n- 甲", True),  # the category links cut the trail
    ("## 参见\n\nCategory:X\n\n## 成员\n\n- 甲", False),
    ("## 成员\n\n- 甲\n\n  continued\n\n## 参见\n\n1.  [1](http://x.org/a)  Note", False),
    ("# 标题\n\n## 成员\n\n### 亚洲\n\n- 甲", False),  # a continent heading is passed over
    ("## 历史\n\n## 成员 \n\n- 甲", False),
    ("##\n\n## 参见\n\n-\n\n后来加入的成员（部分）：\n- 甲", True),
    ("## 成员\n\n-\n\n## 参见\n\n---\n\n- 甲", False),  # a rule after a blank line
    ("####### 成员\n\n## 参见\n\n- 甲", True),  # seven hashes: a paragraph
    ("- 甲\n\n## 成员\n\n文字。", True),  # the list is above the heading
    ("## 成员\n\n文字 - 甲\n\n   3) 乙", False),  # a paragraph, then a list under 成员
]
#: pages the pre-scan must leave to the full reader; read naively, each would skip a member list
UNSURE = [
    "## 成员\n\n```\n## 参见\n```\n\n- 甲",
    "## 成员\n\n~~~\n## 参见\n~~~\n\n- 甲",
    "## 成员\n\n<div>\n## 参见\n</div>\n\n- 甲",
    "## 参见\n\n> ## 成员\n> - 甲",
    "## 参见\n\n ## 成员\n\n- 甲",
    "## 参见\n\n成员\n----\n\n- 甲",
    "## 参见\n\n成员\n===\n\n- 甲",
    "## 参见\n\n## &#25104;员\n\n- 甲",
    "## 参见\n\n甲\r## 成员\r- 甲\n\n- 乙",
    "## 成员\n\n### 参\x00见\n\n- 甲",
]


def _outcome(text: str) -> str:
    try:
        found = icor_extract.parse(text, format="markdown")
    except IcorExtractError as error:
        return f"{type(error).__name__}: {error}"
    return repr((found.members, found.rejected, found.notes, found.row_outcomes))


def _check(text: str, monkeypatch: pytest.MonkeyPatch) -> bool:
    """Whether the pre-scan is sure of the page, checked against the full reader and ``parse``."""
    seen: set[tuple[str, ...]] = set()

    def record(path: tuple[str, ...]) -> bool:
        seen.add(path)
        return False

    sure = lists_never_under(text, record)
    lists = read_markdown_lists(text)
    if sure:  # every path was seen: each list's path starts one
        for found in lists:
            depth = len(found.headings)
            assert any(path[:depth] == found.headings for path in seen), (found.headings, seen)
    if lists_never_under(text, is_member_list):
        assert not any(is_member_list(found.headings) for found in lists)
    fast = _outcome(text)
    with monkeypatch.context() as patch:
        patch.setattr(api, "lists_never_under", lambda *args: False)
        assert _outcome(text) == fast
    return sure


@pytest.mark.parametrize(("text", "skips"), SURE)
def test_the_pre_scan_agrees_with_the_full_reader(
    text: str, skips: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert _check(text, monkeypatch)
    assert lists_never_under(text, is_member_list) is skips


@pytest.mark.parametrize("text", UNSURE)
def test_the_pre_scan_leaves_what_it_cannot_follow_to_the_full_reader(
    text: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert not _check(text, monkeypatch)
    assert any(is_member_list(found.headings) for found in read_markdown_lists(text))


def test_the_seed_page_is_parsed_without_reading_its_lists(monkeypatch: pytest.MonkeyPatch) -> None:
    text = SEED.read_text(encoding="utf-8")
    full = icor_extract.parse(text)

    def fail(*args: object, **kwargs: object) -> None:
        raise AssertionError("the lists were read")

    monkeypatch.setattr(api, "read_lists", fail)
    assert icor_extract.parse(text) == full


def test_a_page_without_members_still_counts_its_lists() -> None:
    with pytest.raises(NoMemberTableError, match=r"0 table\(s\).*; 2 list\(s\) found"):
        icor_extract.parse("## 参见\n\n- 甲\n\n文字\n\n1. 乙", format="markdown")


@pytest.mark.slow
@pytest.mark.parametrize("seed", range(4))
def test_the_pre_scan_agrees_on_random_pages(seed: int, monkeypatch: pytest.MonkeyPatch) -> None:
    pieces = [text for text, _ in SURE] + UNSURE + ["Category:X", "文字。", "  - 乙\n      - 丙"]
    rng = random.Random(seed)
    for _ in range(300):
        parts = (rng.choice(pieces) for _ in range(rng.randint(1, 6)))
        _check("\n\n".join(parts), monkeypatch)
