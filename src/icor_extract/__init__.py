"""icor_extract: clean, typed records from broken Wikipedia membership tables.

>>> import icor_extract
>>> extraction = icor_extract.read("page.md")          # doctest: +SKIP
>>> extraction.to_dataframe()                           # doctest: +SKIP

The pipeline is read -> grid -> repair -> records -> adapters; every moved or
inferred value carries a :class:`Provenance`.  The names below are the public
API; the stage packages (``readers``, ``grid``, ``repair``, ``geo``,
``records``, ``adapters``) are internal and may change between releases.
"""

import logging as _logging
from importlib.metadata import PackageNotFoundError as _PackageNotFoundError
from importlib.metadata import version as _version

try:
    __version__ = _version("icor_extract")
except _PackageNotFoundError:  # pragma: no cover - running from a source tree
    __version__ = "0+unknown"

from icor_extract.api import FORMATS, VARIANTS, example, parse, read
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
    TooLargeError,
    UnsupportedFormatError,
)
from icor_extract.model import (
    Errors,
    Extraction,
    Format,
    Layout,
    Location,
    Member,
    Note,
    NoteCode,
    Provenance,
    RejectedRow,
    RowKind,
    RowOutcome,
    Rule,
    Status,
    Variant,
)
from icor_extract.versions import Changes, Event, EventKind, MatchRule, compare

_logging.getLogger("icor_extract").addHandler(_logging.NullHandler())

__all__ = [
    "FORMATS",
    "VARIANTS",
    "Changes",
    "DecodingError",
    "EmptyInputError",
    "Errors",
    "Event",
    "EventKind",
    "Extraction",
    "Format",
    "IcorExtractError",
    "InputError",
    "InternalError",
    "Layout",
    "Location",
    "MatchRule",
    "Member",
    "MissingDependencyError",
    "NoMemberTableError",
    "NoTableError",
    "Note",
    "NoteCode",
    "OptionError",
    "Provenance",
    "RejectedRow",
    "RowKind",
    "RowOutcome",
    "Rule",
    "Status",
    "TooLargeError",
    "UnsupportedFormatError",
    "Variant",
    "__version__",
    "compare",
    "example",
    "parse",
    "read",
]


def __dir__() -> list[str]:
    """The public names only: the stage modules are internal."""
    return sorted(__all__)
