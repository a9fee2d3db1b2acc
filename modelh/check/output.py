"""A check report as text for people, or as data for tools.

Each function takes a ``Report`` and returns a string; the CLI prints it.
``text`` groups findings by file and shows each offending line with a caret;
``concise`` is one ``file:line:col: severity CODE message`` line a finding;
``json`` is ``{"findings": [...], "files": [...]}``; ``sarif`` is SARIF 2.1.0
for code-scanning services; ``github`` is GitHub Actions workflow commands.
"""

from __future__ import annotations

import io
import json
from collections.abc import Callable
from typing import TYPE_CHECKING

from modelh import __version__
from modelh.check.checker import FileResult, Finding, Report
from modelh.check.rules import SEVERITIES, all_rules
from modelh.escaping import (
    github_data,
    github_property,
    json_ready,
    printable,
    uri_reference,
)

if TYPE_CHECKING:  # rich is imported only when a text report is made
    from rich.console import Console
    from rich.text import Text

FORMATS = ("text", "concise", "json", "sarif", "github")
COMPLETENESS_PARTS = ("answers", "dimensions", "measures", "segments", "overall")


def render(report: Report, fmt: str, *, color: bool = False, width: int = 100) -> str:
    """The report in format ``fmt`` (one of FORMATS)."""
    renderers: dict[str, Callable[[Report], str]] = {
        "concise": concise,
        "json": as_json,
        "sarif": sarif,
        "github": github,
    }
    if fmt == "text":
        return text(report, color=color, width=width)
    return renderers[fmt](report)


def _summary(report: Report) -> str:
    counts = report.counts()
    total = sum(counts.values())
    files = len(report.files)
    noun = "file" if files == 1 else "files"
    if not total:
        return f"No gaps found in {files} {noun}."
    parts = ", ".join(
        f"{n} {s if n == 1 or s == 'info' else s + 's'}" for s, n in counts.items() if n
    )
    return f"Found {total} finding{'s' if total != 1 else ''} ({parts}) in {files} {noun}."


def concise(report: Report) -> str:
    lines = [
        f"{printable(f.file)}:{f.line}:{f.column}: {f.severity} {f.code} {printable(f.message)}"
        for f in report.findings
    ]
    lines.append(_summary(report))
    return "\n".join(lines) + "\n"


def as_json(report: Report) -> str:
    data = {
        "findings": [f.to_dict() for f in report.findings],
        "files": [
            {
                "file": r.file,
                "status": r.status,
                "completeness": r.completeness,
                "fails": r.fails(),
                "priority": r.priority,
            }
            for r in report.files
        ],
        "summary": report.counts(),
    }
    return json.dumps(json_ready(data), indent=2, ensure_ascii=False) + "\n"


# ---------------------------------------------------------------------------
# SARIF 2.1.0

_SARIF_LEVEL = {"error": "error", "warning": "warning", "info": "note"}


def sarif(report: Report) -> str:
    rules = list(all_rules())
    index = {rule.code: i for i, rule in enumerate(rules)}
    results = []
    for f in report.findings:
        location: dict[str, object] = {
            "physicalLocation": {
                "artifactLocation": {"uri": uri_reference(f.file)},
                "region": {
                    "startLine": f.line,
                    "startColumn": f.column,
                    "endLine": max(f.end_line, f.line),
                    "endColumn": max(f.end_column, f.column + 1)
                    if f.end_line <= f.line
                    else f.end_column,
                },
            }
        }
        if f.path:
            location["logicalLocations"] = [{"fullyQualifiedName": f.path, "kind": "member"}]
        result: dict[str, object] = {
            "ruleId": f.code,
            "ruleIndex": index[f.code],
            "level": _SARIF_LEVEL[f.severity],
            "message": {"text": f.message + (f" Fix: {f.fix}." if f.fix else "")},
            "locations": [location],
        }
        results.append(result)
    driver = {
        "name": "modelh",
        "version": __version__,
        "semanticVersion": __version__,
        "rules": [
            {
                "id": rule.code,
                "name": rule.name,
                "shortDescription": {"text": rule.title},
                "fullDescription": {"text": rule.doc},
                "help": {"text": rule.doc},
                "defaultConfiguration": {"level": _SARIF_LEVEL[rule.severity]},
                "properties": {"section": rule.section},
            }
            for rule in rules
        ],
    }
    log = {
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [
            {"tool": {"driver": driver}, "results": results, "columnKind": "unicodeCodePoints"}
        ],
    }
    return json.dumps(json_ready(log), indent=2, ensure_ascii=False) + "\n"


# ---------------------------------------------------------------------------
# GitHub Actions

_GITHUB_LEVEL = {"error": "error", "warning": "warning", "info": "notice"}


def github(report: Report) -> str:
    lines = []
    for f in report.findings:
        props = (
            f"file={github_property(f.file)},line={f.line},col={f.column},"
            f"endLine={f.end_line},endColumn={f.end_column},"
            f"title={github_property(f'{f.code} {f.name}')}"
        )
        lines.append(f"::{_GITHUB_LEVEL[f.severity]} {props}::{github_data(f.message)}")
    lines.append(_summary(report))
    return "\n".join(lines) + "\n"


# ---------------------------------------------------------------------------
# Text, for people

_STYLE = {"error": "bold red", "warning": "yellow", "info": "cyan"}


def _source_lines(file: str) -> list[str]:
    from modelh.canvas.guard import read_file
    from modelh.canvas.linebreaks import split_lines
    from modelh.errors import CanvasError

    try:  # guarded: a pipe or a device named on the command line is never read
        text = read_file(file).decode("utf-8", errors="replace").removeprefix("\ufeff")
        return split_lines(text)  # lines as findings count them
    except CanvasError:
        return []


def text(report: Report, *, color: bool = False, width: int = 100) -> str:
    from rich.console import Console

    buffer = io.StringIO()
    console = Console(
        file=buffer,
        force_terminal=color,
        no_color=not color,
        width=width,
        highlight=False,
        soft_wrap=False,
        emoji=False,
    )
    for result in report.files:
        if not result.findings and result.completeness is None:
            continue
        console.print(_styled((printable(result.file), "bold")), soft_wrap=True)
        lines = _source_lines(result.file) if result.findings else []
        for f in result.findings:
            _print_finding(console, f, lines)
        if result.completeness is not None:
            console.print("  " + _completeness_line(result), style="dim" if color else None)
        console.print()
    counts = report.counts()
    worst = next((s for s in reversed(SEVERITIES) if counts.get(s)), None)
    console.print(_summary(report), style=_STYLE.get(worst or "", "green") if color else None)
    return buffer.getvalue()


def _styled(*parts: str | tuple[str, str]) -> Text:
    """Text with styles, never read as markup: a canvas's text goes through untouched.

    (rich's markup escaping and parsing take quadratic time on a long run of
    backslashes, which a canvas line or a file name can hold.)
    """
    from rich.text import Text

    return Text.assemble(*parts)


def _print_finding(console: Console, f: Finding, lines: list[str]) -> None:
    style = _STYLE[f.severity]
    console.print(
        _styled(
            f"  {f.line}:{f.column}  ",
            (f"{f.severity:<7}", style),
            " ",
            (f.code, "bold"),
            f" {printable(f.message)} ",
            (f"[{f.name}]", "dim"),
        ),
        soft_wrap=True,
    )
    if 0 < f.line <= len(lines):
        source = lines[f.line - 1].replace("\t", " ")
        gutter = f"{f.line:>6} │ "
        console.print(_styled((gutter, "dim"), printable(source)), soft_wrap=True)
        end = (
            f.end_column
            if f.end_line == f.line and f.end_column > f.column
            else (len(source.rstrip()) + 1)
        )
        # measured on the line as shown: escapes are wider than the characters they
        # stand for, and some characters take two cells
        from rich.cells import cell_len

        stop = max(f.column + 1, min(end, len(source) + 1))
        before = cell_len(printable(source[: f.column - 1]))
        width = max(1, cell_len(printable(source[f.column - 1 : stop - 1])))
        console.print(
            _styled(" " * (len(gutter) - 2), ("│", "dim"), " " + " " * before, ("^" * width, style))
        )
    if f.fix:
        console.print(_styled("         ", ("fix:", "dim"), f" {printable(f.fix)}"), soft_wrap=True)


def _completeness_line(result: FileResult) -> str:
    scores = result.completeness or {}
    parts = [f"{name} {scores.get(name, 0)}%" for name in COMPLETENESS_PARTS]
    return "completeness: " + " · ".join(parts)
