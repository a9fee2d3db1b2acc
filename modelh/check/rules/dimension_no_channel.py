"""A dimension the model uses without a preferred channel.

Why it matters: for every dimension a model uses, its customers have a
channel they prefer for it: a portal for looking up benefits, a phone call
for results, a person at the bedside before discharge. A dimension without a
channel is an intention with no way to reach anyone, and nobody can cost it
or staff it.

How to fix: list the ids of the channels the customers prefer for this
dimension under its channels (define them under channels first if needed).
A planned dimension gets this finding as info: settle it before launch.

Example::

    channels:
      - {id: access-center, kind: phone}
    customer_relationships:
      dimensions:
        navigation:
          use: core
          channels:        # empty: which channel do these patients prefer?
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from modelh.canvas.model import Canvas
from modelh.check.rules import Executive, Hit
from modelh.check.rules._dimensions import choices, element_gaps

CODE = "MH203"
NAME = "dimension-no-channel"
SEVERITY = "warning"
SECTION = "dimensions"
OPTIONS: dict[str, Any] = {}

EXECUTIVE = Executive(
    "The {dimension} dimension has no channel its customers prefer",
    "A dimension without a channel reaches nobody, and nobody can cost it or staff it.",
    many="The {items} dimensions have no channel their customers prefer",
    over="dimension",
    part="a channel its customers prefer",
)


def check(canvas: Canvas, options: Mapping[str, Any]) -> Iterator[Hit]:
    ids = choices(c.id for c in canvas.channels)
    how = (
        f"list under channels the ids of the channels its customers prefer (defined: {ids})"
        if ids
        else "define the channels under channels, then list the ones its customers prefer here"
    )
    yield from element_gaps(
        canvas,
        "channels",
        "dimension '{id}' has no preferred channel",
        lambda dim: how,
        missing=lambda dim: not dim.channels,
    )
