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
from dataclasses import dataclass, field

from markdown_it.token import Token

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
    normalize_text,
)

__all__ = ["read_markdown_lists"]

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


def _line(token: Token) -> int | None:
    return token.map[0] + 1 if token.map else None


@dataclass
class _Reader:
    """The walk through the page's blocks: headings, the last paragraph, the open list.

    Inline runs are parsed only when read: every heading and list item, and a
    paragraph only as a list's lead or where being the category links would
    change the headings of a list after it.
    """

    blocks: Blocks
    lists: list[RawList] = field(default_factory=list)
    trail: Trail = ()
    paragraph: _Paragraph | None = None  # the last paragraph, if no heading or list came since
    undecided: _Paragraph | None = None  # a paragraph whose being the category links matters
    current: _Open | None = None

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
            self.current = _Open(ordered=token.type == "ordered_list_open", line=_line(token))

    def heading(self, level: int, title: str) -> None:
        self.trail = enter_heading(self.trail, level, title)
        if self.undecided is not None:
            undecided = self.undecided
            undecided.footer_trail = enter_heading(undecided.footer_trail, level, title)
            if undecided.footer_trail == self.trail:  # the paragraph no longer matters
                self.undecided = None

    def read(self, paragraph: _Paragraph) -> RawItem:
        if paragraph.lead is None:
            cell = self.inline(paragraph.token)
            paragraph.lead = item_of_cell(cell, number=-1, depth=0, line=_line(paragraph.token))
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
                RawItem(text="", number=number, depth=current.depth, line=_line(token))
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


#: a line that starts a CommonMark HTML block of type 6 with a table, at the page's margin
_TABLE_LINE = re.compile(r"<table(?:[ \t>]|/>|$)", re.IGNORECASE)
#: what could hold such a line inside another block (fenced code, HTML blocks of types 1-5,
#: a link definition's title), or make lines differ from markdown-it's (carriage returns)
_UNSAFE = re.compile(
    r"```|~~~|<!--|<\?|<![A-Za-z\[]|<(?:script|pre|style|textarea)|\]:|\r|\x00", re.IGNORECASE
)
_LIST_MARK = re.compile(r"[ \t]|(?:[-+*]|\d{1,9}[.)])(?:[ \t]|$)")


def _blank_blocks(lines: list[str], start: int) -> int:
    """Blank the HTML block at ``start`` if that cannot change the lists; where scanning resumes.

    The block ends before the next blank line, as markdown-it ends it.  Blank
    lines end a paragraph or a block quote as the block did, and keep every line
    number; they differ only in keeping a list open, so a block followed by an
    indented line or a list item is left alone.
    """
    end = start + 1
    while end < len(lines) and lines[end].strip(" \t"):
        end += 1
    following = next((line for line in lines[end:] if line.strip(" \t")), "")
    if not _LIST_MARK.match(following):
        lines[start:end] = [""] * (end - start)
    return end


def _outside_tables(text: str) -> str:
    """``text`` with its HTML table blocks as blank lines, when that is certainly the same.

    markdown-it reads an HTML block line by line and the list reader ignores it;
    the table blocks are most of a pandoc page, and most of the reader's time.
    """
    if _UNSAFE.search(text) is not None:
        return text
    lines = text.split("\n")
    position = 0
    while position < len(lines):
        if _TABLE_LINE.match(lines[position]):
            position = _blank_blocks(lines, position)
        else:
            position += 1
    return "\n".join(lines)


def read_markdown_lists(text: str) -> list[RawList]:
    """Every markdown list of a page, in order, with its heading path and lead paragraph."""
    reader = _Reader(Blocks(_outside_tables(text)))
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
