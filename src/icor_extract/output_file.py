"""Output files written whole or not at all: no half-written file under the final name.

A run that fails, is interrupted (Ctrl-C) or crashes must leave the old
output as it was, and a reader of the output must never see a partial file.
So output goes to a temporary file in the target's folder (the same file
system, so the final step is an atomic rename) and replaces the target only
when the writer says it is done::

    with replacing("members.csv") as pending:
        pending.file.write(text)          # or: pending.abandon() to keep the old file
    # committed here; on an exception the temporary file is removed

``replacing(path, open_file=False)`` opens nothing: the caller writes to
``pending.temp`` itself (a Parquet writer that wants a path).  A target that
exists and is not a regular file (``/dev/null``, a FIFO) is written directly:
it cannot be replaced, and holds no old content to protect.
"""

from __future__ import annotations

import os
import stat
import tempfile
from collections.abc import Iterator, Sequence
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from icor_extract.errors import OptionError

__all__ = ["PendingOutput", "check_not_an_input", "replacing"]


@dataclass
class PendingOutput:
    """An output being written: ``temp`` becomes ``path`` when the block ends without error."""

    path: Path
    temp: Path
    file: IO[Any] | None = None
    abandoned: bool = field(default=False, init=False)

    @property
    def atomic(self) -> bool:
        """Whether the output replaces ``path`` on commit (false for a device or a FIFO)."""
        return self.temp != self.path

    def abandon(self) -> None:
        """Keep the old ``path``: the temporary file is removed when the block ends."""
        self.abandoned = True


def _special(path: Path) -> bool:
    try:
        return not stat.S_ISREG(path.stat().st_mode)
    except FileNotFoundError:
        return False


def _mode_for(path: Path) -> int:
    """The permissions the new file gets: the old file's, else the usual ones (umask)."""
    try:
        return stat.S_IMODE(path.stat().st_mode)
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


@contextmanager
def replacing(
    path: str | os.PathLike[str],
    *,
    open_file: bool = True,
    binary: bool = False,
    encoding: str = "utf-8",
    newline: str | None = "",
) -> Iterator[PendingOutput]:
    """Write ``path`` through a temporary file; see the module docstring.

    ``open_file`` opens ``pending.file`` on the temporary file (text with
    ``encoding`` and ``newline``, or ``binary``).  Raises ``OSError`` when the
    folder cannot be written; the target is then untouched.
    """
    target = Path(path)
    if _special(target):
        pending = PendingOutput(path=target, temp=target)
        with _opened(pending, open_file, binary, encoding, newline):
            yield pending
        return
    descriptor, name = tempfile.mkstemp(
        dir=target.parent, prefix=f".{target.name}.", suffix=".part"
    )
    os.close(descriptor)
    pending = PendingOutput(path=target, temp=Path(name))
    try:
        with _opened(pending, open_file, binary, encoding, newline):
            yield pending
        if not pending.abandoned:
            os.chmod(pending.temp, _mode_for(target))
            os.replace(pending.temp, target)
    finally:
        with suppress(FileNotFoundError):
            os.unlink(pending.temp)


@contextmanager
def _opened(
    pending: PendingOutput, open_file: bool, binary: bool, encoding: str, newline: str | None
) -> Iterator[None]:
    """Open ``pending.file`` for the block and close it (flushed to disk) after it."""
    if not open_file:
        yield
        return
    if binary:
        pending.file = open(pending.temp, "wb")  # noqa: SIM115  # closed below
    else:
        pending.file = open(pending.temp, "w", encoding=encoding, newline=newline)  # noqa: SIM115
    try:
        yield
        pending.file.flush()
        if pending.atomic:
            os.fsync(pending.file.fileno())  # the rename must not outrun the data
    finally:
        pending.file.close()


def check_not_an_input(output: str | os.PathLike[str], inputs: Sequence[str]) -> None:
    """:class:`OptionError` if ``output`` is the same file as one of ``inputs``.

    Writing there would destroy the page being read (``-o page.md page.md``).
    """
    try:
        written = os.stat(output)
    except OSError:
        return  # not there yet: it cannot be an input
    if not stat.S_ISREG(written.st_mode):
        return
    for name in inputs:
        with suppress(OSError, ValueError):
            read = os.stat(name)
            if (read.st_dev, read.st_ino) == (written.st_dev, written.st_ino):
                raise OptionError(
                    f"the output {os.fspath(output)!r} is the input {name!r}; "
                    "it would be overwritten",
                    option="output",
                )
