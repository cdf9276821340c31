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
else goes the library's way; ``tests/test_markdown_speed.py`` compares both.

:class:`Blocks` parses a page's blocks and leaves each inline run unparsed
until a reader asks for it: the list reader needs the items, the headings and
only a few paragraphs, and inline parsing (links above all) is most of
markdown-it's time on a page of prose.
"""

from __future__ import annotations

import re
from urllib.parse import quote

import mdurl
from markdown_it import MarkdownIt
from markdown_it.common.normalize_url import normalizeLink
from markdown_it.rules_core import inline, text_join
from markdown_it.rules_core.state_core import StateCore
from markdown_it.token import Token
from markdown_it.utils import EnvType

__all__ = ["Blocks", "Parser", "normalize_link"]

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


#: the CommonMark core rules after ``block``, which parse and join every inline run
INLINE_RULES = ("inline", "text_join")
_BLOCK_PARSER = Parser("commonmark").disable(list(INLINE_RULES))
_TABLE_BLOCK_PARSER = Parser("commonmark").enable("table").disable(list(INLINE_RULES))


class Blocks:
    """A page's block tokens, each inline run parsed when it is first asked for.

    The inline parse of a run is the core rules' own, with the page's
    environment (its link reference definitions), and does not depend on the
    other runs, so the runs asked for get the children a full parse gives them.
    """

    def __init__(self, text: str, *, tables: bool = False) -> None:
        """``tables``: read GFM pipe tables, as ``Parser("commonmark").enable("table")`` does."""
        self.parser = _TABLE_BLOCK_PARSER if tables else _BLOCK_PARSER
        self.env: EnvType = {}
        self.tokens = self.parser.parse(text, self.env)

    def children(self, token: Token) -> list[Token]:
        """The inline tokens of the run ``token``, parsed now."""
        state = StateCore(token.content, self.parser, self.env, [token])
        token.children = None
        inline(state)
        text_join(state)
        return token.children or []
