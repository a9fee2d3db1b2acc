"""Runs the gap rules over canvases: findings, suppressions and completeness scores.

``run_checks(paths, config)`` is the whole job of ``modelh check``: it finds the
canvas files, loads each once, runs every enabled rule, places each finding at
its line and column (a missing key at its nearest existing parent), drops what
inline ``# modelh: disable=...`` comments suppress, reports suppressions that
suppress nothing (those two in ``comments``), and scores how complete each
canvas is. Loader problems come back as findings of the format rules (MH0xx),
so every problem a user meets travels the same channel. Nothing here prints.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import asdict, dataclass, field

from modelh.canvas.discovery import Target, find_canvases, is_canvas_text
from modelh.canvas.loader import parse_canvas, read_source
from modelh.canvas.model import Canvas
from modelh.canvas.priority import priority_data
from modelh.check.comments import apply_suppressions, comment_cuts
from modelh.check.completeness import completeness
from modelh.check.config import Config
from modelh.check.rules import SEVERITIES, Rule, all_rules
from modelh.errors import CanvasError, Problem

#: Below this many files, checking in one process is faster than starting workers.
PARALLEL_FROM = 48


@dataclass(frozen=True)
class Finding:
    """One gap or problem, at its place; ``fix`` says how to close it."""

    code: str
    name: str
    severity: str
    file: str
    line: int
    column: int
    end_line: int
    end_column: int
    path: str
    message: str
    fix: str = ""
    #: what the finding is about where its path does not say it (the rule's ``Hit.about``),
    #: for the report's words to executives; not part of the output formats
    about: tuple[tuple[str, str], ...] = ()

    def to_dict(self) -> dict[str, object]:
        data = asdict(self)
        del data["about"]
        return data


@dataclass(frozen=True)
class FileResult:
    """What checking one file found."""

    file: str
    findings: tuple[Finding, ...]
    completeness: dict[str, int] | None = None  # None when the canvas did not load
    status: str | None = None  # the canvas's status (draft, review, final)
    fail_on: str = "error"  # the lowest severity that fails this file
    #: the touch and journey priorities (``modelh.canvas.priority``); None when it did not load
    priority: dict[str, object] | None = None

    def fails(self) -> bool:
        floor = SEVERITIES.index(self.fail_on)
        return any(SEVERITIES.index(f.severity) >= floor for f in self.findings)


@dataclass(frozen=True)
class Report:
    files: tuple[FileResult, ...] = field(default_factory=tuple)

    @property
    def findings(self) -> list[Finding]:
        return [f for result in self.files for f in result.findings]

    def fails(self) -> bool:
        return any(result.fails() for result in self.files)

    def counts(self) -> dict[str, int]:
        counts = dict.fromkeys(reversed(SEVERITIES), 0)
        for finding in self.findings:
            counts[finding.severity] += 1
        return counts


# ---------------------------------------------------------------------------
# Running


def run_checks(
    paths: Sequence[str],
    config: Config | None = None,
    *,
    canvases_only: bool = False,
    fail_on: str | None = None,
    jobs: int | None = None,
) -> Report:
    """Check the canvases at ``paths`` (files, or folders searched for canvases).

    ``canvases_only`` skips explicit files that are not canvases instead of
    reporting them (for pre-commit, which passes every YAML file). ``fail_on``
    overrides the configuration's threshold; a canvas whose status is final
    always fails on warnings too.
    """
    config = config or Config()
    threshold = fail_on or config.fail_on
    targets = [t for t in find_canvases(paths) if not config.excluded(t.path)]
    cores = os.cpu_count() or 1
    jobs = min(jobs, cores) if jobs is not None else cores  # more workers than cores: slower
    if jobs > 1 and len(targets) >= PARALLEL_FROM:
        chunk = max(1, len(targets) // (jobs * 4))
        with ProcessPoolExecutor(max_workers=jobs) as pool:
            results = list(
                pool.map(
                    _check_target,
                    targets,
                    [config] * len(targets),
                    [canvases_only] * len(targets),
                    [threshold] * len(targets),
                    chunksize=chunk,
                )
            )
    else:
        results = [_check_target(t, config, canvases_only, threshold) for t in targets]
    return Report(tuple(r for r in results if r is not None))


def _check_target(
    target: Target, config: Config, canvases_only: bool, threshold: str
) -> FileResult | None:
    try:
        data = read_source(target.path)
    except CanvasError as exc:
        return _failed(target.path, exc.problems, config, threshold)
    if target.explicit and not is_canvas_text(data):
        if canvases_only:
            return None
        rule = _format_rule("not-a-canvas")
        finding = Finding(
            rule.code,
            rule.name,
            config.severity_of(rule),
            target.path,
            1,
            1,
            1,
            1,
            "",
            "this file is not a canvas: it has no 'modelh: 1' line",
            "start a canvas with 'modelh new', or leave this file out",
        )
        return FileResult(target.path, (finding,), fail_on=threshold)
    return check_source(data, target.path, config, threshold)


def check_source(
    data: bytes | str,
    file: str,
    config: Config | None = None,
    fail_on: str = "error",
    *,
    canvas: Canvas | None = None,
) -> FileResult:
    """Check one canvas held in ``data`` (``canvas``: the same text, already loaded)."""
    config = config or Config()
    if canvas is None:
        try:
            canvas = parse_canvas(data, file)
        except CanvasError as exc:
            return _failed(file, exc.problems, config, fail_on, data)
    text = (data.decode("utf-8") if isinstance(data, bytes) else data).removeprefix("\ufeff")
    findings = check_canvas(canvas, config) + comment_cuts(text, canvas, config)
    findings = apply_suppressions(findings, text, file, config, canvas)
    threshold = _threshold(fail_on, canvas.canvas.status)
    return FileResult(
        file,
        tuple(findings),
        completeness(canvas),
        canvas.canvas.status,
        threshold,
        priority_data(canvas),
    )


def _threshold(fail_on: str, status: str | None) -> str:
    if status == "final" and SEVERITIES.index(fail_on) > SEVERITIES.index("warning"):
        return "warning"
    return fail_on


def check_canvas(canvas: Canvas, config: Config | None = None) -> list[Finding]:
    """Every enabled rule's findings on a loaded canvas, in file order."""
    config = config or Config()
    findings = []
    enabled = config.enabled_rules(canvas.file)
    for rule in all_rules():
        if rule.check is None or rule.code not in enabled:
            continue
        severity = config.severity_of(rule)
        options = config.options_of(rule)
        for hit in rule.check(canvas, options):
            _, span = canvas.place(hit.path)
            level = severity
            if hit.severity is not None and rule.code not in config.severity:
                level = hit.severity
            findings.append(
                Finding(
                    rule.code,
                    rule.name,
                    level,
                    canvas.file,
                    span.line,
                    span.column,
                    span.end_line,
                    span.end_column,
                    hit.path,
                    hit.message,
                    hit.fix,
                    tuple(hit.about.items()),
                )
            )
    return sorted(findings, key=_order)


def _order(finding: Finding) -> tuple[int, int, str]:
    return (finding.line, finding.column, finding.code)


# ---------------------------------------------------------------------------
# Loader problems as findings


_FIXES = {
    "syntax": "correct the YAML at this place; `modelh validate` shows the same problem",
    "type": "give the key a value of the kind the canvas format expects (docs/canvas-format.md)",
    "missing-key": "add the key",
    "unknown-key": "correct the key's spelling, or start your own keys with 'x-'",
    "duplicate-key": "keep one of the two keys",
    "duplicate-id": "give each segment, proposition, channel and measure its own id",
    "reference": "use an id defined in this canvas, or define it",
    "enum": "use one of the allowed values",
    "value": "write the value in the form the message gives",
    "file": "save the canvas as a UTF-8 YAML file",
}


def _format_rule(name: str) -> Rule:
    return next(r for r in all_rules() if r.name == name)


def _rule_for_kind(kind: str) -> Rule:
    for rule in all_rules():
        if kind in rule.kinds:
            return rule
    return _format_rule("yaml-syntax")


def _failed(
    file: str,
    problems: Iterable[Problem],
    config: Config,
    fail_on: str,
    data: bytes | str | None = None,
) -> FileResult:
    findings = []
    for problem in problems:
        rule = _rule_for_kind(problem.kind)
        if not config.enabled(rule, file):
            continue
        findings.append(
            Finding(
                rule.code,
                rule.name,
                config.severity_of(rule),
                file,
                problem.line,
                problem.column,
                problem.end_line,
                problem.end_column,
                problem.path,
                problem.message,
                _FIXES.get(problem.kind, ""),
            )
        )
    status = None
    if data is not None and _final_in_text(data):
        status = "final"
    return FileResult(
        file, tuple(sorted(findings, key=_order)), None, status, _threshold(fail_on, status)
    )


_SPACE_RUN = re.compile(r"\s*")


def _after_spaces(text: str, at: int) -> int:
    """Where the run of whitespace starting at ``at`` ends."""
    run = _SPACE_RUN.match(text, at)
    return run.end() if run else at


def _final_in_text(data: bytes | str) -> bool:
    """Whether a canvas that does not load says ``status: final`` (indented, alone).

    Reads as ``re.search(r"^\\s+status:\\s*['"]?final['"]?\\s*(#.*)?$", text, re.M)``
    did, in linear time: that pattern rescanned a run of blank lines from each of
    its lines, quadratic on long whitespace. Each ``status:`` is looked at once.
    """
    text = data.decode("utf-8", "replace") if isinstance(data, bytes) else data
    if "final" not in text:
        return False
    end = len(text)
    scanned = 0  # everything before this is no longer needed to look back
    at = text.find("status:")
    while at != -1:
        # before: whitespace that holds a line start (the file's start, or just after
        # a line feed), leaving at least one whitespace character before the key
        run_start = scanned + len(text[scanned:at].rstrip())
        indented = at > 0 and (run_start == 0 or "\n" in text[run_start : at - 1])
        scanned = at + len("status:")
        if indented:
            i = _after_spaces(text, scanned)
            i += text.startswith(("'", '"'), i)
            if text.startswith("final", i):
                i += len("final")
                i += text.startswith(("'", '"'), i)
                j = _after_spaces(text, i)
                # then the line's end: after the spaces, a comment, the end, or a line feed
                if j == end or text[j] == "#" or "\n" in text[i:j]:
                    return True
        at = text.find("status:", scanned)
    return False
