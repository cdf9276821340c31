"""Output files that appear whole or not at all.

A run writes into a temporary file in the destination's folder (so the final
rename stays on one file system and is atomic) and renames it over the
destination only when everything was written; on any error or interruption
the temporary file is removed and the destination is left as it was.
"""

from __future__ import annotations

import os
import secrets
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from typing import IO

__all__ = ["atomic_output"]


@contextmanager
def atomic_output(path: str | os.PathLike[str]) -> Iterator[IO[bytes]]:
    """A binary handle whose content replaces ``path`` when the block ends without an error."""
    final = os.fspath(path)
    folder, name = os.path.split(os.path.abspath(final))
    temporary = os.path.join(folder, f".{name}.{secrets.token_hex(4)}.part")
    # O_EXCL: never write through a file or link that is already there; 0o666 minus the umask,
    # as open() would give the destination.
    descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
    try:
        with os.fdopen(descriptor, "wb") as handle:
            yield handle
        os.replace(temporary, final)
    except BaseException:
        with suppress(OSError):
            os.unlink(temporary)
        raise
