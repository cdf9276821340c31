"""Repair: pure functions, one module per concern, run in this order by ``api.parse``.

hints (bare templates decided) -> columns (header roles) -> realign (rows back
under their columns, group rows) -> groups (continent column) -> entries (one
per organization) -> country.  Each returns its value and its notes.

Internal: the public API is what :mod:`icor_extract` exports; this may change.
"""
