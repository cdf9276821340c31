"""Hypothesis strategies shared by the property tests and the fuzz harness."""

from __future__ import annotations

import re
from pathlib import Path

from hypothesis import strategies as st

FIXTURES = Path(__file__).parent / "fixtures"

#: span attribute values as pages write them, junk included
span_values = st.one_of(
    st.none(),
    st.integers(min_value=0, max_value=6).map(str),
    st.sampled_from(["2;", " 3", "x", "-1", "", "0", "1000000000", "4px", "+2"]),
)

cell_texts = st.sampled_from(
    ["", "亚洲", "欧洲", "印度", "刚果", "捷克斯洛伐克", "甲党", "印度尼西亚革命者", "乙组织",
     "2010年", "2014", "不详", "德国和法国党", "x"]
)  # fmt: skip


@st.composite
def html_tables(draw: st.DrawFn, *, max_rows: int = 8, max_cells: int = 6) -> str:
    """A member table in HTML with random shapes, spans and contents."""
    rows = []
    for _ in range(draw(st.integers(min_value=0, max_value=max_rows))):
        cells = []
        for _ in range(draw(st.integers(min_value=0, max_value=max_cells))):
            attributes = ""
            for name in ("rowspan", "colspan"):
                value = draw(span_values)
                if value is not None:
                    attributes += f' {name}="{value}"'
            tag = draw(st.sampled_from(["td", "td", "td", "th"]))
            cells.append(f"<{tag}{attributes}>{draw(cell_texts)}</{tag}>")
        rows.append("<tr>" + "".join(cells) + "</tr>")
    if draw(st.booleans()):
        split = draw(st.integers(min_value=0, max_value=len(rows)))
        body = "<tbody>" + "".join(rows[:split]) + "</tbody><tbody>" + "".join(rows[split:])
        body += "</tbody>"
    else:
        body = "".join(rows)
    header = "<tr><th>大洲</th><th>国家</th><th>政党或组织</th><th>加入时间</th></tr>"
    return f"<table>{header}{body}</table>"


_TOKENS = ["<table>", "</table>", "<tr>", "</tr>", "<td>", "</td>", '<td rowspan="9">',
           "{|", "|}", "|-", "||", "!!", "{{", "}}", "[[", "]]", "-{", "}-", "<ref>",
           "\n", "\x00", "\ufeff", "&#0;", "<!--", "<![CDATA[", "<!DOCTYPE html>"]  # fmt: skip


@st.composite
def mutated_pages(draw: st.DrawFn) -> str:
    """A real fixture page with a few random cuts, copies and hostile tokens."""
    name = draw(
        st.sampled_from(["icor.zh.md", "icor.zh.wikitext", "icor.handwritten.html", "cwpi.zh.md"])
    )
    text = (FIXTURES / name).read_text(encoding="utf-8")
    for _ in range(draw(st.integers(min_value=1, max_value=6))):
        start = draw(st.integers(min_value=0, max_value=len(text)))
        end = draw(st.integers(min_value=start, max_value=min(len(text), start + 400)))
        action = draw(st.sampled_from(["cut", "copy", "insert"]))
        if action == "cut":
            text = text[:start] + text[end:]
        elif action == "copy":
            text = text[:end] + text[start:end] + text[end:]
        else:
            text = text[:start] + draw(st.sampled_from(_TOKENS)) + text[start:]
    return text


#: what an attacker puts inside a cell to make the HTML parser lose rows: raw-text
#: elements left open, nesting past libxml2's depth limit, foreign content
CELL_ATTACKS = (
    *(f"<{tag}>" for tag in ("script", "style", "textarea", "title", "xmp", "iframe",
                             "noembed", "noframes", "plaintext")),
    '<script type="text/javascript">', "<TEXTAREA rows=2>", "<script", "</script>",
    "<b>" * 2100, "<div>" * 2100, "<span><i>" * 1100, "<select>", "<svg>", "<math>",
    "<template>", "<noscript>", "<![CDATA[", "\x1b]0;x\x07", "&#27;[2J",
)  # fmt: skip


@st.composite
def attacked_tables(draw: st.DrawFn) -> str:
    """A member table from :func:`html_tables` with attacks written into some of its cells."""
    markup = draw(html_tables())
    body = markup.index("</tr>")  # the header row stays readable
    cells = [match.end() for match in re.finditer(r"<t[dh][^>]*>", markup) if match.start() > body]
    chosen = draw(st.sets(st.sampled_from(cells), max_size=3)) if cells else set()
    for at in sorted(chosen, reverse=True):
        markup = markup[:at] + draw(st.sampled_from(CELL_ATTACKS)) + markup[at:]
    return markup
