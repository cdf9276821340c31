"""The markdown readers' short cuts give what markdown-it's own way gives."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it.common.normalize_url import normalizeLink

from icor_extract.readers.mdit import normalize_link

from .conftest import FIXTURES

#: every destination written in the markdown fixtures, as ``](...)`` gives it
DESTINATIONS = sorted(
    {
        match.group(1)
        for path in FIXTURES.glob("*.md")
        for match in re.finditer(r"\]\(([^ )]*)", path.read_text(encoding="utf-8"))
    }
)

EDGES = [
    "",
    " ",
    "../Page/帝国主义.md",
    " ../Page/a b.md ",
    "\u3000../Page/x.md",
    "https://zh.wikipedia.org/wiki/人类",
    "HTTPS://ZH.wikipedia.org/wiki/X",
    "https://zh.wikipedia.org",
    "https://zh.wikipedia.org:8080/wiki/X",
    "https://user@zh.wikipedia.org/wiki/X",
    "https://a@b@c/d",
    "https://ünï.org/wiki/X",
    "https://xn--n3h.com/",
    "https://" + "a" * 64 + ".org/x",
    "https://" + ".".join(["a" * 63] * 5) + "/x",
    "http://[::1]/x",
    "//zh.wikipedia.org/wiki/X",
    "/wiki/X?title=Y#Z",
    "./X",
    "mailto:a@b.org",
    "javascript:alert(1)",
    "ſ:x",
    "\u212a:x",
    "a%2",
    "a%E5%B8%9D%zz%",
    "a\ud800b",
    "a\ud83d\ude00b",
    "😀/x y\t\n",
    "<>\"`{}|\\^'",
    "index.php?title=X&action=edit",
]


def _outcome(normalize: Callable[[str], str], url: str) -> str:
    """The normalised link, or the error's type (mdurl fails on a surrogate pair)."""
    try:
        return normalize(url)
    except UnicodeError as error:
        return type(error).__name__


@pytest.mark.parametrize("url", DESTINATIONS + EDGES)
def test_the_link_short_cut_normalises_as_markdown_it(url: str) -> None:
    assert _outcome(normalize_link, url) == _outcome(normalizeLink, url)


def test_the_fixtures_have_destinations_of_both_kinds() -> None:
    assert any(url.startswith("../Page/") for url in DESTINATIONS)
    assert any(url.startswith("https://") for url in DESTINATIONS)


_URL_PARTS = st.sampled_from(
    ["https://", "http://", "//", "../Page/", "/wiki/", "Page", ".md", "zh.", "wikipedia.org",
     "xn--", "ünï", "@", ":", ":80", "%", "%2F", "%E5", "?", "#", "&", "=", " ", "\t", "\u3000",
     "[", "]", "\\", "人类", "a", "Z", "0", "-", ".", "_", "~", "'", "\ud800", "😀", "mailto:"]
)  # fmt: skip


@pytest.mark.slow
@settings(max_examples=3000, deadline=None)
@given(st.lists(_URL_PARTS, max_size=8).map("".join))
def test_the_link_short_cut_normalises_random_destinations_as_markdown_it(url: str) -> None:
    assert _outcome(normalize_link, url) == _outcome(normalizeLink, url)
