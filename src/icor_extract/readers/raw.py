"""The raw-table type every reader produces, and the text clean-up they share.

A reader's only job is to say what the source holds: cell text, links,
footnotes, span attributes as written, and flag hints (a flag template or
image that names a country).  It does not expand spans, guess columns or
resolve countries; the stages to its right do.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any
from urllib.parse import unquote

from icor_extract.model import Layout, Location, draft_class, new_location

__all__ = [
    "CONTROLS_DROPPED",
    "FILE_NAMESPACES",
    "HIDDEN_NAMESPACES",
    "NON_ARTICLE_NAMESPACES",
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
    "flag_file",
    "has_controls",
    "heading_path",
    "is_normal",
    "item_of_cell",
    "link_title",
    "namespace_of",
    "new_cell",
    "new_hint",
    "new_link",
    "new_row",
    "normalize_text",
    "remove_controls",
    "source_text",
    "split_footnotes",
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


_new = object.__new__
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
    link: Any = _new(_LinkDraft)
    link.title = title
    link.text = text
    link.__class__ = Link
    return link  # type: ignore[no-any-return]


def new_hint(kind: str, value: str, evidence: str) -> FlagHint:
    """``FlagHint(kind=kind, value=value, evidence=evidence)``, built as :func:`new_link`."""
    hint: Any = _new(_HintDraft)
    hint.kind = kind
    hint.value = value
    hint.evidence = evidence
    hint.__class__ = FlagHint
    return hint  # type: ignore[no-any-return]


_CellDraft = draft_class(RawCell)


def new_cell(
    *,
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
    (:func:`~icor_extract.model.draft_class`): safe while ``RawCell`` has no
    ``__post_init__`` (a test compares the two).
    """
    cell: Any = _new(_CellDraft)
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


def new_row(*, cells: tuple[RawCell, ...], line: int | None, group: int, in_head: bool) -> RawRow:
    """The :class:`RawRow` its constructor builds, through a draft as :func:`new_cell`.

    Safe while ``RawRow`` has no ``__post_init__`` (a test compares the two).
    """
    row: Any = _new(_RowDraft)
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


_SPACE = re.compile(r"[\s\u200b\ufeff]+")
# Every white space but the line break (U+2000-U+200A, U+3000 ... included),
# and the zero-width spaces pages use as padding.
_LINE_SPACE = re.compile(r"(?:[^\S\n]|[\u200b\ufeff])+")
# C0 and C1 control characters other than tab, line feed and carriage return
# (white space, collapsed like any other): a value never holds them, so a page
# cannot reach a terminal's escape sequences through it.
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f]")
#: what a cell's ``dropped`` says when control characters were taken out of it
CONTROLS_DROPPED = "control characters"
#: what a cell's ``dropped`` says when its markup was removed, its text kept
TOO_COMPLEX_DROPPED = "markup too complex to parse (read as plain text)"
#: what a cell's ``dropped`` says when an unclosed <script>, <textarea> … tag was removed
UNCLOSED_DROPPED = "an unclosed raw-text tag (<script>, <textarea> …), its text kept"
# Footnote marks as MediaWiki renders them ([1], [注 2], [a]) and as pandoc
# escapes them (\[1\]).  Possessive: a long run of spaces after "[" is
# scanned once, not once per way of splitting it.
_FOOTNOTE = re.compile(r"\\?\[\s*+((?:(?:注|note|n)\s*+)?+\d{1,3}|[a-z])\s*+\\?\]", re.IGNORECASE)


_SOURCE_BREAK = re.compile(r"\n(?:[ \t]*\n)+|\n(?=[*#:;])")


def source_text(text: str, *, paragraphs: bool = False) -> str:
    """Text as written in the source: its newlines are spaces, not line breaks.

    In HTML every source newline is white space.  In wikitext (``paragraphs``)
    a blank line starts a paragraph and a ``*``/``#`` line a list item, which
    are line breaks; other newlines are spaces.  Line breaks that markup makes
    (``<br>``, block elements) are added by the readers, not here.
    """
    if "\n" not in text:
        return text
    if paragraphs:
        text = _SOURCE_BREAK.sub("\x00", text)
    return text.replace("\n", " ").replace("\x00", "\n")


def has_controls(text: str) -> bool:
    """Whether ``text`` holds a control character that :func:`normalize_text` removes."""
    return _CONTROL.search(text) is not None


def remove_controls(text: str) -> tuple[str, int]:
    """``text`` without its control characters, and how many there were."""
    return _CONTROL.subn("", text)


#: whether a text is one :func:`normalize_text` returns as it is, with no control character:
#: runs of characters that are neither white space, controls nor zero-width spaces, one
#: space between two runs (most cells); one match instead of two substitutions and a search
is_normal = re.compile(
    r"(?:[^\s\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f\u200b\ufeff]++"
    r"(?: [^\s\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f\u200b\ufeff]++)*+)?+"
).fullmatch


def normalize_text(text: str) -> str:
    """Collapse runs of whitespace to one space, keeping explicit line breaks.

    Control characters (C0 and C1, but tab and line breaks) are removed.
    """
    if is_normal(text):
        return text
    text = _CONTROL.sub("", text)
    if "\n" not in text:
        return _LINE_SPACE.sub(" ", text).strip(" ")
    lines = (_LINE_SPACE.sub(" ", line).strip(" ") for line in text.split("\n"))
    return "\n".join(line for line in lines if line)


def split_footnotes(text: str) -> tuple[str, tuple[str, ...]]:
    """Take footnote marks out of ``text``; return the clean text and the marks."""
    if "[" not in text:
        return text, ()
    marks = tuple(f"[{match.group(1).strip()}]" for match in _FOOTNOTE.finditer(text))
    if not marks:
        return text, ()
    return normalize_text(_FOOTNOTE.sub("", text)), marks


#: pandoc's ``../Page/X.md``, else a ``/wiki/X`` path: one match tries them in that order
_ARTICLE_PATH = re.compile(
    r"(?:\.\./)?Page/(?P<page>.+?)\.md$|(?:(?:https?:)?//[^/]+)?/wiki/(?P<wiki>[^?#]+)"
)
_INDEX_PHP = re.compile(r"[?&]title=(?P<title>[^&#]+)")
#: namespaces of files: a link into one shows the file (a flag image, maybe)
FILE_NAMESPACES = frozenset({"file", "image", "文件", "檔案", "图像", "圖像", "媒体", "媒體"})
#: namespaces whose links a table cell does not show as text (categories, templates)
HIDDEN_NAMESPACES = frozenset({"category", "分类", "分類", "template", "模板"})
#: every namespace whose pages are not articles (zh-wiki's names and their English ones)
NON_ARTICLE_NAMESPACES = (
    FILE_NAMESPACES | HIDDEN_NAMESPACES | {"help", "special", "wikipedia", "特殊"}
)


def namespace_of(title: str) -> str | None:
    """The namespace a title names, folded (``File:X`` gives ``file``), if it is a known one."""
    if ":" not in title:
        return None
    prefix = title.split(":", 1)[0].strip().casefold()
    return prefix if prefix in NON_ARTICLE_NAMESPACES else None


# Commons flag files: Flag_of_India.svg, Flag_of_Afghanistan_(2013–2021).svg.
# The name is bounded (no country's name is longer), so a long run of
# "Flag_of_" without ".svg" costs linear time, not quadratic.
_FLAG_FILE = re.compile(r"Flag[ _]of[ _](?P<name>[^/|\]]{1,120}?)\.svg", re.IGNORECASE)


def flag_file(text: str) -> tuple[str, str] | None:
    """(country name, file name) of a Commons flag file named in ``text``, if any.

    ``text`` may be an image URL (percent-encoded) or a wiki file title; a
    bracketed qualifier stays in the name and is dropped when it is resolved.
    """
    match = _FLAG_FILE.search(text)
    if match is None:
        return None
    name = unquote(match.group("name")).replace("_", " ").strip()
    return name, unquote(match.group(0))


def link_title(href: str) -> str | None:
    """The article title an href points to, or ``None`` for non-article links.

    Understands pandoc's ``../Page/X.md``, ``https://zh.wikipedia.org/wiki/X``,
    ``/wiki/X``, Parsoid's ``./X`` and ``index.php?title=X`` (red links);
    percent-escapes are decoded and ``_`` is read as a space.
    """
    href = href.strip()
    title: str | None = None
    if (match := _ARTICLE_PATH.match(href)) is not None:
        title = match["page"] or match["wiki"]
    elif (match := _INDEX_PHP.search(href)) is not None:
        title = match["title"]
    elif href.startswith("./"):
        title = href[2:].split("#", 1)[0].split("?", 1)[0]
    if not title:
        return None
    if "%" in title:
        title = unquote(title)
    title = title.replace("_", " ").strip()
    if not title or (":" in title and namespace_of(title) is not None):
        return None
    if is_normal(title):  # no control, no run of spaces: the clean-up below keeps it as it is
        return title
    return _SPACE.sub(" ", _CONTROL.sub("", title)).strip() or None
