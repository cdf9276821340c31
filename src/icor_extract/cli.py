"""``icor-extract``: members of membership tables, from a page, a folder or stdin.

Thin by design: arguments are parsed by :func:`parse_args` (a pure function),
the work is done by :func:`icor_extract.read`/:func:`icor_extract.parse`,
and this module only chooses inputs, runs them (in worker processes with
``--jobs``) and writes output.  CSV and JSON Lines are written page by page
as each finishes; the table and JSON formats are written at the end; Parquet
in row groups.  A MediaWiki dump (``.xml``, ``.xml.bz2``) is read page by
page (:mod:`icor_extract.corpus`), and its pages go to the workers as they
are read, a few ahead of the writer.

Exit codes: 0 success; 1 some inputs of several failed (the others were
written); 2 usage error, or every input failed; 3 a bug in icor_extract;
130 interrupted (Ctrl-C).  Every error is one line on standard error.  With
``-o FILE`` the file is written whole or not at all (see
:mod:`icor_extract.output_file`): a run where every input fails, or that is
interrupted, leaves the old file as it was.
"""

from __future__ import annotations

import argparse
import os
import re
import signal
import sys
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from functools import lru_cache
from itertools import islice
from pathlib import Path
from typing import IO, NoReturn, TextIO

from icor_extract import __version__
from icor_extract.adapters.parquet import ParquetWriter
from icor_extract.adapters.text import escape_controls, to_csv, to_json, to_jsonl, to_table
from icor_extract.api import EXAMPLE_PAGE, FORMATS, VARIANTS, example, parse, read
from icor_extract.cli_diff import diff_main
from icor_extract.corpus import page_members
from icor_extract.dump import DumpPage, is_dump, iter_pages
from icor_extract.errors import (
    IcorExtractError,
    InputError,
    InternalError,
    MissingDependencyError,
    OptionError,
)
from icor_extract.input_file import MAX_BYTES, STDIN, read_stdin
from icor_extract.model import Extraction, Format, Member, Variant
from icor_extract.output_file import check_not_an_input, replacing

__all__ = [
    "EXIT_BUG",
    "EXIT_FAILED",
    "EXIT_INTERRUPTED",
    "EXIT_OK",
    "EXIT_PARTIAL",
    "Options",
    "main",
    "parse_args",
]

EXIT_OK = 0
EXIT_PARTIAL = 1
EXIT_FAILED = 2
EXIT_BUG = 3
EXIT_INTERRUPTED = 130  # 128 + SIGINT, as shells report it

OUTPUT_FORMATS = ("table", "csv", "json", "jsonl", "parquet")
STREAMED_FORMATS = frozenset({"csv", "jsonl"})
#: file endings read from a folder when no --glob is given
PAGE_SUFFIXES = frozenset({".md", ".txt", ".html", ".htm", ".wikitext", ".wiki", ".mediawiki"})


@dataclass(frozen=True, slots=True)
class Options:
    paths: tuple[str, ...]
    output: str
    input_format: Format
    variant: Variant
    encoding: str | None
    glob: str | None
    jobs: int
    output_file: str | None
    max_bytes: int = MAX_BYTES
    title: str | None = None
    namespaces: tuple[int, ...] = (0,)
    fill_from: str | None = None


def _positive(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError("must be 1 or more")
    return value


_UNITS = {"": 1, "K": 2**10, "M": 2**20, "G": 2**30}


def _size(text: str) -> int:
    """A size in bytes: ``1000``, ``64K``, ``256M``, ``1G``."""
    number, unit = text.strip(), ""
    if number[-1:].upper() in _UNITS:
        number, unit = number[:-1], number[-1:].upper()
    try:
        value = int(number) * _UNITS[unit]
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"not a size: {text!r} (use 1000, 64K, 256M, 1G)"
        ) from None
    if value < 1:
        raise argparse.ArgumentTypeError("must be 1 or more")
    return value


def _regex(text: str) -> str:
    try:
        re.compile(text)
    except re.error as error:
        raise argparse.ArgumentTypeError(f"not a regular expression: {error}") from None
    return text


class _Parser(argparse.ArgumentParser):
    """An argument parser whose usage errors are one line, with exit code 2."""

    def error(self, message: str) -> NoReturn:
        self.exit(EXIT_FAILED, f"{self.prog}: error: {message} (see {self.prog} --help)\n")


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="icor-extract",
        description=(
            "Extract the members of Wikipedia membership tables as clean records. "
            "With no PATH, runs on the bundled ICOR page (zh-wiki, CC BY-SA)."
        ),
        epilog="Exit codes: 0 ok; 1 some inputs failed; 2 usage error or all inputs failed; 3 bug. "
        "To compare two versions of a page: icor-extract diff OLD NEW (see diff --help).",
    )
    parser.add_argument(
        "paths",
        nargs="*",
        metavar="PATH",
        help="a page, a folder (searched recursively), or - for standard input",
    )
    parser.add_argument(
        "-f", "--format", dest="output", choices=OUTPUT_FORMATS, default="table",
        help="output format (default: table)",
    )  # fmt: skip
    parser.add_argument(
        "--input-format", choices=("auto", *FORMATS), default="auto",
        help="how to read the input (default: auto-detect)",
    )  # fmt: skip
    parser.add_argument(
        "--variant", choices=("auto", *VARIANTS), default="auto",
        help="language variant for country names and -{}- markup (default: auto, the page's)",
    )  # fmt: skip
    parser.add_argument("--encoding", help="encoding of the input (default: detected)")
    parser.add_argument(
        "--glob",
        help="file names to read inside a folder (default: .md .txt .html .htm .wikitext "
        ".wiki .mediawiki files)",
    )
    parser.add_argument(
        "-j", "--jobs", type=_positive, default=1, help="worker processes (default: 1)"
    )  # fmt: skip
    parser.add_argument(
        "-o", "--output", dest="output_file", metavar="FILE",
        help="write the members to FILE instead of standard output (written whole when the "
        "run ends; left as it was if every page fails or the run is interrupted)",
    )  # fmt: skip
    parser.add_argument(
        "--max-bytes", type=_size, default=MAX_BYTES, metavar="SIZE",
        help="refuse an input larger than SIZE (default: 256M; K, M, G suffixes)",
    )  # fmt: skip
    parser.add_argument(
        "--title", metavar="REGEX", type=_regex,
        help="in a dump, read only pages whose title matches REGEX",
    )  # fmt: skip
    parser.add_argument(
        "--namespace", metavar="N", type=int, action="append",
        help="in a dump, read pages of namespace N (repeatable; default: 0, articles)",
    )  # fmt: skip
    parser.add_argument(
        "--fill-from", metavar="OTHER",
        help="fill empty countries, continents, years and links from OTHER, another version "
        "of the same page (see also: icor-extract diff OLD NEW)",
    )  # fmt: skip
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    return parser


def parse_args(argv: Sequence[str]) -> Options:
    """Parse command-line arguments; raises ``SystemExit(2)`` on a usage error."""
    parser = _parser()
    namespace = parser.parse_args(list(argv))
    if namespace.output == "parquet" and not namespace.output_file:
        parser.error("--format parquet needs --output FILE")
    return Options(
        paths=tuple(namespace.paths),
        output=namespace.output,
        input_format=namespace.input_format,
        variant=namespace.variant,
        encoding=namespace.encoding,
        glob=namespace.glob,
        jobs=namespace.jobs,
        output_file=namespace.output_file,
        max_bytes=namespace.max_bytes,
        title=namespace.title,
        namespaces=tuple(namespace.namespace or (0,)),
        fill_from=namespace.fill_from,
    )


def expand_paths(paths: Sequence[str], glob: str | None) -> list[str]:
    """Files to read: the paths given, with each folder replaced by the pages under it."""
    found: list[str] = []
    for path in paths:
        candidate = Path(path)
        if path != "-" and candidate.is_dir():
            try:
                items = sorted(candidate.rglob(glob or "*"))
            except (NotImplementedError, ValueError) as error:  # "/etc/*", "a/../b"
                raise OptionError(
                    f"--glob {glob!r} is not a pattern inside the folder ({error})", option="glob"
                ) from None
            for item in items:
                if item.is_file() and (glob is not None or item.suffix in PAGE_SUFFIXES):
                    found.append(str(item))
        else:
            found.append(path)
    return found


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


@dataclass(frozen=True, slots=True)
class _Unreadable:
    """A dump that broke off: reported as a failed input, after the pages read before."""

    name: str
    message: str


#: one unit of work: a file (None: the bundled page, -: stdin), a dump page, a broken dump
Item = str | None | DumpPage | _Unreadable


def _name(item: Item) -> str:
    if isinstance(item, DumpPage):
        return item.title
    if isinstance(item, _Unreadable):
        return item.name
    return item or EXAMPLE_PAGE


def _items(inputs: Iterable[str | None], options: Options) -> Iterator[Item]:
    """The inputs, with every dump replaced by its pages (read lazily)."""
    for path in inputs:
        if path is None or path == "-" or not is_dump(path):
            yield path
            continue
        try:
            yield from iter_pages(path, namespaces=options.namespaces, title=options.title)
        except InputError as error:
            yield _Unreadable(path, str(error))
@lru_cache(maxsize=1)
def _other(path: str, options: Options) -> Extraction:
    """The page given to ``--fill-from``, read once however many pages it fills."""
    return read(
        path, variant=options.variant, encoding=options.encoding, max_bytes=options.max_bytes
    )


def _extract(path: str | None, options: Options) -> Extraction:
    extraction = _extract_page(path, options)
    if options.fill_from is None:
        return extraction
    return extraction.fill_from(_other(options.fill_from, options))


def _extract_page(path: str | None, options: Options) -> Extraction:
    if path is None:
        return example(variant=options.variant)
    if path == "-":
        return parse(
            read_stdin(max_bytes=options.max_bytes),
            format=options.input_format,
            variant=options.variant,
            encoding=options.encoding,
            source=STDIN,
        )
    return read(
        path,
        format=options.input_format,
        variant=options.variant,
        encoding=options.encoding,
        max_bytes=options.max_bytes,
    )


def _dump_page(page: DumpPage, options: Options) -> PageResult:
    got = page_members(page, variant=options.variant)
    if got.failure is not None and got.failure.bug:
        return PageResult(name=page.title, bug=got.failure.message)
    if got.failure is not None:
        return PageResult(name=page.title, error=got.failure.message)
    return _result(page.title, got.members, got.tables, options)


def _result(name: str, members: tuple[Member, ...], tables: int, options: Options) -> PageResult:
    if options.output == "csv":
        rendered = to_csv(members, header=False)
        return PageResult(name=name, rendered=rendered, count=len(members), tables=tables)
    if options.output == "jsonl":
        rendered = to_jsonl(members)
        return PageResult(name=name, rendered=rendered, count=len(members), tables=tables)
    return PageResult(name=name, members=members, count=len(members), tables=tables)


def run_page(item: Item, options: Options) -> PageResult:
    """Extract one input; errors are caught and returned, never raised."""
    name = _name(item)
    if isinstance(item, _Unreadable):
        return PageResult(name=name, error=item.message)
    try:
        if isinstance(item, DumpPage):
            return _dump_page(item, options)
        extraction = _extract(item, options)
    except InternalError as error:
        return PageResult(name=name, bug=error.message)
    except IcorExtractError as error:
        return PageResult(name=name, error=str(error))
    except MemoryError:
        return PageResult(name=name, error=f"{name}: not enough memory to read this page")
    return _result(name, extraction.members, extraction.table_count, options)


def _results(inputs: list[str | None], options: Options, total: int | None) -> Iterator[PageResult]:
    """Results in input order; with --jobs, computed in worker processes."""
    items = _items(inputs, options)
    if options.jobs == 1 or total == 1 or "-" in inputs:
        yield from (run_page(item, options) for item in items)
        return
    yield from _pooled_results(items, options)


def _quiet_worker() -> None:
    """Workers leave Ctrl-C to the main process, which reports it once."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _pool(jobs: int) -> ProcessPoolExecutor:
    return ProcessPoolExecutor(max_workers=jobs, initializer=_quiet_worker)


def _pooled_results(items: Iterator[Item], options: Options) -> Iterator[PageResult]:
    """Results of worker processes, in input order, a few pages ahead of the writer.

    A worker that dies (killed, out of memory) breaks its pool: the pages in
    flight are then retried one by one, each in a fresh worker, so that only
    the page that kills its worker fails; the rest go on in a new pool.
    """
    window = options.jobs * 4
    in_flight: deque[tuple[Item, Future[PageResult]]] = deque()
    pool = _pool(options.jobs)
    try:
        while True:  # inputs are read lazily: a dump's pages as they come
            for path in islice(items, window - len(in_flight)):
                in_flight.append((path, pool.submit(run_page, path, options)))
            if not in_flight:
                break
            path, future = in_flight.popleft()
            try:
                yield future.result()
            except BrokenProcessPool:
                retried = [path, *(other for other, _ in in_flight)]
                in_flight.clear()
                pool.shutdown(wait=True, cancel_futures=True)  # no thread left to fork with
                yield from (_in_fresh_worker(other, options) for other in retried)
                pool = _pool(options.jobs)
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _in_fresh_worker(path: Item, options: Options) -> PageResult:
    """One page in a worker of its own; a lost worker is a failure of this page only."""
    with _pool(1) as single:
        try:
            return single.submit(run_page, path, options).result()
        except BrokenProcessPool:
            name = _name(path)
            message = f"{name}: the worker process reading this page was lost (out of memory?)"
            return PageResult(name=name, error=message)


class _Progress:
    """A progress bar on stderr, drawn only when stderr is a terminal (never into a pipe)."""

    WIDTH = 30

    def __init__(self, total: int | None, stream: TextIO | None = None) -> None:
        self.total = total or 0  # unknown for a dump: no bar
        self.stream = stream or sys.stderr
        self.enabled = self.total > 1 and self.stream.isatty()

    def update(self, done: int) -> None:
        if self.enabled:
            filled = self.WIDTH * done // self.total
            bar = "#" * filled + "-" * (self.WIDTH - filled)
            print(f"\r[{bar}] {done}/{self.total} pages", end="", file=self.stream, flush=True)

    def close(self) -> None:
        if self.enabled:
            print("\r" + " " * (self.WIDTH + 30) + "\r", end="", file=self.stream, flush=True)


@dataclass
class _Tally:
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
    results: Iterator[PageResult], options: Options, total: int | None, out: IO[str] | ParquetWriter
) -> _Tally:
    """Write members as the format allows; report failures; return the counts."""
    members: list[Member] = []
    tally = _Tally()
    csv_header = options.output == "csv"  # written before the first page that succeeds
    progress = _Progress(total)
    for result in results:
        tally.pages += 1
        progress.update(tally.pages)
        if result.bug is not None:
            progress.close()
            raise InternalError(f"{result.name}: {result.bug}")
        if result.error is not None:
            tally.failed += 1
            progress.close()
            print(_line(f"icor-extract: error: {result.error}"), file=sys.stderr)
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


def _line(message: str) -> str:
    """One line for standard error: control characters and line breaks shown escaped."""
    return escape_controls(message)


def _write(inputs: list[str | None], options: Options) -> _Tally:
    """Run every input and write the output; return the counts."""
    dumps = any(path not in (None, "-") and is_dump(path) for path in inputs)
    total = None if dumps else len(inputs)  # a dump's pages are counted as they come
    results = _results(inputs, options, total)
    if not options.output_file:
        if sys.stdout is None:
            raise OptionError("standard output is closed; write to a file with -o", option="-o")
        tally = _write_all(results, options, total, sys.stdout)
        sys.stdout.flush()
        return tally
    check_not_an_input(options.output_file, [path for path in inputs if path not in (None, "-")])
    parquet = options.output == "parquet"
    with replacing(options.output_file, open_file=not parquet) as pending:
        if parquet:
            with ParquetWriter(str(pending.temp)) as writer:
                tally = _write_all(results, options, total, writer)
        else:
            assert pending.file is not None
            tally = _write_all(results, options, total, pending.file)
        if tally.failed == tally.pages:
            pending.abandon()
            print(
                _line(f"icor-extract: {options.output_file} not written: every input failed"),
                file=sys.stderr,
            )
    return tally


def _run(options: Options) -> int:
    inputs: list[str | None] = (
        list(expand_paths(options.paths, options.glob)) if options.paths else [None]
    )
    if not inputs:
        print("icor-extract: error: no pages found under the given folders", file=sys.stderr)
        return EXIT_FAILED
    tally = _write(inputs, options)
    if tally.failed == 0:
        return EXIT_OK
    return EXIT_FAILED if tally.failed == tally.pages else EXIT_PARTIAL


def _failed(error: BaseException, options: Options) -> int:
    """Report a run that raised ``error`` in one line; return its exit code."""
    unwritten = f"{options.output_file} not written" if options.output_file else "output incomplete"
    code = EXIT_FAILED
    if isinstance(error, KeyboardInterrupt):
        message, code = f"interrupted; {unwritten}", EXIT_INTERRUPTED
    elif isinstance(error, BrokenPipeError):  # output piped into head: not an error
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK
    elif isinstance(error, OptionError | MissingDependencyError):  # a missing extra too
        message = f"error: {error}"
    elif isinstance(error, OSError):
        message = f"error: cannot write the output ({unwritten}): {error}"
    elif isinstance(error, MemoryError):
        message = f"error: out of memory ({unwritten}); try fewer --jobs, or smaller pages"
    else:
        detail = error.message if isinstance(error, InternalError) else repr(error)
        message, code = f"internal error (a bug, please report it): {detail}", EXIT_BUG
    print(_line(f"icor-extract: {message}"), file=sys.stderr)
    return code


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command; returns the exit code.  ``icor-extract diff ...`` is
    :func:`icor_extract.cli_diff.diff_main` (name a page ``./diff`` to read it)."""
    arguments = list(sys.argv[1:] if argv is None else argv)
    if arguments[:1] == ["diff"]:
        return diff_main(arguments[1:])
    options = parse_args(arguments)
    try:
        return _run(options)
    except (KeyboardInterrupt, Exception) as error:  # the boundary where errors are reported
        return _failed(error, options)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
