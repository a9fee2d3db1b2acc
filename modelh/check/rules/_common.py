"""Helpers the rules share: what counts as filled, placeholder text, who a
dimension serves."""

from __future__ import annotations

import re
from collections.abc import Iterator

from modelh.canvas.model import Canvas, DimensionUse, Measure
from modelh.framework import vocab

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


def is_placeholder(text: str | None) -> bool:
    """Whether ``text`` stands in for an answer: TBD, TODO, ???, lorem ipsum, a bare n/a."""
    return text is not None and bool(_PLACEHOLDER.match(text))


def word_count(text: str) -> int:
    return len(re.findall(r"\w+", text))


def money_kind(measure: Measure) -> str | None:
    """``revenue`` or ``cost`` by the measure's ``tracks``, else by its indicator."""
    if measure.tracks in ("revenue", "cost"):
        return measure.tracks
    if measure.indicator in REVENUE_INDICATORS:
        return "revenue"
    if measure.indicator in COST_INDICATORS:
        return "cost"
    return None


def is_used(dim: DimensionUse) -> bool:
    """Core or supporting: part of the model today."""
    return dim.use in vocab.USED_DIMENSION_USES


def gap_dimensions(canvas: Canvas) -> Iterator[tuple[DimensionUse, str | None]]:
    """Dimensions whose gaps matter: used ones (rule severity) and planned ones (info)."""
    for dim_id in vocab.DIMENSION_IDS:
        dim = canvas.dimensions.get(dim_id)
        if dim is None:
            continue
        if is_used(dim):
            yield dim, None
        elif dim.use == "planned":
            yield dim, "info"


def served_segments(canvas: Canvas) -> set[str]:
    """Segment ids served by at least one used dimension (no segments listed: all)."""
    served: set[str] = set()
    for dim in canvas.dimensions.values():
        if is_used(dim):
            served.update(dim.segments or (s.id for s in canvas.segments))
    return served


def active_measures(canvas: Canvas) -> list[Measure]:
    return [m for m in canvas.measures if m.status == "active"]


def counted_measures(canvas: Canvas) -> list[Measure]:
    """Measures that count for coverage: active or pending leadership, not retired."""
    return [m for m in canvas.measures if m.status != "retired"]
