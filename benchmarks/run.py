"""Benchmarks: icor_extract against the tools users would reach for, in one run.

Run from the repository (after ``pip install ".[bench]"``):

    python benchmarks/run.py            # all sections, about three minutes
    python benchmarks/run.py --quick    # fewer repeats and a smaller corpus

Every comparison is interleaved in one process (A, B, C, A, B, C, ...) and
reports medians and the ratio icor_extract / peer, so that machine load hits
both sides alike.  Peak memory of the scaling runs is measured in a fresh
subprocess per size.  Nothing here is a test: it prints a markdown table for
docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import datetime
import io
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import lxml.html
import mwparserfromhell
import pandas
import wikitextparser

import icor_extract

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
SEED = (FIXTURES / "icor.zh.md").read_text(encoding="utf-8")
WIKITEXT = (FIXTURES / "icor.zh.wikitext").read_text(encoding="utf-8")


def interleaved(candidates: dict[str, Callable[[], object]], repeats: int) -> dict[str, float]:
    """Median seconds of each candidate, run in turn ``repeats`` times."""
    for run in candidates.values():  # warm caches and lazy imports
        run()
    times: dict[str, list[float]] = {name: [] for name in candidates}
    for _ in range(repeats):
        for name, run in candidates.items():
            start = time.perf_counter()
            run()
            times[name].append(time.perf_counter() - start)
    return {name: statistics.median(values) for name, values in times.items()}


def seed_section(repeats: int) -> list[str]:
    def bare_lxml() -> list[list[str]]:
        root = lxml.html.document_fromstring(SEED)
        return [
            [cell.text_content() for cell in row]
            for table in root.iter("table")
            for row in table.iter("tr")
        ]

    result = interleaved(
        {
            "icor_extract.parse": lambda: icor_extract.parse(SEED),
            "pandas.read_html": lambda: pandas.read_html(io.StringIO(SEED), flavor="lxml"),
            "bare lxml": bare_lxml,
        },
        repeats,
    )
    ours = result["icor_extract.parse"]
    return [
        "| seed page (markdown) | time | ratio ours/peer | target |",
        "|---|---:|---:|---:|",
        f"| icor_extract.parse | {ours * 1e3:.2f} ms | | |",
        f"| pandas.read_html(flavor='lxml') | {result['pandas.read_html'] * 1e3:.2f} ms "
        f"| {ours / result['pandas.read_html']:.2f}x | <= 1.0x (next: 0.33x) |",
        f"| bare lxml (parse + every cell's text) | {result['bare lxml'] * 1e3:.2f} ms "
        f"| {ours / result['bare lxml']:.2f}x | <= 3x |",
    ]


def wikitext_section(repeats: int) -> list[str]:
    result = interleaved(
        {
            "icor_extract": lambda: icor_extract.parse(WIKITEXT, format="wikitext"),
            "wikitextparser": lambda: [t.data() for t in wikitextparser.parse(WIKITEXT).tables],
            "mwparserfromhell": lambda: mwparserfromhell.parse(WIKITEXT),
        },
        repeats,
    )
    ours = result["icor_extract"]
    return [
        "| wikitext page (ICOR, 55 members) | time | ratio ours/peer | target |",
        "|---|---:|---:|---:|",
        f"| icor_extract.parse(format='wikitext') | {ours * 1e3:.2f} ms | | |",
        f"| wikitextparser (.data() of its tables) | {result['wikitextparser'] * 1e3:.2f} ms "
        f"| {ours / result['wikitextparser']:.2f}x | <= 0.7x |",
        f"| mwparserfromhell.parse | {result['mwparserfromhell'] * 1e3:.2f} ms "
        f"| {ours / result['mwparserfromhell']:.2f}x | |",
    ]


_SCALE_CHILD = """
import sys, time
from pathlib import Path
import icor_extract
seed = Path(sys.argv[1]).read_text(encoding="utf-8")
rows = int(sys.argv[2])
start, end = seed.index("<tbody>") + 7, seed.index("</tbody>")
body = seed[start:end]
copies = max(1, rows // body.count("<tr"))
page = seed[:start] + body * copies + seed[end:]
icor_extract.parse("<table><tr><th>国家</th><th>政党</th></tr><tr><td>印度</td><td>甲</td></tr></table>")
timings = []
peak = 0.0
for _ in range(3):  # the median of three at every size: both sides of a ratio alike
    began = time.perf_counter()
    extraction = icor_extract.parse(page)
    timings.append(time.perf_counter() - began)
    if not peak:  # VmHWM, not ru_maxrss: that one is inherited from the forking benchmark
        with open("/proc/self/status") as status:
            peak = next(int(l.split()[1]) for l in status if l.startswith("VmHWM:")) / 1024
    del extraction
extraction = icor_extract.parse(seed)
elapsed = sorted(timings)[len(timings) // 2]
print(elapsed, peak, 52 * copies, copies * body.count("<tr"))
"""


def scaling_section() -> list[str]:
    lines = [
        "| table rows | members | time | time per 1,000 rows | peak RSS |",
        "|---:|---:|---:|---:|---:|",
    ]
    timings = []
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    for rows in (1_100, 11_000, 110_000):
        output = subprocess.run(
            [sys.executable, "-c", _SCALE_CHILD, str(FIXTURES / "icor.zh.md"), str(rows)],
            capture_output=True, text=True, check=True, env=env,
        ).stdout.split()  # fmt: skip
        elapsed, peak, members, real_rows = float(output[0]), float(output[1]), output[2], output[3]
        timings.append(elapsed)
        lines.append(
            f"| {int(real_rows):,} | {int(members):,} | {elapsed:.2f} s "
            f"| {elapsed / int(real_rows) * 1e6:.1f} ms | {peak:.0f} MB |"
        )
    lines.append("")
    lines.append(
        f"10x rows cost {timings[1] / timings[0]:.1f}x and {timings[2] / timings[1]:.1f}x the "
        "time (target <= 11x); peak memory at 110,000 rows: see the last row (target <= 300 MB)."
    )
    return lines


def corpus_section(pages: int) -> list[str]:
    folder = Path(tempfile.mkdtemp(prefix="icor-corpus-"))
    try:
        sources = [
            FIXTURES / name
            for name in ("icor.zh.md", "icor.zh.wikitext", "icor.handwritten.html", "cwpi.zh.md",
                         "cwpi.zh.wikitext", "icor.handwritten.wikitext")
        ]  # fmt: skip
        for number in range(pages):
            source = sources[number % len(sources)]
            (folder / f"{number:05}{source.suffix}").write_bytes(source.read_bytes())
        command = [sys.executable, "-m", "icor_extract.cli"]  # this Python's package, not PATH's
        lines = [
            "| corpus | pages | time | pages per second | per core |",
            "|---|---:|---:|---:|---:|",
        ]
        for jobs in (1, 2):
            start = time.perf_counter()
            subprocess.run(
                [*command, str(folder), "--format", "jsonl", "--jobs", str(jobs)],
                check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            )  # fmt: skip
            elapsed = time.perf_counter() - start
            rate = pages / elapsed
            per_core = rate / jobs
            cells = [f"CLI, --jobs {jobs}", f"{pages:,}", f"{elapsed:.1f} s", f"{rate:.0f}"]
            lines.append("| " + " | ".join([*cells, f"{per_core:.0f}"]) + " |")
        lines.append("")
        lines.append("Target: >= 1,000 pages per second per core.")
        return lines
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _accuracy_row(
    name: str,
    extractor: str,
    *,
    found: int,
    right: int,
    golden: dict[str, Any],
    countries: tuple[int, int, int] | None,
    seconds: float,
) -> str:
    right_c, wrong_c, empty_c = countries if countries else ("–", "–", "–")
    return (f"| `{name}` | {extractor} | {found} of {len(golden['members'])} | {right} | {right_c} "
            f"| {wrong_c} | {empty_c} | {seconds * 1e3:.1f} ms |")  # fmt: skip


def accuracy_section() -> list[str]:
    """Members and countries recovered, against the hand-checked expected files."""
    lines = [
        "| page | extractor | members found | members right | countries right "
        "| countries wrong | countries empty | time |",
        "|---|---|---:|---:|---:|---:|---:|---:|",
    ]
    icor_extract.parse(SEED)  # build the country index before timing
    expected = {
        "icor.zh.md": "icor.zh.expected.json",
        "icor.zh.wikitext": "icor.zh.wikitext.expected.json",
        "cwpi.zh.md": "cwpi.zh.md.expected.json",
        "cwpi.zh.wikitext": "cwpi.zh.wikitext.expected.json",
    }
    for name, golden_name in expected.items():
        golden = json.loads((FIXTURES / golden_name).read_text(encoding="utf-8"))
        text = (FIXTURES / name).read_text(encoding="utf-8")
        start = time.perf_counter()
        members = icor_extract.parse(text).members
        seconds = time.perf_counter() - start
        keys = [k for k in golden["members"][0] if k not in ("country_rule", "flag_country_code")]
        actual = [{k: getattr(m, k) for k in keys} for m in members]
        right = sum(1 for a, e in zip(actual, golden["members"], strict=False)
                    if a == {k: e[k] for k in keys})  # fmt: skip
        codes = [
            (m.country_code, e["country_code"])
            for m, e in zip(members, golden["members"], strict=False)
        ]
        countries = (
            sum(1 for got, want in codes if got is not None and got == want),
            sum(1 for got, want in codes if got is not None and got != want),
            sum(1 for got, _ in codes if got is None),
        )
        lines.append(
            _accuracy_row(
                name,
                "icor_extract",
                found=len(members),
                right=right,
                golden=golden,
                countries=countries,
                seconds=seconds,
            )
        )
        if name == "icor.zh.md":
            start = time.perf_counter()
            frame = pandas.read_html(io.StringIO(text), flavor="lxml")[0]
            seconds = time.perf_counter() - start
            rows = {(str(r["政党或组织"]), str(r["加入时间"])) for _, r in frame.iterrows()}
            right = sum(
                1 for e in golden["members"] if (e["organization"], f"{e['joined']}年") in rows
            )
            lines.append(
                _accuracy_row(
                    name,
                    "pandas.read_html",
                    found=len(frame),
                    right=right,
                    golden=golden,
                    countries=None,
                    seconds=seconds,
                )
            )
    lines.append("")
    lines.append(
        "'members right': every field of the expected file equal; for read_html, "
        "organization and year in the right columns (it has no countries)."
    )
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer repeats, smaller corpus")
    options = parser.parse_args()
    repeats = 20 if options.quick else 100
    pages = 200 if options.quick else 2_000
    machine = (
        f"{platform.python_implementation()} {platform.python_version()}, {platform.machine()}, "
        f"{os.cpu_count()} cores, {datetime.date.today().isoformat()}"
    )
    sections = [
        [f"Machine: {machine}"],
        accuracy_section(),
        seed_section(repeats),
        wikitext_section(repeats),
        scaling_section(),
        corpus_section(pages),
    ]
    print("\n\n".join("\n".join(section) for section in sections))


if __name__ == "__main__":
    main()
