"""What the deck's executive summary and its other slides say, as plain data.

Built from the report's context (``modelh.report.context.build_context``) and the
canvas itself for what the context does not carry (the dimension mix per
segment, the measures marked as headline, journeys and bone-deep CX). Every
list is bounded here; the slides then fit what they are given to their boxes.
Nothing here knows about PowerPoint.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from modelh.canvas.facts import trust
from modelh.canvas.model import Canvas
from modelh.framework import vocab
from modelh.report.contract import MeasureContext, ReportContext
from modelh.report.labels import GAP_SECTIONS, USE_LABELS
from modelh.report.measures import measure_context
from modelh.report.shorten import Shortener

if TYPE_CHECKING:
    from modelh.check.checker import FileResult

#: Headline measures on the summary and their slide (the format allows five).
SHOWN_HEADLINES = 5
#: Gaps on the summary, and on the gaps slide.
SUMMARY_GAPS = 5
SHOWN_GAPS = 10
#: Segments in the value chain and the mix (as many as the report shows).
SHOWN_SEGMENTS = 6
#: Journeys shown, one slide each, and touches of one journey.
SHOWN_JOURNEYS = 3
SHOWN_TOUCHES = 8
#: Systems behind the smiles listed beside the CX grid.
SHOWN_SYSTEMS = 6
#: Characters of a name or short text the deck is given: the slides fit it to its
#: box and put it whole in the notes when they shorten it (up to this much).
WHOLE_CHARS = 1_500


@dataclass(frozen=True)
class Whole(Shortener):
    """Leaves names whole (up to WHOLE_CHARS): the slides fit them to their boxes."""

    def name(self, text: str | None) -> str:
        return self.line(text, WHOLE_CHARS)


TRUST_WORDS = {
    "before": "before the Trust Inflection Point",
    "at": "at the Trust Inflection Point",
    "past": "past the Trust Inflection Point",
}
DEGREE_LABELS = {**{k: v for k, v in USE_LABELS.items() if k}, "none": "Not used"}
REACH_LABELS = {"absent": "Absent", "partial": "Partial", "established": "Established"}
OFFICE_LABELS = {"front": "Front office", "middle": "Middle office", "back": "Back office"}
LEVEL_LABELS = {"high": "High", "medium": "Medium", "low": "Low"}


@dataclass(frozen=True)
class Position:
    """Where a segment stands on the value chain, and where it is meant to go."""

    name: str
    stage: int | None
    stage_name: str
    target: int | None
    target_name: str
    trust: str | None  # before | at | past, today
    target_trust: str | None

    @property
    def sentence(self) -> str:
        """The segment's position in words."""
        if self.stage is None:
            return "stage not set"
        said = f"{self.stage_name} today, {TRUST_WORDS[self.trust or 'before']}"
        if self.target is not None and self.target != self.stage:
            crosses = self.trust == "before" and self.target_trust != "before"
            said += f"; aims for {self.target_name}" + (
                ", across the Trust Inflection Point" if crosses else ""
            )
        return said


@dataclass(frozen=True)
class Gap:
    """A kind of gap in plain words: what is missing, about what, and why it matters."""

    theme: str
    title: str
    subjects: list[str]
    count: int
    why: str
    severity: str

    @property
    def sentence(self) -> str:
        subjects = ", ".join(self.subjects)
        return f"{self.title}: {subjects}" if subjects else self.title


@dataclass(frozen=True)
class MixRow:
    """A segment's row of the dimension mix: its degree in each dimension."""

    name: str
    degrees: list[str | None]


@dataclass(frozen=True)
class TouchView:
    name: str
    office: str | None
    digital: bool
    channel: str
    dimension: str
    pain: str | None
    cost: str | None
    time: str


@dataclass(frozen=True)
class JourneyView:
    name: str
    segment: str
    job: str
    owner: str
    time: list[tuple[str, str]]  # (label, value) for baseline, current, target, due
    touches: list[TouchView]
    hidden: int
    digital: int
    total: int


@dataclass(frozen=True)
class CxView:
    capabilities: list[tuple[str, list[str | None]]]  # name, reach per office
    systems: list[tuple[str, str]]  # name, what is known of it
    hidden_systems: int


@dataclass
class DeckContent:
    """Everything the deck shows, bounded."""

    positions: list[Position] = field(default_factory=list)
    hidden_segments: int = 0
    headlines: list[MeasureContext] = field(default_factory=list)
    headline_kind: str = "headline"  # headline | progress | none
    gaps: list[Gap] = field(default_factory=list)
    hidden_gaps: int = 0
    mix_dimensions: list[str] = field(default_factory=list)
    mix: list[MixRow] = field(default_factory=list)
    overall: list[str | None] = field(default_factory=list)
    journeys: list[JourneyView] = field(default_factory=list)
    hidden_journeys: int = 0
    cx: CxView | None = None


def deck_content(
    canvas: Canvas, context: ReportContext, check: FileResult | None, short_: Shortener
) -> DeckContent:
    """The deck's content for ``canvas``, whose report context is ``context``."""
    from modelh.framework import DIMENSIONS

    short_ = Whole(short_.file)
    content = DeckContent()
    segments = list(canvas.segments)
    for s in segments[:SHOWN_SEGMENTS]:
        stage = vocab.STAGE_IDS.index(s.stage) if s.stage else None
        target = vocab.STAGE_IDS.index(s.target_stage) if s.target_stage else None
        content.positions.append(
            Position(
                name=short_.name(s.name or s.id),
                stage=stage,
                stage_name=(s.stage or "").capitalize(),
                target=target,
                target_name=(s.target_stage or "").capitalize(),
                trust=trust(s.stage),
                target_trust=trust(s.target_stage),
            )
        )
    content.hidden_segments = max(0, len(segments) - SHOWN_SEGMENTS)
    content.headlines, content.headline_kind = _headlines(canvas, short_)
    content.gaps, content.hidden_gaps = gaps(canvas, check, short_)
    content.mix_dimensions = [d.name for d in DIMENSIONS]
    for s in segments[:SHOWN_SEGMENTS]:
        degrees: list[str | None] = []
        for d in DIMENSIONS:
            use = canvas.dimensions.get(d.id)
            degrees.append(use.degree_for(s.id) if use is not None and use.use else None)
        content.mix.append(MixRow(short_.name(s.name or s.id), degrees))
    content.overall = [item["use"] for item in context["dimensions"]["items"]]
    content.journeys = [_journey(canvas, j, short_) for j in canvas.journeys[:SHOWN_JOURNEYS]]
    content.hidden_journeys = max(0, len(canvas.journeys) - SHOWN_JOURNEYS)
    if canvas.cx is not None:
        content.cx = _cx(canvas, short_)
    return content


def _headlines(canvas: Canvas, short_: Shortener) -> tuple[list[MeasureContext], str]:
    """The measures marked headline (at most five); without any, those with the most
    progress to show (the share of the way from baseline to target)."""
    active = [m for m in canvas.measures if m.status == "active"]
    marked = [m for m in active if m.headline]
    if marked:
        return [measure_context(m, short_) for m in marked[:SHOWN_HEADLINES]], "headline"
    measured = [measure_context(m, short_) for m in active]
    with_progress = [m for m in measured if m["progress"] is not None]
    with_progress.sort(key=lambda m: -(m["progress"] or 0))
    if with_progress:
        return with_progress[:SHOWN_HEADLINES], "progress"
    return [m for m in measured if m["has_values"]][:SHOWN_HEADLINES], "none"


def _first_sentence(text: str) -> str:
    text = " ".join(text.split())
    match = re.search(r"(?<=[.!?])\s+(?=[A-Z\"(])", text)
    sentence = text[: match.start()] if match else text
    return sentence[:1].upper() + sentence[1:]


def gaps(canvas: Canvas, check: FileResult | None, short_: Shortener) -> tuple[list[Gap], int]:
    """The gaps in the rules' executive words (``modelh.report.gaps``, as the handout
    says them), the most important first (errors, then warnings, then notes; among
    them the most widespread); and how many were left out.

    Findings about the file itself (its format, suppressions, the logo's path) are
    for the team, not the executives: they are left out."""
    if check is None:
        return [], 0
    from modelh.report.gaps import executive_gaps

    said = [
        g for g in executive_gaps(check.findings, canvas) if g.section not in ("format", "meta")
    ]
    rank = {"error": 0, "warning": 1, "info": 2}
    order = sorted(
        range(len(said)), key=lambda i: (rank.get(said[i].severity, 1), -said[i].findings, i)
    )
    result = [
        Gap(
            theme=GAP_SECTIONS.get(said[i].section, said[i].section.capitalize()),
            title=said[i].text,
            subjects=[],
            count=said[i].findings,
            why=_first_sentence(said[i].why),
            severity=said[i].severity,
        )
        for i in order[:SHOWN_GAPS]
    ]
    return result, max(0, len(order) - SHOWN_GAPS)


def _journey(canvas: Canvas, journey: object, short_: Shortener) -> JourneyView:
    from modelh.canvas.model import Journey
    from modelh.framework import DIMENSIONS

    assert isinstance(journey, Journey)
    dimension_names = {d.id: d.name for d in DIMENSIONS}
    segment = canvas.segment(journey.segment)
    touches = []
    for t in journey.touches[:SHOWN_TOUCHES]:
        channel = canvas.channel(t.channel) if t.channel else None
        touches.append(
            TouchView(
                name=short_.name(t.name),
                office=t.office,
                digital=canvas.is_digital(t),
                channel=short_.name((channel.name or channel.id) if channel else ""),
                dimension=dimension_names.get(t.dimension or "", ""),
                pain=t.pain,
                cost=t.cost,
                time=str(t.time) if t.time else "",
            )
        )
    time: list[tuple[str, str]] = []
    if journey.time is not None:
        for label, value in (
            ("Baseline", journey.time.baseline),
            ("Now", journey.time.current),
            ("Target", journey.time.target),
        ):
            if value is not None:
                time.append((label, str(value)))
        if journey.time.due:
            from modelh.report.filters import format_period

            time.append(("Due", format_period(journey.time.due)))
    return JourneyView(
        name=short_.name(journey.name),
        segment=short_.name((segment.name or segment.id) if segment else journey.segment),
        job=short_.name(journey.job or ""),
        owner=short_.name(journey.owner or ""),
        time=time,
        touches=touches,
        hidden=max(0, len(journey.touches) - SHOWN_TOUCHES),
        digital=sum(1 for t in journey.touches if canvas.is_digital(t)),
        total=len(journey.touches),
    )


def _cx(canvas: Canvas, short_: Shortener) -> CxView:
    from modelh.framework import CX_CAPABILITIES

    cx = canvas.cx
    assert cx is not None
    capabilities: list[tuple[str, list[str | None]]] = []
    for cid, (name, _) in zip(vocab.CX_CAPABILITY_IDS, CX_CAPABILITIES, strict=True):
        capabilities.append((name, [cx.reach(cid, office) for office in vocab.OFFICES]))
    systems: list[tuple[str, str]] = []
    for system in cx.systems[:SHOWN_SYSTEMS]:
        facts = []
        if system.office:
            facts.append(OFFICE_LABELS.get(system.office, system.office))
        if system.pain:
            facts.append(f"pain {system.pain}")
        if system.data_governance:
            facts.append(f"data governance {system.data_governance}")
        systems.append((short_.name(system.name), "; ".join(facts)))
    return CxView(capabilities, systems, max(0, len(cx.systems) - SHOWN_SYSTEMS))
