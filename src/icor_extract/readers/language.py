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

from icor_extract.model import NOWHERE, Note, NoteCode, Variant, new_note

__all__ = ["choose_variant", "detect_variant"]

# a tag, then its attributes: no pattern that rescans a long run of unclosed tags
_TAG = re.compile(r"<(?P<name>html|body|meta)\b(?P<attributes>[^<>]{0,2000})>", re.IGNORECASE)
_LANG = re.compile(r"""\blang\s*=\s*["']?(?P<tag>[A-Za-z][A-Za-z-]*)""", re.IGNORECASE)
_CONTENT_LANGUAGE = re.compile(r"""http-equiv\s*=\s*["']?content-language""", re.IGNORECASE)
_CONTENT = re.compile(r"""\bcontent\s*=\s*["']?(?P<tag>[A-Za-z][A-Za-z-]*)""", re.IGNORECASE)
_HANT_TAGS = ("zh-hant", "zh-tw", "zh-hk", "zh-mo")
_HANS_TAGS = ("zh-hans", "zh-cn", "zh-sg", "zh-my")
# -{…}- without nested -{: bounded work on a run of unclosed -{ (as readers/variants.py).
_VARIANT_MARKUP = r"-\{(?:(?!-\{|\}-).)*\}-"
_URL = r"https?://\S+"
# A tag takes the tags that follow it across white space (an HTML table's 863 tags are 121
# matches): only Han characters and Latin letters are counted, so the white space a match
# swallows changes no count, and no other markup starts with white space or "<".  (Wiki
# brackets and braces hold no letter, and no markup starts with one, so they are left in.)
_MARKUP = re.compile(
    rf"{_VARIANT_MARKUP}|<[^<>]*+>(?:\s*+<[^<>]*+>)*+|{_URL}",
    re.DOTALL,
)
#: :data:`_MARKUP` for a text where every "<" is closed by a ">" before the next "<": a tag
#: is then the same with "[^>]", which re scans one character to a step in C (a two-character
#: set costs a set test a character, six times as much: most of a table page is in its tags)
_MARKUP_OF_CLOSED_TAGS = re.compile(
    rf"{_VARIANT_MARKUP}|<[^>]*+>(?:\s*+<[^>]*+>)*+|{_URL}",
    re.DOTALL,
)
#: every byte but "<" and ">", deleted to see the order of a text's angle brackets
_NOT_ANGLE = bytes(set(range(256)) - set(b"<>"))
# A Han character is a UTF-16 unit whose high byte is one of these (Han Extension A,
# U+3400-U+4DBF, shares U+4Dxx with the Yijing hexagrams, U+4DC0-U+4DFF, counted apart).
_HAN_HIGH = {*range(0x34, 0xA0), 0xF9, 0xFA}
_NOT_HAN_HIGH = bytes(set(range(256)) - _HAN_HIGH)
_HEXAGRAM = re.compile("[\u4dc0-\u4dff]")
#: every ASCII byte, deleted from UTF-8 to keep a text's other characters (no ASCII byte is
#: part of another character's UTF-8)
_ASCII = bytes(range(128))
#: a "<" before a letter that may start html, body or meta (the only letters re.IGNORECASE
#: matches to h, b, m are these six): a page without one declares nothing in a tag
_MAY_DECLARE = re.compile("<[hHbBmM]")
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
    """A run of ``characters``, spelled ``[…][…]*+``: re scans for the start of a pattern that
    begins with a set by testing characters in C, but tries a whole match at every place for
    one that begins with a repeat (``[…]+``)."""
    one = "[" + "".join(re.escape(char) for char in sorted(characters)) + "]"
    return re.compile(f"{one}{one}*+")


def _count(runs: re.Pattern[str], text: str) -> int:
    """How many characters of ``text`` the runs hold: one match a run, not a character."""
    return len(text) - len(runs.sub("", text))


def _without_markup(text: str) -> str:
    """``text`` with its markup replaced by spaces: what the counts are taken from."""
    angles = text.encode("ascii", "ignore").translate(None, _NOT_ANGLE)
    markup = _MARKUP if b"<<" in angles else _MARKUP_OF_CLOSED_TAGS
    return markup.sub(" ", text)


def _han_count(text: str) -> int:
    """How many Han characters ``text`` holds, counted on its UTF-16 units' high bytes in C.

    Lone surrogates pass through as units of their own, and a surrogate is never Han.
    """
    high = text.encode("utf-16-le", "surrogatepass")[1::2]
    han = len(high.translate(None, _NOT_HAN_HIGH))
    return han - len(_HEXAGRAM.findall(text)) if b"\x4d" in high else han


def _letters(text: str) -> tuple[int, str]:
    """How many ASCII letters ``text`` holds, and its characters that are not ASCII, in order.

    Both from one UTF-8 encoding, in C: a letter is one byte there, and no ASCII byte is part
    of another character's UTF-8, so deleting the ASCII bytes leaves the others' whole.
    """
    encoded = text.encode("utf-8", "surrogatepass")
    latin = len(encoded.translate(None, _NOT_LATIN))
    return latin, encoded.translate(None, _ASCII).decode("utf-8", "surrogatepass")


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
    sample = text[:_SAMPLE]
    tag = _declared_tag(sample) if _MAY_DECLARE.search(sample) else None
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
    # Han characters are not ASCII: counted in the shorter text, as the one-script ones are
    latin, wide = _letters(_without_markup(text[:_SAMPLE]))
    han = _han_count(wide)
    if han < _ENGLISH_HAN_SHARE * latin:
        return "en", why + f"its text is English ({han} Chinese characters, {latin} Latin letters)"
    if not han:
        return "zh-hans", why + "its text has no Chinese or Latin letters; the default zh-hans"
    simplified_only, traditional_only = _distinct_characters()
    simplified = _count(simplified_only, wide)
    traditional = _count(traditional_only, wide)
    counts = f"{traditional} Traditional-only and {simplified} Simplified-only characters"
    if traditional > simplified:
        return "zh-hant", why + f"its text is Traditional Chinese ({counts})"
    return "zh-hans", why + f"its text is Simplified Chinese ({counts})"


def choose_variant(text: str, variant: Variant) -> tuple[Variant, Note | None]:
    """The variant to read ``text`` in: ``variant`` itself, or for ``auto`` the page's, noted."""
    if variant != "auto":
        return variant, None
    chosen, why = detect_variant(text)
    message = f"variant {chosen}: {why}"
    return chosen, new_note(code=NoteCode.VARIANT_AUTO, message=message, location=NOWHERE)
