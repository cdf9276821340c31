"""Members as a pandas DataFrame with fitting dtypes.

Text columns are ``string``, the few-valued codes are ``category``, years and
positions are nullable ``Int64``.  A missing value is ``<NA>`` in the string and
Int64 columns and pandas' missing-category marker (shown as ``NaN``) in the
category columns; ``isna()`` finds both, and none is ever the string ``"None"``.
"""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from icor_extract.adapters.columns import FLAT_COLUMNS, flat_row
from icor_extract.model import Member

__all__ = ["DTYPES", "members_to_dataframe"]

DTYPES: dict[str, str] = {
    "continent": "category",
    "continent_code": "category",
    "country": "string",
    "country_code": "category",
    "organization": "string",
    "joined": "Int64",
    "link": "string",
    "section": "category",
    "table": "Int64",
    "row": "Int64",
    "country_rule": "category",
    "country_note": "string",
    "page": "string",
    "page_id": "Int64",
    "revision": "Int64",
    "timestamp": "datetime64[ns, UTC]",
}


def members_to_dataframe(members: Iterable[Member]) -> pd.DataFrame:
    """One row per member, columns as :data:`FLAT_COLUMNS`."""
    records = [flat_row(member) for member in members]
    frame = pd.DataFrame.from_records(records, columns=list(FLAT_COLUMNS))
    frame["timestamp"] = pd.to_datetime(frame["timestamp"], utc=True)
    # Categories are always strings, also in an empty or all-missing column, so that
    # frames of different pages concatenate (as dask does with its partitions).
    as_text = {name: "string" for name, dtype in DTYPES.items() if dtype == "category"}
    return frame.astype(as_text).astype(DTYPES)
