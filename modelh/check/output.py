"""A check report as text for people, or as data for tools.

Each function takes a ``Report`` and returns a string; the CLI prints it.
``text`` groups findings by file and shows each offending line with a caret;
``concise`` is one ``file:line:col: severity CODE message`` line a finding;
``json`` is ``{"findings": [...], "files": [...]}``; ``sarif`` is SARIF 2.1.0
for code-scanning services; ``github`` is GitHub Actions workflow commands.
"""

from __future__ import annotations

import io
import itertools
import json
import re
import string
from collections.abc import Callable
from typing import TYPE_CHECKING, NamedTuple

from modelh import __version__
from modelh.check.checker import FileResult, Finding, Report
from modelh.check.rules import SEVERITIES, Merged, all_rules
from modelh.escaping import (
    github_data,
    github_property,
    json_ready,
    printable,
    printable_pieces,
    uri_reference,
    without_command_lines,
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
#: The mark where a source line shown is cut.
CUT = "…"


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
    """Findings grouped by file, each place's line shown once with a caret, wrapped
    at ``width``.

    Findings of one rule at one place (seven domains without a measure, all at
    ``measures:``) are said once, as the rule's ``Merged`` says them; every
    finding still counts in the summary, and the other formats keep each one.
    """
    from rich.console import Console
    from rich.text import Text

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
    out: list[Text] = []  # the lines, made to fit, printed at once
    for result in report.files:
        if not result.findings and result.completeness is None:
            continue
        out.append(_styled((printable(result.file), "bold")))
        lines = _source_lines(result.file) if result.findings else []
        for _, at_place in itertools.groupby(result.findings, key=lambda f: (f.line, f.column)):
            for index, said in enumerate(_said_once(list(at_place))):
                out += _finding_lines(console, said, lines if index == 0 else [])
        if result.completeness is not None:
            out += _completeness_lines(console, result, dim=color)
        out.append(Text())
    counts = report.counts()
    worst = next((s for s in reversed(SEVERITIES) if counts.get(s)), None)
    summary_style = _STYLE.get(worst or "", "green") if color else ""
    out += hang(console, _styled(""), Text(_summary(report), style=summary_style))
    console.print(Text("\n").join(out), soft_wrap=True)
    # a wrapped line may begin with '::': never a workflow command in a CI log
    return without_command_lines(buffer.getvalue())


def _styled(*parts: str | tuple[str, str]) -> Text:
    """Text with styles, never read as markup: a canvas's text goes through untouched.

    (rich's markup escaping and parsing take quadratic time on a long run of
    backslashes, which a canvas line or a file name can hold.)
    """
    from rich.text import Text

    return Text.assemble(*parts)


def hanging(console: Console, lead: Text, body: Text, *, narrow: int | None = None) -> None:
    """Print ``hang(console, lead, body)``."""
    from rich.text import Text

    console.print(Text("\n").join(hang(console, lead, body, narrow=narrow)), soft_wrap=True)


def hang(console: Console, lead: Text, body: Text, *, narrow: int | None = None) -> list[Text]:
    """``lead`` then ``body`` wrapped at the console's width, each further line
    indented under the body's start (at ``narrow`` cells instead, when given and
    the body would have fewer than 48 cells a line); a word too long for a line
    is folded."""
    from rich.cells import cell_len
    from rich.text import Text

    first = cell_len(lead.plain)
    indent = narrow if narrow is not None and console.width - first < 48 else first
    lines = list(body.wrap(console, max(12, console.width - first), overflow="fold"))
    if indent != first and len(lines) > 1:  # the rest wrapped again, for its own room
        start = len(lines[0].plain)
        while start < len(body.plain) and body.plain[start] == " ":
            start += 1
        rest = body[start:].wrap(console, max(12, console.width - indent), overflow="fold")
        lines = [lines[0], *rest]
    shown = []
    for number, line in enumerate(lines):
        line.rstrip()
        shown.append(Text.assemble(lead if number == 0 else " " * indent, line))
    return shown


class _Said(NamedTuple):
    """One finding as the text output says it: maybe several of one rule at one place."""

    first: Finding
    message: str
    fixes: tuple[str, ...]


def _said_once(findings: list[Finding]) -> list[_Said]:
    """The findings at one place, those of one rule (and severity) said once."""
    by_rule: dict[tuple[str, str], list[Finding]] = {}
    for f in findings:
        by_rule.setdefault((f.code, f.severity), []).append(f)
    said = []
    for group in by_rule.values():
        first = group[0]
        fixes = tuple(dict.fromkeys(f.fix for f in group if f.fix))
        if len(group) == 1:
            said.append(_Said(first, first.message, fixes))
            continue
        merged = _merged(_MERGED.get(first.code), [f.message for f in group])
        if merged is None:  # said one after another, under one heading
            message = "; ".join(dict.fromkeys(f.message for f in group))
            said.append(_Said(first, message, fixes))
            continue
        message, fix = merged
        said.append(_Said(first, message, (fix,) if fix else fixes))
    return said


_MERGED = {rule.code: rule.merged for rule in all_rules() if rule.merged}


def _merged(how: Merged | None, messages: list[str]) -> tuple[str, str] | None:
    """(message, fix) saying ``messages`` as one, as ``how`` says; None when the
    rule has no way to, or a message does not read as its ``how.one``."""
    if how is None:
        return None
    pattern = re.compile(
        "".join(
            re.escape(literal) + (f"(?P<{field}>.+?)" if field else "")
            for literal, field, _, _ in string.Formatter().parse(how.one)
        )
        + r"\Z"
    )
    matches = [pattern.match(m) for m in messages]
    if not all(matches):
        return None
    found = [m.groupdict() for m in matches if m]
    shared = {k: v for k, v in found[0].items() if k != "item"}
    if any({k: v for k, v in f.items() if k != "item"} != shared for f in found):
        return None
    items = list(dict.fromkeys(f["item"] for f in found))
    fields = {
        **shared,
        "items": _listed(items, "and"),
        "items_or": _listed(items, "or"),
    }
    return how.many.format(**fields), how.fix.format(**fields)


def _listed(items: list[str], conjunction: str) -> str:
    return items[0] if len(items) == 1 else f"{', '.join(items[:-1])} {conjunction} {items[-1]}"


def _wrappable(text: str) -> str:
    """``text`` printable, and with no ``::`` that wrapping could put first on a line
    (one after a blank): that one is shown as ``\\x3a:``."""
    return _AFTER_BLANK_COMMAND.sub(r"\1\\x3a", printable(text))


_AFTER_BLANK_COMMAND = re.compile(r"(^|\s):(?=:)")


def _finding_lines(console: Console, said: _Said, lines: list[str]) -> list[Text]:
    f = said.first
    style = _STYLE[f.severity]
    lead = _styled(f"  {f.line}:{f.column}  ", (f"{f.severity:<7}", style), " ", (f.code, "bold"))
    message = _styled(_wrappable(said.message), " ", (f"[{f.name}]", "dim"))
    out = hang(console, lead + " ", message, narrow=9)
    if 0 < f.line <= len(lines):
        out += _source(console, f, lines[f.line - 1], style)
    for fix in said.fixes:
        out += hang(console, _styled("         ", ("fix:", "dim"), " "), _styled(_wrappable(fix)))
    return out


def _source(console: Console, f: Finding, line: str, style: str) -> list[Text]:
    """The finding's line, cut around the caret to fit, and the caret under it."""
    from rich.cells import cell_len

    pieces = printable_pieces(line.replace("\t", " "))  # a tab shown as one space
    n = len(pieces)
    end = f.end_column if f.end_line == f.line and f.end_column > f.column else n + 1
    lo = min(f.column - 1, n)
    hi = max(lo + 1, min(end - 1, n))  # the caret's pieces: lo up to hi
    gutter = f"{f.line:>6} │ "
    widths = [cell_len(p) for p in pieces]
    a, b = _window(widths, lo, max(12, console.width - len(gutter)))
    before = sum(widths[a:lo]) + (a > 0)
    caret = max(1, sum(widths[lo : min(hi, b)]))
    return [
        _styled(
            (gutter, "dim"),
            (CUT if a > 0 else "", "dim"),
            "".join(pieces[a:b]),
            (CUT if b < n else "", "dim"),
        ),
        _styled(" " * (len(gutter) - 2), ("│", "dim"), " " + " " * before, ("^" * caret, style)),
    ]


def _window(widths: list[int], lo: int, room: int) -> tuple[int, int]:
    """The pieces ``a`` up to ``b`` of a line to show in ``room`` cells, a cut mark
    (one cell) on each side that is cut: up to a quarter of the room before the
    caret's first piece ``lo``, then from there on all that fits, then more before
    it when the line ends first.
    """
    n = len(widths)
    total = list(itertools.accumulate(widths, initial=0))
    if total[n] <= room:
        return 0, n

    def cost(a: int, b: int) -> int:
        return total[b] - total[a] + (a > 0) + (b < n)

    a = b = lo
    while a > 0 and total[lo] - total[a - 1] <= room // 4:
        a -= 1
    while b < n and cost(a, b + 1) <= room:
        b += 1
    while a > 0 and cost(a - 1, b) <= room:
        a -= 1
    return a, b


def _completeness_lines(console: Console, result: FileResult, *, dim: bool) -> list[Text]:
    """``completeness: answers 60% · ...``, wrapped between its parts, never inside one."""
    from rich.text import Text

    scores = result.completeness or {}
    parts = [f"{name} {scores.get(name, 0)}%" for name in COMPLETENESS_PARTS]
    lead = "  completeness: "
    room = max(12, console.width - len(lead))
    lines = [parts[0]]
    for part in parts[1:]:
        if len(lines[-1]) + len(" · ") + len(part) <= room:
            lines[-1] += " · " + part
        else:
            lines.append(part)
    return [
        Text((lead if number == 0 else " " * len(lead)) + line, style="dim" if dim else "")
        for number, line in enumerate(lines)
    ]
