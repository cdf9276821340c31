"""The main command's output: members written as each page finishes, or at the end.

CSV and JSON Lines are written page by page (rendered in the workers);
the table and JSON formats at the end; Parquet in row groups.  With
``-o FILE`` the file is replaced whole or not at all
(:mod:`icor_extract.output_file`).  Apart from running the pages
(:mod:`icor_extract.cli`), which only hands over a :class:`PageResult` each.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from dataclasses import dataclass
from typing import IO, Protocol

from icor_extract.adapters.parquet import ParquetWriter
from icor_extract.adapters.text import escape_controls, to_csv, to_json, to_table
from icor_extract.cli_args import Options
from icor_extract.errors import InternalError, OptionError
from icor_extract.model import Member
from icor_extract.output_file import check_not_an_input, replacing

__all__ = ["STREAMED_FORMATS", "PageResult", "Progress", "Tally", "one_line", "write_results"]

STREAMED_FORMATS = frozenset({"csv", "jsonl"})


@dataclass(frozen=True, slots=True)
class PageResult:
    """What one input gave: members (or their rendered text), or the error."""

    name: str
    members: tuple[Member, ...] = ()
    rendered: str = ""  # CSV rows (no header) or JSON Lines, for the streamed formats
    count: int = 0
    tables: int = 0
    error: str | None = None
    bug: str | None = None


class Progress(Protocol):
    """What the writer reports as pages finish: the command's progress bar."""

    def update(self, done: int) -> None: ...

    def close(self) -> None: ...


@dataclass
class Tally:
    """The counts of a run: what the summary line says and the exit code follows."""

    pages: int = 0
    tables: int = 0
    members: int = 0
    failed: int = 0


def _emit(
    result: PageResult,
    options: Options,
    out: IO[str] | ParquetWriter,
    collected: list[Member],
    *,
    header: bool,
) -> None:
    """One page's members: written now (CSV, JSON Lines, Parquet) or kept for the end."""
    if isinstance(out, ParquetWriter):
        out.write(result.members)
        return
    if header:
        out.write(to_csv((), header=True))
    if options.output in STREAMED_FORMATS:
        out.write(result.rendered)
    else:
        collected += result.members


def _write_all(
    results: Iterator[PageResult],
    options: Options,
    total: int | None,
    out: IO[str] | ParquetWriter,
    progress: Progress,
) -> Tally:
    """Write members as the format allows; report failures; return the counts."""
    members: list[Member] = []
    tally = Tally()
    csv_header = options.output == "csv"  # written before the first page that succeeds
    for result in results:
        tally.pages += 1
        progress.update(tally.pages)
        if result.bug is not None:
            progress.close()
            raise InternalError(f"{result.name}: {result.bug}")
        if result.error is not None:
            tally.failed += 1
            progress.close()
            print(one_line(f"icor-extract: error: {result.error}"), file=sys.stderr)
            continue
        tally.tables += result.tables
        tally.members += result.count
        _emit(result, options, out, members, header=csv_header)
        csv_header = False
    progress.close()
    if not isinstance(out, ParquetWriter) and tally.failed < tally.pages:
        if options.output == "table":
            out.write(to_table(members, page=tally.pages > 1))
        elif options.output == "json":
            out.write(to_json(members))
    if tally.pages > 1 or total is None:
        print(
            f"icor-extract: {tally.pages} pages, {tally.tables} tables, {tally.members} members, "
            f"{tally.failed} failed",
            file=sys.stderr,
        )
    return tally


def one_line(message: str) -> str:
    """One line for standard error: control characters and line breaks shown escaped."""
    return escape_controls(message)


def write_results(
    results: Iterator[PageResult],
    inputs: list[str | None],
    options: Options,
    total: int | None,
    progress: Progress,
) -> Tally:
    """Write every page's members where ``options`` say; return the counts.

    ``inputs`` are the files read (the output may not be one of them);
    ``total`` is the number of pages, ``None`` when a dump's are unknown.
    """
    if not options.output_file:
        if sys.stdout is None:
            raise OptionError("standard output is closed; write to a file with -o", option="-o")
        tally = _write_all(results, options, total, sys.stdout, progress)
        sys.stdout.flush()
        return tally
    check_not_an_input(options.output_file, [path for path in inputs if path not in (None, "-")])
    parquet = options.output == "parquet"
    with replacing(options.output_file, open_file=not parquet) as pending:
        if parquet:
            with ParquetWriter(str(pending.temp)) as writer:
                tally = _write_all(results, options, total, writer, progress)
        else:
            assert pending.file is not None
            tally = _write_all(results, options, total, pending.file, progress)
        if tally.failed == tally.pages:
            pending.abandon()
            print(
                one_line(f"icor-extract: {options.output_file} not written: every input failed"),
                file=sys.stderr,
            )
    return tally
