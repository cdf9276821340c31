"""Markdown lists, read with markdown-it-py (CommonMark), with the headings above them.

pandoc writes a wiki list as a markdown list (``  - item``, ``  1. item``),
wraps long items over several lines and escapes brackets (``\\[3\\]``).  A
CommonMark parser reads all of that as the markup means it: an item's
continuation lines, a link split over two lines, nested lists and escapes.
markdown-it-py is the maintained Python port of markdown-it and gives every
block its source lines, which the items keep.  Lists inside HTML blocks are
not markdown lists and are left to the table reader.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from markdown_it.common.utils import mdTrim
from markdown_it.token import Token

from icor_extract.readers.cell_text import normalize_text, split_footnotes
from icor_extract.readers.mdblank import Collapsed, collapse_html_blocks, collapsed_text
from icor_extract.readers.mdit import Blocks
from icor_extract.readers.mdtables import inline_cell
from icor_extract.readers.raw import (
    RawCell,
    RawItem,
    RawList,
    Trail,
    enter_heading,
    heading_path,
    item_of_cell,
)

__all__ = ["lists_never_under", "read_markdown_lists"]

_OPENS = ("bullet_list_open", "ordered_list_open")
#: a paragraph of category links only, which pandoc writes at the end of the page's sections
#: (its footnotes follow as a numbered list)
_FOOTER = re.compile(r"^(?:(?:Category|分类|分類)\s*:\S+\s*)+$", re.IGNORECASE)
_CLOSES = ("bullet_list_close", "ordered_list_close")


@dataclass
class _Open:
    """The top-level list being read."""

    ordered: bool
    line: int | None
    items: list[RawItem] = field(default_factory=list)
    depth: int = 1  # list nesting at the current token


@dataclass
class _Paragraph:
    """A paragraph outside the lists, read only when a list needs it.

    It is the next list's lead if no heading comes between them, and resets
    the headings if it is the page's category links; ``footer_trail`` is the
    trail as it would be after such a reset (and the headings since).
    """

    token: Token
    footer_trail: Trail = ()
    lead: RawItem | None = None


@dataclass
class _Reader:
    """The walk through the page's blocks: headings, the last paragraph, the open list.

    Inline runs are parsed only when read: every heading and list item, and a
    paragraph only as a list's lead or where being the category links would
    change the headings of a list after it.
    """

    blocks: Blocks
    page: Collapsed
    lists: list[RawList] = field(default_factory=list)
    trail: Trail = ()
    paragraph: _Paragraph | None = None  # the last paragraph, if no heading or list came since
    undecided: _Paragraph | None = None  # a paragraph whose being the category links matters
    current: _Open | None = None

    def line(self, token: Token) -> int | None:
        """The 1-based line of the page a block token starts on."""
        return self.page.line(token.map[0]) + 1 if token.map else None

    def inline(self, token: Token) -> RawCell:
        """Text, links, footnotes and flag images of one inline run, as a pipe table's cell."""
        return inline_cell(self.blocks.children(token), header=False)

    def outside(self, position: int, token: Token) -> None:
        """A token outside any list: a heading, a paragraph, or a list opening."""
        if token.type == "heading_open":
            title = self.inline(self.blocks.tokens[position + 1]).text
            if title:
                self.heading(int(token.tag[1]), title)
            self.paragraph = None
        elif token.type == "inline" and self.blocks.tokens[position - 1].type == "paragraph_open":
            self.decide()
            self.paragraph = _Paragraph(token)
            if self.trail:  # a reset would change the trail
                self.undecided = self.paragraph
        elif token.type in _OPENS:
            self.decide()
            self.current = _Open(ordered=token.type == "ordered_list_open", line=self.line(token))

    def heading(self, level: int, title: str) -> None:
        """Enter a heading, on the trail and on the undecided paragraph's reset trail."""
        self.trail = enter_heading(self.trail, level, title)
        if self.undecided is not None:
            undecided = self.undecided
            undecided.footer_trail = enter_heading(undecided.footer_trail, level, title)
            if undecided.footer_trail == self.trail:  # the paragraph no longer matters
                self.undecided = None

    def read(self, paragraph: _Paragraph) -> RawItem:
        """The paragraph as a lead item, parsed the first time it is asked for."""
        if paragraph.lead is None:
            cell = self.inline(paragraph.token)
            paragraph.lead = item_of_cell(cell, number=-1, depth=0, line=self.line(paragraph.token))
        return paragraph.lead

    def decide(self) -> None:
        """Read the undecided paragraph: the category links reset the headings."""
        if self.undecided is not None:
            if _FOOTER.match(self.read(self.undecided).text):
                self.trail = self.undecided.footer_trail
            self.undecided = None

    def inside(self, current: _Open, token: Token) -> None:
        """A token of the open list: nesting, a new item, or an item's text."""
        if token.type in _OPENS:
            current.depth += 1
        elif token.type in _CLOSES:
            current.depth -= 1
            if current.depth == 0:
                self.close(current)
        elif token.type == "list_item_open":
            number = len(current.items)
            current.items.append(
                RawItem(text="", number=number, depth=current.depth, line=self.line(token))
            )
        elif token.type == "inline":
            _add_text(current, self.inline(token))

    def close(self, current: _Open) -> None:
        lead = self.read(self.paragraph) if self.paragraph is not None else None
        if lead is not None and not (lead.text or lead.flags):
            lead = None
        self.lists.append(
            RawList(
                index=len(self.lists),
                items=tuple(current.items),
                headings=heading_path(self.trail),
                lead=lead,
                ordered=current.ordered,
                line=current.line,
            )
        )
        self.current, self.paragraph = None, None


#: a line markdown-it's list rule could start an item on: after blanks and block quote
#: marks, a bullet or up to nine digits and ``.`` or ``)``, then a blank or the line's end
#: (searched with a newline before the text, so that every line starts after one)
_ITEM_LINE = re.compile(r"\n[ \t>]*(?:[-+*]|[0-9]{1,9}[.)])(?![^ \t\n])")


def may_hold_lists(text: str) -> bool:
    """False when no line of ``text`` can start a list item, so markdown-it would find none.

    markdown-it reads carriage returns as line breaks too; such a text is parsed.
    """
    return "\r" in text or _ITEM_LINE.search("\n" + text) is not None


#: what a line-by-line reading of the headings cannot follow: fences, carriage returns
#: (markdown-it breaks lines there) and NUL (it becomes U+FFFD) ...
_UNSURE = ("```", "~~~", "\r", "\x00")
#: ... and HTML blocks and block quotes (a line starting with ``<`` or ``>``), and indented
#: ``#`` lines (maybe inside a list item)
_UNSURE_LINE = re.compile(r"\n(?:[ \t]*[<>]|[ \t]+#{1,6}(?![^ \t\n]))")
#: a line that may underline a setext heading, if the line above it is not blank
_SETEXT = re.compile(r"\n[ \t]*(?:=+|-+)[ \t]*(?![^\n])")
#: an ATX heading at the margin; ``#`` in its text (a closing sequence) is left unsure
_ATX = re.compile(r"\n(#{1,6})(?![^ \t\n])([^\n]*)")
#: inline markup markdown-it's commonmark rules act on, or a closing ``#``
_MARKUP = re.compile(r"[\\`*_\[\]!<&#~]")


def _heading(level: str, content: str) -> tuple[int, str] | None:
    """An ATX heading's level and title as the reader reads it; ``None`` if it holds markup."""
    if _MARKUP.search(content):
        return None
    return len(level), split_footnotes(normalize_text(mdTrim(content)))[0]


def _sure(text: str) -> bool:
    """Whether every heading of ``text`` (with a newline before it) is an ATX line at the margin.

    Then no fence, HTML block or quote can hide one (a paragraph, a list and a
    reference definition end at one), and no setext underline follows a line
    that is not blank.
    """
    if any(mark in text for mark in _UNSURE) or _UNSURE_LINE.search(text):
        return False
    for match in _SETEXT.finditer(text):
        above = text[text.rfind("\n", 0, match.start()) + 1 : match.start()]
        if above.strip(" \t"):
            return False
    return True


def _heading_paths(lines: str) -> set[tuple[str, ...]] | None:
    """The trail's path at each line that may start a list item; ``None`` if a title has markup.

    The headings are the ATX lines at the margin, as :func:`_sure` checks.
    """
    headings: list[tuple[int, int, str]] = []
    for match in _ATX.finditer(lines):
        found = _heading(match.group(1), match.group(2))
        if found is None:
            return None
        headings.append((match.start(), *found))
    paths: set[tuple[str, ...]] = set()
    trail: Trail = ()
    path: tuple[str, ...] = ()
    entered = 0  # the headings above the item line
    for item in _ITEM_LINE.finditer(lines):
        start = item.start()
        if entered < len(headings) and headings[entered][0] < start:  # a path only if new
            while entered < len(headings) and headings[entered][0] < start:
                _, level, title = headings[entered]
                if title:
                    trail = enter_heading(trail, level, title)
                entered += 1
            path = heading_path(trail)
        paths.add(path)
    return paths


def lists_never_under(text: str, wanted: Callable[[tuple[str, ...]], bool]) -> bool:
    """True only if no list of the page has a heading path ``wanted`` accepts; no markdown-it.

    ``wanted`` must accept a path when it accepts its start (the nearest
    headings), as a test that stops at the nearest heading that decides does.
    Each line that may start a list item gets the trail of the ATX headings
    above it.  The category links paragraph, which only the full reader reads,
    can only drop the farthest headings of a trail, so every list's path is
    one of these or a start of one.  When ``wanted`` accepts none, the page is
    checked for anything that could hide a heading or make one of another
    kind (:func:`_sure`); an accepted path ends the scan early.
    """
    lines = "\n" + collapsed_text(text)
    paths = _heading_paths(lines)
    return paths is not None and not any(wanted(path) for path in paths) and _sure(lines)


def read_markdown_lists(text: str) -> list[RawList]:
    """Every markdown list of a page, in order, with its heading path and lead paragraph."""
    page = collapse_html_blocks(text)
    if not may_hold_lists(page.text):
        return []
    reader = _Reader(Blocks(page.text), page)
    for position, token in enumerate(reader.blocks.tokens):
        if reader.current is None:
            reader.outside(position, token)
        else:
            reader.inside(reader.current, token)
    return reader.lists


def _add_text(current: _Open, found: RawCell) -> None:
    """Give an inline run to the item it belongs to: the last item at this depth."""
    for position in range(len(current.items) - 1, -1, -1):
        item = current.items[position]
        if item.depth != current.depth:
            continue
        text = normalize_text(f"{item.text} {found.text}") if item.text else found.text
        current.items[position] = RawItem(
            text=text,
            number=item.number,
            depth=item.depth,
            links=item.links + found.links,
            footnotes=item.footnotes + found.footnotes,
            flags=item.flags + found.flags,
            line=item.line,
        )
        return
