"""The one loader of the bundled data files: tab-separated rows, ``#`` comments skipped.

Each file in ``geo/data/`` names its source in its leading comment.
"""

from __future__ import annotations

from collections.abc import Iterator
from importlib import resources

__all__ = ["data_rows"]


def data_rows(name: str) -> Iterator[list[str]]:
    """The tab-separated rows of the bundled data file ``name``, comments and blanks skipped."""
    text = resources.files("icor_extract.geo").joinpath("data", name).read_text("utf-8")
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            yield line.split("\t")
