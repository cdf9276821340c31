"""Which reader a document needs, for ``format="auto"``.

* ``wikitext``: MediaWiki table markup (``{|`` at the start of a line);
* ``html``: an HTML document (doctype, ``<html>`` or ``<body>``), as a
  browser or the REST API serves a rendered page;
* ``markdown``: anything else holding ``<table>`` blocks, such as pandoc's
  markdown with tables kept as HTML.

A page with no table at all (members written as a list) is wikitext when
wiki markup (``[[links]]``, ``{{templates}}``, ``== headings ==``) outnumbers
markdown markup (``[links](…)``, ``## headings``), else markdown.
"""

from __future__ import annotations

import re
from typing import get_args

from icor_extract.model import Format

__all__ = ["FORMATS", "detect_format"]

#: the readers, by name: every :data:`~icor_extract.model.Format` but ``auto``
FORMATS: tuple[Format, ...] = tuple(name for name in get_args(Format) if name != "auto")

_WIKI_TABLE = re.compile(r"^[ \t]*\{\|", re.MULTILINE)
_HTML_DOCUMENT = re.compile(
    r"^\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b", re.IGNORECASE | re.DOTALL
)
_HTML_TABLE = re.compile(r"<table\b", re.IGNORECASE)
_WIKI_MARKUP = re.compile(r"\[\[|\{\{|^=+[^=\n]+=+[ \t]*$", re.MULTILINE)
_MARKDOWN_MARKUP = re.compile(r"\]\(|^#{1,6}[ \t]", re.MULTILINE)


def detect_format(text: str) -> Format:
    """The name of the reader for ``text`` (one of :data:`FORMATS`)."""
    head = text[:4096]
    if _HTML_DOCUMENT.match(head):
        return "html"
    # A page without "{" has no wiki table: "in" is one quick scan, where the multiline
    # search tries the pattern at every position of the page.
    wiki = _WIKI_TABLE.search(text) if "{" in text else None
    html_table = _HTML_TABLE.search(text)
    if wiki and (html_table is None or wiki.start() < html_table.start()):
        return "wikitext"
    if wiki is None and html_table is None:
        wiki_marks = len(_WIKI_MARKUP.findall(text))
        if wiki_marks > len(_MARKDOWN_MARKUP.findall(text)):
            return "wikitext"
    return "markdown"
