"""Bytes to text: a byte-order mark or a declared charset wins, invalid bytes are reported.

The order of choices:

1. the caller's ``encoding``;
2. a byte-order mark (UTF-8, UTF-16, UTF-32);
3. a charset the document declares in its first 2 KiB (``<meta charset>``,
   ``http-equiv`` content type, or an XML declaration);
4. UTF-8, strictly;
5. if UTF-8 fails: GB18030, then Big5, each strictly, taken only when the
   text it gives is mostly CJK ideographs and punctuation, the way a Chinese
   page is (GB18030 maps almost any byte sequence, so decoding without error
   is not enough).

When none of these fits, :class:`DecodingError` gives the offset of the first
byte that is not UTF-8, unless the caller asked for ``errors="replace"``.
Text given as ``str`` is checked the same way: a lone surrogate is not text
(:func:`to_text` is the decode step for both).
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

from icor_extract.errors import DecodingError, InputError
from icor_extract.readers.cell_text import has_controls, remove_controls

__all__ = ["Decoded", "decode", "normalize_document", "to_text"]

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_DECLARED = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?(?P<meta>[A-Za-z0-9_.:-]+)"""
    rb"""|<\?xml[^>]+encoding\s*=\s*["'](?P<xml>[A-Za-z0-9_.:-]+)""",
    re.IGNORECASE,
)
_FALLBACKS = ("gb18030", "big5")
_CJK = re.compile(r"[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef]")
#: share of non-ASCII characters that must be CJK for a fallback to be believed
_CJK_SHARE = 0.9


@dataclass(frozen=True, slots=True)
class Decoded:
    text: str
    encoding: str
    how: str  # "caller", "bom", "declared", "default" or "detected"


def _text_codec(name: str) -> str | None:
    """The canonical name of a text encoding (not base64, rot13, hex ...), or None."""
    try:
        info = codecs.lookup(name)
    except LookupError:
        return None
    return info.name if getattr(info, "_is_text_encoding", True) else None


def _declared(data: bytes) -> str | None:
    """A charset the document declares; as in the WHATWG encoding sniffing, a UTF-16
    declaration in a document without a byte-order mark means UTF-8."""
    match = _DECLARED.search(data[:2048])
    if match is None:
        return None
    name = _text_codec((match.group("meta") or match.group("xml")).decode("ascii").lower())
    if name is not None and name.startswith("utf-16"):
        return "utf-8"
    return name


def _looks_chinese(text: str) -> bool:
    wide = [char for char in text if ord(char) > 127]
    if not wide:
        return False
    return sum(1 for char in wide if _CJK.match(char)) >= _CJK_SHARE * len(wide)


def _decode(data: bytes, encoding: str, errors: str, source: str | None) -> str:
    try:
        return data.decode(encoding, errors=errors)
    except UnicodeDecodeError as error:
        raise DecodingError(
            f"invalid {encoding} byte {data[error.start : error.start + 1]!r} at offset "
            f"{error.start} ({error.reason}); name the encoding, or ask for errors='replace'",
            encoding=encoding,
            offset=error.start,
            source=source,
        ) from None


def decode(
    data: bytes,
    *,
    encoding: str | None = None,
    errors: str = "strict",
    source: str | None = None,
) -> Decoded:
    """Decode ``data``; see the module docstring for the order of choices."""
    if encoding is not None:
        if _text_codec(encoding) is None:
            raise DecodingError(
                f"unknown text encoding {encoding!r}", encoding=encoding, offset=0, source=source
            )
        return Decoded(_decode(data, encoding, errors, source), encoding, "caller")
    for bom, name in _BOMS:
        if data.startswith(bom):
            return Decoded(_decode(data, name, errors, source), name, "bom")
    declared = _declared(data)
    if declared is not None:
        return Decoded(_decode(data, declared, errors, source), declared, "declared")
    try:
        return Decoded(data.decode("utf-8"), "utf-8", "default")
    except UnicodeDecodeError as error:
        return _not_utf8(data, error, errors, source)


def _not_utf8(data: bytes, error: UnicodeDecodeError, errors: str, source: str | None) -> Decoded:
    """Bytes that are not UTF-8: Chinese in GB18030 or Big5, or replaced, or an error."""
    for name in _FALLBACKS:
        try:
            text = data.decode(name)
        except UnicodeDecodeError:
            continue
        if _looks_chinese(text):
            return Decoded(text, name, "detected")
    if errors != "strict":
        return Decoded(data.decode("utf-8", errors=errors), "utf-8", "default")
    raise DecodingError(
        f"invalid utf-8 byte {data[error.start : error.start + 1]!r} at offset "
        f"{error.start} ({error.reason}), and neither GB18030 nor Big5 "
        "gives Chinese text; name the encoding, or ask for errors='replace'",
        encoding="utf-8",
        offset=error.start,
        source=source,
    ) from None


_SURROGATE = re.compile("[\ud800-\udfff]")


def _without_lone_surrogates(text: str, errors: str, source: str | None) -> str:
    """Text that is not valid Unicode (a lone surrogate) is bad input, as invalid bytes are."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as error:
        if errors == "replace":
            return _SURROGATE.sub("\ufffd", text)
        raise DecodingError(
            f"the text holds a lone surrogate at offset {error.start}; "
            "ask for errors='replace' to replace it",
            encoding="utf-8",
            offset=error.start,
            source=source,
        ) from None
    return text


def to_text(
    data: object,
    *,
    encoding: str | None = None,
    errors: str = "strict",
    source: str | None = None,
) -> tuple[str, str | None]:
    """Valid text from ``str`` or ``bytes``, and the encoding used (``None`` for ``str``).

    Bytes are decoded as :func:`decode` says; a lone surrogate in either is
    reported, or replaced with ``errors="replace"``.
    """
    used: str | None = None
    if isinstance(data, bytes | bytearray):
        decoded = decode(bytes(data), encoding=encoding, errors=errors, source=source)
        data, used = decoded.text, decoded.encoding
    if not isinstance(data, str):
        raise InputError(f"expected str or bytes, got {type(data).__name__}", source=source)
    return _without_lone_surrogates(data, errors, source), used


#: every Latin-1 character but the controls :func:`.cell_text.remove_controls` takes out; they are
#: all Latin-1, so a text whose Latin-1 characters are all in here holds none
_NOT_CONTROL = bytes(code for code in range(256) if not has_controls(chr(code)))


def normalize_document(text: str) -> tuple[str, int]:
    """Text every reader can trust, and how many control characters were removed.

    ``\\r\\n`` and a lone ``\\r`` become ``\\n`` (a page saved with old Mac line
    ends is read line by line like any other), and control characters are
    removed: they are never part of a value, and they would reach a terminal.
    """
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.encode("latin-1", "ignore").translate(None, _NOT_CONTROL):
        return text, 0  # no control character: two C passes, a third of the regex's scan
    return remove_controls(text)
