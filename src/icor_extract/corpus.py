"""Many pages in, members out: one dump page or one file at a time, each member knowing its page.

This is what the CLI and :mod:`icor_extract.dask` run for every page.  A dump
page first goes through :func:`~icor_extract.precheck.may_have_members`, so
the many pages without a member table cost almost nothing, and such a page
gives no members rather than an error: in a dump that is the normal case.
A page that cannot be read gives a :class:`PageFailure` naming it, so a run
goes on and can say at the end which pages failed.
"""

from __future__ import annotations

import os
import re
from collections.abc import Collection, Iterable, Iterator
from dataclasses import dataclass, replace

from icor_extract.api import parse, read
from icor_extract.dump import ARTICLES, DumpPage, iter_pages
from icor_extract.errors import IcorExtractError, InputError, InternalError, NoTableError
from icor_extract.model import Format, Member, Variant
from icor_extract.precheck import may_have_members

__all__ = ["PageFailure", "PageMembers", "dump_members", "file_members", "page_members"]


@dataclass(frozen=True, slots=True)
class PageMembers:
    """The members of one page (none when it holds no member table) or why it failed."""

    page: str
    members: tuple[Member, ...] = ()
    tables: int = 0
    failure: PageFailure | None = None


@dataclass(frozen=True, slots=True)
class PageFailure:
    """Why one page could not be read; ``bug`` when icor_extract itself failed."""

    page: str
    message: str
    bug: bool = False


def _failure(page: str, error: IcorExtractError) -> PageMembers:
    bug = isinstance(error, InternalError)
    return PageMembers(page=page, failure=PageFailure(page, str(error), bug=bug))


def _may_have_members(page: DumpPage, variant: Variant) -> bool:
    """The pre-check, inside the same bug boundary as :func:`parse`."""
    try:
        return may_have_members(page.text, format="wikitext", variant=variant)
    except RecursionError as error:
        raise InputError("the page nests markup too deeply to read", source=page.title) from error
    except Exception as error:
        raise InternalError(
            f"a bug in icor_extract ({type(error).__name__}: {error}); please report it",
            source=page.title,
        ) from error


def page_members(page: DumpPage, *, variant: Variant = "auto") -> PageMembers:
    """The members of one dump page, with its title, id, revision and timestamp."""
    try:
        if not _may_have_members(page, variant):
            return PageMembers(page=page.title)
        extraction = parse(page.text, format="wikitext", variant=variant, source=page.title)
    except NoTableError:
        return PageMembers(page=page.title)
    except IcorExtractError as error:
        return _failure(page.title, error)
    members = tuple(
        replace(m, page_id=page.page_id, revision=page.revision, timestamp=page.timestamp)
        for m in extraction.members
    )
    return PageMembers(page=page.title, members=members, tables=extraction.table_count)


def file_members(
    path: str | os.PathLike[str],
    *,
    format: Format = "auto",
    variant: Variant = "auto",
    encoding: str | None = None,
) -> PageMembers:
    """The members of one file; a file without a member table is a failure, as in ``read``."""
    name = os.fspath(path)
    try:
        extraction = read(name, format=format, variant=variant, encoding=encoding)
    except IcorExtractError as error:
        return _failure(name, error)
    return PageMembers(page=name, members=extraction.members, tables=extraction.table_count)


def dump_members(
    paths: Iterable[str | os.PathLike[str]],
    *,
    variant: Variant = "auto",
    namespaces: Collection[int] | None = ARTICLES,
    redirects: bool = False,
    title: str | re.Pattern[str] | None = None,
) -> Iterator[PageMembers]:
    """Every page of the dumps, in order, single-process (see :mod:`.dask` for many)."""
    for path in paths:
        for page in iter_pages(path, namespaces=namespaces, redirects=redirects, title=title):
            yield page_members(page, variant=variant)
