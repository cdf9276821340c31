"""A cheap, conservative test of whether a page can hold members, before the full read.

Most pages of a wiki have no table, and most tables are not member tables.
:func:`may_have_members` answers ``False`` only when :func:`icor_extract.parse`
would raise :class:`~icor_extract.NoTableError` (or its subclass
``NoMemberTableError``) for the page, in two steps:

1. no table markup at all (``{|`` for wikitext, ``<table`` for HTML, and
   for markdown ``<table`` or a ``|``, which pipe and grid tables need): a
   substring search, so a prose page costs almost nothing;
2. for wikitext, each table is read by the real reader up to the rows the
   header search looks at (:data:`~icor_extract.repair.columns.HEADER_SEARCH_ROWS`),
   and the real header search runs on them: the cells of later rows, where
   the cost of a table is, are never read.

Both steps use the code of the full path, only less of the page, so they
cannot disagree with it; ``tests/test_precheck.py`` checks that on every
fixture.
"""

from __future__ import annotations

import re

from icor_extract.grid import build_grid
from icor_extract.model import Format, Variant
from icor_extract.readers.detect import detect_format
from icor_extract.readers.language import choose_variant
from icor_extract.readers.wikitext import read_wikitext
from icor_extract.repair.columns import HEADER_SEARCH_ROWS, find_header

__all__ = ["may_have_members"]

_HTML_TABLE = re.compile(r"<table", re.IGNORECASE)


def may_have_members(text: str, *, format: Format = "auto", variant: Variant = "auto") -> bool:
    """``False`` only if the page certainly has no member table (see the module docstring)."""
    chosen = detect_format(text) if format == "auto" else format
    if chosen == "markdown":  # HTML table blocks, and pipe and grid tables (cells need a |)
        return "|" in text or _HTML_TABLE.search(text) is not None
    if chosen != "wikitext":
        return _HTML_TABLE.search(text) is not None
    if "{|" not in text and "-{" not in text:  # variant markup could hide a table mark
        return False
    page_variant, _ = choose_variant(text, variant)  # as parse chooses it
    tables = read_wikitext(text, variant=page_variant, rows=HEADER_SEARCH_ROWS)
    return any(find_header(table, build_grid(table)) is not None for table in tables)
