"""The flat column layout shared by the CSV, table and DataFrame adapters."""

from __future__ import annotations

from icor_extract.model import Member

__all__ = ["FLAT_COLUMNS", "flat_row"]

#: columns of a flat (one row per member) export, in order
FLAT_COLUMNS = (
    "continent",
    "continent_code",
    "country",
    "country_code",
    "organization",
    "joined",
    "link",
    "section",
    "table",
    "row",
    "country_rule",
    "country_note",
    "page",
    "page_id",
    "revision",
    "timestamp",
)


def flat_row(member: Member) -> dict[str, object]:
    """One member as a flat dict: the values, plus how its country was decided."""
    country = member.provenance_of("country")
    return {
        "continent": member.continent,
        "continent_code": member.continent_code,
        "country": member.country,
        "country_code": member.country_code,
        "organization": member.organization,
        "joined": member.joined,
        "link": member.link,
        "section": member.section,
        "table": member.table,
        "row": member.row,
        "country_rule": country.rule if country else None,
        "country_note": country.note if country else None,
        "page": member.page,
        "page_id": member.page_id,
        "revision": member.revision,
        "timestamp": member.timestamp,
    }
