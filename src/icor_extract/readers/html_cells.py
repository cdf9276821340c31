"""Reading one HTML table cell: its text, links, footnotes and flag images.

MediaWiki decorations that are not part of a value are taken out:
``sup.reference`` footnotes, hidden sort keys (``display:none``,
``span.sortkey``), edit-section links, and nested tables (read as tables of
their own by :mod:`.html`).  Apart from the tree streaming, which only hands
each ``td``/``th`` element here: a cell reads the same wherever its table came from.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from urllib.parse import unquote

from lxml import etree

from icor_extract.readers.cell_text import (
    flag_file,
    has_controls,
    is_normal,
    link_title,
    normalize_text,
    source_text,
    split_footnotes,
)
from icor_extract.readers.html_guard import FLATTENED, UNCLOSED
from icor_extract.readers.raw import (
    CONTROLS_DROPPED,
    TOO_COMPLEX_DROPPED,
    UNCLOSED_DROPPED,
    FlagHint,
    Link,
    RawCell,
    new_cell,
    new_hint,
    new_link,
)

__all__ = ["HEADINGS", "is_hidden", "read_cell", "text_of"]

HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
_BLOCKS = frozenset({"p", "div", "li", "ul", "ol", "dl", "dd", "dt", *HEADINGS})
_SKIPPED = frozenset({"script", "style", "table", "noscript", "template"})
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none", re.IGNORECASE)


def text_of(element: etree._Element) -> str:
    """The text of ``element``'s subtree, without its tail, read in C."""
    return etree.tostring(element, method="text", encoding="unicode", with_tail=False)


def _classes(element: etree._Element) -> set[str]:
    return set((element.get("class") or "").split())


_HIDDEN_CLASSES = frozenset({"sortkey", "mw-editsection", "noprint", "mw-cite-backlink"})


def is_hidden(element: etree._Element) -> bool:
    """Whether the page hides ``element`` (sort keys, edit links, ``display:none``)."""
    classes = element.get("class")
    if classes and not _HIDDEN_CLASSES.isdisjoint(classes.split()):
        return True
    style = element.get("style")
    return style is not None and _HIDDEN_STYLE.search(style) is not None


def _is_footnote(element: etree._Element) -> bool:
    if element.tag != "sup":
        return False
    classes = _classes(element)
    if "reference" in classes:
        return True
    text = text_of(element).strip()
    return bool(text) and split_footnotes(text)[0] == ""


def _in_flag_icon(element: etree._Element) -> bool:
    """Inside MediaWiki's ``span.flagicon`` (a few wrappers up, never past the cell)."""
    for depth, ancestor in enumerate(element.iterancestors()):
        if depth > 3 or ancestor.tag in ("td", "th"):
            return False
        if "flagicon" in _classes(ancestor):
            return True
    return False


def _flag_from_image(element: etree._Element) -> FlagHint | None:
    """A flag named by an ``img``, or by a file link that holds no ``img`` of its own."""
    if element.tag == "a" and element.find(".//img") is not None:
        return None  # the img inside is read when the walk reaches it
    for attribute in ("src", "href", "alt", "resource"):
        value = element.get(attribute) or ""
        found = flag_file(value)
        if found is not None:
            return new_hint("image", found[0], found[1])
    if element.tag == "img" and _in_flag_icon(element):
        # a flag icon whose file names no country: a flag all the same, unread
        name = unquote((element.get("src") or "").rsplit("/", 1)[-1]) or "flag icon"
        return new_hint("image", name, name)
    return None


#: inline markup a cell may hold and still be read by the fast path
_PLAIN_TAGS = frozenset({"p", "a", "b", "i", "strong", "em", "small", "span"})


_EMPTY = {False: RawCell(text=""), True: RawCell(text="", header=True)}


def _plain_cell(element: etree._Element, *, header: bool) -> RawCell | None:
    """Fast path for the common cell: text and links, alone or in one paragraph, nothing hidden.

    Gives what :func:`read_cell` would give; ``None`` sends anything else to it.
    Such a cell has no footnote element, flag or hidden part to take out, so its
    text is the text of its whole subtree, read in C.
    """
    if len(element) == 0:
        text = element.text or ""
        if not text.strip() and not element.attrib:
            return _EMPTY[header]  # an empty cell, shared: cells are immutable
        return _raw_cell(element, source_text(text), header=header, links=())
    links = _plain_links(element)
    if links is None:
        return None
    return _raw_cell(element, source_text(text_of(element)), header=header, links=links)


def _plain_links(element: etree._Element) -> tuple[Link, ...] | None:
    """The links of a cell of plain inline markup; ``None`` for any other cell."""
    links: list[Link] = []
    blocks = 0
    for node in element.iterdescendants():
        tag = node.tag
        if tag not in _PLAIN_TAGS or node.get("class") is not None or node.get("style"):
            return None
        if tag == "p":
            blocks += 1
        elif tag == "a":
            link = _plain_link(node)
            if link is None:
                return None
            if link.text:
                links.append(link)
    if blocks > 1 or (blocks and not _only_paragraph(element)):
        return None
    return tuple(links)


def _plain_link(node: etree._Element) -> Link | None:
    """A link to an article and its text; ``None`` for a link the walk must read."""
    title = link_title(node.get("href") or "")
    if title is None:
        return None
    if len(node) == 0:
        return new_link(title, _clean(node.text or ""))
    if next(node.iterdescendants("a"), None) is not None:
        return None  # a link in a link: the walk lists the inner one first, as it ends first
    return new_link(title, _clean(text_of(node)))


def _only_paragraph(element: etree._Element) -> bool:
    """Whether the cell holds its one ``<p>`` and nothing beside it but white space.

    The walk breaks lines around a block, the text read in C does not: they agree
    only where the breaks fall at the text's ends, which the clean-up drops.
    """
    if len(element) != 1 or element[0].tag != "p":
        return False
    return not (element.text or "").strip() and not (element[0].tail or "").strip()


def _clean(text: str) -> str:
    """``normalize_text(source_text(text))``: most texts are normal already (one check)."""
    return text if is_normal(text) else normalize_text(source_text(text))


@dataclass
class _CellWalk:
    """What a walk through one cell collects: text parts, links, footnotes, flags."""

    root: etree._Element
    parts: list[str] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)
    footnotes: list[str] = field(default_factory=list)
    flags: list[FlagHint] = field(default_factory=list)
    open_links: list[tuple[etree._Element, str, int]] = field(default_factory=list)

    def skips(self, node: etree._Element, tag: str) -> bool:
        """Whether the walk leaves out ``node``'s subtree (hidden, nested table, footnote)."""
        if node is self.root:
            return False
        if tag in _SKIPPED or is_hidden(node):
            if tag == "table":
                self.parts.append("\n")
            return True
        if _is_footnote(node):
            self.footnotes.append(normalize_text(text_of(node)))
            return True
        return False

    def start(self, node: etree._Element, tag: str) -> None:
        if tag == "a" and (title := link_title(node.get("href") or "")) is not None:
            self.open_links.append((node, title, len(self.parts)))
        elif tag in ("img", "a") and (hint := _flag_from_image(node)) is not None:
            self.flags.append(hint)
        elif tag == "br" or tag in _BLOCKS:
            self.parts.append("\n")
        if node.text and tag != "br":
            self.parts.append(source_text(node.text))

    def end(self, node: etree._Element, tag: str) -> None:
        if self.open_links and self.open_links[-1][0] is node:
            _, title, start = self.open_links.pop()
            text = normalize_text("".join(self.parts[start:]))
            if text:
                self.links.append(new_link(title, text))
        if tag in _BLOCKS:
            self.parts.append("\n")
        if node is not self.root and node.tail:
            self.parts.append(source_text(node.tail))


def read_cell(element: etree._Element, *, header: bool = False, fast: bool = True) -> RawCell:
    """Read one ``td``/``th``: text with line breaks, links, footnotes, flags.

    ``fast=False`` reads every cell by the full walk, which the fast path must
    agree with (the tests compare the two).
    """
    plain = _plain_cell(element, header=header) if fast else None
    if plain is not None:
        return plain
    walk = _CellWalk(element)
    walker = etree.iterwalk(element, events=("start", "end"))
    for event, node in walker:
        tag = node.tag if isinstance(node.tag, str) else ""
        if event == "end":
            walk.end(node, tag)
        elif walk.skips(node, tag):
            walker.skip_subtree()
        else:
            walk.start(node, tag)
    return _raw_cell(
        element,
        "".join(walk.parts),
        header=header,
        links=tuple(walk.links),
        footnotes=tuple(walk.footnotes),
        flags=tuple(walk.flags),
    )


def _raw_cell(
    element: etree._Element,
    text: str,
    *,
    header: bool,
    links: tuple[Link, ...],
    footnotes: tuple[str, ...] = (),
    flags: tuple[FlagHint, ...] = (),
) -> RawCell:
    """The cell with its text (line breaks made by markup only) normalized, footnote marks out.

    A cell without attributes has no span and no mark of the guard's, and a
    normal text (:func:`is_normal`) no control character: neither is looked for.
    """
    normal = is_normal(text)
    clean, marks = split_footnotes(text if normal else normalize_text(text))
    if element.attrib:
        rowspan, colspan = element.get("rowspan"), element.get("colspan")
        dropped = _dropped(element, text)
    else:
        rowspan = colspan = None
        dropped = () if normal else _dropped(element, text)
    return new_cell(
        text=clean,
        header=header,
        rowspan=rowspan,
        colspan=colspan,
        links=links,
        footnotes=footnotes + marks,
        flags=flags,
        dropped=dropped,
    )


def _dropped(element: etree._Element, text: str) -> tuple[str, ...]:
    """What the guard or the clean-up took out of this cell, for the reader's notes."""
    marks = (
        (element.get(FLATTENED) is not None, TOO_COMPLEX_DROPPED),
        (element.get(UNCLOSED) is not None, UNCLOSED_DROPPED),
        (has_controls(text), CONTROLS_DROPPED),
    )
    return tuple(what for found, what in marks if found)
