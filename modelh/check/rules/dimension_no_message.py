"""A dimension the model uses without a preferred message.

Why it matters: besides a channel, the customers of every dimension a model
uses have a message they prefer to hear, in words that reach them ("call us
first; we can see you this week"). Without it each channel improvises its own
wording, and the relationship sounds different at every touchpoint.

How to fix: write the message the customers prefer for this dimension. A
planned dimension gets this finding as info.

Example::

    dimensions:
      navigation:
        use: core
        approach: Weekly coach plan built from meter and cuff readings.
        message:           # empty: what do members need to hear?
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from modelh.canvas.model import Canvas
from modelh.check.rules import Executive, Hit
from modelh.check.rules._dimensions import element_gaps

CODE = "MH205"
NAME = "dimension-no-message"
SEVERITY = "warning"
SECTION = "dimensions"
OPTIONS: dict[str, Any] = {}

EXECUTIVE = Executive(
    "The {dimension} dimension has no message in the words its customers want to hear",
    (
        "Without one, each channel improvises its own wording and the relationship sounds "
        "different at every touchpoint."
    ),
    many="The {items} dimensions have no message in the words their customers want to hear",
    over="dimension",
    part="a message in its customers' words",
)


def check(canvas: Canvas, options: Mapping[str, Any]) -> Iterator[Hit]:
    yield from element_gaps(
        canvas,
        "message",
        "dimension '{id}' has no preferred message",
        lambda dim: f"under {dim.id}, write 'message:' in the words its customers want to hear",
    )
