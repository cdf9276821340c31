"""Geography from maintained data: CLDR (babel) and ISO 3166 (pycountry)."""
