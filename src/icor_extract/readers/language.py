"""The page's language variant, for ``variant="auto"``: what the page declares, else its script.

In this order:

1. a declared language: ``<html lang=…>``, ``<body lang=…>`` or a
   ``Content-Language`` meta tag (``zh-Hant``, ``zh-TW``, ``zh-HK`` and
   ``zh-MO`` are Traditional; ``zh-Hans``, ``zh-CN``, ``zh-SG`` and ``zh-MY``
   Simplified; ``en…`` English); a bare ``zh`` decides only the language;
2. the text itself, markup and ``-{…}-`` variant markup left out: a page with
   few Chinese characters beside its Latin letters is English; a Chinese page
   is Traditional when it holds more Traditional-only than Simplified-only
   characters (the character lists of CC-CEDICT, through ``zhon``), else
   Simplified.

The chosen variant and the reason go into ``Extraction.notes``
(``variant.auto``); an explicit ``variant=`` skips all of this.
"""

from __future__ import annotations

import re
from functools import cache

from zhon import cedict

from icor_extract.model import Note, NoteCode, Variant

__all__ = ["choose_variant", "detect_variant"]

# a tag, then its attributes: no pattern that rescans a long run of unclosed tags
_TAG = re.compile(r"<(?P<name>html|body|meta)\b(?P<attributes>[^<>]{0,2000})>", re.IGNORECASE)
_LANG = re.compile(r"""\blang\s*=\s*["']?(?P<tag>[A-Za-z][A-Za-z-]*)""", re.IGNORECASE)
_CONTENT_LANGUAGE = re.compile(r"""http-equiv\s*=\s*["']?content-language""", re.IGNORECASE)
_CONTENT = re.compile(r"""\bcontent\s*=\s*["']?(?P<tag>[A-Za-z][A-Za-z-]*)""", re.IGNORECASE)
_HANT_TAGS = ("zh-hant", "zh-tw", "zh-hk", "zh-mo")
_HANS_TAGS = ("zh-hans", "zh-cn", "zh-sg", "zh-my")
# -{…}- without nested -{: bounded work on a run of unclosed -{ (as readers/variants.py).
# A tag takes the tags that follow it across white space (an HTML table's 863 tags are 121
# matches): only Han characters and Latin letters are counted, so the white space a match
# swallows changes no count, and no other markup starts with white space or "<".
_MARKUP = re.compile(
    r"-\{(?:(?!-\{|\}-).)*\}-|<[^<>]*+>(?:\s*+<[^<>]*+>)*+|https?://\S+|\{\{|\}\}|\[\[|\]\]",
    re.DOTALL,
)
_HAN_CLASS = r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]"
_HAN_RUN = re.compile(_HAN_CLASS + "+")
#: every byte but the ASCII letters, deleted to count them (bytes.translate runs in C)
_NOT_LATIN = bytes(set(range(256)) - set(b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"))
#: an English page may quote Chinese names; below this share of its letters it is English
_ENGLISH_HAN_SHARE = 0.1
#: only so much of a long page is read to decide
_SAMPLE = 200_000


@cache
def _distinct_characters() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """Runs of (Simplified-only, Traditional-only) characters, from CC-CEDICT via zhon.

    Each set is a character class, so that counting a page's characters runs in
    the regex engine rather than a Python loop over every character.  Every
    one of them is Han (a test checks zhon's lists), so they are counted among
    the page's Han characters alone.
    """
    simplified, traditional = set(cedict.simplified), set(cedict.traditional)
    return _runs_of(simplified - traditional), _runs_of(traditional - simplified)


def _runs_of(characters: set[str]) -> re.Pattern[str]:
    return re.compile("[" + "".join(re.escape(char) for char in sorted(characters)) + "]+")


def _count(runs: re.Pattern[str], text: str) -> int:
    """How many characters of ``text`` the runs hold: one match a run, not a character."""
    return len(text) - len(runs.sub("", text))


def _declared_tag(text: str) -> str | None:
    """The language the page declares in its ``html``/``body`` tag or a meta tag, if any."""
    for tag in _TAG.finditer(text):
        attributes = tag.group("attributes")
        if tag.group("name").lower() == "meta":
            found = _CONTENT.search(attributes) if _CONTENT_LANGUAGE.search(attributes) else None
        else:
            found = _LANG.search(attributes)
        if found is not None:
            return found.group("tag").lower()
    return None


def _declared(text: str) -> tuple[Variant | None, str]:
    tag = _declared_tag(text[:_SAMPLE])
    if tag is None:
        return None, ""
    why = f"the page declares its language {tag}"
    if tag.startswith(_HANT_TAGS):
        return "zh-hant", why
    if tag.startswith(_HANS_TAGS):
        return "zh-hans", why
    if tag == "en" or tag.startswith("en-"):
        return "en", why
    return None, why + "; "


def detect_variant(text: str) -> tuple[Variant, str]:
    """The variant a page is written in (``zh-hans``, ``zh-hant``, ``en``), and why."""
    variant, why = _declared(text)
    if variant is not None:
        return variant, why
    plain = _MARKUP.sub(" ", text[:_SAMPLE])
    han_text = "".join(_HAN_RUN.findall(plain))
    han = len(han_text)
    latin = len(plain.encode("ascii", "ignore").translate(None, _NOT_LATIN))
    if han < _ENGLISH_HAN_SHARE * latin:
        return "en", why + f"its text is English ({han} Chinese characters, {latin} Latin letters)"
    if not han:
        return "zh-hans", why + "its text has no Chinese or Latin letters; the default zh-hans"
    simplified_only, traditional_only = _distinct_characters()
    simplified = _count(simplified_only, han_text)
    traditional = _count(traditional_only, han_text)
    counts = f"{traditional} Traditional-only and {simplified} Simplified-only characters"
    if traditional > simplified:
        return "zh-hant", why + f"its text is Traditional Chinese ({counts})"
    return "zh-hans", why + f"its text is Simplified Chinese ({counts})"


def choose_variant(text: str, variant: Variant) -> tuple[Variant, Note | None]:
    """The variant to read ``text`` in: ``variant`` itself, or for ``auto`` the page's, noted."""
    if variant != "auto":
        return variant, None
    chosen, why = detect_variant(text)
    return chosen, Note(code=NoteCode.VARIANT_AUTO, message=f"variant {chosen}: {why}")
