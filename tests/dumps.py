"""Write MediaWiki XML dumps in the shape of ``pages-articles.xml``, for tests and benchmarks."""

from __future__ import annotations

import bz2
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

_HEAD = """<mediawiki xmlns="http://www.mediawiki.org/xml/export-0.10/" xml:lang="zh">
  <siteinfo>
    <sitename>Wikipedia</sitename>
    <dbname>zhwiki</dbname>
    <namespaces>
      <namespace key="0" case="first-letter" />
      <namespace key="4" case="first-letter">Wikipedia</namespace>
    </namespaces>
  </siteinfo>
"""


@dataclass(frozen=True)
class Page:
    title: str
    text: str
    page_id: int
    revision: int
    namespace: int = 0
    redirect: str | None = None
    timestamp: str = "2024-05-01T12:00:00Z"


def page_xml(page: Page) -> str:
    redirect = f"    <redirect title={quoteattr(page.redirect)} />\n" if page.redirect else ""
    return (
        "  <page>\n"
        f"    <title>{escape(page.title)}</title>\n"
        f"    <ns>{page.namespace}</ns>\n"
        f"    <id>{page.page_id}</id>\n"
        f"{redirect}"
        "    <revision>\n"
        f"      <id>{page.revision}</id>\n"
        f"      <parentid>{page.revision - 1}</parentid>\n"
        f"      <timestamp>{page.timestamp}</timestamp>\n"
        "      <contributor><username>Example</username><id>1</id></contributor>\n"
        "      <model>wikitext</model>\n"
        "      <format>text/x-wiki</format>\n"
        f'      <text bytes="{len(page.text.encode())}" xml:space="preserve">'
        f"{escape(page.text)}</text>\n"
        "    </revision>\n"
        "  </page>\n"
    )


def write_dump(path: Path, pages: Iterable[Page], *, per_stream: int | None = None) -> Path:
    """Write ``pages`` as a dump; ``.bz2`` compresses it, ``per_stream`` as a multistream file.

    A multistream dump (as Wikimedia publishes) is a series of independent bz2
    streams: the header, then ``per_stream`` pages each, then the closing tag.
    """
    if path.suffix != ".bz2" or per_stream is None:
        opener = bz2.open if path.suffix == ".bz2" else open
        with opener(path, "wt", encoding="utf-8") as out:
            out.write(_HEAD)
            for page in pages:
                out.write(page_xml(page))
            out.write("</mediawiki>\n")
        return path
    with path.open("wb") as out:
        out.write(bz2.compress(_HEAD.encode()))
        batch: list[str] = []
        for page in pages:
            batch.append(page_xml(page))
            if len(batch) == per_stream:
                out.write(bz2.compress("".join(batch).encode()))
                batch = []
        if batch:
            out.write(bz2.compress("".join(batch).encode()))
        out.write(bz2.compress(b"</mediawiki>\n"))
    return path
