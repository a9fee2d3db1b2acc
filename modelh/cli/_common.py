"""What every command shares: exit codes, styled output, the "no such file / no
canvases found" messages, and the one handler that turns a ``ModelhError`` into
a message and an exit code.

Imports only typer and modelh's errors, so that importing it costs nothing a
command would not pay anyway.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from typing import TYPE_CHECKING, NoReturn

import typer

from modelh.errors import ModelhError, Problem
from modelh.escaping import printable

if TYPE_CHECKING:
    from modelh.canvas.discovery import Target

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE = 0, 1, 2


def colour() -> bool:
    """Whether standard output takes colours (a terminal, and no NO_COLOR)."""
    return "NO_COLOR" not in os.environ and sys.stdout.isatty()


def style(text: str, **options: object) -> str:
    """``text`` styled (typer.style) when colours are on."""
    return typer.style(text, **options) if colour() else text  # type: ignore[arg-type]


def fail(message: str, code: int = EXIT_USAGE) -> NoReturn:
    """Print ``message`` (escaped: it may name a file or quote a canvas) and exit."""
    typer.echo(f"modelh: error: {printable(message)}", err=True)
    raise typer.Exit(code)


@contextmanager
def handle_errors(codes: Mapping[type[ModelhError], int] | None = None) -> Iterator[None]:
    """Turn a ``ModelhError`` raised inside into ``modelh: error: MESSAGE`` and an exit code.

    The code is 2 (a usage error, or a step that could not run) unless ``codes``
    maps the error's class (or a base of it) to another. Every command runs
    inside one such handler (``cli.main``); a command that gives some errors
    another code wraps its own call in one more.
    """
    try:
        yield
    except ModelhError as exc:
        code = next(
            (code for kind, code in (codes or {}).items() if isinstance(exc, kind)), EXIT_USAGE
        )
        fail(exc.message, code)


def print_problem(problem: Problem, *, err: bool = False) -> None:
    """One problem as ``file:line:col: error: message [path]``."""
    where = style(printable(problem.location()), bold=True)
    label = style("error", fg="red", bold=True)
    path = style(f" [{printable(problem.path)}]", dim=True) if problem.path else ""
    typer.echo(f"{where}: {label}: {printable(problem.message)}{path}", err=err)


def say_configuration(source: str | None) -> None:
    """One line on standard error naming the configuration in use (stdout stays data)."""
    if source is not None:
        typer.echo(f"modelh: using configuration {printable(source)}", err=True)


def fail_if_missing(paths: Iterable[str]) -> None:
    """Exit 2 naming every one of ``paths`` that does not exist."""
    missing = [p or "''" for p in paths if not os.path.lexists(p)]
    if missing:
        fail(f"no such file or folder: {', '.join(missing)}")


def fail_no_canvases(paths: Sequence[str]) -> NoReturn:
    """Exit 2: nothing among ``paths`` is a canvas."""
    fail(f"no canvas files found in {', '.join(paths)} (a canvas has a 'modelh: 1' line)")


def find_targets(paths: Sequence[str]) -> list[Target]:
    """The canvases among ``paths`` (folders searched); exit 2 if a path is missing
    or nothing was found."""
    from modelh.canvas.discovery import find_canvases

    targets = find_canvases(paths)
    fail_if_missing(t.path for t in targets if t.explicit)
    if not targets:
        fail_no_canvases(paths)
    return targets


def terminal_width() -> int:
    """How wide text output is drawn: the terminal's width, between 60 and 120 columns."""
    import shutil

    return max(60, min(120, shutil.get_terminal_size((100, 24)).columns))
