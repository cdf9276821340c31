"""Which member of one extraction is which member of another.

Rules are tried from the strongest to the weakest, each on the members the
ones before left unmatched:

1. ``match.link``: the same link title (the same article);
2. ``match.name``: the same name under :func:`name_key`, where the countries agree
   (a country read from the name itself does not count: the names are the same);
3. ``match.similar``: names at least :data:`SIMILARITY_THRESHOLD` alike, within the
   same country (or, where one country is unknown, the same continent);
4. ``match.position``: the one member left between two neighbours that were
   matched to neighbours on the other side.

Before them, rows repeated alike (as often on each side) are paired in order.
Between candidates of one score, the one that agrees on more fields fits better;
a member that two candidates still fit equally is left unmatched and reported as
an :class:`Ambiguity`.  Every rule is symmetric: matching ``b`` with ``a`` gives
the same pairs as matching ``a`` with ``b``, swapped.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Literal

from rapidfuzz.distance import Indel

from icor_extract.model import Member, Rule
from icor_extract.versions.normalize import link_key, name_key

__all__ = [
    "SIMILARITY_THRESHOLD",
    "Ambiguity",
    "Match",
    "MatchRule",
    "Matching",
    "match",
    "same_area",
    "similarity",
]

#: Least ``Indel`` similarity (1 - indel distance / total length, on :func:`name_key`)
#: for ``match.similar``.  On the fixtures the two true renames score 0.727
#: (抵抗－劳动运动 -> 抵抗－劳动党) and 0.875 (海地新… -> 新海地…, a word-order change);
#: of 232 pairs of different members in one country or continent, 8 reach 0.7
#: (``benchmarks/similarity.py``).  Such a pair is matched only when both are left over
#: by the stronger rules, each is the other's single best candidate and their years agree.
SIMILARITY_THRESHOLD = 0.7


Side = Literal["old", "new"]


class MatchRule(StrEnum):
    """How two members were found to be one: strongest first."""

    LINK = "match.link"
    NAME = "match.name"
    SIMILAR = "match.similar"
    POSITION = "match.position"


@dataclass(frozen=True, slots=True, kw_only=True)
class Match:
    """One member of the old extraction and the same member in the new one."""

    old: Member
    new: Member
    rule: MatchRule
    evidence: str
    score: float | None = None  # the similarity, for ``match.similar``

    def inverse(self) -> Match:
        return Match(
            old=self.new, new=self.old, rule=self.rule, evidence=self.evidence, score=self.score
        )


@dataclass(frozen=True, slots=True, kw_only=True)
class Ambiguity:
    """A member left unmatched because two or more candidates fit it equally."""

    side: Side  # the extraction ``member`` belongs to
    member: Member
    candidates: tuple[Member, ...]
    rule: MatchRule
    evidence: str

    def inverse(self) -> Ambiguity:
        side: Side = "new" if self.side == "old" else "old"
        return Ambiguity(
            side=side,
            member=self.member,
            candidates=self.candidates,
            rule=self.rule,
            evidence=self.evidence,
        )


@dataclass(frozen=True, slots=True, kw_only=True)
class Matching:
    """The pairs found, in the order of the new extraction, and the ambiguities."""

    pairs: tuple[Match, ...]
    ambiguous: tuple[Ambiguity, ...]
    unmatched_old: tuple[Member, ...]
    unmatched_new: tuple[Member, ...]


def _agree(left: object, right: object) -> bool:
    """Two values agree unless both are known and differ."""
    return left is None or right is None or left == right


def same_area(a: Member, b: Member) -> bool:
    """Same country where both are known, else the same continent where both are known."""
    if a.country_code is not None and b.country_code is not None:
        return a.country_code == b.country_code
    if a.continent_code is not None and b.continent_code is not None:
        return a.continent_code == b.continent_code
    return False


def _country_beside_name(member: Member) -> str | None:
    """The country, unless it was read from the name itself: two members of one name
    cannot differ by it, and a flag on the other side is the better evidence."""
    provenance = member.provenance_of("country")
    if provenance is not None and provenance.rule is Rule.COUNTRY_NAME:
        return None
    return member.country_code


def _compatible(a: Member, b: Member) -> bool:
    """Nothing known about the two says they differ: country, continent, year."""
    return (
        _agree(a.country_code, b.country_code)
        and _agree(a.continent_code, b.continent_code)
        and _agree(a.joined, b.joined)
    )


class _State:
    """The members of both sides and the pairs found so far (indexes into each side)."""

    def __init__(self, old: Sequence[Member], new: Sequence[Member]) -> None:
        self.old = old
        self.new = new
        self.old_to_new: dict[int, int] = {}
        self.new_to_old: dict[int, int] = {}
        self.found: dict[int, Match] = {}  # by the new member's index
        # the first ambiguity of each member, by side and index
        self.ambiguous: dict[tuple[Side, int], Ambiguity] = {}

    def free_old(self) -> list[int]:
        return [i for i in range(len(self.old)) if i not in self.old_to_new]

    def free_new(self) -> list[int]:
        return [j for j in range(len(self.new)) if j not in self.new_to_old]

    def pair(self, i: int, j: int, rule: MatchRule, evidence: str, score: float | None) -> None:
        self.old_to_new[i] = j
        self.new_to_old[j] = i
        self.found[j] = Match(
            old=self.old[i], new=self.new[j], rule=rule, evidence=evidence, score=score
        )

    def tie(self, side: Side, index: int, candidates: list[int], rule: MatchRule, why: str) -> None:
        members, others = (self.old, self.new) if side == "old" else (self.new, self.old)
        self.ambiguous.setdefault(
            (side, index),
            Ambiguity(
                side=side,
                member=members[index],
                candidates=tuple(others[k] for k in candidates),
                rule=rule,
                evidence=why,
            ),
        )


def _mutual(
    state: _State,
    rule: MatchRule,
    candidates: dict[int, dict[int, float]],
    evidence: Callable[[int, int, float], str],
) -> bool:
    """Pair each old and new member that are each other's single best candidate; report ties.

    ``candidates[i][j]`` scores new member ``j`` for old member ``i``; between equal
    scores, the candidate that agrees on more of the compared fields is the better fit.
    Symmetric: the same pairs and ties come out when the two sides are swapped.
    """
    ranked: dict[int, dict[int, _Rank]] = defaultdict(dict)
    back: dict[int, dict[int, _Rank]] = defaultdict(dict)
    for i, scores in candidates.items():
        for j, score in scores.items():
            rank = (round(score, 9), _agreement(state.old[i], state.new[j]))
            ranked[i][j] = back[j][i] = rank
    best_new = {i: _best(ranks) for i, ranks in ranked.items()}
    best_old = {j: _best(ranks) for j, ranks in back.items()}
    for i, best in best_new.items():
        if len(best) > 1:
            state.tie("old", i, best, rule, evidence(i, best[0], candidates[i][best[0]]))
    for j, best in best_old.items():
        if len(best) > 1:
            state.tie("new", j, best, rule, evidence(best[0], j, candidates[best[0]][j]))
    paired = False
    for i, best in best_new.items():
        if len(best) == 1 and best_old[best[0]] == [i]:
            j = best[0]
            score = candidates[i][j]
            state.pair(i, j, rule, evidence(i, j, score), score)
            paired = True
    return paired


def _by_key(
    state: _State,
    rule: MatchRule,
    key: Callable[[Member], str | None],
    text: Callable[[Member], str],
    allowed: Callable[[Member, Member], bool],
) -> None:
    """Pair the members whose key is the same on exactly one allowed member of each side."""
    news: dict[str, list[int]] = defaultdict(list)
    for j in state.free_new():
        value = key(state.new[j])
        if value:
            news[value].append(j)
    candidates: dict[int, dict[int, float]] = {}
    for i in state.free_old():
        value = key(state.old[i])
        allowed_new = [j for j in news.get(value or "", ()) if allowed(state.old[i], state.new[j])]
        if value and allowed_new:
            candidates[i] = dict.fromkeys(allowed_new, 1.0)

    def evidence(i: int, j: int, _score: float) -> str:
        return _written(text(state.old[i]), text(state.new[j]))

    if _mutual(state, rule, candidates, evidence):  # a pair taken may settle a tie
        _by_key(state, rule, key, text, allowed)


def _signature(member: Member) -> tuple[object, ...]:
    """Everything the rules and the events compare: members alike in all of it are the same."""
    return (
        _link(member),
        name_key(member.organization),
        member.country_code,
        member.continent_code,
        member.joined,
        member.status,
    )


def _by_order(state: _State) -> None:
    """Pair rows repeated alike, as often on each side, in their order: whichever way they
    are paired, nothing differs, so two equal candidates are no ambiguity here."""
    olds: dict[tuple[object, ...], list[int]] = defaultdict(list)
    news: dict[tuple[object, ...], list[int]] = defaultdict(list)
    for i in state.free_old():
        olds[_signature(state.old[i])].append(i)
    for j in state.free_new():
        news[_signature(state.new[j])].append(j)
    for signature, old_indexes in olds.items():
        new_indexes = news.get(signature, [])
        if len(old_indexes) < 2 or len(old_indexes) != len(new_indexes):
            continue
        rule = MatchRule.LINK if signature[0] else MatchRule.NAME
        for i, j in zip(old_indexes, new_indexes, strict=True):
            a, b = state.old[i], state.new[j]
            written = _written(a.link or a.organization, b.link or b.organization)
            evidence = f"{written} ({len(old_indexes)} rows alike on each side, paired in order)"
            state.pair(i, j, rule, evidence, None)


def _written(*texts: str) -> str:
    """The texts the two sides wrote, once when they wrote the same, in a fixed order (so
    that matching the other way round gives the same evidence)."""
    return " = ".join(sorted(set(texts)))


def _link(member: Member) -> str | None:
    return link_key(member.link) if member.link else None


def _name(member: Member) -> str | None:
    return name_key(member.organization)


def similarity(a: Member, b: Member) -> float:
    """How alike two names are, 0 to 1, after :func:`name_key`."""
    return float(Indel.normalized_similarity(name_key(a.organization), name_key(b.organization)))


_Rank = tuple[float, int]


def _agreement(a: Member, b: Member) -> int:
    """How many of the compared fields two members have alike."""
    return sum(x == y for x, y in zip(_signature(a), _signature(b), strict=True))


def _best(ranks: dict[int, _Rank]) -> list[int]:
    """The candidates ranked highest (more than one is a tie)."""
    if not ranks:
        return []
    top = max(ranks.values())
    return [k for k, rank in ranks.items() if rank == top]


def _by_similarity(state: _State) -> None:
    """Pair members whose names are alike, where each is the other's single best candidate."""

    def evidence(i: int, j: int, score: float) -> str:
        names = sorted((state.old[i].organization, state.new[j].organization))
        return f"{names[0]} ~ {names[1]}: {score:.2f}"

    while True:
        candidates: dict[int, dict[int, float]] = defaultdict(dict)
        for i in state.free_old():
            for j in state.free_new():
                a, b = state.old[i], state.new[j]
                if same_area(a, b) and _agree(a.joined, b.joined):
                    score = similarity(a, b)
                    if score >= SIMILARITY_THRESHOLD:
                        candidates[i][j] = score
        if not _mutual(state, MatchRule.SIMILAR, candidates, evidence):
            return


def _by_position(state: _State) -> None:
    """Pair the single member left between two neighbours matched to neighbours."""
    for i in state.free_old():
        before, after = state.old_to_new.get(i - 1), state.old_to_new.get(i + 1)
        if before is None or after is None or after != before + 2:
            continue
        j = before + 1
        if j in state.new_to_old or not _compatible(state.old[i], state.new[j]):
            continue
        first = _written(state.old[i - 1].organization, state.new[before].organization)
        last = _written(state.old[i + 1].organization, state.new[after].organization)
        state.pair(i, j, MatchRule.POSITION, f"between {first} and {last}", None)


def match(old: Sequence[Member], new: Sequence[Member]) -> Matching:
    """Match the members of two extractions; see the module docstring for the rules."""
    state = _State(old, new)
    _by_order(state)
    _by_key(state, MatchRule.LINK, _link, lambda m: m.link or "", lambda _a, _b: True)
    _by_key(
        state,
        MatchRule.NAME,
        _name,
        lambda m: m.organization,
        lambda a, b: _agree(_country_beside_name(a), _country_beside_name(b)),
    )
    _by_similarity(state)
    _by_position(state)
    pairs = tuple(state.found[j] for j in sorted(state.found))
    ambiguous = tuple(
        item
        for (side, index), item in state.ambiguous.items()
        if index not in (state.old_to_new if side == "old" else state.new_to_old)
    )
    return Matching(
        pairs=pairs,
        ambiguous=ambiguous,
        unmatched_old=tuple(old[i] for i in state.free_old()),
        unmatched_new=tuple(new[j] for j in state.free_new()),
    )
