"""The text clean-up every reader shares: white space, controls, footnote marks, link titles.

A cell's text is normalized the same way whatever format it came from, so
what the repair stages compare does not depend on the reader; these helpers
were in :mod:`~icor_extract.readers.raw`, beside the types they fill.
"""

from __future__ import annotations

import re
from urllib.parse import unquote

__all__ = [
    "FILE_NAMESPACES",
    "HIDDEN_NAMESPACES",
    "NON_ARTICLE_NAMESPACES",
    "flag_file",
    "has_controls",
    "is_normal",
    "link_title",
    "namespace_of",
    "normalize_text",
    "remove_controls",
    "source_text",
    "split_footnotes",
]

_SPACE = re.compile(r"[\s\u200b\ufeff]+")
# Every white space but the line break (U+2000-U+200A, U+3000 ... included),
# and the zero-width spaces pages use as padding.
_LINE_SPACE = re.compile(r"(?:[^\S\n]|[\u200b\ufeff])+")
# C0 and C1 control characters other than tab, line feed and carriage return
# (white space, collapsed like any other): a value never holds them, so a page
# cannot reach a terminal's escape sequences through it.
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f]")
# Footnote marks as MediaWiki renders them ([1], [注 2], [a]) and as pandoc
# escapes them (\[1\]).  Possessive: a long run of spaces after "[" is
# scanned once, not once per way of splitting it.
_FOOTNOTE = re.compile(r"\\?\[\s*+((?:(?:注|note|n)\s*+)?+\d{1,3}|[a-z])\s*+\\?\]", re.IGNORECASE)


_SOURCE_BREAK = re.compile(r"\n(?:[ \t]*\n)+|\n(?=[*#:;])")


def source_text(text: str, *, paragraphs: bool = False) -> str:
    """Text as written in the source: its newlines are spaces, not line breaks.

    In HTML every source newline is white space.  In wikitext (``paragraphs``)
    a blank line starts a paragraph and a ``*``/``#`` line a list item, which
    are line breaks; other newlines are spaces.  Line breaks that markup makes
    (``<br>``, block elements) are added by the readers, not here.
    """
    if "\n" not in text:
        return text
    if paragraphs:
        text = _SOURCE_BREAK.sub("\x00", text)
    return text.replace("\n", " ").replace("\x00", "\n")


def has_controls(text: str) -> bool:
    """Whether ``text`` holds a control character that :func:`normalize_text` removes."""
    return _CONTROL.search(text) is not None


def remove_controls(text: str) -> tuple[str, int]:
    """``text`` without its control characters, and how many there were."""
    return _CONTROL.subn("", text)


#: whether a text is one :func:`normalize_text` returns as it is, with no control character:
#: runs of characters that are neither white space, controls nor zero-width spaces, one
#: space between two runs (most cells); one match instead of two substitutions and a search
is_normal = re.compile(
    r"(?:[^\s\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f\u200b\ufeff]++"
    r"(?: [^\s\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f\u200b\ufeff]++)*+)?+"
).fullmatch


def normalize_text(text: str) -> str:
    """Collapse runs of whitespace to one space, keeping explicit line breaks.

    Control characters (C0 and C1, but tab and line breaks) are removed.
    """
    if is_normal(text):
        return text
    text = _CONTROL.sub("", text)
    if "\n" not in text:
        return _LINE_SPACE.sub(" ", text).strip(" ")
    lines = (_LINE_SPACE.sub(" ", line).strip(" ") for line in text.split("\n"))
    return "\n".join(line for line in lines if line)


def split_footnotes(text: str) -> tuple[str, tuple[str, ...]]:
    """Take footnote marks out of ``text``; return the clean text and the marks."""
    if "[" not in text:
        return text, ()
    marks = tuple(f"[{match.group(1).strip()}]" for match in _FOOTNOTE.finditer(text))
    if not marks:
        return text, ()
    return normalize_text(_FOOTNOTE.sub("", text)), marks


#: pandoc's ``../Page/X.md``, else a ``/wiki/X`` path: one match tries them in that order
_ARTICLE_PATH = re.compile(
    r"(?:\.\./)?Page/(?P<page>.+?)\.md$|(?:(?:https?:)?//[^/]+)?/wiki/(?P<wiki>[^?#]+)"
)
_INDEX_PHP = re.compile(r"[?&]title=(?P<title>[^&#]+)")
#: namespaces of files: a link into one shows the file (a flag image, maybe)
FILE_NAMESPACES = frozenset({"file", "image", "文件", "檔案", "图像", "圖像", "媒体", "媒體"})
#: namespaces whose links a table cell does not show as text (categories, templates)
HIDDEN_NAMESPACES = frozenset({"category", "分类", "分類", "template", "模板"})
#: every namespace whose pages are not articles (zh-wiki's names and their English ones)
NON_ARTICLE_NAMESPACES = (
    FILE_NAMESPACES | HIDDEN_NAMESPACES | {"help", "special", "wikipedia", "特殊"}
)


def namespace_of(title: str) -> str | None:
    """The namespace a title names, folded (``File:X`` gives ``file``), if it is a known one."""
    if ":" not in title:
        return None
    prefix = title.split(":", 1)[0].strip().casefold()
    return prefix if prefix in NON_ARTICLE_NAMESPACES else None


# Commons flag files: Flag_of_India.svg, Flag_of_Afghanistan_(2013–2021).svg.
# The name is bounded (no country's name is longer), so a long run of
# "Flag_of_" without ".svg" costs linear time, not quadratic.
_FLAG_FILE = re.compile(r"Flag[ _]of[ _](?P<name>[^/|\]]{1,120}?)\.svg", re.IGNORECASE)


def flag_file(text: str) -> tuple[str, str] | None:
    """(country name, file name) of a Commons flag file named in ``text``, if any.

    ``text`` may be an image URL (percent-encoded) or a wiki file title; a
    bracketed qualifier stays in the name and is dropped when it is resolved.
    """
    match = _FLAG_FILE.search(text)
    if match is None:
        return None
    name = unquote(match.group("name")).replace("_", " ").strip()
    return name, unquote(match.group(0))


def link_title(href: str) -> str | None:
    """The article title an href points to, or ``None`` for non-article links.

    Understands pandoc's ``../Page/X.md``, ``https://zh.wikipedia.org/wiki/X``,
    ``/wiki/X``, Parsoid's ``./X`` and ``index.php?title=X`` (red links);
    percent-escapes are decoded and ``_`` is read as a space.
    """
    href = href.strip()
    title: str | None = None
    if (match := _ARTICLE_PATH.match(href)) is not None:
        title = match["page"] or match["wiki"]
    elif (match := _INDEX_PHP.search(href)) is not None:
        title = match["title"]
    elif href.startswith("./"):
        title = href[2:].split("#", 1)[0].split("?", 1)[0]
    if not title:
        return None
    if "%" in title:
        title = unquote(title)
    title = title.replace("_", " ").strip()
    if not title or (":" in title and namespace_of(title) is not None):
        return None
    if is_normal(title):  # no control, no run of spaces: the clean-up below keeps it as it is
        return title
    return _SPACE.sub(" ", _CONTROL.sub("", title)).strip() or None
