"""Instructions per page, counted by valgrind: ratios that machine load cannot move.

Run from the repository (needs ``valgrind`` on the PATH and ``pip install ".[bench]"``):

    python benchmarks/instructions.py          # a few minutes: valgrind is slow

Each workload runs in a fresh process under ``valgrind --tool=cachegrind
--cache-sim=no``, once with ``REPEATS`` runs and once with none (after the
same imports and one warm-up run); the difference divided by ``REPEATS`` is
the instructions one run executes.  The objects alive after the warm-up
(pandas and the other imports: hundreds of thousands) are frozen out of the
garbage collector, so that its full collections, which walk the whole heap
of the benchmark process, do not make the peers' counts vary from run to
run.  The child runs with ``PYTHONHASHSEED=0`` and numpy's BLAS on one
thread (idle BLAS threads spin, and valgrind counts that too), so that two
counts of one workload agree to a few thousand instructions.  Instruction
counts ignore cache misses and memory stalls, so they are a floor on time,
not time; they are what lets a ratio be compared between runs on a busy
shared machine, where the timings of ``benchmarks/run.py`` wander.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REPEATS = 10

_CHILD = """
import gc, io, sys
from pathlib import Path
import lxml.html, pandas, wikitextparser, mwparserfromhell
import icor_extract
fixtures = Path(sys.argv[1])
seed = (fixtures / "icor.zh.md").read_text(encoding="utf-8")
wikitext = (fixtures / "icor.zh.wikitext").read_text(encoding="utf-8")


def bare_lxml():
    root = lxml.html.document_fromstring(seed)
    return [[c.text_content() for c in r] for t in root.iter("table") for r in t.iter("tr")]


workloads = {
    "icor_extract seed": lambda: icor_extract.parse(seed),
    "pandas.read_html seed": lambda: pandas.read_html(io.StringIO(seed), flavor="lxml"),
    "bare lxml seed": bare_lxml,
    "icor_extract wikitext": lambda: icor_extract.parse(wikitext, format="wikitext"),
    "wikitextparser wikitext": lambda: [t.data() for t in wikitextparser.parse(wikitext).tables],
    "mwparserfromhell wikitext": lambda: mwparserfromhell.parse(wikitext),
}
run = workloads[sys.argv[2]]
run()
gc.collect()
gc.freeze()  # the imported libraries' objects: no collection walks them during the runs
for _ in range(int(sys.argv[3])):
    run()
"""

_TOTAL = re.compile(r"I\s+refs:\s+([\d,]+)")


#: the child's environment: string hashes fixed, and numpy's BLAS on one thread (pandas imports
#: numpy; OpenBLAS's idle threads spin, and valgrind counts their spinning: tens of millions of
#: instructions a process, up to 2.5% of a parse's count, with one thread 0.001%)
_ENVIRONMENT = {
    **os.environ,
    "PYTHONHASHSEED": "0",
    "OPENBLAS_NUM_THREADS": "1",
    "OMP_NUM_THREADS": "1",
    "MKL_NUM_THREADS": "1",
}


def count(workload: str, repeats: int) -> int:
    """Instructions the child executes, in total, for ``repeats`` runs of ``workload``."""
    result = subprocess.run(
        ["valgrind", "--tool=cachegrind", "--cache-sim=no", "--cachegrind-out-file=/dev/null",
         sys.executable, "-c", _CHILD, str(ROOT / "tests" / "fixtures"), workload, str(repeats)],
        capture_output=True, text=True, check=True, env=_ENVIRONMENT,
    )  # fmt: skip
    match = _TOTAL.search(result.stderr)
    if match is None:
        raise RuntimeError(f"no instruction count in valgrind's output:\n{result.stderr}")
    return int(match.group(1).replace(",", ""))


def per_run(workload: str) -> float:
    return (count(workload, REPEATS) - count(workload, 0)) / REPEATS


def main() -> None:
    if shutil.which("valgrind") is None:
        sys.exit("valgrind is not on the PATH")
    lines = []
    for page, peers in (
        ("seed", ("pandas.read_html", "bare lxml")),
        ("wikitext", ("wikitextparser", "mwparserfromhell")),
    ):
        ours = per_run(f"icor_extract {page}")
        lines += [
            f"| {page} page | instructions per run | ratio ours/peer |",
            "|---|---:|---:|",
            f"| icor_extract | {ours / 1e6:.1f} M | |",
        ]
        for peer in peers:
            theirs = per_run(f"{peer} {page}")
            lines.append(f"| {peer} | {theirs / 1e6:.1f} M | {ours / theirs:.2f}x |")
        lines.append("")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
