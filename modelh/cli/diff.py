"""``modelh diff``: two versions of a canvas compared by meaning, from files or from git."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from modelh.cli._common import (
    EXIT_OK,
    EXIT_PROBLEMS,
    EXIT_USAGE,
    colour,
    fail,
    fail_if_missing,
    print_problem,
    say_configuration,
    terminal_width,
)
from modelh.errors import CanvasError

if TYPE_CHECKING:
    from modelh.history.versions import Source


class Format(StrEnum):
    text = "text"
    md = "md"
    json = "json"


def diff(
    old: Annotated[
        str,
        typer.Argument(
            metavar="OLD",
            help="The older canvas; with --rev, the canvas to compare with its past.",
            show_default=False,
        ),
    ],
    new: Annotated[
        str | None,
        typer.Argument(metavar="[NEW]", help="The newer canvas.", show_default=False),
    ] = None,
    rev: Annotated[
        str | None,
        typer.Option(
            "--rev",
            metavar="REV",
            help="Take the old version from git at this revision (HEAD~1, a tag, a branch); "
            "OLD..NEW compares the canvas at two revisions.",
            show_default=False,
        ),
    ] = None,
    output_format: Annotated[
        Format,
        typer.Option("--format", "-f", help="text for people, md to paste, json for tools."),
    ] = Format.text,
    config_file: Annotated[
        Path | None,
        typer.Option(
            "--config",
            help="The configuration the gap counts follow (default: found as 'check' finds it).",
            show_default=False,
        ),
    ] = None,
    isolated: Annotated[
        bool, typer.Option("--isolated", help="Ignore every configuration file.")
    ] = False,
) -> None:
    """Compare two versions of a canvas by meaning.

    Per block, items added, removed and reworded; answers word by word;
    dimensions' degrees; measures' figures; segments' stages; journeys;
    completeness and gaps before and after. Exit status: 0 when the versions
    mean the same, 1 when they differ, 2 on a usage error or when a version
    cannot be read.
    """
    from modelh.check.config import load_config
    from modelh.history.output import render_diff
    from modelh.history.versions import diff_revision, diff_sources

    if (new is None) == (rev is None):
        fail("give two canvases (modelh diff OLD NEW), or one and --rev REV")
    if new is not None:
        fail_if_missing([old, new])
    elif rev is not None and ".." not in rev:  # with a range, both sides come from git
        fail_if_missing([old])
    config = load_config(None if isolated else config_file, discover=not isolated)
    say_configuration(config.source)
    try:
        if rev is not None:
            result = diff_revision(old, rev, config)
        else:
            assert new is not None
            result = diff_sources(_source(old), _source(new), config)
    except CanvasError as exc:
        for problem in exc.problems:
            print_problem(problem, err=True)
        fail(f"{exc.file} is not a valid canvas, so it cannot be compared", EXIT_USAGE)
    text = render_diff(result, output_format.value, color=colour(), width=terminal_width())
    typer.echo(text, nl=False)
    raise typer.Exit(EXIT_OK if result.equal else EXIT_PROBLEMS)


def _source(path: str) -> Source:
    from modelh.canvas.loader import read_source
    from modelh.history.versions import Source

    return Source(read_source(path), path, path)
