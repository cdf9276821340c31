"""What each wikitext construct in a cell becomes: the rules both cell readings share.

A cell is read by regular expressions where it can be (:mod:`.wikifast`), else
by walking mwparserfromhell's tree (:mod:`.wikimarkup`).  The two must agree,
so what a template, a link title or a ``<ref>``'s name becomes is decided
here, once, for both:

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

from icor_extract.readers.cell_text import is_normal, normalize_text
from icor_extract.readers.raw import FlagHint, Link, new_hint, new_link

__all__ = [
    "FLAG_TEMPLATES",
    "CellContent",
    "CellRead",
    "apply_template",
    "normalized",
    "ref_name",
    "shows_text",
    "wikilink_title",
]

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


def normalized(text: str) -> str:
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
        return normalized("".join(self.parts))


#: what :func:`.wikimarkup.read_cell_content` gives: (text, links, footnotes, flags, dropped), the
#: values a reader keeps (a tuple: a cell read is built once and only unpacked)
CellRead = tuple[str, tuple[Link, ...], tuple[str, ...], tuple[FlagHint, ...], tuple[str, ...]]


def wikilink_title(title: str, *, normal: bool = False) -> str:
    """A link target as an article title: ``_`` as space, no leading colon or fragment.

    ``normal`` says the caller has found ``title`` normal (:data:`cell_text.is_normal`).
    """
    if "#" not in title and "_" not in title and title[:1] != ":" and (normal or is_normal(title)):
        return title  # nothing below would change it (the most common title)
    title = title.split("#", 1)[0].replace("_", " ").strip().lstrip(":").strip()
    return " ".join(title.split())


def apply_template(
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
        out.flags.append(new_hint("template", normalized(first), evidence))
    elif _THREE_LETTERS.match(name) and not has_params:
        out.flags.append(new_hint("code", name, evidence))
    elif lowered in _TEXT_TEMPLATES or _LANG_TEMPLATE.match(lowered) or lowered == "lang":
        return False
    elif _LINK_TEMPLATE.match(lowered) and first is not None:
        title = normalized(first)
        out.parts.append(title)
        if title:
            out.links.append(new_link(wikilink_title(title), title))
    elif lowered in _NOTE_TEMPLATES:
        out.footnotes.append(normalized(first or "") or f"{{{{{name}}}}}")
    elif not has_params:  # {{印度}} is a flag; repair decides, with the country names
        out.flags.append(new_hint("bare", name, evidence))
    else:
        out.dropped.append(name)
    return True


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


def ref_name(attributes: str) -> str:
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


def shows_text(name: str) -> bool:
    """Whether a template may add text (a text, language or interlanguage-link template)."""
    lowered = name.strip().replace("_", " ").lower()
    return bool(
        lowered in _TEXT_TEMPLATES
        or lowered == "lang"
        or _LANG_TEMPLATE.match(lowered)
        or _LINK_TEMPLATE.match(lowered)
    )
