"""A cache for functions of one text that keeps short texts only.

Pages repeat the same short texts (years, continents, header names, status
remarks), so each is read once and remembered.  The cache outlives the parse,
so a long text (a page's megabyte-long cell) is read each time instead of
being held in memory after its page is gone.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

__all__ = ["LONGEST_CACHED", "cached_when_short"]

#: the longest text a cache keeps: values, headers and remarks are far shorter
LONGEST_CACHED = 64

_T = TypeVar("_T")


def cached_when_short(maxsize: int) -> Callable[[Callable[[str], _T]], Callable[[str], _T]]:
    """Remember ``function``'s value for texts of at most :data:`LONGEST_CACHED` characters,
    at most ``maxsize`` of them.

    The cache is a dict of values by text, read by its own ``__getitem__``, in
    C; only a text not yet read reaches Python (``__missing__``).  A parse
    reads about two hundred texts through these caches, and a Python wrapper
    around an ``lru_cache`` (the length test, then the cache) cost about
    0.15 µs each more.  When full, the cache is emptied rather than trimmed to
    the least recently used: it stays as bounded, and a text read again gives
    the same value (the functions are pure).
    """

    def decorate(function: Callable[[str], _T]) -> Callable[[str], _T]:
        class ShortTexts(dict[str, _T]):
            __slots__ = ()

            def __missing__(self, text: str) -> _T:
                value = function(text)
                if len(text) <= LONGEST_CACHED:
                    if len(self) >= maxsize:
                        self.clear()
                    self[text] = value
                return value

        return ShortTexts().__getitem__

    return decorate
