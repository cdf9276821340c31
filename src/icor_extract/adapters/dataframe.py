"""Members as a pandas DataFrame with fitting dtypes.

Columns and dtypes come from :mod:`.schema`: text columns are ``string``, the
few-valued codes and rules are ``category``, years and positions are nullable
``Int64``.  A missing value is ``<NA>`` in the string and Int64 columns and
pandas' missing-category marker (shown as ``NaN``) in the category columns;
``isna()`` finds both, and none is ever the string ``"None"``.
"""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from icor_extract.adapters.schema import COLUMNS, flat_row, provenance_columns
from icor_extract.model import Member

__all__ = ["members_to_dataframe"]


def members_to_dataframe(members: Iterable[Member], *, provenance: bool = False) -> pd.DataFrame:
    """One row per member, the schema's columns; with ``provenance``, rules and evidence too."""
    columns = COLUMNS + provenance_columns() if provenance else COLUMNS
    records = [flat_row(member, columns) for member in members]
    frame = pd.DataFrame.from_records(records, columns=[c.name for c in columns])
    # Categories are always strings, also in an empty or all-missing column, so that
    # frames of different pages concatenate (as dask does with its partitions).
    frame = frame.astype({c.name: "string" for c in columns if c.dtype == "category"})
    return frame.astype({c.name: c.dtype for c in columns})
