"""A dimension described in the canvas without saying how the model uses it.

Why it matters: the seven dimensions are used in different degrees, and the
degree is the decision the rest hangs on. A core dimension needs its channel,
message, care, measure and owner settled now; a planned one is a known next
step; one left out needs a reason. Without a use, the report cannot place the
dimension, and the other dimension checks cannot tell what it still lacks.

How to fix: give the dimension a use: core, supporting, planned or none.

Example::

    dimensions:
      coordination:
        approach: Shared care plans and follow-up visits booked before discharge.
        # use: missing -- core? supporting? planned?
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from modelh.canvas.model import Canvas
from modelh.check.rules import Executive, Hit
from modelh.framework import vocab

CODE = "MH202"
NAME = "dimension-no-use"
SEVERITY = "warning"
SECTION = "dimensions"
OPTIONS: dict[str, Any] = {}

EXECUTIVE = Executive(
    "How much the model relies on the {dimension} dimension is not decided",
    (
        "Core, supporting, planned or not used: the degree is the decision the rest hangs on, "
        "from what must be settled now to what is left out."
    ),
    many="How much the model relies on the {items} dimensions is not decided",
    over="dimension",
)


def check(canvas: Canvas, options: Mapping[str, Any]) -> Iterator[Hit]:
    for dim_id in vocab.DIMENSION_IDS:
        dim = canvas.dimensions.get(dim_id)
        if dim is not None and dim.use is None:
            yield Hit(
                f"{dim.path}.use",
                f"dimension '{dim_id}' does not say how the model uses it",
                f"add 'use: core', 'supporting', 'planned' or 'none' under {dim_id}",
            )
