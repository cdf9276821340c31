"""``parse`` and ``read``: the one place that chains the stages.

read -> grid -> repair -> records: each table of the document is read into
raw rows, expanded into a grid, given column roles from its header,
realigned row by row, given continents and countries, and built into
:class:`Member` values.  Every source row of a member table is accounted for
as a header, group, member or rejected row.  What the caller gives is
checked and read before (:mod:`icor_extract.options`,
:mod:`icor_extract.input_file`); the stages' names are looked up here, so
that a test or a profile may wrap one stage.
"""

from __future__ import annotations

import gc
import logging
import os
from importlib import resources
from itertools import chain
from typing import IO, NoReturn

from icor_extract.errors import (
    EmptyInputError,
    IcorExtractError,
    InputError,
    InternalError,
    NoMemberTableError,
    NoTableError,
    TooLargeError,
)
from icor_extract.grid import build_grid
from icor_extract.input_file import MAX_BYTES, read_source
from icor_extract.model import (
    Errors,
    Extraction,
    Format,
    Location,
    Note,
    NoteCode,
    Variant,
)
from icor_extract.options import ERRORS, VARIANTS, check_options
from icor_extract.readers import (
    FORMATS,
    detect_format,
    lists_never_under,
    read_lists,
    read_tables,
    read_wiki_page,
)
from icor_extract.readers.decode import normalize_document, to_text
from icor_extract.readers.language import choose_variant
from icor_extract.readers.raw import RawList, RawTable
from icor_extract.readers.survey import what_it_holds
from icor_extract.records import TableResult, account_rows, build_member, build_members
from icor_extract.repair.columns import Header, header_texts
from icor_extract.repair.country import assign_countries
from icor_extract.repair.entries import split_entries
from icor_extract.repair.groups import assign_continents, group_statuses
from icor_extract.repair.hints import resolve_hints
from icor_extract.repair.lists import is_member_list, repair_list, with_lead_in
from icor_extract.repair.membership import member_header
from icor_extract.repair.realign import align_rows

__all__ = ["ERRORS", "EXAMPLE_PAGE", "FORMATS", "VARIANTS", "example", "parse", "read"]

logger = logging.getLogger("icor_extract")


def _member_table(
    raw: RawTable,
    variant: Variant,
    previous: tuple[int, Header] | None,
    page: str | None,
) -> tuple[TableResult, Header | None, RawTable | None]:
    """One table through every stage: the one place a table's result is assembled.

    Each stage returns its value and its notes; a table that lists no members
    gives only a ``table.skipped`` note.  ``previous`` is the index of the last
    member table and its header, which a header-less table may continue.
    Returns the result, the header the table was read with, and ``raw``
    itself when it lists no members (``None`` and ``raw``: skipped).  A
    member table is let go of once its rows are aligned: the caller holds it
    nowhere else, so what its rows no longer name is freed before the
    countries and records are built.
    """
    locations = raw.locations()
    table, notes = resolve_hints(raw, locations)
    grid = build_grid(table)
    found, reason = member_header(table, grid, previous)
    where = Location(table=table.index)
    if found is None:
        skipped = Note(code=NoteCode.TABLE_SKIPPED, location=where, message=reason)
        result = TableResult(members=(), row_outcomes=(), rejected=(), notes=(skipped,))
        return result, None, raw
    if found.note is not None:
        notes.append(Note(code=found.note[0], location=where, message=found.note[1]))
    notes += grid.notes(table.index)
    rows, more = align_rows(table, grid, found.header, locations)
    section, caption, headings = table.section, table.caption, table.headings
    del grid, table, raw  # the rows name the cells they need now: free the slots and the rest
    notes += more
    continents, more = assign_continents(rows, locations, headings)
    notes += more
    statuses = group_statuses(rows)
    entries, more = split_entries(rows, locations)
    notes += more
    countries, more = assign_countries(entries, rows, variant, locations)
    notes += more
    account = account_rows(rows, locations)
    del rows  # each entry holds its own row: freed as its member is built
    members = build_members(
        entries,
        countries,
        continents,
        statuses,
        locations=locations,
        section=section,
        caption=caption,
        headings=headings,
        page=page,
    )
    result = TableResult(
        members=members,
        row_outcomes=account.outcomes(),
        rejected=account.rejected,
        notes=tuple(notes),
    )
    return result, found.header, None


def _table_results(
    tables: list[RawTable], variant: Variant, page: str | None
) -> tuple[list[TableResult], list[RawTable]]:
    """The result of every table, in order, and the tables that list no members.

    Empties ``tables``: each is handed to :func:`_member_table` and held
    nowhere else, so a member table can be freed while it is read; the
    tables that list no members are all that :class:`NoMemberTableError`
    describes (it is raised only when no table lists members).
    """
    results: list[TableResult] = []
    skipped: list[RawTable] = []
    previous: tuple[int, Header] | None = None
    tables.reverse()
    while tables:
        index = tables[-1].index
        result, header, kept = _member_table(tables.pop(), variant, previous, page)
        if header is not None:
            previous = (index, header)
        if kept is not None:
            skipped.append(kept)
        results.append(result)
    return results, skipped


def _list_result(raw: RawList, variant: Variant, page: str | None) -> TableResult | None:
    """One list through the same stages; ``None`` when it is no member list."""
    repaired = repair_list(raw, variant)
    if repaired is None:
        return None
    members = tuple(
        with_lead_in(
            build_member(
                entry,
                repaired.continent,
                country,
                locations=repaired.locations,
                section=raw.section,
                headings=repaired.headings,
                page=page,
            ),
            repaired.lead_in,
        )
        for entry, country in zip(repaired.entries, repaired.countries, strict=True)
    )
    return TableResult(
        members=members,
        row_outcomes=tuple(repaired.outcomes),
        rejected=tuple(repaired.rejected),
        notes=tuple(repaired.notes),
    )


def _member_lists(text: str, chosen: Format, variant: Variant) -> list[RawList] | None:
    """The page's lists, or ``None`` when a cheap reading proves none is a member list.

    A list is a member list only by its headings (:func:`is_member_list`, which
    decides at the nearest heading that names a status or a section without
    members, so a path it accepts the start of, it accepts).
    """
    if lists_never_under(text, chosen, is_member_list):
        return None
    return read_lists(text, chosen, variant=variant)


def _extract(
    text: str, chosen: Format, variant: Variant, source: str | None
) -> tuple[list[TableResult], int]:
    """The results of every table and every member list, and the number of tables."""
    lists: list[RawList] | None
    if chosen == "wikitext":  # both from one scan of the page
        tables, lists = read_wiki_page(text, variant=variant)
    else:
        tables = read_tables(text, chosen, variant=variant)
        lists = _member_lists(text, chosen, variant)
    table_count = len(tables)
    results, skipped = _table_results(tables, variant, source)
    results += [
        found for raw in lists or () if (found := _list_result(raw, variant, source)) is not None
    ]
    if not any(result.row_outcomes for result in results):
        if lists is None:  # the errors count every list
            lists = read_lists(text, chosen, variant=variant)
        _no_members(
            text,
            chosen,
            table_count=table_count,
            lists=lists,
            results=results,
            skipped=skipped,
            source=source,
        )
    return results, table_count


def _no_members(
    text: str,
    chosen: Format,
    *,
    table_count: int,
    lists: list[RawList],
    results: list[TableResult],
    skipped: list[RawTable],
    source: str | None,
) -> NoReturn:
    """Raise the error of a page without members: no table or list, or none that lists members."""
    if not table_count and not lists:
        raise NoTableError(
            f"no table or list found in this {chosen} document; {what_it_holds(text, chosen)}",
            source=source,
        )
    headers = tuple(  # every table was skipped
        header_texts(table, build_grid(table), 0) if table.rows else () for table in skipped
    )
    reasons = tuple(
        f"table {note.location.table}: {note.message}"
        for result in results
        for note in result.notes
        if note.code is NoteCode.TABLE_SKIPPED
    )
    raise NoMemberTableError(
        f"{table_count} table(s) found, but none lists members: "
        + "; ".join(reasons)
        + f"; {len(lists)} list(s) found, but none under a membership heading "
        "(成员, 支部, Members, ...)",
        headers=headers,
        reasons=reasons,
        source=source,
    )


def parse(
    text: str | bytes,
    *,
    format: Format = "auto",
    variant: Variant = "auto",
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
    markup is resolved; ``auto`` (the default) follows the page and says
    which it chose, and why, in a ``variant.auto`` note.  ``source`` names
    the document in errors and is each member's ``page``.

    Raises an :class:`IcorExtractError` subclass for input it cannot use, and
    :class:`InternalError` (chained to the original) for a bug of its own.

    Python's cyclic garbage collector is paused while the document is parsed.
    A parse builds no reference cycles per row (the few a parse leaves are
    collected after it), yet every full collection during a parse walks all
    the rows built so far: on a table of 11,000 rows that was a third of the
    time.  Reference counting still frees everything as usual; the collector
    is switched back on afterwards, and left alone if the caller had it off.
    """
    # a plain try, not a context manager: that cost 2 µs a call
    if not gc.isenabled():
        return _parse(text, format, variant, encoding, errors, source)
    gc.disable()
    try:
        return _parse(text, format, variant, encoding, errors, source)
    finally:
        gc.enable()


def _parse(  # noqa: PLR0917 - parse's arguments, passed on in its order
    text: str | bytes,
    format: Format,
    variant: Variant,
    encoding: str | None,
    errors: Errors,
    source: str | None,
) -> Extraction:
    """:func:`parse`, with the collector paused."""
    check_options(format, variant, errors, encoding, source)
    try:
        text, used_encoding = to_text(text, encoding=encoding, errors=errors, source=source)
        text, controls = normalize_document(text)
        if not text.strip():
            raise EmptyInputError("the document is empty", source=source)
        chosen = detect_format(text) if format == "auto" else format
        page_variant, variant_note = choose_variant(text, variant)
        results, table_count = _extract(text, chosen, page_variant, source)
    except IcorExtractError:
        raise
    except RecursionError as error:
        raise InputError("the document nests markup too deeply to read", source=source) from error
    except MemoryError:
        raise TooLargeError(
            "the document needs more memory than there is to read", limit=None, source=source
        ) from None
    except Exception as error:
        raise InternalError(
            f"a bug in icor_extract ({type(error).__name__}: {error}); please report it",
            source=source,
        ) from error
    document_notes = [variant_note] if variant_note else []
    if controls:
        message = f"{controls} control characters removed from the document"
        document_notes.append(Note(code=NoteCode.READER_CONTROLS, message=message))
    extraction = Extraction(
        members=tuple(chain.from_iterable(result.members for result in results)),
        rejected=tuple(chain.from_iterable(result.rejected for result in results)),
        notes=(*document_notes, *chain.from_iterable(result.notes for result in results)),
        row_outcomes=tuple(chain.from_iterable(result.row_outcomes for result in results)),
        table_count=table_count,
        source_format=chosen,
        source_name=source,
        encoding=used_encoding,
    )
    logger.debug("%s: %d members from %d tables", source or "<text>", len(extraction), table_count)
    return extraction


def read(
    source: str | os.PathLike[str] | IO[str] | IO[bytes],
    *,
    format: Format = "auto",
    variant: Variant = "auto",
    encoding: str | None = None,
    errors: Errors = "strict",
    max_bytes: int = MAX_BYTES,
) -> Extraction:
    """Read a file, by path or already open (text or binary), and :func:`parse` it.

    The file's name appears in errors.  A file opened in text mode was decoded
    by Python; ``encoding`` then does not apply.  A path must name a regular
    file (not a FIFO or a device); at most ``max_bytes`` are read (default
    256 MiB, characters for a text file), beyond which :class:`TooLargeError`.
    """
    data, name = read_source(source, max_bytes)
    return parse(
        data, format=format, variant=variant, encoding=encoding, errors=errors, source=name
    )


#: the page :func:`example` reads, bundled with the package
EXAMPLE_PAGE = "icor.zh.md"


def example(*, variant: Variant = "auto") -> Extraction:
    """The bundled ICOR member page (zh-wiki, CC BY-SA; pandoc markdown), extracted.

    The quickest way to see what the library returns: 52 members, some of
    them with countries inferred, some left empty with the reason.
    """
    data = resources.files("icor_extract").joinpath("data", EXAMPLE_PAGE).read_bytes()
    return parse(data, variant=variant, source=EXAMPLE_PAGE)
