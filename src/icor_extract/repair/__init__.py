"""Repair: pure functions, one module per concern, run in this order by ``api.parse``.

columns (header roles) -> realign (rows back under their columns, group rows)
-> groups (continent column) -> entries (one per organization) -> country.
"""
