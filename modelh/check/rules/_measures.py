"""Helpers the measures rules (MH3xx) share."""

from __future__ import annotations

from modelh.canvas.model import Measure
from modelh.framework import vocab

#: Where findings about the measures as a whole point.
MEASURES = "customer_relationships.measures"


def domain_of(measure: Measure) -> str | None:
    """The measure's domain, or the domain of its indicator when no domain is written."""
    if measure.domain is not None:
        return measure.domain
    return next((d for d, ids in vocab.INDICATOR_IDS.items() if measure.indicator in ids), None)


def number(value: float | int) -> str:
    """A baseline or target as a message shows it: 42, 16.2 (no trailing .0)."""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def quoted(ids: list[str]) -> str:
    return ", ".join(f"'{i}'" for i in ids)
