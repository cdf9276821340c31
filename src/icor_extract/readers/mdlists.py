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

from dataclasses import dataclass, field

from markdown_it import MarkdownIt
from markdown_it.token import Token

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

_PARSER = MarkdownIt("commonmark")


def _inline(token: Token) -> RawCell:
    """Text, links, footnotes and flag images of one inline token, as a pipe table's cell."""
    return inline_cell(token.children or [], header=False)


@dataclass
class _Open:
    """The top-level list being read."""

    ordered: bool
    line: int | None
    items: list[RawItem] = field(default_factory=list)
    depth: int = 0  # list nesting at the current token
    texts: list[list[str]] = field(default_factory=list)


def _line(token: Token) -> int | None:
    return token.map[0] + 1 if token.map else None


def read_markdown_lists(text: str) -> list[RawList]:
    """Every markdown list of a page, in order, with its heading path and lead paragraph."""
    tokens = _PARSER.parse(text)
    lists: list[RawList] = []
    trail: Trail = ()
    lead: RawItem | None = None
    current: _Open | None = None
    for position, token in enumerate(tokens):
        kind = token.type
        if current is None:
            if kind == "heading_open":
                level = int(token.tag[1])
                title = _inline(tokens[position + 1]).text
                if title:
                    trail = enter_heading(trail, level, title)
                lead = None
            elif kind == "inline" and tokens[position - 1].type == "paragraph_open":
                lead = item_of_cell(_inline(token), number=-1, depth=0, line=_line(token))
            elif kind in ("bullet_list_open", "ordered_list_open"):
                current = _Open(ordered=kind == "ordered_list_open", line=_line(token))
                current.depth = 1
            continue
        if kind in ("bullet_list_open", "ordered_list_open"):
            current.depth += 1
        elif kind in ("bullet_list_close", "ordered_list_close"):
            current.depth -= 1
            if current.depth == 0:
                usable = lead if lead is not None and (lead.text or lead.flags) else None
                lists.append(
                    RawList(
                        index=len(lists),
                        items=tuple(current.items),
                        headings=heading_path(trail),
                        lead=usable,
                        ordered=current.ordered,
                        line=current.line,
                    )
                )
                current, lead = None, None
        elif kind == "list_item_open":
            current.items.append(
                RawItem(text="", number=len(current.items), depth=current.depth, line=_line(token))
            )
        elif kind == "inline":
            _add_text(current, _inline(token))
    return lists


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
