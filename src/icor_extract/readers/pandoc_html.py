"""Pandoc's HTML table blocks read by regular expressions, without an HTML parser.

Pandoc writes a table it keeps as HTML in one form: ``<table>``, a ``<thead>``
and a ``<tbody>`` (or bare rows), rows ``<tr class="odd">``, cells
``<td>``/``<th>`` that are empty or hold one ``<p>`` of text,
``<a href=… title=…>`` links and ``<br />``.  Parsing such a block with lxml
and walking its cells in Python cost about five times the parse itself; here
:data:`_TABLE` checks the block's shape against that form, its rows are the
pieces between ``<tr``, their cells are found by one more regular expression,
and a cell whose markup the table repeats (a year, an empty cell) is read, and
its paragraph checked against the form, once.

Safe because the form leaves libxml2 nothing to decide: every element is
closed where it opens, no text holds ``<``, ``>`` or ``&`` (no entity to
decode), a control character, a carriage return or a tab (no character to
replace), so the tree libxml2 builds is the one the markup spells, with no
comment, raw text or deep nesting for the guard to rewrite (its row count is
the number of rows read).  Anything else, one cell of any other shape
included, goes to the HTML reader (:func:`.html.read_html_tables`), which
tests compare this reader with on generated blocks and every fixture.

Lines are counted here, so a row past line 65,535 of the block has its line,
where libxml2's HTML parser stops counting (:func:`.html.source_line`); and no
tree is built, so a long block needs no streaming to bound its memory.
"""

from __future__ import annotations

import re

from icor_extract.readers.cell_text import (
    flag_file,
    is_normal,
    link_title,
    normalize_text,
    split_footnotes,
)
from icor_extract.readers.raw import (
    FlagHint,
    Link,
    RawCell,
    RawRow,
    RawTable,
    Trail,
    heading_path,
    new_cell,
    new_hint,
    new_link,
    new_row,
)

__all__ = ["read_pandoc_table"]

# Text: no markup, entity, control, carriage return or tab; a source newline is white space.
_TEXT = r"[^<>&\x00-\x09\x0b-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]"
_VALUE_TEXT = r'[^"<>&\x00-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]*+'
_VALUE = f'"{_VALUE_TEXT}"'
_LINK = rf'<a href="(?P<href>{_VALUE_TEXT})" title="{_VALUE_TEXT}">(?P<text>{_TEXT}*+)</a>'
_BREAK = "<br />"
#: a paragraph's content in the form: text, links (:data:`_LINK` without its groups) and line
#: breaks; checked once for each distinct cell (:class:`_Cells`), not for every cell
_INLINE = re.compile(rf"(?:{_TEXT}++|<a href={_VALUE} title={_VALUE}>{_TEXT}*+</a>|{_BREAK})*+")
#: a paragraph of text alone in the form
_PLAIN = re.compile(f"{_TEXT}*+")
#: a cell's optional paragraph as :data:`_TABLE` reads it: no tag but the form's (a link's
#: start and end, a line break) opens inside, whatever the text and attributes hold, so the
#: rows are where "<tr" is and the sections where "<thead>" and "<tbody>" are, as in the form
_CELL_BODY = r"(?:<p>[^<]*+(?:<(?:a |/a>|br />)[^<]*+)*+</p>)?+"
_SPACE = r"[ \n]*+"
_CELLS_OF_ROW = rf"(?:{_SPACE}(?:<td>{_CELL_BODY}</td>|<th>{_CELL_BODY}</th>))*+{_SPACE}"
_ROW = rf"<tr(?: class={_VALUE})?+>{_CELLS_OF_ROW}</tr>"
_ROWS = rf"(?:{_SPACE}{_ROW})*+"
#: the whole block: a table of bare rows, or of a head and bodies, its cells' paragraphs
#: read as :data:`_CELL_BODY`, which takes every paragraph in the form and no other
#: paragraph's end: so a block is in the form when this matches and each of its distinct
#: paragraphs is (:func:`_cell`; a sole link's pattern is the form's for such a paragraph)
_TABLE = re.compile(
    rf"<table>(?:{_ROWS}|(?:{_SPACE}<thead>{_ROWS}{_SPACE}</thead>)?+"
    rf"(?:{_SPACE}<tbody>{_ROWS}{_SPACE}</tbody>)*+){_SPACE}</table>"
)
#: a cell's markup, whole (in a block :data:`_TABLE` matched, text holds no "<": a paragraph
#: ends at the first "</p>" after it)
_CELL = re.compile(rf"<t[dh]>{_CELL_BODY}</t[dh]>")
_HEAD, _BODY = "<thead>", "<tbody>"
#: a section tag (in a block :data:`_TABLE` matched, only between rows)
_SECTION = re.compile("<thead>|<tbody>")
#: a character of an article title :func:`.cell_text.link_title` gives back as the path holds it:
#: no white space, control or zero-width space (a normal text of one run), no ``%`` (unquoted),
#: ``_`` (read as a space), ``:`` (a namespace, maybe), ``?`` or ``#`` (where a /wiki/ title ends)
_TITLE_CHAR = r'[^"<>&%_:?#\s\x00-\x1f\x7f-\x9f\u200b\ufeff\ud800-\udfff\ufffe\uffff]'
#: a URL's host: what an href value may hold (:data:`_VALUE_TEXT`) but "/", so that the pattern
#: takes no href the table's pattern refuses, even where it is used without it
_HOST = r'[^/"<>&\x00-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]++'
#: a paragraph of one link; its href read as an article path (pandoc's ``../Page/X.md``, a
#: ``/wiki/X`` URL) whose title is ``page`` or ``wiki`` as it stands, else left to ``href``:
#: the alternatives try :func:`.cell_text.link_title`'s patterns in its order, on titles it
#: keeps as they are (so they give its title), and ``href`` takes every other value
_SOLE_LINK = re.compile(
    rf'<a href="(?:(?:\.\./)?Page/(?P<page>{_TITLE_CHAR}+)\.md'
    rf'|(?:https?:)?//{_HOST}/wiki/(?P<wiki>{_TITLE_CHAR}++)|(?P<href>{_VALUE_TEXT}))"'
    rf' title="{_VALUE_TEXT}">(?P<text>{_TEXT}*+)</a>'
)
_INLINE_PART = re.compile(rf"{_LINK}|(?P<break>{_BREAK})|(?P<plain>{_TEXT}++)")


def read_pandoc_table(
    text: str, *, trail: Trail, line_offset: int, first_index: int
) -> list[RawTable] | None:
    """The one table ``text`` is, if it is in pandoc's form; ``None`` for anything else."""
    if _TABLE.fullmatch(text) is None:
        return None
    try:
        rows = _rows(text, line_offset)
    except _OutOfForm:  # a cell's paragraph
        return None
    path = heading_path(trail)
    return [
        RawTable(
            index=first_index,
            rows=rows,
            section=path[0] if path else None,
            line=1 + line_offset,
            headings=path,
        )
    ]


def _rows(text: str, line_offset: int) -> tuple[RawRow, ...]:
    """The rows of a block :data:`_TABLE` matched."""
    # In pandoc's form "<tr" starts a row and nothing else: each span from one "<tr" to the
    # next is a row, its cells, and the group tags up to the next row (a section ends, another
    # starts).  The spans are read in place, one at a time, not split at once: a list of them
    # would hold a long table's text a second time, and its many strings, freed together after
    # the rows were built, left the heap fragmented (110,000 rows peaked at 256 or 335 MB by
    # chance of allocation order; read in place, at 245 MB every time: docs/benchmarks.md).
    start = text.find("<tr")
    line = 1 + line_offset + text.count("\n", 0, start if start >= 0 else len(text))
    rows: list[RawRow] = []
    cell_of = _Cells().__getitem__
    find_cells = _CELL.findall
    # A row group starts at a row whose parent is not the previous row's, as in the HTML
    # reader: bare rows have the table as parent, others their <thead>/<tbody>, so a group
    # starts at the first row and at the first row after section tags (the last one names it).
    section = _SECTION.search(text)
    group, in_head = -1, False
    end = len(text)
    while start >= 0:
        stop = text.find("<tr", start + 3)
        row_end = stop if stop >= 0 else end
        if section is not None and section.start() < start:
            group += 1
            # the tags between the last row and this one, read at C speed (a page may hold a
            # million empty sections there): the last of them names the group
            low = section.start()
            in_head = text.rfind(_HEAD, low, start) > text.rfind(_BODY, low, start)
            section = _SECTION.search(text, start)
        elif group < 0:  # the first row, of bare rows
            group = 0
        cells = tuple(map(cell_of, find_cells(text, start, row_end)))
        rows.append(new_row(cells, line, group, in_head))
        line += text.count("\n", start, row_end)
        start = stop
    return tuple(rows)


class _OutOfForm(Exception):
    """A cell's paragraph is not in pandoc's form: the block is the HTML reader's."""


class _Cells(dict[str, RawCell]):
    """The cell each markup reads as, read at its first look-up and kept for the table's next
    such cell (cells are immutable, and tables repeat some: a year, an empty cell)."""

    def __missing__(self, markup: str) -> RawCell:
        # "<td>" or "<th>", then "<p>…</p>" or nothing, then the closing tag
        inline = markup[7:-9]
        if "<" in inline:
            cell = self[markup] = _cell(inline, header=markup[2] == "h")
            return cell
        # Text alone (or nothing), the commonest cell, read here without a further call (a
        # test compares it with the parser).  A source newline is white space (" " is _TEXT,
        # so the form is the text's); a printable text holds no control, surrogate or
        # non-character, the pattern decides the rest; and it is normal as _normal finds it,
        # from the same isprintable().
        text = inline.replace("\n", " ")
        printable = text.isprintable()
        if (not printable or ">" in text or "&" in text) and _PLAIN.fullmatch(text) is None:
            raise _OutOfForm
        if not (printable and "  " not in text and text == text.strip(" ")):
            text = text if is_normal(text) is not None else normalize_text(text)
        clean, marks = split_footnotes(text) if "[" in text else (text, ())
        cell = self[markup] = new_cell(clean, markup[2] == "h", None, None, (), marks, (), ())
        return cell


def _cell(inline: str, *, header: bool) -> RawCell:
    """What the HTML reader's walk reads from ``<p>inline</p>``, ``inline`` holding a tag.

    The walk's line breaks around the paragraph are at the ends of the text,
    where normalizing drops them: the text is the paragraph's, source newlines
    read as spaces and ``<br />`` as line breaks.
    """
    links: tuple[Link, ...] = ()
    flags: tuple[FlagHint, ...] = ()
    if (link := _SOLE_LINK.fullmatch(inline)) is not None:  # the commonest cell but text
        page, wiki, href, shown = link.groups()
        # the cell's text is the link's: normalized once for both
        shown = shown.replace("\n", " ")
        text = shown if _normal(shown) else normalize_text(shown)
        if (title := page or wiki) is not None:  # link_title(href) is title
            links = (new_link(title, text),) if text else ()
        elif isinstance(found := _link(href, text), Link):
            links = (found,)
        elif found is not None:
            flags = (found,)
    else:
        if _INLINE.fullmatch(inline) is None:
            raise _OutOfForm
        text, links, flags = _inline(inline)
    clean, marks = split_footnotes(text) if "[" in text else (text, ())  # its own first test
    return new_cell(clean, header, None, None, links, marks, flags, ())


def _normal(text: str) -> bool:
    """:func:`.cell_text.is_normal`, by C string methods where they can tell: a printable text
    holds no white space but " ", no control, no zero-width space or BOM (each of them is
    unprintable), so with no space at either end or doubled it is normal; the pattern, which
    tests a set a character (four times the cost on a cell's Han text), decides the rest."""
    if text.isprintable() and "  " not in text and text == text.strip(" "):
        return True
    return is_normal(text) is not None


def _inline(inline: str) -> tuple[str, tuple[Link, ...], tuple[FlagHint, ...]]:
    """The normalized text, links and flags of a paragraph of text, links and breaks."""
    parts: list[str] = []
    links: list[Link] = []
    flags: list[FlagHint] = []
    for part in _INLINE_PART.finditer(inline):
        if part["plain"] is not None:
            parts.append(part["plain"].replace("\n", " "))
        elif part["break"] is not None:
            parts.append("\n")
        else:
            shown = part["text"].replace("\n", " ")
            found = _link(part["href"], normalize_text(shown))
            if isinstance(found, Link):
                links.append(found)
            elif found is not None:
                flags.append(found)
            parts.append(shown)
    return normalize_text("".join(parts)), tuple(links), tuple(flags)


def _link(href: str, text: str) -> Link | FlagHint | None:
    """A link to an article, with the (normalized) text it shows; else a flag file the link
    names; else nothing."""
    title = link_title(href)
    if title is None:
        found = flag_file(href)
        return None if found is None else new_hint("image", found[0], found[1])
    return new_link(title, text) if text else None
