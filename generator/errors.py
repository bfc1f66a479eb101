"""The project's errors: one base class, and source errors that know where they are.

Locations are data (file, line, column, model path); the readable
``path:line:col: message`` form is built only when printed, like jsonschema's
errors. Every command catches :class:`NoticesError`, prints it to stderr and
exits with status 2, so a user never sees a traceback for bad input.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path


class NoticesError(Exception):
    """Base class for every error the toolkit reports to a user (exit status 2)."""


@dataclass
class SourceError:
    """One problem at one location: the project's one record of "what is wrong, where".

    ``path``, ``line`` and ``column`` (1-based) when the file is known; ``loc`` is the data
    path inside it (``("decisions", 0, "clause")``), which is all a layer that reads no
    files (the classifier) can give: the caller that knows the file turns it into a line.
    """

    path: Path | str | None
    line: int | None
    column: int | None
    message: str
    loc: tuple[str | int, ...] = field(default=())

    def __str__(self) -> str:
        if self.path is None:
            return f"{data_path(self.loc)}: {self.message}" if self.loc else self.message
        where = str(self.path)
        if self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        return f"{where}: {self.message}"


def data_path(loc: tuple[str | int, ...]) -> str:
    """``("decisions", 0, "clause")`` -> ``decisions[0].clause``."""
    out = ""
    for step in loc:
        out += f"[{step}]" if isinstance(step, int) else (f".{step}" if out else str(step))
    return out


class SourceErrors(NoticesError):
    """All problems found while loading a source tree, reported together."""

    def __init__(self, errors: list[SourceError]):
        self.errors = sorted(errors, key=lambda e: (str(e.path or ""), e.line or 0, e.column or 0))
        super().__init__("\n".join(str(e) for e in self.errors))


class UsageError(NoticesError):
    """A request the source cannot answer (unknown version, locale, clause...)."""


class OutputError(NoticesError):
    """Output that cannot be written, or may not be replaced: ``path: what went wrong``
    (a full disk, ``-o`` naming a directory or a FIFO...). ``generator.files`` raises
    ``OutputFailure`` (an OSError, it cannot import this module); the layers above raise
    it again as this."""
