"""The options :func:`~icor_extract.parse` and :func:`~icor_extract.read` accept, checked first.

Apart from the stages so that a wrong option is refused with its name
before any work, and so that the command line offers the same names
(``VARIANTS``) the library accepts.
"""

from __future__ import annotations

from typing import get_args

from icor_extract.errors import OptionError, UnsupportedFormatError
from icor_extract.model import Errors, Variant
from icor_extract.readers.detect import FORMATS

__all__ = ["ERRORS", "VARIANTS", "check_options"]

#: language variants a page may be read in (names of countries follow it), besides ``auto``
VARIANTS: tuple[Variant, ...] = tuple(name for name in get_args(Variant) if name != "auto")


#: what ``errors=`` may ask for when decoding bytes
ERRORS: tuple[Errors, ...] = get_args(Errors)


def check_options(
    format: str, variant: str, errors: str, encoding: str | None, source: str | None
) -> None:
    """Raise the error naming the first option that is not one of its accepted values."""
    if encoding is not None and not isinstance(encoding, str):
        raise OptionError(
            f"encoding must be the name of an encoding, not {encoding!r}",
            option="encoding",
            source=source,
        )
    if format != "auto" and format not in FORMATS:
        raise UnsupportedFormatError(
            f"unknown format {format!r}; choose one of auto, {', '.join(FORMATS)}",
            format=format,
            source=source,
        )
    if variant != "auto" and variant not in VARIANTS:
        raise OptionError(
            f"unknown variant {variant!r}; choose one of auto, {', '.join(VARIANTS)}",
            option="variant",
            source=source,
        )
    if errors not in ERRORS:
        raise OptionError(
            f"unknown errors={errors!r}; choose one of {', '.join(ERRORS)}",
            option="errors",
            source=source,
        )
