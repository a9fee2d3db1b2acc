"""``modelh render``: canvases to a self-contained HTML file and a PDF handout, and,
when asked for, a PowerPoint deck for the workshop and Markdown.

Several canvases render in parallel (one process each, up to ``--jobs``) behind
a progress bar; a canvas that fails does not stop the others, and every
failure is reported at the end.
"""

from __future__ import annotations

import os
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer

from modelh.cli._common import (
    EXIT_OK,
    EXIT_PROBLEMS,
    fail,
    find_targets,
    print_problem,
    say_configuration,
    style,
)
from modelh.escaping import printable
from modelh.report.labels import REPORT_SECTION_IDS

#: What ``-f`` takes: a format, or ``all`` for the handout's two (HTML and PDF).
FORMAT_NAMES = ("html", "pdf", "pptx", "md", "all")


def parse_formats(text: str) -> tuple[str, ...]:
    """``"pdf,pptx"`` as the formats to write, in the order they are written; exit 2
    for an unknown one."""
    from modelh.report.render import ALL_FORMATS, FORMATS

    chosen: list[str] = []
    for name in (n.strip().lower() for n in text.split(",")):
        if name not in FORMAT_NAMES:
            fail(f"--format: unknown format '{name}': use {', '.join(FORMAT_NAMES)}")
        chosen += FORMATS if name == "all" else [name]
    return tuple(f for f in ALL_FORMATS if f in chosen)


class Paper(StrEnum):
    a4 = "a4"
    letter = "letter"
    a3 = "a3"


class Audience(StrEnum):
    executive = "executive"
    team = "team"


#: The report options ``render`` and ``preview`` share.
PaperOption = Annotated[
    Paper,
    typer.Option("--paper", help="Paper size: a4, letter or a3 (the canvas page is landscape)."),
]
SectionsOption = Annotated[
    str | None,
    typer.Option(
        "--sections",
        metavar="LIST",
        help="Sections to include, in this order, comma-separated: "
        + ", ".join(REPORT_SECTION_IDS)
        + " [default: all; a section with nothing to show is left out].",
        show_default=False,
    ),
]
TemplateDirOption = Annotated[
    Path | None,
    typer.Option(
        "--template-dir",
        metavar="DIR",
        help="Folder of templates that override the built-in ones, file by file.",
        show_default=False,
    ),
]


def chosen_sections(sections: str | None, template_dir: Path | None) -> tuple[str, ...]:
    """The sections ``--sections`` names (all by default), once ``--template-dir`` is
    known to be a folder; a usage error otherwise."""
    from modelh.report.render import parse_sections

    chosen = parse_sections(sections) if sections is not None else REPORT_SECTION_IDS
    if template_dir is not None and not template_dir.is_dir():
        what = "is a file, not a folder" if template_dir.exists() else "no such folder"
        fail(f"--template-dir: {what}: {template_dir}")
    return chosen


def render(
    paths: Annotated[
        list[str],
        typer.Argument(
            metavar="CANVAS...",
            help="Canvas files, or folders searched for canvases.",
            show_default=False,
        ),
    ],
    output_format: Annotated[
        str,
        typer.Option(
            "--format",
            "-f",
            metavar="LIST",
            help="What to write, comma-separated: html, pdf, pptx (the workshop deck), md "
            "(Markdown), or all (html and pdf).",
        ),
    ] = "all",
    output: Annotated[
        Path,
        typer.Option(
            "--output",
            "-o",
            metavar="DIR",
            help="Folder to write DIR/<canvas name>.html, .pdf, .pptx, .md into (made if missing).",
        ),
    ] = Path("out"),
    paper: PaperOption = Paper.letter,
    sections: SectionsOption = None,
    template_dir: TemplateDirOption = None,
    pptx_template: Annotated[
        Path | None,
        typer.Option(
            "--pptx-template",
            metavar="FILE",
            help="A template deck (.pptx or .potx, a firm's master slides) the deck takes its "
            "slide size, masters and layouts from.",
            show_default=False,
        ),
    ] = None,
    jobs: Annotated[
        int | None,
        typer.Option(
            "--jobs",
            "-j",
            min=1,
            metavar="N",
            help="Canvases to render at once [default: one per core].",
            show_default=False,
        ),
    ] = None,
    audience: Annotated[
        Audience,
        typer.Option(
            "--audience",
            help="Whom the report is for: executive (the gaps in plain words) or team "
            "(adds an appendix with every finding's rule code, line and fix).",
        ),
    ] = Audience.executive,
    since: Annotated[
        str | None,
        typer.Option(
            "--since",
            metavar="REV",
            help="Add a 'What changed' page: the canvas compared by meaning with its "
            "version at the git revision REV (as modelh diff --rev does).",
            show_default=False,
        ),
    ] = None,
    history: Annotated[
        bool,
        typer.Option(
            "--history",
            help="Draw each measure's current value over the canvas's git history as a "
            "small line beside its bar (the last 100 commits that touched it).",
        ),
    ] = False,
) -> None:
    """Render each canvas as a report: an HTML page and a PDF handout.

    Writes DIR/<name>.html (one self-contained file) and DIR/<name>.pdf; with
    -f pptx the workshop deck DIR/<name>.pptx, with -f md DIR/<name>.md. The
    project settings (.modelh.yaml, or [tool.modelh] in pyproject.toml, found as
    modelh check finds them) give the gaps' rules and the firm on the cover. Exit
    status: 0 when every canvas was rendered, 1 when any could not be (its
    problems are listed at the end), 2 on a usage error.
    """
    from modelh.check.config import load_config
    from modelh.report.batch import check_output_folder
    from modelh.report.render import ReportOptions

    chosen = chosen_sections(sections, template_dir)
    formats = parse_formats(output_format)
    if pptx_template is not None:
        if "pptx" not in formats:
            fail("--pptx-template is for the deck: add pptx to --format (-f pptx)")
        _check_template(pptx_template)
    options = ReportOptions(
        sections=chosen,
        paper=paper.value,
        template_dir=template_dir,
        pptx_template=pptx_template,
        audience=audience.value,
        since=since,
        history=history,
    )
    # the project settings: the checker's rules for the gaps, the firm for the cover
    config = load_config(None, discover=True)
    say_configuration(config.source)
    targets = find_targets(paths)
    files = list(dict.fromkeys(t.path for t in targets))
    check_output_folder(files, output)

    outcomes = _run(files, str(output), formats, options, config, jobs)
    failed = [o for o in outcomes if "error" in o]
    for outcome in outcomes:
        for warning in outcome.get("warnings", ()):
            label = style("warning", fg="yellow", bold=True)
            typer.echo(f"modelh: {label}: {printable(warning)}", err=True)
        if outcome.get("outputs"):
            typer.echo(printable(f"wrote {', '.join(outcome['outputs'])}"))
    unavailable = [o for o in failed if o.get("pdf_unavailable")]
    if unavailable:
        typer.echo(f"modelh: error: {printable(unavailable[0]['error'])}", err=True)
    for outcome in failed:
        if outcome.get("pdf_unavailable"):
            continue
        for problem in outcome.get("problems", ()):
            print_problem(problem)
        if not outcome.get("problems"):
            typer.echo(
                f"modelh: error: {printable(outcome['path'])}: {printable(outcome['error'])}",
                err=True,
            )
    done = len(outcomes) - len(failed)
    noun = "canvas" if len(outcomes) == 1 else "canvases"
    summary = f"{done} of {len(outcomes)} {noun} rendered into {output}"
    if failed:
        summary += f"; {len(failed)} could not be"
    typer.echo(printable(summary), err=True)
    raise typer.Exit(EXIT_PROBLEMS if failed else EXIT_OK)


def _check_template(path: Path) -> None:
    """Exit 2 with one message when the template deck cannot be used."""
    from modelh.report.deck import check_template
    from modelh.report.errors import ReportError

    if not path.is_file():
        what = "is a folder, not a file" if path.is_dir() else "no such file"
        fail(f"--pptx-template: {what}: {path}")
    try:
        check_template(path)
    except ReportError as exc:
        fail(exc.message)


def _run(
    files: list[str],
    out: str,
    formats: tuple[str, ...],
    options: Any,
    config: Any,
    jobs: int | None,
) -> list[dict[str, Any]]:
    """Render every file, in parallel when there are several, behind a progress bar."""
    from modelh.report.batch import render_outcome

    workers = min(jobs or os.cpu_count() or 1, len(files))
    outcomes: dict[str, dict[str, Any]] = {}
    if len(files) == 1:  # nothing to show progress of: spare the import of rich
        outcomes[files[0]] = render_outcome(files[0], out, formats, options, config)
        return [outcomes[files[0]]]
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    console = Console(stderr=True, no_color="NO_COLOR" in os.environ)
    columns = (
        TextColumn("rendering"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.description}", markup=False),
    )
    with Progress(
        *columns, console=console, transient=True, disable=not console.is_terminal
    ) as progress:
        task = progress.add_task("", total=len(files))
        if workers <= 1:
            for file in files:
                progress.update(task, description=printable(Path(file).name))
                outcomes[file] = render_outcome(file, out, formats, options, config)
                progress.advance(task)
        else:
            from concurrent.futures import ProcessPoolExecutor, as_completed

            with ProcessPoolExecutor(max_workers=workers) as pool:
                futures = {
                    pool.submit(render_outcome, f, out, formats, options, config): f for f in files
                }
                for future in as_completed(futures):
                    file = futures[future]
                    try:
                        outcomes[file] = future.result()
                    except Exception as exc:  # a worker died (out of memory, killed)
                        outcomes[file] = {"path": file, "error": f"the renderer failed: {exc}"}
                    progress.update(task, description=printable(Path(file).name))
                    progress.advance(task)
    return [outcomes[f] for f in files]
