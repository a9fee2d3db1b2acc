"""``modelh interview``: walk through a canvas at the terminal, answers saved as given."""

from __future__ import annotations

import os
import sys
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from modelh.cli._common import EXIT_OK, EXIT_PROBLEMS, fail, handle_errors, print_problem
from modelh.errors import CanvasError
from modelh.escaping import printable
from modelh.interview.steps import INTERVIEW_SECTIONS

if TYPE_CHECKING:
    from modelh.interview.walk import Change

#: The sections of the walk, as ``--section`` takes them: those the walk has.
Section = StrEnum("Section", {name: name for name in INTERVIEW_SECTIONS})  # type: ignore[misc]


def interview(
    canvas: Annotated[
        Path,
        typer.Argument(metavar="CANVAS", help="The canvas file to fill in.", show_default=False),
    ],
    revisit: Annotated[
        bool,
        typer.Option("--all", help="Revisit every step from the start: answered, skipped or open."),
    ] = False,
    section: Annotated[
        list[Section] | None,
        typer.Option(
            "--section", "-s", help="Only this part of the walk (repeatable).", show_default=False
        ),
    ] = None,
    only: Annotated[
        str | None,
        typer.Option(
            "--only",
            help="Only the steps of one question, dimension, segment, measure, "
            "journey, CX capability or system id (e.g. cost, motivation, employers, "
            "csat, home-after-discharge, insights, claims).",
            show_default=False,
        ),
    ] = None,
    answers: Annotated[
        Path | None,
        typer.Option(
            "--answers",
            help="Apply the answers in this YAML file (a partial canvas "
            "with the canvas's own keys) without asking; for scripts and CI.",
            show_default=False,
        ),
    ] = None,
) -> None:
    """Walk through the whole canvas in the method's order, segments first, and write
    each answer into the canvas file as it is given.

    The sections, in order: segments, value propositions, channels, the canvas
    questions, the seven dimensions (the degree for each segment, question 1
    drafted from it, then each dimension's details), measures (with whom each
    measures and the headlines), journeys and their touches, bone-deep CX (each
    capability in each office) and the systems behind the smiles, and the
    blocks (revenue streams, cost structure, key activities, resources and
    partners).

    Only the answered values change in the file: comments, order and formatting
    stay as they were. Every answer is saved at once, so Ctrl-C loses nothing;
    run the command again to go on at the step where you stopped. At a step,
    ? shows its guidance and the commands (/goto, /next, /skip, /back...).
    """
    from modelh.canvas.editing import CanvasFile, ConflictError
    from modelh.check.checker import check_source
    from modelh.interview.answers_file import answers_from_file
    from modelh.interview.steps import check_only
    from modelh.interview.walk import Interview

    if answers is not None and (revisit or section or only):
        fail(
            "--answers applies the whole answers file: it does not combine with --all, "
            "--section or --only"
        )
    try:
        file = CanvasFile.read(canvas)
        file.canvas()
    except CanvasError as exc:
        if all(p.kind == "file" for p in exc.problems):
            fail(f"{canvas}: {exc.problems[0].message}")
        for problem in exc.problems:
            print_problem(problem, err=True)
        fail(
            f"{canvas} must be a valid canvas before the interview (see "
            f"'modelh validate {canvas}')",
            EXIT_PROBLEMS,
        )
    if answers is not None:
        try:
            outcome = answers_from_file(file, str(answers))
        except CanvasError as exc:
            for problem in exc.problems:
                print_problem(problem, err=True)
            fail(
                f"the answers in {answers} would not give a valid canvas; {canvas} was not changed",
                EXIT_PROBLEMS,
            )
        _summary(file, outcome.changes, check_source)
        raise typer.Exit(EXIT_OK)

    sections = [s.value for s in section] if section else list(INTERVIEW_SECTIONS)
    if only is not None:
        check_only(file.canvas(), sections, only)
    if not sys.stdin.isatty():
        fail(
            "the interview asks questions at a terminal, and this input is not one; to "
            f"answer from a file, run: modelh interview {canvas} --answers ANSWERS.yaml"
        )
    from rich.console import Console

    from modelh.interview.prompter import RichPrompter
    from modelh.interview.state import WalkMemory

    console = Console(highlight=False, no_color="NO_COLOR" in os.environ)
    session = Interview(
        file,
        RichPrompter(console),
        sections=sections,
        revisit=revisit,
        only=only,
        memory=WalkMemory.of(canvas),
    )
    try:
        with handle_errors({ConflictError: EXIT_PROBLEMS}):
            outcome = session.run()
    except KeyboardInterrupt:
        count = len(session.outcome.changes)
        again = " ".join(
            [f"modelh interview {canvas}"]
            + [f"--section {s.value}" for s in section or ()]
            + ([f"--only {only}"] if only else [])
        )
        console.print()
        console.print(
            printable(
                f"Stopped. {count} answer{'s' if count != 1 else ''} saved in {canvas}; "
                f"run '{again}' to go on where you left off."
            ),
            markup=False,
        )
        raise typer.Exit(130) from None
    if outcome.unsaved:
        console.print()
        console.print(
            printable(f"Not written, because {canvas} changed on disk (copy what you need):"),
            markup=False,
        )
        for change in outcome.unsaved:
            console.print(printable(f"  {_shown(change)}", multiline=True), markup=False)
    elif not outcome.completed:
        console.print(printable(f"Stopped; every answer given is saved in {canvas}."), markup=False)
    if outcome.skipped:
        n = outcome.skipped
        console.print(
            printable(
                f"{n} step{'s' if n != 1 else ''} skipped: /goto at any step, or --all, "
                "asks them again."
            ),
            markup=False,
        )
    _summary(session.file, outcome.changes, check_source, console)
    raise typer.Exit(EXIT_OK)


def _shown(change: Change) -> str:
    """An unsaved value in full, as it was typed: nothing of it may be lost."""
    import yaml

    from modelh.interview.walk import dotted

    value = change.after
    if isinstance(value, str) and "\n" not in value:
        return f"{dotted(change.path)}: {value}"
    text = yaml.safe_dump(value, allow_unicode=True, sort_keys=False, width=76)
    text = text.removesuffix("\n...\n").rstrip("\n")
    return f"{dotted(change.path)}:\n" + "\n".join("    " + line for line in text.splitlines())


def _named(value: object) -> str:
    """A value of a list as the summary shows it: an item by its name (or id)."""
    if isinstance(value, dict):
        return str(value.get("name") or value.get("id") or "an item")
    return str(value)


def _summary(file, changes, check_source, console=None) -> None:  # type: ignore[no-untyped-def]
    """What changed, the gaps the checker still sees, and the completeness."""
    from modelh.interview.walk import dotted

    lines = []
    if changes:
        lines.append(
            f"{len(changes)} change{'s' if len(changes) != 1 else ''} written to {file.path}:"
        )
        for change in changes:
            after = change.after
            if isinstance(after, bool):
                after = "true" if after else "false"
            elif isinstance(after, list | tuple):  # texts, ids, or items (touches)
                after = ", ".join(_named(a) for a in after) or "(none)"
            elif isinstance(after, dict):
                after = "added"
            elif after is None:
                after = "(emptied)"
            shown = str(after).replace("\n", " ")
            if len(shown) > 60:
                shown = shown[:57] + "..."
            lines.append(f"  {dotted(change.path)}: {shown}")
    else:
        lines.append(f"No changes to {file.path}.")
    result = check_source(file.text, str(file.path))
    counts: dict[str, int] = {}
    for finding in result.findings:
        counts[finding.severity] = counts.get(finding.severity, 0) + 1
    if result.findings:
        parts = ", ".join(
            f"{n} {s}{'s' if n != 1 and s != 'info' else ''}"
            for s, n in sorted(counts.items(), key=lambda x: x[0])
        )
        lines.append(f"Gaps still open: {parts} (run 'modelh check {file.path}' for each).")
        for finding in result.findings[:5]:
            if finding.severity != "info":
                lines.append(f"  {finding.line}:{finding.column} {finding.code} {finding.message}")
    else:
        lines.append("No gaps left.")
    if result.completeness:
        c = result.completeness
        lines.append(
            f"Completeness: {c['overall']}% (answers {c['answers']}%, dimensions "
            f"{c['dimensions']}%, measures {c['measures']}%, segments "
            f"{c['segments']}%)."
        )
    text = "\n".join(printable(line) for line in lines)
    if console is not None:
        console.print()
        console.print(text, markup=False)
    else:
        typer.echo(text)
