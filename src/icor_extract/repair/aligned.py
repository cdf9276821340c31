"""What realignment gives the later stages: each column's value in a row, and the row.

A module of its own because every later stage (continents, entries, countries,
records, lists) reads these values, while only :mod:`.realign` and
:mod:`.rowplan` make them: a reader of the values needs none of the machinery.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from types import MappingProxyType

from icor_extract.model import RowKind, Rule
from icor_extract.readers.raw import RawCell
from icor_extract.repair.columns import Role

__all__ = ["NO_VALUES", "AlignedRow", "Placed", "Placement"]


class Placement(StrEnum):
    """How a value reached its column."""

    CELL = "cell"  # written in this row, in this column
    SHIFT = "shift"  # written in this row, moved right from the column it arrived in
    SPAN = "span"  # a rowspan/colspan copy of a cell written in an earlier row
    LOST = "lost"  # spanned from above in the original, dropped by the conversion


@dataclass(slots=True)
class Placed:
    """A column's value in one row and how it got there.

    Slotted but not frozen, as are the other per-row values of the repair
    stages: every member row builds several, a frozen dataclass sets each
    field through ``object.__setattr__`` (2.5 times the build time), and a
    named tuple, quicker to build, reads its fields four times slower than
    slots.  Nothing changes one after it is built.
    """

    cell: RawCell | None
    how: Placement
    row: int | None = None  # source row the cell was written in
    column: int | None = None  # column the cell arrived in
    cell_index: int | None = None  # index of the cell in its source row

    @property
    def text(self) -> str:
        return self.cell.text if self.cell is not None else ""


#: the values of a row that has none (a header or rejected row): one shared, read-only mapping
NO_VALUES: Mapping[Role, Placed] = MappingProxyType({})


@dataclass(slots=True)
class AlignedRow:
    """One body row after realignment (slotted, not frozen: see :class:`Placed`)."""

    row: int
    line: int | None
    kind: RowKind
    values: Mapping[Role, Placed] = field(default_factory=lambda: NO_VALUES)  # shared
    shift: int = 0  # columns taken as spanned from above (lost by the conversion)
    reason: str = ""
    cells: tuple[str, ...] = ()  # the source texts, kept for rejected rows
    rule: Rule | None = None  # why a rejected row was rejected (rejected.summary ...)
    #: the placement search was over its budget: cells kept in the first free columns
    as_written: bool = False
