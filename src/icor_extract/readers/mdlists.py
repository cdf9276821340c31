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

from icor_extract.readers.raw import (
    FlagHint,
    Link,
    RawItem,
    RawList,
    Trail,
    enter_heading,
    flag_file,
    heading_path,
    link_title,
    normalize_text,
    split_footnotes,
)

__all__ = ["read_markdown_lists"]


@dataclass
class _Inline:
    text: str
    links: tuple[Link, ...]
    footnotes: tuple[str, ...]
    flags: tuple[FlagHint, ...]


def _inline(token: Token) -> _Inline:
    """Text, links and flag images of one inline token."""
    parts: list[str] = []
    links: list[Link] = []
    flags: list[FlagHint] = []
    open_links: list[tuple[str | None, int]] = []
    for child in token.children or ():
        kind = child.type
        if kind in ("text", "code_inline"):
            parts.append(child.content)
        elif kind == "softbreak":
            parts.append(" ")
        elif kind == "hardbreak":
            parts.append("\n")
        elif kind == "link_open":
            open_links.append((link_title(str(child.attrGet("href") or "")), len(parts)))
        elif kind == "link_close" and open_links:
            title, start = open_links.pop()
            shown = normalize_text("".join(parts[start:]))
            if title is not None and shown:
                links.append(Link(title=title, text=shown))
        elif kind == "image":
            found = flag_file(str(child.attrGet("src") or ""))
            if found is not None:
                flags.append(FlagHint(kind="image", value=found[0], evidence=found[1]))
    text, marks = split_footnotes(normalize_text("".join(parts)))
    return _Inline(text, tuple(links), marks, tuple(flags))


def _raw_item(inline: _Inline, *, number: int, depth: int, line: int | None) -> RawItem:
    return RawItem(
        text=inline.text,
        number=number,
        depth=depth,
        links=inline.links,
        footnotes=inline.footnotes,
        flags=inline.flags,
        line=line,
    )


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
    tokens = MarkdownIt("commonmark").parse(text)
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
                lead = _raw_item(_inline(token), number=-1, depth=0, line=_line(token))
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


def _add_text(current: _Open, found: _Inline) -> None:
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
