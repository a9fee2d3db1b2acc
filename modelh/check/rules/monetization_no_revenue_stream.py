"""The model uses monetization but the canvas names no revenue stream.

Why it matters: monetization is the dimension about how the relationship and
the value proposition earn money. Using it while the Revenue Streams block is
empty means the canvas claims relationships pay off without saying where the
money comes from: premiums, capitation, fees, shared savings, bonuses.

How to fix: list the revenue streams under revenue_streams (with the segments
that pay each one), or change the monetization dimension's use.

Example::

    revenue_streams: []
    customer_relationships:
      dimensions:
        monetization:
          use: supporting
          approach: Tie renewals and rider offers to demonstrated engagement.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from modelh.canvas.model import Canvas
from modelh.check.rules import Executive, Hit
from modelh.check.rules._dimensions import filled

CODE = "MH210"
NAME = "monetization-no-revenue-stream"
SEVERITY = "warning"
SECTION = "dimensions"
OPTIONS: dict[str, Any] = {}

EXECUTIVE = Executive(
    "The model counts on monetization but names no revenue stream",
    (
        "It claims the relationships pay off without saying where the money comes from: "
        "premiums, capitation, fees or shared savings."
    ),
)


def check(canvas: Canvas, options: Mapping[str, Any]) -> Iterator[Hit]:
    dim = canvas.dimensions.get("monetization")
    if dim is None or not dim.is_used:
        return
    if any(filled(item.text) for item in canvas.revenue_streams):
        return
    what = "only placeholder revenue streams" if canvas.revenue_streams else "no revenue streams"
    yield Hit(
        "revenue_streams",
        f"dimension 'monetization' is {dim.use} but the canvas has {what}",
        "list where the money comes from under revenue_streams, e.g. "
        "'- text: Per-member-per-month fee' with the segments that pay it",
    )
