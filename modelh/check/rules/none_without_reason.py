"""A dimension the model does not use, with no reason given.

Why it matters: leaving a dimension out is a legitimate choice, but it is a
strategic one, and it gets revisited: next plan year, after a failed pilot,
when a competitor moves. Without the reason, the next workshop cannot tell a
considered decision from an oversight, and cannot tell when it should change.

How to fix: write under the dimension's reason why the model does not use it,
and when it should be looked at again.

Example::

    dimensions:
      connection:
        use: none
        # reason: missing -- why not, and until when?
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from modelh.canvas.model import Canvas
from modelh.check.rules import Executive, Hit
from modelh.check.rules._dimensions import filled, placeholder_note
from modelh.framework import vocab

CODE = "MH209"
NAME = "none-without-reason"
SEVERITY = "warning"
SECTION = "dimensions"
OPTIONS: dict[str, Any] = {}

EXECUTIVE = Executive(
    "The {dimension} dimension is left out without saying why",
    (
        "Leaving a dimension out is a strategic choice that gets revisited; without the reason, "
        "the next workshop cannot tell a decision from an oversight."
    ),
    many="The {items} dimensions are left out without saying why",
    over="dimension",
)


def check(canvas: Canvas, options: Mapping[str, Any]) -> Iterator[Hit]:
    for dim_id in vocab.DIMENSION_IDS:
        dim = canvas.dimensions.get(dim_id)
        if dim is None or dim.use != "none" or filled(dim.reason):
            continue
        yield Hit(
            f"{dim.path}.reason",
            f"dimension '{dim_id}' is not used and gives no reason" + placeholder_note(dim.reason),
            f"under {dim_id}, write 'reason:' with why the model leaves it out "
            "and when to revisit it",
        )
