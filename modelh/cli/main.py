"""The ``modelh`` command line: the app, its table of commands, and the entry point.

Each command lives in a module of its own group (``modelh.cli.check``,
``modelh.cli.canvas``, ...), imported only when that command runs or shows its
own help: ``modelh --help`` lists the commands from the table below, so neither
it nor ``modelh validate`` imports another command's module (nor rich, Jinja or
WeasyPrint), however many commands there are.
"""

from __future__ import annotations

import importlib
import os
import sys
from typing import Annotated, Any, NamedTuple

import typer
import typer.main
from typer.core import TyperCommand, TyperGroup

from modelh import __version__
from modelh.cli._common import EXIT_USAGE, handle_errors
from modelh.escaping import printable


class Command(NamedTuple):
    """Where a command is defined, and the one line ``modelh --help`` shows for it."""

    module: str
    function: str
    help: str  # the first paragraph of the function's docstring (a test keeps them equal)
    alias: bool = False  # another name for the function's command: ``help`` is all its help


#: Every command, in the order ``modelh --help`` lists them.
COMMANDS: dict[str, Command] = {
    "validate": Command(
        "modelh.cli.check",
        "validate",
        "Check that canvas files follow the canvas format; print every problem.",
    ),
    "check": Command(
        "modelh.cli.check",
        "check",
        "Check canvases for gaps against the modelH method, like a linter.",
    ),
    "rules": Command(
        "modelh.cli.check",
        "rules",
        "List the gap rules, or explain one: why it matters, how to fix it, an example.",
    ),
    "new": Command(
        "modelh.cli.canvas",
        "new",
        "Write a starter canvas with every key present and empty, and guidance as comments.",
    ),
    "schema": Command(
        "modelh.cli.canvas",
        "schema",
        "Print the canvas format's JSON Schema (draft 2020-12), for editors and CI.",
    ),
    "framework": Command(
        "modelh.cli.framework",
        "framework",
        "Show the modelH method: the eight questions, seven dimensions, measures and stages.",
    ),
    "guide": Command(
        "modelh.cli.framework",
        "framework",
        "Show the modelH method (the same as 'modelh framework').",
        alias=True,
    ),
    "interview": Command(
        "modelh.cli.interview",
        "interview",
        "Walk through the canvas questions, the seven dimensions, the segments and the "
        "measures, and write each answer into the canvas file as it is given.",
    ),
    "render": Command(
        "modelh.cli.render",
        "render",
        "Render canvases as a report: one self-contained HTML file and a PDF handout each.",
    ),
    "diff": Command("modelh.cli.diff", "diff", "Compare two versions of a canvas by meaning."),
    "history": Command("modelh.cli.history", "history", "Show a canvas's trends from git history."),
    "status": Command("modelh.cli.status", "status", "Show one line per canvas: where it stands."),
}

_SETTINGS: dict[str, Any] = {
    "rich_markup_mode": None,
    "pretty_exceptions_enable": False,
    "context_settings": {"help_option_names": ["-h", "--help"]},
}


class _LazyGroup(TyperGroup):
    """A group whose commands are imported and built from the table when one is asked for."""

    def list_commands(self, ctx: Any) -> list[str]:
        return list(COMMANDS)

    def get_command(self, ctx: Any, cmd_name: str) -> Any:
        if cmd_name not in self.commands and cmd_name in COMMANDS:
            entry = COMMANDS[cmd_name]
            function = getattr(importlib.import_module(entry.module), entry.function)
            single = typer.Typer(add_completion=False, **_SETTINGS)
            single.command(cmd_name, help=entry.help if entry.alias else None)(function)
            built = typer.main.get_command(single)
            built.name = cmd_name
            self.commands[cmd_name] = built
        return self.commands.get(cmd_name)

    def format_commands(self, ctx: Any, formatter: Any) -> None:
        """The command list from the table: no command's module is imported for it.

        Shortened as Click shortens a command's help (its first sentence, or as
        much as fits), so the list reads as it would from the commands themselves.
        """
        limit = formatter.width - 6 - max(map(len, COMMANDS))
        rows = [
            (name, TyperCommand(name, help=entry.help).get_short_help_str(limit))
            for name, entry in COMMANDS.items()
        ]
        with formatter.section("Commands"):
            formatter.write_dl(rows)

    def invoke(self, ctx: Any) -> Any:
        with handle_errors():  # any ModelhError a command lets through: a message, exit 2
            return super().invoke(ctx)


app = typer.Typer(
    name="modelh",
    cls=_LazyGroup,
    help=(
        "Keep modelH canvases (healthcare business models) as YAML in git, "
        "check them against the method, and report on them."
    ),
    no_args_is_help=True,
    **_SETTINGS,
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"modelh {__version__}")
        raise typer.Exit()


@app.callback()
def _main(
    version: Annotated[
        bool,
        typer.Option(
            "--version", "-V", callback=_version, is_eager=True, help="Show the version and exit."
        ),
    ] = False,
) -> None:
    """Keep modelH canvases as YAML in git, check them against the method, report on them."""


def main() -> None:
    """Entry point of the ``modelh`` console script."""
    try:
        app()
    except KeyboardInterrupt:
        typer.echo("\nmodelh: interrupted", err=True)
        sys.exit(130)
    except BrokenPipeError:  # the reader went away (| head): stop quietly
        _silence_stdout()
        sys.exit(0)
    except OSError as exc:  # e.g. the disk the output goes to is full
        _silence_stdout()
        reason = printable(str(exc.strerror or exc))
        print(f"modelh: error: cannot write the output: {reason}", file=sys.stderr)
        sys.exit(EXIT_USAGE)


def _silence_stdout() -> None:
    """Point stdout at /dev/null so that Python's final flush cannot fail again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass
