"""A cheap, conservative test of whether a wikitext page can hold members, before the full read.

Most pages of a wiki have no table, and most tables are not member tables.
:func:`may_have_members` answers ``False`` only when :func:`icor_extract.parse`
would raise :class:`~icor_extract.NoTableError` (or its subclass
``NoMemberTableError``) for the page:

1. no table mark (``{|``) and no list line (``*``, ``#``), and no variant
   markup (``-{``) that could hide one: a substring search, so most prose
   costs almost nothing;
2. lists: a member list must sit under a heading that names a membership or
   a status (:func:`~icor_extract.repair.lists.is_member_list`), so lists are
   kept only when some heading of the page, read as the list reader reads it,
   names one;
3. tables: each table is read by the real reader up to the rows the header
   search looks at (:data:`~icor_extract.repair.columns.HEADER_SEARCH_ROWS`),
   and the real header search runs on them: the cells of later rows, where
   the cost of a table is, are never read.

Each step uses the full path's own code on less of the page, so it cannot
disagree with it; ``tests/test_precheck.py`` checks that on every fixture.
Pages in other formats are not pre-checked (``True``): dumps are wikitext.
"""

from __future__ import annotations

import re

from icor_extract.grid import build_grid
from icor_extract.model import Format, Variant
from icor_extract.readers.detect import detect_format
from icor_extract.readers.language import choose_variant
from icor_extract.readers.variants import resolve_variants
from icor_extract.readers.wikitext import heading_title, read_wikitext
from icor_extract.repair.columns import HEADER_SEARCH_ROWS, find_header
from icor_extract.repair.status_words import status_from_heading

__all__ = ["may_have_members"]

_LIST_LINE = re.compile(r"^\s*[*#]", re.MULTILINE)
_HEADING_LINE = re.compile(r"^\s*=.*$", re.MULTILINE)


def _names_members(heading_line: str) -> bool:
    heading = heading_title(heading_line)
    return heading is not None and status_from_heading(heading[1]) is not None


def may_have_members(text: str, *, format: Format = "auto", variant: Variant = "auto") -> bool:
    """``False`` only if the page certainly has no member (see the module docstring)."""
    chosen = detect_format(text) if format == "auto" else format
    if chosen != "wikitext":
        return True
    hidden = "-{" in text
    tables = hidden or "{|" in text
    lists = hidden or _LIST_LINE.search(text) is not None
    if not tables and not lists:
        return False
    # the variant only picks what -{…}- markup shows: without any, detecting it is wasted
    page_variant = choose_variant(text, variant)[0] if hidden else "zh-hans"
    if lists:
        resolved = resolve_variants(text, page_variant)
        if any(_names_members(match.group()) for match in _HEADING_LINE.finditer(resolved)):
            return True
    if not tables:
        return False
    found = read_wikitext(text, variant=page_variant, rows=HEADER_SEARCH_ROWS)
    return any(find_header(table, build_grid(table)) is not None for table in found)
