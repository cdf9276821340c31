"""HTML made safe for libxml2 before it is parsed, so that no row is lost in silence.

libxml2 (lxml's HTML parser) drops rows without an error in two ways:

* a raw-text element (``<script>``, ``<textarea>``, ``<title>``, ``<xmp>``,
  ``<plaintext>`` …) left open swallows everything up to its end tag: the
  rows after it vanish, or their markup is pasted into a cell as text;
* markup nested deeper than its limit (about 2,040 elements, such as 2,044
  unclosed ``<b>``) stops the parse: every later row vanishes.

:func:`guard` scans the text once (linear time) and rewrites both: a raw-text
element whose end tag does not come before the next cell, row or table tag
loses its start tag (its content is read as text), and a cell whose elements
nest deeper than :data:`MAX_CELL_DEPTH` is read as plain text (its tags
removed).  Either way the cell is marked, so that the reader notes it.  It
also counts the ``<tr>`` tags inside tables, outside comments and raw text:
the reader compares the rows it read with that count, and a shortfall becomes
a note and rejected rows.  Most pages need no rewriting: without a comment or
a raw-text start tag, and with few tags between cell tags, only the cell, row
and table tags are counted, and the text is left as it is.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

__all__ = ["FLATTENED", "MAX_CELL_DEPTH", "UNCLOSED", "Guarded", "guard"]

#: a cell whose elements nest deeper than this is read as plain text (libxml2
#: stops at about 2,040; no real cell comes near 100)
MAX_CELL_DEPTH = 256
#: the attribute that marks a cell whose tags were removed
FLATTENED = "data-icor-flattened"
#: the attribute that marks a cell where an unclosed raw-text tag was removed
UNCLOSED = "data-icor-unclosed"
_MAX_TAG = 4096  # the ">" of a start tag is looked for this far, no further

_RAW_TEXT = frozenset(
    {"script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes", "plaintext"}
)
_BOUNDARIES = frozenset({"td", "th", "tr", "table", "tbody", "thead", "tfoot", "caption"})
_VOID = frozenset({"br", "img", "hr", "wbr", "input", "meta", "link", "col", "area", "source"})
_TOKEN = re.compile(r"<!--|<(/?)([A-Za-z][A-Za-z0-9]*+)")
_BOUNDARY = re.compile(r"</?(?:td|th|tr|table|tbody|thead|tfoot|caption)\b", re.IGNORECASE)
_ANY_TAG = re.compile(r"<[^<>]*+>")


@dataclass(frozen=True, slots=True)
class Guarded:
    """The rewritten text and the number of ``<tr>`` tags its tables hold."""

    text: str
    rows: int


@dataclass
class _Scan:
    """The state of one pass over the text."""

    text: str
    table_depth: int = 0
    rows: int = 0
    cell_start: int = 0  # where the current cell's content begins
    cell_tag: int | None = None  # offset of the <td>/<th> that opened it
    cell_in_table: bool = False
    depth: int = 0  # elements open in the current cell (an estimate: end tags close one)
    deepest: int = 0
    # unclosed raw-text start tags: removed, or "<" escaped if their ">" is not found
    removed: list[tuple[int, int, str]] = field(default_factory=list)
    marked: list[tuple[int, str]] = field(default_factory=list)  # (<td> offset, attribute)
    flattened: list[tuple[int, int, int | None]] = field(default_factory=list)
    closers: dict[str, int] = field(default_factory=dict)
    next_boundary: int = -1
    gave_up: bool = False  # a scan of landmarks only met a cell that may nest too deep

    def dense(self, end: int) -> bool:
        """Whether the current cell, ending at ``end``, is in a table and holds too many ``<``."""
        return self.cell_in_table and self.text.count("<", self.cell_start, end) > MAX_CELL_DEPTH

    def closer(self, name: str, after: int) -> int | None:
        """Offset of the next ``</name`` after ``after``; cached, so each name is scanned once."""
        cached = self.closers.get(name)
        if cached is None or cached < after:
            found = re.compile(rf"</{name}\b", re.IGNORECASE).search(self.text, after)
            cached = found.start() if found else len(self.text)
            self.closers[name] = cached
        return cached if cached < len(self.text) else None

    def boundary(self, after: int) -> int:
        """Offset of the next cell, row or table tag after ``after`` (the end if none)."""
        if self.next_boundary < after:
            found = _BOUNDARY.search(self.text, after)
            self.next_boundary = found.start() if found else len(self.text)
        return self.next_boundary

    def start_cell(self, boundary: re.Match[str], name: str, closing: bool) -> None:
        """A cell, row or table tag ends the current cell's content and starts the next."""
        if self.cell_in_table and self.deepest > MAX_CELL_DEPTH:
            self.flattened.append((self.cell_start, boundary.start(), self.cell_tag))
        if name == "table":
            self.table_depth = max(self.table_depth + (-1 if closing else 1), 0)
        elif name == "tr" and not closing and self.table_depth > 0:
            self.rows += 1
        self.cell_start = boundary.end()
        self.cell_tag = boundary.start() if name in ("td", "th") and not closing else None
        self.cell_in_table = self.table_depth > 0
        self.depth = self.deepest = 0

    def element(self, name: str, closing: bool) -> None:
        if name in _VOID:
            return
        self.depth = max(self.depth + (-1 if closing else 1), 0)
        self.deepest = max(self.deepest, self.depth)


def _raw_text(scan: _Scan, name: str, tag: re.Match[str]) -> int:
    """Where scanning resumes after a raw-text element's start tag.

    A closed element is skipped whole.  One left open up to the next cell, row
    or table tag loses its start tag (its content is read as text), and its
    cell is marked so that the reader notes it.
    """
    boundary = scan.boundary(tag.end())
    closer = scan.closer(name, tag.end()) if name != "plaintext" else None  # plaintext never ends
    if closer is not None and closer < boundary:
        return closer
    end = scan.text.find(">", tag.end(), min(boundary, tag.end() + _MAX_TAG))
    if end == -1:
        scan.removed.append((tag.start(), tag.start() + 1, "&lt;"))
    else:
        scan.removed.append((tag.start(), end + 1, ""))
    if scan.cell_tag is not None:
        scan.marked.append((scan.cell_tag, UNCLOSED))
    return tag.end()


def _lines_only(tag: re.Match[str]) -> str:
    return "\n" * tag.group().count("\n")  # line numbers of later rows stay right


def _rewrite(text: str, scan: _Scan) -> str:
    edits = list(scan.removed)
    marked = scan.marked + [(cell, FLATTENED) for _, _, cell in scan.flattened if cell is not None]
    for cell, attribute in dict.fromkeys(marked):  # after "<td": the reader notes the cell
        edits.append((cell + 3, cell + 3, f" {attribute}"))
    for start, end, _ in scan.flattened:
        plain = _ANY_TAG.sub(_lines_only, text[start:end]).replace("<", "&lt;")
        edits.append((start, end, plain))
    edits.sort()
    parts: list[str] = []
    position = 0
    for start, end, replacement in edits:
        if start < position:  # a tag removed inside a flattened cell: already done
            continue
        parts += (text[position:start], replacement)
        position = end
    parts.append(text[position:])
    return "".join(parts)


_NAME_END = r"(?![A-Za-z0-9])"  # a name ends as ``_TOKEN`` ends it, ASCII only as it reads it
#: one pass for the quick count: what makes the full scan skip text (a comment, a raw-text
#: start tag: group 1), and the table and row tags that the row count follows
_QUICK = re.compile(
    rf"<(?:(!--|(?:{'|'.join(sorted(_RAW_TEXT))}){_NAME_END})|(/?)(table|tr){_NAME_END})",
    re.IGNORECASE | re.ASCII,
)
_BOUNDARY_NAME = rf"/?(?:{'|'.join(sorted(_BOUNDARIES))}){_NAME_END}"
_BOUNDARY_TOKEN = re.compile("<" + _BOUNDARY_NAME, re.IGNORECASE | re.ASCII)
#: a cell, row or table tag followed by more than MAX_CELL_DEPTH "<" before the next one;
#: it starts only at such a tag and stops at the next, so each stretch is scanned once
_DENSE = re.compile(
    f"<(?={_BOUNDARY_NAME})[^<]*+(?:<(?!{_BOUNDARY_NAME})[^<]*+){{{MAX_CELL_DEPTH + 1}}}",
    re.IGNORECASE | re.ASCII,
)


def _rows_if_safe(text: str) -> int | None:
    """The ``<tr>`` count of a text the full scan would leave as it is; ``None`` if it might not.

    Without comments or raw-text start tags the scan skips nothing and removes
    nothing, so its row count is that of the table and row tags alone; and a
    stretch between two cell, row or table tags holding at most
    :data:`MAX_CELL_DEPTH` ``<`` cannot nest deeper than that.  The page's
    thousands of other tags are then never looked at one by one, which was most
    of the guard's time.  The stretch from one table or row tag to the next holds
    its cells' stretches, so when none holds too many ``<`` (the usual table), no
    cell's does; only otherwise is each cell's measured.
    """
    table_depth = rows = previous = 0
    dense = False
    for match in _QUICK.finditer(text):
        if match.group(1) is not None:
            return None
        dense = dense or text.count("<", previous, match.start()) > MAX_CELL_DEPTH
        closing, name = match.group(2, 3)
        if len(name) == 5:  # table
            table_depth = max(table_depth + (-1 if closing else 1), 0)
        elif not closing and table_depth > 0:
            rows += 1
        previous = match.end()
    if dense or text.count("<", previous) > MAX_CELL_DEPTH:
        return None if _has_dense_cell(text) else rows
    return rows


def _has_dense_cell(text: str) -> bool:
    """Whether a stretch between two cell, row or table tags (or the text's ends) holds
    more than :data:`MAX_CELL_DEPTH` ``<``: the stretches are measured in the regex engine."""
    first = _BOUNDARY_TOKEN.search(text)
    if text.count("<", 0, first.start() if first else len(text)) > MAX_CELL_DEPTH:
        return True
    return first is not None and _DENSE.search(text, first.start()) is not None


def guard(text: str) -> Guarded:
    """``text`` rewritten so that libxml2 reads every row; see the module docstring."""
    rows = _rows_if_safe(text)
    if rows is not None:
        return Guarded(text, rows)
    scan = _scan(text, every_tag=False)
    if scan.gave_up:
        scan = _scan(text, every_tag=True)
    if not scan.removed and not scan.flattened:
        return Guarded(text, scan.rows)
    return Guarded(_rewrite(text, scan), scan.rows)


#: what the scan acts on besides element depth: comments, cell, row, table and raw-text tags
_LANDMARK = re.compile(
    rf"<!--|<(/?)({'|'.join(sorted(_BOUNDARIES | _RAW_TEXT))}){_NAME_END}",
    re.IGNORECASE | re.ASCII,
)


def _scan(text: str, *, every_tag: bool) -> _Scan:
    """The pass over the text: comments and raw text skipped, rows counted, rewrites found.

    With ``every_tag`` each tag is read to keep the depth of the current cell.
    Without it only :data:`_LANDMARK` tags are read, the same ones in the same
    order (the tags between them move nothing): a cell's depth is then not
    known, but it cannot exceed the number of ``<`` in the cell, so the scan
    gives up (``gave_up``) only where a cell in a table holds more than
    :data:`MAX_CELL_DEPTH` of them.
    """
    scan = _Scan(text)
    tokens = _TOKEN if every_tag else _LANDMARK
    position = 0
    while (match := tokens.search(text, position)) is not None:
        position = match.end()
        if match.group(2) is None:  # a comment: skip to its end (or the end of the text)
            end = text.find("-->", position)
            position = len(text) if end == -1 else end + 3
            continue
        closing, name = bool(match.group(1)), match.group(2).lower()
        if name in _BOUNDARIES:
            if not every_tag and scan.dense(match.start()):
                scan.gave_up = True
                return scan
            scan.start_cell(match, name, closing)
            continue
        scan.element(name, closing)
        if not closing and name in _RAW_TEXT:
            position = _raw_text(scan, name, match)
    scan.gave_up = not every_tag and scan.dense(len(text))
    if scan.cell_in_table and scan.deepest > MAX_CELL_DEPTH:
        scan.flattened.append((scan.cell_start, len(text), scan.cell_tag))
    return scan
