"""What realignment says about the rows it read: the notes of ``align_rows``.

A shifted row's ``realign.shift`` message is worded here and made once per row
shape (:mod:`.rowplan` keeps it in the plan, so the rows of a shape share one
string); a row over the placement search's budget gets ``realign.budget``, and
a row whose cells reach past the header ``grid.beyond-header``.  Kept apart
from the reading of the rows: the wording is what a reader of the notes sees,
and changes for reasons of its own.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from typing import Protocol

from icor_extract.grid import Grid, Layout
from icor_extract.model import Location, Note, NoteCode, new_note
from icor_extract.readers.raw import RawCell, RawTable
from icor_extract.repair.aligned import Placed, Placement
from icor_extract.repair.columns import Role

__all__ = ["realign_notes", "shift_message"]

_SHIFT, _LOST = Placement.SHIFT, Placement.LOST


class Noted(Protocol):
    """What the notes read of a member row's plan (:class:`.rowplan.Plan`, which
    imports :func:`shift_message` from here)."""

    @property
    def as_written(self) -> bool: ...  # over the placement search's budget

    @property
    def message(self) -> str | None: ...  # the realign.shift message, if any


def shift_message(
    lost: int, ops: list[tuple[Role, Placed | None, Placement, int, int]]
) -> str | None:
    """The ``realign.shift`` message of a row, or ``None`` when nothing moved:
    the shift, each moved role with the column it arrived in, each lost role."""
    moved = [f"{role} from column {column}" for role, _, how, column, _ in ops if how is _SHIFT]
    gone = [f"{role}" for role, _, how, _, _ in ops if how is _LOST]
    if not moved and not gone:
        return None
    message = f"cells moved right by {lost}"
    if moved:
        message += f" ({', '.join(moved)})"
    if gone:
        message += f"; {', '.join(gone)} taken as spanned from above"
    return sys.intern(message)  # the tables of a page share it too


def _beyond_header(cells: tuple[RawCell, ...], stored: Layout, width: int) -> int:
    """How many of the row's own cells (no copies) with text lie beyond the header."""
    if isinstance(stored, int):
        return sum(1 for cell in cells[width:stored] if cell.text)
    return sum(1 for entry in stored[width:] if isinstance(entry, int) and cells[entry].text)


_BUDGET_MESSAGE = "too many cells and columns to search for the best placement: placed as written"


def realign_notes(
    table: RawTable,
    grid: Grid,
    width: int,
    members: Sequence[tuple[int, Noted]],
    locations: Sequence[Location],
) -> list[Note]:
    """The notes on a table's rows: cells beyond the header first, then each member
    row's budget and shift notes, in row order."""
    notes = []
    # the grid is as wide as its widest stored row: no row reaches past a header as wide
    for y, stored in enumerate(grid.layout if grid.width > width else ()):
        stored_width = stored if isinstance(stored, int) else len(stored)
        beyond = _beyond_header(table.rows[y].cells, stored, width) if stored_width > width else 0
        if beyond:
            message = f"{beyond} cells beyond the header's {width} columns not read"
            notes.append(
                Note(code=NoteCode.GRID_BEYOND_HEADER, location=locations[y], message=message)
            )
    shift = NoteCode.REALIGN_SHIFT
    for y, plan in members:  # most member rows of a converted page moved: notes built fast
        if plan.as_written:
            notes.append(
                Note(code=NoteCode.REALIGN_BUDGET, message=_BUDGET_MESSAGE, location=locations[y])
            )
        if (moved := plan.message) is not None:  # by position: no keywords to match
            notes.append(new_note(shift, moved, locations[y]))
    return notes
