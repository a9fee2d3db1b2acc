"""``modelh status``: one line per canvas, where each one stands."""

from __future__ import annotations

import shutil
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from modelh.cli._common import (
    colour,
    fail_if_missing,
    fail_no_canvases,
    say_configuration,
)


class Format(StrEnum):
    text = "text"
    md = "md"
    json = "json"


class SortKey(StrEnum):
    by_organization = "organization"
    by_title = "title"
    by_status = "status"
    by_version = "version"
    by_completeness = "completeness"
    by_errors = "errors"
    by_warnings = "warnings"
    by_past_tip = "past-tip"
    by_changed = "changed"
    by_file = "file"


class CanvasStatus(StrEnum):
    draft = "draft"
    review = "review"
    final = "final"


def status(
    paths: Annotated[
        list[str] | None,
        typer.Argument(
            metavar="[DIR]...",
            help="Folders searched for canvases, or canvas files [default: .].",
            show_default=False,
        ),
    ] = None,
    sort: Annotated[
        SortKey, typer.Option("--sort", help="Sort the lines by this column.")
    ] = SortKey.by_organization,
    reverse: Annotated[bool, typer.Option("--reverse", help="Sort the other way.")] = False,
    only_status: Annotated[
        list[CanvasStatus] | None,
        typer.Option(
            "--status", help="Only canvases with this status (repeatable).", show_default=False
        ),
    ] = None,
    organization: Annotated[
        str | None,
        typer.Option(
            "--org",
            "--organization",
            metavar="TEXT",
            help="Only organizations whose name holds TEXT (case aside).",
            show_default=False,
        ),
    ] = None,
    below: Annotated[
        int | None,
        typer.Option(
            "--below",
            metavar="PERCENT",
            min=0,
            max=101,
            help="Only canvases less complete than PERCENT.",
            show_default=False,
        ),
    ] = None,
    with_errors: Annotated[
        bool,
        typer.Option("--errors", help="Only canvases with errors (those that do not load too)."),
    ] = False,
    output_format: Annotated[
        Format,
        typer.Option("--format", "-f", help="text for people, md to paste, json for tools."),
    ] = Format.text,
    config_file: Annotated[
        Path | None,
        typer.Option(
            "--config",
            help="The configuration the checks follow (default: found as 'check' finds it).",
            show_default=False,
        ),
    ] = None,
    isolated: Annotated[
        bool, typer.Option("--isolated", help="Ignore every configuration file.")
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
    """Show one line per canvas: where it stands.

    Organization, title, status, version, completeness, errors and warnings,
    segments past the Trust Inflection Point, and the last change (from git,
    else the file's time). A canvas that does not load is a line with its
    problem. Exit status: 0, or 2 on a usage error or when nothing is found.
    """
    from modelh.check.config import load_config
    from modelh.history.status import StatusReport, canvas_status, filter_rows, sort_rows
    from modelh.history.status_output import render_status

    paths = paths or ["."]
    fail_if_missing(paths)
    config = load_config(None if isolated else config_file, discover=not isolated)
    say_configuration(config.source)
    report = canvas_status(paths, config, jobs=jobs)
    if not report.rows:
        fail_no_canvases(paths)
    rows = filter_rows(
        report.rows,
        statuses=[s.value for s in only_status or []],
        organization=organization,
        below=below,
        with_errors=with_errors,
    )
    rows = sort_rows(rows, sort.value, reverse=reverse)
    shown = StatusReport(tuple(rows), report.note)
    # shortened to fit a terminal; whole lines into a pipe or a file
    width = shutil.get_terminal_size().columns if sys.stdout.isatty() else None
    text = render_status(shown, output_format.value, color=colour(), width=width)
    typer.echo(text, nl=False)
