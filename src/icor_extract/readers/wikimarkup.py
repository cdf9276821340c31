"""Cell content in wikitext: text, links, footnotes and flag hints, via mwparserfromhell.

What each construct becomes:

* ``[[title|text]]`` is its text, and a link to ``title``; ``[[File:Flag_of_X.svg]]``
  is a flag hint; category and other namespace links are dropped;
* ``<ref>…</ref>``, ``<ref name=… />`` and ``{{efn|…}}``-style notes are footnotes;
* ``<br>`` is a line break; bold, italics and inline tags keep their text;
  a free URL (``http://x.org`` in running text) is its text, as MediaWiki shows it;
* flag templates (``{{flag|印度}}``, ``{{flagicon|IND}}``, ``{{flagcountry|…}}``,
  ``{{IND}}``) are flag hints, and add no text; a template without parameters
  (``{{印度}}``, ``{{dubious}}``) is a ``bare`` hint, which the repair stage
  takes as a flag if its name is a country's and reports as dropped if not;
* ``{{lang|xx|text}}``, ``{{lang-xx|text}}``, ``{{nowrap|text}}`` and
  ``{{link-xx|名|Name}}`` are reduced to their text;
* any other template is dropped from the value and its name reported, so
  markup never leaks into a value.

Readers only say what the source holds: deciding what a name means (a
country, a continent) is the repair stage's job.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field

import mwparserfromhell
from mwparserfromhell.nodes import (
    Comment,
    ExternalLink,
    Heading,
    HTMLEntity,
    Tag,
    Template,
    Text,
    Wikilink,
)
from mwparserfromhell.wikicode import Wikicode

from icor_extract.readers.raw import (
    CONTROLS_DROPPED,
    FILE_NAMESPACES,
    HIDDEN_NAMESPACES,
    TOO_COMPLEX_DROPPED,
    FlagHint,
    Link,
    flag_file,
    has_controls,
    is_normal,
    namespace_of,
    normalize_text,
    source_text,
    split_footnotes,
)

__all__ = ["CellContent", "CellRead", "read_cell_content", "wikilink_title"]

#: templates that show a flag (and maybe the name) of the country in their first argument
FLAG_TEMPLATES = frozenset(
    {"flag", "flagicon", "flagcountry", "flagu", "flagdeco", "flag icon", "flagathlete",
     "flagcountry2", "旗帜", "旗幟", "國旗", "国旗"}
)  # fmt: skip
#: templates whose first argument is the text they show
_TEXT_TEMPLATES = frozenset({"nowrap", "nobr", "small", "big", "nobold", "noitalic", "abbr"})
#: templates that hold a footnote
_NOTE_TEMPLATES = frozenset(
    {"efn", "refn", "notetag", "sfn", "note", "efn-ua", "efn-lr", "r", "rp", "ref label"}
)
_LINK_TEMPLATE = re.compile(r"^(?:link|ill|interlanguage link)(?:-[a-z]{2,3})?$")
_LANG_TEMPLATE = re.compile(r"^lang-[a-z]{2,3}(?:-[a-z]+)?$")
_THREE_LETTERS = re.compile(r"^[A-Z]{3}$")


def _normalized(text: str) -> str:
    """:func:`normalize_text`, skipping its passes when only outer spaces would change.

    Most cell text is normal but for the spaces around it (`` 2010年 ``), and
    normalizing collapses and strips those: stripping them is all it does.
    """
    stripped = text.strip(" ")
    return stripped if is_normal(stripped) else normalize_text(text)


@dataclass(slots=True)
class CellContent:
    """What one cell's wikitext holds, collected while walking its nodes."""

    parts: list[str] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)
    footnotes: list[str] = field(default_factory=list)
    flags: list[FlagHint] = field(default_factory=list)
    dropped: list[str] = field(default_factory=list)

    @property
    def text(self) -> str:
        return _normalized("".join(self.parts))


#: what :func:`read_cell_content` gives: (text, links, footnotes, flags, dropped), the
#: values a reader keeps (a tuple: a cell read is built once and only unpacked)
CellRead = tuple[str, tuple[Link, ...], tuple[str, ...], tuple[FlagHint, ...], tuple[str, ...]]


def wikilink_title(title: str) -> str:
    """A link target as an article title: ``_`` as space, no leading colon or fragment."""
    if "#" not in title and "_" not in title and title[:1] != ":" and is_normal(title):
        return title  # nothing below would change it (the most common title)
    title = title.split("#", 1)[0].replace("_", " ").strip().lstrip(":").strip()
    return " ".join(title.split())


def _template_name(template: Template) -> str:
    return str(template.name).strip().replace("_", " ")


def _positional(template: Template, position: int) -> Wikicode | None:
    key = str(position)
    if template.has(key):
        value: Wikicode = template.get(key).value
        return value
    return None


def _plain(code: Wikicode | None) -> str:
    if code is None:
        return ""
    inner = CellContent()
    _walk(code, inner)
    return inner.text


def _apply_template(
    name: str,
    *,
    first: str | None,
    has_params: bool,
    evidence: str,
    out: CellContent,
) -> bool:
    """Apply a template whose first two positional arguments are plain text.

    Returns ``False`` for a text-wrapping template, which the caller renders
    itself (the slow path walks its argument to keep links inside it).
    """
    lowered = name.lower()
    if lowered in FLAG_TEMPLATES and first is not None:
        out.flags.append(FlagHint(kind="template", value=_normalized(first), evidence=evidence))
    elif _THREE_LETTERS.match(name) and not has_params:
        out.flags.append(FlagHint(kind="code", value=name, evidence=evidence))
    elif lowered in _TEXT_TEMPLATES or _LANG_TEMPLATE.match(lowered) or lowered == "lang":
        return False
    elif _LINK_TEMPLATE.match(lowered) and first is not None:
        title = _normalized(first)
        out.parts.append(title)
        if title:
            out.links.append(Link(title=wikilink_title(title), text=title))
    elif lowered in _NOTE_TEMPLATES:
        out.footnotes.append(_normalized(first or "") or f"{{{{{name}}}}}")
    elif not has_params:  # {{印度}} is a flag; repair decides, with the country names
        out.flags.append(FlagHint(kind="bare", value=name, evidence=evidence))
    else:
        out.dropped.append(name)
    return True


def _template(template: Template, out: CellContent) -> None:
    name = _template_name(template)
    first = _positional(template, 1)
    applied = _apply_template(
        name,
        first=_plain(first) if first is not None else None,
        has_params=bool(template.params),
        evidence=str(template),
        out=out,
    )
    if not applied:
        wrapped = _positional(template, 2) if name.lower() == "lang" else first
        if wrapped is not None:
            _walk(wrapped, out)


def _wikilink(link: Wikilink, out: CellContent) -> None:
    target = str(link.title).strip()
    namespace = namespace_of(target)
    if namespace in FILE_NAMESPACES:
        found = flag_file(target.split(":", 1)[1].strip())
        if found is not None:
            out.flags.append(FlagHint(kind="image", value=found[0], evidence=str(link)))
        return
    if namespace in HIDDEN_NAMESPACES:
        return
    start = len(out.parts)
    if link.text is not None:
        _walk(link.text, out)
    else:
        out.parts.append(target.lstrip(":"))
    shown = _normalized("".join(out.parts[start:]))
    if shown:
        out.links.append(Link(title=wikilink_title(target), text=shown))


def _tag(tag: Tag, out: CellContent) -> None:
    name = str(tag.tag).strip().lower()
    if name == "ref":
        note = _plain(tag.contents) if tag.contents is not None else ""
        out.footnotes.append(note or _ref_name("".join(str(a) for a in tag.attributes)))
    elif name == "br":
        out.parts.append("\n")
    elif name in ("table", "math", "gallery", "nowiki_hidden"):
        out.parts.append("\n")
        out.dropped.append(f"<{name}>")
    elif tag.contents is not None and not tag.self_closing:
        _walk(tag.contents, out)


def _external_link(link: ExternalLink, out: CellContent) -> None:
    """A link's title; a free URL (no brackets) is shown as written, as MediaWiki does."""
    if link.title is not None:
        _walk(link.title, out)
    elif not link.brackets:
        _walk(link.url, out)


def _walk(code: Wikicode, out: CellContent) -> None:
    for node in code.nodes:
        if isinstance(node, Text):
            out.parts.append(source_text(str(node.value), paragraphs=True))
        elif isinstance(node, Wikilink):
            _wikilink(node, out)
        elif isinstance(node, Template):
            _template(node, out)
        elif isinstance(node, Tag):
            _tag(node, out)
        elif isinstance(node, HTMLEntity):
            out.parts.append(node.normalize())
        elif isinstance(node, ExternalLink):
            _external_link(node, out)
        elif isinstance(node, Comment | Heading):
            continue
        else:  # arguments ({{{1}}}) and anything new: keep no markup in values
            out.dropped.append(type(node).__name__)


#: more markup openers than this in one cell (``<``, ``{{``, ``[``) are not given to
#: mwparserfromhell, whose tokenizer is quadratic on long runs of unclosed tags,
#: comments and external links (4,000 unclosed tags take 1.3 s)
MAX_MARKUP_OPENERS = 200
_OPENER = re.compile(r"<|\{\{|\[")
_CRUDE_LINK = re.compile(r"\[\[(?:[^\[\]|]*\|)?([^\[\]]*)\]\]")
_CRUDE_MARKUP = re.compile(r"<[^<>]*>|\{\{[^{}]*\}\}|\{\{|\}\}|\[\[|\]\]|'{2,}")


def _crude(wikitext: str, out: CellContent) -> None:
    """Text of markup too complex to parse in bounded time: tags and templates dropped."""
    text = _CRUDE_LINK.sub(r"\1", wikitext)
    out.parts.append(_CRUDE_MARKUP.sub("", text))
    out.dropped.append(TOO_COMPLEX_DROPPED)


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
# MediaWiki reads; both paths read its name with _ref_name), and its text no markup,
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
# An attribute as MediaWiki reads one (Sanitizer::getAttribsRegex, mediawiki master,
# includes/parser/Sanitizer.php): a name of anything but spaces, / > and = (a first = is
# allowed), then maybe = and a value in double or single quotes (an unclosed quote runs
# to the end) or up to a space or >.  Spaces are [\t\n\f\r ] only.  Its runs are possessive
# and the value optional, so each match ends where its scan ends (linear on any text):
# ``"[^"]*+"?`` is MediaWiki's ``"([^"]*)(?:"|$)``, which always matches.
_MEDIAWIKI_ATTRIBUTE = re.compile(
    r"""((?:[^\t\n\f\r />=]|=)[^\t\n\f\r />=]*+)"""
    r"""(?:[\t\n\f\r ]*+=[\t\n\f\r ]*+(?:"([^"]*+)"?|'([^']*+)'?|([^\t\n\f\r >]*+)))?"""
)
_ATTRIBUTE_SPACES = re.compile(r"[\t\r\n ]+")
_CHARACTER_REFERENCE = re.compile(r"&(?:[A-Za-z0-9]+|#[0-9]+|#[xX][0-9A-Fa-f]+);")
# mwparserfromhell reads no tag where a line break follows the tag's name; MediaWiki does
_REF_LINE_BREAK = re.compile(r"(<ref)(?=\n)", re.IGNORECASE)
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
    applied = _apply_template(
        name, first=first, has_params=bool(args), evidence=match.group("tpl"), out=out
    )
    if not applied:
        wrapped = second if name.lower() == "lang" else first
        out.parts.append(wrapped or "")
    return True


def _ref_name(attributes: str) -> str:
    """The footnote of a ``<ref>`` that shows no text: its name, else ``ref``.

    Both paths read the name from the tag's attribute text as MediaWiki's
    ``Sanitizer::decodeTagAttributes`` does, so that they agree on any text:
    names are case-insensitive and the last one counts, a name without a value
    is ``""``, runs of spaces are one, and character references are decoded.
    """
    name = ""
    for match in _MEDIAWIKI_ATTRIBUTE.finditer(attributes):
        if match.group(1).lower() == "name":  # no other character lowers to n, a, m or e
            name = match.group(2) or match.group(3) or match.group(4) or ""
    name = _ATTRIBUTE_SPACES.sub(" ", name).strip(" \0\x0b")  # PHP's trim
    if "&" in name:
        name = _CHARACTER_REFERENCE.sub(lambda entity: html.unescape(entity.group()), name)
    return name or "ref"


def _shows_text(name: str) -> bool:
    """Whether a template may add text (a text, language or interlanguage-link template)."""
    lowered = name.strip().replace("_", " ").lower()
    return bool(
        lowered in _TEXT_TEMPLATES
        or lowered == "lang"
        or _LANG_TEMPLATE.match(lowered)
        or _LINK_TEMPLATE.match(lowered)
    )


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
        if normalized := _normalized(shown):
            out.links.append(Link(title=wikilink_title(target), text=normalized))
    elif kind == "tpl":
        return _fast_template(match, out)
    elif kind == "br":
        out.parts.append("\n")
    elif kind == "textref":
        note = _normalized(match.group("reftext"))
        out.footnotes.append(note or _ref_name(match.group("textattrs")))
    elif kind == "citeref":
        if any(_shows_text(name) for name in _CITE_NAME.findall(match.group("cites"))):
            return False
        out.footnotes.append(_ref_name(match.group("citeattrs") or ""))
    elif kind == "selfref":
        out.footnotes.append(_ref_name(match.group("refattrs")))
    else:
        out.parts.append(html.unescape(match.group("entity")))
    return True


def _fast(wikitext: str, out: CellContent) -> bool:
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
# cells of a member table.  It is read straight from this match, as :func:`_fast` reads
# that one token; what this leaves out (entities, quotes, named arguments, line breaks)
# goes to :func:`_fast`, as does a shown text that is not normal (it may hold controls).
_SOLE = re.compile(
    r" *+(?:\[\[(?P<target>[^\[\]{}<>|:\n&']++)(?:\|(?P<label>[^\[\]{}<>|\n&']*+))?\]\]"
    r"|(?P<flag>\{\{(?P<name>[^{}\[\]<>|\n&']++)\|(?P<first>[^{}\[\]<>|\n&'=]*+)\}\})) *+"
).fullmatch


def _sole(match: re.Match[str]) -> CellRead | None:
    """The cell :data:`_SOLE` matched, read; ``None`` if :func:`_fast` must read it."""
    if match.lastgroup == "flag":  # the group around the whole template closes last
        name, first, evidence = match.group("name", "first", "flag")
        if name.strip().replace("_", " ").lower() not in FLAG_TEMPLATES:
            return None
        hint = FlagHint(kind="template", value=_normalized(first), evidence=evidence)
        return "", (), (), (hint,), ()
    target, label = match.group("target", "label")
    target = target.strip()
    text = (target if label is None else label).strip(" ")
    if not is_normal(text):
        return None
    return text, (Link(title=wikilink_title(target), text=text),) if text else (), (), (), ()


def read_cell_content(wikitext: str, *, fast: bool = True) -> CellRead:
    """Parse one cell's wikitext into its text, links, footnotes, flag hints and dropped markup.

    ``fast=False`` skips the fast paths (tests compare the two).
    """
    if fast:
        if (sole := _SOLE(wikitext)) is not None and (read := _sole(sole)) is not None:
            return read
        if _FAST_FORBIDDEN.search(wikitext) is None:
            # No markup at all (every token starts with one of the forbidden characters),
            # so no footnote marks either: the text is the cell's, normalized.
            return _normalized(source_text(wikitext, paragraphs=True)), (), (), (), ()
    out = CellContent()
    if not (fast and _fast(wikitext, out)):
        out = CellContent()
        if len(_OPENER.findall(wikitext)) > MAX_MARKUP_OPENERS:
            _crude(wikitext, out)
        else:
            _walk(mwparserfromhell.parse(_REF_LINE_BREAK.sub(r"\1 ", wikitext)), out)
    joined = "".join(out.parts)
    text = joined.strip(" ")
    if not is_normal(text):  # else it holds no control character either
        if has_controls(joined):
            out.dropped.append(CONTROLS_DROPPED)
        text = normalize_text(joined)
    footnotes = tuple(out.footnotes)
    if "[" in text:
        text, marks = split_footnotes(text)
        footnotes += marks
    return text, tuple(out.links), footnotes, tuple(out.flags), tuple(out.dropped)
