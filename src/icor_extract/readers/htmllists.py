"""HTML lists (``<ul>``/``<ol>``) of a rendered page, with the headings above them.

Each top-level list outside a table becomes a :class:`RawList`; an ``<li>``
nested in another is an item one level deeper.  An item's content is read as
a table cell is (:func:`.html.read_cell`: text, links, footnotes, flag
images), without its nested lists.  Lists in the page's furniture
(navigation boxes, references, the table of contents, infoboxes, categories)
are skipped: they are never member lists.
"""

from __future__ import annotations

from copy import deepcopy

from lxml import etree

from icor_extract.readers.html import heading_text, read_cell
from icor_extract.readers.raw import RawItem, RawList

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


def _item(li: etree._Element, *, number: int, depth: int) -> RawItem:
    own = deepcopy(li)
    for nested in list(own.iter(*_LISTS)):
        parent = nested.getparent()
        if parent is not None:
            parent.remove(nested)
    cell = read_cell(own)
    line = getattr(li, "sourceline", None)
    return RawItem(
        text=cell.text,
        number=number,
        depth=depth,
        links=cell.links,
        footnotes=cell.footnotes,
        flags=cell.flags,
        line=line if isinstance(line, int) else None,
    )


def _items(element: etree._Element, depth: int, out: list[RawItem]) -> None:
    for li in element.iterchildren("li"):
        out.append(_item(li, number=len(out), depth=depth))
        if depth >= _MAX_DEPTH:
            continue
        for nested in li.iter(*_LISTS):
            ancestor = nested.getparent()
            while ancestor is not None and ancestor.tag != "li":
                ancestor = ancestor.getparent()
            if ancestor is li and not _is_furniture(nested):
                _items(nested, depth + 1, out)


def read_html_lists(text: str) -> list[RawList]:
    """Every top-level list of an HTML page outside tables and page furniture."""
    parser = etree.HTMLParser(no_network=True, remove_comments=True, huge_tree=True)
    root = etree.fromstring(text, parser)
    if root is None:
        return []
    lists: list[RawList] = []
    headings: list[tuple[int, str]] = []
    lead: RawItem | None = None
    walker = etree.iterwalk(root, events=("start",))
    for _, element in walker:
        tag = element.tag if isinstance(element.tag, str) else ""
        if _is_furniture(element):
            walker.skip_subtree()
        elif tag in _HEADINGS:
            level = int(tag[1])
            while headings and headings[-1][0] >= level:
                headings.pop()
            title = heading_text(element)
            if title:
                headings.append((level, title))
            lead = None
            walker.skip_subtree()
        elif tag == "p":
            cell = read_cell(element)
            found = cell.text or cell.flags
            lead = (
                RawItem(text=cell.text, number=-1, depth=0, links=cell.links, flags=cell.flags)
                if found
                else lead
            )
            walker.skip_subtree()
        elif tag in _LISTS:
            items: list[RawItem] = []
            _items(element, 1, items)
            if items:
                line = getattr(element, "sourceline", None)
                lists.append(
                    RawList(
                        index=len(lists),
                        items=tuple(items),
                        headings=tuple(title for _, title in headings),
                        lead=lead,
                        ordered=tag == "ol",
                        line=line if isinstance(line, int) else None,
                    )
                )
            lead = None
            walker.skip_subtree()
    return lists
