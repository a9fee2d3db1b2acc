"""Every canvas at a glance as text for people, Markdown or JSON (``modelh status``)."""

from __future__ import annotations

import io
import json
from dataclasses import asdict
from typing import TYPE_CHECKING

from modelh.escaping import json_ready, markdown_text, printable
from modelh.history.output import json_lists

if TYPE_CHECKING:
    from modelh.history.status import StatusReport, StatusRow

# ---------------------------------------------------------------------------
# Status


def _status_cells(row: StatusRow) -> list[str]:
    if row.problem:
        return ["", "", "", "", "", f"{row.errors}/-", "", _changed(row), row.file]
    tip = f"{len(row.past_tip)}/{row.segments}" if row.segments else "-"
    return [
        row.organization or "",
        row.title or "",
        row.status or "",
        row.version or "",
        f"{row.completeness}%" if row.completeness is not None else "",
        f"{row.errors}/{row.warnings}",
        tip,
        _changed(row),
        row.file,
    ]


def _changed(row: StatusRow) -> str:
    if row.changed is None:
        return ""
    day = row.changed[:10]
    if row.changed_from == "file":
        return f"{day} (file)"
    if row.shallow_boundary:
        day = f"≤{day}"
    return day + (" +edits" if row.uncommitted else "")


_HEADERS = (
    "organization",
    "title",
    "status",
    "version",
    "done",
    "err/warn",
    "past TIP",
    "changed",
    "file",
)


def _fit(text: str, width: int) -> str:
    from rich.cells import cell_len

    if cell_len(text) <= width:
        return text + " " * (width - cell_len(text))
    cut = text
    while cut and cell_len(cut) > width - 1:
        cut = cut[:-1]
    return cut + "…" + " " * (width - 1 - cell_len(cut))


def status_text(report: StatusReport, *, color: bool = False, width: int | None = None) -> str:
    """A table, one line a canvas: organization and title are shortened (…) to fit
    ``width`` (None: never); the file name, last, is never cut."""
    from rich.cells import cell_len
    from rich.console import Console
    from rich.text import Text

    buffer = io.StringIO()
    console = Console(
        file=buffer,
        force_terminal=color,
        no_color=not color,
        width=width or 100,
        highlight=False,
        soft_wrap=True,
        emoji=False,
    )
    rows = [[printable(c) for c in _status_cells(row)] for row in report.rows]
    for cells, row in zip(rows, report.rows, strict=True):
        if row.problem:
            cells[0] = "(does not load)"
    widths = [max([cell_len(h), *(cell_len(r[i]) for r in rows)]) for i, h in enumerate(_HEADERS)]
    gap = 2
    fixed = sum(widths[2:-1]) + gap * (len(widths) - 1) + min(widths[-1], 24)
    room = max(32, (width or 0) - fixed)
    if width is not None and widths[0] + widths[1] > room:
        org = max(15, min(widths[0], room // 3))
        widths[0], widths[1] = org, max(15, room - org)
    widths[-1] = 0  # the file: as long as it is

    def line(cells: list[str], styles: list[str]) -> Text:
        text = Text()
        for i, (cell, style) in enumerate(zip(cells, styles, strict=True)):
            shown = cell if i == len(cells) - 1 else _fit(cell, widths[i]) + " " * gap
            text.append(shown, style=style if color else "")
        return text

    console.print(line(list(_HEADERS), ["bold"] * len(_HEADERS)))
    for cells, row in zip(rows, report.rows, strict=True):
        styles = [""] * len(cells)
        if row.problem:
            styles[0] = "red"
        elif row.errors:
            styles[5] = "red"
        console.print(line(cells, styles))
    broken = [row for row in report.rows if row.problem]
    if broken:
        console.print()
        console.print(Text("Canvases that do not load:", style="bold" if color else ""))
        for row in broken:
            console.print(Text(printable(f"  {row.problem}")))
    console.print(Text(printable(_status_summary(report))))
    return buffer.getvalue()


def _status_summary(report: StatusReport) -> str:
    count = len(report.rows)
    broken = sum(1 for r in report.rows if r.problem)
    parts = [f"{count} canvas{'es' if count != 1 else ''}"]
    if broken:
        parts.append(f"{broken} that do{'es' if broken == 1 else ''} not load")
    text = ", ".join(parts)
    notes = [report.note] if report.note else []
    if any(r.shallow_boundary for r in report.rows):
        notes.append(
            "≤: unchanged since the shallow clone's oldest commit, so changed then or "
            "before; git fetch --unshallow shows when"
        )
    return text + "".join(f" ({note})" for note in notes)


def status_markdown(report: StatusReport) -> str:
    out = ["| " + " | ".join(_HEADERS) + " |", "|" + "---|" * len(_HEADERS)]
    for row in report.rows:
        cells = _status_cells(row)
        if row.problem:
            cells[0] = f"does not load: {row.problem}"
        out.append("| " + " | ".join(markdown_text(c) for c in cells) + " |")
    out += ["", markdown_text(_status_summary(report))]
    return "\n".join(out) + "\n"


def status_json(report: StatusReport) -> str:
    data = {"canvases": json_lists([asdict(r) for r in report.rows]), "note": report.note}
    return json.dumps(json_ready(data), indent=2, ensure_ascii=False) + "\n"


def render_status(
    report: StatusReport, fmt: str, *, color: bool = False, width: int | None = None
) -> str:
    if fmt == "md":
        return status_markdown(report)
    if fmt == "json":
        return status_json(report)
    return status_text(report, color=color, width=width)
