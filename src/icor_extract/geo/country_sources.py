"""Where country names come from: CLDR (babel), ISO 3166 (pycountry) and sourced files.

Read once, when the index (:mod:`icor_extract.geo.countries`) is built:

* CLDR territory names through babel (``Locale.territories``) for ``zh``
  (Simplified), ``zh_Hant``, ``zh_Hant_HK`` and ``en``;
* ISO 3166-1 names, official names and common names through pycountry, with
  the Debian ``iso-codes`` translations pycountry ships for ``zh_CN``,
  ``zh_TW`` and ``zh_HK``;
* ISO 3166-3 (formerly used names) through pycountry, so that a state that no
  longer exists is recognised and left without a code instead of being
  mistaken for one of its successors (``捷克斯洛伐克`` is not ``捷克``), with
  the common names ISO 3166-3 lacks (``Soviet Union``, ``苏联``) from the
  sourced file ``data/former_states.tsv``.

Derived forms make ambiguity visible instead of hiding it: a qualifier in
brackets or after a dash is dropped (``刚果（布）`` and ``刚果（金）`` both give
``刚果``, which then names two countries), and an English name's head before
a comma is kept (``Korea, Republic of`` gives ``Korea``) beside the name in
running order (``Republic of Korea``).  The few English names in common use
that both sources dropped (``Turkey``) and the names zh-Wikipedia uses that
neither has (``多米尼加``, ``波黑``, ``马其顿``) come from the sourced file
``data/other_names.tsv``; such a name that is the start of the names of two
countries decides nothing.  No country name is typed into the code.
``countrynames`` (OpenSanctions) was evaluated as a further source and not
taken (see docs/limitations.md).  Every name is kept folded (:func:`fold`).
"""

from __future__ import annotations

import gettext
import re
from collections.abc import Iterable

import pycountry
from babel import Locale

from icor_extract.geo.tsv import data_rows

__all__ = [
    "ARTICLE",
    "ISO_LOCALES",
    "cldr_names",
    "fold",
    "former_names",
    "iso_names",
    "other_names",
    "strip_qualifier",
    "translations",
]

_CLDR_LOCALES = ("zh", "zh_Hant", "zh_Hant_HK", "en")
ISO_LOCALES = ("zh_CN", "zh_TW", "zh_HK")

_DASH_QUALIFIER = re.compile(r"\s-\s")
ARTICLE = re.compile(r"^the\s+", re.IGNORECASE)
# Government-form endings of ISO 3166-3 Chinese names, so that
# 捷克斯洛伐克社会主义共和国 is also found as 捷克斯洛伐克.
_FORM_ENDINGS = (
    "社会主义联邦共和国",
    "社會主義聯邦共和國",
    "社会主义共和国联盟",
    "社會主義共和國聯邦",
    "社会主义共和国",
    "社會主義共和國",
    "民主人民共和国",
    "民主人民共和國",
    "民主共和国",
    "民主共和國",
    "联邦共和国",
    "聯邦共和國",
    "共和国",
    "共和國",
)


def strip_qualifier(name: str) -> str:
    """``name`` without a trailing ``(…)`` or `` - …`` qualifier, found in linear time."""
    starts = []
    dash = _DASH_QUALIFIER.search(name)
    if dash is not None:
        starts.append(dash.start())
    stripped = name.rstrip()
    if stripped.endswith((")", "）")):
        inner = stripped[:-1]
        after = max(inner.rfind(")"), inner.rfind("）")) + 1  # no closing bracket inside
        opens = [at for at in (inner.find("(", after), inner.find("（", after)) if at != -1]
        if opens:
            starts.append(min(opens))
    return name[: min(starts)].strip() if starts else name.strip()


def fold(name: str) -> str:
    """``name`` as the index keeps it: case-folded, its spaces collapsed to one."""
    return " ".join(name.casefold().split())


def translations(domain: str, locale: str) -> gettext.NullTranslations:
    try:
        return gettext.translation(domain, pycountry.LOCALES_DIR, languages=[locale])
    except OSError:  # a pycountry build without that translation
        return gettext.NullTranslations()


def cldr_names(
    iso_codes: set[str], current: dict[str, set[str]]
) -> tuple[dict[str, dict[str, str]], set[str]]:
    """Add CLDR territory names to ``current``; return display names and non-countries."""
    display: dict[str, dict[str, str]] = {}
    non_countries: set[str] = set()
    for locale_name in _CLDR_LOCALES:
        territories = Locale.parse(locale_name).territories
        display[locale_name] = {c: name for c, name in territories.items() if c in iso_codes}
        for code, name in territories.items():
            if not (len(code) == 2 and code.isalpha()):
                continue  # numeric UN M49 regions are continents, not countries
            if code in iso_codes:
                _add(current, name, code)
            else:
                non_countries.add(fold(name))  # EU, UN, XK (Kosovo): not ISO 3166-1
    return display, non_countries


def iso_names(current: dict[str, set[str]]) -> None:
    """Add ISO 3166-1 names (and their zh translations) to ``current``."""
    for country in pycountry.countries:
        english: list[str] = [
            name
            for attribute in ("name", "official_name", "common_name")
            if (name := getattr(country, attribute, None))
        ]
        names = list(english)
        for locale_name in ISO_LOCALES:
            catalog = translations("iso3166-1", locale_name)
            names += [catalog.gettext(name) for name in english]
        for name in names:
            _add(current, name, country.alpha_2)
            if ", " in name:  # "Korea, Republic of": also "Korea" and "Republic of Korea"
                head, tail = name.split(", ", 1)
                _add(current, head, country.alpha_2)
                _add(current, ARTICLE.sub("", f"{tail} {head}"), country.alpha_2)


def former_names(current_aliases: set[str]) -> dict[str, str]:
    """ISO 3166-3 names that are no current country's name: folded name -> English name."""
    former = {fold(name): english for name, _, english in data_rows("former_states.tsv")}
    for historic in pycountry.historic_countries:
        english = historic.name.split(",", 1)[0]
        names = {historic.name, english}
        for locale_name in ISO_LOCALES:
            translated = translations("iso3166-3", locale_name).gettext(historic.name)
            names.add(translated)
            names.update(_short_forms(translated))
        for name in names:
            key = fold(name)
            if len(key) < 2 or key in current_aliases:
                continue
            if any(key in alias for alias in current_aliases if len(alias) > len(key)):
                continue  # 德意志 is part of today's 德意志联邦共和国
            former.setdefault(key, english)
    return former


def other_names(current: dict[str, set[str]]) -> None:
    """Add ``data/other_names.tsv``; a name that starts two countries' names decides nothing.

    ``多米尼加`` starts only ``多米尼加共和国`` (DO) and is kept; a name that
    also started, say, ``多米尼克`` would get both codes and so be ambiguous.
    """
    for name, code, _ in data_rows("other_names.tsv"):
        key = fold(name)
        started = {c for other, codes in current.items() if other.startswith(key) for c in codes}
        if started - {code}:  # with ``code``, the start of two countries' names
            current[key].update(started)
        _add(current, name, code)


def _add(index: dict[str, set[str]], name: str, code: str) -> None:
    for form in {name, strip_qualifier(name)}:
        key = fold(form)
        if len(key) >= 2:
            index[key].add(code)


def _short_forms(name: str) -> Iterable[str]:
    for ending in _FORM_ENDINGS:
        if name.endswith(ending) and len(name) - len(ending) >= 2:
            yield name[: -len(ending)]
            return
