"""The ``modelh`` command line: parse, call one library function, print.

Rich is imported only by the commands that draw tables, so ``modelh --help``
and ``modelh validate`` start about as fast as Python, Typer and PyYAML allow.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any, NoReturn, TypeVar

import typer
import typer.main
from typer.core import TyperGroup

from modelh import __version__
from modelh.errors import CanvasError, ModelhError, Problem
from modelh.escaping import printable

_F = TypeVar("_F", bound=Callable[..., Any])

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE = 0, 1, 2

_SETTINGS: dict[str, Any] = {
    "rich_markup_mode": None,
    "pretty_exceptions_enable": False,
    "context_settings": {"help_option_names": ["-h", "--help"]},
}

#: Commands by name, turned into click commands only when asked for, so that the
#: start-up cost of one command does not grow with the number of commands.
_COMMANDS: dict[str, tuple[Callable[..., Any], dict[str, Any]]] = {}


def command(name: str | None = None, **options: Any) -> Callable[[_F], _F]:
    """Register a command function (like ``app.command``), built on first use."""

    def register(function: _F) -> _F:
        _COMMANDS[name or function.__name__] = (function, options)
        return function

    return register


#: Commands defined in modules of their own: name -> module. Each such module holds
#: a function named after the command and may hold ``COMMAND_OPTIONS`` (keyword
#: arguments for ``app.command``); it is imported only when its command runs or
#: the command list is shown.
_MODULE_COMMANDS = {"interview": "modelh.cli.interview", "render": "modelh.cli.render"}


def _module_commands() -> list[str]:
    return sorted(_MODULE_COMMANDS)


class _LazyGroup(TyperGroup):
    """A group whose subcommands are built from their functions when needed."""

    def list_commands(self, ctx: Any) -> list[str]:
        return list(dict.fromkeys([*_COMMANDS, *_module_commands()]))

    def get_command(self, ctx: Any, cmd_name: str) -> Any:
        if cmd_name not in _COMMANDS and cmd_name in _module_commands():
            import importlib

            module = importlib.import_module(_MODULE_COMMANDS[cmd_name])
            _COMMANDS[cmd_name] = (
                getattr(module, cmd_name.replace("-", "_")),
                getattr(module, "COMMAND_OPTIONS", {}),
            )
        if cmd_name not in self.commands and cmd_name in _COMMANDS:
            function, options = _COMMANDS[cmd_name]
            single = typer.Typer(add_completion=False, **_SETTINGS)
            single.command(cmd_name, **options)(function)
            built = typer.main.get_command(single)
            built.name = cmd_name
            self.commands[cmd_name] = built
        return self.commands.get(cmd_name)


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


def _colour() -> bool:
    return "NO_COLOR" not in os.environ and sys.stdout.isatty()


def _style(text: str, **style: object) -> str:
    return typer.style(text, **style) if _colour() else text  # type: ignore[arg-type]


def _fail(message: str, code: int = EXIT_USAGE) -> NoReturn:
    """Print ``message`` (escaped: it may name a file or quote a canvas) and exit."""
    typer.echo(f"modelh: error: {printable(message)}", err=True)
    raise typer.Exit(code)


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


# ---------------------------------------------------------------------------
# validate


def _print_problem(problem: Problem, *, err: bool = False) -> None:
    where = _style(printable(problem.location()), bold=True)
    label = _style("error", fg="red", bold=True)
    path = _style(f" [{printable(problem.path)}]", dim=True) if problem.path else ""
    typer.echo(f"{where}: {label}: {printable(problem.message)}{path}", err=err)


@command()
def validate(
    paths: Annotated[
        list[str],
        typer.Argument(
            metavar="PATH...",
            help="Canvas files, or folders to search for *.yaml/*.yml canvases.",
            show_default=False,
        ),
    ],
    quiet: Annotated[
        bool, typer.Option("--quiet", "-q", help="Print problems only, no summary.")
    ] = False,
) -> None:
    """Check that canvas files follow the canvas format; print every problem.

    Exit status: 0 when every canvas is valid, 1 when any has problems,
    2 when a path does not exist or nothing was found to check.
    """
    from modelh.canvas.discovery import find_canvases
    from modelh.canvas.loader import load_canvas

    targets = find_canvases(paths)
    missing = [t.path or "''" for t in targets if t.explicit and not os.path.lexists(t.path)]
    if missing:
        _fail(f"no such file or folder: {', '.join(missing)}")
    if not targets:
        _fail(f"no canvas files found in {', '.join(paths)} (a canvas has a 'modelh: 1' line)")
    bad = total = 0
    for target in targets:
        try:
            load_canvas(target.path)
        except CanvasError as exc:
            bad += 1
            total += len(exc.problems)
            for problem in exc.problems:
                _print_problem(problem)
        else:
            if not quiet:
                typer.echo(f"{_style('ok', fg='green', bold=True)}  {printable(target.path)}")
    if not quiet:
        files = f"{len(targets)} file{'s' if len(targets) != 1 else ''}"
        if bad:
            noun = "problem" if total == 1 else "problems"
            typer.echo(
                f"{files} checked: {total} {noun} in {bad}, {len(targets) - bad} valid", err=False
            )
        else:
            typer.echo(f"{files} checked: all valid")
    raise typer.Exit(EXIT_PROBLEMS if bad else EXIT_OK)


# ---------------------------------------------------------------------------
# check


class OutputFormat(StrEnum):
    text = "text"
    concise = "concise"
    json = "json"
    sarif = "sarif"
    github = "github"


class Severity(StrEnum):
    error = "error"
    warning = "warning"
    info = "info"


def _codes(values: list[str] | None) -> tuple[str, ...]:
    return tuple(c.strip() for v in values or [] for c in v.split(",") if c.strip())


@command()
def check(
    paths: Annotated[
        list[str],
        typer.Argument(
            metavar="PATH...",
            help="Canvas files, or folders searched for canvases (*.yaml, *.yml "
            "with a top-level 'modelh:' line).",
            show_default=False,
        ),
    ],
    output_format: Annotated[
        OutputFormat, typer.Option("--format", "-f", help="How to print the findings.")
    ] = OutputFormat.text,
    fail_on: Annotated[
        Severity | None,
        typer.Option(
            "--fail-on",
            help="Exit 1 when a finding is at least this severe "
            "[default: error, or the configuration's; a final canvas fails on "
            "warnings too].",
            show_default=False,
        ),
    ] = None,
    exit_zero: Annotated[
        bool, typer.Option("--exit-zero", help="Exit 0 even when findings fail the check.")
    ] = False,
    select: Annotated[
        list[str] | None,
        typer.Option(
            "--select",
            help="Run only these rules: codes, names or prefixes "
            "(MH2), comma-separated or repeated.",
            show_default=False,
        ),
    ] = None,
    ignore: Annotated[
        list[str] | None,
        typer.Option(
            "--ignore", help="Leave out these rules (codes, names or prefixes).", show_default=False
        ),
    ] = None,
    config_file: Annotated[
        Path | None,
        typer.Option(
            "--config",
            help="Read this configuration file instead of looking for "
            ".modelh.yaml or [tool.modelh] in pyproject.toml.",
            show_default=False,
        ),
    ] = None,
    isolated: Annotated[
        bool, typer.Option("--isolated", help="Ignore every configuration file.")
    ] = False,
    canvases_only: Annotated[
        bool,
        typer.Option(
            "--canvases-only",
            help="Skip named files that are not canvases instead "
            "of reporting them (for pre-commit).",
        ),
    ] = False,
    jobs: Annotated[
        int | None,
        typer.Option(
            "--jobs",
            "-j",
            min=1,
            help="Processes to check many files with [default: one per core].",
            show_default=False,
        ),
    ] = None,
) -> None:
    """Check canvases for gaps against the modelH method, like a linter.

    Prints each finding with its file:line:col, why it matters and how to fix it,
    then each canvas's completeness. Exit status: 0 when nothing reaches --fail-on,
    1 when something does, 2 on a usage error or when a check cannot run.
    """
    from dataclasses import replace

    from modelh.check.checker import run_checks
    from modelh.check.config import load_config
    from modelh.check.output import render

    try:
        config = (
            load_config(config_file, discover=not isolated)
            if not isolated
            else (load_config(None, discover=False))
        )
        if select or ignore:
            config = replace(
                config,
                select=_codes(select) or config.select,
                ignore=config.ignore + _codes(ignore),
            )
            from modelh.check.config import _build

            _build(
                {"select": list(config.select), "ignore": list(config.ignore)},
                Path("--select/--ignore"),
            )
    except ModelhError as exc:
        _fail(exc.message)
    _say_configuration(config.source)
    missing = [p or "''" for p in paths if not os.path.lexists(p)]
    if missing:
        _fail(f"no such file or folder: {', '.join(missing)}")
    report = run_checks(
        paths,
        config,
        canvases_only=canvases_only,
        fail_on=fail_on.value if fail_on else None,
        jobs=jobs,
    )
    if not report.files and not canvases_only:
        _fail(f"no canvas files found in {', '.join(paths)} (a canvas has a 'modelh: 1' line)")
    width = max(60, min(120, _terminal_width()))
    typer.echo(render(report, output_format.value, color=_colour(), width=width), nl=False)
    raise typer.Exit(EXIT_OK if exit_zero or not report.fails() else EXIT_PROBLEMS)


def _say_configuration(source: str | None) -> None:
    """One line on standard error naming the configuration in use (stdout stays data)."""
    if source is not None:
        typer.echo(f"modelh: using configuration {printable(source)}", err=True)


def _terminal_width() -> int:
    import shutil

    return shutil.get_terminal_size((100, 24)).columns


@command()
def rules(
    rule: Annotated[
        str | None,
        typer.Argument(
            metavar="[RULE]",
            help="A rule's code or name (MH203, dimension-no-channel): show its documentation.",
            show_default=False,
        ),
    ] = None,
) -> None:
    """List the gap rules, or explain one: why it matters, how to fix it, an example."""
    from rich.console import Console
    from rich.markup import escape
    from rich.table import Table

    from modelh.check.rules import all_rules, find_rule

    console = Console(no_color="NO_COLOR" in os.environ, highlight=False)
    if rule is None:
        table = Table(title="modelh rules", title_justify="left", expand=True)
        for column in ("code", "name", "severity", "section"):
            table.add_column(column, no_wrap=True)
        table.add_column("finds", ratio=1)
        for r in all_rules():
            table.add_row(r.code, r.name, r.severity, r.section, r.title)
        console.print(table)
        console.print("Run 'modelh rules CODE' for one rule in full.")
        return
    try:
        found = find_rule(rule)
    except KeyError:
        _fail(f"no rule is called '{rule}'; run 'modelh rules' for the list")
    console.print(f"[bold]{found.code} {found.name}[/]  ({found.severity}, {found.section})")
    console.print()
    console.print(escape(found.doc))
    if found.options:
        console.print()
        console.print("[bold]Options[/] (defaults):")
        for key, value in found.options.items():
            console.print(f"  {key} = {value!r}")


# ---------------------------------------------------------------------------
# new


@command()
def new(
    path: Annotated[
        Path,
        typer.Argument(
            metavar="PATH", help="Where to write the canvas (.yaml).", show_default=False
        ),
    ],
    organization: Annotated[
        str,
        typer.Option(
            "--org", "--organization", help="The client organization.", show_default=False
        ),
    ],
    title: Annotated[
        str, typer.Option("--title", help="The business model's name.", show_default=False)
    ],
    prepared_by: Annotated[
        list[str] | None,
        typer.Option(
            "--by",
            "--prepared-by",
            help="A consultant preparing it (repeatable).",
            show_default=False,
        ),
    ] = None,
    canvas_date: Annotated[
        str | None,
        typer.Option(
            "--date", help="Date of this version, YYYY-MM-DD. Default: today.", show_default=False
        ),
    ] = None,
    schema: Annotated[
        bool,
        typer.Option(
            "--schema/--no-schema",
            help="Also write modelh.schema.json beside the canvas, so editors check it offline.",
        ),
    ] = True,
) -> None:
    """Write a starter canvas with every key present and empty, and guidance as comments.

    Never overwrites an existing file.
    """
    from modelh.canvas.starter import create_canvas

    try:
        made = create_canvas(
            path,
            title=title,
            organization=organization,
            prepared_by=prepared_by,
            date=date.today().isoformat() if canvas_date is None else canvas_date,
            write_schema=schema,
        )
    except ModelhError as exc:
        _fail(exc.message)
    shown = printable(str(made.path))
    typer.echo(f"wrote {shown}")
    if made.schema_path:
        typer.echo(
            f"wrote {printable(str(made.schema_path))} (the schema editors use to check the canvas)"
        )
    if made.schema_skipped:
        typer.echo(
            f"left {printable(str(made.schema_skipped))} alone: {made.skipped_because}, so the "
            "canvas does not point to it",
            err=True,
        )
    typer.echo(f"next: fill it in, then run: modelh validate {shown}")


# ---------------------------------------------------------------------------
# schema


@command()
def schema(
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            help="Write the schema to this file instead of printing it.",
            show_default=False,
        ),
    ] = None,
) -> None:
    """Print the canvas format's JSON Schema (draft 2020-12), for editors and CI.

    Point an editor (with yaml-language-server) at it with a first line in the canvas:

    \b
    # yaml-language-server: $schema=modelh.schema.json
    """
    from modelh.canvas.schema import shipped_schema_text

    text = shipped_schema_text()
    if output is None:
        typer.echo(text, nl=False)
        return
    try:
        output.write_text(text, encoding="utf-8")
    except OSError as exc:
        _fail(f"{output}: cannot write: {exc.strerror}")
    typer.echo(f"wrote {printable(str(output))}", err=True)


# ---------------------------------------------------------------------------
# framework / guide


class Topic(StrEnum):
    questions = "questions"
    dimensions = "dimensions"
    measures = "measures"
    stages = "stages"


def _framework(topic: Topic | None, item: str | None) -> None:
    from rich.console import Console

    from modelh.cli import guide

    try:
        parts = guide.renderables(topic.value if topic else None, item)
    except KeyError as exc:
        _fail(str(exc.args[0]) if exc.args else "unknown item")
    console = Console(no_color="NO_COLOR" in os.environ)
    for part in parts:
        console.print(part)
        console.print()


_TOPIC_HELP = "What to show: questions, dimensions, measures or stages. Default: all."
_ITEM_HELP = "One question, dimension, domain or stage id, shown in full with its guidance."


@command()
def framework(
    topic: Annotated[
        Topic | None, typer.Argument(metavar="[TOPIC]", help=_TOPIC_HELP, show_default=False)
    ] = None,
    item: Annotated[
        str | None, typer.Argument(metavar="[ID]", help=_ITEM_HELP, show_default=False)
    ] = None,
) -> None:
    """Show the modelH method: the eight questions, seven dimensions, measures and stages."""
    _framework(topic, item)


@command("guide")
def guide_command(
    topic: Annotated[
        Topic | None, typer.Argument(metavar="[TOPIC]", help=_TOPIC_HELP, show_default=False)
    ] = None,
    item: Annotated[
        str | None, typer.Argument(metavar="[ID]", help=_ITEM_HELP, show_default=False)
    ] = None,
) -> None:
    """Show the modelH method (the same as 'modelh framework')."""
    _framework(topic, item)


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
