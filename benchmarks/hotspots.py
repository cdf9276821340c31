"""Where the time goes: the top functions of a cProfile run, as markdown tables.

Run from the repository:

    python benchmarks/hotspots.py                 # seed page, ICOR wikitext, 11,000 rows
    python benchmarks/hotspots.py --top 25 --rows 110000

Each workload is run once unprofiled (to build the country index and warm
caches), then profiled.  ``tottime`` is the time spent in the function's own
code, ``cumtime`` includes what it calls; cProfile inflates both for code
that makes many small calls, so read the order, not the absolute numbers.
Nothing here is a test: it prints the tables docs/benchmarks.md quotes.
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
from collections.abc import Callable
from pathlib import Path

import icor_extract

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
SEED = (FIXTURES / "icor.zh.md").read_text(encoding="utf-8")
WIKITEXT = (FIXTURES / "icor.zh.wikitext").read_text(encoding="utf-8")


def synthetic_page(rows: int) -> str:
    """The seed page with its member table's body repeated to about ``rows`` rows."""
    start, end = SEED.index("<tbody>") + 7, SEED.index("</tbody>")
    body = SEED[start:end]
    copies = max(1, rows // body.count("<tr"))
    return SEED[:start] + body * copies + SEED[end:]


def _where(key: tuple[str, int, str]) -> str:
    filename, _, name = key
    if "icor_extract" in filename:
        module = filename.split("icor_extract/", 1)[1].removesuffix(".py").replace("/", ".")
        return f"`{module}.{name}`"
    if filename == "~":  # a builtin or C method
        return f"`{name}`"
    return f"`{Path(filename).stem}.{name}`"


def profile(title: str, run: Callable[[], object], repeats: int, top: int) -> list[str]:
    run()
    profiler = cProfile.Profile()
    profiler.enable()
    for _ in range(repeats):
        run()
    profiler.disable()
    stats = pstats.Stats(profiler)
    total = stats.total_tt  # type: ignore[attr-defined]  # pstats keeps it undeclared
    entries = sorted(
        stats.stats.items(),  # type: ignore[attr-defined]
        key=lambda item: item[1][2],
        reverse=True,
    )
    lines = [
        f"{title}: {total / repeats * 1e3:.1f} ms per run under cProfile ({repeats} runs)",
        "",
        "| function | calls per run | own time | share |",
        "|---|---:|---:|---:|",
    ]
    for key, (_, calls, own, _, _) in entries[:top]:
        lines.append(
            f"| {_where(key)} | {calls / repeats:,.0f} | {own / repeats * 1e3:.2f} ms "
            f"| {own / total:.0%} |"
        )
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--top", type=int, default=15, help="functions listed per workload")
    parser.add_argument("--rows", type=int, default=11_000, help="rows of the synthetic table")
    options = parser.parse_args()
    big = synthetic_page(options.rows)
    sections = [
        profile("seed page", lambda: icor_extract.parse(SEED), 50, options.top),
        profile(
            "ICOR wikitext",
            lambda: icor_extract.parse(WIKITEXT, format="wikitext"),
            50,
            options.top,
        ),
        profile(f"{options.rows:,} rows", lambda: icor_extract.parse(big), 1, options.top),
    ]
    print("\n\n".join("\n".join(section) for section in sections))


if __name__ == "__main__":
    main()
