"""Country codes as flag templates accept them: ISO 3166-1, IOC, FIFA and template aliases.

Wikipedia's flag templates (``{{IND}}``, ``{{flagicon|GER}}``) resolve a code
through the "Country data" templates, which take, besides names:

* ISO 3166-1 alpha-3 codes (pycountry): ``IND``, ``GUF`` (French Guiana, GF);
* IOC codes (``data/ioc_codes.tsv``): ``BUL``, ``GER``, ``PUR``;
* FIFA codes (``data/fifa_codes.tsv``): ``EQG``, ``TRI``;
* other aliases (``data/flag_aliases.tsv``): ``UK``, ``TRNC``, ``CUR``.

Each source file names its source and date.  A code that two sources give to
different countries (``BRN``: Brunei in ISO 3166-1, Bahrain for the IOC)
decides nothing.  A target is an ISO 3166-1 alpha-2 code, an ISO 3166-3 code
of a former state (four letters), an ISO 3166-2 code of a part of a country
(``GB-ENG``), or ``-`` for a state without an ISO 3166-1 code, whose name is
in ``data/no_iso_states.tsv``.
"""

from __future__ import annotations

from collections import defaultdict

import pycountry

from icor_extract.geo.countries import Resolution, Status
from icor_extract.geo.tsv import data_rows

__all__ = ["CODE_FILES", "code_table"]

#: the sourced code files, in the order their rows are read
CODE_FILES = ("ioc_codes.tsv", "fifa_codes.tsv", "flag_aliases.tsv")


def _target(target: str, name: str, iso: set[str]) -> Resolution:
    """What one row's target says: a country, a former state, a part, or a state without code."""
    if target == "-":
        return Resolution(Status.NO_ISO_CODE, (), name)
    if len(target) == 2 and target in iso:
        return Resolution(Status.COUNTRY, (target,), name)
    if len(target) == 4 and target.isalpha():
        return Resolution(Status.FORMER, (), name)
    # ISO 3166-2 parts (GB-ENG) and two-letter codes outside ISO 3166-1 (EU)
    return Resolution(Status.NOT_A_COUNTRY, (), f"{name} ({target})")


def _key(resolution: Resolution) -> tuple[Status, str]:
    """What a code's meaning is, to tell two sources that agree from two that do not."""
    return (resolution.status, resolution.identity or resolution.name)


def code_table() -> dict[str, Resolution]:
    """Every code a flag template accepts, and what it names (ambiguous where sources differ)."""
    iso = {country.alpha_2 for country in pycountry.countries}
    found: dict[str, dict[tuple[Status, str], Resolution]] = defaultdict(dict)
    for country in pycountry.countries:
        resolution = Resolution(Status.COUNTRY, (country.alpha_2,), country.alpha_3)
        found[country.alpha_3][_key(resolution)] = resolution
    for file_name in CODE_FILES:
        for code, target, name, *_ in data_rows(file_name):
            resolution = _target(target, name, iso)
            found[code.upper()].setdefault(_key(resolution), resolution)
    table: dict[str, Resolution] = {}
    for code, meanings in found.items():
        if len(meanings) == 1:
            (table[code],) = meanings.values()
            continue
        named = sorted({meaning for _, meaning in meanings})
        table[code] = Resolution(Status.AMBIGUOUS, tuple(named), code)
    return table
