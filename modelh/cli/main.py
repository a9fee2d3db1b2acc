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
from typer.core import TyperGroup

from modelh import __version__
from modelh.cli._common import EXIT_USAGE, handle_errors
from modelh.escaping import printable


class Command(NamedTuple):
    """Where a command is defined, and the one line ``modelh --help`` shows for it."""

    module: str
    function: str
    help: str  # the first paragraph of the function's docstring (a test keeps them equal)
    alias: bool = False  # another name for the function's command: ``help`` is all its help


#: Every command, in the order ``modelh --help`` lists them: first the order of the
#: work (a starter canvas, the interview that fills it in, the check, the report, the
#: workshop preview, then what changed, the history, where every canvas stands),
#: then the rest. A help fits one line at 80 columns where it can.
COMMANDS: dict[str, Command] = {
    "new": Command(
        "modelh.cli.canvas",
        "new",
        "Write a starter canvas: every key empty, guidance in comments.",
    ),
    "interview": Command(
        "modelh.cli.interview",
        "interview",
        "Walk through the whole canvas in the method's order, segments first, and write "
        "each answer into the canvas file as it is given.",
    ),
    "check": Command(
        "modelh.cli.check",
        "check",
        "Check canvases for gaps against the modelH method, like a linter.",
    ),
    "render": Command(
        "modelh.cli.render",
        "render",
        "Render each canvas as a report: an HTML page and a PDF handout.",
    ),
    "preview": Command(
        "modelh.cli.preview",
        "preview",
        "Serve a canvas's handout in a browser, shown again at every save.",
    ),
    "diff": Command("modelh.cli.diff", "diff", "Compare two versions of a canvas by meaning."),
    "history": Command("modelh.cli.history", "history", "Show a canvas's trends from git history."),
    "status": Command("modelh.cli.status", "status", "Show one line per canvas: where it stands."),
    "validate": Command(
        "modelh.cli.check",
        "validate",
        "Check that canvas files follow the format; print every problem.",
    ),
    "rules": Command(
        "modelh.cli.check",
        "rules",
        "List the gap rules, or explain one in full.",
    ),
    "framework": Command(
        "modelh.cli.framework",
        "framework",
        "Show the method: questions, dimensions, measures, stages, journeys, bone-deep CX.",
    ),
    "guide": Command(
        "modelh.cli.framework",
        "framework",
        "Show the method (the same as 'modelh framework').",
        alias=True,
    ),
    "schema": Command(
        "modelh.cli.canvas",
        "schema",
        "Print the canvas format's JSON Schema, for editors and CI.",
    ),
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

        Each help is shown whole, wrapped under itself when it does not fit the
        line, never cut short.
        """
        with formatter.section("Commands"):
            formatter.write_dl([(name, entry.help) for name, entry in COMMANDS.items()])

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
