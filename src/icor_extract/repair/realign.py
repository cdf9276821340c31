"""Put every body row's cells back under the right columns, and say what each row is.

Conversions that lose rowspans drop the spanned cells from the rows below, so
the cells that remain slide left: a row of the ICOR table that really reads
``[亚洲], [flag], ORG, 2010年`` arrives as ``'', ORG, 2010年, ''`` (continent
lost, flag emptied, padded at the end) or, under a spanned flag, as
``ORG, 2010年, '', ''``.  Where each cell goes is decided once per row shape
(:mod:`.rowplan`); this module, the stage, reads each row: what its own cells
hold, its plan, and its values built from the plan.  Skipped columns count as
spanned from above (``LOST``): a lost continent comes from the current group
row, a lost country from the row group the row continues.

A row whose only content is a continent, or one cell across the whole width,
is a group row.  A row with no organization, or one that is no member (a
total, a placeholder such as 独立人士: see :mod:`.nonmember`), is rejected
with the rule and the reason.  The notes are worded in :mod:`.realign_notes`;
the values it builds are the types of :mod:`.aligned`.
"""

from __future__ import annotations

from collections.abc import Sequence

from icor_extract.grid import Grid, Slot, Stored
from icor_extract.model import Location, Note, RowKind, Rule
from icor_extract.readers.raw import RawCell, RawRow, RawTable
from icor_extract.repair.aligned import AlignedRow, Placed, Placement
from icor_extract.repair.columns import Header, Role, role_of
from icor_extract.repair.content import Content, classify, classify_text
from icor_extract.repair.nonmember import not_an_organization, summary_row
from icor_extract.repair.realign_notes import realign_notes
from icor_extract.repair.rowplan import CACHED_WIDTH, Plan, Shape, plan_row, shape_of
from icor_extract.repair.short_cache import LONGEST_CACHED

__all__ = ["align_rows"]


def _raw_texts(table: RawTable, y: int) -> tuple[str, ...]:
    return tuple(cell.text for cell in table.rows[y].cells)


# Enum members read per row, as module constants: in CPython 3.11 reading a
# member off its class goes through EnumType's __getattr__ hook (about 0.1 µs).
_CELL, _SPAN = Placement.CELL, Placement.SPAN
_MEMBER, _REJECTED, _HEADER, _GROUP = (
    RowKind.MEMBER,
    RowKind.REJECTED,
    RowKind.HEADER,
    RowKind.GROUP,
)
_ORGANIZATION, _CONTINENT = Role.ORGANIZATION, Role.CONTINENT
_EMPTY, _COUNTRY = Content.EMPTY, Content.COUNTRY
#: the slots a plain row takes from above: none (shared, never changed)
_NOTHING_ABOVE: list[Slot] = []


#: the most plans :func:`_align` keeps for one table: as many as ``plan_row``'s cache holds
_TABLE_PLANS = plan_row.cache_info().maxsize or 0
#: a table's short texts read so far: a cell without flags is read by its text alone,
#: its kind (``classify``) and, once asked in a column with a role, the role it names
#: (``_NO_ROLE`` when it names none)
Readings = dict[str, tuple[Content, Role | bool | object]]
#: the values copied down from the rows above, by (source row, cell index, column)
Spans = dict[tuple[int, int, int], Placed]
_UNASKED = False  # a reading whose role was not asked yet (no column with a role held it)
# a text asked that names no role: not None, so that `reading[1] is role` is false in a
# column without a role (role None) whatever the reading holds
_NO_ROLE = object()


def _own_contents(
    cells: tuple[RawCell, ...],
    own: list[tuple[int, int]],
    roles: tuple[Role | None, ...],
    seen: Readings,
) -> tuple[Content, ...] | None:
    """What the row's own cells hold, in order, or ``None`` when at least two of
    them name the role of the column they stand in (the header repeated in the body).

    A table repeats its short texts (years, continents, empty cells), so such a
    text is read once per table (``seen``); a cell with flags is a country
    whatever its text, so it is read each time and not remembered.  Only a
    column with a role asks what role its text names.
    """
    contents: list[Content] = []
    named = 0
    for x, index in own:
        cell = cells[index]
        text = cell.text
        if not text:  # what classify says of it (its flags make it a country); it names no role
            contents.append(_COUNTRY if cell.flags else _EMPTY)
            continue
        if cell.flags or len(text) > LONGEST_CACHED:
            contents.append(classify(cell))
            role = roles[x]
            if role is not None and role_of(text) is role:
                named += 1
            continue
        reading = seen.get(text)
        # only a column with a role asks, once per text
        if reading is None or (reading[1] is _UNASKED and roles[x] is not None):
            reading = seen[text] = (
                classify_text(text) if reading is None else reading[0],  # flagless, not empty
                (role_of(text) or _NO_ROLE) if roles[x] is not None else _UNASKED,
            )
        contents.append(reading[0])
        if reading[1] is roles[x]:  # never for a column without a role (see _NO_ROLE)
            named += 1
    return None if named >= 2 else tuple(contents)


def _spanned(
    plan: Plan, above: list[Slot], rows: tuple[RawRow, ...], spans: Spans
) -> dict[Role, Placed]:
    """The values a row takes from the rows above.  A copy's value depends on its
    cell and column alone, not on the row it reaches: the rows under one rowspan
    share it (no stage changes a value: ``test_repair_speed_paths``)."""
    values: dict[Role, Placed] = {}
    for role, k, x in plan.above:
        slot = above[k]
        key = (slot.row, slot.cell, x)
        placed = spans.get(key)
        if placed is None:
            source = slot.row
            placed = spans[key] = Placed(rows[source].cells[slot.cell], _SPAN, source, x, slot.cell)
        values[role] = placed
    return values


def _placed(  # noqa: PLR0917 - the row and its reading, passed on in _align's order
    table: RawTable, y: int, row: RawRow, plan: Plan, above: list[Slot], spans: Spans
) -> AlignedRow:
    """A row read by its plan: a group row, a member row, or a rejected one (too many
    cells, or no organization reached its column)."""
    cells = row.cells
    if plan.group is not None and not cells[plan.group].flags:
        placed = Placed(cells[plan.group], _CELL, y, plan.group_column, plan.group)
        return AlignedRow(row=y, line=row.line, kind=_GROUP, values={_CONTINENT: placed})
    if plan.rejected:
        return AlignedRow(
            row=y, line=row.line, kind=_REJECTED, reason=plan.rejected,
            cells=_raw_texts(table, y), rule=Rule.REJECTED_TOO_MANY_CELLS,
        )  # fmt: skip
    values = _spanned(plan, above, table.rows, spans) if plan.above else {}
    for role, shared, how, column, index in plan.own:
        values[role] = shared if shared is not None else Placed(cells[index], how, y, column, index)
    organization = values.get(_ORGANIZATION)
    cell = organization.cell if organization is not None else None
    found = not_an_organization(cell) if cell is not None else None
    if found is None and cell is not None and cell.text:  # every field, by position: half
        # the time of naming them, for the one AlignedRow every member row builds
        return AlignedRow(y, row.line, _MEMBER, values, plan.shift, "", (), None, plan.as_written)
    texts = _raw_texts(table, y)
    if found is None:
        found = (
            (Rule.REJECTED_EMPTY, "empty row")
            if not any(texts)
            else (Rule.REJECTED_NO_ORGANIZATION, "no organization name in the row")
        )
    rule, reason = found
    return AlignedRow(row=y, line=row.line, kind=_REJECTED, reason=reason, cells=texts, rule=rule)


def align_rows(
    table: RawTable, grid: Grid, header: Header, locations: Sequence[Location]
) -> tuple[list[AlignedRow], list[Note]]:
    """Every row of ``table`` classified and realigned, and the notes on what moved.

    Header rows come first.  A row gets a ``realign.shift`` note when cells
    moved, and a ``grid.beyond-header`` note when cells beyond the header's
    columns were not read.
    """
    rows, members = _align(table, grid, header)
    return rows, realign_notes(table, grid, len(header.roles), members, locations)


def _no_member(table: RawTable, y: int, summary: tuple[Rule, str] | None) -> AlignedRow:
    """A row rejected before it is read: one without cells, or a total (总计 | 187)."""
    row = table.rows[y]
    if summary is not None:
        return AlignedRow(
            row=y, line=row.line, kind=RowKind.REJECTED, reason=summary[1],
            cells=_raw_texts(table, y), rule=summary[0],
        )  # fmt: skip
    if y >= len(table.rows) - table.unread_rows:
        return AlignedRow(
            row=y, line=row.line, kind=RowKind.REJECTED,
            reason="a source row the HTML parser did not read", rule=Rule.REJECTED_UNREAD,
        )  # fmt: skip
    return AlignedRow(
        row=y, line=row.line, kind=RowKind.REJECTED, reason="row has no cells",
        rule=Rule.REJECTED_NO_CELLS,
    )  # fmt: skip


def _align(
    table: RawTable, grid: Grid, header: Header
) -> tuple[list[AlignedRow], list[tuple[int, Plan]]]:
    """Every row aligned, and the plans of the member rows (for their notes)."""
    rows, layout = table.rows, grid.layout
    aligned = [AlignedRow(row=y, line=rows[y].line, kind=_HEADER) for y in range(header.row + 1)]
    members: list[tuple[int, Plan]] = []
    roles = header.roles
    width = len(roles)
    plain_own = [(x, x) for x in range(width)]  # a plain row's own cells, by prefix
    # the last plain row's own cells: the next plain row of its width shares them (never
    # changed); one prefix at a time, as a table of every width would hold n² pairs
    own_plain = plain_own
    continent_column = header.column(Role.CONTINENT)
    # shapes too wide to cache are planned anew (the cache stays small in bytes)
    plan_of = plan_row if width <= CACHED_WIDTH else plan_row.__wrapped__
    # this table's plans by (shape, contents): one probe a row, not plan_row's four-argument
    # key; only where plan_row caches too, and no more than its cache holds (a table of
    # thousands of distinct rows is planned through plan_row past that)
    plans: dict[tuple[Shape, tuple[Content, ...]], Plan] = {}
    cached = width <= CACHED_WIDTH
    readings: Readings = {}  # this table's texts, read once
    spans: Spans = {}  # this table's values copied down
    # the last spanned row's walk: the rows under one rowspan, one after another, are stored
    # alike and walk alike (see shape_of); their stored slots are the same objects, so the
    # comparison stops at identity, and nothing is kept past the next row stored otherwise
    last_stored: tuple[Stored, ...] = ()
    walked: tuple[tuple[int | None, ...], list[tuple[int, int]], list[Slot]] = ((), [], [])
    for y in range(header.row + 1, len(rows)):
        row = rows[y]
        cells = row.cells
        summary = summary_row(cells) if cells else None
        if not cells or summary is not None:
            aligned.append(_no_member(table, y, summary))
            continue
        stored = layout[y]
        shape: Shape
        above = _NOTHING_ABOVE
        if isinstance(stored, int):  # cell i anchored at x = i, nothing from above
            shape = stored if stored <= width else width
            if shape != len(own_plain):
                own_plain = plain_own[:shape]
            own = own_plain
        else:
            if stored != last_stored:
                walked, last_stored = shape_of(stored, y, width), stored
            shape, own, above = walked
        contents = (
            None
            if row.in_head and all(cell.header for cell in cells)
            else _own_contents(cells, own, roles, readings)
        )
        if contents is None:  # a header row, or the header repeated inside the body (th or td)
            aligned.append(AlignedRow(row=y, line=row.line, kind=_HEADER))
            continue
        plan = plans.get(key := (shape, contents)) if cached else None
        if plan is None:
            plan = plan_of(shape, contents, roles, continent_column)
            if cached and len(plans) < _TABLE_PLANS:
                plans[key] = plan
        aligned.append(result := _placed(table, y, row, plan, above, spans))
        if result.kind is _MEMBER:
            members.append((y, plan))
    return aligned, members
