"""Diffs, histories and status tables as text for people, Markdown, or JSON.

Each function takes the data (``CanvasDiff``, ``History``, ``StatusReport``)
and returns a string; the command line prints it. Text goes through rich as
``Text`` objects (never markup) and ``printable``; Markdown through
``markdown_text``; JSON through ``json_ready``. Without colours, a word-level
difference is marked as ``git diff --word-diff`` marks it: ``[-old-]{+new+}``.
"""

from __future__ import annotations

import io
import json
from collections.abc import Iterable, Sequence
from dataclasses import asdict
from typing import TYPE_CHECKING, Any, NamedTuple

from modelh.escaping import json_ready, markdown_text, printable
from modelh.history.diffkit import number_text
from modelh.history.records import CanvasDiff, FieldChange, ItemChange, Move, Side, StageChange
from modelh.history.words import Piece

if TYPE_CHECKING:
    pass

FORMATS = ("text", "md", "json")

# ---------------------------------------------------------------------------
# A small document: headings and lines of styled spans, shown as text or Markdown

#: Span kinds: plain text, an id, removed words, added words, a dimmed hint,
#: a move for the better, a move for the worse, a strong word.
PLAIN, ID, DEL, INS, DIM, GOOD, BAD, STRONG = "", "id", "del", "ins", "dim", "good", "bad", "strong"


class Span(NamedTuple):
    text: str
    kind: str = PLAIN


class Line(NamedTuple):
    level: int  # 0: a heading; 1: an entry; 2: a detail of the entry; 3: of the detail
    spans: tuple[Span, ...]


def make_line(level: int, *parts: str | Span | Iterable[Span]) -> Line:
    spans: list[Span] = []
    for part in parts:
        if isinstance(part, Span):
            spans.append(part)
        elif isinstance(part, str):
            spans.append(Span(part))
        else:
            spans.extend(part)
    return Line(level, tuple(spans))


_TEXT_STYLE = {
    ID: "cyan",
    DEL: "red strike",
    INS: "green bold",
    DIM: "dim",
    GOOD: "green",
    BAD: "red",
    STRONG: "bold",
}


def as_text(lines: Sequence[Line], *, color: bool, width: int) -> str:
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
    for line in lines:
        text = Text()
        if not line.spans:
            console.print()
            continue
        if line.level == 0:
            text.append(printable(_plain(line)), style="bold")
        else:
            text.append("  " + "    " * (line.level - 1))
            for span in line.spans:
                shown = printable(span.text)
                if span.kind == ID:
                    shown = f"({shown})"
                elif not color and span.kind == DEL:
                    shown = f"[-{shown}-]"
                elif not color and span.kind == INS:
                    shown = f"{{+{shown}+}}"
                text.append(shown, style=_TEXT_STYLE.get(span.kind, "") if color else "")
        console.print(text, soft_wrap=True)
    return buffer.getvalue()


def _plain(line: Line) -> str:
    return "".join(span.text for span in line.spans)


def _as_markdown(lines: Sequence[Line], heading: int = 3) -> str:
    out: list[str] = []
    for line in lines:
        if line.level == 0:
            if out and out[-1] != "":
                out.append("")
            out.append("#" * heading + " " + markdown_text(_plain(line)))
            out.append("")
            continue
        parts = []
        for span in line.spans:
            if not span.text:
                continue
            if span.kind == ID:
                parts.append(_code(span.text))
                continue
            raw = span.text
            lead = " " if raw[:1].isspace() else ""
            trail = " " if raw[-1:].isspace() and raw.strip() else ""
            core = markdown_text(raw)
            text = f"{lead}{core}{trail}"
            if core and span.kind == DEL:
                text = f"{lead}~~{core}~~{trail}"
            elif core and span.kind in (INS, STRONG):
                text = f"{lead}**{core}**{trail}"
            parts.append(text)
        out.append("  " * (line.level - 1) + "- " + "".join(parts))
    return "\n".join(out).rstrip("\n") + "\n"


def _code(text: str) -> str:
    """An id as a code span (ids are slugs; anything else is escaped as text)."""
    if text and all(c.isalnum() or c in "-_." for c in text) and text.isascii():
        return f"`{text}`"
    return markdown_text(text)


# ---------------------------------------------------------------------------
# The diff


def _words(pieces: Sequence[Piece]) -> list[Span]:
    spans: list[Span] = []
    for i, piece in enumerate(pieces):
        if i:
            spans.append(Span(" "))
        spans.append(Span(piece.text, {"=": PLAIN, "-": DEL, "+": INS}[piece.op]))
    return spans


def _value(value: object) -> str:
    if value is None:
        return "(empty)"
    if isinstance(value, tuple):
        return ", ".join(str(v) for v in value)
    if isinstance(value, int | float):
        return number_text(value)
    return " ".join(str(value).split())


def _field(change: FieldChange) -> list[Span | str]:
    label = change.field.replace("_", " ") + ": "
    if change.words:
        return [label, *_words(change.words)]
    if isinstance(change.old, tuple) or isinstance(change.new, tuple):
        parts: list[Span | str] = [label]
        if change.added:
            parts += ["added ", Span(", ".join(change.added), INS)]
        if change.removed:
            parts += [
                "; " if change.added else "",
                "removed ",
                Span(", ".join(change.removed), DEL),
            ]
        if not change.added and not change.removed:
            parts += [Span(_value(change.old), DEL), " → ", Span(_value(change.new), INS)]
        return parts
    if change.old is None:
        return [label, "added ", Span(_value(change.new), INS)]
    if change.new is None:
        return [label, "emptied (was ", Span(_value(change.old), DEL), ")"]
    return [label, Span(_value(change.old), DEL), " → ", Span(_value(change.new), INS)]


_BLOCK_TITLES = {
    "segments": "Segments",
    "value_propositions": "Value propositions",
    "channels": "Channels",
    "revenue_streams": "Revenue streams",
    "key_activities": "Key activities",
    "key_resources": "Key resources",
    "key_partners": "Key partners",
    "cost_structure": "Cost structure",
}


def _item(change: ItemChange, noun: str = "") -> list[Line]:
    has_id = change.key != change.label and change.key
    what = {
        "added": "added",
        "removed": "removed",
        "reworded": "reworded",
        "changed": "changed",
    }[change.change]
    head: list[Span | str] = [f"{what}{' ' + noun if noun else ''}: "]
    if change.change == "reworded" and change.fields and change.fields[0].words:
        head += _words(change.fields[0].words)
        rest = change.fields[1:]
    else:
        kind = DEL if change.change == "removed" else INS if change.change == "added" else PLAIN
        head.append(Span(change.label, kind))
        rest = change.fields
    if has_id:
        head += [" ", Span(change.key, ID)]
    lines = [make_line(1, *head)]
    lines += [make_line(2, *_field(f)) for f in rest]
    return lines


def _signed(value: float | int) -> str:
    return ("+" if value > 0 else "") + number_text(value)


def _move(move: Move, unit: str | None = None) -> list[Span | str]:
    parts: list[Span | str] = [f"{move.field} "]
    if move.old is None:
        parts += ["set to ", Span(number_text(move.new), INS)]
    elif move.new is None:
        parts += ["emptied (was ", Span(number_text(move.old), DEL), ")"]
    else:
        parts += [number_text(move.old), " → ", Span(number_text(move.new), STRONG)]
    if move.delta is not None:
        amount = _signed(move.delta)
        if isinstance(move.old, str):  # a journey's time: the delta is in minutes
            amount = _duration(move.delta)
        if unit and not isinstance(move.old, str):
            amount += unit if unit.startswith("%") else f" {unit}"
        detail = amount
        if move.better is True:
            parts += [" (", Span(detail + ", better", GOOD), ")"]
        elif move.better is False:
            parts += [" (", Span(detail + ", worse", BAD), ")"]
        else:
            parts += [f" ({detail})"]
    return parts


def _duration(minutes: float | int) -> str:
    sign = "+" if minutes > 0 else "-"
    value = abs(minutes)
    for unit, size in (("week", 10080), ("day", 1440), ("hour", 60)):
        if value >= size and value % size == 0:
            count = int(value // size)
            return f"{sign}{count} {unit}{'s' if count != 1 else ''}"
    return f"{sign}{number_text(value)} minutes"


def _stage(change: StageChange) -> list[Span | str]:
    label = "stage" if change.field == "stage" else "target stage"
    parts: list[Span | str] = [
        Span(change.name, STRONG),
        " ",
        Span(change.segment, ID),
        f": {label} ",
    ]
    parts += [_value(change.old), " → ", Span(_value(change.new), INS)]
    notes = []
    if change.steps:
        steps = abs(change.steps)
        direction = "forward" if change.steps > 0 else "back"
        notes.append(f"{steps} stage{'s' if steps != 1 else ''} {direction}")
    if change.field == "stage" and change.trust_old != change.trust_new:
        notes.append(
            {
                "past": "now past the Trust Inflection Point",
                "at": "now at the Trust Inflection Point",
                "before": "now before the Trust Inflection Point",
            }.get(change.trust_new or "", "no stage now")
        )
    if notes:
        kind = GOOD if (change.steps or 0) > 0 else BAD if (change.steps or 0) < 0 else PLAIN
        parts += [" (", Span("; ".join(notes), kind), ")"]
    return parts


def _gaps(side: Side) -> str:
    parts = [f"{n} {s}{'s' if n != 1 and s != 'info' else ''}" for s, n in side.gaps.items() if n]
    total = side.gap_count
    return f"{total}" + (f" ({', '.join(parts)})" if parts else "")


def _diff_lines(diff: CanvasDiff) -> list[Line]:
    lines: list[Line] = []

    def section(title: str) -> None:
        lines.append(make_line(0, title))

    if diff.canvas:
        section("Canvas")
        lines += [make_line(1, *_field(change)) for change in diff.canvas]
    for block in diff.blocks:
        section(_BLOCK_TITLES.get(block.block, block.block))
        for change in block.items:
            lines += _item(change)
    if diff.answers:
        section("Answers to the eight questions")
        for answer in diff.answers:
            who = f" ({answer.segment})" if answer.segment else ""
            head: list[Span | str] = [Span(answer.question, STRONG), f"{who}: "]
            if answer.old is None:
                lines.append(make_line(1, *head, "answered: ", Span(_value(answer.new), INS)))
            elif answer.new is None:
                lines.append(make_line(1, *head, "answer removed: ", Span(_value(answer.old), DEL)))
            else:
                lines.append(make_line(1, *head, *_words(answer.words)))
    if diff.dimensions:
        section("Dimensions")
        for dim in diff.dimensions:
            degrees: list[Span | str] = []
            for i, degree in enumerate(dim.degrees):
                who = "overall" if degree.segment is None else degree.segment
                degrees += ["; " if i else "", f"{who} ", _value(degree.old), " → "]
                degrees.append(Span(_value(degree.new), INS))
            note = {"added": " (now considered)", "removed": " (no longer in the canvas)"}
            lines.append(
                make_line(
                    1,
                    Span(dim.id, STRONG),
                    note.get(dim.change, ""),
                    ": " if degrees else "",
                    *degrees,
                )
            )
            lines += [make_line(2, *_field(f)) for f in dim.fields]
    if diff.measures:
        section("Measures")
        for measure in diff.measures:
            head = [Span(measure.name, STRONG), " ", Span(measure.id, ID)]
            if measure.change in ("added", "removed"):
                lines.append(make_line(1, f"{measure.change}: ", *head))
                continue
            moves: list[Span | str] = []
            for i, move in enumerate(measure.moves):
                moves += ["; " if i else ": ", *_move(move, measure.unit)]
            lines.append(make_line(1, *head, *moves))
            lines += [make_line(2, *_field(f)) for f in measure.fields]
    if diff.stages:
        section("Value chain")
        lines += [make_line(1, *_stage(change)) for change in diff.stages]
    if diff.journeys:
        section("Journeys")
        for journey in diff.journeys:
            head = [Span(journey.name, STRONG), " ", Span(journey.id, ID)]
            if journey.change in ("added", "removed"):
                lines.append(make_line(1, f"{journey.change}: ", *head))
                continue
            lines.append(make_line(1, *head))
            lines += [make_line(2, *_field(f)) for f in journey.fields]
            for move in journey.time:
                lines.append(make_line(2, "time: ", *_move(move)))
            for touch in journey.touches:
                for line in _item(touch, "touch"):
                    lines.append(Line(line.level + 1, line.spans))
            if journey.reordered:
                lines.append(make_line(2, "touches: the same, in another order"))
    if diff.reach or diff.systems:
        section("Bone-deep CX")
        for reach in diff.reach:
            lines.append(
                make_line(
                    1,
                    Span(reach.capability, STRONG),
                    f" in the {reach.office} office: ",
                    _value(reach.old),
                    " → ",
                    Span(_value(reach.new), INS),
                )
            )
        for system in diff.systems:
            lines += _item(system, "system")
    if diff.extensions:
        section("Firm extensions (x- keys)")
        for ext in diff.extensions:
            lines.append(make_line(1, f"{ext.change}: ", Span(ext.key, ID)))
    return lines


def _summary_rows(diff: CanvasDiff) -> list[tuple[str, str, str]]:
    rows = []
    if diff.old.version != diff.new.version or diff.old.version:
        rows.append(("version", diff.old.version or "(none)", diff.new.version or "(none)"))
    if diff.old.date or diff.new.date:
        rows.append(("date", diff.old.date or "(none)", diff.new.date or "(none)"))
    old, new = diff.old.completeness, diff.new.completeness
    for part in ("overall", "answers", "dimensions", "measures", "segments"):
        if part in old or part in new:
            label = "completeness" if part == "overall" else f"  {part}"
            rows.append((label, f"{old.get(part, 0)}%", f"{new.get(part, 0)}%"))
    rows.append(("gaps", _gaps(diff.old), _gaps(diff.new)))
    return rows


def _changes(diff: CanvasDiff) -> str:
    count = diff.count()
    return "no changes" if diff.equal else f"{count} change{'s' if count != 1 else ''}"


def diff_text(diff: CanvasDiff, *, color: bool = False, width: int = 100) -> str:
    head = [
        make_line(0, f"{diff.old.label} → {diff.new.label}: {_changes(diff)}"),
    ]
    for label, before, after in _summary_rows(diff):
        shown = before if before == after else f"{before} → {after}"
        head.append(make_line(1, f"{label:<13} {shown}"))
    if diff.equal:
        return as_text(head, color=color, width=width)
    body = _diff_lines(diff)
    return (
        as_text(head, color=color, width=width)
        + "\n"
        + as_text(spaced(body), color=color, width=width)
    )


def spaced(lines: list[Line]) -> list[Line]:
    """A blank line before each heading but the first."""
    out: list[Line] = []
    for line in lines:
        if line.level == 0 and out:
            out.append(Line(1, ()))
        out.append(line)
    return out


def diff_outline(diff: CanvasDiff) -> tuple[list[tuple[str, str, str]], list[Line]]:
    """The diff as a report shows it: the summary rows (label, before, after) and the
    lines of changes, each a level and styled spans (``PLAIN``, ``ID``, ``DEL``...)."""
    rows = [(label.strip(), before, after) for label, before, after in _summary_rows(diff)]
    return rows, ([] if diff.equal else _diff_lines(diff))


def diff_markdown(diff: CanvasDiff) -> str:
    out = [
        f"## Canvas changes: {markdown_text(diff.old.label)} → {markdown_text(diff.new.label)}",
        "",
        f"{_changes(diff).capitalize()}.",
        "",
        "| | before | after |",
        "|---|---|---|",
    ]
    for label, before, after in _summary_rows(diff):
        label = label.strip() if not label.startswith("  ") else f"… {label.strip()}"
        out.append(f"| {label} | {markdown_text(before)} | {markdown_text(after)} |")
    text = "\n".join(out) + "\n"
    if not diff.equal:
        text += "\n" + _as_markdown(_diff_lines(diff))
    return text


def diff_json(diff: CanvasDiff) -> str:
    data = {"equal": diff.equal, "changes": diff.count(), **json_lists(asdict(diff))}
    return json.dumps(json_ready(data), indent=2, ensure_ascii=False) + "\n"


def json_lists(value: Any) -> Any:
    """Tuples as lists, pieces of a word diff as [op, text]."""
    if isinstance(value, dict):
        return {k: json_lists(v) for k, v in value.items()}
    if isinstance(value, tuple | list):
        return [json_lists(v) for v in value]
    return value


def render_diff(diff: CanvasDiff, fmt: str, *, color: bool = False, width: int = 100) -> str:
    """The diff in format ``fmt`` (one of FORMATS)."""
    if fmt == "md":
        return diff_markdown(diff)
    if fmt == "json":
        return diff_json(diff)
    return diff_text(diff, color=color, width=width)
