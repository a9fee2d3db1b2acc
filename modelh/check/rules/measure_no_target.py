"""An active measure has no target.

Why it matters: the method asks that every relationship a model keeps be
tracked for progress. A measure without a target records a number but says
nothing about what good looks like or when the model has got there, so the
executives reading the report cannot tell whether the relationship is working.

How to fix: write the value the model aims for under the measure's target, with
due for when. If the measure itself is still to be defined with leadership,
mark it status: pending-leadership instead: a known, tracked gap.

Example::

    measures:
      - id: csat
        domain: customer
        indicator: csat
        direction: up
        baseline: 72
        # target: missing
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from modelh.canvas.model import Canvas
from modelh.check.rules import Executive, Hit
from modelh.check.rules._common import active_measures

CODE = "MH301"
NAME = "measure-no-target"
SEVERITY = "warning"
SECTION = "measures"
OPTIONS: dict[str, Any] = {}

EXECUTIVE = Executive(
    "The measure {measure} has no target",
    (
        "Without a target nobody can tell what good looks like, or whether the relationship is "
        "working."
    ),
    many="The measures {items} have no target",
    over="measure",
    part="a target",
)


def check(canvas: Canvas, options: Mapping[str, Any]) -> Iterator[Hit]:
    for measure in active_measures(canvas):
        if measure.target is None:
            yield Hit(
                f"{measure.path}.target",
                f"measure '{measure.id}' has no target",
                "write the value aimed for under target (and when, under due)",
            )
