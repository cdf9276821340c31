"""Bytes to text: byte-order marks are obeyed, invalid bytes are reported, not replaced.

A document with a UTF-8 or UTF-16/32 byte-order mark is read in that
encoding.  Otherwise the caller's encoding, or UTF-8, is tried strictly; the
first invalid byte raises :class:`DecodingError` with its offset, unless the
caller asked for ``errors="replace"``.
"""

from __future__ import annotations

import codecs

from icor_extract.errors import DecodingError

__all__ = ["decode"]

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def decode(
    data: bytes,
    *,
    encoding: str | None = None,
    errors: str = "strict",
    source: str | None = None,
) -> str:
    """Decode ``data``; see the module docstring for the order of choices."""
    chosen = encoding
    if chosen is None:
        chosen = next((name for bom, name in _BOMS if data.startswith(bom)), "utf-8")
    try:
        codecs.lookup(chosen)
    except LookupError:
        raise DecodingError(
            f"unknown encoding {chosen!r}", encoding=chosen, offset=0, source=source
        ) from None
    try:
        return data.decode(chosen, errors=errors)
    except UnicodeDecodeError as error:
        raise DecodingError(
            f"invalid {error.encoding} byte {data[error.start : error.start + 1]!r} "
            f"at offset {error.start} ({error.reason}); name the encoding, "
            "or ask for errors='replace'",
            encoding=chosen,
            offset=error.start,
            source=source,
        ) from None
