"""Fuzz harness: random and mutated documents through icor_extract.parse.

Run from the repository (with the test extras installed):

    python fuzz/fuzz_parse.py --examples 20000

Three campaigns, each driven by Hypothesis with the strategies the property
tests use (tests/strategies.py): random bytes, random member tables with
random spans, and real fixture pages with random cuts, copies and hostile
tokens.  A finding is any exception that is not one of the library's own
input errors (an ``InternalError`` counts: it is a bug).  Hypothesis shrinks
the first finding of each campaign and prints it; the exit code is 1 if any
campaign found one.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.strategies import html_tables, mutated_pages  # noqa: E402

import icor_extract  # noqa: E402

CAMPAIGNS: dict[str, st.SearchStrategy[str] | st.SearchStrategy[bytes]] = {
    "random bytes": st.binary(max_size=4000),
    "random tables": html_tables(max_rows=12, max_cells=8),
    "mutated real pages": mutated_pages(),
}


def _target(document: str | bytes) -> None:
    try:
        icor_extract.parse(document)
    except icor_extract.InternalError:
        raise
    except icor_extract.IcorExtractError:
        pass


def run(name: str, examples: int) -> bool:
    strategy = CAMPAIGNS[name]
    check: Callable[[], None] = settings(
        max_examples=examples,
        deadline=None,
        database=None,
        suppress_health_check=list(HealthCheck),
    )(given(strategy)(_target))
    start = time.perf_counter()
    try:
        check()
    except Exception as error:
        print(f"{name}: FINDING after {time.perf_counter() - start:.0f}s: {error!r}")
        return False
    print(f"{name}: {examples} examples, no finding, {time.perf_counter() - start:.0f}s")
    return True


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--examples", type=int, default=2000, help="examples per campaign")
    parser.add_argument("--campaign", choices=list(CAMPAIGNS), action="append")
    options = parser.parse_args()
    results = [run(name, options.examples) for name in options.campaign or CAMPAIGNS]
    return 0 if all(results) else 1


if __name__ == "__main__":
    sys.exit(main())
