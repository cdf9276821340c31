"""Members as Parquet (pyarrow), written in row groups as a run goes.

The schema is fixed (:func:`arrow_schema`, documented in ``docs/formats.md``):
the export schema's columns and dtypes (:mod:`.schema`) in Arrow terms: ``category``
columns are dictionary-encoded strings, ``Int64`` columns ``int64``, the
timestamp ``timestamp[ns, UTC]``.  Each row group is converted through
:func:`~icor_extract.adapters.dataframe.members_to_dataframe`, so a Parquet
file and a DataFrame of the same members agree by construction.  pyarrow
comes with the ``parquet`` (or ``dask``) extra.
"""

from __future__ import annotations

from collections.abc import Iterable
from types import TracebackType
from typing import IO, TYPE_CHECKING, Any

from icor_extract.adapters.dataframe import members_to_dataframe
from icor_extract.adapters.schema import COLUMNS
from icor_extract.errors import require
from icor_extract.model import Member

if TYPE_CHECKING:  # pragma: no cover - typing only
    import pyarrow as pa

__all__ = ["ParquetWriter", "arrow_schema"]

#: members per row group
ROW_GROUP = 50_000


def arrow_schema() -> pa.Schema:
    """The Parquet schema: one field per flat column, typed after the DataFrame's dtypes."""
    require("pyarrow", feature="Parquet output", extra="parquet")
    import pyarrow as pa  # noqa: PLC0415 - optional dependency

    types: dict[str, Any] = {
        "category": pa.dictionary(pa.int32(), pa.string()),
        "string": pa.string(),
        "Int64": pa.int64(),
        "datetime64[ns, UTC]": pa.timestamp("ns", tz="UTC"),
    }
    return pa.schema([pa.field(c.name, types[c.dtype]) for c in COLUMNS])


class ParquetWriter:
    """Members appended page by page; a row group is written once :data:`ROW_GROUP` are pending."""

    def __init__(self, sink: str | IO[bytes], *, row_group: int = ROW_GROUP) -> None:
        schema = arrow_schema()
        import pyarrow.parquet as pq  # noqa: PLC0415 - optional dependency

        self._schema = schema
        self._writer = pq.ParquetWriter(sink, schema)
        self._pending: list[Member] = []
        self._row_group = row_group
        self.rows = 0

    def write(self, members: Iterable[Member]) -> None:
        self._pending.extend(members)
        if len(self._pending) >= self._row_group:
            self._flush()

    def _flush(self) -> None:
        import pyarrow as pa  # noqa: PLC0415 - optional dependency

        if self._pending:
            frame = members_to_dataframe(self._pending)
            table = pa.Table.from_pandas(frame, schema=self._schema, preserve_index=False)
            self._writer.write_table(table)
            self.rows += len(self._pending)
            self._pending = []

    def close(self) -> None:
        self._flush()
        self._writer.close()

    def __enter__(self) -> ParquetWriter:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        if kind is None:
            self.close()
        else:  # the caller discards the file; only release it
            self._writer.close()
