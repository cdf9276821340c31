"""MediaWiki XML dumps (``pages-articles*.xml``, plain or ``.bz2``), streamed page by page.

A dump is a flat sequence of ``<page>…</page>`` elements, and page text
cannot hold a literal ``<page>`` or ``</page>`` (XML escapes its ``<``), so
the reader cuts the byte stream at those tags and parses one page at a time
with lxml (no entity expansion, no network).  Memory is one page plus one
read buffer, whatever the dump's size.  ``benchmarks/corpus.py`` compares this
with ``lxml.etree.iterparse`` (about the same cost) and ``mwxml`` (2-4x more);
it was chosen because, unlike both, it can start anywhere in a file.

Cutting at tags also lets a dump be read in parts (:func:`byte_ranges`): a
part owns the pages whose ``<page>`` starts inside its byte range, reads on
past its end to finish its last page, and skips the page it starts inside.
For ``.bz2`` files the ranges are over the compressed bytes and a part starts
at the first bz2 stream that begins in its range, so the *multistream* dumps
(``pages-articles-multistream.xml.bz2``, about 100 pages per stream) split
into many parts and a single-stream file into one.
"""

from __future__ import annotations

import bz2
import os
import re
from collections.abc import Collection, Iterator
from dataclasses import dataclass
from typing import BinaryIO

from lxml import etree

from icor_extract.errors import InputError

__all__ = ["ARTICLES", "DumpPage", "byte_ranges", "is_dump", "iter_pages"]

#: the namespaces read by default: articles only
ARTICLES: frozenset[int] = frozenset({0})

# pages-articles.xml, …-multistream.xml.bz2, and parts such as pages-articles1.xml-p1p187712.bz2
_DUMP_NAME = re.compile(r"\.xml(?:-p\d+p\d+)?(?:\.bz2)?$", re.IGNORECASE)
_CHUNK = 1 << 20
_OPEN, _CLOSE = b"<page>", b"</page>"
# A bz2 stream starts with "BZh", the block size digit and the first block's magic.
_BZ2_STREAM = re.compile(rb"BZh[1-9]1AY&SY")
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True)


@dataclass(frozen=True, slots=True, kw_only=True)
class DumpPage:
    """One page of a dump: its identity and its latest revision's wikitext."""

    title: str
    page_id: int
    namespace: int
    revision: int | None
    timestamp: str | None  # ISO 8601 in UTC, as the dump writes it
    text: str
    redirect: str | None = None  # the target's title, for a redirect


def is_dump(path: str | os.PathLike[str]) -> bool:
    """Whether a path names a dump (``.xml``, ``.xml.bz2``, ``.xml-p1p187712.bz2``)."""
    return _DUMP_NAME.search(os.fspath(path)) is not None


def byte_ranges(path: str | os.PathLike[str], blocksize: int) -> list[tuple[int, int]]:
    """``(start, end)`` ranges of about ``blocksize`` bytes covering the file, for parts."""
    size = os.path.getsize(path)
    return [(start, min(start + blocksize, size)) for start in range(0, max(size, 1), blocksize)]


def _plain_chunks(stream: BinaryIO, start: int, end: int | None) -> Iterator[tuple[bytes, bool]]:
    """The file's bytes from ``start``, each chunk marked owned (begins before ``end``) or not."""
    stream.seek(start)
    position = start
    while chunk := stream.read(_CHUNK):
        if end is not None and position < end < position + len(chunk):
            yield chunk[: end - position], True
            yield chunk[end - position :], False
        else:
            yield chunk, end is None or position < end
        position += len(chunk)


def _first_stream(stream: BinaryIO, start: int, end: int) -> int | None:
    """Offset of the first bz2 stream that starts in ``[start, end)``."""
    stream.seek(start)
    carry, position = b"", start
    while position < end and (chunk := stream.read(_CHUNK)):
        found = _BZ2_STREAM.search(carry + chunk)
        if found is not None:
            offset = position - len(carry) + found.start()
            return offset if offset < end else None
        carry, position = chunk[-9:], position + len(chunk)
    return None


def _bz2_chunks(stream: BinaryIO, start: int, end: int | None) -> Iterator[tuple[bytes, bool]]:
    """Decompressed bytes of the streams from ``start``, at most ``_CHUNK`` at a time;
    owned while their stream began before ``end``."""
    if start > 0:
        found = _first_stream(stream, start, end if end is not None else start + _CHUNK)
        if found is None:
            return
        start = found
    stream.seek(start)
    decompressor, stream_start, fed = bz2.BZ2Decompressor(), start, start
    while data := stream.read(_CHUNK):
        fed += len(data)  # the offset just past everything given to the decompressors
        while True:
            owned = end is None or stream_start < end
            yield decompressor.decompress(data, max_length=_CHUNK), owned
            data = b""
            if decompressor.eof:  # the next stream starts in what this one left
                data = decompressor.unused_data
                stream_start, decompressor = fed - len(data), bz2.BZ2Decompressor()
                if not data:
                    break
            elif decompressor.needs_input:
                break
    if stream_start < fed:  # bytes of a stream that never ended
        raise EOFError("the file ends inside a compressed stream")


def _opening_a_dump(chunks: Iterator[tuple[bytes, bool]]) -> Iterator[tuple[bytes, bool]]:
    """The chunks of a file read from its top, which must open a dump."""
    for chunk, owned in chunks:
        if chunk:
            if b"<mediawiki" not in chunk[:4096]:
                raise ValueError("the file does not start with <mediawiki>")
            yield chunk, owned
            break
    yield from chunks


def _cut_pages(chunks: Iterator[tuple[bytes, bool]]) -> Iterator[bytes]:
    """Each ``<page>…</page>`` whose start tag lies in an owned chunk."""
    buffer = bytearray()
    owned_until: int | None = None  # where unowned bytes begin in the buffer
    for chunk, owned in chunks:
        if not owned and owned_until is None:
            owned_until = len(buffer)
        buffer += chunk
        done = 0  # bytes of the buffer already dealt with
        while True:
            begin = buffer.find(_OPEN, done)
            if begin < 0:  # keep what could be the start of a tag cut by the chunk's end
                done = max(done, len(buffer) - len(_OPEN) + 1)
                break
            if owned_until is not None and begin >= owned_until:
                return
            finish = buffer.find(_CLOSE, begin)
            if finish < 0:
                done = begin
                break
            done = finish + len(_CLOSE)
            yield bytes(buffer[begin:done])
        del buffer[:done]
        if owned_until is not None:
            owned_until = max(0, owned_until - done)
    if buffer.startswith(_OPEN) and owned_until is None:
        raise EOFError("the file ends inside a page")


def _local(tag: object) -> str:
    return str(tag).rpartition("}")[2]


def _child_text(element: etree._Element, name: str) -> str | None:
    for child in element:
        if _local(child.tag) == name:
            return child.text or ""
    return None


def _to_page(data: bytes) -> DumpPage:
    element = etree.fromstring(data, _PARSER)
    fields: dict[str, str | None] = {"title": None, "ns": None, "id": None, "redirect": None}
    revision: etree._Element | None = None
    for child in element:
        name = _local(child.tag)
        if name == "revision":
            revision = child  # a history dump holds several; the last is the latest
        elif name == "redirect":
            fields["redirect"] = child.get("title") or ""
        elif name in fields:
            fields[name] = child.text or ""
    revision_id = _child_text(revision, "id") if revision is not None else None
    return DumpPage(
        title=fields["title"] or "",
        page_id=int(fields["id"] or 0),
        namespace=int(fields["ns"] or 0),
        revision=int(revision_id) if revision_id else None,
        timestamp=_child_text(revision, "timestamp") if revision is not None else None,
        text=(_child_text(revision, "text") or "") if revision is not None else "",
        redirect=fields["redirect"],
    )


def iter_pages(
    path: str | os.PathLike[str],
    *,
    namespaces: Collection[int] | None = ARTICLES,
    redirects: bool = False,
    title: str | re.Pattern[str] | None = None,
    byte_range: tuple[int, int] | None = None,
) -> Iterator[DumpPage]:
    """The pages of a dump, in order, in constant memory.

    ``namespaces`` keeps pages of these namespaces (``None``: all); redirects
    are skipped unless ``redirects``; ``title`` keeps pages whose title the
    regular expression matches (``re.search``); ``byte_range`` reads one part
    (see :func:`byte_ranges`).  A file that is not a readable dump raises
    :class:`InputError` naming it.
    """
    name = os.fspath(path)
    pattern = re.compile(title) if isinstance(title, str) else title
    start, end = byte_range if byte_range is not None else (0, None)
    try:
        with open(name, "rb") as stream:
            reader = _bz2_chunks if name.lower().endswith(".bz2") else _plain_chunks
            chunks = reader(stream, start, end)
            for data in _cut_pages(_opening_a_dump(chunks) if start == 0 else chunks):
                page = _to_page(data)
                if namespaces is not None and page.namespace not in namespaces:
                    continue
                if page.redirect is not None and not redirects:
                    continue
                if pattern is not None and pattern.search(page.title) is None:
                    continue
                yield page
    except etree.XMLSyntaxError as error:
        raise InputError(f"not a readable MediaWiki dump: {error}", source=name) from None
    except (OSError, EOFError, ValueError) as error:
        raise InputError(f"cannot read the dump: {error}", source=name) from None
