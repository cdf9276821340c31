"""The raw-table type every reader produces (tables, rows, cells, links, flag hints, lists).

A reader's only job is to say what the source holds: cell text, links,
footnotes, span attributes as written, and flag hints (a flag template or
image that names a country).  It does not expand spans, guess columns or
resolve countries; the stages to its right do.  The text clean-up the readers
share is :mod:`~icor_extract.readers.cell_text`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from icor_extract.model import Layout, Location, draft_class, new_location

__all__ = [
    "CONTROLS_DROPPED",
    "TOO_COMPLEX_DROPPED",
    "UNCLOSED_DROPPED",
    "FlagHint",
    "Link",
    "RawCell",
    "RawItem",
    "RawList",
    "RawRow",
    "RawTable",
    "Trail",
    "enter_heading",
    "heading_path",
    "item_of_cell",
    "new_cell",
    "new_hint",
    "new_link",
    "new_row",
]


@dataclass(frozen=True, slots=True, kw_only=True)
class Link:
    """A link inside a cell: the article it points to and the text shown."""

    title: str
    text: str


@dataclass(frozen=True, slots=True, kw_only=True)
class FlagHint:
    """A country named by markup rather than text: a flag template or image.

    ``value`` is what the markup names (``印度``, ``IND``, ``the Netherlands``);
    ``kind`` says how (``template``, ``code``, ``image``, or ``bare``: a
    template without parameters, such as ``{{印度}}``, that renders a flag
    only if its name is a country's, which the repair stage decides);
    ``evidence`` is the markup itself, for provenance.
    """

    kind: str
    value: str
    evidence: str


@dataclass(frozen=True, slots=True, kw_only=True)
class RawCell:
    """One cell as the source wrote it; spans are kept as the raw attribute text."""

    text: str
    header: bool = False
    rowspan: str | None = None
    colspan: str | None = None
    links: tuple[Link, ...] = ()
    footnotes: tuple[str, ...] = ()
    flags: tuple[FlagHint, ...] = ()
    #: markup left out of the text (unknown templates, tags), reported as notes
    dropped: tuple[str, ...] = ()


_TABLE = Layout.TABLE


_LinkDraft = draft_class(Link)
_HintDraft = draft_class(FlagHint)


def new_link(title: str, text: str) -> Link:
    """``Link(title=title, text=text)``, built through a draft as :func:`new_cell` builds a cell.

    Most cells of a member table hold a link or a flag, and a frozen dataclass's
    keyword ``__init__`` costs three to four times what filling a draft does; safe
    while ``Link`` and ``FlagHint`` have no ``__post_init__`` (a test compares
    both with their constructors).
    """
    link: Any = _LinkDraft()
    link.title = title
    link.text = text
    link.__class__ = Link
    return link  # type: ignore[no-any-return]


def new_hint(kind: str, value: str, evidence: str) -> FlagHint:
    """``FlagHint(kind=kind, value=value, evidence=evidence)``, built as :func:`new_link`."""
    hint: Any = _HintDraft()
    hint.kind = kind
    hint.value = value
    hint.evidence = evidence
    hint.__class__ = FlagHint
    return hint  # type: ignore[no-any-return]


_CellDraft = draft_class(RawCell)


def new_cell(  # noqa: PLR0917 - RawCell's fields, positional for the readers' loops
    text: str,
    header: bool,
    rowspan: str | None,
    colspan: str | None,
    links: tuple[Link, ...],
    footnotes: tuple[str, ...],
    flags: tuple[FlagHint, ...],
    dropped: tuple[str, ...],
) -> RawCell:
    """The :class:`RawCell` ``RawCell(text=text, ...)`` builds, at a fraction of its cost.

    For readers that build a cell per source cell.  It fills a draft
    (:func:`~icor_extract.model.draft_class`, made by calling the draft class: cheaper than
    ``object.__new__``, as for every builder here): safe while ``RawCell`` has no
    ``__post_init__`` (a test compares the two).
    """
    cell: Any = _CellDraft()
    cell.text = text
    cell.header = header
    cell.rowspan = rowspan
    cell.colspan = colspan
    cell.links = links
    cell.footnotes = footnotes
    cell.flags = flags
    cell.dropped = dropped
    cell.__class__ = RawCell
    return cell  # type: ignore[no-any-return]


@dataclass(frozen=True, slots=True, kw_only=True)
class RawRow:
    """One source row; ``group`` numbers the row group (thead/tbody/tfoot) it sits in."""

    cells: tuple[RawCell, ...]
    line: int | None = None
    group: int = 0
    in_head: bool = False


_RowDraft = draft_class(RawRow)


def new_row(cells: tuple[RawCell, ...], line: int | None, group: int, in_head: bool) -> RawRow:
    """The :class:`RawRow` its constructor builds, through a draft as :func:`new_cell`.

    Its fields may be passed by position, as in the pandoc reader's row loop (a keyword call
    costs a fifth more than a positional one).

    Safe while ``RawRow`` has no ``__post_init__`` (a test compares the two).
    """
    row: Any = _RowDraft()
    row.cells = cells
    row.line = line
    row.group = group
    row.in_head = in_head
    row.__class__ = RawRow
    return row  # type: ignore[no-any-return]


@dataclass(frozen=True, slots=True, kw_only=True)
class RawTable:
    """A table in document order, with the heading it sits under."""

    index: int
    rows: tuple[RawRow, ...]
    section: str | None = None  # the nearest heading above the table
    caption: str | None = None
    line: int | None = None
    #: every heading the table sits under, nearest first (``亚洲``, ``前成员``, ...)
    headings: tuple[str, ...] = ()
    #: rows at the end that the source holds but the parser did not give (no cells)
    unread_rows: int = 0

    def locations(self) -> tuple[Location, ...]:
        """The :class:`Location` of every row, by row index: what notes and records cite."""
        index, table = self.index, _TABLE
        return tuple([new_location(index, y, row.line, table) for y, row in enumerate(self.rows)])


#: the headings open at a point of a page: (level, title), outermost first
Trail = tuple[tuple[int, str], ...]


def enter_heading(trail: Trail, level: int, title: str) -> Trail:
    """The trail after a heading of ``level``: it closes every heading as deep or deeper."""
    return (*(item for item in trail if item[0] < level), (level, title))


def heading_path(trail: Trail) -> tuple[str, ...]:
    """The titles of a trail, nearest first."""
    return tuple(title for _, title in reversed(trail))


@dataclass(frozen=True, slots=True, kw_only=True)
class RawItem:
    """One list item as the source wrote it, without its nested items.

    ``depth`` is 1 for a top-level item and 2 for an item nested in one;
    ``number`` counts the list's items in document order, from 0, nested ones
    included, as a table's rows are counted.
    """

    text: str
    number: int
    depth: int = 1
    links: tuple[Link, ...] = ()
    footnotes: tuple[str, ...] = ()
    flags: tuple[FlagHint, ...] = ()
    dropped: tuple[str, ...] = ()
    line: int | None = None


def item_of_cell(cell: RawCell, *, number: int, depth: int, line: int | None) -> RawItem:
    """A list item whose content was read as a cell is (text, links, footnotes, flags)."""
    return RawItem(
        text=cell.text,
        number=number,
        depth=depth,
        links=cell.links,
        footnotes=cell.footnotes,
        flags=cell.flags,
        dropped=cell.dropped,
        line=line,
    )


@dataclass(frozen=True, slots=True, kw_only=True)
class RawList:
    """A bulleted or numbered list in document order, with the headings above it.

    ``headings`` are the headings it sits under, nearest first (as a table's);
    ``lead`` is the paragraph or line just before the list, when one stands
    between the list and the heading (a lead-in sentence such as
    ``后来加入的成员（部分）：``, or a line holding only a flag template that
    heads the list's items).  Lists get their own index, apart from tables.
    """

    index: int
    items: tuple[RawItem, ...]
    headings: tuple[str, ...] = ()
    lead: RawItem | None = None
    ordered: bool = False
    line: int | None = None

    @property
    def section(self) -> str | None:
        """The nearest heading above the list."""
        return self.headings[0] if self.headings else None

    def locations(self) -> tuple[Location, ...]:
        """The :class:`Location` of every item, by item number (``layout`` is ``list``)."""
        index, layout = self.index, Layout.LIST
        return tuple([new_location(index, item.number, item.line, layout) for item in self.items])


#: what a cell's ``dropped`` says when control characters were taken out of it
CONTROLS_DROPPED = "control characters"
#: what a cell's ``dropped`` says when its markup was removed, its text kept
TOO_COMPLEX_DROPPED = "markup too complex to parse (read as plain text)"
#: what a cell's ``dropped`` says when an unclosed <script>, <textarea> … tag was removed
UNCLOSED_DROPPED = "an unclosed raw-text tag (<script>, <textarea> …), its text kept"
