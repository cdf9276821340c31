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
import re
from dataclasses import replace
from pathlib import Path

from icor_extract.audit import table_notes
from icor_extract.errors import (
    DecodingError,
    EmptyInputError,
    IcorExtractError,
    InputError,
    InternalError,
    NoMemberTableError,
    NoTableError,
    OptionError,
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
from icor_extract.repair.realign import AlignedRow, align_rows

__all__ = ["VARIANTS", "parse", "read"]

logger = logging.getLogger("icor_extract")

#: language variants a page may be read in (names of countries follow it)
VARIANTS = ("zh-hans", "zh-hant", "en")


_SURROGATE = re.compile("[\ud800-\udfff]")
#: what ``errors=`` may ask for when decoding bytes
ERRORS = ("strict", "replace")


def _without_lone_surrogates(text: str, errors: str, source: str | None) -> str:
    """Text that is not valid Unicode (a lone surrogate) is bad input, as invalid bytes are."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as error:
        if errors == "replace":
            return _SURROGATE.sub("\ufffd", text)
        raise DecodingError(
            f"the text holds a lone surrogate at offset {error.start}; "
            "ask for errors='replace' to replace it",
            encoding="utf-8",
            offset=error.start,
            source=source,
        ) from None
    return text


def _check_options(format: str, variant: str, errors: str, source: str | None) -> None:
    if format != "auto" and format not in FORMATS:
        raise UnsupportedFormatError(
            f"unknown format {format!r}; choose one of auto, {', '.join(FORMATS)}",
            format=format,
            source=source,
        )
    if variant not in VARIANTS:
        raise OptionError(
            f"unknown variant {variant!r}; choose one of {', '.join(VARIANTS)}",
            option="variant",
            source=source,
        )
    if errors not in ERRORS:
        raise OptionError(
            f"unknown errors={errors!r}; choose one of {', '.join(ERRORS)}",
            option="errors",
            source=source,
        )


def _member_table(
    table: RawTable, variant: str
) -> tuple[list[Member], list[AlignedRow], list[Note]] | None:
    """Members, aligned rows and notes of one table; ``None`` if it is no member table."""
    grid = build_grid(table)
    header = find_header(table, grid)
    if header is None:
        return None
    rows = align_rows(table, grid, header)
    continents = assign_continents(rows)
    entries = split_entries(rows)
    countries = assign_countries(entries, rows, variant)
    members = [
        build_member(
            entry,
            continents[entry.aligned.row],
            country,
            table=table.index,
            section=table.section,
        )
        for entry, country in zip(entries, countries, strict=True)
    ]
    return (
        members,
        rows,
        table_notes(
            table, grid, width=len(header.roles), rows=rows, entries=entries, members=members
        ),
    )


def _extract(
    text: str, chosen: str, variant: str, source: str | None
) -> tuple[list[Member], list[RejectedRow], list[RowOutcome], list[Note], int]:
    tables = read_tables(text, chosen, variant=variant)
    if not tables:
        raise NoTableError(f"no table found in this {chosen} document", source=source)
    members: list[Member] = []
    rejected: list[RejectedRow] = []
    outcomes: list[RowOutcome] = []
    notes: list[Note] = []
    for table in tables:
        result = _member_table(table, variant)
        if result is None:
            notes.append(
                Note(
                    code="table.skipped",
                    table=table.index,
                    message="no header naming an organization column and another role",
                )
            )
            continue
        table_members, rows, table_notes_ = result
        members += table_members
        notes += table_notes_
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
    if not outcomes:
        headers = tuple(
            header_texts(table, build_grid(table), 0) if table.rows else () for table in tables
        )
        raise NoMemberTableError(
            f"{len(tables)} table(s) found, but none has a header naming an organization "
            "column (政党或组织, 成员, Party, ...) and another role",
            headers=headers,
            source=source,
        )
    return members, rejected, outcomes, notes, len(tables)


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

    ``text`` is the document; ``bytes`` are decoded (a byte-order mark or a
    declared charset first, else UTF-8, else detected GB18030/Big5; see
    ``encoding`` and ``errors``).  ``format`` is ``auto``, ``markdown``,
    ``html`` or ``wikitext``; ``variant`` (``zh-hans``, ``zh-hant``, ``en``)
    is the language variant in which country names are written and ``-{}-``
    markup is resolved.  ``source`` names the document in errors and is each
    member's ``page``.

    Raises an :class:`IcorExtractError` subclass for input it cannot use, and
    :class:`InternalError` (chained to the original) for a bug of its own.
    """
    _check_options(format, variant, errors, source)
    try:
        used_encoding = None
        if isinstance(text, bytes | bytearray):
            decoded = decode(bytes(text), encoding=encoding, errors=errors, source=source)
            text, used_encoding = decoded.text, decoded.encoding
        if not isinstance(text, str):
            raise InputError(f"expected str or bytes, got {type(text).__name__}", source=source)
        text = _without_lone_surrogates(text, errors, source)
        if not text.strip():
            raise EmptyInputError("the document is empty", source=source)
        chosen = detect_format(text) if format == "auto" else format
        members, rejected, outcomes, notes, tables = _extract(text, chosen, variant, source)
        if source is not None:
            members = [replace(member, page=source) for member in members]
    except IcorExtractError:
        raise
    except RecursionError as error:
        raise InputError("the document nests markup too deeply to read", source=source) from error
    except Exception as error:
        raise InternalError(
            f"a bug in icor_extract ({type(error).__name__}: {error}); please report it",
            source=source,
        ) from error
    logger.debug("%s: %d members from %d tables", source or "<text>", len(members), tables)
    return Extraction(
        members=tuple(members),
        rejected=tuple(rejected),
        notes=tuple(notes),
        rows=tuple(outcomes),
        tables=tables,
        source_format=chosen,
        source_name=source,
        encoding=used_encoding,
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
