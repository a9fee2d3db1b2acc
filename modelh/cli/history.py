"""``modelh history``: a canvas's measures, stages and completeness over its git history."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

import typer

from modelh.cli._common import colour, terminal_width


class Format(StrEnum):
    text = "text"
    md = "md"
    json = "json"


class Dates(StrEnum):
    commit = "commit"
    canvas = "canvas"


def history(
    canvas: Annotated[
        str,
        typer.Argument(
            metavar="CANVAS",
            help="The canvas file (it may have been renamed, or deleted since).",
            show_default=False,
        ),
    ],
    since: Annotated[
        str | None,
        typer.Option(
            "--since",
            metavar="WHEN",
            help="Only commits from this date on: YYYY-MM-DD, or '6 months ago'.",
            show_default=False,
        ),
    ] = None,
    max_count: Annotated[
        int,
        typer.Option(
            "--max", metavar="N", min=1, max=10_000, help="Read at most the newest N commits."
        ),
    ] = 100,
    dates: Annotated[
        Dates,
        typer.Option(
            "--dates",
            help="Date each version by its commit, or by the canvas's own 'date' "
            "(the commit's when it has none).",
        ),
    ] = Dates.commit,
    output_format: Annotated[
        Format,
        typer.Option("--format", "-f", help="text for people, md to paste, json for tools."),
    ] = Format.text,
) -> None:
    """Show a canvas's trends from git history.

    Each measure's figures, each segment's stage and the completeness of a
    canvas over time. Reads the canvas at each commit that touched it (following renames), the
    newest --max at most. Exit status: 0, or 2 when git is missing, the canvas
    is not in a git repository, git holds no commit of it, or no version of it
    is a canvas.
    """
    from modelh.history.trend import canvas_history
    from modelh.history.trend_output import render_history

    found = canvas_history(canvas, since=since, max_count=max_count, dates=dates.value)
    text = render_history(found, output_format.value, color=colour(), width=terminal_width())
    typer.echo(text, nl=False)
