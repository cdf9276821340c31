"""The values the library returns: frozen, slotted, keyword-only dataclasses.

Results are immutable so they can be shared, cached and compared; sequences
inside them are tuples.  Every value that was moved or inferred carries a
:class:`Provenance` naming the :class:`Rule` and the evidence, so an analyst
can audit it without reading the code.  This package imports nothing else of
icor_extract, so every stage may import it; its modules, by job:

- :mod:`.vocabulary`: the names every stage shares (rules, note codes,
  statuses, option types);
- :mod:`.located`: :class:`Location` and the records that carry one;
- :mod:`.extraction`: :class:`Extraction`, one document's result;
- :mod:`.drafts`: the fast constructors (``new_member`` ...) the stages use
  per row.

Import from here (``from icor_extract.model import Member``): the modules'
boundaries are internal.
"""

# internal: the stages' fast constructors, re-exported (``as``) but not in __all__
from icor_extract.model.drafts import draft_class as draft_class
from icor_extract.model.drafts import fill_member as fill_member
from icor_extract.model.drafts import new_location as new_location
from icor_extract.model.drafts import new_member as new_member
from icor_extract.model.drafts import new_note as new_note
from icor_extract.model.drafts import new_provenance as new_provenance
from icor_extract.model.drafts import new_row_outcome as new_row_outcome
from icor_extract.model.extraction import Extraction
from icor_extract.model.located import (
    NOWHERE,
    Location,
    Member,
    Note,
    Provenance,
    RejectedRow,
    RowOutcome,
)
from icor_extract.model.vocabulary import (
    CONTINENT_CODES,
    Errors,
    Format,
    Layout,
    NoteCode,
    RowKind,
    Rule,
    Status,
    Variant,
)

__all__ = [
    "CONTINENT_CODES",
    "NOWHERE",
    "Errors",
    "Extraction",
    "Format",
    "Layout",
    "Location",
    "Member",
    "Note",
    "NoteCode",
    "Provenance",
    "RejectedRow",
    "RowKind",
    "RowOutcome",
    "Rule",
    "Status",
    "Variant",
]
