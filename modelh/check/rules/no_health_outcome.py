"""No measure tracks a health outcome.

Why it matters: in healthcare a relationship is worth keeping when it leaves
people healthier, and the method asks for metrics of health outcomes beside
revenue and cost. Satisfaction and engagement can rise while outcomes stand
still; only a health measure shows the difference.

How to fix: mark a measure of a health outcome with tracks: health, or add
one (for example HbA1c control, 30-day readmissions, screening completion).

Example::

    measures:
      - id: member-nps
        tracks: experience
      - id: cost-to-serve-pmpm
        tracks: cost
      # nothing tracks health
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from modelh.canvas.model import Canvas
from modelh.check.rules import Executive, Hit
from modelh.check.rules._common import counted_measures
from modelh.check.rules._measures import MEASURES

CODE = "MH309"
NAME = "no-health-outcome"
SEVERITY = "warning"
SECTION = "measures"
OPTIONS: dict[str, Any] = {}

EXECUTIVE = Executive(
    "No measure tracks a health outcome",
    (
        "In healthcare a relationship is worth keeping when it leaves people healthier; "
        "satisfaction can rise while outcomes stand still."
    ),
)


def check(canvas: Canvas, options: Mapping[str, Any]) -> Iterator[Hit]:
    if not any(m.tracks == "health" for m in counted_measures(canvas)):
        yield Hit(
            MEASURES,
            "no measure tracks a health outcome",
            "give a measure of a health outcome tracks: health (e.g. HbA1c control, "
            "30-day readmissions)",
        )
