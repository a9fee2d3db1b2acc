"""A canvas's history as text for people, Markdown or JSON (``modelh history``)."""

from __future__ import annotations

import json
from dataclasses import asdict

from modelh.escaping import json_ready, markdown_text
from modelh.history.diffkit import number_text
from modelh.history.output import (
    BAD,
    DIM,
    ID,
    PLAIN,
    STRONG,
    Line,
    Span,
    as_text,
    json_lists,
    make_line,
    spaced,
)
from modelh.history.trend import History, MeasureSeries, StageSeries, Version

# ---------------------------------------------------------------------------
# History


def _figure(value: float | int | None) -> str:
    return "-" if value is None else number_text(value)


def figure_chain(series: MeasureSeries, figure: str) -> list[tuple[str, str]]:
    """(when, value) of one figure (baseline, current, target) each time it changed."""
    chain: list[tuple[str, str]] = []
    last: object = object()
    for point in series.points:
        value = getattr(point, figure)
        if value != last:
            chain.append((point.when, _figure(value)))
            last = value
    return chain


def _chain_text(chain: list[tuple[str, str]], *, dated: bool) -> str:
    if len(chain) == 1 and not dated:
        return chain[0][1]
    return " → ".join(f"{value} ({when})" for when, value in chain)


def _measure_about(series: MeasureSeries) -> str:
    return ", ".join(
        x for x in (series.unit, series.direction and f"{series.direction} is better") if x
    )


def _stage_steps(series: StageSeries) -> list[tuple[str, str | None, str | None]]:
    rows = []
    last: tuple[str | None, str | None] | None = None
    for step in series.points:
        now = (step.stage, step.target_stage)
        if now != last:
            rows.append((step.when, step.stage, step.target_stage))
            last = now
    return rows


def _history_notes(history: History) -> list[str]:
    notes = []
    if history.truncated:
        notes.append(
            f"only the newest {history.max_count} commits are read; "
            "older ones exist (--max, --since)"
        )
    if history.shallow:
        notes.append(
            f"this is a shallow clone: git holds history back to {history.oldest} only "
            "(git fetch --unshallow to see all of it)"
        )
    return notes


#: Said instead of the subject of a shallow clone's oldest commit, which did not
#: necessarily change the canvas.
BOUNDARY = "as it was by the shallow clone's oldest commit"


def _subject(version: Version, before: Version | None = None) -> str:
    """What a version's line says after its figures: the commit's subject, and
    the name the canvas had before when this commit renamed it."""
    said = BOUNDARY if version.boundary else version.subject
    if before is not None and before.path and version.path and before.path != version.path:
        said += f" (renamed from {before.path})"
    return said


def _befores(history: History) -> list[Version | None]:
    return [None, *history.versions[:-1]]


def _gone(removed: str | None, lead: str) -> str:
    """``· not in the canvas since DATE`` for a measure or segment that left it."""
    return f"{lead}not in the canvas since {removed}" if removed else ""


def _history_title(history: History) -> str:
    count = len(history.versions)
    span = ""
    if history.versions:
        first = history.versions[0].when(history.dates)
        last = history.versions[-1].when(history.dates)
        span = f", {first} to {last}" if first != last else f", {first}"
    since = f" since {history.since}" if history.since else ""
    dates = "the canvases' own dates" if history.dates == "canvas" else "commit dates"
    return f"{history.file}: {count} version{'s' if count != 1 else ''}{since}{span} ({dates})"


def _history_lines(history: History) -> list[Line]:
    lines: list[Line] = [make_line(0, "Versions (completeness)")]
    for v, before in zip(history.versions, _befores(history), strict=True):
        when = v.when(history.dates)
        if v.completeness is None:
            lines.append(
                make_line(
                    1,
                    f"{when}  ",
                    Span(v.commit[:7], DIM),
                    "  ",
                    Span(v.problem, BAD),
                    f"  {_subject(v, before)}",
                )
            )
            continue
        about = " ".join(x for x in (v.version and f"v{v.version}", v.status) if x)
        lines.append(
            make_line(
                1,
                f"{when}  ",
                Span(v.commit[:7], DIM),
                "  ",
                Span(f"{v.completeness.get('overall', 0):>3}%", STRONG),
                f"  {about}" if about else "",
                Span(f"  {_subject(v, before)}", DIM),
            )
        )
    measures = history.measure_series()
    if measures:
        lines.append(make_line(0, "Measures over time"))
        for series in measures:
            about = _measure_about(series)
            lines.append(
                make_line(
                    1,
                    Span(series.name, STRONG),
                    " ",
                    Span(series.id, ID),
                    f": {about}" if about else "",
                    _gone(series.removed, " · " if about else ": "),
                )
            )
            for figure in ("current", "baseline", "target"):
                chain = figure_chain(series, figure)
                kind = STRONG if figure == "current" and len(chain) > 1 else PLAIN
                text = _chain_text(chain, dated=figure == "current")
                lines.append(make_line(2, f"{figure}: ", Span(text, kind)))
    stages = history.stage_series()
    if stages:
        lines.append(make_line(0, "Stages along the value chain (stage → target)"))
        for segment in stages:
            steps: list[Span | str] = []
            for i, (day, at, aim) in enumerate(_stage_steps(segment)):
                steps += [
                    " · " if i else "",
                    f"{day} ",
                    Span(at or "-", STRONG),
                    f" → {aim or '-'}",
                ]
            lines.append(
                make_line(
                    1,
                    Span(segment.name, STRONG),
                    " ",
                    Span(segment.id, ID),
                    ": ",
                    *steps,
                    _gone(segment.removed, " · "),
                )
            )
    return lines


def history_text(history: History, *, color: bool = False, width: int = 100) -> str:
    head = [make_line(0, _history_title(history))]
    head += [make_line(1, Span(note, DIM)) for note in _history_notes(history)]
    return as_text([*head, Line(1, ()), *spaced(_history_lines(history))], color=color, width=width)


def history_markdown(history: History) -> str:
    out = [f"## History of {markdown_text(_history_title(history))}", ""]
    out += [f"> {markdown_text(note)}" for note in _history_notes(history)]
    if _history_notes(history):
        out.append("")
    out += [
        "| date | commit | version | status | completeness | subject |",
        "|---|---|---|---|---|---|",
    ]
    for v, before in zip(history.versions, _befores(history), strict=True):
        when = v.when(history.dates)
        if v.completeness is None:
            out.append(
                f"| {when} | `{v.commit[:7]}` | | | {markdown_text(v.problem)} | "
                f"{markdown_text(_subject(v, before))} |"
            )
        else:
            out.append(
                f"| {when} | `{v.commit[:7]}` | {markdown_text(v.version or '')} | "
                f"{markdown_text(v.status or '')} | {v.completeness.get('overall', 0)}% | "
                f"{markdown_text(_subject(v, before))} |"
            )
    measures = history.measure_series()
    if measures:
        out += [
            "",
            "### Measures",
            "",
            "| measure | unit | current over time | baseline | target |",
            "|---|---|---|---|---|",
        ]
        for series in measures:
            cells = [
                f"{markdown_text(series.name)} `{series.id}`",
                markdown_text(
                    _measure_about(series)
                    + _gone(series.removed, "; " if _measure_about(series) else "")
                ),
                *(
                    markdown_text(_chain_text(figure_chain(series, f), dated=f == "current"))
                    for f in ("current", "baseline", "target")
                ),
            ]
            out.append("| " + " | ".join(cells) + " |")
        out.append("")
    stages = history.stage_series()
    if stages:
        out += ["### Stages along the value chain", ""]
        for segment in stages:
            chain = " · ".join(
                f"{when} {stage or '-'} → {target or '-'}"
                for when, stage, target in _stage_steps(segment)
            )
            chain += _gone(segment.removed, " · ")
            out.append(
                f"- **{markdown_text(segment.name)}** `{segment.id}`: {markdown_text(chain)}"
            )
    return "\n".join(out).rstrip("\n") + "\n"


def history_json(history: History) -> str:
    data = {
        "file": history.file,
        "path": history.path,
        "dates": history.dates,
        "since": history.since,
        "max": history.max_count,
        "truncated": history.truncated,
        "shallow": history.shallow,
        "oldest": history.oldest,
        "versions": json_lists([asdict(v) for v in history.versions]),
        "measures": json_lists([asdict(s) for s in history.measure_series()]),
        "stages": json_lists([asdict(s) for s in history.stage_series()]),
    }
    return json.dumps(json_ready(data), indent=2, ensure_ascii=False) + "\n"


def render_history(history: History, fmt: str, *, color: bool = False, width: int = 100) -> str:
    if fmt == "md":
        return history_markdown(history)
    if fmt == "json":
        return history_json(history)
    return history_text(history, color=color, width=width)
