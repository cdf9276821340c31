"""One entry per organization: a cell listing several, one per line, gives several.

MediaWiki editors list two organizations of one country in one cell with
``<br>``.  Each line is an entry, and the year cell is split the same way
when it has as many lines.  A later line that annotates the first (a
Latin-script name under a Chinese one, a bracketed remark) is not an
organization: unless links or the year cell say the lines are separate, it
is kept beside the first line in its provenance.  A link is given to the
line whose whole text it shows, never to a neighbouring line or a part.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from icor_extract.model import Location, Note, NoteCode, RowKind
from icor_extract.readers.raw import Link
from icor_extract.repair.aligned import AlignedRow, Placed, Placement
from icor_extract.repair.columns import Role
from icor_extract.repair.nonmember import is_flag_remnant, without_flag_remnant
from icor_extract.repair.status_words import Annotation, split_status_annotation

__all__ = ["Entry", "split_entries"]


@dataclass(slots=True)
class Entry:
    """One organization of one member row (not frozen: see ``aligned.Placed``)."""

    aligned: AlignedRow
    organization: str
    link: Link | None
    joined_text: str
    footnotes: tuple[str, ...]  # of every cell written in the row
    extra_lines: tuple[str, ...] = ()  # further lines of the cell kept beside the name
    annotation: Annotation | None = None  # a status remark taken off the end of the name


def _link_for(text: str, placed: Placed) -> Link | None:
    """The link whose text is the whole line: a link on part of a name is not its link."""
    if placed.cell is None:
        return None
    for link in placed.cell.links:
        if link.text == text:
            return link
    return None


_CJK = re.compile(r"[\u3400-\u9fff]")
_OPENING = "(（"


_LATIN = re.compile(r"[A-Za-z]")


def _annotates(first: str, line: str) -> bool:
    """A line that remarks on the one before rather than naming another organization."""
    if line.startswith(("(", "（", "[", "【")):
        return True
    # a Latin-script line under a Chinese name is its native or English name
    return bool(_CJK.search(first)) and not _CJK.search(line) and bool(_LATIN.search(line))


_CLOSING = (")", "）")


def _annotation(line: str, extra: tuple[str, ...]) -> Annotation | None:
    """The status remark after the name, or on a line of its own below it (（观察员）).

    ``None`` when there is none.  Called by :func:`_entry` only for a name with
    lines below it or ending with a bracket: without either, it holds no remark
    (:func:`split_status_annotation` takes only a trailing parenthesis).
    """
    annotation = split_status_annotation(line)
    for remark in extra if annotation.status is None else ():
        below = split_status_annotation(line + remark)
        if below.status is not None and below.name == line:
            return below
    return annotation if annotation.status is not None else None


_WRITTEN = (Placement.CELL, Placement.SHIFT)


def _separate(lines: list[str], years: list[str], organization: Placed) -> bool:
    """Whether the lines of an organization cell are separate organizations.

    They are, unless a later line annotates the first (a native-language
    name, a bracketed remark) and neither links nor the year cell say otherwise.
    """
    return (
        len(lines) == 1
        or len(years) == len(lines)
        or all(_link_for(line, organization) is not None for line in lines)
        or not any(_annotates(lines[0], line) for line in lines[1:])
    )


def _entry(
    aligned: AlignedRow, organization: Placed, line: str, joined_text: str, extra: tuple[str, ...]
) -> Entry:
    """The entry of one line of the organization cell (``extra``: the lines kept beside it).

    The tests that decide whether a call has work to do are made here, before it (nearly
    every name starts with no bracket, ends with none and has no line below it): a call
    each took as long as the test.  The entry's footnotes are the marks of every cell
    written in the row (not of cells spanned into it), gathered here, not by a call.
    """
    bare = without_flag_remnant(line) if line[:1] in _OPENING else line
    annotation = _annotation(bare, extra) if extra or bare.rstrip().endswith(_CLOSING) else None
    name = bare if annotation is None else annotation.name
    link = None
    if organization.cell is not None and organization.cell.links:
        link = _link_for(name, organization)
        if link is None and line != name:
            link = _link_for(line, organization)
    footnotes: tuple[str, ...] = ()
    for placed in aligned.values.values():
        cell = placed.cell
        if cell is not None and cell.footnotes and placed.how in _WRITTEN:
            footnotes += cell.footnotes
    return Entry(aligned, name, link, joined_text, footnotes, extra, annotation)


def _lines(
    aligned: AlignedRow, organization: Placed, joined_text: str, locations: Sequence[Location]
) -> tuple[list[Entry], Note | None]:
    """The entries of an organization cell of several lines, and the note when its
    further lines are kept beside the first (one entry, given the whole year cell)."""
    lines = organization.text.split("\n")
    years = joined_text.split("\n")
    if any(map(is_flag_remnant, lines)):  # a flag's line names no organization: left out,
        kept = [n for n, line in enumerate(lines) if not is_flag_remnant(line)]  # with its year
        if len(years) == len(lines):
            years = [years[n] for n in kept]
            joined_text = "\n".join(years)
        lines = [lines[n] for n in kept]
    if _separate(lines, years, organization):
        paired = len(years) == len(lines)
        return [
            _entry(aligned, organization, line, years[number] if paired else joined_text, ())
            for number, line in enumerate(lines)
        ], None
    extra = tuple(lines[1:])
    message = f"one organization, further lines of its cell kept beside it: {'; '.join(extra)}"
    note = Note(code=NoteCode.ENTRY_EXTRA_LINES, message=message, location=locations[aligned.row])
    return [_entry(aligned, organization, lines[0], joined_text, extra)], note


def split_entries(
    rows: list[AlignedRow], locations: Sequence[Location]
) -> tuple[list[Entry], list[Note]]:
    """The entries of every member row, in row order, and a note for each row whose
    further lines were kept beside one organization.

    A cell of one line (nearly all) is one entry with the whole year cell: what
    :func:`_lines` gives it too, without splitting either cell.  The two cells' texts
    are read as ``Placed.text`` reads them, without its property call per row.
    """
    entries: list[Entry] = []
    notes: list[Note] = []
    member, organization_role, joined_role = RowKind.MEMBER, Role.ORGANIZATION, Role.JOINED
    for aligned in rows:
        if aligned.kind is not member:
            continue
        organization = aligned.values[organization_role]
        joined = aligned.values.get(joined_role)
        cell = joined.cell if joined is not None else None
        joined_text = cell.text if cell is not None else ""
        cell = organization.cell
        text = cell.text if cell is not None else ""
        if "\n" not in text:
            entries.append(_entry(aligned, organization, text, joined_text, ()))
            continue
        found, note = _lines(aligned, organization, joined_text, locations)
        entries += found
        if note is not None:
            notes.append(note)
    return entries, notes
