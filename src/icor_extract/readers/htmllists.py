"""HTML lists (``<ul>``/``<ol>``) of a rendered page, with the headings above them.

Each top-level list outside a table becomes a :class:`RawList`; an ``<li>``
nested in another is an item one level deeper.  An item's content is read as
a table cell is (:func:`.html_cells.read_cell`: text, links, footnotes, flag
images), without its nested lists.  Lists in the page's furniture
(navigation boxes, references, the table of contents, infoboxes, categories)
are skipped: they are never member lists.
"""

from __future__ import annotations

from lxml import etree

from icor_extract.readers.html import heading_text, source_line
from icor_extract.readers.html_cells import read_cell
from icor_extract.readers.raw import (
    RawItem,
    RawList,
    Trail,
    enter_heading,
    heading_path,
    item_of_cell,
)

__all__ = ["read_html_lists"]

_LISTS = ("ul", "ol")
_HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
_FURNITURE_TAGS = frozenset({"table", "nav", "footer", "script", "style", "noscript", "template"})
_FURNITURE_CLASSES = frozenset(
    """navbox vertical-navbox sidebar infobox reflist references mw-references-wrap toc
    catlinks metadata hatnote noprint mw-editsection thumb gallery""".split()
)
#: nesting deeper than this is read no further (hostile input, not wiki lists)
_MAX_DEPTH = 6


def _is_furniture(element: etree._Element) -> bool:
    if element.tag in _FURNITURE_TAGS:
        return True
    classes = set((element.get("class") or "").split())
    return bool(classes & _FURNITURE_CLASSES) or element.get("id") == "toc"


def _own_lists(li: etree._Element) -> list[etree._Element]:
    """The lists nested in ``li`` itself, in order; deeper items' lists are theirs."""
    found = []
    stack = list(reversed(li))
    while stack:
        element = stack.pop()
        if element.tag in _LISTS:
            found.append(element)
        elif element.tag != "li":
            stack.extend(reversed(element))
    return found


def _item(li: etree._Element, nested: list[etree._Element], *, number: int, depth: int) -> RawItem:
    """Read ``li`` without its nested lists (taken out for the read, then put back)."""
    taken = []
    for element in nested:
        parent = element.getparent()
        if parent is not None:
            taken.append((parent, parent.index(element), element))
            parent.remove(element)
    cell = read_cell(li)
    for parent, position, element in reversed(taken):
        parent.insert(position, element)
    return item_of_cell(cell, number=number, depth=depth, line=source_line(li))


def _items(top: etree._Element) -> list[RawItem]:
    """Every item of a top-level list in document order; nesting deeper than
    :data:`_MAX_DEPTH` is read at that depth (hostile input, not wiki lists)."""
    out: list[RawItem] = []
    stack: list[tuple[etree._Element, int]] = [(top, 1)]
    while stack:
        element, depth = stack.pop()
        if element.tag in _LISTS:
            if not _is_furniture(element):
                items = [(li, depth) for li in element.iterchildren("li")]
                stack.extend(reversed(items))
            continue
        nested = _own_lists(element)
        out.append(_item(element, nested, number=len(out), depth=depth))
        stack.extend((child, min(depth + 1, _MAX_DEPTH)) for child in reversed(nested))
    return out


def read_html_lists(text: str) -> list[RawList]:
    """Every top-level list of an HTML page outside tables and page furniture."""
    parser = etree.HTMLParser(no_network=True, remove_comments=True, huge_tree=True)
    root = etree.fromstring(text, parser)
    if root is None:
        return []
    lists: list[RawList] = []
    trail: Trail = ()
    lead: RawItem | None = None
    walker = etree.iterwalk(root, events=("start",))
    for _, element in walker:
        tag = element.tag if isinstance(element.tag, str) else ""
        if _is_furniture(element):
            walker.skip_subtree()
        elif tag in _HEADINGS:
            level = int(tag[1])
            title = heading_text(element)
            if title:
                trail = enter_heading(trail, level, title)
            lead = None
            walker.skip_subtree()
        elif tag == "p":
            cell = read_cell(element)
            found = cell.text or cell.flags
            lead = item_of_cell(cell, number=-1, depth=0, line=None) if found else lead
            walker.skip_subtree()
        elif tag in _LISTS:
            items = _items(element)
            if items:
                lists.append(
                    RawList(
                        index=len(lists),
                        items=tuple(items),
                        headings=heading_path(trail),
                        lead=lead,
                        ordered=tag == "ol",
                        line=source_line(element),
                    )
                )
            lead = None
            walker.skip_subtree()
    return lists
