"""variant="auto": the page's declared language, else its script, decides the variant."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st
from zhon import cedict

import icor_extract
from icor_extract import Variant
from icor_extract.readers import language
from icor_extract.readers.language import detect_variant

from . import hostile

ENGLISH = """{| class="wikitable"
! Country !! Party !! Joined
|-
| {{flag|Serbia}} || [[Party of Labour (Serbia)|Party of Labour]] || 2010
|-
| {{GER}} || Marxist–Leninist Party of Germany ({{lang|zh|德国马列党}}) || 2010
|}"""
TRADITIONAL = """{| class="wikitable"
! 國家 !! 政黨或組織 !! 加入時間
|-
| {{flag|塞爾維亞}} || 勞動黨 || 2010年
|-
| {{GER}} || 德國馬列黨 || 2010年
|}"""
SIMPLIFIED = (
    TRADITIONAL.replace("國家", "国家")
    .replace("政黨或組織", "政党或组织")
    .replace("加入時間", "加入时间")
    .replace("勞動黨", "劳动党")
    .replace("德國馬列黨", "德国马列党")
)


def _countries(page: str, variant: Variant = "auto") -> list[str | None]:
    return [member.country for member in icor_extract.parse(page, variant=variant).members]


def test_an_english_page_needs_no_option_for_english_names() -> None:
    extraction = icor_extract.parse(ENGLISH)
    assert [m.country for m in extraction.members] == ["Serbia", "Germany"]
    assert [m.country_code for m in extraction.members] == ["RS", "DE"]
    first = extraction.notes[0]
    assert (first.code, first.table) == ("variant.auto", None)
    assert first.message.startswith("variant en: its text is English")


def test_a_traditional_page_gives_traditional_names() -> None:
    extraction = icor_extract.parse(TRADITIONAL)
    assert [m.country for m in extraction.members] == ["塞爾維亞", "德國"]
    assert extraction.notes[0].message.startswith("variant zh-hant: its text is Traditional")


def test_a_simplified_page_gives_simplified_names() -> None:
    assert _countries(SIMPLIFIED) == ["塞尔维亚", "德国"]


def test_an_explicit_variant_wins_and_adds_no_note() -> None:
    extraction = icor_extract.parse(TRADITIONAL, variant="zh-hans")
    assert [m.country for m in extraction.members] == ["塞尔维亚", "德国"]
    assert all(note.code != "variant.auto" for note in extraction.notes)
    assert _countries(ENGLISH, variant="zh-hant") == ["塞爾維亞", "德國"]


@pytest.mark.parametrize(
    ("lang", "variant"),
    [("zh-Hant-TW", "zh-hant"), ("zh-HK", "zh-hant"), ("zh-Hans-CN", "zh-hans"),
     ("zh-SG", "zh-hans"), ("en-GB", "en")],
)  # fmt: skip
def test_a_declared_language_wins_over_the_script(lang: str, variant: str) -> None:
    page = (
        f'<html lang="{lang}"><body><table><tr><th>国家</th><th>政党</th></tr>'
        "<tr><td>塞尔维亚</td><td>劳动党</td></tr></table></body></html>"
    )
    assert detect_variant(page)[0] == variant
    assert f"declares its language {lang.lower()}" in icor_extract.parse(page).notes[0].message


def test_a_bare_zh_declaration_leaves_the_script_to_decide() -> None:
    page = f'<html lang="zh"><body>{TRADITIONAL}</body></html>'
    variant, why = detect_variant(page)
    assert variant == "zh-hant"
    assert why.startswith("the page declares its language zh; its text is Traditional")


def test_variant_markup_is_not_counted() -> None:
    # every Traditional character of this page is inside -{}- markup, which holds both scripts
    page = SIMPLIFIED.replace("劳动党", "-{zh-hans:劳动党;zh-hant:勞動黨;}-")
    page = page.replace("塞爾維亞", "塞尔维亚").replace("德国马列党", "德国党")
    variant, _ = detect_variant(page)
    assert variant == "zh-hans"


def test_a_page_of_neither_script_is_read_as_simplified() -> None:
    assert detect_variant("{|\n! 1 !! 2\n|-\n| 3 || 4\n|}") == (
        "zh-hans",
        "its text has no Chinese or Latin letters; the default zh-hans",
    )


@pytest.mark.parametrize("page", hostile.unclosed_language_markup(), ids=range(5))
def test_unclosed_markup_is_read_in_bounded_time(page: str) -> None:
    # each took minutes with a lazy pattern per unclosed tag; now milliseconds (no timing here)
    assert detect_variant(page)[0] in ("zh-hans", "en")


# Han (both scripts, one script only), Latin and other letters, digits, punctuation
_TEXT = ["国", "國", "党", "黨", "的", "一", "\u3400", "\ufa00", "a", "Z", "é", "ß", "1", " ", "\n"]
# markup, none of whose characters count
_MARKUP = ["<b>", "[[", "]]", "{{", "}}", "-{zh-hans:党;zh-hant:黨}-", "http://x.org/國 "]
_HAN_RANGES = (("\u3400", "\u4dbf"), ("\u4e00", "\u9fff"), ("\uf900", "\ufaff"))
_ONLY_SIMPLIFIED = frozenset(cedict.simplified) - frozenset(cedict.traditional)
_ONLY_TRADITIONAL = frozenset(cedict.traditional) - frozenset(cedict.simplified)


@given(st.lists(st.sampled_from(_TEXT + _MARKUP), max_size=60))
def test_the_counts_in_the_reason_are_the_characters_of_the_text(pieces: list[str]) -> None:
    variant, why = detect_variant("".join(pieces))
    text = "".join(piece for piece in pieces if piece not in _MARKUP)
    han = sum(any(low <= char <= high for low, high in _HAN_RANGES) for char in text)
    latin = sum(char.isascii() and char.isalpha() for char in text)
    if han < 0.1 * latin:
        assert variant == "en"
        assert why == f"its text is English ({han} Chinese characters, {latin} Latin letters)"
    elif han:
        simplified = sum(char in _ONLY_SIMPLIFIED for char in text)
        traditional = sum(char in _ONLY_TRADITIONAL for char in text)
        counts = f"{traditional} Traditional-only and {simplified} Simplified-only characters"
        assert why.endswith(f"({counts})")
        assert variant == ("zh-hant" if traditional > simplified else "zh-hans")


def test_the_characters_only_one_script_has_are_all_han() -> None:
    # the counts of Simplified-only and Traditional-only characters are taken
    # among the page's Han characters alone, which holds only if zhon's are Han
    only_one = _ONLY_SIMPLIFIED | _ONLY_TRADITIONAL
    assert all(any(low <= char <= high for low, high in _HAN_RANGES) for char in only_one)


# the markup pattern before tags took the tags after them: one match a tag
_ONE_TAG_A_MATCH = re.compile(
    r"-\{(?:(?!-\{|\}-).)*\}-|<[^<>]*>|https?://\S+|\{\{|\}\}|\[\[|\]\]", re.DOTALL
)
_TAG_PIECES = ["<td>", "</p>", "<a href=x>", "<", ">", "<b", " ", "\n", "\u3000", "\t", "-{", "}-"]


def _counted(plain: str) -> tuple[str, str]:
    """What detect_variant counts in a text without its markup: its Han text, its Latin letters."""
    han = "".join(re.findall("[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]", plain))
    return han, "".join(char for char in plain if char.isascii() and char.isalpha())


@given(st.lists(st.sampled_from(_TEXT + _MARKUP + _TAG_PIECES), max_size=80))
def test_a_run_of_tags_leaves_what_one_tag_a_match_leaves(pieces: list[str]) -> None:
    text = "".join(pieces)
    assert _counted(language._MARKUP.sub(" ", text)) == _counted(_ONE_TAG_A_MATCH.sub(" ", text))


def test_tags_across_white_space_are_one_match() -> None:
    text = "<tr>\n  <td><p>国</p></td>\u3000<td>a</td> <b"
    assert [match.group() for match in language._MARKUP.finditer(text)] == [
        "<tr>\n  <td><p>",
        "</p></td>\u3000<td>",
        "</td>",
    ]


@pytest.mark.parametrize(
    "page", ["<a>" + " " * 30_000 + "x", ("<a> <b " * 20_000), "<a>" + " <" * 30_000]
)
def test_runs_of_tags_are_read_in_bounded_time(page: str) -> None:
    # a tag's run of following tags stops at the first white space not before a tag: linear
    assert detect_variant(page)[0] in ("zh-hans", "en")
