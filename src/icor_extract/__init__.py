"""icor_extract: clean, typed records from broken Wikipedia membership tables.

>>> import icor_extract
>>> extraction = icor_extract.read("page.md")          # doctest: +SKIP
>>> extraction.to_dataframe()                           # doctest: +SKIP

The pipeline is read -> grid -> repair -> records -> adapters; every moved or
inferred value carries a :class:`Provenance`.
"""

from __future__ import annotations

import logging
from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("icor_extract")
except PackageNotFoundError:  # pragma: no cover - running from a source tree
    __version__ = "0+unknown"

from icor_extract.api import VARIANTS, parse, read
from icor_extract.errors import (
    DecodingError,
    EmptyInputError,
    IcorExtractError,
    InputError,
    InternalError,
    MissingDependencyError,
    NoMemberTableError,
    NoTableError,
    OptionError,
    UnsupportedFormatError,
)
from icor_extract.model import (
    Extraction,
    Member,
    Note,
    Provenance,
    RejectedRow,
    RowKind,
    RowOutcome,
)
from icor_extract.readers import FORMATS

logging.getLogger("icor_extract").addHandler(logging.NullHandler())

__all__ = [
    "FORMATS",
    "VARIANTS",
    "DecodingError",
    "EmptyInputError",
    "Extraction",
    "IcorExtractError",
    "InputError",
    "InternalError",
    "Member",
    "MissingDependencyError",
    "NoMemberTableError",
    "NoTableError",
    "Note",
    "OptionError",
    "Provenance",
    "RejectedRow",
    "RowKind",
    "RowOutcome",
    "UnsupportedFormatError",
    "__version__",
    "parse",
    "read",
]
