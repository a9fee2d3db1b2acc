"""An active measure has no baseline.

Why it matters: progress is measured from somewhere. Without the value the
measure had when tracking started, a target cannot be judged ambitious or
timid, and a later value cannot show whether the relationship improved.

How to fix: write the value at the start of tracking under the measure's
baseline (the latest full period is a good start). If there is no data yet,
take the first reading as the baseline and note when it was taken.

Example::

    measures:
      - id: enrollment-rate
        domain: customer
        indicator: lead-to-customer
        direction: up
        target: 15
        # baseline: missing
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from modelh.canvas.model import Canvas
from modelh.check.rules import Executive, Hit
from modelh.check.rules._common import active_measures

CODE = "MH302"
NAME = "measure-no-baseline"
SEVERITY = "warning"
SECTION = "measures"
OPTIONS: dict[str, Any] = {}

EXECUTIVE = Executive(
    "The measure {measure} has no starting value",
    (
        "Without the value when tracking began, no target can be judged ambitious or timid, and "
        "no later figure can show progress."
    ),
    many="The measures {items} have no starting value",
    over="measure",
    part="a starting value",
)


def check(canvas: Canvas, options: Mapping[str, Any]) -> Iterator[Hit]:
    for measure in active_measures(canvas):
        if measure.baseline is None:
            yield Hit(
                f"{measure.path}.baseline",
                f"measure '{measure.id}' has no baseline",
                "write the value when tracking started under baseline",
            )
