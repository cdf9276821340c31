"""Corpus-scale benchmark: a synthetic dump, streamed on one core and on a dask LocalCluster.

Run from the repository (after ``pip install ".[bench]"``):

    python benchmarks/corpus.py            # 10,000 pages; about two minutes
    python benchmarks/corpus.py --pages 2000

The dump is built from the test fixtures in the proportions of a real wiki:
1% member pages (the three wikitext member pages in turn), 20% pages with a
table that is not a member table (the EPP seats table, with prose), the rest
prose (paragraphs of the fixtures' prose, 1-4 KiB).  It prints markdown
tables for docs/benchmarks.md: the dump readers compared (ours, lxml
iterparse with element clearing, mwxml), the cost of each kind of page with
and without the pre-check, pages per second single-process and on 1 and 2
dask workers, and peak memory at two dump sizes.  Nothing here is a test.
"""

from __future__ import annotations

import argparse
import bz2
import contextlib
import os
import platform
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import mwxml  # noqa: E402
from distributed import Client, LocalCluster  # noqa: E402
from lxml import etree  # noqa: E402
from tests.dumps import Page, write_dump  # noqa: E402

import icor_extract  # noqa: E402
import icor_extract.dask  # noqa: E402
from icor_extract.corpus import page_members  # noqa: E402
from icor_extract.dump import DumpPage, iter_pages  # noqa: E402

FIXTURES = ROOT / "tests" / "fixtures"
MEMBER_PAGES = ("icor.zh.wikitext", "cwpi.zh.wikitext", "icor.handwritten.wikitext")


def _text(name: str) -> str:
    return (FIXTURES / name).read_text(encoding="utf-8")


def _paragraphs() -> list[str]:
    """Prose paragraphs of the fixtures: lines outside tables that are not headings."""
    found = []
    for name in (*MEMBER_PAGES, "epp.seats.zh.wikitext"):
        inside = 0
        for line in _text(name).splitlines():
            inside += line.lstrip().startswith("{|") - line.lstrip().startswith("|}")
            markup = line.startswith(("=", "|", "!", "{", "[[File", "*", "#"))
            if not inside and len(line) > 40 and not markup:
                found.append(line)
    return found


def synthetic_pages(count: int) -> list[Page]:
    """``count`` pages: 1% member tables, 20% other tables, the rest prose (1-4 KiB)."""
    paragraphs = _paragraphs()
    members = [_text(name) for name in MEMBER_PAGES]
    seats = _text("epp.seats.zh.wikitext")
    pages = []
    for number in range(count):
        prose = "\n\n".join(
            paragraphs[(number + k) % len(paragraphs)] for k in range(2 + number % 6)
        )
        if number % 100 == 0:
            text = members[(number // 100) % len(members)]
        elif number % 5 == 1:
            text = f"{prose}\n\n{seats}"
        else:
            text = f"'''条目{number}'''\n{prose}\n\n== 参见 ==\n* [[条目{number + 1}]]"
        page = Page(title=f"条目{number}", text=text, page_id=number + 1, revision=number + 1)
        pages.append(page)
    return pages


def _seconds(run: Callable[[], object], repeats: int = 3) -> float:
    """The least CPU time of ``repeats`` runs (CPU, not wall: the machine is shared)."""
    best = float("inf")
    for _ in range(repeats):
        start = time.process_time()
        run()
        best = min(best, time.process_time() - start)
    return best


def readers_section(plain: Path, packed: Path) -> list[str]:
    def ours(path: Path) -> int:
        return sum(len(page.text) for page in iter_pages(path, namespaces=None))

    def iterparse(path: Path) -> int:
        total = 0
        with bz2.open(path) if path.suffix == ".bz2" else path.open("rb") as stream:
            for _, page in etree.iterparse(stream, tag="{*}page", resolve_entities=False):
                total += len(page.findtext("{*}revision/{*}text") or "")
                page.clear()
                while page.getprevious() is not None:
                    del page.getparent()[0]
        return total

    def with_mwxml(path: Path) -> int:
        with bz2.open(path) if path.suffix == ".bz2" else path.open("rb") as stream:
            return sum(len(rev.text or "") for page in mwxml.Dump.from_file(stream) for rev in page)

    lines = [
        "| dump reader (CPU time, all pages) | plain .xml | .xml.bz2 |",
        "|---|---:|---:|",
    ]
    for name, run in (
        ("icor_extract.dump (cut at tags, lxml per page)", ours),
        ("lxml.etree.iterparse, elements cleared", iterparse),
        ("mwxml", with_mwxml),
    ):
        assert run(plain) == run(packed)
        cells = [
            f"{_seconds(lambda path=path, run=run: run(path)):.2f} s" for path in (plain, packed)
        ]
        lines.append(f"| {name} | {' | '.join(cells)} |")
    return lines


def precheck_section(pages: list[Page]) -> list[str]:
    kinds = {
        "prose": pages[2],
        "other table": pages[1],
        "member table (ICOR)": pages[0],
    }
    lines = [
        "| page kind (CPU time per page) | share | with the pre-check "
        "| without (parse, NoTableError caught) |",
        "|---|---:|---:|---:|",
    ]
    shares = {"prose": "79%", "other table": "20%", "member table (ICOR)": "1%"}
    for kind, page in kinds.items():
        dump_page = DumpPage(
            title=page.title, page_id=1, namespace=0, revision=1, timestamp=None, text=page.text
        )

        def full(text: str = page.text) -> None:
            with contextlib.suppress(icor_extract.NoTableError):
                icor_extract.parse(text, format="wikitext")

        repeats = 20 if "member" in kind else 200
        with_check = _seconds(lambda p=dump_page, n=repeats: [page_members(p) for _ in range(n)])
        without = _seconds(lambda f=full, n=repeats: [f() for _ in range(n)])
        lines.append(
            f"| {kind} | {shares[kind]} | {with_check / repeats * 1e3:.3f} ms "
            f"| {without / repeats * 1e3:.3f} ms |"
        )
    return lines


_MEASURE = """
import sys, time
import icor_extract
from icor_extract.corpus import dump_members
icor_extract.example()  # imports and reference data loaded before the clock starts
start, cpu = time.perf_counter(), time.process_time()
pages = members = 0
for result in dump_members([sys.argv[1]]):
    pages += 1
    members += len(result.members)
with open("/proc/self/status") as status:  # VmHWM: this process's own peak (see _peak_kib)
    peak = next(int(line.split()[1]) for line in status if line.startswith("VmHWM:"))
print(pages, members, time.perf_counter() - start, time.process_time() - cpu, peak)
"""


def _peak_kib() -> int:
    """This process's own peak RSS in KiB: ``VmHWM``, which, unlike ``ru_maxrss``, is reset by
    exec. A child forked from this benchmark inherits its ``ru_maxrss``, the high-water mark of
    a parent holding all the synthetic pages, and reported that instead of its own."""
    with open("/proc/self/status", encoding="ascii") as status:
        return next(int(line.split()[1]) for line in status if line.startswith("VmHWM:"))


def single_process(path: Path) -> tuple[int, int, float, float, float]:
    """pages, members, wall and CPU seconds, peak RSS (MB) of a fresh process streaming it."""
    output = subprocess.run(
        [sys.executable, "-c", _MEASURE, str(path)], capture_output=True, text=True, check=True
    ).stdout.split()
    pages, members = int(output[0]), int(output[1])
    return pages, members, float(output[2]), float(output[3]), int(output[4]) / 1024


def _peak_mb() -> float:
    return _peak_kib() / 1024


def _warm() -> float:
    icor_extract.example()  # imports and reference data loaded before the clock starts
    return time.process_time()


def dask_run(path: Path, workers: int, blocksize: int) -> tuple[int, float, float, float]:
    """members, wall seconds, CPU seconds of all workers, largest worker peak RSS (MB)."""
    with (
        LocalCluster(
            n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None
        ) as cluster,
        Client(cluster) as client,
    ):
        before = client.run(_warm)
        frame = icor_extract.dask.read_dump(path, blocksize=blocksize)
        start = time.perf_counter()
        members = len(frame.compute())
        seconds = time.perf_counter() - start
        after = client.run(time.process_time)
        cpu = sum(after[worker] - before[worker] for worker in after)
        peak = max(client.run(_peak_mb).values())
    return members, seconds, cpu, peak


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--pages", type=int, default=10_000)
    arguments = parser.parse_args()
    count = arguments.pages
    load = os.getloadavg()
    print(
        f"Machine: CPython {platform.python_version()}, {platform.machine()}, "
        f"{os.cpu_count()} cores, load average {load[0]:.1f} at the start\n"
    )
    with tempfile.TemporaryDirectory() as folder:
        pages = synthetic_pages(count)
        plain = write_dump(Path(folder) / "synthetic.xml", pages)
        packed = write_dump(Path(folder) / "synthetic.xml.bz2", pages)
        multistream = write_dump(
            Path(folder) / "synthetic-multistream.xml.bz2", pages, per_stream=100
        )
        big = write_dump(
            Path(folder) / "synthetic-4x.xml.bz2", synthetic_pages(count * 4), per_stream=100
        )
        size, packed_size = plain.stat().st_size / 2**20, packed.stat().st_size / 2**20
        print(f"{count:,} pages, {size:.1f} MiB of XML, {packed_size:.1f} MiB bz2\n")
        print("\n".join(readers_section(plain, packed)), "\n")
        print("\n".join(precheck_section(pages)), "\n")

        lines = [
            "| run | pages | members | wall time | CPU time | pages/s (wall) "
            "| pages/s per core (CPU) | peak memory |",
            "|---|---:|---:|---:|---:|---:|---:|---:|",
        ]
        read, members, seconds, cpu, peak = single_process(packed)
        lines.append(
            f"| one process, {count:,} pages | {read:,} | {members:,} | {seconds:.2f} s "
            f"| {cpu:.2f} s | {read / seconds:,.0f} | {read / cpu:,.0f} | {peak:.0f} MB |"
        )
        read4, members4, seconds4, cpu4, peak4 = single_process(big)
        lines.append(
            f"| one process, {count * 4:,} pages | {read4:,} | {members4:,} | {seconds4:.2f} s "
            f"| {cpu4:.2f} s | {read4 / seconds4:,.0f} | {read4 / cpu4:,.0f} | {peak4:.0f} MB |"
        )
        blocksize = max(1, multistream.stat().st_size // 16)  # 16 partitions
        timings = {}
        for workers in (1, 2):
            got, seconds, cpu, peak = dask_run(multistream, workers, blocksize)
            assert got == members, (got, members)
            timings[workers] = seconds
            lines.append(
                f"| LocalCluster, {workers} worker(s), 16 partitions | {read:,} | {got:,} "
                f"| {seconds:.2f} s | {cpu:.2f} s | {read / seconds:,.0f} | {read / cpu:,.0f} "
                f"| {peak:.0f} MB per worker |"
            )
        print("\n".join(lines), "\n")
        print(f"Speed-up from 1 to 2 workers (wall time): {timings[1] / timings[2]:.2f}x")
        print(f"Load average at the end: {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
