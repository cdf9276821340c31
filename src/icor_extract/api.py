"""``parse`` and ``read``: the one place that chains the stages.

read -> grid -> repair -> records: each table of the document is read into
raw rows, expanded into a grid, given column roles from its header,
realigned row by row, given continents and countries, and built into
:class:`Member` values.  Every source row of a member table is accounted for
as a header, group, member or rejected row.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

from icor_extract.errors import (
    EmptyInputError,
    InputError,
    NoMemberTableError,
    NoTableError,
    UnsupportedFormatError,
)
from icor_extract.grid import build_grid
from icor_extract.model import Extraction, Member, Note, RejectedRow, RowKind, RowOutcome
from icor_extract.readers import FORMATS, detect_format, read_tables
from icor_extract.readers.decode import decode
from icor_extract.readers.raw import RawTable
from icor_extract.records import build_member
from icor_extract.repair.columns import find_header, header_texts
from icor_extract.repair.country import assign_countries
from icor_extract.repair.entries import split_entries
from icor_extract.repair.groups import assign_continents
from icor_extract.repair.realign import AlignedRow, Placement, align_rows

__all__ = ["VARIANTS", "parse", "read"]

logger = logging.getLogger("icor_extract")

#: language variants a page may be read in (names of countries follow it)
VARIANTS = ("zh-hans", "zh-hant", "en")


def _check_options(format: str, variant: str, source: str | None) -> None:
    if format != "auto" and format not in FORMATS:
        raise UnsupportedFormatError(
            f"unknown format {format!r}; choose one of auto, {', '.join(FORMATS)}",
            format=format,
            source=source,
        )
    if variant not in VARIANTS:
        raise UnsupportedFormatError(
            f"unknown variant {variant!r}; choose one of {', '.join(VARIANTS)}",
            format=variant,
            source=source,
        )


def _realign_notes(table: int, rows: list[AlignedRow]) -> list[Note]:
    notes = []
    for aligned in rows:
        moved = [
            f"{role.value} from column {placed.column}"
            for role, placed in aligned.values.items()
            if placed.how is Placement.SHIFT
        ]
        lost = [
            role.value for role, placed in aligned.values.items() if placed.how is Placement.LOST
        ]
        if moved or lost:
            message = f"row {aligned.row}: cells moved right by {aligned.shift}"
            if moved:
                message += f" ({', '.join(moved)})"
            if lost:
                message += f"; {', '.join(lost)} taken as spanned from above"
            notes.append(Note(code="realign.shift", message=message, table=table, row=aligned.row))
    return notes


def _dropped_notes(table: RawTable) -> list[Note]:
    notes = []
    for y, row in enumerate(table.rows):
        dropped = sorted({name for cell in row.cells for name in cell.dropped})
        if dropped:
            message = "left out of the values: " + ", ".join(dropped)
            notes.append(Note(code="reader.dropped", message=message, table=table.index, row=y))
    return notes


def _grid_notes(table: RawTable, overlaps: int, clipped: int) -> list[Note]:
    notes = []
    if overlaps:
        notes.append(
            Note(
                code="grid.overlap",
                table=table.index,
                message=f"{overlaps} slots claimed by two cells; the first kept",
            )
        )
    if clipped:
        notes.append(
            Note(
                code="grid.clipped",
                table=table.index,
                message=f"{clipped} rowspans clipped at the end of their row group",
            )
        )
    return notes


def parse(
    text: str | bytes,
    *,
    format: str = "auto",
    variant: str = "zh-hans",
    encoding: str | None = None,
    errors: str = "strict",
    source: str | None = None,
) -> Extraction:
    """Extract the members of every membership table in a document.

    ``text`` is the document (``bytes`` are decoded, see ``encoding`` and
    ``errors``); ``format`` is ``auto``, ``markdown``, ``html`` or ``wikitext``;
    ``variant`` is the language variant (``zh-hans``, ``zh-hant``, ``en``) in
    which country names are written.  ``source`` names the document in errors.
    """
    _check_options(format, variant, source)
    if isinstance(text, bytes | bytearray):
        text = decode(bytes(text), encoding=encoding, errors=errors, source=source)
    if not isinstance(text, str):
        raise InputError(f"expected str or bytes, got {type(text).__name__}", source=source)
    if not text.strip():
        raise EmptyInputError("the document is empty", source=source)
    chosen = detect_format(text) if format == "auto" else format

    tables = read_tables(text, chosen, variant=variant)
    if not tables:
        raise NoTableError(f"no table found in this {chosen} document", source=source)

    members: list[Member] = []
    rejected: list[RejectedRow] = []
    outcomes: list[RowOutcome] = []
    notes: list[Note] = []
    member_tables = 0
    for table in tables:
        grid = build_grid(table)
        header = find_header(table, grid)
        if header is None:
            notes.append(
                Note(
                    code="table.skipped",
                    table=table.index,
                    message="no header naming an organization column and another role",
                )
            )
            continue
        member_tables += 1
        notes += _grid_notes(table, len(grid.overlaps), len(grid.clipped))
        notes += _dropped_notes(table)
        rows = align_rows(table, grid, header)
        continents = assign_continents(rows)
        entries = split_entries(rows)
        countries = assign_countries(entries, rows, variant)
        for entry, country in zip(entries, countries, strict=True):
            members.append(
                build_member(
                    entry,
                    continents[entry.aligned.row],
                    country,
                    table=table.index,
                    section=table.section,
                )
            )
        for aligned in rows:
            outcomes.append(
                RowOutcome(table=table.index, row=aligned.row, kind=aligned.kind, line=aligned.line)
            )
            if aligned.kind is RowKind.REJECTED:
                rejected.append(
                    RejectedRow(
                        table=table.index,
                        row=aligned.row,
                        line=aligned.line,
                        cells=aligned.cells,
                        reason=aligned.reason,
                    )
                )
        notes += _realign_notes(table.index, rows)

    if member_tables == 0:
        headers = tuple(
            header_texts(table, build_grid(table), 0) if table.rows else () for table in tables
        )
        raise NoMemberTableError(
            f"{len(tables)} table(s) found, but none has a header naming an organization "
            "column (政党或组织, 成员, Party, ...) and another role",
            headers=headers,
            source=source,
        )
    logger.debug("%s: %d members from %d tables", source or "<text>", len(members), len(tables))
    return Extraction(
        members=tuple(members),
        rejected=tuple(rejected),
        notes=tuple(notes),
        rows=tuple(outcomes),
        tables=len(tables),
        source_format=chosen,
        source_name=source,
    )


def read(
    path: str | os.PathLike[str],
    *,
    format: str = "auto",
    variant: str = "zh-hans",
    encoding: str | None = None,
    errors: str = "strict",
) -> Extraction:
    """Read a file and :func:`parse` it; the file's name appears in errors."""
    name = os.fspath(path)
    try:
        data = Path(name).read_bytes()
    except OSError as error:
        raise InputError(f"cannot read the file: {error.strerror or error}", source=name) from None
    return parse(
        data, format=format, variant=variant, encoding=encoding, errors=errors, source=name
    )
