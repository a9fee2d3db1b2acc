"""The method as rich tables and panels, for ``modelh framework`` (alias ``guide``).

Builds renderables only; the CLI prints them.
"""

from __future__ import annotations

from collections.abc import Callable

from rich.console import Group, RenderableType
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from modelh import framework as fw

TOPICS = ("questions", "dimensions", "measures", "stages")


def _table(title: str) -> Table:
    return Table(
        title=title, title_justify="left", title_style="bold", show_lines=True, expand=True
    )


def questions_table() -> Table:
    table = _table("The eight Customer Relationships questions")
    table.add_column("#", justify="right", no_wrap=True)
    table.add_column("id", style="cyan", no_wrap=True)
    table.add_column("question", ratio=3, overflow="fold")
    table.add_column("answered", no_wrap=True)
    for q in fw.QUESTIONS:
        table.add_row(str(q.number), q.id, q.text, "per segment" if q.per_segment else "once")
    return table


def dimensions_table() -> Table:
    table = _table("The seven relationship dimensions")
    table.add_column("#", justify="right", no_wrap=True)
    table.add_column("id", style="cyan", no_wrap=True)
    table.add_column("what it is about", ratio=2, overflow="fold")
    table.add_column("typical examples", ratio=2, overflow="fold")
    for d in fw.DIMENSIONS:
        table.add_row(str(d.number), d.id, d.summary, "; ".join(d.examples))
    return table


def measures_table() -> Table:
    table = _table("Measurement domains and the indicator catalog")
    table.add_column("domain", style="cyan", no_wrap=True)
    table.add_column("what it indicates", ratio=2, overflow="fold")
    table.add_column("indicator ids", ratio=3, overflow="fold")
    for d in fw.DOMAINS:
        if d.pending_leadership:
            indicators = Text(
                "to be defined with leadership (mark measures status: pending-leadership)",
                style="italic",
            )
        elif d.id == "customer":
            indicators = Text()
            for title, ids in fw.CUSTOMER_INDICATOR_GROUPS:
                indicators.append(f"{title}: ", style="bold")
                indicators.append(", ".join(ids) + "\n")
            indicators.rstrip()
        else:
            indicators = Text(", ".join(i.id for i in d.indicators))
        table.add_row(d.id, d.summary, indicators)
    return table


def stages_table() -> Table:
    table = _table("The customer value chain")
    table.add_column("#", justify="right", no_wrap=True)
    table.add_column("stage", style="cyan", no_wrap=True)
    table.add_column("what the company must do", ratio=3, overflow="fold")
    table.add_column("trust", no_wrap=True)
    marks = {"before": "building", "at": "inflection point", "past": "past the point"}
    for s in fw.STAGES:
        style = "bold yellow" if s.trust == "at" else ""
        table.add_row(str(s.number), s.id, s.duties, Text(marks.get(s.trust, s.trust), style=style))
    return Group(table, Text(fw.TRUST_INFLECTION_POINT, style="italic"))  # type: ignore[return-value]


def _guidance_panel(title: str, intro: str, guidance: fw.Guidance) -> Panel:
    body = Text()
    if intro:
        body.append(intro + "\n\n")
    body.append("Why it matters\n", style="bold")
    body.append(guidance.why + "\n\n")
    body.append("A good answer\n", style="bold")
    body.append(guidance.good_answer + "\n\n")
    body.append("Example\n", style="bold")
    body.append(guidance.example, style="italic")
    return Panel(body, title=title, title_align="left", expand=True)


def item_panel(topic: str | None, item: str) -> Panel:
    """One question, dimension, domain or stage in full. KeyError if unknown."""
    finders: dict[str, Callable[[str], fw.Question | fw.Dimension | fw.Domain | fw.Stage]] = {
        "questions": fw.question,
        "dimensions": fw.dimension,
        "measures": fw.domain,
        "stages": fw.stage,
    }
    for name, find in finders.items():
        if topic not in (None, name):
            continue
        try:
            found = find(item)
        except KeyError:
            continue
        if isinstance(found, fw.Question):
            scope = " (answered per segment)" if found.per_segment else ""
            return _guidance_panel(
                f"Question {found.number}: {found.title}", found.text + scope, found.guidance
            )
        if isinstance(found, fw.Dimension):
            return _guidance_panel(
                f"Dimension {found.number}: {found.name}",
                found.summary + "\nExamples: " + "; ".join(found.examples),
                found.guidance,
            )
        if isinstance(found, fw.Domain):
            ids = ", ".join(i.id for i in found.indicators) or "to be defined with leadership"
            return _guidance_panel(
                f"Domain: {found.name}", f"{found.summary}\nIndicators: {ids}", found.guidance
            )
        return _guidance_panel(f"Stage {found.number}: {found.name}", found.duties, found.guidance)
    where = f" among the {topic}" if topic else ""
    raise KeyError(f"'{item}' is not a known id{where}; run 'modelh framework' for the list")


def renderables(topic: str | None = None, item: str | None = None) -> list[RenderableType]:
    """What ``modelh framework [TOPIC] [ITEM]`` shows."""
    if item:
        return [item_panel(topic, item)]
    builders = {
        "questions": questions_table,
        "dimensions": dimensions_table,
        "measures": measures_table,
        "stages": stages_table,
    }
    chosen = [topic] if topic else list(TOPICS)
    return [builders[t]() for t in chosen]
