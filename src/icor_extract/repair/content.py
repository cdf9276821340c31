"""What a cell holds, judged by its content alone: a year, a continent, a country, text.

Realignment puts shifted cells back by these kinds, so they must be strict: a
cell is a year only when the whole cell is a year or a date (``2010年``,
``2010年10月6日``, ``2010-10-06``, ``October 2010``), never because an
organization's name contains one (``保加利亚共产党 (1990年)``).
"""

from __future__ import annotations

import re
from enum import StrEnum

from icor_extract.geo.continents import is_continent_name
from icor_extract.geo.countries import Status, country_index
from icor_extract.readers.raw import RawCell
from icor_extract.repair.short_cache import cached_when_short

__all__ = ["Content", "classify", "classify_text", "parse_year"]


class Content(StrEnum):
    EMPTY = "empty"
    YEAR = "year"
    CONTINENT = "continent"
    COUNTRY = "country"
    TEXT = "text"


_MONTHS = (
    "jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    "|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?"
)
_YEAR_CELL = re.compile(
    r"^(?:(?:约|約|c\.|ca\.|circa)\s*)?"
    r"(?:"
    r"(?P<cjk>\d{4})\s*年?(?:\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*[日号號])?)?"
    r"|(?P<iso>\d{4})-\d{1,2}(?:-\d{1,2})?"
    rf"|(?:\d{{1,2}}\s+)?(?:{_MONTHS})\.?\s+(?:\d{{1,2}},?\s+)?(?P<en>\d{{4}})"
    r")"
    r"(?:\s*[-–—~至]\s*(?:\d{4}\s*年?|今|至今|现在|現在|present))?$",
    re.IGNORECASE,
)


@cached_when_short(4096)
def parse_year(text: str) -> int | None:
    """The year of a cell that holds only a year or a date, else ``None``."""
    match = _YEAR_CELL.match(text.strip())
    if match is None:
        return None
    digits = match.group("cjk") or match.group("iso") or match.group("en")
    return int(digits)


# Read per cell: module constants, since reading a member off an Enum class goes
# through EnumType's __getattr__ hook in CPython 3.11 (about 0.1 µs a read).
_EMPTY, _COUNTRY = Content.EMPTY, Content.COUNTRY


def classify(cell: RawCell | None) -> Content:
    """The kind of value a cell holds: a flag makes it a country, no text and no flag empty."""
    if cell is None:
        return _EMPTY
    if cell.flags:
        return _COUNTRY
    text = cell.text
    return classify_text(text) if text else _EMPTY


#: a cell that starts with a year and annotates it (2010年（创始成员）, 2014年起) is placed
#: like a year; parse_year still reads no year from it, and says so in its provenance
_ANNOTATED_YEAR = re.compile(r"^(?:约|約|c\.)?\s*(?:1[6-9]|20)\d{2}\s*年")


@cached_when_short(65536)
def classify_text(text: str) -> Content:
    """The kind of a non-empty text in a cell without flags (what :func:`classify`
    says of that cell).  Pages repeat the same few values (years, continents):
    remember their kinds."""
    if parse_year(text) is not None or _ANNOTATED_YEAR.match(text):
        return Content.YEAR
    if is_continent_name(text):
        return Content.CONTINENT
    if len(text) <= 40 and country_index().resolve(text).status is not Status.UNKNOWN:
        return Content.COUNTRY
    return Content.TEXT
