"""A wikitext page's tables and lists, from one scan of its lines.

:func:`.wikitext.read_wikitext` and :func:`.wikilists.read_wiki_lists` each
resolve the page's variants, split it into lines, read its headings and
walk every line; a parse wants both, so this does that once.  The scanner
takes a table's lines itself, and the list reader skips them unseen: both
count ``{|`` and ``|}`` lines alike, so a table the list reader starts
skipping ends on the line where the scanner's ends.  A table that starts
where the list reader is inside a multi-line template is no table to it: it
is then given the table's lines too, as it reads them alone.  A heading is
read once for both.  The lists equal ``read_wiki_lists``' and the tables
``read_wikitext``'s (tests/test_wikipage.py compares them).
"""

from __future__ import annotations

from icor_extract.model import Variant
from icor_extract.readers.raw import RawList, RawTable, enter_heading
from icor_extract.readers.variants import resolve_variants
from icor_extract.readers.wikilists import ListReader
from icor_extract.readers.wikitext import TableScanner, heading_title

__all__ = ["read_wiki_page"]


def read_wiki_page(
    text: str, *, variant: Variant = "zh-hans"
) -> tuple[list[RawTable], list[RawList]]:
    """``(read_wikitext(text), read_wiki_lists(text))``, from one scan of the page."""
    scanner = TableScanner()
    lists = ListReader()
    lines = enumerate(resolve_variants(text, variant).split("\n"), start=1)
    for number, raw in lines:  # a line outside every table
        line = raw.lstrip()
        if line.startswith("{|"):
            if not lists.skipped(raw):
                lists.read(number, raw, None)
            scanner.open(number)
            if lists.tables:  # the list reader skips the table the scanner takes
                scanner.tables(lines)
                lists.tables = 0
            else:
                scanner.tables(lists.following(lines))
            continue
        heading = heading_title(line) if line.startswith("=") else None
        if heading is not None:
            scanner.trail = enter_heading(scanner.trail, *heading)
        if not lists.skipped(raw):
            lists.read(number, raw, heading)
    return scanner.read(), lists.finish()
