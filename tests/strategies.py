"""Hypothesis strategies shared by the property tests and the fuzz harness."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

from hypothesis import strategies as st

from icor_extract import Extraction, Location, Member, Status

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


# --- two versions of one membership list, for the matching and compare properties ---

_NAMES = ["共产党（马列）", "共产党", "劳动党", "抵抗－劳动运动", "抵抗－劳动党", "海地新共产党",
          "新海地共产党", "西班牙工人共产党", "西班牙人民共产党", "革命共产主义者联盟", "工人党",
          "马列主义党（共产主义重建）", "馬列主義黨（共產主義重建）", "Workers' Party",
          "workers party"]  # fmt: skip
_LINKS = [None, None, "共产党", "劳动党 (塞尔维亚)", "劳动党_(塞尔维亚)", "工人党", "抵抗－劳动党"]
_PLACES = [(None, None), ("FR", "EU"), ("FR", None), (None, "EU"), ("TR", "AS"), ("TR", "EU"),
           ("HT", "NA")]  # fmt: skip


@st.composite
def members(draw: st.DrawFn, *, row: int = 0) -> Member:
    """A member whose values come from small pools, so that names, links and places collide."""
    country_code, continent_code = draw(st.sampled_from(_PLACES))
    return Member(
        organization=draw(st.sampled_from(_NAMES)),
        country=country_code and f"country {country_code}",
        country_code=country_code,
        continent=continent_code and f"continent {continent_code}",
        continent_code=continent_code,
        joined=draw(st.sampled_from([None, 2010, 2010, 2014])),
        link=draw(st.sampled_from(_LINKS)),
        section=None,
        location=Location(table=0, row=row),
        status=draw(st.sampled_from([Status.MEMBER, Status.MEMBER, Status.FORMER])),
    )


@st.composite
def extractions(draw: st.DrawFn, *, max_members: int = 8) -> Extraction:
    """An extraction of a few members in rows 1, 2, 3 ..."""
    count = draw(st.integers(min_value=0, max_value=max_members))
    return Extraction(members=tuple(draw(members(row=row)) for row in range(1, count + 1)))


@st.composite
def extraction_pairs(draw: st.DrawFn) -> tuple[Extraction, Extraction]:
    """An extraction and a later version of it: some members kept, some edited, dropped or
    added, so that every matching rule gets work."""
    old = draw(extractions())
    kept: list[Member] = []
    for member in old.members:
        action = draw(st.sampled_from(["keep", "keep", "drop", "edit", "add"]))
        if action == "drop":
            continue
        edited = member
        if action == "edit":
            field = draw(
                st.sampled_from(["organization", "link", "joined", "status", "country", "renamed"])
            )
            changed = draw(members())
            attributes = {"country": ("country", "country_code"),
                          "renamed": ("organization", "link")}.get(field, (field,))  # fmt: skip
            edited = replace(member, **{name: getattr(changed, name) for name in attributes})
        kept.append(edited)
        if action == "add":
            kept.append(draw(members()))
    kept = [
        replace(member, location=Location(table=0, row=row))
        for row, member in enumerate(kept, start=1)
    ]
    return old, Extraction(members=tuple(kept))


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
