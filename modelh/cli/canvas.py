"""``modelh new`` and ``modelh schema``: a starter canvas, and the format's JSON Schema."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Annotated

import typer

from modelh.cli._common import fail, fail_if_missing
from modelh.escaping import printable


def new(
    path: Annotated[
        Path,
        typer.Argument(
            metavar="PATH", help="Where to write the canvas (.yaml).", show_default=False
        ),
    ],
    organization: Annotated[
        str | None,
        typer.Option(
            "--org",
            "--organization",
            help="The client organization (required without --from).",
            show_default=False,
        ),
    ] = None,
    title: Annotated[
        str | None,
        typer.Option(
            "--title",
            help="The business model's name (required without --from).",
            show_default=False,
        ),
    ] = None,
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
    old: Annotated[
        Path | None,
        typer.Option(
            "--from",
            metavar="OLD",
            help="Make next plan year's canvas from last year's OLD: everything carried "
            "over, version bumped, status draft, baselines from the current values.",
            show_default=False,
        ),
    ] = None,
) -> None:
    """Write a starter canvas: every key empty, guidance in comments.

    Every key of the format is present and empty, so the canvas is valid from the
    start. With --from OLD, write next plan year's canvas from last year's instead
    (--org, --title, --by and --date then replace what OLD says). Never overwrites
    an existing file.
    """
    from modelh.canvas.starter import create_canvas

    if old is not None:
        _next_year(path, old, organization, title, prepared_by, canvas_date)
        return
    if organization is None:
        fail("missing option '--org' (it is required unless --from OLD is given)")
    if title is None:
        fail("missing option '--title' (it is required unless --from OLD is given)")

    made = create_canvas(
        path,
        title=title,
        organization=organization,
        prepared_by=prepared_by,
        date=date.today().isoformat() if canvas_date is None else canvas_date,
        write_schema=schema,
    )
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
    typer.echo(f"next: fill it in with the client: modelh interview {_shell_word(made.path)}")


def _shell_word(path: Path) -> str:
    """``path`` as one word to paste into a shell, escaped for the terminal."""
    import shlex

    return printable(shlex.quote(str(path)))


def _next_year(
    path: Path,
    old: Path,
    organization: str | None,
    title: str | None,
    prepared_by: list[str] | None,
    canvas_date: str | None,
) -> None:
    from modelh.history.nextyear import create_next_year

    fail_if_missing([str(old)])
    made = create_next_year(
        path,
        old,
        date=canvas_date,
        title=title,
        organization=organization,
        prepared_by=prepared_by,
    )
    shown = printable(str(made.path))
    typer.echo(f"wrote {shown} from {printable(str(old))}")
    if made.new_version != made.old_version:
        typer.echo(
            f"version {printable(made.old_version or '')} -> {printable(made.new_version or '')}"
        )
    count = len(made.baselines)
    if count:
        noun = "measure" if count == 1 else "measures"
        typer.echo(f"{count} {noun}: baseline set from last year's current value, current emptied")
    if made.version_note:
        typer.echo(f"note: {printable(made.version_note)}", err=True)
    if made.logo_note:
        typer.echo(f"note: {printable(made.logo_note)}", err=True)
    typer.echo(
        f"next: update the figures with: modelh interview {_shell_word(made.path)} "
        "--section measures"
    )


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
    """Print the canvas format's JSON Schema, for editors and CI.

    The schema is JSON Schema draft 2020-12. Point an editor (with
    yaml-language-server) at it with a first line in the canvas:

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
        fail(f"{output}: cannot write: {exc.strerror}")
    typer.echo(f"wrote {printable(str(output))}", err=True)
