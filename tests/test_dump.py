"""Reading MediaWiki dumps: pages, filters, parts, broken files."""

from __future__ import annotations

import bz2
from pathlib import Path

import pytest

from icor_extract.dump import byte_ranges, is_dump, iter_pages
from icor_extract.errors import InputError

from .dumps import Page, write_dump

PAGES = [
    Page(title="甲", text="'''甲''' <b>&amp;</b> {{x}} </page> <page>", page_id=1, revision=11),
    Page(title="Wikipedia:沙盒", text="{|\n|}", page_id=2, revision=12, namespace=4),
    Page(title="乙", text="#REDIRECT [[甲]]", page_id=3, revision=13, redirect="甲"),
    Page(title="丙 & 丁", text="", page_id=4, revision=14, timestamp="2019-08-20T01:02:03Z"),
]


@pytest.fixture(params=["dump.xml", "dump.xml.bz2"])
def dump(request: pytest.FixtureRequest, tmp_path: Path) -> Path:
    return write_dump(tmp_path / request.param, PAGES)


def test_articles_without_redirects_by_default(dump: Path) -> None:
    pages = list(iter_pages(dump))
    assert [page.title for page in pages] == ["甲", "丙 & 丁"]
    first, last = pages
    assert (first.page_id, first.namespace, first.revision) == (1, 0, 11)
    assert first.text == "'''甲''' <b>&amp;</b> {{x}} </page> <page>"
    assert first.timestamp == "2024-05-01T12:00:00Z"
    assert (last.text, last.timestamp) == ("", "2019-08-20T01:02:03Z")


def test_namespaces_redirects_and_titles(dump: Path) -> None:
    every = list(iter_pages(dump, namespaces=None, redirects=True))
    assert [page.title for page in every] == ["甲", "Wikipedia:沙盒", "乙", "丙 & 丁"]
    assert every[2].redirect == "甲"
    assert [page.title for page in iter_pages(dump, namespaces={4})] == ["Wikipedia:沙盒"]
    assert [page.title for page in iter_pages(dump, title="^丙")] == ["丙 & 丁"]


def _many(count: int) -> list[Page]:
    return [Page(title=f"P{i}", text="x" * (i % 50), page_id=i, revision=i) for i in range(count)]


@pytest.mark.parametrize("blocksize", [200, 1_000, 7_777, 10**7])
def test_parts_of_a_plain_dump_hold_every_page_once(tmp_path: Path, blocksize: int) -> None:
    path = write_dump(tmp_path / "d.xml", _many(300))
    ranges = byte_ranges(path, blocksize)
    parts = [page.title for part in ranges for page in iter_pages(path, byte_range=part)]
    assert parts == [f"P{i}" for i in range(300)]


@pytest.mark.parametrize("blocksize", [100, 2_000, 10**7])
def test_parts_of_a_multistream_dump_hold_every_page_once(tmp_path: Path, blocksize: int) -> None:
    path = write_dump(tmp_path / "d.xml.bz2", _many(300), per_stream=7)
    ranges = byte_ranges(path, blocksize)
    counts = [len(list(iter_pages(path, byte_range=part))) for part in ranges]
    assert sum(counts) == 300
    if len(ranges) > 1:  # the pages are spread over the parts, not all read by the first
        assert max(counts) < 300
    parts = [page.title for part in ranges for page in iter_pages(path, byte_range=part)]
    assert parts == [f"P{i}" for i in range(300)]


def test_a_single_stream_bz2_is_one_part(tmp_path: Path) -> None:
    path = write_dump(tmp_path / "d.xml.bz2", _many(100))
    counts = [len(list(iter_pages(path, byte_range=part))) for part in byte_ranges(path, 50)]
    assert counts[0] == 100
    assert sum(counts) == 100


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("bad.xml", b"<mediawiki><page><title>a</title><ns>0</ns></revision></page></mediawiki>"),
        ("bad.xml.bz2", b"BZh9 not really bzip2"),
        ("cut.xml.bz2", bz2.compress(b"<mediawiki><page><title>a</title>" * 50)[:-20]),
        ("cut.xml", b"<mediawiki>\n  <page>\n    <title>a</title>\n"),
        ("other.xml", b"<rss><channel><item>no pages</item></channel></rss>"),
    ],
)
def test_a_broken_dump_is_an_input_error(tmp_path: Path, name: str, data: bytes) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(InputError) as caught:
        list(iter_pages(path))
    assert caught.value.source == str(path)


def test_a_missing_dump_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError):
        list(iter_pages(tmp_path / "none.xml"))


def test_dump_names() -> None:
    assert is_dump("zhwiki-latest-pages-articles1.xml-p1p187712.bz2")
    assert is_dump("zhwiki-20240501-pages-articles-multistream.xml.bz2")
    assert is_dump("pages.XML")
    assert not is_dump("page.wikitext")
