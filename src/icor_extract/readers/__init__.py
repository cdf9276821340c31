"""Readers: one module per source format, all producing :class:`RawTable` lists.

Readers say what the source holds and decide nothing that needs reference data.
Internal: the public API is what :mod:`icor_extract` exports; this may change.
"""

from __future__ import annotations

from icor_extract.errors import UnsupportedFormatError
from icor_extract.model import Variant
from icor_extract.readers.detect import FORMATS, detect_format
from icor_extract.readers.html import read_html_document
from icor_extract.readers.markdown import read_markdown
from icor_extract.readers.raw import RawTable
from icor_extract.readers.wikitext import read_wikitext

__all__ = ["FORMATS", "detect_format", "read_tables"]


def read_tables(text: str, format: str, *, variant: Variant = "zh-hans") -> list[RawTable]:
    """Every table of ``text`` read with the named format's reader."""
    if format == "markdown":
        return read_markdown(text)
    if format == "html":
        return read_html_document(text)
    if format == "wikitext":
        return read_wikitext(text, variant=variant)
    raise UnsupportedFormatError(
        f"unknown format {format!r}; choose one of auto, {', '.join(FORMATS)}", format=format
    )
