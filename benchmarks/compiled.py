"""Would a mypyc build pay?  Compile the hot modules, check results are identical, time both.

Run from the repository (needs a C compiler; mypyc comes with mypy, in the dev extra):

    python benchmarks/compiled.py           # about five minutes: the C build dominates

The package's sources are copied to a temporary folder and the modules below
are compiled there with mypyc; the repository is not touched and the default
install stays pure Python.  Then every fixture of ``tests/fixtures`` is
parsed in every variant by the pure and by the compiled package, each in its
own process, and the full results (members with provenance, notes, row
outcomes, rejected rows) must be identical; only then are the seed page and
the ICOR wikitext timed, alternating between the two builds.
"""

from __future__ import annotations

import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
#: the modules the profile (benchmarks/hotspots.py) spends its time in; the model and
#: readers/raw.py stay pure: they build Provenance, Member and RawCell through the slots'
#: descriptors, which a compiled (native) class does not allow
HOT_MODULES = (
    "grid.py",
    "records.py",
    "geo/countries.py",
    "readers/html.py",
    "readers/html_cells.py",
    "readers/html_guard.py",
    "readers/markdown.py",
    "readers/mdlists.py",
    "readers/wikitext.py",
    "readers/wikimarkup.py",
    "readers/wikifast.py",
    "readers/wikirules.py",
    "repair/aligned.py",
    "repair/content.py",
    "repair/country.py",
    "repair/country_cells.py",
    "repair/country_names.py",
    "repair/country_values.py",
    "repair/entries.py",
    "repair/groups.py",
    "repair/hints.py",
    "repair/lists.py",
    "repair/nonmember.py",
    "repair/realign.py",
    "repair/realign_notes.py",
    "repair/rowplan.py",
    "repair/status.py",
    "repair/status_words.py",
)

_DUMP = """
import json, sys
from pathlib import Path
import icor_extract
out = {}
for path in sorted(Path(sys.argv[1]).iterdir()):
    if path.suffix not in (".md", ".wikitext", ".html"):
        continue
    for variant in ("auto", "zh-hans", "zh-hant", "en"):
        try:
            e = icor_extract.read(path, variant=variant)
        except icor_extract.IcorExtractError as error:
            out[f"{path.name}:{variant}"] = repr(error)
            continue
        out[f"{path.name}:{variant}"] = {
            "members": [[m.to_dict(), repr(m)] for m in e.members],
            "notes": [repr(n) for n in e.notes],
            "outcomes": [repr(o) for o in e.row_outcomes],
            "rejected": [repr(r) for r in e.rejected],
        }
print(json.dumps(out, ensure_ascii=False, sort_keys=True))
"""

_TIME = """
import sys, time
from pathlib import Path
import icor_extract
text = Path(sys.argv[1]).read_text(encoding="utf-8")
icor_extract.parse(text)
times = []
for _ in range(int(sys.argv[2])):
    start = time.perf_counter()
    icor_extract.parse(text)
    times.append(time.perf_counter() - start)
print(sorted(times)[len(times) // 2])
"""


def _run(source: Path, code: str, *arguments: str) -> str:
    env = {**os.environ, "PYTHONPATH": str(source)}
    return subprocess.run(
        [sys.executable, "-c", code, *arguments],
        capture_output=True, text=True, check=True, env=env, cwd=tempfile.gettempdir(),
    ).stdout  # fmt: skip


def build(folder: Path) -> Path:
    """A copy of the package with the hot modules compiled in place; returns its source root."""
    source = folder / "src"
    shutil.copytree(ROOT / "src" / "icor_extract", source / "icor_extract")
    modules = [str(Path("icor_extract") / module) for module in HOT_MODULES]
    subprocess.run(["mypyc", *modules], cwd=source, check=True, capture_output=True)
    return source


def main() -> None:
    if shutil.which("mypyc") is None:
        sys.exit("mypyc is not on the PATH (pip install mypy)")
    with tempfile.TemporaryDirectory(prefix="icor-mypyc-") as temporary:
        compiled = build(Path(temporary))
        pure = ROOT / "src"
        fixtures = str(ROOT / "tests" / "fixtures")
        expected = json.loads(_run(pure, _DUMP, fixtures))
        got = json.loads(_run(compiled, _DUMP, fixtures))
        differing = sorted(key for key in expected if expected[key] != got.get(key))
        if differing or set(expected) != set(got):
            sys.exit(f"the compiled build differs on: {', '.join(differing) or 'the inputs read'}")
        print(f"identical results on {len(expected)} documents and variants")
        print("| page | pure | compiled | compiled / pure |")
        print("|---|---:|---:|---:|")
        for page in ("icor.zh.md", "icor.zh.wikitext"):
            timings: dict[str, list[float]] = {"pure": [], "compiled": []}
            for _ in range(5):  # alternate, so that machine load hits both alike
                for name, source in (("pure", pure), ("compiled", compiled)):
                    timings[name].append(float(_run(source, _TIME, f"{fixtures}/{page}", "40")))
            plain = statistics.median(timings["pure"])
            native = statistics.median(timings["compiled"])
            ratio = native / plain
            print(f"| {page} | {plain * 1e3:.2f} ms | {native * 1e3:.2f} ms | {ratio:.2f}x |")


if __name__ == "__main__":
    main()
