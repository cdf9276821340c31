"""The one-scan page reader gives what the table and list readers give alone."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from icor_extract.model import Variant
from icor_extract.readers.wikilists import read_wiki_lists
from icor_extract.readers.wikipage import read_wiki_page
from icor_extract.readers.wikitext import read_wikitext

FIXTURES = Path(__file__).parent / "fixtures"
VARIANTS: list[Variant] = ["zh-hans", "zh-hant"]

#: lines that start, end or hold tables, lists, headings and multi-line templates, so that
#: a table opens inside a template, a heading stands in one, and a list in a table
LINES = [
    "{|", '  {| class="wikitable"', "|}", " |}", "|-", "|+ 表", "! 国家 !! 政党", "| 甲 || 乙",
    "| {{flag|印度}} || [[甲党|甲]]", "|rowspan=2| [[亚洲]]", "* 甲", "*{{flag|法国}} [[乙]]",
    "** 丙", "# 丁", "#* 戊", ": 缩进", "; 术语", "== 成员 ==", "=== 欧洲 ===", "==参见==",
    "=不是标题", "{{Infobox", "{{flag", "|印度}}", "}}", "}} 文字", "{{a}} {{b", "[[链接]]",
    "", "   ", "文字。", "十七个创始成员是：", "-{zh-hans:甲;zh-hant:乙;}-", "-{", "}-",
    "<ref>注</ref>", "|| 空",
]  # fmt: skip


def _both(text: str) -> tuple[object, object]:
    return read_wikitext(text), read_wiki_lists(text)


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(LINES), max_size=30), st.sampled_from(VARIANTS))
def test_one_scan_reads_what_the_two_readers_read(lines: list[str], variant: Variant) -> None:
    text = "\n".join(lines)
    assert read_wiki_page(text, variant=variant) == (
        read_wikitext(text, variant=variant),
        read_wiki_lists(text, variant=variant),
    )


@pytest.mark.parametrize(
    "text",
    [
        # a table opened inside a template: the list reader reads its lines as template
        # lines, then as page lines once the template closes (the * line is a list item)
        "{{Infobox\n{|\n| a\n}}\n* 甲\n|}\n* 乙",
        # a heading inside a template counts for the tables, not the lists
        "{{Infobox\n== 成员 ==\n}}\n* 甲\n{|\n| 乙\n|}",
        # nested tables, and a table left open at the page's end
        "* 甲\n{|\n| {|\n| 乙\n|}\n|}\n* 丙\n{|\n| 丁",
    ],
)
def test_one_scan_reads_templates_around_tables_as_the_two_readers(text: str) -> None:
    assert read_wiki_page(text) == _both(text)


@pytest.mark.parametrize("path", sorted(FIXTURES.glob("*.wikitext")), ids=lambda path: path.name)
def test_one_scan_reads_the_fixtures_as_the_two_readers(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    assert read_wiki_page(text) == _both(text)
