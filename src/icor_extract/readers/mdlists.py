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

from icor_extract.readers.mdit import Parser
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

_PARSER = Parser("commonmark")


def _inline(token: Token) -> RawCell:
    """Text, links, footnotes and flag images of one inline token, as a pipe table's cell."""
    return inline_cell(token.children or [], header=False)


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


def _line(token: Token) -> int | None:
    return token.map[0] + 1 if token.map else None


@dataclass
class _Reader:
    """The walk through the page's tokens: headings, the last paragraph, the open list."""

    tokens: list[Token]
    lists: list[RawList] = field(default_factory=list)
    trail: Trail = ()
    lead: RawItem | None = None
    current: _Open | None = None

    def outside(self, position: int, token: Token) -> None:
        """A token outside any list: a heading, a paragraph (a lead), or a list opening."""
        if token.type == "heading_open":
            title = _inline(self.tokens[position + 1]).text
            if title:
                self.trail = enter_heading(self.trail, int(token.tag[1]), title)
            self.lead = None
        elif token.type == "inline" and self.tokens[position - 1].type == "paragraph_open":
            self.lead = item_of_cell(_inline(token), number=-1, depth=0, line=_line(token))
            if _FOOTER.match(self.lead.text):
                self.trail = ()  # the page's category links: what follows is in no section
        elif token.type in _OPENS:
            self.current = _Open(ordered=token.type == "ordered_list_open", line=_line(token))

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
            _add_text(current, _inline(token))

    def close(self, current: _Open) -> None:
        lead = self.lead if self.lead is not None and (self.lead.text or self.lead.flags) else None
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
        self.current, self.lead = None, None


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
    reader = _Reader(_PARSER.parse(_outside_tables(text)))
    for position, token in enumerate(reader.tokens):
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
