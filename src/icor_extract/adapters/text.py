"""Text outputs: CSV, JSON, JSON Lines, and a terminal table that aligns Chinese.

Terminal alignment counts display columns with wcwidth (a CJK character is two
columns wide), so the table lines up in a terminal where ``str.ljust`` would
not.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterable, Sequence

from wcwidth import wcswidth

from icor_extract.adapters.schema import FLAT_COLUMNS, TABLE_COLUMNS, column, flat_row, with_status
from icor_extract.model import Member

__all__ = ["escape_controls", "to_csv", "to_json", "to_jsonl", "to_table"]


def to_csv(members: Iterable[Member], *, header: bool = True) -> str:
    """Members as CSV with the schema's flat columns; empty fields for missing values."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=FLAT_COLUMNS, lineterminator="\n")
    if header:
        writer.writeheader()
    for member in members:
        writer.writerow({k: "" if v is None else v for k, v in flat_row(member).items()})
    return buffer.getvalue()


def to_json(members: Iterable[Member]) -> str:
    """One JSON array of member objects (keys: the ``Member`` fields)."""
    return json.dumps([m.to_dict() for m in members], ensure_ascii=False, indent=2) + "\n"


def to_jsonl(members: Iterable[Member]) -> str:
    """One member object per line."""
    return "".join(json.dumps(m.to_dict(), ensure_ascii=False) + "\n" for m in members)


def _width(text: str) -> int:
    width = wcswidth(text)
    return width if width >= 0 else len(text)  # control characters: count code points


def _pad(text: str, width: int) -> str:
    return text + " " * (width - _width(text))


# C0 and C1 control characters, line breaks and tabs included: never sent raw
# to a terminal (an escape sequence could retitle, clear or recolour it)
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")


def _escape(control: re.Match[str]) -> str:
    return repr(control.group())[1:-1]  # \n, \t, \x1b


def escape_controls(text: str) -> str:
    """``text`` with its control characters shown as escapes (``\\x1b``, ``\\n``)."""
    return _CONTROL.sub(_escape, text)


def to_table(members: Sequence[Member], *, page: bool = False) -> str:
    """A plain-text table, aligned by display width; ``-`` marks a missing value.

    The status and year-left columns are shown only when some member's status
    is not ``member``; ``page`` adds the page column, for members read from more
    than one page.  Control characters are shown escaped: the table is meant
    for a terminal.
    """
    names = with_status(TABLE_COLUMNS, members)
    columns = tuple(column(name) for name in ((*names, "page") if page else names))
    rows = [
        [
            "-" if value is None else escape_controls(str(value))
            for value in flat_row(m, columns).values()
        ]
        for m in members
    ]
    titles = [c.heading for c in columns]
    widths = [max([_width(t), *(_width(r[i]) for r in rows)]) for i, t in enumerate(titles)]
    lines = ["  ".join(_pad(t, w) for t, w in zip(titles, widths, strict=True)).rstrip()]
    lines.append("  ".join("-" * w for w in widths))
    for row in rows:
        lines.append("  ".join(_pad(c, w) for c, w in zip(row, widths, strict=True)).rstrip())
    return "\n".join(lines) + "\n"
