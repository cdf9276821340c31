"""Hostile inputs: time and peak memory of parse() on the documents issues 4 and 13 name.

Run from the repository:  python benchmarks/hostile_inputs.py

Each case builds its document in memory, then parses it once in a fresh
subprocess (so peak memory is the case's own) and prints wall time, peak RSS
and what came out.  The second table runs each document that used to take
quadratic time (issue 13) at n and at 4n characters: linear work takes about
4 times as long at 4n, quadratic work 16 times.  This is a measurement, not a
test: tests/test_hostile.py and tests/test_hostile_input.py run the same
documents for correctness, without timing them.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from hostile import CASES, SCALED  # noqa: E402

#: the size n of the scaled cases, in characters
SCALE = 250_000

CHILD = """
import json, resource, sys, time
import icor_extract
from hostile import CASES, SCALED
name, size = sys.argv[1], int(sys.argv[2])
document = SCALED[name](size) if size else CASES[name]()
start = time.perf_counter()
try:
    result = icor_extract.parse(document)
    outcome = (f"{len(result.members)} members, {len(result.rejected)} rejected, "
               f"{result.table_count} tables")
except icor_extract.IcorExtractError as error:
    outcome = f"{type(error).__name__}: {str(error)[:60]}"
elapsed = time.perf_counter() - start
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({"seconds": elapsed, "peak_mb": peak, "size_mb": len(document.encode()) / 2**20,
                  "outcome": outcome}))
"""


def _measure(name: str, size: int = 0) -> dict[str, Any]:
    completed = subprocess.run(
        [sys.executable, "-c", CHILD, name, str(size)],
        capture_output=True,
        text=True,
        check=True,
        env={"PYTHONPATH": f"{ROOT / 'tests'}:{ROOT / 'src'}"},
        timeout=600,
    )
    row: dict[str, Any] = json.loads(completed.stdout)
    return row


def main() -> None:
    print("| case | input MB | seconds | peak RSS MB | outcome |")
    print("|---|---:|---:|---:|---|")
    for name in CASES:
        row = _measure(name)
        print(
            f"| {name} | {row['size_mb']:.1f} | {row['seconds']:.2f} | {row['peak_mb']:.0f} "
            f"| {row['outcome']} |"
        )
    print()
    print(
        f"| case (n = {SCALE:,} characters) | seconds at n | at 4n | ratio | peak RSS MB at n "
        "| at 4n | outcome at 4n |"
    )
    print("|---|---:|---:|---:|---:|---:|---|")
    for name in SCALED:
        small, large = _measure(name, SCALE), _measure(name, 4 * SCALE)
        ratio = large["seconds"] / max(small["seconds"], 1e-3)
        print(
            f"| {name} | {small['seconds']:.2f} | {large['seconds']:.2f} | {ratio:.1f} "
            f"| {small['peak_mb']:.0f} | {large['peak_mb']:.0f} | {large['outcome']} |"
        )


if __name__ == "__main__":
    main()
