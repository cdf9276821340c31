"""The library's errors: one base class, structured details as attributes.

::

    IcorExtractError                 base of every error this library raises on purpose
    ├── InputError                   the input cannot be read as a document
    │   ├── EmptyInputError          nothing but whitespace
    │   ├── DecodingError            bytes that are not text in the expected encoding
    │   └── TooLargeError            more than the size limit, or than memory holds
    ├── UnsupportedFormatError       a format name or document kind we do not read
    ├── OptionError                  an option value the call does not accept
    ├── NoTableError                 a readable document without any table
    │   └── NoMemberTableError       tables, but none whose header names member columns
    ├── MissingDependencyError       an optional feature whose extra is not installed
    └── InternalError                a bug in icor_extract: please report it

Bad input degrades to one of these; anything else escaping the public API is
a bug, which the CLI reports as such with a different exit code.
"""

from __future__ import annotations


class IcorExtractError(Exception):
    """Base class of every error icor_extract raises on purpose."""

    def __init__(self, message: str, *, source: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        #: the path or name of the document, when known
        self.source = source

    def __str__(self) -> str:
        if self.source:
            return f"{self.source}: {self.message}"
        return self.message


class InputError(IcorExtractError):
    """The input cannot be read as a document."""


class EmptyInputError(InputError):
    """The input holds nothing but whitespace."""


class DecodingError(InputError):
    """The bytes are not valid text in the expected encoding."""

    def __init__(
        self,
        message: str,
        *,
        encoding: str,
        offset: int,
        source: str | None = None,
    ) -> None:
        super().__init__(message, source=source)
        #: the encoding that was tried
        self.encoding = encoding
        #: byte offset of the first invalid byte
        self.offset = offset


class TooLargeError(InputError):
    """The input is larger than the size limit, or needs more memory than there is."""

    def __init__(self, message: str, *, limit: int | None, source: str | None = None) -> None:
        super().__init__(message, source=source)
        #: the size limit in bytes that was exceeded; ``None`` when memory ran out
        self.limit = limit


class UnsupportedFormatError(IcorExtractError):
    """A format name, or a kind of document, that no reader handles."""

    def __init__(self, message: str, *, format: str, source: str | None = None) -> None:
        super().__init__(message, source=source)
        self.format = format


class OptionError(IcorExtractError):
    """An option value that is not accepted (``variant=``, ``errors=``)."""

    def __init__(self, message: str, *, option: str, source: str | None = None) -> None:
        super().__init__(message, source=source)
        #: the name of the option
        self.option = option


class NoTableError(IcorExtractError):
    """A readable document that holds no table at all."""


class NoMemberTableError(NoTableError):
    """Tables were found, but none has a header naming member columns."""

    def __init__(
        self,
        message: str,
        *,
        headers: tuple[tuple[str, ...], ...],
        reasons: tuple[str, ...] = (),
        source: str | None = None,
    ) -> None:
        super().__init__(message, source=source)
        #: the first row of every table seen, to show what was there instead
        self.headers = headers
        #: for each table, what it lacked to be read as a member table
        self.reasons = reasons


class MissingDependencyError(IcorExtractError, ImportError):
    """An optional feature (Parquet, Dask) whose extra is not installed."""

    def __init__(self, feature: str, *, extra: str, module: str) -> None:
        super().__init__(
            f"{feature} needs the optional dependency {module!r}: "
            f'pip install "icor_extract[{extra}]"'
        )
        #: the extra that installs it
        self.extra = extra
        #: the module that could not be imported
        self.module = module


def require(module: str, *, feature: str, extra: str) -> None:
    """Raise :class:`MissingDependencyError` unless ``module`` can be imported."""
    from importlib.util import find_spec  # noqa: PLC0415 - only when a feature asks

    if find_spec(module) is None:
        raise MissingDependencyError(feature, extra=extra, module=module)


class InternalError(IcorExtractError):
    """A bug in icor_extract, not a problem with the input."""


__all__ = [
    "DecodingError",
    "EmptyInputError",
    "IcorExtractError",
    "InputError",
    "InternalError",
    "MissingDependencyError",
    "NoMemberTableError",
    "NoTableError",
    "OptionError",
    "TooLargeError",
    "UnsupportedFormatError",
    "require",
]
