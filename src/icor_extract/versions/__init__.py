"""Membership over time: two versions of a page, matched member by member.

:func:`~icor_extract.versions.changes.compare` lists what changed;
:func:`~icor_extract.versions.fill.fill_from` fills one version's empty values
from the other.  Both rest on :func:`~icor_extract.versions.matching.match`.
"""

from icor_extract.versions.changes import Changes, Event, EventKind, compare
from icor_extract.versions.fill import fill_from
from icor_extract.versions.matching import SIMILARITY_THRESHOLD, Ambiguity, Match, MatchRule

__all__ = [
    "SIMILARITY_THRESHOLD",
    "Ambiguity",
    "Changes",
    "Event",
    "EventKind",
    "Match",
    "MatchRule",
    "compare",
    "fill_from",
]
