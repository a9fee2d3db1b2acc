"""The canvas names no customer segment.

Why it matters: modelH starts from the customers: know the segments and what
they value first, then build value propositions for them, then design the
channels and relationships that reach them. A canvas without segments has
nobody to design a relationship for, and every later block floats free.

How to fix: list the segments under segments, each with an id, a name and a
role. Healthcare models have buyers (employers, plan sponsors, government,
members paying a premium) and users (members, patients, caregivers,
providers); name both.

Example::

    segments: []      # nobody to build the model for yet
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from modelh.canvas.model import Canvas
from modelh.check.rules import Executive, Hit

CODE = "MH401"
NAME = "no-segments"
SEVERITY = "warning"
SECTION = "segments"
OPTIONS: dict[str, Any] = {}

EXECUTIVE = Executive(
    "The canvas names no customer segment",
    "modelH starts from the customers: without them there is nobody to design a relationship for.",
)


def check(canvas: Canvas, options: Mapping[str, Any]) -> Iterator[Hit]:
    if not canvas.segments:
        yield Hit(
            "segments",
            "the canvas has no customer segments",
            "add segments, each with an id, a name and a role (buyer, user or both)",
        )
