"""Variant detection's counting in C against the counting it replaced (round five's code)."""

from __future__ import annotations

import re
from functools import cache
from unittest import mock

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from zhon import cedict

from icor_extract.readers import language
from icor_extract.readers.language import detect_variant

# Round five's detect_variant as the reference: the declared tag searched without a
# pre-check (the pre-check patched to pass every page), markup (wiki brackets and braces
# included) matched with "[^<>]" in tags, Han text gathered as runs, the one-script
# characters counted as "[…]+" runs among it.
_OLD_MARKUP = re.compile(
    r"-\{(?:(?!-\{|\}-).)*\}-|<[^<>]*+>(?:\s*+<[^<>]*+>)*+|https?://\S+|\{\{|\}\}|\[\[|\]\]",
    re.DOTALL,
)
_OLD_HAN_RUN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")
_LETTERS = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
_OLD_NOT_LATIN = bytes(set(range(256)) - set(_LETTERS))


@cache
def _old_runs() -> tuple[re.Pattern[str], re.Pattern[str]]:
    simplified, traditional = set(cedict.simplified), set(cedict.traditional)
    return tuple(  # type: ignore[return-value]
        re.compile("[" + "".join(re.escape(char) for char in sorted(chars)) + "]+")
        for chars in (simplified - traditional, traditional - simplified)
    )


def _old_detect_variant(text: str) -> tuple[str, str]:
    with mock.patch.object(language, "_MAY_DECLARE", re.compile("")):  # every page may declare
        variant, why = language._declared(text)
    if variant is not None:
        return variant, why
    plain = _OLD_MARKUP.sub(" ", text[:200_000])
    han_text = "".join(_OLD_HAN_RUN.findall(plain))
    han = len(han_text)
    latin = len(plain.encode("ascii", "ignore").translate(None, _OLD_NOT_LATIN))
    if han < 0.1 * latin:
        return "en", why + f"its text is English ({han} Chinese characters, {latin} Latin letters)"
    if not han:
        return "zh-hans", why + "its text has no Chinese or Latin letters; the default zh-hans"
    simplified_only, traditional_only = _old_runs()
    simplified = len(han_text) - len(simplified_only.sub("", han_text))
    traditional = len(han_text) - len(traditional_only.sub("", han_text))
    counts = f"{traditional} Traditional-only and {simplified} Simplified-only characters"
    if traditional > simplified:
        return "zh-hant", why + f"its text is Traditional Chinese ({counts})"
    return "zh-hans", why + f"its text is Simplified Chinese ({counts})"


# Han at the edges of its ranges and beside them (U+4DC0-U+4DFF shares U+4Dxx with Han),
# one-script and shared characters, Latin, other scripts, surrogates alone and in pairs.
_CHARACTERS = [
    "国", "國", "党", "黨", "的", "一", "\u3400", "\u33ff", "\u4dbf", "\u4dc0", "\u4dff",
    "\u4e00", "\u9fff", "\ua000", "\uf8ff", "\uf900", "\ufaff", "\ufb00", "\u3000", "（",
    "a", "Z", "M", "é", "ß", "\u0134", "\u4d34", "1", " ", "\n", "\t", "\ud800", "\udfff",
    "\U00020000", "\U0001d400", "\x00", "\x7f", "\x80",
]  # fmt: skip
_MARKUP_PIECES = [
    "<", ">", "<<", ">>", "<b", "<td>", "</p>", '<a href="../Page/國.md" title="x">', "<br />",
    "[[", "]]", "{{", "}}", "-{", "}-", "-{zh-hans:党;zh-hant:黨}-", "http://x.org/國", "https://",
    '<html lang="zh-TW">', "<HTML LANG=en>", "<body lang=zh-cn>", "<Body lang=zh>",
    "<bodyx lang=en>", '<meta http-equiv="Content-Language" content="zh-hant">',
    "<mEta content=en>", "<h1>",
]  # fmt: skip
_PAGES = st.lists(
    st.one_of(st.sampled_from(_CHARACTERS + _MARKUP_PIECES), st.text(max_size=4)), max_size=80
).map("".join)


@settings(max_examples=400)
@given(_PAGES)
def test_detect_variant_says_what_the_old_counting_said(page: str) -> None:
    assert detect_variant(page) == _old_detect_variant(page)


@pytest.mark.parametrize(
    "name",
    ["icor.zh.md", "icor.zh.wikitext", "icor.handwritten.html", "handmade.english.md", "rim.zh.md"],
)
def test_detect_variant_says_what_the_old_counting_said_on_fixtures(name: str) -> None:
    from pathlib import Path

    page = (Path(__file__).parent / "fixtures" / name).read_text(encoding="utf-8")
    assert detect_variant(page) == _old_detect_variant(page)
    page = page.replace(">", "> <", 3)  # a "<" not closed before the next: the general pattern
    assert detect_variant(page) == _old_detect_variant(page)


_ANGLE_PIECES = ["<", ">", "<td>", "</a>", "<a href=x>", " ", "\n", "国", "a", "-{", "}-",
                 "http://"]  # fmt: skip


@given(st.lists(st.sampled_from(_ANGLE_PIECES + _CHARACTERS), max_size=60).map("".join))
def test_tags_read_with_one_character_loops_match_where_every_angle_bracket_closes(
    text: str,
) -> None:
    closed = b"<<" not in text.encode("ascii", "ignore").translate(None, language._NOT_ANGLE)
    if closed:  # the fast pattern is used only then, and must match exactly as the other
        fast = language._MARKUP_OF_CLOSED_TAGS.finditer(text)
        assert [m.span() for m in fast] == [m.span() for m in language._MARKUP.finditer(text)]
    assert language._without_markup(text) == language._MARKUP.sub(" ", text)


def test_the_closed_tag_pattern_is_chosen_by_the_order_of_angle_brackets() -> None:
    # "<a " is text and "<b>" the tag; the closed-tag pattern would take "<a <b>" whole
    assert language._without_markup("<a <b>国") == "<a  国"
    assert language._MARKUP_OF_CLOSED_TAGS.sub(" ", "<a <b>国") == " 国"
    assert language._without_markup("a > b <c>") == "a > b  "


def test_han_counted_in_utf16_is_han_for_every_code_point() -> None:
    han = re.compile("[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
    for code in range(0x10000):  # the BMP one by one, surrogates included
        char = chr(code)
        assert language._han_count(char) == (han.fullmatch(char) is not None), hex(code)
    for start in range(0x10000, 0x110000, 4096):  # beyond it, surrogate pairs: none is Han
        block = "".join(chr(code) for code in range(start, start + 4096))
        assert language._han_count(block) == 0, hex(start)
    assert language._han_count("国\u4dc0\u4dbf\ud800a\U00020000") == 2


def test_the_letters_and_non_ascii_characters_of_every_code_point() -> None:
    for start in range(0, 0x110000, 4096):
        block = "".join(chr(code) for code in range(start, min(start + 4096, 0x110000)))
        kept = "".join(char for char in block if not char.isascii())
        letters = sum(char.isascii() and char.isalpha() for char in block)
        assert language._letters("a" + block + "z") == (letters + 2, kept)


def test_only_six_letters_match_html_body_and_meta_first_letters_ignoring_case() -> None:
    first = re.compile("[hbm]", re.IGNORECASE)
    matched = {chr(code) for code in range(0x110000) if first.fullmatch(chr(code))}
    assert matched == set("hHbBmM")


@pytest.mark.parametrize(
    "page", ["<a>" + "<" * 30_000, "<a " * 20_000 + ">", "<" + "x" * 30_000, "<a>x" * 20_000]
)
def test_either_tag_pattern_reads_in_bounded_time(page: str) -> None:
    assert detect_variant(page)[0] in ("zh-hans", "en")
