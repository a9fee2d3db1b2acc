"""The interview's dimension steps: each segment's degree of each dimension (the
mix), question 1 drafted from it, then each used dimension's details (see
``steps.plan``)."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from modelh import framework as fw
from modelh.canvas.model import Canvas, DimensionUse
from modelh.interview.stepkit import (
    DEGREES,
    SEVERAL,
    USES,
    Step,
    coach,
)

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
            guidance=coach("dimension.reason"),
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
        guidance=coach("dimension.approach"),
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
        guidance=coach("dimension.channels"),
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
            guidance=coach(f"dimension.{name}"),
        )
    if dim.id == "motivation":
        yield Step(
            f"{key}:incentives",
            "dimensions",
            group,
            "Which incentives: who rewards what, and how can the reward be used?" + SEVERAL,
            "list",
            (*base, "incentives"),
            current.incentives,
            guidance=coach("dimension.incentives"),
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
        guidance=coach("dimension.measures"),
    )
    yield Step(
        f"{key}:owner",
        "dimensions",
        group,
        "Who owns it?",
        "text",
        (*base, "owner"),
        current.owner,
        guidance=coach("dimension.owner"),
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
