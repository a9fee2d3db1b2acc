"""Errors a user can cause, each carrying a message meant for them."""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["CanvasError", "ModelhError", "Problem", "UsageError"]


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a canvas file, at a place in it.

    Lines and columns count from 1; ``end_line``/``end_column`` point just past
    the offending text. ``path`` is the dotted key path (``segments[ma-members].role``)
    or ``""`` for the file as a whole. ``kind`` names the family of problem
    (``syntax``, ``type``, ``missing-key``, ``unknown-key``, ``duplicate-key``,
    ``duplicate-id``, ``reference``, ``enum``, ``value``, ``file``).
    """

    file: str
    line: int
    column: int
    end_line: int
    end_column: int
    kind: str
    path: str
    message: str

    def location(self) -> str:
        """``file:line:col`` as editors and terminals link it."""
        return f"{self.file}:{self.line}:{self.column}"

    def __str__(self) -> str:
        where = f" ({self.path})" if self.path else ""
        return f"{self.location()}: {self.message}{where}"


class ModelhError(Exception):
    """Base of every error modelh reports to a user as a message, not a traceback."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class UsageError(ModelhError):
    """The user asked for something that cannot be done (a file exists, a bad option)."""


class CanvasError(ModelhError):
    """A canvas file could not be loaded; ``problems`` lists everything wrong with it."""

    def __init__(self, file: str, problems: list[Problem] | tuple[Problem, ...]) -> None:
        self.file = file
        self.problems = tuple(sorted(problems, key=lambda p: (p.line, p.column, p.message)))
        count = len(self.problems)
        noun = "problem" if count == 1 else "problems"
        first = f": {self.problems[0]}" if self.problems else ""
        super().__init__(f"{file}: {count} {noun}{first}")
