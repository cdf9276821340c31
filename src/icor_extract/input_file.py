"""Reading a page's bytes: only from a regular file or a stream, never past a size limit.

A FIFO given as a path would block for ever and ``/dev/zero`` would never end,
so a path must name a regular file (checked on the opened file, without
blocking).  Any input is read to at most ``max_bytes``: a larger one raises
:class:`TooLargeError` before memory is spent on it.
"""

from __future__ import annotations

import os
import stat
import sys
from typing import IO, Any

from icor_extract.errors import DecodingError, InputError, OptionError, TooLargeError

__all__ = [
    "MAX_BYTES",
    "STDIN",
    "check_max_bytes",
    "read_file_bytes",
    "read_source",
    "read_stdin",
    "read_stream",
]

#: the default size limit of one input: generous for any wiki page
MAX_BYTES = 256 * 2**20
_CHUNK = 1 << 20


def check_max_bytes(max_bytes: object, source: str | None = None) -> int:
    """``max_bytes`` if it is a positive whole number of bytes, else :class:`OptionError`."""
    if isinstance(max_bytes, bool) or not isinstance(max_bytes, int) or max_bytes < 1:
        raise OptionError(
            f"max_bytes must be a positive number of bytes, not {max_bytes!r}",
            option="max_bytes",
            source=source,
        )
    return max_bytes


def _too_large(max_bytes: int, source: str | None) -> TooLargeError:
    return TooLargeError(
        f"the input is larger than the limit of {max_bytes:,} bytes "
        "(raise it with max_bytes=, or --max-bytes)",
        limit=max_bytes,
        source=source,
    )


def read_stream(stream: IO[Any], *, max_bytes: int, source: str | None = None) -> Any:
    """All of ``stream`` (bytes or text), or :class:`TooLargeError` past ``max_bytes``."""
    chunks: list[Any] = []
    size = 0
    while chunk := stream.read(min(_CHUNK, max_bytes + 1 - size)):
        chunks.append(chunk)
        size += len(chunk)
        if size > max_bytes:
            raise _too_large(max_bytes, source)
    return chunks[0][:0].join(chunks) if chunks else b""


#: the name standard input goes by in errors and in ``Member.page``
STDIN = "<stdin>"


def read_stdin(*, max_bytes: int) -> bytes:
    """All of standard input's bytes (the command line's ``-``), at most ``max_bytes``."""
    if sys.stdin is None:
        raise InputError("standard input is closed", source=STDIN)
    data: bytes = read_stream(sys.stdin.buffer, max_bytes=max_bytes, source=STDIN)
    return data


def _kind(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a FIFO (named pipe)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a regular file"


def read_file_bytes(path: str, *, max_bytes: int) -> bytes:
    """The bytes of the regular file at ``path``; anything else is an :class:`InputError`."""
    try:
        descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except ValueError:  # a NUL character in the path
        raise InputError("cannot read the file: the path holds a NUL character") from None
    except OSError as error:
        raise InputError(f"cannot read the file: {error.strerror or error}", source=path) from None
    mode = os.fstat(descriptor).st_mode
    if not stat.S_ISREG(mode):
        os.close(descriptor)
        raise InputError(
            f"cannot read the file: it is {_kind(mode)}; give a regular file, "
            "or - to read standard input",
            source=path,
        )
    with os.fdopen(descriptor, "rb") as file:
        try:
            data: bytes = read_stream(file, max_bytes=max_bytes, source=path)
            return data
        except OSError as error:
            raise InputError(
                f"cannot read the file: {error.strerror or error}", source=path
            ) from None


def read_source(
    source: str | os.PathLike[str] | IO[str] | IO[bytes], max_bytes: int
) -> tuple[str | bytes, str]:
    """What a path or an open file holds, and the name errors give it."""
    if isinstance(source, str | os.PathLike):
        name = os.fspath(source)
        return read_file_bytes(name, max_bytes=check_max_bytes(max_bytes, name)), name
    if not hasattr(source, "read"):
        raise InputError(f"expected a path or an open file, got {type(source).__name__}")
    name = str(getattr(source, "name", "<file>"))
    try:
        return read_stream(source, max_bytes=check_max_bytes(max_bytes, name), source=name), name
    except OSError as error:
        raise InputError(f"cannot read the file: {error}", source=name) from None
    except UnicodeDecodeError as error:
        message = f"the file, opened as text, is not valid {error.encoding}: {error.reason}"
        raise DecodingError(
            message, encoding=error.encoding, offset=error.start, source=name
        ) from None
