"""The main command's arguments: :func:`parse_args`, a pure function, gives :class:`Options`.

Apart from running and writing so that the command line reads, and is
tested, as one list; the exit codes live here, beside the help that
states them.
"""

from __future__ import annotations

import argparse
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import NoReturn

from icor_extract import __version__
from icor_extract.api import FORMATS, VARIANTS
from icor_extract.input_file import MAX_BYTES
from icor_extract.model import Format, Variant

__all__ = [
    "EXIT_BUG",
    "EXIT_FAILED",
    "EXIT_INTERRUPTED",
    "EXIT_OK",
    "EXIT_PARTIAL",
    "OUTPUT_FORMATS",
    "Options",
    "parse_args",
]

EXIT_OK = 0
EXIT_PARTIAL = 1
EXIT_FAILED = 2
EXIT_BUG = 3
EXIT_INTERRUPTED = 130  # 128 + SIGINT, as shells report it

OUTPUT_FORMATS = ("table", "csv", "json", "jsonl", "parquet")


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
