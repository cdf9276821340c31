"""Cell wikitext read by regular expressions, without building a parse tree.

Most cells of a member table are a link, a flag template, plain text, or a
few such tokens side by side; building mwparserfromhell's tree for them
costs many times what one match does.  This reads the common, simple
constructs (links, templates, ``<br>``, entities, and the ``<ref>``s
described below) and says ``False`` (or ``None``) for anything else, which
:mod:`.wikimarkup` then gives to mwparserfromhell.  What it accepts, it reads
as that walk does (the rules are shared, :mod:`.wikirules`);
tests/test_wikitext.py and tests/test_wiki_speed_paths.py compare the two.
"""

from __future__ import annotations

import html
import re
from typing import Any

from icor_extract.readers.cell_text import is_normal, source_text
from icor_extract.readers.raw import new_hint, new_link
from icor_extract.readers.wikirules import (
    FLAG_TEMPLATES,
    CellContent,
    CellRead,
    apply_template,
    normalized,
    ref_name,
    shows_text,
    wikilink_title,
)

__all__ = ["NORMAL_SOLE", "read_fast", "read_general", "read_simple", "read_sole"]

# The common, simple constructs, read without building a parse tree: links, templates,
# <br>, entities, and the <ref>s described below.  Anything else in a cell (nested
# templates, external links, other tags and <ref>s, bold and italics, namespaced links)
# sends the cell to mwparserfromhell; tests/test_wikitext.py and
# tests/test_wiki_speed_paths.py check both paths agree.  A <ref> of templates such as
# {{cite web|…}} is read fast only where mwparserfromhell reads the same tag and
# templates: a lone name attribute on the tag's line, and template names without
# control characters or quotes.  A link's label and a template's arguments are read
# fast when they hold no entity, bold or italics (the fast path would keep their markup
# as text), and a template only without a numbered argument (:func:`_fast_template`).
# Another <ref> is read fast when its attributes are space-separated pairs whose
# values hold no markup, quote or line break (there mwparserfromhell reads the tag
# MediaWiki reads; both paths read its name with ref_name), and its text no markup,
# line break or bold and italics.  Its runs are possessive, so that a long unclosed
# one is scanned once.
_REF_ATTRIBUTES = (
    r"""(?:[ ]++[A-Za-z][\w-]*+[ ]*+=[ ]*+"""
    r"""(?:"[^"'<>\n{}\[\]&]*+"|'[^"'<>\n{}\[\]&]*+'|[^\s"'<>/={}\[\]&]++))*+[ ]*+"""
)
_FAST_TOKEN = re.compile(
    r"""(?P<link>\[\[(?P<target>[^\[\]{}<>|:\n]+)(?:\|(?P<label>(?:[^\[\]{}<>|\n&']++|'(?!'))*+))?\]\])
      | (?P<tpl>\{\{(?P<template>\s*+[^{}\[\]<>|\s][^{}\[\]<>|\n]*+\s*+)
          (?P<args>(?:\|(?:[^{}\[\]<>|\n&']++|'(?!'))*+)*+)\}\})
      | (?P<br><br\s*/?>)
      | (?P<selfref><ref(?P<refattrs>{attributes})/>)
      | (?P<textref><ref(?P<textattrs>{attributes})>(?P<reftext>(?:[^<>{}\[\]&'\n]|'(?!'))*+)</ref>)
      | (?P<citeref><ref
        (?P<citeattrs>[ ]+name[ ]*=[ ]*(?:"[^"<>\n]*"|'[^'<>\n]*'|[^\s"'<>/=]+))?[ ]*>
        (?P<cites>(?:\s*+\{\{
          \s*+[^{}\[\]<>|'\s\x00-\x1f\x7f][^{}\[\]<>|'\x00-\x1f\x7f]*+\s*+  # a name
          (?:\|[^{}\[\]<>|]*+)*+\}\})++\s*+)</ref>)
      | (?P<entity>&(?:[A-Za-z]+|\#[0-9]+|\#x[0-9A-Fa-f]+);)""".replace(
        "{attributes}", _REF_ATTRIBUTES
    ),
    re.VERBOSE | re.DOTALL,
)
_FAST_FORBIDDEN = re.compile(r"[\[\]{}<>&]|''")
# The plain text up to the next token, then the token where one starts, else a
# forbidden character, else the end: the first ``bad`` match is the first forbidden
# character outside every token, so one scan both finds the tokens and tells whether
# the text between them is plain.  Every token starts with a forbidden character,
# so the text before it is skipped in one run, not tried character by character.
# Every alternative after the text is a group that closes last, so ``lastgroup``
# names the kind, and the kind's match runs from the text's end to the match's end.
_FAST_SCAN = re.compile(
    r"(?P<plain>(?:[^\[\]{}<>&']++|'(?!'))*+)"
    rf"(?:{_FAST_TOKEN.pattern}|(?P<bad>{_FAST_FORBIDDEN.pattern})|(?P<end>\Z))",
    _FAST_TOKEN.flags,
)
# A cell with a footnote of templates went to the full parser before that footnote was
# read fast, and the fast path reads some markup differently (list and heading markup at a
# line's start; some numeric references, ``&#150;`` or ``&#0;``, which html.unescape maps
# as HTML5 does and mwparserfromhell does not); so such a cell is read fast only when,
# outside its footnotes, it holds no markup character at all.
_MARKUP_BESIDE_FOOTNOTES = re.compile(r"[\[\]{}<>&'\n\r*#:;=-]")
_CITE_NAME = re.compile(r"\{\{([^{}\[\]<>|]+)")
# an argument numbered explicitly (``|1=甲``; mwparserfromhell strips its name as str.strip
# does, so the spaces are any); only ASCII digits number a positional argument
_NUMBERED_ARGUMENT = re.compile(r"\|\s*+[0-9]++\s*+=")


def _without_comments(wikitext: str) -> str | None:
    """The text with its ``<!--…-->`` comments taken out, in one pass.

    ``None`` when a comment is left open: the full parser decides what it hides.
    """
    parts: list[str] = []
    position = 0
    while (start := wikitext.find("<!--", position)) != -1:
        end = wikitext.find("-->", start + 4)
        if end == -1:
            return None
        parts.append(wikitext[position:start])
        position = end + 3
    parts.append(wikitext[position:])
    return "".join(parts)


def _fast_template(match: re.Match[str], out: CellContent) -> bool:
    """Apply a template token; ``False`` if it numbers an argument (the full parser reads it).

    An explicitly numbered argument (``{{flag|a|1=甲}}``) is a positional one that
    MediaWiki lets override those before it; this reads only unnumbered ones.
    """
    args_text = match.group("args")
    if "=" in args_text and _NUMBERED_ARGUMENT.search(args_text):
        return False
    name = match.group("template").strip().replace("_", " ")
    args = args_text.split("|")[1:]
    positional = [arg for arg in args if "=" not in arg]
    first = positional[0] if positional else None
    second = positional[1] if len(positional) > 1 else None
    applied = apply_template(
        name, first=first, has_params=bool(args), evidence=match.group("tpl"), out=out
    )
    if not applied:
        wrapped = second if name.lower() == "lang" else first
        out.parts.append(wrapped or "")
    return True


def _fast_token(match: re.Match[str], out: CellContent) -> bool:
    """One token of simple markup: a link, a template, a line break, a footnote, an entity.

    ``False`` for a template with a numbered argument, and for a footnote of
    templates one of which may show text: the full parser reads them.  Other
    templates in a footnote (``{{cite web|…}}``) add no text to the note, so
    the note is the ``<ref>``'s name or ``ref``.
    """
    kind = match.lastgroup  # each kind of token is a group around the whole token
    if kind == "link":
        target, label = match.group("target", "label")
        target = target.strip()
        shown = target if label is None else label
        out.parts.append(shown)
        if text := normalized(shown):
            out.links.append(new_link(wikilink_title(target), text))
    elif kind == "tpl":
        return _fast_template(match, out)
    elif kind == "br":
        out.parts.append("\n")
    elif kind == "textref":
        note = normalized(match.group("reftext"))
        out.footnotes.append(note or ref_name(match.group("textattrs")))
    elif kind == "citeref":
        if any(shows_text(name) for name in _CITE_NAME.findall(match.group("cites"))):
            return False
        out.footnotes.append(ref_name(match.group("citeattrs") or ""))
    elif kind == "selfref":
        out.footnotes.append(ref_name(match.group("refattrs")))
    else:
        out.parts.append(html.unescape(match.group("entity")))
    return True


def read_fast(wikitext: str, out: CellContent) -> bool:
    """Read a cell of simple markup into ``out``; ``False`` if it needs the full parser."""
    if "<!--" in wikitext:
        uncommented = _without_comments(wikitext)
        if uncommented is None:
            return False
        wikitext = uncommented
    position = 0
    footnotes: list[tuple[int, int]] = []  # where the footnotes of templates are
    for match in _FAST_SCAN.finditer(wikitext):
        kind = match.lastgroup  # a token's kind, bad or end
        if kind == "bad":
            return False
        start, end = match.end("plain"), match.end()
        if start > position:
            out.parts.append(source_text(wikitext[position:start], paragraphs=True))
        if kind == "end":
            break
        if kind == "citeref":
            footnotes.append((start, end))
        position = end
        if not _fast_token(match, out):
            return False
    return not footnotes or not _MARKUP_BESIDE_FOOTNOTES.search(_outside(wikitext, footnotes))


def _outside(text: str, spans: list[tuple[int, int]]) -> str:
    """``text`` without ``spans``."""
    pieces, position = [], 0
    for start, end in spans:
        pieces.append(text[position:start])
        position = end
    pieces.append(text[position:])
    return "".join(pieces)


# A cell that is one link, or one flag template of one argument, between spaces: most
# cells of a member table.  It is read straight from this match, as :func:`read_fast` reads
# that one token; what this leaves out (entities, quotes, named arguments, line breaks)
# goes to :func:`read_fast`, as does a shown text that is not normal (it may hold controls).
_SOLE = re.compile(
    r" *+(?:\[\[(?P<target>[^\[\]{}<>|:\n&']++)(?:\|(?P<label>[^\[\]{}<>|\n&']*+))?\]\]"
    r"|(?P<flag>\{\{(?P<name>[^{}\[\]<>|\n&']++)\|(?P<first>[^{}\[\]<>|\n&'=]*+)\}\})) *+"
).fullmatch


def _sole(match: re.Match[str]) -> CellRead | None:
    """The cell :data:`_SOLE` matched, read; ``None`` if :func:`read_fast` must read it."""
    if match.lastgroup == "flag":  # the group around the whole template closes last
        name, first, evidence = match.group("name", "first", "flag")
        if name.strip().replace("_", " ").lower() not in FLAG_TEMPLATES:
            return None
        hint = new_hint("template", normalized(first), evidence)
        return "", (), (), (hint,), ()
    target, label = match.group("target", "label")
    target = target.strip()
    text = (target if label is None else label).strip(" ")
    if not is_normal(text):
        return None
    title = wikilink_title(target, normal=target == text)  # [[甲]] or [[甲|甲]]: one test
    return text, (new_link(title, text),) if text else (), (), (), ()


# What :data:`_SOLE` matches, or a cell of no markup at all, whose shown text is normal
# already (:func:`~.raw.is_normal`, once stripped of its outer spaces): runs of characters
# that are neither white space, controls, zero-width spaces nor markup, one space between
# two runs.  Its text is then the group as matched, with no test of its own: most cells
# (a year, a flag, a link, a plain name) are read with this one match.  A cell it does
# not take (a tab, two spaces, a quote, a control) is read as before.
_NO_SPACE = r"\s\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f\u200b\ufeff\[\]{}<>|&'"


def _normal(more: str) -> str:
    """Runs of characters neither :data:`_NO_SPACE` nor ``more``, one space between two runs."""
    run = f"[^{_NO_SPACE}{more}]++"
    return f"{run}(?: {run})*+"


#: the body of :data:`_NORMAL_SOLE`, for a pattern that reads more before it (a table cell's
#: attributes, :mod:`.wikitext`); :func:`read_sole` reads a match of either.  A label and a
#: flag's argument are matched without their outer spaces, as both readings strip them
NORMAL_SOLE = (
    rf" *+(?:\[\[ *+(?P<target>{_normal(':')}) *+(?:\| *+(?P<label>(?:{_normal('')})?+) *+)?\]\]"
    rf"|(?P<flag>\{{\{{(?P<name>[^{{}}\[\]<>|\n&']++)\| *+(?P<first>(?:{_normal('=')})?+) *+\}}\}})"
    rf"|(?P<plain>{_normal('')})?+) *+"
)
_NORMAL_SOLE = re.compile(NORMAL_SOLE).fullmatch


def read_simple(wikitext: str) -> CellRead | None:
    """A cell of one link, one flag template or no markup at all, read; else ``None``.

    A cell :data:`_NORMAL_SOLE` takes is read from that match, as :func:`_sole` or
    the plain-text path of :func:`read_general` reads it.
    """
    if (match := _NORMAL_SOLE(wikitext)) is None:
        return read_general(wikitext)
    return read_sole(match.groups())


def read_sole(groups: tuple[str | Any, ...]) -> CellRead | None:
    """The cell a pattern ending in :data:`NORMAL_SOLE` matched, read; else ``None``.

    ``groups``: the match's ``groups()`` (one call, where a name per group costs a
    call each), whose last six are NORMAL_SOLE's in any pattern that ends in it.
    ``None`` for a template that shows no flag: :func:`read_fast` reads it.
    """
    target, label, flag, name, first, plain = groups[-6:]
    if flag is not None:  # a template of one argument: a flag's, else read_fast reads it
        # most names are a flag template's name as written (FLAG_TEMPLATES holds them
        # stripped, lowercased, spaced): one lookup then
        if name not in FLAG_TEMPLATES and (
            name.strip().replace("_", " ").lower() not in FLAG_TEMPLATES
        ):
            return None
        return "", (), (), (new_hint("template", first, flag),), ()
    if target is None:  # plain text, or none
        return plain or "", (), (), (), ()
    text = target if label is None else label
    return text, (new_link(wikilink_title(target, normal=True), text),) if text else (), (), (), ()


def read_general(wikitext: str) -> CellRead | None:
    """:func:`read_simple` for a cell whose text may not be normal (tests compare the two)."""
    if (sole := _SOLE(wikitext)) is not None and (read := _sole(sole)) is not None:
        return read
    if _FAST_FORBIDDEN.search(wikitext) is None:
        # No markup at all (every token starts with one of the forbidden characters),
        # so no footnote marks either: the text is the cell's, normalized.
        return normalized(source_text(wikitext, paragraphs=True)), (), (), (), ()
    return None
