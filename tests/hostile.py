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


def _wikitext(country: str, organization: str) -> str:
    return "{|\n! 国家 !! 政党\n|-\n| " + country + " || " + organization + "\n|}"


_HTML_HEAD = "<table><tr><th>国家</th><th>政党</th></tr>"


def wide_header_of_years(columns: int) -> str:
    """A header of one organization column and ``columns`` year columns, and a row of years."""
    return (
        "<table><tr><th>政党或组织</th>" + "<th>加入时间</th>" * columns + "</tr>"
        "<tr><td>甲党</td>" + "<td>2010</td>" * columns + "</tr></table>"
    )


def nested_tags_in_a_cell(count: int) -> str:
    """``count`` unclosed ``<b>`` in one cell of the seed page, rows after it."""
    cell = "印度共产党（马列）临时中央委员会</a></p></td>"
    return _SEED.replace(cell, cell.replace("</p>", "<b>" * count + "</p>"), 1)


#: documents that were quadratic in time (issue 13), built at about ``n`` characters
SCALED: dict[str, Callable[[int], str]] = {
    "heading with a run of spaces": lambda n: "# a" + " " * n + "b\n" + _SEED,
    "heading of brackets": lambda n: "# " + "[" * n + "\n" + _SEED,
    "<table without >": lambda n: _SEED + "<table " * (n // 7),
    "[ and a run of U+2000": lambda n: _wikitext("印度", "甲党[" + "\u2000" * n),
    "( in a country cell": lambda n: _wikitext("印度" + "(" * n, "甲党"),
    "attribute run before the bar": lambda n: _wikitext("印度", "a" * n + "|甲党"),
    "<!-- in a wikitext cell": lambda n: _wikitext("印度", "甲党" + "<!--" * (n // 4)),
    "[http://a in a wikitext cell": lambda n: _wikitext("印度", "甲党" + "[http://a " * (n // 10)),
    "<ref>{{ and a run of spaces": lambda n: _wikitext("印度", "甲党<ref>{{a" + " " * n),
    "Flag_of_ in an image source": lambda n: (
        f'{_HTML_HEAD}<tr><td><img src="{"Flag_of_" * (n // 8)}"></td><td>甲党</td></tr></table>'
    ),
    "nested <b> in a cell": lambda n: nested_tags_in_a_cell(n // 3),
    "a header of n/20 year columns": lambda n: wide_header_of_years(n // 20),
}


CASES: dict[str, Callable[[], str]] = {
    "rowspan=1e9, colspan=1e7": huge_spans,
    "300 nested HTML tables": nested_html_tables,
    "300 nested wikitext tables": nested_wikitext_tables,
    "20,000 tables": many_tables,
    "a row of 200,000 cells": wide_row,
    "200,000 cells of colspan=1000": wide_row_of_colspans,
    "10 MB page": ten_megabyte_page,
}
