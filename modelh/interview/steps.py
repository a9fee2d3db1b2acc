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
from typing import Any

from modelh import framework as fw
from modelh.canvas.model import Canvas
from modelh.errors import UsageError
from modelh.interview.depth_steps import (
    DURATION_HINT,
    SYSTEM_FIELDS,
    TIME_FIELDS,
    TOUCH_FIELDS,
    cx_steps,
    journey_steps,
    system_choices,
    touch_choices,
)
from modelh.interview.dimension_steps import (
    _dimension_steps,
    degree,
    draft_dimensions_answer,
    strongest,
)
from modelh.interview.numbers import plain_figure
from modelh.interview.stepkit import (
    BLOCKS,
    CANVAS_KIND_LABELS,
    CHANNEL_KIND_LABELS,
    INTERVIEW_SECTIONS,
    ROLES,
    SECTION_TITLES,
    SEVERAL,
    Step,
    channel_choices,
    coach,
    item_names,
    numbered,
    section_title,
)


def plan(canvas: Canvas, sections: Sequence[str] = INTERVIEW_SECTIONS) -> list[Step]:
    """Every step of the walk for the canvas as it stands now, in order."""
    makers: dict[str, Callable[[Canvas], Iterator[Step]]] = {
        "segments": _segment_steps,
        "value_propositions": _value_proposition_steps,
        "channels": _channel_steps,
        "questions": _question_steps,
        "dimensions": _dimension_steps,
        "measures": _measure_steps,
        "journeys": journey_steps,
        "cx": cx_steps,
        "blocks": _block_steps,
    }
    steps = [
        step
        for section in INTERVIEW_SECTIONS
        if section in sections
        for step in makers[section](canvas)
    ]
    total = len(steps)
    return [numbered(step, i + 1, total) for i, step in enumerate(steps)]


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
        guidance=coach("canvas.kind"),
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
        guidance=coach("segment.add"),
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
    ("jobs", "Which jobs-to-be-done does the model serve for them?" + SEVERAL, "list"),
    ("trajectory", "Where are they heading in the healthcare ecosystem?", "text"),
    ("destination", "Where does the model mean them to end up?", "text"),
    ("stage", "Where does this segment stand in the value chain today?", "choice"),
    ("target_stage", "Where should the model take it? (one stage ahead keeps trust)", "choice"),
    (
        "preferences",
        "Which preferences are captured and honored (language, distance, times)?" + SEVERAL,
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
            guidance=coach(f"{noun}.{name}"),
        )


# -- value propositions and channels ----------------------------------------------------


def _value_proposition_steps(canvas: Canvas) -> Iterator[Step]:
    props = canvas.value_propositions
    listed = {seg for vp in props for seg in vp.segments}
    without = [s for s in canvas.segments if s.id not in listed]
    note = f"The canvas has {len(props)}: {item_names(props)}" if props else "None yet."
    if without:
        note += f"\nNo proposition yet for: {item_names(without)}"
    yield Step(
        "value_proposition:+",
        "value_propositions",
        "Value propositions",
        "Add a value proposition?" if not props else "Add another value proposition?",
        "confirm",
        current=tuple(vp.id for vp in props) if props and not without else None,
        guidance=coach("value_proposition.add"),
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
        guidance=coach("channel.add"),
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

#: The key of the step that chooses the headline measures.
HEADLINES = "measure:headlines"
#: Domains whose measures are often read for one segment: the customer's, cost and
#: revenue, the feedback loops (others, strategy or culture, are the company's own).
_PER_SEGMENT_DOMAINS = (None, "process", "financial", "customer")
#: Indicators measured channel by channel.
_BY_CHANNEL = ("cost-to-satisfy-by-channel",)


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
        guidance=coach("measure.add"),
        note=f"The canvas has {len(canvas.measures)}: {item_names(canvas.measures)}"
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
            else coach("measure.figures"),
        )
        yield Step(
            f"measure:{measure.id}:due",
            "measures",
            group,
            "When is the target due? (2027, 2027-12, 2027-Q4 or 2027-12-31)",
            "text",
            (*base, "due"),
            measure.due,
            guidance=coach("measure.due"),
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
                guidance=coach("dimension.measures"),
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
                guidance=coach("measure.segments"),
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
                guidance=coach("measure.channel"),
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
            guidance=coach("measure.headline"),
            note=f"{len(chosen)} of {fw.MAX_HEADLINES} chosen",
        )


def _num(value: float | int | None) -> str:
    """A figure in plain digits (1234567.5, 0.00001), never in exponent form."""
    return "—" if value is None else plain_figure(value)


# -- the other blocks -------------------------------------------------------------------


def _block_steps(canvas: Canvas) -> Iterator[Step]:
    for n, (block, title, prompt) in enumerate(BLOCKS, start=1):
        items = getattr(canvas, block)
        yield Step(
            f"block:{block}",
            "blocks",
            f"Block {n} of {len(BLOCKS)}: {title}",
            prompt + SEVERAL,
            "list",
            (block,),
            tuple(item.text for item in items if item.text),
            guidance=coach(f"block.{block}"),
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


__all__ = [
    "CHANNEL_KIND_LABELS",
    "DURATION_HINT",
    "HEADLINES",
    "INTERVIEW_SECTIONS",
    "ROLES",
    "SECTION_TITLES",
    "SYSTEM_FIELDS",
    "TIME_FIELDS",
    "TOUCH_FIELDS",
    "Step",
    "channel_choices",
    "check_only",
    "degree",
    "draft_dimensions_answer",
    "plan",
    "section_title",
    "step_ids",
    "strongest",
    "system_choices",
    "touch_choices",
]
