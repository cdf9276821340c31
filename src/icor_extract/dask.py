"""Members of a whole dump, or of many files, as a ``dask.dataframe``.

::

    import icor_extract.dask
    frame = icor_extract.dask.read_dump(["zhwiki-pages-articles-multistream.xml.bz2"])
    frame.to_parquet("members/")           # or .compute() for one pandas DataFrame

One partition per batch of pages: a byte range of a dump (see
:func:`icor_extract.dump.byte_ranges`; a multistream ``.bz2`` splits at its
streams, a single-stream ``.bz2`` gives one part) or ``batch`` files.  The
columns and dtypes are those of :meth:`Extraction.to_dataframe
<icor_extract.Extraction.to_dataframe>`, the Parquet schema's, given to dask
as explicit ``meta``.  The same code runs on the local scheduler and, unchanged,
on a ``distributed`` cluster: create ``distributed.Client(address)`` first and
dask uses it; the workers need icor_extract installed and the paths readable.

Pages that fail are left out and logged (logger ``icor_extract``, warning);
a bug in icor_extract raises.  Needs the ``dask`` extra.
"""

from __future__ import annotations

import logging
import os
import re
from collections.abc import Collection, Iterable, Sequence
from typing import TYPE_CHECKING, Any

from icor_extract.corpus import PageMembers, file_members, page_members
from icor_extract.dump import ARTICLES, byte_ranges, iter_pages
from icor_extract.errors import InternalError, require
from icor_extract.model import Format, Member, Variant

if TYPE_CHECKING:  # pragma: no cover - typing only
    import dask.dataframe as dd
    import pandas as pd

__all__ = ["BLOCKSIZE", "read_dump", "read_pages"]

logger = logging.getLogger("icor_extract")

#: bytes of a dump per partition (of the compressed file for ``.bz2``)
BLOCKSIZE = 8 * 2**20


def _frame(results: Iterable[PageMembers]) -> pd.DataFrame:
    """One partition: the members of its pages; failures logged, bugs raised."""
    from icor_extract.adapters.dataframe import members_to_dataframe  # noqa: PLC0415

    members: list[Member] = []
    for result in results:
        if result.failure is None:
            members += result.members
        elif result.failure.bug:
            raise InternalError(result.failure.message)
        else:
            logger.warning("page left out: %s", result.failure.message)
    return members_to_dataframe(members)


def _dump_part(part: tuple[str, tuple[int, int]], **options: Any) -> pd.DataFrame:
    path, byte_range = part
    variant = options.pop("variant")
    pages = iter_pages(path, byte_range=byte_range, **options)
    return _frame(page_members(page, variant=variant) for page in pages)


def _files_part(paths: Sequence[str], **options: Any) -> pd.DataFrame:
    return _frame(file_members(path, **options) for path in paths)


def _from_map(function: Any, parts: list[Any], **options: Any) -> dd.DataFrame:
    require("dask.dataframe", feature="icor_extract.dask", extra="dask")
    import dask.dataframe as dd  # noqa: PLC0415 - optional dependency

    from icor_extract.adapters.dataframe import members_to_dataframe  # noqa: PLC0415

    # Each partition knows its own categories; the meta says they are unknown.
    meta = dd.utils.clear_known_categories(members_to_dataframe([]))  # type: ignore[no-untyped-call]
    frame: dd.DataFrame = dd.from_map(  # type: ignore[no-untyped-call]
        function, parts, meta=meta, enforce_metadata=False, **options
    )
    return frame


def read_dump(
    paths: Iterable[str | os.PathLike[str]] | str | os.PathLike[str],
    *,
    variant: Variant = "auto",
    namespaces: Collection[int] | None = ARTICLES,
    redirects: bool = False,
    title: str | re.Pattern[str] | None = None,
    blocksize: int = BLOCKSIZE,
) -> dd.DataFrame:
    """The members of MediaWiki dumps, one partition per ``blocksize`` bytes of each dump.

    ``namespaces``, ``redirects`` and ``title`` filter pages as in
    :func:`icor_extract.dump.iter_pages`.
    """
    paths = [paths] if isinstance(paths, str | os.PathLike) else paths
    parts = [(os.fspath(p), r) for p in paths for r in byte_ranges(p, blocksize)]
    return _from_map(
        _dump_part,
        parts,
        variant=variant,
        namespaces=None if namespaces is None else frozenset(namespaces),
        redirects=redirects,
        title=title,
    )


def read_pages(
    paths: Iterable[str | os.PathLike[str]],
    *,
    format: Format = "auto",
    variant: Variant = "auto",
    encoding: str | None = None,
    batch: int = 100,
) -> dd.DataFrame:
    """The members of page files (markdown, HTML, wikitext), ``batch`` files per partition."""
    names = [os.fspath(path) for path in paths]
    parts = [names[start : start + batch] for start in range(0, len(names), batch)]
    return _from_map(_files_part, parts, format=format, variant=variant, encoding=encoding)
