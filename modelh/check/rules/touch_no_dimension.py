"""A high-pain touch says no relationship dimension it serves.

Why it matters: the journey map is where processes, the customer's
jobs-to-be-done, measures and expectations meet, and the method asks that each
dimension a model uses be tracked and measured. A touch that hurts customers
today is fixed through a dimension of the relationship (coordination for a
hand-off, information for a confusing letter), and that dimension's measures
show whether the fix worked. A high-pain touch tied to no dimension has no
measure that will show its improvement, and no dimension owner to take it up.

How to fix: write dimension: under the touch, with the id of the relationship
dimension it serves (information, navigation, coordination, connection,
transition, motivation or monetization).

Example::

    touches:
      - name: Discharge call from the care guide
        pain: high
        # dimension: missing -- coordination?
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from modelh.canvas.model import Canvas
from modelh.check.rules import Executive, Hit
from modelh.check.rules._journeys import high_pain_touches, touch_label

CODE = "MH503"
NAME = "touch-no-dimension"
SEVERITY = "warning"
SECTION = "journeys"
OPTIONS: dict[str, Any] = {}

EXECUTIVE = Executive(
    "The painful touch {touch} is tied to no relationship dimension",
    (
        "Without a dimension, no measure will show whether fixing the touch worked, and no owner "
        "will take it up."
    ),
    many="The painful touches {items} are tied to no relationship dimension",
    over="touch",
)


def check(canvas: Canvas, options: Mapping[str, Any]) -> Iterator[Hit]:
    for journey, touch in high_pain_touches(canvas):
        if touch.dimension is not None:
            continue
        yield Hit(
            f"{touch.path}.dimension",
            f"touch '{touch_label(touch)}' of journey '{journey.id}' has high pain but serves "
            "no dimension",
            "write 'dimension:' under the touch with the relationship dimension it serves "
            "(e.g. coordination for a hand-off, information for a letter)",
        )
