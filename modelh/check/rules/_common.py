"""Helpers only the rules share: word counts, the dimensions whose gaps matter, the
measures that count. Facts the checker, interview and report derive too
(placeholders, money kind, served segments) are in ``modelh.canvas.facts``."""

from __future__ import annotations

import re
from collections.abc import Iterator

from modelh.canvas.model import Canvas, DimensionUse, Measure
from modelh.framework import vocab


def word_count(text: str) -> int:
    return len(re.findall(r"\w+", text))


def gap_dimensions(canvas: Canvas) -> Iterator[tuple[DimensionUse, str | None]]:
    """Dimensions whose gaps matter: used ones (rule severity) and planned ones (info)."""
    for dim_id in vocab.DIMENSION_IDS:
        dim = canvas.dimensions.get(dim_id)
        if dim is None:
            continue
        if dim.is_used:
            yield dim, None
        elif dim.use == "planned":
            yield dim, "info"


def active_measures(canvas: Canvas) -> list[Measure]:
    return [m for m in canvas.measures if m.status == "active"]


def counted_measures(canvas: Canvas) -> list[Measure]:
    """Measures that count for coverage: active or pending leadership, not retired."""
    return [m for m in canvas.measures if m.status != "retired"]
