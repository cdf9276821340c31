"""Countries named by flag markup: templates (``{{flag|印度}}``, ``{{IND}}``) and images.

A flag template names a country by a name (zh-wiki's ``{{flag|印度}}``,
en-wiki's ``{{flagicon|India}}``) or by a three-letter code (``{{IND}}``),
and a rendered flag image by its Commons file name (``Flag_of_India.svg``).
Names resolve through :mod:`icor_extract.geo.countries`; codes through ISO
3166-1 alpha-3.
"""

from __future__ import annotations

import re

from icor_extract.geo.countries import Resolution, Status, country_index

__all__ = ["resolve_flag", "resolve_flag_code"]

_ARTICLE = re.compile(r"^the\s+", re.IGNORECASE)


def resolve_flag_code(code: str) -> Resolution:
    """A three-letter flag code: ISO 3166-1 alpha-3."""
    index = country_index()
    alpha2 = index.resolve_alpha3(code)
    if alpha2 is not None:
        return Resolution(Status.COUNTRY, (alpha2,), code)
    return Resolution(Status.UNKNOWN, (), code)


def resolve_flag(kind: str, value: str) -> Resolution:
    """The country a flag names (``kind``: template, code or image), or why none."""
    if kind == "code":
        return resolve_flag_code(value)
    name = _ARTICLE.sub("", value.strip())
    resolution = country_index().resolve(name)
    if resolution.status is Status.UNKNOWN and len(name) == 3 and name.isupper():
        return resolve_flag_code(name)
    return resolution
