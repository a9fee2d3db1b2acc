"""``modelh validate``, ``modelh check`` and ``modelh rules``: is a canvas well formed,
where are its gaps against the method, and what each gap rule finds."""

from __future__ import annotations

import os
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from modelh.cli._common import (
    EXIT_OK,
    EXIT_PROBLEMS,
    colour,
    fail,
    fail_if_missing,
    fail_no_canvases,
    find_targets,
    print_problem,
    say_configuration,
    style,
)
from modelh.errors import CanvasError
from modelh.escaping import printable


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
    """Check that canvas files follow the format; print every problem.

    Exit status: 0 when every canvas is valid, 1 when any has problems,
    2 when a path does not exist or nothing was found to check.
    """
    from modelh.canvas.loader import load_canvas

    targets = find_targets(paths)
    bad = total = 0
    for target in targets:
        try:
            load_canvas(target.path)
        except CanvasError as exc:
            bad += 1
            total += len(exc.problems)
            for problem in exc.problems:
                print_problem(problem)
        else:
            if not quiet:
                typer.echo(f"{style('ok', fg='green', bold=True)}  {printable(target.path)}")
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
    from modelh.check.checker import run_checks
    from modelh.check.config import load_config, with_rule_selection
    from modelh.check.output import render

    config = load_config(None if isolated else config_file, discover=not isolated)
    config = with_rule_selection(config, _codes(select), _codes(ignore))
    say_configuration(config.source)
    fail_if_missing(paths)
    report = run_checks(
        paths,
        config,
        canvases_only=canvases_only,
        fail_on=fail_on.value if fail_on else None,
        jobs=jobs,
    )
    if not report.files and not canvases_only:
        fail_no_canvases(paths)
    width = max(40, min(120, _terminal_width()))
    typer.echo(render(report, output_format.value, color=colour(), width=width), nl=False)
    raise typer.Exit(EXIT_OK if exit_zero or not report.fails() else EXIT_PROBLEMS)


def _terminal_width() -> int:
    import shutil

    return shutil.get_terminal_size((100, 24)).columns


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
    """List the gap rules, or explain one in full.

    The list gives each rule's code, severity, what it finds and its name; one
    rule in full says why it matters, how to fix it, and gives an example.
    """
    from rich.console import Console

    from modelh.check.rules import all_rules, find_rule
    from modelh.cli import rulebook

    console = Console(no_color="NO_COLOR" in os.environ, highlight=False, emoji=False)
    if rule is None:
        rulebook.print_list(console, all_rules())
        return
    try:
        found = find_rule(rule)
    except KeyError:
        fail(f"no rule is called '{rule}'; run 'modelh rules' for the list")
    rulebook.print_rule(console, found)
