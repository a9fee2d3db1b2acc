"""The steps of the interview, made from the canvas as it stands and the method.

The walk follows the method's order: the customer segments first (who they are,
buyer or user, their jobs, where they are heading, their stage in the value
chain), then the value propositions built for them, the channels, the canvas
questions, the seven dimensions (the degree for each segment, question 1 drafted
from that mix, then each used dimension's details), the measures, then the
customer-experience work that builds on them: the journey map (modelH's first CX
project: each journey and its touches in order) and bone-deep CX (West Monroe:
each capability in each office, and the systems behind the smiles), and last
the other blocks of the canvas. A section opens with a step that adds its items
(a segment, a value proposition, a channel, a measure, a journey, a system).
``plan`` is called again after every answer, so the walk grows and shrinks with
the canvas.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from modelh import framework as fw
from modelh.canvas.model import Canvas, DimensionUse, Journey, Touch
from modelh.errors import UsageError

INTERVIEW_SECTIONS = (
    "segments",
    "value_propositions",
    "channels",
    "questions",
    "dimensions",
    "measures",
    "journeys",
    "cx",
    "blocks",
)

#: Each section's title as the walk shows it ("Segments · 3 of 12 open").
SECTION_TITLES = {
    "segments": "Segments",
    "value_propositions": "Value propositions",
    "channels": "Channels",
    "questions": "Canvas questions",
    "dimensions": "Relationship dimensions",
    "measures": "Measures",
    "journeys": "Journeys and touches",
    "cx": "Bone-deep CX and systems",
    "blocks": "Revenue, costs, activities, resources and partners",
}

#: The plain canvas blocks the walk asks as lists, in its order: (key, title, question).
BLOCKS: tuple[tuple[str, str, str], ...] = (
    ("revenue_streams", "Revenue streams", "How does the model earn money: who pays, and how?"),
    ("cost_structure", "Cost structure", "What are the model's largest costs?"),
    (
        "key_activities",
        "Key activities",
        "What must the organization do well for the model to work?",
    ),
    (
        "key_resources",
        "Key resources",
        "Which people, data, systems and assets does the model depend on?",
    ),
    ("key_partners", "Key partners", "Which partners do part of the work, and what does each do?"),
)

#: The degree of a dimension for one segment, as the choices show it.
DEGREES: tuple[tuple[str, str], ...] = (
    ("core", "core: central to the model for them"),
    ("supporting", "supporting: used, in support of the core"),
    ("planned", "planned: to be used, not yet"),
    ("none", "none: not used for them"),
)

#: The same degrees for the model as a whole (a canvas without segments).
USES: tuple[tuple[str, str], ...] = (
    ("core", "core: central to the model"),
    ("supporting", "supporting: used, in support of the core"),
    ("planned", "planned: to be used, not yet"),
    ("none", "none: deliberately not used (say why)"),
)

ROLES: tuple[tuple[str, str], ...] = (
    ("buyer", "buyer: pays for the model or decides to buy it"),
    ("user", "user: receives the care or the service"),
    ("both", "both: pays and receives"),
)

CANVAS_KIND_LABELS: tuple[tuple[str, str], ...] = (
    ("health-plan", "health-plan: a payer (commercial, Medicare, Medicaid)"),
    ("provider", "provider: a hospital, a health system, a medical group"),
    ("digital-health", "digital-health: a digital health company"),
    ("other", "other"),
)

#: The channel kinds, as the choices list them.
CHANNEL_KIND_LABELS = tuple((k, "mail: postal" if k == "mail" else k) for k in fw.CHANNEL_KINDS)

#: The offices a touch or a system sits in, front to back (bone-deep CX).
OFFICE_LABELS: tuple[tuple[str, str], ...] = (
    ("front", "front: where customers are served (service, sales, the app)"),
    ("middle", "middle: care management, utilization review, clinical programs"),
    ("back", "back: claims, billing, enrollment, compliance, IT"),
)

#: How much a touch or a system hurts customers today (modelh's scale).
PAIN_LABELS: tuple[tuple[str, str], ...] = (
    ("high", "high: customers complain, give up or have to call again"),
    ("medium", "medium: an effort, but it gets done"),
    ("low", "low: customers hardly notice it"),
)

#: What a touch costs the company today (modelh's scale).
COST_LABELS: tuple[tuple[str, str], ...] = (
    ("high", "high: staff time, calls or paper on every journey"),
    ("medium", "medium: some staff time, or a partner's fee"),
    ("low", "low: self-service or automated"),
)

#: How far a CX capability reaches into an office (modelh's scale).
REACH_LABELS: tuple[tuple[str, str], ...] = (
    ("absent", "absent: not there in this office"),
    ("partial", "partial: in some teams or processes, not throughout"),
    ("established", "established: how this office works every day"),
)

#: How well a system's data is governed (the same scale).
GOVERNANCE_LABELS: tuple[tuple[str, str], ...] = (
    ("absent", "absent: nobody owns its data or checks its quality"),
    ("partial", "partial: some of its data owned and checked"),
    ("established", "established: owners, definitions and quality checks"),
)

#: Lists are typed on one line, their items separated with ';'.
_SEVERAL = " (separate several with ';')"


def section_title(section: str) -> str:
    """The title of a section of the walk, as a person reads it."""
    return SECTION_TITLES.get(section, section.replace("_", " ").capitalize())


@dataclass(frozen=True)
class Step:
    """One thing the interview asks: what, where in the walk, how to answer it."""

    key: str  # stable id: "question:cost", "dimension:motivation:use", ...
    section: str  # one of INTERVIEW_SECTIONS
    group: str  # what the step belongs to: "Question 3 of 8", "Dimension 6 of 7: Motivation"
    prompt: str  # the question as asked
    kind: str  # text | choice | multi | list | number | confirm
    path: tuple[str | int, ...] = ()  # where the answer is written (an int: a list position)
    current: Any = None  # the answer today (None: not answered)
    choices: tuple[tuple[str, str], ...] = ()  # (value, label) for choice and multi
    allow_new: str = ""  # multi: "channel" or "measure" may be created on the spot
    guidance: fw.Guidance | None = None
    note: str = ""  # context shown with the step (a measure's baseline and target)
    required: bool = False  # an empty answer is refused (a new item's id and name)
    number: int = 0  # position in the walk, from 1
    total: int = 0
    draft: str = ""  # a proposed answer (question 1 from the mix): Enter takes it when unanswered
    # a confirm step that adds items: segment | value_proposition | channel | measure |
    # journey | touch | system
    make: str = ""

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
        "segments": _segment_steps,
        "value_propositions": _value_proposition_steps,
        "channels": _channel_steps,
        "questions": _question_steps,
        "dimensions": _dimension_steps,
        "measures": _measure_steps,
        "journeys": _journey_steps,
        "cx": _cx_steps,
        "blocks": _block_steps,
    }
    steps = [
        step
        for section in INTERVIEW_SECTIONS
        if section in sections
        for step in makers[section](canvas)
    ]
    total = len(steps)
    return [_numbered(step, i + 1, total) for i, step in enumerate(steps)]


def _numbered(step: Step, number: int, total: int) -> Step:
    from dataclasses import replace

    return replace(step, number=number, total=total)


def _coach(topic: str) -> fw.Guidance:
    return fw.COACHING[topic]


def _names(items: Sequence[Any]) -> str:
    return ", ".join(item.name or item.id for item in items)


# -- segments ---------------------------------------------------------------------------


def _segment_steps(canvas: Canvas) -> Iterator[Step]:
    yield Step(
        "canvas:kind",
        "segments",
        "The canvas",
        "Whose business model is this?",
        "choice",
        ("canvas", "kind"),
        canvas.canvas.kind,
        CANVAS_KIND_LABELS,
        guidance=_coach("canvas.kind"),
    )
    segments = canvas.segments
    buyers = [s for s in segments if s.role in ("buyer", "both")]
    users = [s for s in segments if s.role in ("user", "both")]
    if not segments:
        note = "The canvas has no segment yet: name a buyer and a user."
    else:
        sides = [side for side, found in (("buyer", buyers), ("user", users)) if not found]
        note = f"The canvas has {len(segments)}: " + ", ".join(
            f"{s.name or s.id} ({s.role or 'role not set'})" for s in segments
        )
        if sides:
            note += f". No {' and no '.join(sides)} yet: every healthcare model has both."
    yield Step(
        "segment:+",
        "segments",
        "Segments",
        "Add a customer segment?" if not segments else "Add another customer segment?",
        "confirm",
        current=tuple(s.id for s in segments) if buyers and users else None,
        guidance=_coach("segment.add"),
        note=note,
        make="segment",
    )
    stages = tuple((s.id, f"{s.id}: {fw.STAGE_WORK[s.id]}") for s in fw.STAGES)
    choices = {
        "role": ROLES,
        "kind": tuple((k, k) for k in fw.SEGMENT_KINDS),
        "stage": stages,
        "target_stage": stages,
    }
    for n, seg in enumerate(segments, start=1):
        group = f"Segment {n} of {len(segments)}: {seg.name or seg.id}"
        yield from _item_steps("segment", "segments", group, seg, _SEGMENT_FIELDS, choices)


#: A segment's fields as the walk asks them: (key, question, kind).
_SEGMENT_FIELDS: tuple[tuple[str, str, str], ...] = (
    ("name", "What is the segment called?", "text"),
    ("role", "Does this segment buy, use, or both?", "choice"),
    ("kind", "What sort of customer is it?", "choice"),
    ("description", "Who are they: who is in the segment, how many, what sets them apart?", "text"),
    ("jobs", "Which jobs-to-be-done does the model serve for them?" + _SEVERAL, "list"),
    ("trajectory", "Where are they heading in the healthcare ecosystem?", "text"),
    ("destination", "Where does the model mean them to end up?", "text"),
    ("stage", "Where does this segment stand in the value chain today?", "choice"),
    ("target_stage", "Where should the model take it? (one stage ahead keeps trust)", "choice"),
    (
        "preferences",
        "Which preferences are captured and honored (language, distance, times)?" + _SEVERAL,
        "list",
    ),
)


def _item_steps(
    noun: str,
    section: str,
    group: str,
    item: Any,
    fields: Sequence[tuple[str, str, str]],
    choices: dict[str, tuple[tuple[str, str], ...]],
) -> Iterator[Step]:
    """One step for each field of a list item (a segment, a proposition, a channel)."""
    for name, prompt, kind in fields:
        current = getattr(item, name)
        if kind == "multi" and not choices.get(name):
            continue  # nothing to choose from (a proposition's segments, without segments)
        yield Step(
            f"{noun}:{item.id}:{name}",
            section,
            group,
            prompt,
            kind,
            (section, f"[{item.id}]", name),
            current,
            choices.get(name, ()),
            guidance=_coach(f"{noun}.{name}"),
        )


# -- value propositions and channels ----------------------------------------------------


def _value_proposition_steps(canvas: Canvas) -> Iterator[Step]:
    props = canvas.value_propositions
    listed = {seg for vp in props for seg in vp.segments}
    without = [s for s in canvas.segments if s.id not in listed]
    note = f"The canvas has {len(props)}: {_names(props)}" if props else "None yet."
    if without:
        note += f"\nNo proposition yet for: {_names(without)}"
    yield Step(
        "value_proposition:+",
        "value_propositions",
        "Value propositions",
        "Add a value proposition?" if not props else "Add another value proposition?",
        "confirm",
        current=tuple(vp.id for vp in props) if props and not without else None,
        guidance=_coach("value_proposition.add"),
        note=note,
        make="value_proposition",
    )
    choices = {"segments": tuple((s.id, s.name or s.id) for s in canvas.segments)}
    for n, vp in enumerate(props, start=1):
        group = f"Value proposition {n} of {len(props)}: {vp.name or vp.id}"
        yield from _item_steps(
            "value_proposition", "value_propositions", group, vp, _PROPOSITION_FIELDS, choices
        )


_PROPOSITION_FIELDS: tuple[tuple[str, str, str], ...] = (
    ("name", "What is the value proposition called?", "text"),
    ("segments", "For which segments is it built?", "multi"),
    (
        "description",
        "What do these customers get, and why is it better than what they have today?",
        "text",
    ),
)

_CHANNEL_FIELDS: tuple[tuple[str, str, str], ...] = (
    ("name", "What is the channel called?", "text"),
    ("kind", "What kind of channel is it?", "choice"),
    ("description", "What do customers do there, who runs it, and when is it open?", "text"),
)


def _channel_steps(canvas: Canvas) -> Iterator[Step]:
    channels = canvas.channels
    choices = {"kind": CHANNEL_KIND_LABELS}
    yield Step(
        "channel:+",
        "channels",
        "Channels",
        "Add a channel?" if not channels else "Add another channel?",
        "confirm",
        current=tuple(c.id for c in channels) or None,
        guidance=_coach("channel.add"),
        note=(
            f"The canvas has {len(channels)}: "
            + ", ".join(f"{c.name or c.id} ({c.kind or 'kind not set'})" for c in channels)
            if channels
            else "None yet. The kinds: " + ", ".join(fw.CHANNEL_KINDS)
        ),
        make="channel",
    )
    for n, channel in enumerate(channels, start=1):
        group = f"Channel {n} of {len(channels)}: {channel.name or channel.id}"
        yield from _item_steps("channel", "channels", group, channel, _CHANNEL_FIELDS, choices)


# -- the canvas questions ---------------------------------------------------------------


def _question_steps(canvas: Canvas) -> Iterator[Step]:
    """Questions 2 to 8; question 1 is asked with the dimensions, drafted from the mix."""
    segments = canvas.segments
    for q in fw.QUESTIONS:
        if q.id == "dimensions":
            continue
        answer = canvas.answers.get(q.id)
        base = ("customer_relationships", "answers", q.id)
        group = f"Question {q.number} of {len(fw.QUESTIONS)}: {q.title}"
        if q.per_segment and segments and not (answer and answer.text):
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


# -- the seven dimensions ---------------------------------------------------------------

_DIMENSION_TEXTS = (
    ("message", "What message do these customers prefer to hear?"),
    ("emotional_support", "What emotional support does it give them?"),
    ("physical_comfort", "What physical comfort does it give them?"),
)


def degree(dim: DimensionUse | None, segment_id: str) -> str | None:
    """The degree the canvas gives ``dim`` for one segment; None when not decided yet
    (a mix that leaves the segment out, or no ``use`` with the list form)."""
    if dim is None:
        return None
    if dim.mix:
        return dim.mix.get(segment_id)
    if dim.use is None:
        return None
    return dim.degree_for(segment_id)


def _dimension_steps(canvas: Canvas) -> Iterator[Step]:
    segments = canvas.segments
    # first the mix: the degree of each dimension for each segment
    for dim in fw.DIMENSIONS:
        current = canvas.dimensions.get(dim.id)
        base = ("customer_relationships", "dimensions", dim.id)
        group = f"Dimension {dim.number} of {len(fw.DIMENSIONS)}: {dim.name}"
        if not segments:
            yield Step(
                f"dimension:{dim.id}:use",
                "dimensions",
                group,
                f"How does the model use {dim.name.lower()}?",
                "choice",
                (*base, "use"),
                current.use if current else None,
                USES,
                guidance=dim.guidance,
                note=dim.summary,
            )
            continue
        for seg in segments:
            yield Step(
                f"dimension:{dim.id}:degree:{seg.id}",
                "dimensions",
                group,
                f"How much does the model rely on {dim.name.lower()} for {seg.name or seg.id}?",
                "choice",
                (*base, "segments", seg.id),
                degree(current, seg.id),
                DEGREES,
                guidance=dim.guidance,
                note=dim.summary,
            )
    # then question 1, which that mix answers: a draft to keep or edit
    q = fw.question("dimensions")
    answer = canvas.answers.get(q.id)
    draft = draft_dimensions_answer(canvas)
    yield Step(
        f"question:{q.id}",
        "dimensions",
        f"Question {q.number} of {len(fw.QUESTIONS)}: {q.title}",
        q.text,
        "text",
        ("customer_relationships", "answers", q.id),
        answer.text if answer else None,
        guidance=q.guidance,
        note=f"Drafted from the degrees: {draft}" if draft and answer and answer.text else "",
        draft=draft,
    )
    # then the details of each dimension the model uses or plans
    for dim in fw.DIMENSIONS:
        current = canvas.dimensions.get(dim.id)
        if current is None or current.use is None:
            continue
        yield from _dimension_details(canvas, dim, current)


def _dimension_details(canvas: Canvas, dim: fw.Dimension, current: DimensionUse) -> Iterator[Step]:
    base = ("customer_relationships", "dimensions", dim.id)
    group = f"Dimension {dim.number} of {len(fw.DIMENSIONS)}: {dim.name}"
    key = f"dimension:{dim.id}"
    if current.use == fw.NO_USE:
        yield Step(
            f"{key}:reason",
            "dimensions",
            group,
            f"Why does the model not use {dim.name.lower()}?",
            "text",
            (*base, "reason"),
            current.reason,
            guidance=_coach("dimension.reason"),
        )
        return
    yield Step(
        f"{key}:approach",
        "dimensions",
        group,
        f"What does the model do for {dim.name.lower()}, and for whom?",
        "text",
        (*base, "approach"),
        current.approach,
        guidance=_coach("dimension.approach"),
    )
    chans = tuple((c.id, f"{c.name or c.id} ({c.kind or 'channel'})") for c in canvas.channels)
    yield Step(
        f"{key}:channels",
        "dimensions",
        group,
        f"Through which channels do these customers prefer {dim.name.lower()}?",
        "multi",
        (*base, "channels"),
        current.channels,
        chans,
        allow_new="channel",
        guidance=_coach("dimension.channels"),
    )
    for name, prompt in _DIMENSION_TEXTS:
        yield Step(
            f"{key}:{name}",
            "dimensions",
            group,
            prompt,
            "text",
            (*base, name),
            getattr(current, name),
            guidance=_coach(f"dimension.{name}"),
        )
    if dim.id == "motivation":
        yield Step(
            f"{key}:incentives",
            "dimensions",
            group,
            "Which incentives: who rewards what, and how can the reward be used?" + _SEVERAL,
            "list",
            (*base, "incentives"),
            current.incentives,
            guidance=_coach("dimension.incentives"),
        )
    measures = tuple((m.id, m.name or m.id) for m in canvas.measures if m.status != "retired")
    yield Step(
        f"{key}:measures",
        "dimensions",
        group,
        f"Which measures track {dim.name.lower()}?",
        "multi",
        (*base, "measures"),
        current.measures,
        measures,
        allow_new="measure",
        guidance=_coach("dimension.measures"),
    )
    yield Step(
        f"{key}:owner",
        "dimensions",
        group,
        "Who owns it?",
        "text",
        (*base, "owner"),
        current.owner,
        guidance=_coach("dimension.owner"),
    )


#: Degrees from the strongest, as the draft of question 1 names them.
_DEGREE_ORDER = ("core", "supporting", "planned", "none")


def strongest(degrees: Sequence[str | None]) -> str | None:
    """The highest degree among ``degrees`` (the overall ``use`` of a mix)."""
    known = [d for d in degrees if d in _DEGREE_ORDER]
    return min(known, key=_DEGREE_ORDER.index) if known else None


def _and(words: Sequence[str]) -> str:
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]


def _degrees_sentence(by_dimension: dict[str, str]) -> str:
    """``{dimension: degree}`` said in words: navigation is core; motivation is planned."""
    parts = []
    for deg in _DEGREE_ORDER:
        names = [fw.dimension(d).name.lower() for d, g in by_dimension.items() if g == deg]
        if not names:
            continue
        verb = "is" if len(names) == 1 else "are"
        said = "not used" if deg == fw.NO_USE else deg
        parts.append(f"{_and(names)} {verb} {said}")
    return "; ".join(parts)


def draft_dimensions_answer(canvas: Canvas) -> str:
    """An answer to question 1 drafted from the degrees given so far ("" before any)."""
    if not canvas.segments:
        uses = {
            d.id: use
            for d in fw.DIMENSIONS
            if (dim := canvas.dimensions.get(d.id)) is not None and (use := dim.use)
        }
        text = _degrees_sentence(uses)
        return (text[0].upper() + text[1:] + ".") if text else ""
    sentences: list[str] = []
    by_segment = {
        seg.id: {
            d.id: g
            for d in fw.DIMENSIONS
            if (g := degree(canvas.dimensions.get(d.id), seg.id)) is not None
        }
        for seg in canvas.segments
    }
    shown = [(seg, by_segment[seg.id]) for seg in canvas.segments if by_segment[seg.id]]
    if not shown:
        return ""
    if len(canvas.segments) > 1 and len(shown) == len(canvas.segments):
        first = shown[0][1]
        if all(mix == first for _, mix in shown):
            return f"For every segment: {_degrees_sentence(first)}."
    for seg, mix in shown:
        sentences.append(f"For {seg.name or seg.id}: {_degrees_sentence(mix)}.")
    return " ".join(sentences)


# -- measures ---------------------------------------------------------------------------


#: The key of the step that chooses the headline measures.
HEADLINES = "measure:headlines"
#: Domains whose measures are often read for one segment: the customer's, cost and
#: revenue, the feedback loops (others, strategy or culture, are the company's own).
_PER_SEGMENT_DOMAINS = (None, "process", "financial", "customer")
#: Indicators measured channel by channel.
_BY_CHANNEL = ("cost-to-satisfy-by-channel",)


def channel_choices(canvas: Canvas) -> tuple[tuple[str, str], ...]:
    """The canvas's channels as choices, each saying whether it is digital or manual."""
    out = []
    for c in canvas.channels:
        if c.kind is None:
            how = "kind not set"
        elif c.kind == "digital":
            how = "digital"
        else:
            how = f"{c.kind}: {'digital' if c.kind in fw.DIGITAL_CHANNEL_KINDS else 'manual'}"
        out.append((c.id, f"{c.name or c.id} ({how})"))
    return tuple(out)


def _measure_steps(canvas: Canvas) -> Iterator[Step]:
    active = [m for m in canvas.measures if m.status == "active"]
    segments = tuple((s.id, s.name or s.id) for s in canvas.segments)
    yield Step(
        "measure:+",
        "measures",
        "Measures",
        "Add a measure?" if not canvas.measures else "Add another measure?",
        "confirm",
        current=tuple(m.id for m in active) or None,
        guidance=_coach("measure.add"),
        note=f"The canvas has {len(canvas.measures)}: {_names(canvas.measures)}"
        if canvas.measures
        else "None yet.",
        make="measure",
    )
    for n, measure in enumerate(active, start=1):
        unit = f" {measure.unit}" if measure.unit else ""
        note = f"baseline {_num(measure.baseline)}{unit} · target {_num(measure.target)}{unit}"
        if measure.direction:
            note += f" · better when {'higher' if measure.direction == 'up' else 'lower'}"
        group = f"Measure {n} of {len(active)}: {measure.name or measure.id}"
        base = ("customer_relationships", "measures", f"[{measure.id}]")
        yield Step(
            f"measure:{measure.id}:current",
            "measures",
            group,
            f"What is the current value of '{measure.name or measure.id}'?",
            "number",
            (*base, "current"),
            measure.current,
            note=note,
            guidance=fw.domain(measure.domain).guidance
            if measure.domain
            else _coach("measure.figures"),
        )
        yield Step(
            f"measure:{measure.id}:due",
            "measures",
            group,
            "When is the target due? (2027, 2027-12, 2027-Q4 or 2027-12-31)",
            "text",
            (*base, "due"),
            measure.due,
            guidance=_coach("measure.due"),
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
                guidance=_coach("dimension.measures"),
            )
    # then how each is read (whom, which channel), and which head the executive summary:
    # once every measure is there, those just made for a dimension too
    for n, measure in enumerate(active, start=1):
        group = f"Measure {n} of {len(active)}: {measure.name or measure.id}"
        base = ("customer_relationships", "measures", f"[{measure.id}]")
        if segments and (measure.segments or measure.domain in _PER_SEGMENT_DOMAINS):
            yield Step(
                f"measure:{measure.id}:segments",
                "measures",
                group,
                "Whom does it measure? (none chosen: every segment)",
                "multi",
                (*base, "segments"),
                measure.segments,
                segments,
                guidance=_coach("measure.segments"),
            )
        if measure.channel or measure.indicator in _BY_CHANNEL:
            yield Step(
                f"measure:{measure.id}:channel",
                "measures",
                group,
                "Which channel does it measure?",
                "choice",
                (*base, "channel"),
                measure.channel,
                channel_choices(canvas),
                allow_new="channel",
                guidance=_coach("measure.channel"),
            )
    if active:
        chosen = tuple(m.id for m in active if m.headline)
        yield Step(
            HEADLINES,
            "measures",
            "Measures on the executive summary",
            f"Which measures head the executive summary? (at most {fw.MAX_HEADLINES})",
            "multi",
            ("customer_relationships", "measures"),
            chosen,
            tuple((m.id, m.name or m.id) for m in active),
            guidance=_coach("measure.headline"),
            note=f"{len(chosen)} of {fw.MAX_HEADLINES} chosen",
        )


def _num(value: float | int | None) -> str:
    if value is None:
        return "—"
    return str(int(value)) if float(value).is_integer() else f"{value:g}"


# -- journeys and their touches ---------------------------------------------------------

#: A journey's fields as the walk asks them: (key, question, kind).
_JOURNEY_FIELDS: tuple[tuple[str, str, str], ...] = (
    ("name", "What is the journey called?", "text"),
    ("segment", "Whose journey is it?", "choice"),
    ("job", "Which job-to-be-done does the journey serve for them?", "text"),
)

#: A journey's time, then, now and aimed for, and when the target is due.
TIME_FIELDS: tuple[tuple[str, str], ...] = (
    ("baseline", "How long did one journey take, end to end, when work on it started?"),
    ("current", "How long does one journey take today, end to end?"),
    ("target", "How long should one journey take?"),
    ("due", "When is the target time due? (2027, 2027-06, 2027-Q2 or 2027-06-30)"),
)

#: Durations as the walk asks for them.
DURATION_HINT = " (a number and a unit: 2 days, 1.5 hours, 90 minutes)"

#: A touch's fields as the walk asks them: (key, question, kind).
TOUCH_FIELDS: tuple[tuple[str, str, str], ...] = (
    ("name", "What is the touch, as the customer meets it?", "text"),
    ("channel", "Through which channel?", "choice"),
    ("office", "Which office carries it?", "choice"),
    ("dimension", "Which relationship dimension does it serve?", "choice"),
    ("pain", "How much does it hurt the customer today?", "choice"),
    ("cost", "What does it cost the company today?", "choice"),
    ("time", "How much of the customer's time does it take?" + DURATION_HINT, "text"),
)


def dimension_choices() -> tuple[tuple[str, str], ...]:
    """The seven dimensions as choices."""
    return tuple((d.id, d.name) for d in fw.DIMENSIONS)


def touch_choices(canvas: Canvas) -> dict[str, tuple[tuple[str, str], ...]]:
    """The choices of a touch's fields."""
    return {
        "channel": channel_choices(canvas),
        "office": OFFICE_LABELS,
        "dimension": dimension_choices(),
        "pain": PAIN_LABELS,
        "cost": COST_LABELS,
    }


def _journey_note(canvas: Canvas) -> tuple[str, bool]:
    """What the add step says about the canvas's journeys, and whether a provider journey
    is still missing on a health plan's canvas (its touch inventory covers both)."""
    journeys, segments = canvas.journeys, canvas.segments
    kinds = {s.id: s.kind for s in segments}
    providers = [s for s in segments if s.kind == "provider"]
    missing = (
        canvas.canvas.kind == "health-plan"
        and bool(providers)
        and not any(kinds.get(j.segment) == "provider" for j in journeys)
    )
    if not segments:
        return "A journey is a segment's: add the segments first.", False
    if journeys:
        names = {s.id: s.name or s.id for s in segments}
        note = f"The canvas has {len(journeys)}: " + ", ".join(
            f"{j.name} ({names.get(j.segment, j.segment)}, {_count(len(j.touches), 'touch')})"
            for j in journeys
        )
    else:
        note = "None yet: map one journey end to end first, then the next."
    if missing:
        note += (
            f"\nNo journey yet for {_names(providers)}: a health plan's touch inventory "
            "covers members and providers both."
        )
    return note, missing


def _count(n: int, noun: str) -> str:
    plural = noun + ("es" if noun.endswith(("ch", "s")) else "s")
    return f"{n} {noun if n == 1 else plural}"


def _journey_steps(canvas: Canvas) -> Iterator[Step]:
    journeys = canvas.journeys
    note, missing = _journey_note(canvas)
    yield Step(
        "journey:+",
        "journeys",
        "Journeys",
        "Add a journey?" if not journeys else "Add another journey?",
        "confirm",
        current=tuple(j.id for j in journeys) if journeys and not missing else None,
        guidance=_coach("journey.add"),
        note=note,
        make="journey",
    )
    from modelh.canvas.priority import journey_priorities

    ranked = {(t.journey, t.position): t for j in journey_priorities(canvas) for t in j.touches}
    total = len(ranked)
    choices = {"segment": tuple((s.id, s.name or s.id) for s in canvas.segments)}
    for n, journey in enumerate(journeys, start=1):
        group = f"Journey {n} of {len(journeys)}: {journey.name}"
        base: tuple[str | int, ...] = ("journeys", f"[{journey.id}]")
        key = f"journey:{journey.id}"
        segment = canvas.segment(journey.segment)
        jobs = segment.jobs if segment is not None else ()
        for name, prompt, kind in _JOURNEY_FIELDS:
            yield Step(
                f"{key}:{name}",
                "journeys",
                group,
                prompt,
                kind,
                (*base, name),
                getattr(journey, name),
                choices.get(name, ()),
                guidance=_coach(f"journey.{name}"),
                note="Their jobs: " + "; ".join(jobs) if name == "job" and jobs else "",
            )
        yield from _time_steps(journey, key, group, base)
        yield Step(
            f"{key}:owner",
            "journeys",
            group,
            "Who is responsible for the journey?",
            "text",
            (*base, "owner"),
            journey.owner,
            guidance=_coach("journey.owner"),
        )
        touches = journey.touches
        yield Step(
            f"{key}:touch:+",
            "journeys",
            group,
            "Add a touch to this journey?" if not touches else "Add the next touch?",
            "confirm",
            current=tuple(t.id or t.name for t in touches) or None,
            guidance=_coach("touch.add"),
            note=(
                "In order: " + " > ".join(t.name for t in touches)
                if touches
                else "None yet: the touches in the order the customer meets them."
            ),
            make="touch",
        )
        for k, touch in enumerate(touches, start=1):
            priority = ranked.get((journey.id, k))
            why = (
                f"Priority (modelh's own score): {priority.why()} of {_max_score()}, "
                f"rank {priority.rank} of {total}"
                if priority is not None
                else ""
            )
            yield from _touch_steps(canvas, journey, touch, k, base, why)


def _max_score() -> str:
    from modelh.canvas.priority import MAX_SCORE

    return str(int(MAX_SCORE)) if float(MAX_SCORE).is_integer() else str(MAX_SCORE)


def _time_steps(
    journey: Journey, key: str, group: str, base: tuple[str | int, ...]
) -> Iterator[Step]:
    time = journey.time
    for name, prompt in TIME_FIELDS:
        value = getattr(time, name) if time is not None else None
        yield Step(
            f"{key}:time:{name}",
            "journeys",
            group,
            prompt if name == "due" else prompt + DURATION_HINT,
            "text",
            (*base, "time", name),
            None if value is None else str(value),
            guidance=_coach("journey.due" if name == "due" else "journey.time"),
        )


def _touch_steps(
    canvas: Canvas,
    journey: Journey,
    touch: Touch,
    k: int,
    base: tuple[str | int, ...],
    priority: str,
) -> Iterator[Step]:
    """The fields of the ``k``-th touch of ``journey`` (found by its id, else its place)."""
    ref: str | int = f"[{touch.id}]" if touch.id else k - 1
    key = f"journey:{journey.id}:touch:{touch.id or f'#{k}'}"
    group = f"{journey.name}, touch {k} of {len(journey.touches)}: {touch.name}"
    choices = touch_choices(canvas)
    for name, prompt, kind in TOUCH_FIELDS:
        current = getattr(touch, name)
        yield Step(
            f"{key}:{name}",
            "journeys",
            group,
            prompt,
            kind,
            (*base, "touches", ref, name),
            None if current is None else str(current),
            choices.get(name, ()),
            allow_new="channel" if name == "channel" else "",
            guidance=_coach(f"touch.{name}"),
            note=priority if name in ("pain", "cost") else "",
        )


# -- bone-deep CX and the systems behind the smiles ------------------------------------

#: A system's fields as the walk asks them: (key, question, kind).
SYSTEM_FIELDS: tuple[tuple[str, str, str], ...] = (
    ("name", "What is the system called?", "text"),
    ("kind", "What sort of system is it?", "choice"),
    ("office", "Which office does it sit in?", "choice"),
    ("serves", "Which dimensions' experience depends on it?", "multi"),
    ("data_governance", "How well governed and quality-checked is its data?", "choice"),
    ("pain", "How much dissatisfaction does it cause today?", "choice"),
)


def system_choices() -> dict[str, tuple[tuple[str, str], ...]]:
    """The choices of a system's fields."""
    return {
        "kind": tuple((k, k) for k in fw.SYSTEM_KINDS),
        "office": OFFICE_LABELS,
        "serves": dimension_choices(),
        "data_governance": GOVERNANCE_LABELS,
        "pain": PAIN_LABELS,
    }


def _cx_steps(canvas: Canvas) -> Iterator[Step]:
    cx = canvas.cx
    painful: dict[str, list[str]] = {}
    for journey in canvas.journeys:
        for touch in journey.touches:
            if touch.pain == "high" and touch.office:
                painful.setdefault(touch.office, []).append(touch.name)
    capabilities = fw.CAPABILITIES
    for n, cap in enumerate(capabilities, start=1):
        group = f"Capability {n} of {len(capabilities)}: {cap.name}"
        for office in fw.CX_OFFICE_DETAILS:
            note = cap.summary
            if painful.get(office.id):  # first: the line a short screen keeps
                touches = "; ".join(painful[office.id])
                note = f"High-pain touches in the {office.name.lower()}: {touches}\n{note}"
            yield Step(
                f"cx:{cap.id}:{office.id}",
                "cx",
                group,
                f"How far does {cap.name} reach into the {office.name.lower()}?",
                "choice",
                ("cx", "capabilities", cap.id, office.id),
                cx.reach(cap.id, office.id) if cx is not None else None,
                REACH_LABELS,
                guidance=_coach(f"cx.{office.id}"),
                note=note,
            )
    systems = cx.systems if cx is not None else ()
    yield Step(
        "system:+",
        "cx",
        "Systems behind the smiles",
        "Add a system?" if not systems else "Add another system?",
        "confirm",
        current=tuple(s.id for s in systems) or None,
        guidance=_coach("system.add"),
        note=(
            f"The canvas has {len(systems)}: "
            + ", ".join(f"{s.name} ({s.office or 'office not set'})" for s in systems)
            if systems
            else "None yet. A health plan's systems of record: "
            + ", ".join(fw.PAYER_SYSTEMS_OF_RECORD)
        ),
        make="system",
    )
    choices = system_choices()
    for n, system in enumerate(systems, start=1):
        group = f"System {n} of {len(systems)}: {system.name}"
        for name, prompt, kind in SYSTEM_FIELDS:
            yield Step(
                f"system:{system.id}:{name}",
                "cx",
                group,
                prompt,
                kind,
                ("cx", "systems", f"[{system.id}]", name),
                getattr(system, name),
                choices.get(name, ()),
                guidance=_coach(f"system.{name}"),
            )


# -- the other blocks -------------------------------------------------------------------


def _block_steps(canvas: Canvas) -> Iterator[Step]:
    for n, (block, title, prompt) in enumerate(BLOCKS, start=1):
        items = getattr(canvas, block)
        yield Step(
            f"block:{block}",
            "blocks",
            f"Block {n} of {len(BLOCKS)}: {title}",
            prompt + _SEVERAL,
            "list",
            (block,),
            tuple(item.text for item in items if item.text),
            guidance=_coach(f"block.{block}"),
        )


# -- --only -----------------------------------------------------------------------------

#: Key parts that name no item of the canvas: the steps that add one.
_NOT_IDS = frozenset({"+", "new"})


def step_ids(canvas: Canvas, sections: Sequence[str] = INTERVIEW_SECTIONS) -> set[str]:
    """The ids ``--only`` can name: each step's question, dimension, segment, measure,
    journey, touch, capability or system."""
    ids = set()
    for step in plan(canvas, sections):
        parts = step.key.split(":")
        ids.add(parts[1])
        if parts[2:3] == ["touch"] and not parts[3].startswith(("#", "+")):
            ids.add(parts[3])  # a touch with an id: journey:<journey>:touch:<touch>:<field>
    return ids - _NOT_IDS


def check_only(canvas: Canvas, sections: Sequence[str], only: str) -> None:
    """Refuse (``UsageError``) an ``--only`` id that no step of ``sections`` is about."""
    ids = step_ids(canvas, sections)
    if only not in ids:
        raise UsageError(
            f"nothing to ask about '{only}' in {', '.join(sections)}; the ids here: "
            f"{', '.join(sorted(ids))}"
        )
