"""``icor-extract``: members of membership tables, from a page, a folder or stdin.

Thin by design: arguments are parsed by :func:`parse_args` (a pure function),
the work is done by :func:`icor_extract.read`/:func:`icor_extract.parse`,
and this module only chooses inputs and writes output.

Exit codes: 0 success; 1 some inputs of several failed (the others were
written); 2 usage error, or every input failed; 3 a bug in icor_extract.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import TextIO

from icor_extract import __version__
from icor_extract.adapters.text import to_csv, to_json, to_jsonl, to_table
from icor_extract.api import VARIANTS, parse, read
from icor_extract.errors import IcorExtractError, InternalError
from icor_extract.model import Member
from icor_extract.readers import FORMATS

__all__ = ["EXIT_BUG", "EXIT_FAILED", "EXIT_OK", "EXIT_PARTIAL", "Options", "main", "parse_args"]

EXIT_OK = 0
EXIT_PARTIAL = 1
EXIT_FAILED = 2
EXIT_BUG = 3

OUTPUT_FORMATS = ("table", "csv", "json", "jsonl")
#: file endings read from a folder unless --glob says otherwise
DEFAULT_GLOB = "*"
_PAGE_SUFFIXES = frozenset({".md", ".txt", ".html", ".htm", ".wikitext", ".wiki", ".mediawiki"})
BUNDLED_PAGE = "icor.zh.md"


@dataclass(frozen=True, slots=True)
class Options:
    paths: tuple[str, ...]
    output: str
    input_format: str
    variant: str
    encoding: str | None
    glob: str


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
        "--variant", choices=VARIANTS, default="zh-hans",
        help="language variant for country names and -{}- markup (default: zh-hans)",
    )  # fmt: skip
    parser.add_argument("--encoding", help="encoding of the input (default: BOM, else UTF-8)")
    parser.add_argument(
        "--glob", default=DEFAULT_GLOB,
        help="file names to read inside a folder (default: page-like files: .md .txt .html "
        ".wikitext ...)",
    )  # fmt: skip
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    return parser


def parse_args(argv: Sequence[str]) -> Options:
    """Parse command-line arguments; raises ``SystemExit(2)`` on a usage error."""
    namespace = _parser().parse_args(list(argv))
    return Options(
        paths=tuple(namespace.paths),
        output=namespace.output,
        input_format=namespace.input_format,
        variant=namespace.variant,
        encoding=namespace.encoding,
        glob=namespace.glob,
    )


def _expand(path: str, glob: str) -> Iterator[str]:
    candidate = Path(path)
    if path != "-" and candidate.is_dir():
        for found in sorted(candidate.rglob(glob)):
            if found.is_file() and (glob != DEFAULT_GLOB or found.suffix in _PAGE_SUFFIXES):
                yield str(found)
    else:
        yield path


def _extract(path: str | None, options: Options) -> list[Member]:
    if path is None or path == "-":
        if path is None:
            source = BUNDLED_PAGE
            data = resources.files("icor_extract").joinpath("data", BUNDLED_PAGE).read_bytes()
        else:
            source, data = "<stdin>", sys.stdin.buffer.read()
        extraction = parse(
            data,
            format=options.input_format,
            variant=options.variant,
            encoding=options.encoding,
            source=source,
        )
    else:
        extraction = read(
            path, format=options.input_format, variant=options.variant, encoding=options.encoding
        )
    return list(extraction.members)


def _write(members: list[Member], output: str, stream: TextIO) -> None:
    writers = {"table": to_table, "csv": to_csv, "json": to_json, "jsonl": to_jsonl}
    stream.write(writers[output](members))


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command; returns the exit code."""
    options = parse_args(sys.argv[1:] if argv is None else argv)
    inputs: list[str | None] = (
        [found for path in options.paths for found in _expand(path, options.glob)]
        if options.paths
        else [None]
    )
    if not inputs:
        print("icor-extract: error: no pages found under the given folders", file=sys.stderr)
        return EXIT_FAILED
    members: list[Member] = []
    failures = 0
    try:
        for path in inputs:
            try:
                members += _extract(path, options)
            except InternalError:
                raise  # a bug, not bad input: reported below with its own exit code
            except IcorExtractError as error:
                failures += 1
                print(f"icor-extract: error: {error}", file=sys.stderr)
        if failures < len(inputs):
            _write(members, options.output, sys.stdout)
            sys.stdout.flush()
    except BrokenPipeError:  # output piped into head: not an error
        sys.stderr.close()
        return EXIT_OK
    except Exception as error:
        print(
            f"icor-extract: internal error (a bug, please report it): "
            f"{type(error).__name__}: {error}",
            file=sys.stderr,
        )
        return EXIT_BUG
    if failures == 0:
        return EXIT_OK
    return EXIT_FAILED if failures == len(inputs) else EXIT_PARTIAL


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
