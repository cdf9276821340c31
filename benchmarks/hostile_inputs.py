"""Hostile inputs: time and peak memory of parse() on the documents issue 4 names.

Run from the repository:  python benchmarks/hostile_inputs.py

Each case builds its document in memory, then parses it once in a fresh
subprocess (so peak memory is the case's own) and prints wall time, peak RSS
and what came out.  This is a measurement, not a test: tests/test_hostile.py
runs the same documents for correctness, without timing them.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from hostile import CASES  # noqa: E402

CHILD = """
import json, resource, sys, time
import icor_extract
from hostile import CASES
document = CASES[sys.argv[1]]()
start = time.perf_counter()
try:
    result = icor_extract.parse(document)
    outcome = (f"{len(result.members)} members, {len(result.rejected)} rejected, "
               f"{result.tables} tables")
except icor_extract.IcorExtractError as error:
    outcome = f"{type(error).__name__}: {str(error)[:60]}"
elapsed = time.perf_counter() - start
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({"seconds": elapsed, "peak_mb": peak, "size_mb": len(document.encode()) / 2**20,
                  "outcome": outcome}))
"""


def main() -> None:
    print("| case | input MB | seconds | peak RSS MB | outcome |")
    print("|---|---:|---:|---:|---|")
    for name in CASES:
        completed = subprocess.run(
            [sys.executable, "-c", CHILD, name],
            capture_output=True,
            text=True,
            check=True,
            env={"PYTHONPATH": f"{ROOT / 'tests'}:{ROOT / 'src'}"},
            timeout=600,
        )
        row = json.loads(completed.stdout)
        print(
            f"| {name} | {row['size_mb']:.1f} | {row['seconds']:.2f} | {row['peak_mb']:.0f} "
            f"| {row['outcome']} |"
        )


if __name__ == "__main__":
    main()
