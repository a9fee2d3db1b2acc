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

TOPICS = ("questions", "dimensions", "measures", "stages", "journeys", "cx", "sources")


def _credit(topic: str) -> Text:
    return Text(fw.credit_line(topic), style="dim")


def _own(text: str) -> Text:
    """A note that a reading is modelh's own, not the method's."""
    body = Text("modelh's own reading: ", style="bold")
    body.append(text)
    return body


def _with_credit(topic: str, *parts: RenderableType) -> RenderableType:
    return Group(*parts, _credit(topic))


def _table(title: str) -> Table:
    return Table(
        title=title, title_justify="left", title_style="bold", show_lines=True, expand=True
    )


def questions_table() -> RenderableType:
    table = _table("The eight Customer Relationships questions")
    table.add_column("#", justify="right", no_wrap=True)
    table.add_column("id", style="cyan", no_wrap=True)
    table.add_column("question", ratio=3, overflow="fold")
    table.add_column("answered", no_wrap=True)
    for q in fw.QUESTIONS:
        table.add_row(str(q.number), q.id, q.text, "per segment" if q.per_segment else "once")
    return _with_credit("questions", table)


def _examples(d: fw.Dimension) -> Text:
    """A dimension's examples, modelh's own ones marked with an asterisk."""
    return Text("; ".join(e + ("*" if e in d.own_examples else "") for e in d.examples))


def dimensions_table() -> RenderableType:
    table = _table("The seven relationship dimensions")
    table.add_column("#", justify="right", no_wrap=True)
    table.add_column("id", style="cyan", no_wrap=True)
    table.add_column("what it is about", ratio=2, overflow="fold")
    table.add_column("typical examples", ratio=2, overflow="fold")
    for d in fw.DIMENSIONS:
        table.add_row(str(d.number), d.id, d.summary, _examples(d))
    mix = Text(
        "A model uses the dimensions in various degrees and combinations for each segment: "
        "give a dimension's segments as a mix (segment id: degree) when the degree differs."
    )
    return _with_credit(
        "dimensions", table, mix, _own("examples marked * go beyond the method's own.")
    )


def measures_table() -> RenderableType:
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
            indicators = Text(", ".join(_indicator_id(i) for i in d.indicators))
        table.add_row(d.id, d.summary, indicators)
    notes = Text(
        "Indicators marked * are named by the method but counted as agreed with leadership "
        "(status: pending-leadership until then). The company-wide relationship measure "
        "belongs in the annual company performance measures. Measure well past call volumes "
        "and issue resolutions: revenue, cost and health outcomes too."
    )
    return _with_credit("measures", table, notes)


def _indicator_id(i: fw.Indicator) -> str:
    return i.id + ("*" if i.pending_leadership else "")


def stages_table() -> RenderableType:
    table = _table("The customer value chain")
    table.add_column("#", justify="right", no_wrap=True)
    table.add_column("stage", style="cyan", no_wrap=True)
    table.add_column("what the company must do", ratio=3, overflow="fold")
    table.add_column("trust", no_wrap=True)
    marks = {"before": "building", "at": "inflection point", "past": "past the point"}
    for s in fw.STAGES:
        style = "bold yellow" if s.trust == "at" else ""
        table.add_row(str(s.number), s.id, s.duties, Text(marks.get(s.trust, s.trust), style=style))
    notes = Text()
    for title, text in fw.TRUST_INFLECTION_NOTES:
        notes.append(f"{title}: ", style="bold")
        notes.append(text + "\n")
    notes.rstrip()
    skipping = dict(fw.MODELH_OWN)["Stage skipping"]
    return _with_credit(
        "stages", table, Text(fw.TRUST_INFLECTION_POINT, style="italic"), notes, _own(skipping)
    )


def journeys_table() -> RenderableType:
    table = _table("The journey map: the first customer-experience project")
    table.add_column("#", justify="right", no_wrap=True)
    table.add_column("priority", style="cyan", no_wrap=True)
    table.add_column("why", ratio=3, overflow="fold")
    for number, (rule, why) in enumerate(fw.JOURNEY_PRIORITIES, start=1):
        table.add_row(str(number), rule, why)
    score = dict(fw.MODELH_OWN)["Touch priority"]
    return _with_credit(
        "journeys",
        Text(fw.JOURNEY_MAP),
        table,
        Text(fw.JOURNEY_START),
        _own(score + " The formula is in the checking docs."),
    )


def cx_table() -> RenderableType:
    capabilities = _table("Bone-deep customer experience: the four capabilities")
    capabilities.add_column("id", style="cyan", no_wrap=True)
    capabilities.add_column("capability: what it is", overflow="fold")
    for c in fw.CAPABILITIES:
        capabilities.add_row(c.id, Text.assemble((c.name, "bold"), f": {c.summary}"))
    offices = _table("... and the three offices they must reach")
    offices.add_column("id", style="cyan", no_wrap=True)
    offices.add_column("office: what it needs", overflow="fold")
    for o in fw.CX_OFFICE_DETAILS:
        offices.add_row(
            o.id,
            Text.assemble((o.name, "bold"), "\n", "\n".join(f"- {point}" for point in o.points)),
        )
    systems = Text()
    systems.append("The systems behind the smiles. ", style="bold")
    systems.append(fw.SYSTEMS_BEHIND_THE_SMILES)
    systems.append(" A health plan's systems of record: " + ", ".join(fw.PAYER_SYSTEMS_OF_RECORD))
    systems.append(".")
    scales = dict(fw.MODELH_OWN)["Rating scales"]
    return _with_credit(
        "cx",
        capabilities,
        Text(fw.CX_REACH_EVERY_OFFICE),
        offices,
        systems,
        _own(scales),
    )


def sources_table() -> RenderableType:
    table = _table("Sources")
    table.add_column("source", ratio=2, overflow="fold")
    table.add_column("what modelh takes from it", ratio=3, overflow="fold")
    for source in fw.SOURCES:
        table.add_row(source.credit, source.gives)
    own = _table("modelh's own readings (not the sources')")
    own.add_column("what", ratio=1, overflow="fold")
    own.add_column("the reading", ratio=3, overflow="fold")
    for what, text in fw.MODELH_OWN:
        own.add_row(what, text)
    return Group(table, own)


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


def _cx_panel(item: str) -> Panel | None:
    """A CX capability or an office in full, or None when ``item`` is neither."""
    try:
        found: fw.Capability | fw.Office = fw.capability(item)
    except KeyError:
        try:
            found = fw.office(item)
        except KeyError:
            return None
    body = Text(found.summary)
    if isinstance(found, fw.Office):
        body.append("\n\nWhat it needs\n", style="bold")
        body.append("\n".join(f"- {point}" for point in found.points))
    body.append("\n\n")
    body.append("Source: " + fw.source("bone-deep-cx").credit + ".", style="dim")
    return Panel(body, title=found.name, title_align="left", expand=True)


def item_panel(topic: str | None, item: str) -> Panel:
    """One question, dimension, domain, stage, CX capability or office in full.

    KeyError if unknown.
    """
    if topic in (None, "cx"):
        panel = _cx_panel(item)
        if panel is not None:
            return panel
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
            own = " (* modelh's own example)" if found.own_examples else ""
            return _guidance_panel(
                f"Dimension {found.number}: {found.name}",
                found.summary + "\nExamples: " + _examples(found).plain + own,
                found.guidance,
            )
        if isinstance(found, fw.Domain):
            ids = ", ".join(i.id for i in found.indicators) or "to be defined with leadership"
            return _guidance_panel(
                f"Domain: {found.name}", f"{found.summary}\nIndicators: {ids}", found.guidance
            )
        return _guidance_panel(
            f"Stage {found.number}: {found.name}",
            found.duties + "\n" + fw.credit_line("stages"),
            found.guidance,
        )
    where = f" among the {topic}" if topic else ""
    raise KeyError(f"'{item}' is not a known id{where}; run 'modelh framework' for the list")


def renderables(topic: str | None = None, item: str | None = None) -> list[RenderableType]:
    """What ``modelh framework [TOPIC] [ITEM]`` shows."""
    if item:
        return [item_panel(topic, item)]
    builders: dict[str, Callable[[], RenderableType]] = {
        "questions": questions_table,
        "dimensions": dimensions_table,
        "measures": measures_table,
        "stages": stages_table,
        "journeys": journeys_table,
        "cx": cx_table,
        "sources": sources_table,
    }
    chosen = [topic] if topic else list(TOPICS)
    return [builders[t]() for t in chosen]
