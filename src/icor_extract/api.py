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
from importlib import resources
from pathlib import Path
from typing import IO, get_args

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
from icor_extract.grid import Grid, build_grid
from icor_extract.model import (
    Errors,
    Extraction,
    Format,
    Location,
    Member,
    Note,
    NoteCode,
    RejectedRow,
    RowKind,
    RowOutcome,
    Variant,
)
from icor_extract.readers import FORMATS, detect_format, read_tables
from icor_extract.readers.decode import decode
from icor_extract.readers.raw import RawTable
from icor_extract.records import build_member
from icor_extract.repair.columns import Header, header_texts
from icor_extract.repair.country import assign_countries
from icor_extract.repair.entries import split_entries
from icor_extract.repair.groups import assign_continents
from icor_extract.repair.membership import member_header
from icor_extract.repair.realign import AlignedRow, align_rows

__all__ = ["ERRORS", "EXAMPLE_PAGE", "FORMATS", "VARIANTS", "example", "parse", "read"]

logger = logging.getLogger("icor_extract")

#: language variants a page may be read in (names of countries follow it)
VARIANTS: tuple[Variant, ...] = get_args(Variant)


_SURROGATE = re.compile("[\ud800-\udfff]")
#: what ``errors=`` may ask for when decoding bytes
ERRORS: tuple[Errors, ...] = get_args(Errors)


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
    table: RawTable, grid: Grid, header: Header, variant: str
) -> tuple[list[Member], list[AlignedRow], list[Note]]:
    """Members, aligned rows and notes of one member table."""
    rows = align_rows(table, grid, header)
    locations = {
        aligned.row: Location(table=table.index, row=aligned.row, line=aligned.line)
        for aligned in rows
    }
    continents = assign_continents(rows)
    entries = split_entries(rows)
    countries = assign_countries(entries, rows, variant)
    members = [
        build_member(
            entry,
            continents[entry.aligned.row],
            country,
            locations=locations,
            section=table.section,
            caption=table.caption,
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


def _outcomes(
    table: RawTable, rows: list[AlignedRow]
) -> tuple[list[RowOutcome], list[RejectedRow]]:
    """The row accounting of one member table, and its rejected rows."""
    outcomes: list[RowOutcome] = []
    rejected: list[RejectedRow] = []
    for aligned in rows:
        location = Location(table=table.index, row=aligned.row, line=aligned.line)
        outcomes.append(RowOutcome(location=location, kind=aligned.kind))
        if aligned.kind is RowKind.REJECTED and aligned.rule is not None:
            rejected.append(
                RejectedRow(
                    location=location, cells=aligned.cells, reason=aligned.reason, rule=aligned.rule
                )
            )
    return outcomes, rejected


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
    skipped: list[str] = []
    previous: tuple[RawTable, Header] | None = None
    for table in tables:
        grid = build_grid(table)
        found, reason = member_header(table, grid, previous)
        where = Location(table=table.index)
        if found is None:
            notes.append(Note(code=NoteCode.TABLE_SKIPPED, location=where, message=reason))
            skipped.append(f"table {table.index}: {reason}")
            continue
        previous = (table, found.header)
        if found.note is not None:
            notes.append(Note(code=found.note[0], location=where, message=found.note[1]))
        table_members, rows, table_notes_ = _member_table(table, grid, found.header, variant)
        members += table_members
        notes += table_notes_
        table_outcomes, table_rejected = _outcomes(table, rows)
        outcomes += table_outcomes
        rejected += table_rejected
    if not outcomes:
        headers = tuple(
            header_texts(table, build_grid(table), 0) if table.rows else () for table in tables
        )
        raise NoMemberTableError(
            f"{len(tables)} table(s) found, but none lists members: " + "; ".join(skipped),
            headers=headers,
            reasons=tuple(skipped),
            source=source,
        )
    return members, rejected, outcomes, notes, len(tables)


def parse(
    text: str | bytes,
    *,
    format: Format = "auto",
    variant: Variant = "zh-hans",
    encoding: str | None = None,
    errors: Errors = "strict",
    source: str | None = None,
) -> Extraction:
    """Extract the members of every membership table in a document.

    ``text`` is the document; ``bytes`` are decoded (a byte-order mark or a
    declared charset first, else UTF-8, else detected GB18030/Big5; see
    ``encoding`` and ``errors``).  ``format`` is ``auto``, ``markdown``,
    ``html`` or ``wikitext``; ``variant`` (``zh-hans``, ``zh-hant``, ``en``)
    is the language variant in which country names are written and ``-{}-``
    markup is resolved.  ``source`` names the document in errors.

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
        row_outcomes=tuple(outcomes),
        table_count=tables,
        source_format=chosen,
        source_name=source,
        encoding=used_encoding,
    )


def _contents(source: str | os.PathLike[str] | IO[str] | IO[bytes]) -> tuple[str | bytes, str]:
    """What a path or an open file holds, and the name errors give it."""
    if isinstance(source, str | os.PathLike):
        name = os.fspath(source)
        try:
            return Path(name).read_bytes(), name
        except OSError as error:
            message = f"cannot read the file: {error.strerror or error}"
            raise InputError(message, source=name) from None
    name = str(getattr(source, "name", "<file>"))
    try:
        return source.read(), name
    except OSError as error:
        raise InputError(f"cannot read the file: {error}", source=name) from None
    except UnicodeDecodeError as error:
        message = f"the file, opened as text, is not valid {error.encoding}: {error.reason}"
        raise DecodingError(
            message, encoding=error.encoding, offset=error.start, source=name
        ) from None


def read(
    source: str | os.PathLike[str] | IO[str] | IO[bytes],
    *,
    format: Format = "auto",
    variant: Variant = "zh-hans",
    encoding: str | None = None,
    errors: Errors = "strict",
) -> Extraction:
    """Read a file, by path or already open (text or binary), and :func:`parse` it.

    The file's name appears in errors.  A file opened in text mode was decoded
    by Python; ``encoding`` then does not apply.
    """
    data, name = _contents(source)
    return parse(
        data, format=format, variant=variant, encoding=encoding, errors=errors, source=name
    )


#: the page :func:`example` reads, bundled with the package
EXAMPLE_PAGE = "icor.zh.md"


def example(*, variant: Variant = "zh-hans") -> Extraction:
    """The bundled ICOR member page (zh-wiki, CC BY-SA; pandoc markdown), extracted.

    The quickest way to see what the library returns: 52 members, some of
    them with countries inferred, some left empty with the reason.
    """
    data = resources.files("icor_extract").joinpath("data", EXAMPLE_PAGE).read_bytes()
    return parse(data, variant=variant, source=EXAMPLE_PAGE)
