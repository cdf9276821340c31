"""Griffe extension for the API pages: Sphinx roles in docstrings become Markdown.

The package's docstrings cross-reference with Sphinx roles (:class:`Member`,
:func:`parse`, :meth:`Member.to_dict`).  Markdown would show the role's name
as text, so each role is rewritten before the docstring is rendered: a
name documented on the API page becomes a link to it, any other name plain
code.  Loaded by mkdocstrings (``extensions`` in mkdocs.yml); not part of the
site (``exclude_docs``).
"""

from __future__ import annotations

import re
from typing import Any

import griffe

_ROLE = re.compile(r":(?:class|func|meth|data|attr|mod|exc|obj):`~?\.?(?P<target>[^`]+)`")

#: names rendered on the API page, as ``icor_extract.<name>``
DOCUMENTED = frozenset(
    {
        "parse",
        "read",
        "Extraction",
        "Member",
        "Provenance",
        "RejectedRow",
        "RowOutcome",
        "Note",
        "RowKind",
        "FORMATS",
        "VARIANTS",
        "IcorExtractError",
        "InputError",
        "EmptyInputError",
        "DecodingError",
        "UnsupportedFormatError",
        "NoTableError",
        "NoMemberTableError",
        "InternalError",
    }
)


def _rewrite(match: re.Match[str]) -> str:
    target = match.group("target")
    if target.startswith("icor_extract."):
        target = target.removeprefix("icor_extract.")
    head = target.split(".", 1)[0]
    if head in DOCUMENTED:
        return f"[`{target}`][icor_extract.{target}]"
    return f"`{target.rsplit('.', 1)[-1]}`"


class SphinxRoles(griffe.Extension):
    """Rewrite Sphinx roles in every docstring of the package."""

    def on_package(self, *, pkg: griffe.Module, **kwargs: Any) -> None:
        self._walk(pkg)

    def _walk(self, obj: griffe.Object) -> None:
        if obj.docstring is not None:
            obj.docstring.value = _ROLE.sub(_rewrite, obj.docstring.value)
        for member in obj.members.values():
            if not member.is_alias:
                self._walk(member)  # type: ignore[arg-type]
