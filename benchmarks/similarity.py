"""The measurement behind ``SIMILARITY_THRESHOLD`` (docs/compare.md).

Scores, with the similarity ``match.similar`` uses, every pair of different members of one
fixture page that share a country (or a continent, where one country is unknown): pairs that
the similarity rule must not match.  Prints the pairs at or above ``--from`` and the score of
the two true renames between the ICOR versions.  Run from the repository:

    python benchmarks/similarity.py
"""

from __future__ import annotations

import argparse
import itertools
from pathlib import Path

import icor_extract
from icor_extract.versions.matching import SIMILARITY_THRESHOLD, same_area, similarity
from icor_extract.versions.normalize import name_key

FIXTURES = Path(__file__).resolve().parent.parent / "tests" / "fixtures"
PAGES = ("icor.zh.md", "icor.zh.wikitext", "icor.handwritten.wikitext", "cwpi.zh.md",
         "cwpi.zh.wikitext")  # fmt: skip
RENAMES = (("抵抗－劳动运动", "抵抗－劳动党"), ("海地新共产党（马列）", "新海地共产党（马列）"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--from", dest="lowest", type=float, default=0.6)
    arguments = parser.parse_args()
    scored = []
    for page in PAGES:
        members = icor_extract.read(FIXTURES / page).members
        for a, b in itertools.combinations(members, 2):
            if name_key(a.organization) != name_key(b.organization) and same_area(a, b):
                scored.append((similarity(a, b), page, a.organization, b.organization))
    scored.sort(reverse=True)
    above = [item for item in scored if item[0] >= SIMILARITY_THRESHOLD]
    distinct = {frozenset(item[2:]) for item in above}
    print(f"{len(scored)} pairs of different members in one country or continent")
    print(f"{len(above)} at or above {SIMILARITY_THRESHOLD} ({len(distinct)} distinct name pairs)")
    for score, page, first, second in scored:
        if score >= arguments.lowest:
            print(f"{score:.3f}  {page:28} {first} / {second}")
    seed, later = (
        icor_extract.read(FIXTURES / name) for name in ("icor.zh.md", "icor.zh.wikitext")
    )
    for before, after in RENAMES:
        (a,) = [m for m in seed if m.organization == before]
        (b,) = [m for m in later if m.organization == after]
        print(f"rename {before} -> {after}: {similarity(a, b):.3f}")


if __name__ == "__main__":
    main()
