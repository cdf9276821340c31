"""What a document holds when it holds no table: said in the "no table" error.

A user handed ``NoTableError`` should learn what the page has instead (list
items, headings), so that they know whether the members are there in another
form or the page is simply the wrong one.
"""

from __future__ import annotations

import re

__all__ = ["what_it_holds"]

_LIST_ITEM = {
    "markdown": re.compile(r"^ {0,8}(?:[*+-]|\d{1,3}[.)])[ \t]+\S", re.MULTILINE),
    "wikitext": re.compile(r"^[*#]+[ \t]*\S", re.MULTILINE),
    "html": re.compile(r"<li\b", re.IGNORECASE),
}
_HEADING = {
    "markdown": re.compile(r"^ {0,3}#{1,6}[ \t]+\S", re.MULTILINE),
    "wikitext": re.compile(r"^={1,6}[^=\n].*?={1,6}[ \t]*$", re.MULTILINE),
    "html": re.compile(r"<h[1-6]\b", re.IGNORECASE),
}


def _count(pattern: re.Pattern[str] | None, text: str) -> int:
    return sum(1 for _ in pattern.finditer(text)) if pattern is not None else 0


def what_it_holds(text: str, format: str) -> str:
    """``'it holds 42 list items under 5 headings'``, or what little there is."""
    items = _count(_LIST_ITEM.get(format), text)
    headings = _count(_HEADING.get(format), text)
    parts = []
    if items:
        parts.append(f"{items} list item{'s' if items != 1 else ''}")
    if headings:
        parts.append(f"{headings} heading{'s' if headings != 1 else ''}")
    if not parts:
        return "it holds no list and no heading either"
    return "it holds " + " and ".join(parts)
