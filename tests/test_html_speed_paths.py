"""The HTML reader's fast paths give what its slow paths give, on inputs that take each."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from icor_extract.readers import html_guard
from icor_extract.readers.html_guard import MAX_CELL_DEPTH, Guarded

#: pieces of markup around the guard's decisions: cell, row and table tags in any case
#: and with what may follow their names, comments, raw text, runs of tags near the limit
_GUARD_PIECES = st.sampled_from(
    ["<table>", "</table>", "<TABLE x>", "<table1>", "<tr>", "</tr>", "<Tr/>", "<tr-x>",
     "<trx>", "<td>", "</TD>", "<th>", "<thead>", "<tbody>", "</tfoot>", "<caption>",
     "<b>", "</b>", "<br>", "<img>", "<", "< tr>", "<!--", "-->", "<script>", "</script>",
     "<textarea>", "<title>", "a", "甲", " ", "\n", "<b>" * MAX_CELL_DEPTH,
     "<i>" * (MAX_CELL_DEPTH + 1), "<" * MAX_CELL_DEPTH]
)  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.lists(_GUARD_PIECES, max_size=30).map("".join))
def test_the_quick_row_count_is_the_full_scans_where_it_is_taken(text: str) -> None:
    rows = html_guard._rows_if_safe(text)
    if rows is not None:
        assert html_guard._full_scan(text) == Guarded(text, rows)
