"""A cache for functions of one text that keeps short texts only.

Pages repeat the same short texts (years, continents, header names, status
remarks), so each is read once and remembered.  The cache outlives the parse,
so a long text (a page's megabyte-long cell) is read each time instead of
being held in memory after its page is gone.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache, wraps
from typing import TypeVar

__all__ = ["LONGEST_CACHED", "cached_when_short"]

#: the longest text a cache keeps: values, headers and remarks are far shorter
LONGEST_CACHED = 64

_T = TypeVar("_T")


def cached_when_short(maxsize: int) -> Callable[[Callable[[str], _T]], Callable[[str], _T]]:
    """``functools.lru_cache(maxsize)`` for texts of at most :data:`LONGEST_CACHED` characters."""

    def decorate(function: Callable[[str], _T]) -> Callable[[str], _T]:
        cached = lru_cache(maxsize=maxsize)(function)

        @wraps(function)
        def read(text: str) -> _T:
            return cached(text) if len(text) <= LONGEST_CACHED else function(text)

        return read

    return decorate
