"""``icor-extract``: members of membership tables, from a page, a folder or stdin.

Thin by design: arguments are parsed by :func:`parse_args` (a pure function),
the work is done by :func:`icor_extract.read`/:func:`icor_extract.parse`,
and this module only chooses inputs, runs them (in worker processes with
``--jobs``) and writes output.  CSV and JSON Lines are written page by page
as each finishes; the table and JSON formats are written at the end; Parquet
in row groups.  MediaWiki dumps (``.xml``, ``.xml.bz2``) are read page by page
(:mod:`icor_extract.corpus`).  ``-o FILE`` appears whole or not at all
(:mod:`icor_extract.atomic`).

Exit codes: 0 success; 1 some inputs of several failed (the others were
written); 2 usage error, or every input failed; 3 a bug in icor_extract.
"""

from __future__ import annotations

import argparse
import io
import os
import re
import signal
import sys
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from itertools import islice
from pathlib import Path
from typing import TextIO

from icor_extract import __version__
from icor_extract.adapters.parquet import ParquetWriter
from icor_extract.adapters.text import to_csv, to_json, to_jsonl, to_table
from icor_extract.api import EXAMPLE_PAGE, FORMATS, VARIANTS, example, parse, read
from icor_extract.atomic import atomic_output
from icor_extract.corpus import page_members
from icor_extract.dump import DumpPage, is_dump, iter_pages
from icor_extract.errors import (
    IcorExtractError,
    InputError,
    InternalError,
    MissingDependencyError,
)
from icor_extract.model import Extraction, Format, Member, Variant

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
EXIT_INTERRUPTED = 130  # as a shell reports a command ended by Ctrl-C

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
    title: str | None = None
    namespaces: tuple[int, ...] = (0,)


def _positive(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError("must be 1 or more")
    return value


def _regex(text: str) -> str:
    try:
        re.compile(text)
    except re.error as error:
        raise argparse.ArgumentTypeError(f"not a regular expression: {error}") from None
    return text


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="icor-extract",
        description=(
            "Extract the members of Wikipedia membership tables as clean records. "
            "With no PATH, runs on the bundled ICOR page (zh-wiki, CC BY-SA)."
        ),
        epilog="Exit codes: 0 ok; 1 some inputs failed; 2 usage error or all inputs failed; 3 bug.",
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
        help="write the members to FILE instead of standard output",
    )  # fmt: skip
    parser.add_argument(
        "--title", metavar="REGEX", type=_regex,
        help="in a dump, read only pages whose title matches REGEX",
    )  # fmt: skip
    parser.add_argument(
        "--namespace", metavar="N", type=int, action="append",
        help="in a dump, read pages of namespace N (repeatable; default: 0, articles)",
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
        title=namespace.title,
        namespaces=tuple(namespace.namespace or (0,)),
    )


def expand_paths(paths: Sequence[str], glob: str | None) -> list[str]:
    """Files to read: the paths given, with each folder replaced by the pages under it."""
    found: list[str] = []
    for path in paths:
        candidate = Path(path)
        if path != "-" and candidate.is_dir():
            for item in sorted(candidate.rglob(glob or "*")):
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


#: what one unit of work is: a file (None: the bundled page, -: stdin), a dump page, a broken dump
Item = str | None | DumpPage | _Unreadable


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


def _extract(path: str | None, options: Options) -> Extraction:
    if path is None:
        return example(variant=options.variant)
    if path == "-":
        return parse(
            sys.stdin.buffer.read(),
            format=options.input_format,
            variant=options.variant,
            encoding=options.encoding,
            source="<stdin>",
        )
    return read(
        path, format=options.input_format, variant=options.variant, encoding=options.encoding
    )


def _rendered(name: str, members: tuple[Member, ...], tables: int, options: Options) -> PageResult:
    if options.output == "csv":
        rendered = to_csv(members, header=False)
    elif options.output == "jsonl":
        rendered = to_jsonl(members)
    else:
        return PageResult(name=name, members=members, count=len(members), tables=tables)
    return PageResult(name=name, rendered=rendered, count=len(members), tables=tables)


def run_page(item: Item, options: Options) -> PageResult:
    """Extract one input; errors are caught and returned, never raised."""
    if isinstance(item, _Unreadable):
        return PageResult(name=item.name, error=item.message)
    if isinstance(item, DumpPage):
        got = page_members(item, variant=options.variant)
        if got.failure is not None:
            bug = got.failure.message if got.failure.bug else None
            return PageResult(name=got.page, error=None if bug else got.failure.message, bug=bug)
        return _rendered(got.page, got.members, got.tables, options)
    name = item or EXAMPLE_PAGE
    try:
        extraction = _extract(item, options)
    except InternalError as error:
        return PageResult(name=name, bug=error.message)
    except IcorExtractError as error:
        return PageResult(name=name, error=str(error))
    return _rendered(name, extraction.members, extraction.table_count, options)


def run_batch(items: list[Item], options: Options) -> list[PageResult]:
    """:func:`run_page` of each item: the unit a worker process runs."""
    return [run_page(item, options) for item in items]


def _results(
    items: Iterator[Item], options: Options, total: int | None, *, parallel: bool
) -> Iterator[PageResult]:
    """Results in input order; with ``parallel``, computed in --jobs worker processes.

    Batches are submitted as the inputs are read, at most a few per worker
    ahead, so a dump is never held in memory whole.
    """
    if not parallel:
        yield from (run_page(item, options) for item in items)
        return
    size = 64 if total is None else max(1, min(64, total // (options.jobs * 8)))
    with ProcessPoolExecutor(max_workers=options.jobs, initializer=_ignore_ctrl_c) as pool:
        pending: deque[Future[list[PageResult]]] = deque()
        try:
            while batch := list(islice(items, size)):
                pending.append(pool.submit(run_batch, batch, options))
                if len(pending) >= options.jobs * 4:
                    yield from pending.popleft().result()
            while pending:
                yield from pending.popleft().result()
        except BaseException:  # Ctrl-C or a bug: do not start the batches still queued
            pool.shutdown(wait=False, cancel_futures=True)
            raise


def _ignore_ctrl_c() -> None:
    """Workers leave Ctrl-C to the main process, which stops the run and reports it."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


class _Progress:
    """A progress bar on stderr, drawn only when stderr is a terminal (never into a pipe)."""

    WIDTH = 30

    def __init__(self, total: int | None, stream: TextIO | None = None) -> None:
        self.total = total or 0
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


class _TextOutput:
    """Table, CSV, JSON or JSON Lines: streamed page by page where the format allows."""

    def __init__(self, out: TextIO, output: str) -> None:
        self.out, self.output = out, output
        self.members: list[Member] = []
        self.csv_header = output == "csv"  # written before the first page that succeeds

    def page(self, result: PageResult) -> None:
        if self.csv_header:
            self.out.write(to_csv((), header=True))
            self.csv_header = False
        if self.output in STREAMED_FORMATS:
            self.out.write(result.rendered)
        else:
            self.members += result.members

    def finish(self, tally: _Tally) -> None:
        if tally.failed == tally.pages:
            return
        if self.output == "table":
            self.out.write(to_table(self.members, page=tally.pages > 1))
        elif self.output == "json":
            self.out.write(to_json(self.members))


class _ParquetOutput:
    """Parquet, in row groups as the pages come; the writer is closed by its with-block."""

    def __init__(self, writer: ParquetWriter) -> None:
        self.writer = writer

    def page(self, result: PageResult) -> None:
        self.writer.write(result.members)

    def finish(self, tally: _Tally) -> None:
        pass


def _write_all(
    results: Iterator[PageResult], output: _TextOutput | _ParquetOutput, total: int | None
) -> _Tally:
    """Write members as the format allows; report failures; return the counts."""
    tally = _Tally()
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
            print(f"icor-extract: error: {result.error}", file=sys.stderr)
            continue
        tally.tables += result.tables
        tally.members += result.count
        output.page(result)
    progress.close()
    output.finish(tally)
    if tally.pages > 1 or total is None:
        print(
            f"icor-extract: {tally.pages} pages, {tally.tables} tables, {tally.members} members, "
            f"{tally.failed} failed",
            file=sys.stderr,
        )
    return tally


def _run(inputs: list[str | None], options: Options) -> _Tally:
    """Read every input and write the output; ``-o FILE`` appears only when the run completes."""
    dumps = any(path not in (None, "-") and is_dump(path) for path in inputs)
    total = None if dumps else len(inputs)
    parallel = options.jobs > 1 and total != 1 and "-" not in inputs  # stdin stays here
    results = _results(_items(inputs, options), options, total, parallel=parallel)
    if not options.output_file:
        tally = _write_all(results, _TextOutput(sys.stdout, options.output), total)
        sys.stdout.flush()
        return tally
    with atomic_output(options.output_file) as raw:
        if options.output == "parquet":
            with ParquetWriter(raw) as writer:
                return _write_all(results, _ParquetOutput(writer), total)
        text = io.TextIOWrapper(raw, encoding="utf-8", newline="")
        tally = _write_all(results, _TextOutput(text, options.output), total)
        text.flush()
        text.detach()  # the atomic output closes the file
        return tally


def _exit_code(tally: _Tally) -> int:
    if tally.failed == 0:
        return EXIT_OK
    return EXIT_FAILED if tally.failed == tally.pages else EXIT_PARTIAL


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command; returns the exit code."""
    options = parse_args(sys.argv[1:] if argv is None else argv)
    inputs: list[str | None] = (
        list(expand_paths(options.paths, options.glob)) if options.paths else [None]
    )
    if not inputs:
        print("icor-extract: error: no pages found under the given folders", file=sys.stderr)
        return EXIT_FAILED
    try:
        return _exit_code(_run(inputs, options))
    except BrokenPipeError:  # output piped into head: not an error
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK
    except KeyboardInterrupt:
        where = f"; {options.output_file} was not written" if options.output_file else ""
        print(f"icor-extract: interrupted{where}", file=sys.stderr)
        return EXIT_INTERRUPTED
    except (OSError, MissingDependencyError) as error:
        problem = f"cannot write the output: {error}" if isinstance(error, OSError) else error
        print(f"icor-extract: error: {problem}", file=sys.stderr)
        return EXIT_FAILED
    except Exception as error:  # the boundary where a bug is reported as one
        detail = error.message if isinstance(error, InternalError) else repr(error)
        print(f"icor-extract: internal error (a bug, please report it): {detail}", file=sys.stderr)
        return EXIT_BUG


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
