"""Keys under which two spellings of one name or link title are the same.

Two versions of a page write the same organization with other punctuation,
spaces, widths or script (``马列`` and ``馬列``): the keys here fold all of
that away, so that only a real difference in the words is left.  Script is
folded to Simplified with OpenCC's character tables (the pure-Python
``opencc-python-reimplemented``), since zh-wiki serves one text in both.
"""

from __future__ import annotations

import unicodedata
from functools import cache, lru_cache
from typing import Protocol, cast

__all__ = ["fold_script", "link_key", "name_key"]


class _Converter(Protocol):
    def convert(self, text: str) -> str: ...


@cache
def _to_simplified() -> _Converter:
    import opencc  # noqa: PLC0415 - its tables load on first use, not at import

    return cast(_Converter, opencc.OpenCC("t2s"))


def fold_script(text: str) -> str:
    """``text`` with Traditional Chinese characters written in Simplified."""
    if text.isascii():
        return text
    return _to_simplified().convert(text)


@lru_cache(maxsize=8192)  # the similarity rule asks for the same names many times
def name_key(name: str) -> str:
    """NFKC, Simplified script, case-folded, without punctuation, symbols or spaces."""
    folded = fold_script(unicodedata.normalize("NFKC", name)).casefold()
    return "".join(char for char in folded if unicodedata.category(char)[0] not in "PZSC")


@lru_cache(maxsize=8192)
def link_key(title: str) -> str:
    """A link title as MediaWiki compares titles: ``_`` is a space, the first letter's case
    does not count; plus NFKC and Simplified script, which zh-wiki redirects between.
    Punctuation stays: ``劳动党 (塞尔维亚)`` and ``劳动党`` are different articles."""
    text = fold_script(unicodedata.normalize("NFKC", title)).replace("_", " ")
    text = " ".join(text.split())
    return text[:1].upper() + text[1:]
