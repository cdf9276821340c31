"""List-form members: the items of a member list, repaired as a table's rows are.

Many membership pages list their members as bullets instead of a table.  A
list is a member list when the nearest heading above it that says anything
names members or a status (成员, 支部, 前支部, 观察员, Members ...); a
heading that names a continent says nothing of membership and is passed
over (it gives the continent), as is a heading this module does not know.
A heading such as 参见 or References, or no such heading at all, makes the
list no member list: it gives nothing.

Each item is turned into a one-row table row, so that the entries, the
countries and the records come from the same code as tables:

* the organization is the item's text, without a leading ``国家：``/``Country:``
  prefix (which becomes its country cell) and without remnants of dropped
  flags (``（）``); a bracketed remark after a linked name is kept beside it;
* the item's own flags are its country cell (``country.flag``); a lead line
  holding only a flag or a country name (``{{AUT}}`` above its party items),
  or an item that heads nested items, is a country cell spanned over the
  items below it (``country.list-head``);
* an item that heads nested items is a group row, not a member, unless its
  own name looks like an organization's.

Statuses come from the headings and from a lead-in sentence just before the
list (``候选成员（部分）：``), nearest first, as :mod:`.status` reads them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from icor_extract.geo.countries import Status as Found
from icor_extract.geo.countries import country_index
from icor_extract.model import (
    Location,
    Member,
    Note,
    NoteCode,
    Provenance,
    RejectedRow,
    RowKind,
    RowOutcome,
    Rule,
    Variant,
    new_row_outcome,
)
from icor_extract.readers.raw import Link, RawCell, RawItem, RawList
from icor_extract.repair.aligned import AlignedRow, Placed, Placement
from icor_extract.repair.columns import Role
from icor_extract.repair.country import Country, assign_countries
from icor_extract.repair.entries import Entry, split_entries
from icor_extract.repair.groups import Continent, heading_continent
from icor_extract.repair.hints import resolve_list_hints
from icor_extract.repair.membership import organization_like
from icor_extract.repair.nonmember import not_an_organization, summary_row
from icor_extract.repair.status_words import split_status_annotation, status_from_heading

__all__ = ["RepairedList", "is_member_list", "repair_list", "with_lead_in"]

#: headings over lists that are never member lists (see also, references ...)
_NOT_MEMBERS = re.compile(
    r"参见|參見|参阅|參閱|相关条目|相關條目|参考|參考|来源|來源|注释|註釋|注解|脚注|腳註|"
    r"外部链接|外部連結|外部鏈接|延伸阅读|延伸閱讀|扩展阅读|擴展閱讀|出版物|历史|歷史|"
    r"see also|references|external links|notes|further reading|bibliography|sources|"
    r"publications|history",
    re.IGNORECASE,
)
#: a lead line read for a status: a short sentence ending with a colon
_LEAD_IN = re.compile(r"^.{1,60}[：:]$")
#: what dropped flags leave at the start of an item: (), （）, a stray dash or colon
_REMNANT = re.compile(r"^(?:[（(]\s*[）)]|\\?[-–—:：,，、/])\s*")
#: ``国家：组织`` / ``Country: Party``
_PREFIX = re.compile(r"^(?P<country>[^：:]{1,30}?)\s*(?:：|:\s)\s*(?P<rest>.+)$")
_REMARK = re.compile(r"^[（(].*[）)]$")


@dataclass(frozen=True, slots=True)
class RepairedList:
    """One member list after repair, ready to become records.

    ``entries`` and ``countries`` pair up; ``headings`` are the ones a status
    may come from, nearest first (the lead-in sentence first, if any);
    ``locations`` locate every item.  Every item is in ``outcomes``.
    """

    entries: list[Entry]
    countries: list[Country]
    continent: Continent
    headings: tuple[str, ...]
    lead_in: str | None
    locations: tuple[Location, ...]
    outcomes: list[RowOutcome]
    rejected: list[RejectedRow]
    notes: list[Note]


def is_member_list(headings: tuple[str, ...]) -> bool:
    """Whether a list under ``headings`` (nearest first) is a member list.

    The nearest heading that names a status or membership makes it one; one
    that names a non-member section (参见, References) makes it none;
    continent headings and unknown headings are passed over.
    """
    for heading in headings:
        if status_from_heading(heading) is not None:
            return True  # read first: 历史成员 names members, not history
        if _NOT_MEMBERS.search(heading):
            return False
    return False


def _clean(text: str) -> str:
    while (match := _REMNANT.match(text)) is not None and match.end() > 0:
        text = text[match.end() :]
    return text.strip()


def _is_country(text: str) -> bool:
    return bool(text) and country_index().resolve(text).status is not Found.UNKNOWN


@dataclass(frozen=True, slots=True)
class _Parts:
    """An item split into its country cell and its organization cell."""

    country: RawCell | None
    organization: RawCell


def _label_and_name(text: str, links: tuple[Link, ...]) -> tuple[str, str]:
    """(place label, organization) of an item; the label is empty when there is none.

    ``国家：组织`` and ``Country: Party`` give a country prefix; a linked name
    before another link that ends the item (``[[科西嘉]] [[左翼_(科西嘉)|左翼]]``,
    ``[[法属安的列斯]]（） [[社会主义革命团体]]``) is a place label.
    """
    prefix = _PREFIX.match(text)
    if prefix is not None and _is_country(prefix.group("country")):
        return prefix.group("country"), _clean(prefix.group("rest"))
    if len(links) >= 2 and text.startswith(links[0].text) and links[0].text != text:
        rest = _clean(text[len(links[0].text) :])
        if rest == links[-1].text:
            return links[0].text, rest
    return "", text


def _split_item(item: RawItem) -> _Parts:
    label, text = _label_and_name(_clean(item.text), item.links)
    links = tuple(link for link in item.links if link.text != label)
    own = next((link for link in links if link.text == text), None)
    if own is None and split_status_annotation(text).status is None:
        # a linked name followed by a bracketed remark: the remark is kept beside it
        first = next((link for link in links if text.startswith(link.text)), None)
        rest = text[len(first.text) :].strip() if first is not None else ""
        if first is not None and _REMARK.match(rest):
            text = f"{first.text}\n{rest}"
    organization = RawCell(text=text, links=links, footnotes=item.footnotes)
    country = None
    if item.flags or label:
        label_links = tuple(link for link in item.links if link.text == label)
        country = RawCell(text=label, flags=item.flags, links=label_links)
    return _Parts(country, organization)


def _head_cell(item: RawItem | None) -> RawCell | None:
    """The country cell a lead line or a heading item gives the items under it."""
    if item is None:
        return None
    text = _clean(item.text)
    if item.flags and (not text or _is_country(text) or len(text) <= 12):
        return RawCell(text=text if _is_country(text) else "", flags=item.flags)
    if _is_country(text):
        return RawCell(text=text, links=item.links)
    return None


def _continent(headings: tuple[str, ...]) -> Continent:
    found = heading_continent(headings)
    if found is not None:
        return found
    provenance = Provenance(
        field="continent",
        rule=Rule.CONTINENT_NONE,
        note="no continent heading above the list",
    )
    return Continent(None, None, provenance)


def _aligned(item: RawItem, parts: _Parts, head: tuple[int | None, RawCell] | None) -> AlignedRow:
    values = {
        Role.ORGANIZATION: Placed(
            cell=parts.organization, how=Placement.CELL, row=item.number, column=0, cell_index=0
        )
    }
    if parts.country is not None:
        values[Role.COUNTRY] = Placed(
            cell=parts.country, how=Placement.CELL, row=item.number, column=None, cell_index=1
        )
    elif head is not None:
        values[Role.COUNTRY] = Placed(
            cell=head[1], how=Placement.SPAN, row=head[0], column=None, cell_index=1
        )
    return AlignedRow(row=item.number, line=item.line, kind=RowKind.MEMBER, values=values)


def _heads(raw: RawList) -> dict[int, tuple[int | None, RawCell] | None]:
    """For each item, the country cell heading it: its parent item's, else the lead's."""
    lead = _head_cell(raw.lead)
    lead_head = (None, lead) if lead is not None else None
    result: dict[int, tuple[int | None, RawCell] | None] = {}
    parent: tuple[int | None, RawCell] | None = None
    for item in raw.items:
        if item.depth <= 1:
            parent = None
            result[item.number] = lead_head
            cell = _head_cell(item)
            if cell is not None:
                parent = (item.number, cell)
        else:
            result[item.number] = parent or lead_head
    return result


def _item_kind(
    item: RawItem, following: RawItem | None, organization: RawCell
) -> tuple[RowKind, tuple[Rule, str] | None]:
    """What one item is: a group over nested items, a member, or rejected (rule, reason).

    An item over nested items is a label for them (a region, a country) unless
    its own name looks like an organization's (第四国际巴西支部 over its groups).
    """
    heads_items = following is not None and following.depth > item.depth
    if heads_items and not organization_like([organization.text]):
        return RowKind.GROUP, None
    if not organization.text and not organization.footnotes:
        return RowKind.REJECTED, (Rule.REJECTED_EMPTY, "empty item")
    found = summary_row((organization,)) or not_an_organization(organization)
    if found is None and _is_country(organization.text):
        found = (Rule.REJECTED_NOT_AN_ORGANIZATION, "a place name, not an organization")
    if found is not None:
        return RowKind.REJECTED, found
    return RowKind.MEMBER, None


def _lead_status(raw: RawList) -> str | None:
    lead = raw.lead
    if lead is None or not _LEAD_IN.match(lead.text):
        return None
    return lead.text if status_from_heading(lead.text) is not None else None


def _rejected(item: RawItem, location: Location, rule: Rule, reason: str) -> RejectedRow:
    return RejectedRow(location=location, cells=(item.text,), reason=reason, rule=rule)


def repair_list(raw: RawList, variant: Variant) -> RepairedList | None:
    """One list's items repaired as table rows, or ``None`` when it is no member list."""
    if not is_member_list(raw.headings):
        return None
    raw = resolve_list_hints(raw)
    lead_in = _lead_status(raw)
    heads = _heads(raw)
    locations = raw.locations()
    outcomes: list[RowOutcome] = []
    rejected: list[RejectedRow] = []
    rows: list[AlignedRow] = []
    for position, item in enumerate(raw.items):
        following = raw.items[position + 1] if position + 1 < len(raw.items) else None
        parts = _split_item(item)
        kind, why = _item_kind(item, following, parts.organization)
        location = locations[item.number]
        outcomes.append(new_row_outcome(location, kind))
        if why is not None:
            rejected.append(_rejected(item, location, *why))
        elif kind is RowKind.MEMBER:
            rows.append(_aligned(item, parts, heads[item.number]))
    entries, notes = split_entries(rows, locations)
    countries, inferred = assign_countries(entries, rows, variant, locations)
    continent = _continent(raw.headings)
    headings = (lead_in, *raw.headings) if lead_in is not None else raw.headings
    notes = [
        *(
            Note(code=NoteCode.READER_DROPPED, location=locations[item.number],
                 message="left out of the values: " + ", ".join(item.dropped))
            for item in raw.items
            if item.dropped
        ),
        *notes,
        *inferred,
    ]  # fmt: skip
    return RepairedList(
        entries=entries,
        countries=[_list_head(found) for found in countries],
        continent=continent,
        headings=headings,
        lead_in=lead_in,
        locations=locations,
        outcomes=outcomes,
        rejected=rejected,
        notes=notes,
    )


def _list_head(country: Country) -> Country:
    """A country spanned from a lead line or a heading item says so in its own rule."""
    if country.provenance.rule is not Rule.COUNTRY_ROWSPAN:
        return country
    head_row = country.provenance.row
    where = "the line above the list" if head_row is None else f"item {head_row}"
    note = f"the flag or country name of {where}, which heads this item"
    provenance = replace(country.provenance, rule=Rule.COUNTRY_LIST_HEAD, note=note)
    return replace(country, provenance=provenance)


def with_lead_in(member: Member, lead_in: str | None) -> Member:
    """A status read from the lead-in sentence says so in its own rule."""
    status = member.provenance_of("status")
    if lead_in is None or status is None or status.evidence != lead_in:
        return member
    lead = replace(status, rule=Rule.STATUS_LEAD_IN, note=f"after the lead-in '{lead_in}'")
    return replace(member, provenance=tuple(lead if p is status else p for p in member.provenance))
