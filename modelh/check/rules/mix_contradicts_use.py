"""A dimension's overall use contradicts its mix of degrees per segment.

Why it matters: the method says a model uses the seven dimensions "in various
degrees and in various combinations" for each customer segment, which a
canvas says with the mix (segment id: degree). The overall use is then the
highest degree in the mix: a dimension that is core for one segment is core
for the model. When the two disagree (use: none with a segment at core, or
use: core with no segment above none), the report, the checks and the people
reading the canvas get two answers to one question, and one of them is wrong.

How to fix: make use the highest degree the mix gives, or correct the mix.
Explain the segments at none with the dimension's reason.

Example::

    dimensions:
      navigation:
        use: none                   # but core for ma-members below
        segments:
          ma-members: core
          employers: none
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from modelh.canvas.model import Canvas
from modelh.check.rules import Executive, Hit
from modelh.framework import vocab

CODE = "MH212"
NAME = "mix-contradicts-use"
SEVERITY = "warning"
SECTION = "dimensions"
OPTIONS: dict[str, Any] = {}

EXECUTIVE = Executive(
    "The {dimension} dimension is given one degree overall and another segment by segment",
    "Readers get two answers to one question, and one of them is wrong.",
    many="The {items} dimensions are given one degree overall and another segment by segment",
    over="dimension",
)


def _highest(degrees: list[str]) -> str:
    """The highest degree (core over supporting over planned over none)."""
    return min(degrees, key=vocab.DIMENSION_USES.index)


def check(canvas: Canvas, options: Mapping[str, Any]) -> Iterator[Hit]:
    for dim_id in vocab.DIMENSION_IDS:
        dim = canvas.dimensions.get(dim_id)
        if dim is None or dim.use is None or not dim.mix:
            continue
        highest = _highest(list(dim.mix.values()))
        if highest == dim.use:
            continue
        at = [s for s, degree in dim.mix.items() if degree == highest]
        where = (
            f"its mix puts {', '.join(repr(s) for s in at)} at {highest}"
            if highest != vocab.NO_USE
            else "its mix puts no segment above none"
        )
        yield Hit(
            f"{dim.path}.use",
            f"dimension '{dim_id}' has use: {dim.use}, but {where}",
            f"under {dim_id}, set 'use: {highest}' (the highest degree in its mix), "
            "or correct the degrees under segments",
        )
