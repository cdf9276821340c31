"""Adapters: members out as a DataFrame, CSV, JSON/JSON Lines, or a terminal table.

Nothing heavy is imported here; pandas is imported only by :mod:`.dataframe`.
The columns are described once, in :mod:`.schema`.

Internal: the public API is what :mod:`icor_extract` exports; this may change. Use
``Extraction.to_dataframe`` and ``Extraction.to_records`` or the CLI.
"""
