"""One entry per organization: a cell listing several, one per line, gives several.

MediaWiki editors list two organizations of one country in one cell with
``<br>``.  Each line becomes an entry; the year cell is split the same way
when it has as many lines, and otherwise applies to every line.  A link is
given to the line whose text it shows, never to a neighbouring line.
"""

from __future__ import annotations

from dataclasses import dataclass

from icor_extract.model import RowKind
from icor_extract.readers.raw import Link
from icor_extract.repair.columns import Role
from icor_extract.repair.realign import AlignedRow, Placed, Placement

__all__ = ["Entry", "split_entries"]


@dataclass(frozen=True, slots=True)
class Entry:
    """One organization of one member row."""

    aligned: AlignedRow
    organization: str
    link: Link | None
    joined_text: str
    footnotes: tuple[str, ...]  # of every cell written in the row
    line_in_cell: int  # 0 unless the cell listed several organizations


def _link_for(text: str, placed: Placed, single: bool) -> Link | None:
    links = placed.cell.links if placed.cell is not None else ()
    for link in links:
        if link.text == text:
            return link
    for link in links:
        if link.text in text:
            return link
    if single and len(links) == 1:
        return links[0]
    return None


def split_entries(rows: list[AlignedRow]) -> list[Entry]:
    """The entries of every member row, in row order."""
    entries: list[Entry] = []
    for aligned in rows:
        if aligned.kind is not RowKind.MEMBER:
            continue
        organization = aligned.values[Role.ORGANIZATION]
        joined = aligned.values.get(Role.JOINED)
        joined_text = joined.text if joined is not None else ""
        names = organization.text.split("\n")
        years = joined_text.split("\n")
        footnotes = tuple(
            note
            for placed in aligned.values.values()
            if placed.cell is not None and placed.how in (Placement.CELL, Placement.SHIFT)
            for note in placed.cell.footnotes
        )
        for number, name in enumerate(names):
            entries.append(
                Entry(
                    aligned=aligned,
                    organization=name,
                    link=_link_for(name, organization, single=len(names) == 1),
                    joined_text=years[number] if len(years) == len(names) else joined_text,
                    footnotes=footnotes,
                    line_in_cell=number,
                )
            )
    return entries
