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

__all__ = ["read_wiki_lists"]

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
class _State:
    trail: Trail = ()
    lead: tuple[str, int] | None = None  # the last text line since the last heading or list
    items: list[RawItem] = field(default_factory=list)
    ordered: bool = False
    lists: list[RawList] = field(default_factory=list)

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

    def heading(self, level: int, title: str) -> None:
        self.close()
        self.trail = enter_heading(self.trail, level, title)
        self.lead = None


def _skip_table(lines: Iterator[tuple[int, str]]) -> None:
    """Take the lines of a table just opened, to its end: no list is read in a table."""
    tables = 1  # open {| … |} tables, nested ones too
    for _, raw in lines:
        mark = raw.lstrip()[:2]
        if mark == "{|":
            tables += 1
        elif mark == "|}":
            tables -= 1
            if not tables:
                return


def read_wiki_lists(text: str, *, variant: Variant = "zh-hans") -> list[RawList]:
    """Every list of a wikitext page outside tables and templates, in order."""
    text = resolve_variants(text, variant)
    state = _State()
    depth = 0  # templates left open by earlier lines
    lines = enumerate(text.split("\n"), start=1)
    for number, raw in lines:
        line = raw.strip()
        if depth > 0:
            depth = scan_depth(raw, depth)[0]
            continue
        if not line or line.startswith("{|"):  # a blank line ends a list, as a table does
            if state.items:  # (else closing changes nothing)
                state.close()
            if line:
                _skip_table(lines)
            continue
        heading = heading_title(line) if line.startswith("=") else None
        if heading is not None:
            state.heading(heading[0], heading[1])
            continue
        marks = _MARKS.match(line)
        if marks is not None and set(marks.group("marks")) <= {"*", "#"}:
            if not state.items:
                state.ordered = marks.group("marks")[0] == "#"
            state.items.append(
                _item(
                    line[marks.end() :],
                    number=len(state.items),
                    depth=len(marks.group("marks")),
                    line=number,
                )
            )
            continue
        state.close()
        if line and marks is None:
            state.lead = (line, number)
        depth = scan_depth(raw)[0]
    state.close()
    return state.lists
