"""A customer, process or financial measure tracks no dimension.

Why it matters: the method asks that each dimension a model uses be tracked
and measured. Customer, process and financial measures show how particular
relationships perform, so each belongs to the dimension whose progress it
tracks; one that no dimension lists is either tracking nothing the model
designed or leaves its dimension looking unmeasured. Strategy, culture, brand
and people measures concern the whole organisation and need no dimension.

How to fix: add the measure's id to the measures of the dimension it tracks,
or retire the measure (status: retired) if the model no longer needs it.

Example::

    dimensions:
      coordination:
        use: core
        # measures: [access-cost] missing
    measures:
      - id: access-cost
        domain: financial
        indicator: cost-to-serve
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from modelh.canvas.model import Canvas
from modelh.check.rules import Hit
from modelh.check.rules._common import active_measures
from modelh.check.rules._measures import domain_of

CODE = "MH310"
NAME = "measure-unused"
SEVERITY = "warning"
SECTION = "measures"
OPTIONS: dict[str, Any] = {}

#: Domains whose measures track a dimension; the others are organisation-wide.
_DIMENSION_DOMAINS = ("customer", "process", "financial")


def check(canvas: Canvas, options: Mapping[str, Any]) -> Iterator[Hit]:
    listed = {mid for dim in canvas.dimensions.values() for mid in dim.measures}
    for measure in active_measures(canvas):
        if measure.id in listed or domain_of(measure) not in _DIMENSION_DOMAINS:
            continue
        yield Hit(
            measure.path,
            f"measure '{measure.id}' ({domain_of(measure)}) is listed by no dimension",
            f"add '{measure.id}' to the measures of the dimension it tracks "
            "(customer_relationships.dimensions.<id>.measures), or retire it",
        )
