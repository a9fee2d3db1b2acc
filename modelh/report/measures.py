"""The context of the measures section, and of one measure (the executive summary
and the deck show measures the same way; see ``build_context``)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from modelh.canvas.model import Canvas
from modelh.framework import vocab
from modelh.report import shorten as short
from modelh.report.contract import (
    DomainContext,
    MeasureContext,
    MeasureGroup,
    MeasuresContext,
    More,
)
from modelh.report.filters import format_period, format_value
from modelh.report.labels import (
    TRACK_LABELS,
)
from modelh.report.shorten import Shortener

#: What a measure of a health outcome tracks, and the heading it is shown under in the
#: customer domain.
HEALTH = "health"
HEALTH_OUTCOMES = "Health outcomes"

if TYPE_CHECKING:
    from modelh.canvas.model import Measure


def measure_context(m: Measure, short_: Shortener) -> MeasureContext:
    from modelh.framework import INDICATORS

    indicator = INDICATORS.get(m.indicator) if m.indicator else None
    values = [v for v in (m.baseline, m.current, m.target) if v is not None]
    low = min([0.0, *values]) if values else 0.0
    high = max([0.0, *values]) if values else 1.0
    span = (high - low) or 1.0

    def bar(value: float | int | None) -> float | None:
        return None if value is None else round((value - low) / span, 4)

    progress = None
    baseline, current, target = m.baseline, m.current, m.target
    if baseline is not None and current is not None and target is not None and target != baseline:
        progress = round((current - baseline) / (target - baseline) * 100)
    unit = short_.name(m.unit or "")
    return {
        "id": m.id,
        "name": short_.name(m.name or m.id),
        "domain": m.domain,
        "indicator": m.indicator,
        "indicator_name": indicator.name if indicator else "",
        "group": indicator.group if indicator else None,
        "tracks": m.tracks,
        "tracks_label": TRACK_LABELS.get(m.tracks or "", ""),
        "unit": unit,
        "direction": m.direction,
        "direction_label": {"up": "Higher is better", "down": "Lower is better"}.get(
            m.direction or "", ""
        ),
        "baseline": format_value(m.baseline, unit),
        "current": format_value(m.current, unit),
        "target": format_value(m.target, unit),
        "bars": {"baseline": bar(m.baseline), "current": bar(m.current), "target": bar(m.target)},
        "has_values": bool(values),
        "progress": progress,
        "due": format_period(m.due),
        "owner": short_.name(m.owner or ""),
        "status": m.status,
        "trend": None,
    }


def measures_context(canvas: Canvas, short_: Shortener) -> MeasuresContext:
    from modelh.framework import CUSTOMER_INDICATOR_GROUPS, DOMAINS

    active = [m for m in canvas.measures if m.status == "active"]
    pending = [m for m in canvas.measures if m.status == "pending-leadership"]
    retired = [m for m in canvas.measures if m.status == "retired"]
    # SHOWN_MEASURES in all, shared among the domains (and the measures without one)
    by_domain = [[m for m in active if m.domain == d.id] for d in DOMAINS]
    by_domain.append([m for m in active if not m.domain])
    shown_counts = short.share(by_domain, short.SHOWN_MEASURES)

    def context(m: Measure) -> MeasureContext:
        return measure_context(m, short_)

    def pending_of(domain: str) -> tuple[list[MeasureContext], More | None]:
        theirs = [m for m in pending if m.domain == domain]
        shown, more = short_.items(theirs, short.SHOWN_PENDING, "measure")
        return [context(m) for m in shown], more

    domains: list[DomainContext] = []
    for d, measures, count in zip(DOMAINS, by_domain, shown_counts, strict=False):
        mine = [context(m) for m in measures[:count]]
        groups: list[MeasureGroup] = []
        if d.id == "customer":
            # a clinical result is a health outcome, never a feeling, even when the plan
            # reports it in a quality score: it has its own heading
            health = [m for m in mine if m["tracks"] == HEALTH]
            relationship = [m for m in mine if m["tracks"] != HEALTH]
            for title, ids in CUSTOMER_INDICATOR_GROUPS:
                grouped = [m for m in relationship if m["indicator"] in ids]
                if grouped:
                    groups.append({"title": title, "measures": grouped})
            if health:
                groups.append({"title": HEALTH_OUTCOMES, "measures": health})
            rest = [
                m
                for m in relationship
                if m["indicator"] not in {i for _, g in CUSTOMER_INDICATOR_GROUPS for i in g}
            ]
            if rest:
                groups.append({"title": "Other customer measures", "measures": rest})
        elif mine:
            groups.append({"title": None, "measures": mine})
        domain_pending, pending_more = pending_of(d.id)
        domains.append(
            {
                "id": d.id,
                "number": d.number,
                "name": d.name,
                "summary": d.summary,
                "pending_leadership": d.pending_leadership,
                "indicators": [i.name for i in d.indicators],
                "groups": groups,
                "count": len(measures),
                "more": short_.more(len(measures) - count, "measure"),
                "pending": domain_pending,
                "pending_more": pending_more,
            }
        )
    unassigned = by_domain[-1]
    tracked = {t: sum(1 for m in active if m.tracks == t) for t in vocab.MEASURE_TRACKS}
    pending_shown, pending_more = short_.items(pending, short.SHOWN_PENDING, "measure")
    retired_shown, retired_more = short_.items(retired, short.SHOWN_RETIRED, "measure")
    return {
        "domains": domains,
        "unassigned": [context(m) for m in unassigned[: shown_counts[-1]]],
        "unassigned_more": short_.more(len(unassigned) - shown_counts[-1], "measure"),
        "pending": [context(m) for m in pending_shown],
        "pending_more": pending_more,
        "retired": [context(m) for m in retired_shown],
        "retired_more": retired_more,
        "tracked": [
            {"id": t, "label": TRACK_LABELS[t], "count": tracked[t]} for t in vocab.MEASURE_TRACKS
        ],
        "count": len(active),
    }
