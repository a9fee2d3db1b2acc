"""A measure has a baseline or a target but no direction.

Why it matters: a number alone does not say whether a rise is good news. For
a retention rate higher is better, for readmissions or cost to serve lower is;
without the direction, nobody (and no report) can judge whether the measure
is moving toward its target or away from it.

How to fix: add direction: up when higher is better, direction: down when
lower is better.

Example::

    measures:
      - id: cost-to-serve-pmpm
        baseline: 14.8
        target: 12.5
        # direction: missing (down: lower is better)
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from modelh.canvas.model import Canvas
from modelh.check.rules import Executive, Hit
from modelh.check.rules._common import active_measures

CODE = "MH304"
NAME = "measure-no-direction"
SEVERITY = "warning"
SECTION = "measures"
OPTIONS: dict[str, Any] = {}

EXECUTIVE = Executive(
    "For the measure {measure}, it is not said whether higher or lower is better",
    "Without it, nobody can judge whether the measure moves toward its target or away from it.",
    many="For the measures {items}, it is not said whether higher or lower is better",
    over="measure",
    part="a direction (whether higher or lower is better)",
)


def check(canvas: Canvas, options: Mapping[str, Any]) -> Iterator[Hit]:
    for measure in active_measures(canvas):
        if measure.direction is not None:
            continue
        has = [
            name
            for name, value in (("baseline", measure.baseline), ("target", measure.target))
            if value is not None
        ]
        if not has:
            continue
        what = "a baseline and a target" if len(has) == 2 else f"a {has[0]}"
        yield Hit(
            f"{measure.path}.direction",
            f"measure '{measure.id}' has {what} but no direction, so its progress cannot be judged",
            "add direction: up (higher is better) or direction: down (lower is better)",
        )
