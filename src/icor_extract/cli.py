"""``icor-extract``: members of membership tables, from a page, a folder or stdin.

Thin by design: arguments are parsed by :func:`parse_args` (a pure function,
:mod:`icor_extract.cli_args`), the work is done by
:func:`icor_extract.read`/:func:`icor_extract.parse`, and this module only
chooses inputs and runs them (in worker processes with ``--jobs``); what
they give is written by :mod:`icor_extract.cli_output`.  A MediaWiki dump
(``.xml``, ``.xml.bz2``) is read page by page (:mod:`icor_extract.corpus`),
and its pages go to the workers as they are read, a few ahead of the writer.

Exit codes: 0 success; 1 some inputs of several failed (the others were
written); 2 usage error, or every input failed; 3 a bug in icor_extract;
130 interrupted (Ctrl-C).  Every error is one line on standard error.  With
``-o FILE`` the file is written whole or not at all (see
:mod:`icor_extract.output_file`): a run where every input fails, or that is
interrupted, leaves the old file as it was.
"""

from __future__ import annotations

import os
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
from typing import TextIO

from icor_extract.adapters.text import to_csv, to_jsonl
from icor_extract.api import EXAMPLE_PAGE, example, parse, read
from icor_extract.cli_args import (
    EXIT_BUG,
    EXIT_FAILED,
    EXIT_INTERRUPTED,
    EXIT_OK,
    EXIT_PARTIAL,
    Options,
    parse_args,
)
from icor_extract.cli_diff import diff_main
from icor_extract.cli_output import PageResult, Tally, one_line, write_results
from icor_extract.corpus import page_members
from icor_extract.dump import DumpPage, is_dump, iter_pages
from icor_extract.errors import (
    IcorExtractError,
    InputError,
    InternalError,
    MissingDependencyError,
    OptionError,
)
from icor_extract.input_file import STDIN, read_stdin
from icor_extract.model import Extraction, Member

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

#: file endings read from a folder when no --glob is given
PAGE_SUFFIXES = frozenset({".md", ".txt", ".html", ".htm", ".wikitext", ".wiki", ".mediawiki"})


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


def _write(inputs: list[str | None], options: Options) -> Tally:
    """Run every input and write the output; return the counts."""
    dumps = any(path not in (None, "-") and is_dump(path) for path in inputs)
    total = None if dumps else len(inputs)  # a dump's pages are counted as they come
    results = _results(inputs, options, total)
    return write_results(results, inputs, options, total, _Progress(total))


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
    print(one_line(f"icor-extract: {message}"), file=sys.stderr)
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
