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
    "status": "category",
    "left": "Int64",
    "status_note": "string",
    "link": "string",
    "section": "category",
    "table": "Int64",
    "row": "Int64",
    "country_rule": "category",
    "country_note": "string",
}


def members_to_dataframe(members: Iterable[Member]) -> pd.DataFrame:
    """One row per member, columns as :data:`FLAT_COLUMNS`."""
    records = [flat_row(member) for member in members]
    frame = pd.DataFrame.from_records(records, columns=list(FLAT_COLUMNS))
    return frame.astype(DTYPES)
