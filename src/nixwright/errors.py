"""The one error type users see, and the source location shared by every stage."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, order=True, init=False)
class SourceLocation:
    """A place in a file; line and column are 1-based, as editors show them."""

    file: str
    line: int
    col: int

    def __init__(self, file: str, line: int, col: int) -> None:
        # Written straight into the instance (still frozen to callers): readers make these by the
        # thousand, and compiled (setup.py) this is several times faster than the generated __init__.
        object.__setattr__(self, "file", file)
        object.__setattr__(self, "line", line)
        object.__setattr__(self, "col", col)

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.col}"


class NixwrightError(Exception):
    """A user-facing error: what went wrong, where, and how to fix it.

    The CLI prints it as one line (plus the hint) and exits non-zero; anything else
    that escapes is a bug and is shown with a traceback only under ``--debug``.
    """

    def __init__(
        self,
        message: str,
        hint: str | None = None,
        location: SourceLocation | None = None,
        exit_code: int = 2,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint
        self.location = location
        self.exit_code = exit_code

    def __str__(self) -> str:
        prefix = f"{self.location}: " if self.location else ""
        return f"{prefix}{self.message}"
