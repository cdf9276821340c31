"""markdown-it-py as the markdown readers use it: the same tokens, with cheaper link normalising.

markdown-it normalises every link and image destination: ``mdurl.parse``,
punycode of the host, ``mdurl.format`` and ``mdurl.encode`` (percent-encoding
character by character), half of the inline parsing of a pandoc page, where
almost every destination is ``../Page/X.md`` or ``https://zh.wikipedia.org/wiki/X``.
For a destination without a scheme or a leading ``//``, and for an ``http(s)``
one with a plain ASCII host, parsing and formatting give the destination back
unchanged and punycode leaves the host alone, so the normalised link is its
encoding; without ``%`` (an escape ``mdurl`` keeps) or a lone surrogate, that
encoding is ``urllib.parse.quote`` with mdurl's safe characters.  Everything
else goes the library's way; ``tests/test_speed_paths.py`` compares both.
"""

from __future__ import annotations

import re
from urllib.parse import quote

import mdurl
from markdown_it import MarkdownIt
from markdown_it.common.normalize_url import normalizeLink

__all__ = ["Parser", "normalize_link"]

#: a destination mdurl reads as a path alone (no scheme, no host), or an http(s) URL
#: whose host is ASCII labels of 1-63 characters ending where the path, query or fragment starts
_PLAIN = re.compile(
    r"(?!(?i:[a-z0-9.+-]+):)(?!//)|https?://(?P<host>[a-z0-9-]{1,63}(?:\.[a-z0-9-]{1,63})*)(?=[/?#]|$)"
)
_SURROGATE = re.compile("[\ud800-\udfff]")
_HOST_MAX = 255  # mdurl drops a longer host


def _encode(url: str) -> str:
    """``mdurl.encode(url)``, by one call of ``quote`` where that is the same."""
    if "%" in url or _SURROGATE.search(url) is not None:
        return mdurl.encode(url)
    return quote(url, safe=mdurl.ENCODE_DEFAULT_CHARS)


def normalize_link(url: str) -> str:
    """markdown-it's ``normalizeLink(url)``, skipping the URL parse where it changes nothing."""
    stripped = url.strip()
    plain = _PLAIN.match(stripped)
    if plain is None or len(plain.group("host") or "") > _HOST_MAX:
        return normalizeLink(url)
    return _encode(stripped)


class Parser(MarkdownIt):
    """A CommonMark parser whose link normalising takes :func:`normalize_link`'s short cut."""

    def normalizeLink(self, url: str) -> str:
        return normalize_link(url)
