"""Runs the gap rules over canvases: findings, suppressions and completeness scores.

``run_checks(paths, config)`` is the whole job of ``modelh check``: it finds the
canvas files, loads each once, runs every enabled rule, places each finding at
its line and column (a missing key at its nearest existing parent), drops what
inline ``# modelh: disable=...`` comments suppress, reports suppressions that
suppress nothing, and scores how complete each canvas is. Loader problems come
back as findings of the format rules (MH0xx), so every problem a user meets
travels the same channel. Nothing here prints.
"""

from __future__ import annotations

import bisect
import os
import re
from collections.abc import Iterable, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import asdict, dataclass, field

from modelh.canvas.discovery import Target, find_canvases, is_canvas_text
from modelh.canvas.linebreaks import split_lines
from modelh.canvas.loader import parse_canvas, read_source
from modelh.canvas.model import Canvas, SpanIndex
from modelh.canvas.priority import priority_data
from modelh.check.completeness import completeness
from modelh.check.config import Config, Key, rule_keys, selector_keys, selector_known
from modelh.check.rules import SEVERITIES, Rule, all_rules
from modelh.errors import CanvasError, Problem

#: Below this many files, checking in one process is faster than starting workers.
PARALLEL_FROM = 48

_DIRECTIVE = re.compile(
    r"#\s*modelh:\s*(?P<word>[A-Za-z-]*)\s*(?:=\s*(?P<codes>[A-Za-z0-9_,\- ]*))?"
)


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
    findings = check_canvas(canvas, config) + _comment_cuts(text, canvas, config)
    findings = _apply_suppressions(findings, text, file, config, canvas)
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


# ---------------------------------------------------------------------------
# Comments that cut a text short

#: After a value written without quotes: spaces, then a '#' followed straight by
#: something other than a space (a comment written on purpose has one).
_CUT = re.compile(r"[ \t]+#(?=[^\s])")
#: What a finding quotes of the value kept and of the text cut off.
_QUOTED = 40


def _comment_cuts(text: str, canvas: Canvas, config: Config) -> list[Finding]:
    """Findings of MH011: a plain value followed on its line by ``#word``, which
    YAML reads as a comment, so the canvas holds only what comes before it."""
    rule = _format_rule("comment-cuts-text")
    if "#" not in text or not isinstance(canvas.spans, SpanIndex):
        return []
    if not config.enabled(rule, canvas.file):
        return []
    found = []
    for path, start, end in canvas.spans.plain_values():
        match = _CUT.match(text, end)
        if match is None or _DIRECTIVE.match(text, match.end() - 1):
            continue
        cut = split_lines(text[match.end() : match.end() + 4 * _QUOTED], keepends=False)
        rest = cut[0] if cut else ""
        rest = rest if len(rest) <= _QUOTED else rest[: _QUOTED - 1] + "…"
        span = canvas.spans[path]
        column = span.end_column + (match.end() - 1 - end)
        value = " ".join(text[max(start, end - _QUOTED) : end].split())
        value = value if end - start <= _QUOTED else "…" + value[1:]
        held = f"the canvas holds '{value}'" if end > start else "the value is empty"
        found.append(
            Finding(
                rule.code,
                rule.name,
                config.severity_of(rule),
                canvas.file,
                span.end_line,
                column,
                span.end_line,
                column + 1,
                path,
                f"'#{rest}' is read as a comment, not as part of the text: {held}",
                "put the whole text in quotes to keep it (or write a space after '#' "
                "if it is a comment)",
            )
        )
    return found


# ---------------------------------------------------------------------------
# Inline suppressions


@dataclass
class _Suppression:
    line: int
    column: int
    selectors: list[str]
    whole_file: bool
    used: set[str] = field(default_factory=set)
    wrong: str = ""  # a "# modelh:" comment that is no directive: what it says


def _suppressions(text: str, canvas: Canvas | None = None) -> list[_Suppression]:
    """The ``# modelh: disable...`` comments; words inside a value are not comments."""
    if "modelh:" not in text:
        return []
    ranges = sorted(
        canvas.spans.scalar_ranges()
        if canvas is not None and isinstance(canvas.spans, SpanIndex)
        else []
    )
    starts = [start for start, _ in ranges]

    def inside_a_value(at: int) -> bool:  # values never overlap: the nearest start tells
        i = bisect.bisect_right(starts, at) - 1
        return i >= 0 and at < ranges[i][1]

    found = []
    offset = 0
    for number, line in enumerate(split_lines(text, keepends=True), start=1):
        match = _DIRECTIVE.search(line) if "#" in line else None
        if match and (match.start() == 0 or line[match.start() - 1] in " \t"):
            at = offset + match.start()
            if not inside_a_value(at):
                word, codes = match.group("word"), match.group("codes") or ""
                selectors = [s.strip() for s in codes.split(",") if s.strip()]
                ok = word in ("disable", "disable-file") and selectors
                found.append(
                    _Suppression(
                        number,
                        match.start() + 1,
                        selectors if ok else [],
                        word == "disable-file",
                        wrong="" if ok else match.group().strip(),
                    )
                )
        offset += len(line)
    return found


def _apply_suppressions(
    findings: list[Finding], text: str, file: str, config: Config, canvas: Canvas | None = None
) -> list[Finding]:
    suppressions = _suppressions(text, canvas)
    if not suppressions:
        return findings
    # Selectors filed by what they match and where, so that each finding looks up a
    # handful of keys instead of every directive (a canvas may hold thousands).
    whole_file: dict[Key, list[tuple[_Suppression, str]]] = {}
    by_line: dict[int, dict[Key, list[tuple[_Suppression, str]]]] = {}
    for sup in suppressions:
        lines = [None] if sup.whole_file else [sup.line, sup.line + 1]
        for line in lines:
            index = whole_file if line is None else by_line.setdefault(line, {})
            for selector in sup.selectors:
                for key in selector_keys(selector):
                    index.setdefault(key, []).append((sup, selector))
    marked: set[tuple[int | None, Key]] = set()  # lists already marked used
    kept = []
    for finding in findings:
        hidden = False
        keys = rule_keys(finding.code, finding.name)
        for line, index in ((None, whole_file), (finding.line, by_line.get(finding.line, {}))):
            for key in keys:
                covering = index.get(key)
                if covering:
                    hidden = True
                    if (line, key) not in marked:
                        marked.add((line, key))
                        for sup, selector in covering:
                            sup.used.add(selector)
        if not hidden:
            kept.append(finding)
    rule = _format_rule("unused-suppression")
    if config.enabled(rule, file):

        def report(sup: _Suppression, message: str, fix: str) -> None:
            kept.append(
                Finding(
                    rule.code,
                    rule.name,
                    config.severity_of(rule),
                    file,
                    sup.line,
                    sup.column,
                    sup.line,
                    sup.column + 1,
                    "",
                    message,
                    fix,
                )
            )

        for sup in suppressions:
            if sup.wrong:
                report(
                    sup,
                    f"'{sup.wrong}' is not a modelh directive",
                    "write '# modelh: disable=CODE' or '# modelh: disable-file=CODE'",
                )
            for selector in sup.selectors:
                if selector in sup.used:
                    continue
                what = "suppresses nothing here" if selector_known(selector) else "names no rule"
                kind = "disable-file" if sup.whole_file else "disable"
                report(
                    sup,
                    f"'# modelh: {kind}={selector}' {what}",
                    "remove the comment, or the code from it",
                )
    return sorted(kept, key=_order)
