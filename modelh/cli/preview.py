"""``modelh preview``: a canvas's HTML handout in a browser, shown again after every save."""

from __future__ import annotations

import contextlib
import time
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from modelh.cli._common import EXIT_OK, fail, fail_if_missing, say_configuration, style
from modelh.cli.render import (
    Audience,
    Paper,
    PaperOption,
    SectionsOption,
    TemplateDirOption,
    chosen_sections,
)
from modelh.escaping import printable

if TYPE_CHECKING:
    from modelh.preview import HandoutState


def preview(
    canvas: Annotated[
        Path,
        typer.Argument(metavar="CANVAS", help="The canvas file to show.", show_default=False),
    ],
    port: Annotated[
        int | None,
        typer.Option(
            "--port",
            "-p",
            min=1,
            max=65535,
            metavar="PORT",
            help="Port to serve on, on 127.0.0.1 [default: a free one].",
            show_default=False,
        ),
    ] = None,
    open_browser: Annotated[
        bool, typer.Option("--open", help="Open the preview in the default web browser.")
    ] = False,
    paper: PaperOption = Paper.letter,
    sections: SectionsOption = None,
    template_dir: TemplateDirOption = None,
    audience: Annotated[
        Audience,
        typer.Option(
            "--audience",
            help="Whom the handout is for: executive, or team (adds the gaps' appendix "
            "with rule codes, lines and fixes).",
        ),
    ] = Audience.executive,
) -> None:
    """Serve a canvas's handout in a browser, shown again at every save.

    The page at the printed address (http://127.0.0.1:PORT/) shows the handout
    exactly as 'modelh render' writes it, and again after every save of the
    canvas, from the interview or an editor. A save that does not load keeps
    the last good handout on screen, under a banner naming the problem.
    Ctrl-C stops the preview. Exit status: 0 when stopped, 2 on a usage error
    (a missing file, a port in use).
    """
    from modelh.check.config import load_config
    from modelh.preview import start_preview
    from modelh.report.render import ReportOptions

    fail_if_missing([str(canvas)])
    if canvas.is_dir():
        fail(f"{canvas} is a folder: the preview shows one canvas file")
    chosen = chosen_sections(sections, template_dir)
    options = ReportOptions(
        sections=chosen, paper=paper.value, template_dir=template_dir, audience=audience.value
    )
    # the project settings: the checker's rules for the gaps, the firm for the cover
    config = load_config(None, discover=True)
    say_configuration(config.source)

    with start_preview(
        canvas, port=port or 0, options=options, config=config, on_change=_say_change
    ) as running:
        state = running.live.state
        if state.problem is not None:
            _say_change(state)
        typer.echo(printable(f"Preview of {canvas} at {running.url} (Ctrl-C stops it)"))
        if open_browser:
            import webbrowser

            webbrowser.open(running.url)
        with contextlib.suppress(KeyboardInterrupt):  # Ctrl-C: the way to stop
            running.serve_forever()
    typer.echo("modelh: preview stopped", err=True)
    raise typer.Exit(EXIT_OK)


def _say_change(state: HandoutState) -> None:
    """One line on standard error for each change the page shows."""
    now = time.strftime("%H:%M:%S")
    if state.problem is not None:
        label = style("the canvas does not load", fg="yellow", bold=True)
        kept = " (the last good handout stays)" if state.html is not None else ""
        problems = "".join(f"\n  {printable(p)}" for p in state.problem.splitlines())
        line = f"modelh: {now} {label}{kept}:{problems}"
    else:
        line = f"modelh: {now} rendered again in {state.seconds:.2f} s"
    with contextlib.suppress(OSError):  # standard error is gone: the preview goes on serving
        typer.echo(line, err=True)
