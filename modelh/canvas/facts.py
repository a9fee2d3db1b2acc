"""Facts about a canvas that the rules, the checker, the interview and the report all
derive, each written once: what is a placeholder, what a measure says about money,
which segments the model serves, where a segment stands to the Trust Inflection
Point, whether it should have preferences captured, which feedback loops are measured.

Whether a dimension is in use is ``DimensionUse.is_used`` on the model.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from modelh.canvas.model import Canvas, Measure, Segment
from modelh.framework import vocab
from modelh.framework.entities import trust_position

#: Possessive runs (``*+``, ``++``): the surrounding space and the trailing dots and
#: marks are taken whole and never given back, so a long answer costs linear time
#: (backtracking through ``\s*[.!]*\s*`` made it quadratic).
_PLACEHOLDER = re.compile(
    r"^\s*+(tbd|tbc|todo|to ?do|t\.b\.d\.?|\?+|x+|n/?a|none yet|lorem ipsum.*|fill (this )?in"
    r"|placeholder|coming soon|-+|\.++|…)\s*+[.!]*+\s*+$",
    re.I | re.S,
)

#: Indicators that make a measure count as revenue or cost without `tracks`.
REVENUE_INDICATORS = frozenset({"relationship-revenue"})
COST_INDICATORS = frozenset({"cost-to-serve", "cost-to-satisfy-by-channel", "cost-to-serve-ratio"})

#: The method's two feedback loops: from customers and from providers.
FEEDBACK_LOOP_INDICATORS: tuple[str, ...] = ("customer-feedback-loop", "provider-feedback-loop")


def is_placeholder(text: str | None) -> bool:
    """Whether ``text`` stands in for an answer: TBD, TODO, ???, lorem ipsum, a bare n/a."""
    return text is not None and bool(_PLACEHOLDER.match(text))


def money_kind(measure: Measure) -> str | None:
    """``revenue`` or ``cost`` by the measure's ``tracks``, else by its indicator."""
    if measure.tracks in ("revenue", "cost"):
        return measure.tracks
    if measure.indicator in REVENUE_INDICATORS:
        return "revenue"
    if measure.indicator in COST_INDICATORS:
        return "cost"
    return None


def feedback_loops(measures: Iterable[Measure]) -> set[str]:
    """The feedback-loop indicators that ``measures`` track."""
    return {m.indicator for m in measures if m.indicator in FEEDBACK_LOOP_INDICATORS}


def served_segments(canvas: Canvas) -> set[str]:
    """Segment ids served by at least one used dimension (segments omitted: all; in
    the mix, those at a degree other than none)."""
    served: set[str] = set()
    for dim in canvas.dimensions.values():
        if dim.is_used:
            served.update(
                (s.id for s in canvas.segments) if dim.serves_every_segment else dim.segments
            )
    return served


def trust(stage: str | None) -> str | None:
    """Where a segment at ``stage`` stands to the Trust Inflection Point: before, at,
    past (``framework.TRUST_POSITIONS``); None when it has no stage."""
    return trust_position(stage) if stage is not None else None


def asks_preferences(stage: str | None) -> bool:
    """Whether a segment at ``stage`` should have its preferences captured (from engage on)."""
    return stage is not None and vocab.STAGE_IDS.index(stage) >= vocab.STAGE_IDS.index(
        vocab.PREFERENCES_FROM_STAGE
    )


def captured_preferences(segment: Segment) -> bool:
    """Whether the segment has preferences on record (placeholders such as TBD do not count)."""
    return any(p.strip() and not is_placeholder(p) for p in segment.preferences)
