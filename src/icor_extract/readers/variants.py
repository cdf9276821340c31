"""MediaWiki language-variant markup ``-{…}-``, resolved to one variant before parsing.

zh-wiki writes text that differs between Simplified and Traditional Chinese as
``-{zh-hans:甲;zh-hant:乙;}-``; MediaWiki's LanguageConverter shows the
reader's variant, falling back through related variants.  ``-{text}-`` keeps
``text`` unconverted; ``-{H|…}-`` and ``-{T|…}-`` only define rules or titles
and show nothing.  A line break inside the markup is kept, so line numbers
stay true.
"""

from __future__ import annotations

import re

from icor_extract.model import Variant

__all__ = ["FALLBACKS", "resolve_variants"]

#: variant -> the codes tried in order (MediaWiki's zh fallback chains)
FALLBACKS: dict[Variant, tuple[str, ...]] = {
    "zh-hans": ("zh-hans", "zh-cn", "zh-sg", "zh-my", "zh", "zh-hant", "zh-tw", "zh-hk", "zh-mo"),
    "zh-hant": ("zh-hant", "zh-tw", "zh-hk", "zh-mo", "zh", "zh-hans", "zh-cn", "zh-sg", "zh-my"),
}
FALLBACKS["en"] = FALLBACKS["zh-hans"]

_MARKUP = re.compile(r"-\{(?P<body>(?:(?!-\{|\}-).)*)\}-", re.DOTALL)
_FLAGS = re.compile(r"^\s*(?P<flags>[A-Za-z\-](?:\s*;\s*[A-Za-z\-])*)\s*\|(?P<rest>.*)$", re.DOTALL)
_PAIR_SPLIT = re.compile(r";(?=\s*zh(?:-[a-z]+)?\s*:)")
_PAIR = re.compile(r"^\s*(?P<code>zh(?:-[a-z]+)?)\s*:(?P<text>.*)$", re.DOTALL)


def _choose(body: str, variant: Variant) -> str:
    pairs = {}
    for piece in _PAIR_SPLIT.split(body):
        match = _PAIR.match(piece)
        if match is None:
            return body  # not a variant list: text shown as written
        pairs[match.group("code").lower()] = match.group("text").rstrip().rstrip(";")
    for code in FALLBACKS[variant]:
        if code in pairs:
            return pairs[code]
    return next(iter(pairs.values()), "")


def _replace(match: re.Match[str], variant: Variant) -> str:
    body = match.group("body")
    newlines = "\n" * body.count("\n")
    flagged = _FLAGS.match(body)
    if flagged:
        flags = {flag.strip().upper() for flag in flagged.group("flags").split(";")}
        rest = flagged.group("rest")
        if flags & {"H", "T", "-"}:
            return newlines
        shown = _choose(rest, variant) if flags & {"A", "S"} else rest
        return shown.replace("\n", "") + newlines
    return _choose(body, variant).replace("\n", "") + newlines


def resolve_variants(text: str, variant: Variant = "zh-hans") -> str:
    """``text`` with every ``-{…}-`` replaced by what ``variant`` shows."""
    if "-{" not in text:
        return text
    return _MARKUP.sub(lambda match: _replace(match, variant), text)
