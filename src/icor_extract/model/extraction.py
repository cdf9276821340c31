"""The result of one document: its members, rejected rows, notes and row accounting."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from icor_extract.model.located import Member, Note, RejectedRow, RowOutcome

if TYPE_CHECKING:  # pragma: no cover - typing only
    import pandas as pd


@dataclass(frozen=True, slots=True, kw_only=True)
class Extraction:
    """Everything one document gave: members, rejected rows, notes, row accounting."""

    members: tuple[Member, ...] = ()
    rejected: tuple[RejectedRow, ...] = ()
    notes: tuple[Note, ...] = ()
    row_outcomes: tuple[RowOutcome, ...] = ()
    table_count: int = 0
    source_format: str = ""
    source_name: str | None = None
    encoding: str | None = None  # how bytes were decoded; None when text was given

    def __iter__(self) -> Iterator[Member]:
        return iter(self.members)

    def __len__(self) -> int:
        return len(self.members)

    def to_records(self) -> list[dict[str, Any]]:
        """The members as JSON-ready dicts (see :meth:`Member.to_dict`)."""
        return [member.to_dict() for member in self.members]

    def to_dataframe(self, *, provenance: bool = False) -> pd.DataFrame:
        """The members as a pandas DataFrame with string, category and Int64 dtypes.

        With ``provenance=True``, each field also gets ``<field>_rule`` and
        ``<field>_evidence`` columns: how its value was obtained, from what text.
        """
        # Imported here so that importing the package does not import pandas.
        from icor_extract.adapters.dataframe import members_to_dataframe  # noqa: PLC0415

        return members_to_dataframe(self.members, provenance=provenance)

    def fill_from(self, other: Extraction) -> Extraction:
        """A copy whose empty country, continent, year and link are taken from the matched
        member of ``other`` (another version of the page); see ``docs/compare.md``."""
        from icor_extract.versions.fill import fill_from  # noqa: PLC0415 - model imports nothing

        return fill_from(self, other)

    def _repr_html_(self) -> str:
        from icor_extract.adapters.html_repr import extraction_html  # noqa: PLC0415

        return extraction_html(self)
