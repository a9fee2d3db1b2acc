"""The context of the journey map and of the bone-deep CX pages (see ``build_context``).

The journey map draws each journey's touches in the order the customer meets them,
along a time axis, in the lane of the office that carries them, with a priority
list beside it (``report_touch_order``). The CX page is the grid of the four
capabilities across the three offices, with the systems behind the smiles.
"""

from __future__ import annotations

from modelh.canvas.model import Canvas, Journey, JourneyTime
from modelh.framework import vocab
from modelh.report import shorten as short
from modelh.report.contract_chain import (
    CapabilityContext,
    CxContext,
    JourneyContext,
    JourneysContext,
    JourneyTimeContext,
    LaneContext,
    OfficeContext,
    PriorityContext,
    ReachCell,
    SystemContext,
    TouchContext,
)
from modelh.report.filters import format_period
from modelh.report.labels import (
    LEVEL_LABELS,
    OFFICE_LABELS,
    REACH_LABELS,
    SYSTEM_KIND_LABELS,
)
from modelh.report.layout import names_of
from modelh.report.shorten import Shortener

#: The order of a level (pain, cost): high first; a level not given last.
_LEVEL_RANK = {level: rank for rank, level in enumerate(vocab.LEVELS)}

#: What the priority list's order is, in the reader's words (see report_touch_order).
TOUCH_ORDER_TEXT = (
    "Ranked by modelh's own priority score, out of 10, after the method's order: what a "
    "touch does to customers and costs the company (pain plus cost, up to 6), digital "
    "before manual (2), and the share of a too-slow journey's time it takes (up to 2)."
)


def report_touch_order(canvas: Canvas, journey: Journey) -> list[tuple[int, float]]:
    """The priority list of a journey: (index of the touch in ``journey.touches``, its
    score), most urgent first, by the shared score of ``modelh.canvas.priority``."""
    from modelh.canvas.priority import journey_priority

    ranked = journey_priority(canvas, journey).touches
    return [(t.position - 1, t.score) for t in ranked]


def format_minutes(minutes: float) -> str:
    """A length of time in its largest sensible unit: "2 days", "1.5 hours", "3 weeks"
    (weeks from two weeks on; one decimal at most)."""
    for unit, size in (("week", 2 * 10_080), ("day", 1_440), ("hour", 60)):
        if minutes >= size:
            per = vocab.DURATION_UNITS[unit]
            return _amount(minutes / per, unit)
    return _amount(minutes, "minute")


def _amount(value: float, unit: str) -> str:
    shown = f"{round(value, 1):,.1f}".removesuffix(".0")
    return f"{shown} {unit}{'' if shown == '1' else 's'}"


def _time_context(time: JourneyTime | None) -> JourneyTimeContext | None:
    if time is None or not (time.baseline or time.current or time.target):
        return None
    values = [d.minutes for d in (time.baseline, time.current, time.target) if d is not None]
    longest = max(values) or 1.0
    baseline, current, target = time.baseline, time.current, time.target
    progress = None
    if baseline and current and target and baseline.minutes != target.minutes:
        gained = baseline.minutes - current.minutes
        progress = round(gained / (baseline.minutes - target.minutes) * 100)
    return {
        "baseline": baseline.text if baseline else "",
        "current": current.text if current else "",
        "target": target.text if target else "",
        "due": format_period(time.due),
        "bars": {
            "baseline": round(baseline.minutes / longest, 4) if baseline else None,
            "current": round(current.minutes / longest, 4) if current else None,
            "target": round(target.minutes / longest, 4) if target else None,
        },
        "progress": progress,
    }


def _score(score: float) -> str:
    """A priority score as shown: "7.5", "6"."""
    return f"{score:.1f}".removesuffix(".0")


def _mode(digital: bool) -> str:
    return "Digital" if digital else "Manual"


def journey_context(
    canvas: Canvas, journey: Journey, short_: Shortener, count: int = short.SHOWN_TOUCHES
) -> JourneyContext:
    """A journey with its first ``count`` touches drawn and its ``count`` most urgent
    ranked."""
    from modelh.framework import DIMENSIONS

    dimension_names = {d.id: d.name for d in DIMENSIONS}
    channel_names = {c.id: c.name or c.id for c in canvas.channels}
    segment = canvas.segment(journey.segment)
    touches = journey.touches
    shown = touches[:count]
    lanes: list[LaneContext] = [{"id": o, "label": OFFICE_LABELS[o]} for o in vocab.OFFICES]
    if any(t.office not in vocab.OFFICES for t in shown):
        lanes.append({"id": None, "label": "Office not set"})
    lane_of = {lane["id"]: i for i, lane in enumerate(lanes)}
    digital = [canvas.is_digital(t) for t in touches]
    drawn: list[TouchContext] = []
    elapsed: float | None = 0.0
    for number, touch in enumerate(shown, 1):
        time = touch.time
        elapsed = elapsed + time.minutes if elapsed is not None and time else None
        drawn.append(
            {
                "number": number,
                "id": touch.id,
                "name": short_.name(touch.name),
                "channel": short_.line(
                    channel_names.get(touch.channel or "", ""), short.LANE_CHARS
                ),
                "digital": digital[number - 1],
                "mode_label": _mode(digital[number - 1]),
                "office": touch.office,
                "lane": lane_of[touch.office if touch.office in vocab.OFFICES else None],
                "dimension": dimension_names.get(touch.dimension or "", ""),
                "pain": touch.pain,
                "pain_label": LEVEL_LABELS.get(touch.pain or "", "Not rated"),
                "cost": touch.cost,
                "cost_label": LEVEL_LABELS.get(touch.cost or "", "Not rated"),
                "time": time.text if time else "",
                "elapsed": format_minutes(elapsed) if elapsed is not None else "",
            }
        )
    timed = [t.time.minutes for t in touches if t.time]
    order = report_touch_order(canvas, journey)
    priority: list[PriorityContext] = [
        {
            "rank": rank,
            "number": i + 1,
            "name": short_.name(touches[i].name),
            "digital": digital[i],
            "mode_label": _mode(digital[i]),
            "pain": touches[i].pain,
            "pain_label": LEVEL_LABELS.get(touches[i].pain or "", "Not rated"),
            "cost": touches[i].cost,
            "cost_label": LEVEL_LABELS.get(touches[i].cost or "", "Not rated"),
            "score": _score(score),
        }
        for rank, (i, score) in enumerate(order[:count], 1)
    ]
    return {
        "id": journey.id,
        "name": short_.name(journey.name),
        "segment": short_.name((segment.name or segment.id) if segment else journey.segment),
        "job": short_.text(journey.job or "", short.SHORT_CHARS),
        "owner": short_.name(journey.owner or ""),
        "time": _time_context(journey.time),
        "lanes": lanes,
        "touches": drawn,
        "touches_more": short_.more(len(touches) - len(shown), "touch", "touches"),
        "touch_count": len(touches),
        "digital_count": sum(digital),
        "digital_first": bool(touches) and 2 * sum(digital) >= len(touches),
        "high_pain_count": sum(1 for t in touches if t.pain == "high"),
        "total_time": format_minutes(sum(timed)) if timed else "",
        "priority": priority,
        "priority_more": short_.more(len(order) - len(priority), "touch", "touches"),
        "keep": len(drawn) <= short.KEEP_TOUCHES,
    }


def journeys_context(canvas: Canvas, short_: Shortener) -> JourneysContext:
    shown, more = short_.items(canvas.journeys, short.SHOWN_JOURNEYS, "journey")
    # SHOWN_TOUCHES in all, shared among the journeys shown
    counts = short.share([j.touches for j in shown], short.SHOWN_TOUCHES)
    return {
        "items": [
            journey_context(canvas, j, short_, n) for j, n in zip(shown, counts, strict=True)
        ],
        "more": more,
        "count": len(canvas.journeys),
        "ordering": TOUCH_ORDER_TEXT,
    }


def has_cx(canvas: Canvas) -> bool:
    """Whether the canvas says anything about bone-deep CX (capabilities or systems)."""
    cx = canvas.cx
    return cx is not None and (any(cx.capabilities.values()) or bool(cx.systems))


def cx_context(canvas: Canvas, short_: Shortener) -> CxContext:
    from modelh.framework import CX_CAPABILITIES, CX_OFFICES, DIMENSIONS

    cx = canvas.cx
    touches = [t for j in canvas.journeys for t in j.touches]
    offices: list[OfficeContext] = [
        {
            "id": office,
            "label": OFFICE_LABELS[office],
            "summary": summary,
            "touches": sum(1 for t in touches if t.office == office),
            "high_pain": sum(1 for t in touches if t.office == office and t.pain == "high"),
        }
        for office, (_, summary) in zip(vocab.OFFICES, CX_OFFICES, strict=True)
    ]
    capabilities: list[CapabilityContext] = []
    for capability, (name, summary) in zip(vocab.CX_CAPABILITY_IDS, CX_CAPABILITIES, strict=True):
        cells: list[ReachCell] = []
        for office in vocab.OFFICES:
            reach = cx.reach(capability, office) if cx else None
            cells.append({"office": office, "reach": reach, "label": REACH_LABELS[reach]})
        capabilities.append({"id": capability, "name": name, "summary": summary, "cells": cells})
    systems = cx.systems if cx else ()
    dimension_names = {d.id: d.name for d in DIMENSIONS}
    shown, more = short_.items(systems, short.SHOWN_SYSTEMS, "system")
    listed: list[SystemContext] = [
        {
            "id": s.id,
            "name": short_.name(s.name),
            "kind_label": SYSTEM_KIND_LABELS.get(s.kind or "", ""),
            "office_label": OFFICE_LABELS.get(s.office or "", ""),
            "serves": short_.names(names_of(s.serves, dimension_names)),
            "data_governance": s.data_governance,
            "data_governance_label": REACH_LABELS.get(s.data_governance, "Not assessed"),
            "pain": s.pain,
            "pain_label": LEVEL_LABELS.get(s.pain or "", "Not rated"),
        }
        for s in shown
    ]
    return {
        "offices": offices,
        "capabilities": capabilities,
        "assessed": any(c["reach"] for row in capabilities for c in row["cells"]),
        "systems": listed,
        "systems_more": more,
        "system_count": len(systems),
    }


__all__ = [
    "TOUCH_ORDER_TEXT",
    "cx_context",
    "format_minutes",
    "has_cx",
    "journey_context",
    "journeys_context",
    "report_touch_order",
]
