"""Wikitext lists (``*`` and ``#`` lines), with the headings and lead line above them.

MediaWiki makes a list of consecutive lines that start with ``*`` or ``#``;
the number of marks is the depth (``**`` is an item nested in the one
above).  A blank line or any other line ends the list.  Lines inside a table
(``{| … |}``) or a template that runs over several lines (an infobox) are
not list lines.  Item content is read by :mod:`.wikimarkup`, as table cells
are, so flags, links and footnotes come out the same way.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from icor_extract.model import Variant
from icor_extract.readers.raw import RawItem, RawList, Trail, enter_heading, heading_path
from icor_extract.readers.variants import resolve_variants
from icor_extract.readers.wikimarkup import read_cell_content
from icor_extract.readers.wikitext import heading_title, scan_depth

__all__ = ["ListReader", "read_wiki_lists"]

_MARKS = re.compile(r"^(?P<marks>[*#:;]+)")


def _item(content: str, *, number: int, depth: int, line: int) -> RawItem:
    text, links, footnotes, flags, dropped = read_cell_content(content)
    return RawItem(
        text=text,
        number=number,
        depth=depth,
        links=links,
        footnotes=footnotes,
        flags=flags,
        dropped=dropped,
        line=line,
    )


@dataclass
class ListReader:
    """The list reader, fed a page's lines in order (:meth:`feed`); :meth:`finish` gives the lists.

    A page reader that scans the page's tables itself gives the lines outside
    them to :meth:`skipped` and :meth:`read` (:mod:`.wikipage`): one scan for both.
    """

    trail: Trail = ()
    lead: tuple[str, int] | None = None  # the last text line since the last heading or list
    items: list[RawItem] = field(default_factory=list)
    ordered: bool = False
    lists: list[RawList] = field(default_factory=list)
    depth: int = 0  # templates left open by earlier lines
    tables: int = 0  # {| … |} tables open, nested ones too: no list is read in a table

    def close(self) -> None:
        if not self.items:
            return
        lead = _item(self.lead[0], number=-1, depth=0, line=self.lead[1]) if self.lead else None
        self.lists.append(
            RawList(
                index=len(self.lists),
                items=tuple(self.items),
                headings=heading_path(self.trail),
                lead=lead if lead is not None and (lead.text or lead.flags) else None,
                ordered=self.ordered,
                line=self.items[0].line,
            )
        )
        self.items = []
        self.lead = None

    def skipped(self, raw: str) -> bool:
        """Whether the line is inside a table or a multi-line template (followed, not read)."""
        if self.tables:
            mark = raw.lstrip()[:2]
            if mark == "{|":
                self.tables += 1
            elif mark == "|}":
                self.tables -= 1
            return True
        if self.depth > 0:
            self.depth = scan_depth(raw, self.depth)[0]
            return True
        return False

    def feed(self, number: int, raw: str) -> None:
        """The page's next line."""
        if not self.skipped(raw):
            line = raw.lstrip()
            self.read(number, raw, heading_title(line) if line.startswith("=") else None)

    def read(self, number: int, raw: str, heading: tuple[int, str] | None) -> None:
        """A line outside tables and templates; ``heading``: its :func:`heading_title`."""
        line = raw.strip()
        if not line or line.startswith("{|"):  # a blank line ends a list, as a table does
            if self.items:  # (else closing changes nothing)
                self.close()
            if line:
                self.tables = 1
            return
        if heading is not None:
            self.close()
            self.trail = enter_heading(self.trail, *heading)
            self.lead = None
            return
        marks = _MARKS.match(line)
        if marks is not None and set(marks.group("marks")) <= {"*", "#"}:
            if not self.items:
                self.ordered = marks.group("marks")[0] == "#"
            self.items.append(
                _item(
                    line[marks.end() :],
                    number=len(self.items),
                    depth=len(marks.group("marks")),
                    line=number,
                )
            )
            return
        self.close()
        if line and marks is None:
            self.lead = (line, number)
        self.depth = scan_depth(raw)[0]

    def following(self, lines: Iterator[tuple[int, str]]) -> Iterator[tuple[int, str]]:
        """``lines``, each fed to this reader as it is taken (a table opened in a template)."""
        for number, raw in lines:
            self.feed(number, raw)
            yield number, raw

    def finish(self) -> list[RawList]:
        """The lists read, the last one closed."""
        self.close()
        return self.lists


def read_wiki_lists(text: str, *, variant: Variant = "zh-hans") -> list[RawList]:
    """Every list of a wikitext page outside tables and templates, in order."""
    reader = ListReader()
    for number, raw in enumerate(resolve_variants(text, variant).split("\n"), start=1):
        reader.feed(number, raw)
    return reader.finish()
