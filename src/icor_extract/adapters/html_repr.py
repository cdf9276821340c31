"""An ``Extraction`` as an HTML table in Jupyter, with inferred values marked.

A value that was moved or inferred is shown in italics with its rule and
evidence as a tooltip; an empty country shows the reason.
"""

from __future__ import annotations

from html import escape

from icor_extract.adapters.schema import HTML_COLUMNS, column, with_status
from icor_extract.model import Extraction, Member, Rule

__all__ = ["extraction_html"]

_DIRECT = frozenset({Rule.CELL, Rule.LINK})


def _cell(member: Member, name: str) -> str:
    shown = column(name)
    value = shown.value(member)
    provenance = member.provenance_of(shown.field)
    text = "" if value is None else escape(str(value))
    if provenance is None:
        return f"<td>{text}</td>"
    tip = escape(" ".join(filter(None, [provenance.rule, provenance.evidence, provenance.note])))
    if value is None:
        reason = escape(provenance.rule) if name == "country" else ""
        return f'<td title="{tip}" style="color:#999">{reason}</td>'
    if provenance.rule in _DIRECT:
        return f'<td title="{tip}">{text}</td>'
    return f'<td title="{tip}"><i>{text}</i></td>'


def extraction_html(extraction: Extraction, *, limit: int = 200) -> str:
    """The first ``limit`` members as an HTML table; italics mark inferred values.

    Status and year left are shown when some member is not a plain member.
    """
    names = with_status(HTML_COLUMNS, extraction.members)
    head = "".join(f"<th>{escape(name)}</th>" for name in names)
    body = "".join(
        "<tr>" + "".join(_cell(m, c) for c in names) + "</tr>" for m in extraction.members[:limit]
    )
    more = len(extraction.members) - limit
    footer = f"<p>… {more} more members</p>" if more > 0 else ""
    summary = (
        f"<p>{len(extraction.members)} members, {len(extraction.rejected)} rejected rows, "
        f"{extraction.table_count} tables; <i>italics</i>: moved or inferred (hover for why)</p>"
    )
    return f"{summary}<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>{footer}"
