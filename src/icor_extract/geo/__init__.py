"""Geography from maintained data: CLDR (babel) and ISO 3166 (pycountry).

Internal: the public API is what :mod:`icor_extract` exports; this may change.
"""
