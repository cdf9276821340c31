"""Adapters: members out as a DataFrame, CSV, JSON/JSON Lines, or a terminal table.

Nothing heavy is imported here; pandas is imported only by :mod:`.dataframe`.
"""
