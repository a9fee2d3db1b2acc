"""How complete a canvas is, in percent: per part of the method, and overall."""

from __future__ import annotations

from modelh.canvas.facts import (
    asks_preferences,
    feedback_loops,
    is_placeholder,
    money_kind,
    served_segments,
)
from modelh.canvas.model import Canvas
from modelh.framework import vocab


def completeness(canvas: Canvas) -> dict[str, int]:
    """How complete the canvas is, in percent, per section and overall.

    answers: the share of the eight questions answered (a per-segment question
    counts by the share of segments answered; a placeholder is not an answer).
    dimensions: each of the seven counts 1 when decided (none with a reason,
    or planned) and, when used, by the share of its six elements filled in
    (approach, channel, message, measure, owner, and care: emotional support and
    physical comfort, half each, as the method asks for both). measures: the
    mean of five parts: domains covered, active measures with baseline and
    target, revenue and cost both measured, both feedback loops, a health
    outcome. segments: per segment the share of role,
    value proposition, served by a used dimension, stage, target stage and,
    from engage on, preferences; plus whether buyers and users both appear.
    overall: the mean of the four.
    """
    scores = {
        "answers": _answers_score(canvas),
        "dimensions": _dimensions_score(canvas),
        "measures": _measures_score(canvas),
        "segments": _segments_score(canvas),
    }
    result = {k: round(v * 100) for k, v in scores.items()}
    result["overall"] = round(sum(scores.values()) / len(scores) * 100)
    return result


def _answers_score(canvas: Canvas) -> float:
    ids = [s.id for s in canvas.segments]
    total = 0.0
    for question in vocab.QUESTION_IDS:
        answer = canvas.answers.get(question)
        if answer is None:
            continue
        if answer.text is not None:
            total += 0 if is_placeholder(answer.text) else 1
        elif ids:
            good = [s for s, t in answer.per_segment.items() if not is_placeholder(t)]
            total += min(1.0, len(set(good) & set(ids)) / len(ids))
    return total / len(vocab.QUESTION_IDS)


def _dimensions_score(canvas: Canvas) -> float:
    total = 0.0
    for dim_id in vocab.DIMENSION_IDS:
        dim = canvas.dimensions.get(dim_id)
        if dim is None or dim.use is None:
            continue
        if dim.use == "none":
            total += 1 if dim.reason else 0.5
        elif dim.use == "planned":
            total += 1
        else:
            parts = [dim.approach, dim.channels, dim.message, dim.measures, dim.owner]
            # care is one element of the six: emotional support and physical comfort,
            # half each (the method asks for both, as MH208 does)
            care = (bool(dim.emotional_support) + bool(dim.physical_comfort)) / 2
            total += (sum(1 for p in parts if p) + care) / (len(parts) + 1)
    return total / len(vocab.DIMENSION_IDS)


def _measures_score(canvas: Canvas) -> float:
    measures = [m for m in canvas.measures if m.status != "retired"]
    if not measures:
        return 0.0
    domains = {m.domain for m in measures if m.domain}
    active = [m for m in measures if m.status == "active"]
    complete = [m for m in active if m.baseline is not None and m.target is not None]
    kinds = {money_kind(m) for m in measures}
    loops = len(feedback_loops(measures))
    parts = [
        len(domains) / len(vocab.DOMAIN_IDS),
        len(complete) / len(active) if active else 0.0,
        (("revenue" in kinds) + ("cost" in kinds)) / 2,
        loops / 2,
        1.0 if any(m.tracks == "health" for m in measures) else 0.0,
    ]
    return sum(parts) / len(parts)


def _segments_score(canvas: Canvas) -> float:
    if not canvas.segments:
        return 0.0
    served = served_segments(canvas)
    proposed = {s for vp in canvas.value_propositions for s in vp.segments}
    scores = []
    for seg in canvas.segments:
        parts = [
            seg.role is not None,
            seg.id in proposed,
            seg.id in served,
            seg.stage is not None,
            seg.target_stage is not None,
            bool(seg.preferences) or not asks_preferences(seg.stage),
        ]
        scores.append(sum(parts) / len(parts))
    roles = {s.role for s in canvas.segments}
    both = ("both" in roles) or ({"buyer", "user"} <= roles)
    return (sum(scores) / len(scores)) * 0.9 + (0.1 if both else 0.0)
