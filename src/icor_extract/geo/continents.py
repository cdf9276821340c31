"""Continent names to the seven two-letter continent codes (AF AN AS EU NA OC SA).

Names come from CLDR through babel: the names of the UN M49 regions
(``002`` Africa, ``142`` Asia, ``150`` Europe, ...) in ``zh``, ``zh_Hant``
and ``en``.  The table below maps each M49 region code to the continent that
contains it, following the UN Statistics Division's M49 standard
(https://unstats.un.org/unsd/methodology/m49/), with the Americas split at
Central America and the Caribbean as the continent codes do.  Regions that
straddle two continents (``019`` Americas, ``419`` Latin America) are left
out: a group row reading 美洲 keeps its text and gets no code.  Region names
CLDR lacks (中东, 南美, 澳洲) come from the sourced file ``data/region_names.tsv``.
"""

from __future__ import annotations

from functools import cache

from babel import Locale

from icor_extract.geo.tsv import data_rows

__all__ = ["continent_code", "is_continent_name"]

#: UN M49 region code -> continent code (UNSD M49 groupings)
M49_CONTINENT = {
    "002": "AF", "011": "AF", "014": "AF", "015": "AF", "017": "AF", "018": "AF", "202": "AF",
    "142": "AS", "030": "AS", "034": "AS", "035": "AS", "143": "AS", "145": "AS",
    "150": "EU", "039": "EU", "151": "EU", "154": "EU", "155": "EU",
    "003": "NA", "013": "NA", "021": "NA", "029": "NA",
    "005": "SA",
    "009": "OC", "053": "OC", "054": "OC", "057": "OC", "061": "OC",
    "AQ": "AN",
}  # fmt: skip

#: M49 regions that straddle two continents: recognised as group names, given no code
M49_STRADDLING = ("019", "419")

_LOCALES = ("zh", "zh_Hant", "zh_Hant_HK", "en")


def _region_rows() -> list[tuple[str, str]]:
    return [
        (row[0], row[1].strip() if len(row) > 1 else "") for row in data_rows("region_names.tsv")
    ]


@cache
def _names() -> dict[str, str]:
    names: dict[str, str] = {_fold(name): code for name, code in _region_rows()}
    for locale_name in _LOCALES:
        territories = Locale.parse(locale_name).territories
        regions = {**dict.fromkeys(M49_STRADDLING, ""), **M49_CONTINENT}
        for region, continent in regions.items():
            name = territories.get(region)
            if name:
                names[_fold(name)] = continent
    return names


def _fold(text: str) -> str:
    return "".join(text.casefold().split())


def continent_code(name: str) -> str | None:
    """The continent code of a continent or M49 region name, if it has one."""
    return _names().get(_fold(name)) or None


def is_continent_name(name: str) -> bool:
    return _fold(name) in _names()
