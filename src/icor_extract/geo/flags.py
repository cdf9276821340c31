"""Countries named by flag markup: templates (``{{flag|印度}}``, ``{{IND}}``) and images.

A flag template names a country by a name (zh-wiki's ``{{flag|印度}}``,
en-wiki's ``{{flagicon|India}}``) or by a three-letter code (``{{IND}}``),
and a rendered flag image by its Commons file name (``Flag_of_India.svg``).
Names resolve through :mod:`icor_extract.geo.countries`; codes through ISO
3166-1 alpha-3, then the IOC codes flag templates also accept.
"""

from __future__ import annotations

from icor_extract.geo.countries import Resolution, Status, country_index

__all__ = ["resolve_flag"]


def resolve_flag(kind: str, value: str) -> Resolution:
    """The country a flag names (``kind``: template, code or image), or why none."""
    index = country_index()
    if kind == "code":
        return index.resolve_code(value)
    name = value.strip()
    resolution = index.resolve(name)
    if resolution.status is Status.UNKNOWN and len(name) == 3 and name.isupper():
        return index.resolve_code(name)  # {{flagicon|IND}}
    return resolution
