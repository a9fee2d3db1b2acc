"""A dimension the model uses without saying what it does there.

Why it matters: choosing a dimension is only a label until the canvas says
what the model actually does in it: the content it publishes, the choices it
steers people toward, the logistics it takes over, the rewards it pays. The
approach is what the channels, the message and the measures then serve, and
what the executives will be asked to fund.

How to fix: write the approach: what the model does in this dimension, for
which segments. A planned dimension gets this finding as info.

Example::

    dimensions:
      transition:
        use: core
        approach: TBD        # a placeholder is no approach
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from modelh.canvas.model import Canvas
from modelh.check.rules import Executive, Hit
from modelh.check.rules._dimensions import element_gaps

CODE = "MH204"
NAME = "dimension-no-approach"
SEVERITY = "warning"
SECTION = "dimensions"
OPTIONS: dict[str, Any] = {}

EXECUTIVE = Executive(
    "The {dimension} dimension is chosen without saying what the model does in it",
    (
        "Until the approach is written the dimension is only a label: there is nothing for its "
        "channels and measures to serve, and nothing to fund."
    ),
    many="The {items} dimensions are chosen without saying what the model does in them",
    over="dimension",
    part="an approach (what the model does in it)",
)


def check(canvas: Canvas, options: Mapping[str, Any]) -> Iterator[Hit]:
    yield from element_gaps(
        canvas,
        "approach",
        "dimension '{id}' has no approach",
        lambda dim: f"under {dim.id}, write 'approach:' with what the model does in it",
    )
