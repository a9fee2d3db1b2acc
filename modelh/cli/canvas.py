"""``modelh new`` and ``modelh schema``: a starter canvas, and the format's JSON Schema."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Annotated

import typer

from modelh.cli._common import fail
from modelh.escaping import printable


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
    """Write a starter canvas: every key empty, guidance in comments.

    Every key of the format is present and empty, so the canvas is valid from the
    start. Never overwrites an existing file.
    """
    from modelh.canvas.starter import create_canvas

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
