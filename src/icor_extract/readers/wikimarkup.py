"""Cell wikitext read into text, links, footnotes and flag hints: the entry, and the full parse.

:func:`read_cell_content` reads a cell by regular expressions where it can
(:mod:`.wikifast`: most cells), else by walking the tree mwparserfromhell
builds, which reads any markup; what each construct becomes is decided in
:mod:`.wikirules`, for both.  A cell with more markup openers than
mwparserfromhell parses in bounded time is read crudely, as plain text.
"""

from __future__ import annotations

import re

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

from icor_extract.readers.cell_text import (
    FILE_NAMESPACES,
    HIDDEN_NAMESPACES,
    flag_file,
    has_controls,
    is_normal,
    namespace_of,
    normalize_text,
    source_text,
    split_footnotes,
)
from icor_extract.readers.raw import CONTROLS_DROPPED, TOO_COMPLEX_DROPPED, new_hint, new_link
from icor_extract.readers.wikifast import read_fast, read_simple
from icor_extract.readers.wikirules import (
    CellContent,
    CellRead,
    apply_template,
    normalized,
    ref_name,
    wikilink_title,
)

__all__ = ["CellRead", "read_cell_content", "read_markup", "wikilink_title"]


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


def _template(template: Template, out: CellContent) -> None:
    name = _template_name(template)
    first = _positional(template, 1)
    applied = apply_template(
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
            out.flags.append(new_hint("image", found[0], str(link)))
        return
    if namespace in HIDDEN_NAMESPACES:
        return
    start = len(out.parts)
    if link.text is not None:
        _walk(link.text, out)
    else:
        out.parts.append(target.lstrip(":"))
    shown = normalized("".join(out.parts[start:]))
    if shown:
        out.links.append(new_link(wikilink_title(target), shown))


def _tag(tag: Tag, out: CellContent) -> None:
    name = str(tag.tag).strip().lower()
    if name == "ref":
        note = _plain(tag.contents) if tag.contents is not None else ""
        out.footnotes.append(note or ref_name("".join(str(a) for a in tag.attributes)))
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


# mwparserfromhell reads no tag where a line break follows the tag's name; MediaWiki does
_REF_LINE_BREAK = re.compile(r"(<ref)(?=\n)", re.IGNORECASE)


def read_cell_content(wikitext: str, *, fast: bool = True) -> CellRead:
    """Parse one cell's wikitext into its text, links, footnotes, flag hints and dropped markup.

    ``fast=False`` skips the fast paths (tests compare the two).
    """
    if fast and (read := read_simple(wikitext)) is not None:
        return read
    return read_markup(wikitext, fast=fast)


def read_markup(wikitext: str, *, fast: bool = True) -> CellRead:
    """:func:`read_cell_content` of a cell :func:`.wikifast.read_simple` does not read."""
    out = CellContent()
    if not (fast and read_fast(wikitext, out)):
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
