"""What the checker reads in a canvas's comments: its inline suppressions
(``# modelh: disable=...``), applied to the findings and reported when they
suppress nothing (MH090), and comments that cut a text short (MH011).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from modelh.canvas.linebreaks import split_lines
from modelh.canvas.model import Canvas
from modelh.canvas.spans import SpanIndex
from modelh.check.config import Config
from modelh.check.selectors import Key, rule_keys, selector_keys, selector_known

if TYPE_CHECKING:
    from modelh.check.checker import Finding

_DIRECTIVE = re.compile(
    r"#\s*modelh:\s*(?P<word>[A-Za-z-]*)\s*(?:=\s*(?P<codes>[A-Za-z0-9_,\- ]*))?"
)


# ---------------------------------------------------------------------------
# Comments that cut a text short

#: After a value written without quotes: spaces, then a '#' followed straight by
#: something other than a space (a comment written on purpose has one).
_CUT = re.compile(r"[ \t]+#(?=[^\s])")
#: What a finding quotes of the value kept and of the text cut off.
_QUOTED = 40


def comment_cuts(text: str, canvas: Canvas, config: Config) -> list[Finding]:
    """Findings of MH011: a plain value followed on its line by ``#word``, which
    YAML reads as a comment, so the canvas holds only what comes before it."""
    from modelh.check.checker import Finding, _format_rule

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


def apply_suppressions(
    findings: list[Finding], text: str, file: str, config: Config, canvas: Canvas | None = None
) -> list[Finding]:
    """``findings`` without those the canvas's ``# modelh: disable`` comments
    suppress, with a finding (MH090) for each suppression that suppresses nothing."""
    from modelh.check.checker import Finding, _format_rule, _order

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
