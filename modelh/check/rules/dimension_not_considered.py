"""A relationship dimension the canvas has not considered at all.

Why it matters: the method asks which of the seven healthcare relationship
dimensions the model uses, and in what degree. A dimension missing from the
canvas is a decision nobody has taken yet: maybe the model needs it, maybe it
deliberately leaves it out, but the executives reading the report cannot tell
which. Deciding "not for us, and here is why" is a valid answer; silence is not.

How to fix: add the dimension under customer_relationships.dimensions (or fill
in its empty key, as a new canvas has them) with a use: core, supporting,
planned, or none with a reason.

Example::

    customer_relationships:
      dimensions:
        navigation:
          use: core
        # information, coordination, connection, transition, motivation and
        # monetization: not there, so each is reported

    # the fix, for a dimension the model leaves out on purpose:
        connection:
          use: none
          reason: Peer support runs through the county's caregiver network.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from modelh.canvas.model import Canvas
from modelh.check.rules import Executive, Hit, Merged
from modelh.framework import vocab

CODE = "MH201"
NAME = "dimension-not-considered"
SEVERITY = "warning"
SECTION = "dimensions"
OPTIONS: dict[str, Any] = {}
MERGED = Merged(
    "dimension {item} is not considered: decide how the model uses it",
    "dimensions {items} are not considered: decide how the model uses each",
    "add each under customer_relationships.dimensions with use: core, supporting or "
    "planned, or use: none and a reason",
)

EXECUTIVE = Executive(
    "The {dimension} dimension has not been considered",
    (
        "Deciding that a dimension is not for this model, and why, is a valid answer; silence is "
        "not, and nobody can tell an oversight from a choice."
    ),
    many="The {items} dimensions have not been considered",
    over="dimension",
)


def check(canvas: Canvas, options: Mapping[str, Any]) -> Iterator[Hit]:
    for dim_id in vocab.DIMENSION_IDS:
        if dim_id in canvas.dimensions:
            continue
        path = f"customer_relationships.dimensions.{dim_id}"
        if path in canvas.spans:  # written, and empty
            fix = f"give '{dim_id}' a use: core, supporting or planned, or use: none and a reason"
        else:
            fix = (
                f"add '{dim_id}:' under customer_relationships.dimensions with "
                "use: core, supporting or planned, or use: none and a reason"
            )
        yield Hit(
            path, f"dimension '{dim_id}' is not considered: decide how the model uses it", fix
        )
