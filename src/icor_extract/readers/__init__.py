"""Readers: one module per source format, producing :class:`RawTable` and :class:`RawList` lists.

Readers say what the source holds and decide nothing that needs reference data.
Internal: the public API is what :mod:`icor_extract` exports; this may change.
"""

from __future__ import annotations

from collections.abc import Callable

from icor_extract.errors import UnsupportedFormatError
from icor_extract.model import Variant
from icor_extract.readers.detect import FORMATS, detect_format
from icor_extract.readers.html import read_html_document
from icor_extract.readers.htmllists import read_html_lists
from icor_extract.readers.markdown import read_markdown
from icor_extract.readers.mdlists import lists_never_under as markdown_lists_never_under
from icor_extract.readers.mdlists import read_markdown_lists
from icor_extract.readers.raw import RawList, RawTable
from icor_extract.readers.wikilists import read_wiki_lists
from icor_extract.readers.wikipage import read_wiki_page
from icor_extract.readers.wikitext import read_wikitext

__all__ = [
    "FORMATS",
    "detect_format",
    "lists_never_under",
    "read_lists",
    "read_tables",
    "read_wiki_page",
]


def _check(format: str) -> None:
    if format not in FORMATS:
        raise UnsupportedFormatError(
            f"unknown format {format!r}; choose one of auto, {', '.join(FORMATS)}", format=format
        )


def read_tables(text: str, format: str, *, variant: Variant = "zh-hans") -> list[RawTable]:
    """Every table of ``text`` read with the named format's reader.

    ``text``'s line breaks are ``\n``, as :func:`icor_extract.parse` hands a page on
    (:func:`.decode.normalize_document`; ``Path.read_text`` gives them too): markdown-it
    also breaks lines at a lone ``\r``, so a markdown page's line numbers would differ.
    """
    _check(format)
    if format == "markdown":
        return read_markdown(text)
    if format == "html":
        return read_html_document(text)
    return read_wikitext(text, variant=variant)


def read_lists(text: str, format: str, *, variant: Variant = "zh-hans") -> list[RawList]:
    """Every list of ``text`` (outside tables) read with the named format's reader."""
    _check(format)
    if format == "markdown":
        return read_markdown_lists(text)
    if format == "html":
        return read_html_lists(text)
    return read_wiki_lists(text, variant=variant)


def lists_never_under(text: str, format: str, wanted: Callable[[tuple[str, ...]], bool]) -> bool:
    """True only if a cheap reading proves that no list of ``text`` has a path ``wanted`` accepts.

    Only markdown pages are read this way (:func:`.mdlists.lists_never_under`).
    """
    return format == "markdown" and markdown_lists_never_under(text, wanted)
