"""Countries named by flag markup: templates (``{{flag|印度}}``, ``{{IND}}``) and images.

zh- and en-Wikipedia resolve ``{{flag|X}}``, ``{{flagicon|X}}``, ``{{X}}``
and three-letter templates through their "Country data" templates, which
accept names and aliases (:mod:`icor_extract.geo.countries`), ISO 3166-1
alpha-3, IOC and FIFA codes and template aliases
(:mod:`icor_extract.geo.codes`), and variants with a suffix
(``{{ROK-KOR}}``, ``{{ROC-TW}}``).  A rendered flag image names a country by
its Commons file name (``Flag_of_India.svg``).  :func:`resolve_flag` is the
one place that answers "which country does this flag name".
"""

from __future__ import annotations

import re
from functools import cache

import pycountry

from icor_extract.geo.codes import code_table
from icor_extract.geo.countries import Resolution, Status, country_index

__all__ = ["is_country_template", "resolve_flag"]

_CODE = re.compile(r"^[A-Z]{2,5}$")
_SUFFIXED = re.compile(r"^(?P<base>[^\s-][^-]*)-(?P<suffix>[^-]+)$")
_YEAR = re.compile(r"^\d{3,4}$")
#: what a flag can name: a template or image naming anything else is no flag
_NAMING = (Status.COUNTRY, Status.FORMER, Status.NO_ISO_CODE)
_UNKNOWN = Status.UNKNOWN  # read once: a lookup through the enum's metaclass in CPython 3.11


@cache
def _codes() -> dict[str, Resolution]:
    return code_table()


@cache
def _subdivision_codes() -> frozenset[str]:
    return frozenset(place.code for place in pycountry.subdivisions)


def _code(value: str) -> Resolution:
    """A code as flag templates accept it (``IND``, ``BUL``, ``EQG``, ``UK``, ``TRNC``)."""
    upper = value.strip().upper()
    found = _codes().get(upper) if _CODE.match(upper) else None
    return found if found is not None else Resolution(Status.UNKNOWN, (), value)


def _name_or_code(value: str, *, code_first: bool) -> Resolution:
    """A whole template name or argument: a name, else a code written in capitals.

    A bare three-letter template (``code_first``) is a code first: ``{{USA}}``.
    """
    by_name = country_index().resolve(value)
    if code_first or (by_name.status is _UNKNOWN and value.isupper()):
        by_code = _code(value)
        if by_code.status is not _UNKNOWN:
            return by_code
    return by_name


def _part(value: str) -> Resolution:
    """One part of a suffixed template name; two-letter ISO codes count here (``TW``)."""
    found = _name_or_code(value, code_first=value.isupper())
    if found.status is Status.UNKNOWN and len(value) == 2 and value.isupper():
        country = pycountry.countries.get(alpha_2=value)
        if country is not None:
            return Resolution(Status.COUNTRY, (country.alpha_2,), value)
    return found


def _suffixed(value: str) -> Resolution:
    """``{{ROK-KOR}}``, ``{{ROC-TW}}``: the parts that name something must name one country.

    An ISO 3166-2 code (``GB-SCT``) is a part of a country, and no country.
    A year suffix (``-1912``) is a variant of the same flag.  A part that
    names nothing is allowed only if another part names the country.
    """
    match = _SUFFIXED.match(value.strip())
    if match is None:
        return Resolution(Status.UNKNOWN, (), value)
    if value.strip().upper() in _subdivision_codes():
        return Resolution(Status.NOT_A_COUNTRY, (), value)
    parts = [match.group("base").strip(), match.group("suffix").strip()]
    found = [_part(part) for part in parts if not _YEAR.match(part)]
    named = [r for r in found if r.status is not Status.UNKNOWN]
    identities = {(r.status, r.identity or r.name) for r in named}
    if len(identities) == 1 and all(r.status in _NAMING for r in named):
        return named[0]
    if len(identities) > 1:
        codes = sorted({r.identity or r.name for r in named})
        return Resolution(Status.AMBIGUOUS, tuple(codes), value)
    return named[0] if named else Resolution(Status.UNKNOWN, (), value)


def resolve_flag(kind: str, value: str) -> Resolution:
    """The country a flag names (``kind``: ``template``, ``code`` or ``image``), or why none.

    ``template`` is a template's name or its first argument (``印度``,
    ``IND``, ``TRNC``, ``ROK-KOR``), ``code`` a bare three-letter template,
    ``image`` the name in a Commons flag file.
    """
    name = value.strip()
    if kind == "image":
        return country_index().resolve(name)
    found = _name_or_code(name, code_first=kind == "code")
    if found.status is _UNKNOWN and "-" in name:
        return _suffixed(name)
    return found


def is_country_template(name: str) -> bool:
    """Whether a template without arguments (``{{印度}}``, ``{{TRNC}}``) is a country's flag.

    A name that may be either of two countries (``{{IND-PAK}}``, ``{{刚果}}``) is
    a flag too, so that the country stays empty as ambiguous, with the reason.
    """
    return resolve_flag("template", name).status in (*_NAMING, Status.AMBIGUOUS)
