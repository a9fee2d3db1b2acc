"""A dimension the model uses that no measure tracks.

Why it matters: the method asks for every dimension a model uses to be
tracked and measured, for progress and for completeness. A dimension without
a measure cannot show the executives what it returns in revenue, cost or
health outcomes, and it is the first to lose its budget.

How to fix: list under the dimension's measures the ids of the measures that
track it; add one under customer_relationships.measures if none fits yet (a
measure pending the conversation with leadership also counts). A planned
dimension gets this finding as info.

Example::

    dimensions:
      coordination:
        use: core
        owner: VP Population Health
        # measures: missing -- gap closure rate? time to follow-up visit?
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from modelh.canvas.model import Canvas
from modelh.check.rules import Executive, Hit
from modelh.check.rules._dimensions import choices, element_gaps

CODE = "MH206"
NAME = "dimension-no-measure"
SEVERITY = "warning"
SECTION = "dimensions"
OPTIONS: dict[str, Any] = {}

EXECUTIVE = Executive(
    "Nothing measures the {dimension} dimension",
    (
        "The method asks for every dimension in use to be tracked: one without a measure cannot "
        "show what it returns in revenue, cost or health, and is the first to lose its budget."
    ),
    many="Nothing measures the {items} dimensions",
    over="dimension",
    part="a measure",
)


def check(canvas: Canvas, options: Mapping[str, Any]) -> Iterator[Hit]:
    ids = choices(m.id for m in canvas.measures if m.status != "retired")
    how = (
        f"list under measures the ids of the measures that track it (defined: {ids}), "
        "or add one under customer_relationships.measures"
        if ids
        else "add a measure under customer_relationships.measures and list its id here"
    )
    yield from element_gaps(
        canvas,
        "measures",
        "dimension '{id}' has no measure tracking it",
        lambda dim: how,
        missing=lambda dim: not dim.measures,
    )
