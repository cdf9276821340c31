"""The index of country names and codes: a whole name resolved, names found inside text.

Built once per process from the names :mod:`icor_extract.geo.country_sources`
reads (CLDR, ISO 3166-1 and 3166-3, sourced files), with two more sources of
its own: states without an ISO 3166-1 code (Northern Cyprus, Somaliland,
Kosovo), from the sourced file ``data/no_iso_states.tsv``, which resolve to
their name and no code (flag codes are in :mod:`icor_extract.geo.codes`); and
the names of places inside a country that hold a country's name
(:meth:`CountryIndex._add_places`), so that the shorter name is not found in
them.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from functools import cache

import pycountry

from icor_extract.geo.country_sources import (
    ARTICLE,
    ISO_LOCALES,
    cldr_names,
    fold,
    former_names,
    iso_names,
    other_names,
    strip_qualifier,
    translations,
)
from icor_extract.geo.tsv import data_rows
from icor_extract.model import Variant

__all__ = [
    "CountryIndex",
    "Match",
    "Resolution",
    "Status",
    "country_index",
]

#: CLDR locale whose names a page in each variant is written in
DISPLAY_LOCALES: dict[Variant, str] = {"zh-hans": "zh", "zh-hant": "zh_Hant", "en": "en"}

_LATIN = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")
_PLACE_ENDING = re.compile(r"(?:州|省|邦|地区|地區|区|區|县|縣|郡|市)$")


class Status(StrEnum):
    """What a name or code resolved to."""

    COUNTRY = "country"
    AMBIGUOUS = "ambiguous"
    FORMER = "former"
    NOT_A_COUNTRY = "not-a-country"
    NO_ISO_CODE = "no-iso-code"
    UNKNOWN = "unknown"


# Read once: in CPython 3.11 ``Status.COUNTRY`` is a lookup through the enum's metaclass
# (about 0.13 µs), and ``identity`` is read for every country cell and name.
_COUNTRY, _NO_ISO_CODE = Status.COUNTRY, Status.NO_ISO_CODE


@dataclass(frozen=True, slots=True)
class Resolution:
    """The outcome of resolving one name: a code, or the reason there is none.

    ``name`` is the English name of a former state or of a state without an
    ISO 3166-1 code (``Northern Cyprus``), else the name as resolved.
    ``identity`` is the country named: its ISO code, or the English name of a
    state without one (``None`` for any other status).  It is worked out once,
    when the value is made: the index's values are made once per process, and
    the country stage reads it for every country cell and name (as a property
    it was a Python call each time).  It is no field of the comparison, the
    hash or the ``repr``: it follows from the three that are.
    """

    status: Status
    codes: tuple[str, ...] = ()
    name: str = ""
    identity: str | None = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        status = self.status
        identity = self.codes[0] if status is _COUNTRY else None
        object.__setattr__(self, "identity", self.name if status is _NO_ISO_CODE else identity)

    @property
    def code(self) -> str | None:
        return self.codes[0] if self.status is Status.COUNTRY else None


@dataclass(slots=True)
class Match:
    """A country name found inside a longer text (not frozen: one per name found)."""

    start: int
    end: int
    text: str
    resolution: Resolution


class CountryIndex:
    """Resolve country names and codes; find country names inside text."""

    def __init__(self) -> None:
        iso_codes = {country.alpha_2 for country in pycountry.countries}
        current: dict[str, set[str]] = defaultdict(set)
        self._display, non_countries = cldr_names(iso_codes, current)
        iso_names(current)
        other_names(current)
        former = former_names(set(current))

        self._names: dict[str, Resolution] = {}
        for key, codes in current.items():
            status = Status.COUNTRY if len(codes) == 1 else Status.AMBIGUOUS
            self._names[key] = Resolution(status, tuple(sorted(codes)), key)
        for key, english_name in former.items():
            self._names[key] = Resolution(Status.FORMER, (), english_name)
        for key in non_countries - set(self._names):
            self._names[key] = Resolution(Status.NOT_A_COUNTRY, (), key)
        self._no_iso: dict[str, dict[str, str]] = {}
        for english, hans, hant, others in data_rows("no_iso_states.tsv"):
            self._no_iso[english] = {"zh-hans": hans, "zh-hant": hant, "en": english}
            for name in (english, hans, hant, *others.split(";")):
                self._names[fold(name)] = Resolution(Status.NO_ISO_CODE, (), english)

        self._index_starts()
        self._add_places()
        self._index_starts()

    def _add_places(self) -> None:
        """Names of places inside a country that contain a country's name.

        ``新墨西哥`` holds ``墨西哥`` and ``Northern Ireland`` holds ``Ireland``:
        read as longer names, they stop the shorter match.  A place whose name
        holds its own country's name gives that country (西澳大利亚 is in
        Australia); any other gives no country.  From ISO 3166-2 through
        pycountry (English names, and the zh translations with the 州/省/邦
        ending dropped), plus ``data/places.tsv``.
        """
        added: dict[str, Resolution] = {
            fold(name): Resolution(Status.NOT_A_COUNTRY, (), f"{english} ({code})")
            for name, code, english in data_rows("places.tsv")
        }
        catalogs = [translations("iso3166-2", locale) for locale in ISO_LOCALES]
        for place in pycountry.subdivisions:
            parent = place.country_code
            forms = {place.name}
            for catalog in catalogs:
                translated = catalog.gettext(place.name)
                forms.add(translated)
                forms.add(_PLACE_ENDING.sub("", translated))
            for form in forms:
                key = fold(form)
                if len(key) < 3 or key in self._names or key in added:
                    continue
                contained = {
                    match.resolution.codes[0]
                    for match in self.find(form)
                    if match.resolution.status is Status.COUNTRY
                    and match.end - match.start < len(form)
                }
                if not contained:
                    continue
                if contained == {parent}:
                    added[key] = Resolution(Status.COUNTRY, (parent,), key)
                else:
                    added[key] = Resolution(
                        Status.NOT_A_COUNTRY, (), f"{place.name} ({place.code})"
                    )
        self._names.update(added)
        self._index_starts()

    def _index_starts(self) -> None:
        self._starts = _starts(self._names)
        self._one_letter = any(len(key) == 1 for key in self._starts)
        self._places = _places(self._starts, one_letter=self._one_letter)

    def resolve(self, name: str) -> Resolution:
        """Resolve a whole text that should be a country name.

        Each form of the name is looked up in turn: as it casefolds, folded,
        without a qualifier (``X (Pantone)``), without an article (``the X``).
        A form that cannot differ from one already missed is not built: every
        key is folded, so a casefolded text that is a key has no spaces to
        collapse; a name with no dash and no closing bracket has no qualifier;
        a name not starting with the article has none to drop.
        """
        names = self._names
        found = names.get(name.casefold())
        if found is not None:
            return found
        found = names.get(fold(name))
        if found is None and ("-" in name or name.rstrip().endswith((")", "）"))):
            found = names.get(fold(strip_qualifier(name)))
        if found is None and (article := ARTICLE.match(name)) is not None:
            found = names.get(fold(name[article.end() :]))
        return found if found is not None else Resolution(Status.UNKNOWN, (), name)

    def has_iso_code(self, identity: str) -> bool:
        """Whether a resolved country is an ISO 3166-1 code, not a state without one."""
        return identity not in self._no_iso

    def display_name(self, code: str, variant: Variant = "zh-hans") -> str:
        """The CLDR name of ``code`` in the page's language variant.

        A state without an ISO 3166-1 code is named by its English name as
        ``code``; its names come from ``data/no_iso_states.tsv``.
        """
        if code in self._no_iso:
            return self._no_iso[code].get(variant, code)
        locale_name = DISPLAY_LOCALES.get(variant, "zh")
        return self._display[locale_name].get(code) or self._display["en"].get(code, code)

    def find(self, text: str) -> list[Match]:
        """Country names inside ``text``, leftmost first, longest at each place.

        Latin-script names must stand as words (``Niger`` is not found in
        ``Nigeria``); Chinese names need no boundary.
        """
        return self.find_each((text,))[0]

    def find_each(self, texts: Sequence[str]) -> list[list[Match]]:
        """:meth:`find` for each of ``texts``, in one pass over each batch of them.

        One ``finditer`` for a table's names, not one per name, saves the
        set-up of each.  A batch holds texts of at most ``_BATCH`` characters
        together (a longer text is a batch of its own), so the folded copy and
        the offset map a length-changing fold needs (``ß``, ``İ``) follow the
        longest name, not the table, as they did text by text.
        """
        found: list[list[Match]] = []
        batch: list[str] = []
        size = 0
        for text in texts:
            if batch and size + len(text) > _BATCH:
                found += self._find_joined(batch)
                batch, size = [], 0
            batch.append(text)
            size += len(text) + 1
        if batch:
            found += self._find_joined(batch)
        return found

    def _find_joined(self, texts: list[str]) -> list[list[Match]]:
        """:meth:`find` for each of ``texts`` (at least one), read as one text.

        The texts are joined, each followed by a line break: no name holds one
        (every key is folded, its spaces collapsed), so no name is found across
        two texts, and a line break stands as a text's edge does before a Latin
        name.  Only the places ``_places`` matches are tried: the others start
        no name, and ``re`` skips them in C, where a loop over every place took
        a slice and a look-up at each.  At a place, the names starting with its
        two characters are tried longest first, in the loop (a method per place
        cost a call at each), a Latin one only as a word.  A name written alike
        in several texts (a table repeats a few countries over and over) is one
        ``str``, cut from the joined text once: the matches, and the provenance
        that cites them, share it rather than each holding its own copy.
        """
        joined = "\n".join(texts)
        folded = joined.casefold()  # as _fold_with_origin, its commonest case inlined
        origin = None if len(folded) == len(joined) else _fold_with_origin(joined)[1]
        found: list[list[Match]] = [[] for _ in texts]  # the names found in each text
        own = found[0]  # those of the text being read
        read = 0  # its position in ``texts``
        base, following = 0, len(texts[0]) + 1  # where it starts, and where the next one does
        after = 0  # the end of the last name found: names do not overlap
        starts, one_letter = self._starts, self._one_letter
        written: dict[str, str] = {}  # each name as written, once (bounded by the batch)
        names, size = self._names, len(folded)
        for place in self._places.finditer(folded):
            position = place.start()
            if position < after:
                continue
            sizes = starts.get(folded[position : position + 2])
            if one_letter and folded[position] in starts:  # a one-letter name, last
                sizes = (*(sizes or ()), *starts[folded[position]])
            if not sizes:
                continue
            for length in sizes:
                end = position + length
                if end > size or (resolution := names.get(folded[position:end])) is None:
                    continue
                if folded[position] in _LATIN and not _word_bounded(folded, position, end):
                    continue
                break
            else:
                continue
            start, stop = position, end
            if origin is not None:  # the offsets in ``joined`` the folded ones came from
                start, stop = origin[position], origin[end - 1] + 1
            while start >= following:  # the name is in a later text
                read += 1
                base = following
                following += len(texts[read]) + 1
                own = found[read]
            text = joined[start:stop]
            own.append(Match(start - base, stop - base, written.setdefault(text, text), resolution))
            after = end
        return found


#: characters of texts searched together by :meth:`CountryIndex.find_each`: a table's names
#: (the seed page's are about 900) in one batch, a very long table's in several
_BATCH = 1 << 16


def _fold_with_origin(text: str) -> tuple[str, list[int] | None]:
    """``text`` case-folded, and for each folded character the offset it came from in ``text``.

    ``casefold`` may change a text's length (``ß`` gives ``ss``, ``ﬁ`` ``fi``),
    so the evidence of a match is cut from ``text`` at the mapped offsets, never
    at the folded ones.  ``None``: the lengths agree and offsets are the same.
    """
    folded = text.casefold()
    if len(folded) == len(text):  # no character folds to nothing, so each gave one
        return folded, None
    origin: list[int] = []
    for offset, char in enumerate(text):
        origin += [offset] * len(char.casefold())
    return folded, origin


def _starts(names: dict[str, Resolution]) -> dict[str, tuple[int, ...]]:
    """For each first two characters, the lengths of the names starting with them, longest
    first (a one-letter name under its letter): two characters rule out far more of the
    lengths to try at each place of a text than one."""
    lengths: dict[str, set[int]] = defaultdict(set)
    for key in names:
        lengths[key[:2]].add(len(key))
    return {char: tuple(sorted(sizes, reverse=True)) for char, sizes in lengths.items()}


def _places(starts: dict[str, tuple[int, ...]], *, one_letter: bool) -> re.Pattern[str]:
    """Where a name may start: a first character of a name, followed by a second character
    of one (any first character where a one-letter name exists).  Each match is one
    character long, so ``finditer`` gives every such place, neighbours included."""
    firsts = "".join(sorted({key[0] for key in starts}))
    seconds = "".join(sorted({key[1] for key in starts if len(key) > 1}))
    pattern = f"[{_escaped(firsts)}]" + ("" if one_letter else f"(?=[{_escaped(seconds)}])")
    return re.compile(pattern)


def _escaped(characters: str) -> str:
    """``characters`` escaped for a character class."""
    return "".join(map(re.escape, characters))


def _word_bounded(text: str, start: int, end: int) -> bool:
    before = text[start - 1] if start else " "
    after = text[end] if end < len(text) else " "
    return not (before.isalnum() and before.isascii()) and not (after.isalnum() and after.isascii())


@cache
def country_index() -> CountryIndex:
    """The shared index, built once per process (about a tenth of a second)."""
    return CountryIndex()
