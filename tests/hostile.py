"""Hostile documents, built in memory: shared by tests/test_hostile.py and the benchmark."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

_SEED = (Path(__file__).parent / "fixtures" / "icor.zh.md").read_text(encoding="utf-8")
HEADER = "<tr><th>大洲</th><th>国家</th><th>政党或组织</th><th>加入时间</th></tr>"


def huge_spans() -> str:
    return (
        f"<table>{HEADER}"
        '<tr><td rowspan="1000000000">亚洲</td><td colspan="10000000">印度</td><td>甲党</td>'
        "<td>2010</td></tr><tr><td>印度</td><td>乙党</td><td>2011</td></tr></table>"
    )


def nested_html_tables(depth: int = 300) -> str:
    inner = "<td>x</td>"
    for _ in range(depth):
        inner = f"<td><table><tr>{inner}</tr></table></td>"
    return f"<table>{HEADER}<tr><td>亚洲</td><td>印度</td><td>甲党</td>{inner}</tr></table>"


def nested_wikitext_tables(depth: int = 300) -> str:
    lines = ["{|", "! 国家 !! 政党", "|-", "| 印度 || 甲党"]
    lines += ["|-", "| x"] + ["{|", "| y"] * depth + ["|}"] * depth + ["|}"]
    return "\n".join(lines)


def many_tables(count: int = 20_000) -> str:
    table = f"<table>{HEADER}<tr><td>亚洲</td><td>印度</td><td>甲党</td><td>2010</td></tr></table>"
    return "\n\n".join(f"## {i}\n\n{table}" for i in range(count))


def wide_row(cells: int = 200_000) -> str:
    row = "<tr>" + "<td>x</td>" * cells + "</tr>"
    member = "<tr><td>亚洲</td><td>印度</td><td>甲党</td><td>2010</td></tr>"
    return f"<table>{HEADER}{member}{row}{member * 100}</table>"


def wide_row_of_colspans(cells: int = 200_000) -> str:
    row = "<tr>" + '<td colspan="1000">x</td>' * cells + "</tr>"
    return (
        f"<table>{HEADER}<tr><td>亚洲</td><td>印度</td><td>甲党</td><td>2010</td></tr>{row}</table>"
    )


def ten_megabyte_page(target: int = 10 * 2**20) -> str:
    start = _SEED.index("<tbody>") + len("<tbody>")
    end = _SEED.index("</tbody>")
    body = _SEED[start:end]
    copies = max(1, target // len(body.encode()))
    return _SEED[:start] + body * copies + _SEED[end:]


def unclosed_language_markup(count: int = 30_000) -> list[str]:
    """Runs of unclosed ``<html``, ``<meta`` and ``-{`` that a careless language check rescans."""
    return [
        "<html " * count,
        "<meta http-equiv=content-language " * (count // 6),
        "<body a" * count,
        "-{" * count,
        "<html" + "a" * (count * 6),
    ]


CASES: dict[str, Callable[[], str]] = {
    "rowspan=1e9, colspan=1e7": huge_spans,
    "300 nested HTML tables": nested_html_tables,
    "300 nested wikitext tables": nested_wikitext_tables,
    "20,000 tables": many_tables,
    "a row of 200,000 cells": wide_row,
    "200,000 cells of colspan=1000": wide_row_of_colspans,
    "10 MB page": ten_megabyte_page,
}
