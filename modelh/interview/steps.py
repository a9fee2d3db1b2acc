"""The steps of the interview, made from the canvas as it stands and the method.

A dimension marked ``none`` asks for a reason, a used one for its segments,
channels and measures; a segment for its stages and preferences; an active
measure for its current value. ``plan`` is called again after every answer, so
the walk grows and shrinks with the canvas.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from modelh import framework as fw
from modelh.canvas.model import Canvas
from modelh.errors import UsageError

INTERVIEW_SECTIONS = ("questions", "dimensions", "segments", "measures")

#: Each section's title as the walk shows it ("Segments · 3 of 12 open").
SECTION_TITLES = {
    "segments": "Segments",
    "value_propositions": "Value propositions",
    "channels": "Channels",
    "questions": "Canvas questions",
    "dimensions": "Relationship dimensions",
    "measures": "Measures",
    "blocks": "Revenue, costs, activities, resources and partners",
}


def section_title(section: str) -> str:
    """The title of a section of the walk, as a person reads it."""
    return SECTION_TITLES.get(section, section.replace("_", " ").capitalize())


@dataclass(frozen=True)
class Step:
    """One thing the interview asks: what, where in the walk, how to answer it."""

    key: str  # stable id: "question:cost", "dimension:motivation:use", ...
    section: str  # questions | dimensions | segments | measures
    group: str  # what the step belongs to: "Question 3 of 8", "Dimension 6 of 7: Motivation"
    prompt: str  # the question as asked
    kind: str  # text | choice | multi | list | number | confirm
    path: tuple[str, ...] = ()  # where the answer is written
    current: Any = None  # the answer today (None: not answered)
    choices: tuple[tuple[str, str], ...] = ()  # (value, label) for choice and multi
    allow_new: str = ""  # multi: "channel" or "measure" may be created on the spot
    guidance: fw.Guidance | None = None
    note: str = ""  # context shown with the step (a measure's baseline and target)
    required: bool = False  # an empty answer is refused (a new item's id and name)
    number: int = 0  # position in the walk, from 1
    total: int = 0

    @property
    def answered(self) -> bool:
        """Whether the step has a real answer (a placeholder such as TBD is none)."""
        from modelh.canvas.facts import is_placeholder

        if isinstance(self.current, str):
            return bool(self.current.strip()) and not is_placeholder(self.current)
        return self.current not in (None, (), [])


def plan(canvas: Canvas, sections: Sequence[str] = INTERVIEW_SECTIONS) -> list[Step]:
    """Every step of the walk for the canvas as it stands now, in order."""
    makers: dict[str, Callable[[Canvas], Iterator[Step]]] = {
        "questions": _question_steps,
        "dimensions": _dimension_steps,
        "segments": _segment_steps,
        "measures": _measure_steps,
    }
    steps = [
        step
        for section in INTERVIEW_SECTIONS
        if section in sections
        for step in makers[section](canvas)
    ]
    # every step of a group carries the group's guidance: resuming mid-group shows it too
    guidance: dict[str, fw.Guidance] = {}
    for step in steps:
        if step.guidance is not None:
            guidance.setdefault(step.group, step.guidance)
    steps = [s if s.guidance else _with_guidance(s, guidance.get(s.group)) for s in steps]
    total = len(steps)
    return [_numbered(step, i + 1, total) for i, step in enumerate(steps)]


#: What the stage steps show: the value chain and its Trust Inflection Point.
VALUE_CHAIN_GUIDANCE = fw.Guidance(
    why=fw.TRUST_INFLECTION_POINT,
    good_answer="The stage the segment has really reached, judged by what the company does "
    "for it today (the list gives each stage's work), and a target one stage ahead.",
    example="Medicare Advantage members: interact today (we watch which channels they use "
    "and record their language and appointment times), engage next plan year.",
)


def _with_guidance(step: Step, guidance: fw.Guidance | None) -> Step:
    from dataclasses import replace

    return replace(step, guidance=guidance) if guidance else step


def _numbered(step: Step, number: int, total: int) -> Step:
    from dataclasses import replace

    return replace(step, number=number, total=total)


def _question_steps(canvas: Canvas) -> Iterator[Step]:
    segments = canvas.segments
    for q in fw.QUESTIONS:
        answer = canvas.answers.get(q.id)
        base = ("customer_relationships", "answers", q.id)
        group = f"Question {q.number} of {len(fw.QUESTIONS)}: {q.title}"
        if q.per_segment and len(segments) > 1 and not (answer and answer.text):
            for seg in segments:
                current = answer.per_segment.get(seg.id) if answer else None
                yield Step(
                    f"question:{q.id}:{seg.id}",
                    "questions",
                    group,
                    f"{q.text}\nFor the segment: {seg.name or seg.id}",
                    "text",
                    (*base, seg.id),
                    current,
                    guidance=q.guidance,
                )
        else:
            yield Step(
                f"question:{q.id}",
                "questions",
                group,
                q.text,
                "text",
                base,
                answer.text if answer else None,
                guidance=q.guidance,
            )


_DIMENSION_FIELDS = (
    ("approach", "What does the model do in this dimension?"),
    ("message", "What message do these customers prefer to hear?"),
    ("emotional_support", "What emotional support does it give?"),
    ("physical_comfort", "What physical comfort does it give?"),
)


def _dimension_steps(canvas: Canvas) -> Iterator[Step]:
    uses = (
        ("core", "core: central to the model"),
        ("supporting", "supporting: used, in support of the core"),
        ("planned", "planned: to be used, not yet"),
        ("none", "none: deliberately not used (say why)"),
    )
    for dim in fw.DIMENSIONS:
        current = canvas.dimensions.get(dim.id)
        base = ("customer_relationships", "dimensions", dim.id)
        group = f"Dimension {dim.number} of {len(fw.DIMENSIONS)}: {dim.name}"
        key = f"dimension:{dim.id}"
        yield Step(
            f"{key}:use",
            "dimensions",
            group,
            f"How does the model use {dim.name.lower()}? {dim.summary}",
            "choice",
            (*base, "use"),
            current.use if current else None,
            uses,
            guidance=dim.guidance,
        )
        if current is None or current.use is None:
            continue
        if current.use == "none":
            yield Step(
                f"{key}:reason",
                "dimensions",
                group,
                f"Why does the model not use {dim.name.lower()}?",
                "text",
                (*base, "reason"),
                current.reason,
            )
            continue
        segs = tuple((s.id, s.name or s.id) for s in canvas.segments)
        if segs and not current.mix:  # a list would overwrite the mix's degrees
            yield Step(
                f"{key}:segments",
                "dimensions",
                group,
                "Which segments does it serve? (none chosen: every segment)",
                "multi",
                (*base, "segments"),
                current.segments,
                segs,
            )
        yield Step(
            f"{key}:approach",
            "dimensions",
            group,
            _DIMENSION_FIELDS[0][1],
            "text",
            (*base, "approach"),
            current.approach,
        )
        chans = tuple((c.id, f"{c.name or c.id} ({c.kind or 'channel'})") for c in canvas.channels)
        yield Step(
            f"{key}:channels",
            "dimensions",
            group,
            "Through which channels do these customers prefer it?",
            "multi",
            (*base, "channels"),
            current.channels,
            chans,
            allow_new="channel",
        )
        for name, prompt in _DIMENSION_FIELDS[1:]:
            yield Step(
                f"{key}:{name}",
                "dimensions",
                group,
                prompt,
                "text",
                (*base, name),
                getattr(current, name),
            )
        if dim.id == "motivation":
            yield Step(
                f"{key}:incentives",
                "dimensions",
                group,
                "Which incentives: who rewards what, and how can the reward be used? "
                "(separate several with ';')",
                "list",
                (*base, "incentives"),
                current.incentives,
            )
        measures = tuple((m.id, m.name or m.id) for m in canvas.measures if m.status != "retired")
        yield Step(
            f"{key}:measures",
            "dimensions",
            group,
            "Which measures track it?",
            "multi",
            (*base, "measures"),
            current.measures,
            measures,
            allow_new="measure",
        )
        yield Step(
            f"{key}:owner",
            "dimensions",
            group,
            "Who owns it?",
            "text",
            (*base, "owner"),
            current.owner,
        )


def _segment_steps(canvas: Canvas) -> Iterator[Step]:
    stages = tuple((s.id, f"{s.name}: {s.duties}") for s in fw.STAGES)
    total = len(canvas.segments)
    for n, seg in enumerate(canvas.segments, start=1):
        base = ("segments", f"[{seg.id}]")
        group = f"Segment {n} of {total}: {seg.name or seg.id}"
        yield Step(
            f"segment:{seg.id}:stage",
            "segments",
            group,
            "Where does this segment stand in the value chain today?",
            "choice",
            (*base, "stage"),
            seg.stage,
            stages,
            guidance=VALUE_CHAIN_GUIDANCE,
        )
        yield Step(
            f"segment:{seg.id}:target_stage",
            "segments",
            group,
            "Where should the model take it? (one stage ahead keeps trust)",
            "choice",
            (*base, "target_stage"),
            seg.target_stage,
            stages,
        )
        yield Step(
            f"segment:{seg.id}:preferences",
            "segments",
            group,
            "Which preferences are captured and honoured (language, distance, times)? "
            "(separate several with ';')",
            "list",
            (*base, "preferences"),
            seg.preferences,
        )


def _measure_steps(canvas: Canvas) -> Iterator[Step]:
    active = [m for m in canvas.measures if m.status == "active"]
    for n, measure in enumerate(active, start=1):
        unit = f" {measure.unit}" if measure.unit else ""
        note = (
            f"baseline {_num(measure.baseline)}{unit} · target {_num(measure.target)}{unit}"
            f" · better when {'higher' if measure.direction == 'up' else 'lower'}"
            if measure.direction
            else f"baseline {_num(measure.baseline)}{unit} · target {_num(measure.target)}{unit}"
        )
        yield Step(
            f"measure:{measure.id}:current",
            "measures",
            f"Measure {n} of {len(active)}: {measure.name or measure.id}",
            f"What is the current value of '{measure.name or measure.id}'?",
            "number",
            ("customer_relationships", "measures", f"[{measure.id}]", "current"),
            measure.current,
            note=note,
            guidance=fw.domain(measure.domain).guidance if measure.domain else None,
        )
    for dim in fw.DIMENSIONS:
        use = canvas.dimensions.get(dim.id)
        if use is not None and use.is_used and not use.measures:
            yield Step(
                f"measure:new:{dim.id}",
                "measures",
                f"Dimension {dim.name}",
                f"{dim.name} is used but no measure tracks it. Create one now?",
                "confirm",
                (),
                None,
            )


def _num(value: float | int | None) -> str:
    if value is None:
        return "—"
    return str(int(value)) if float(value).is_integer() else f"{value:g}"


def step_ids(canvas: Canvas, sections: Sequence[str] = INTERVIEW_SECTIONS) -> set[str]:
    """The ids ``--only`` can name: each step's question, dimension, segment or measure."""
    return {part for step in plan(canvas, sections) for part in step.key.split(":")[1:2]}


def check_only(canvas: Canvas, sections: Sequence[str], only: str) -> None:
    """Refuse (``UsageError``) an ``--only`` id that no step of ``sections`` is about."""
    ids = step_ids(canvas, sections)
    if only not in ids:
        raise UsageError(
            f"nothing to ask about '{only}' in {', '.join(sections)}; the ids here: "
            f"{', '.join(sorted(ids))}"
        )
