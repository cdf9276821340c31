"""``icor-extract diff OLD NEW``: what changed between two versions of a page.

Thin like the main command: :func:`parse_diff_args` is pure, the work is
:func:`icor_extract.compare`, and this module only reads the two pages and
writes the events as a table, CSV or JSON.  Exit codes as the main command's:
0 success (whether or not anything changed), 2 usage error or a page that
cannot be read, 3 a bug in icor_extract.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TextIO

from icor_extract.api import parse, read
from icor_extract.errors import IcorExtractError, InternalError
from icor_extract.input_file import MAX_BYTES, STDIN, read_stdin
from icor_extract.model import Extraction
from icor_extract.versions.changes import COLUMNS, Changes, compare

__all__ = ["DIFF_FORMATS", "DiffOptions", "diff_main", "parse_diff_args", "render"]

DIFF_FORMATS = ("table", "csv", "json")
EXIT_OK, EXIT_FAILED, EXIT_BUG = 0, 2, 3


@dataclass(frozen=True, slots=True)
class DiffOptions:
    old: str
    new: str
    output: str


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="icor-extract diff",
        description=(
            "Compare two versions of a membership page: members joined and left, renamed, "
            "relinked, moved, status and joining-year changes, each with how the two were matched."
        ),
        epilog="Exit codes: 0 ok (changes or not); 2 usage error or unreadable page; 3 bug.",
    )
    parser.add_argument("old", metavar="OLD", help="the earlier version of the page (- for stdin)")
    parser.add_argument("new", metavar="NEW", help="the later version of the page (- for stdin)")
    parser.add_argument(
        "-f", "--format", dest="output", choices=DIFF_FORMATS, default="table",
        help="output format (default: table)",
    )  # fmt: skip
    return parser


def parse_diff_args(argv: Sequence[str]) -> DiffOptions:
    """Parse the arguments after ``diff``; raises ``SystemExit(2)`` on a usage error."""
    parser = _parser()
    namespace = parser.parse_args(list(argv))
    if namespace.old == namespace.new == "-":
        parser.error("OLD and NEW cannot both be - (standard input)")
    return DiffOptions(old=namespace.old, new=namespace.new, output=namespace.output)


def render(changes: Changes, output: str) -> str:
    """The changes as the chosen format writes them."""
    if output == "json":
        document = {
            "old": changes.old_source,
            "new": changes.new_source,
            "events": changes.to_records(),
            "ambiguous": [
                {
                    "side": item.side,
                    "organization": item.member.organization,
                    "layout": item.member.location.layout.value,
                    "table": item.member.table,
                    "row": item.member.row,
                    "rule": str(item.rule),
                    "candidates": [candidate.organization for candidate in item.candidates],
                }
                for item in changes.ambiguous
            ],
        }
        return json.dumps(document, ensure_ascii=False, indent=1) + "\n"
    if output == "csv":
        buffer = io.StringIO()
        writer = csv.DictWriter(buffer, fieldnames=COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(changes.to_records())
        return buffer.getvalue()
    return str(changes) + "\n"


def _read(path: str) -> Extraction:
    """A page by path, or standard input for ``-``."""
    if path != "-":
        return read(path)
    return parse(read_stdin(max_bytes=MAX_BYTES), source=STDIN)


def diff_main(argv: Sequence[str], out: TextIO | None = None) -> int:
    """Run ``icor-extract diff``; returns the exit code."""
    options = parse_diff_args(argv)
    try:
        changes = compare(_read(options.old), _read(options.new))
        (out or sys.stdout).write(render(changes, options.output))
    except IcorExtractError as error:
        if not isinstance(error, InternalError):
            print(f"icor-extract: error: {error}", file=sys.stderr)
            return EXIT_FAILED
        detail = error.message
    except OSError as error:  # writing the output
        print(f"icor-extract: error: cannot write the output: {error}", file=sys.stderr)
        return EXIT_FAILED
    except Exception as error:  # the boundary where a bug is reported as one
        detail = repr(error)
    else:
        return EXIT_OK
    print(f"icor-extract: internal error (a bug, please report it): {detail}", file=sys.stderr)
    return EXIT_BUG
