"""A measure's target is on the wrong side of its baseline.

Why it matters: the direction says which way is better (up: higher, down:
lower). A target below the baseline of an "up" measure, above that of a
"down" measure, or equal to the baseline, asks the model to stand still or
get worse; usually the target or the direction was mistyped, and the progress
shown in the report would read backwards.

How to fix: correct the target so that it lies beyond the baseline in the
measure's direction, or correct the direction if lower (or higher) really is
better.

Example::

    measures:
      - id: readmissions-30d
        direction: down      # lower is better
        baseline: 16.2
        target: 18           # above the baseline
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from modelh.canvas.model import Canvas
from modelh.check.rules import Executive, Hit
from modelh.check.rules._common import active_measures
from modelh.check.rules._measures import number

CODE = "MH303"
NAME = "target-wrong-side"
SEVERITY = "warning"
SECTION = "measures"
OPTIONS: dict[str, Any] = {}

EXECUTIVE = Executive(
    "The target of {measure} asks for standing still or getting worse",
    (
        "Usually the target or the better direction was mistyped, and the progress shown in this "
        "report reads backwards."
    ),
    many="The targets of {items} ask for standing still or getting worse",
    over="measure",
)


def check(canvas: Canvas, options: Mapping[str, Any]) -> Iterator[Hit]:
    for measure in active_measures(canvas):
        baseline, target, direction = measure.baseline, measure.target, measure.direction
        if baseline is None or target is None or direction not in ("up", "down"):
            continue
        up = direction == "up"
        if (target > baseline) if up else (target < baseline):
            continue
        better, worse = ("higher", "lower") if up else ("lower", "higher")
        where = "equal to" if target == baseline else "below" if target < baseline else "above"
        yield Hit(
            f"{measure.path}.target",
            f"measure '{measure.id}' has target {number(target)} {where} baseline "
            f"{number(baseline)}, but its direction is {direction} ({better} is better)",
            f"set a target {'above' if up else 'below'} {number(baseline)}, or make the "
            f"direction {'down' if up else 'up'} if {worse} is better",
        )
