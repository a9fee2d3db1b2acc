"""A dimension the model uses without an owner.

Why it matters: relationships have to be a focus for the whole organisation,
and that starts with someone accountable for each dimension: someone who
keeps its channels, message and measures together and answers for its
results. A dimension everybody shares is one nobody improves.

How to fix: name the role (or team) accountable for the dimension under its
owner. A planned dimension gets this finding as info.

Example::

    dimensions:
      navigation:
        use: core
        approach: Weekly coach plan built from meter and cuff readings.
        # owner: missing -- who answers for it?
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from modelh.canvas.model import Canvas
from modelh.check.rules import Executive, Hit
from modelh.check.rules._dimensions import element_gaps

CODE = "MH207"
NAME = "dimension-no-owner"
SEVERITY = "warning"
SECTION = "dimensions"
OPTIONS: dict[str, Any] = {}

EXECUTIVE = Executive(
    "Nobody is accountable for the {dimension} dimension",
    (
        "Relationships need someone who answers for their results; a dimension everybody shares "
        "is one nobody improves."
    ),
    many="Nobody is accountable for the {items} dimensions",
    over="dimension",
    part="an owner",
)


def check(canvas: Canvas, options: Mapping[str, Any]) -> Iterator[Hit]:
    yield from element_gaps(
        canvas,
        "owner",
        "dimension '{id}' has no owner",
        lambda dim: f"under {dim.id}, write 'owner:' with the role accountable for it",
    )
