"""A segment does not say where it stands in the customer value chain.

Why it matters: customers move through five stages: communicate, interact,
engage, collaborate, innovate. Each stage asks different things of the
company, from honest communication and onboarding to recognising each
customer's preferences to deciding on health matters together. Without the
segment's stage today nobody can tell what the relationship must do next, or
whether trust has tipped yet (the Trust Inflection Point, during engage).

How to fix: set stage to where the segment stands today: communicate,
interact, engage, collaborate or innovate (`modelh framework stages` describes
each).

Example::

    segments:
      - id: employers
        role: buyer                 # stage: missing
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from modelh.canvas.model import Canvas
from modelh.check.rules import Executive, Hit
from modelh.framework import vocab

CODE = "MH406"
NAME = "segment-no-stage"
SEVERITY = "warning"
SECTION = "segments"
OPTIONS: dict[str, Any] = {}

EXECUTIVE = Executive(
    "Where {segment} stand on the customer value chain today is not set",
    (
        "Without it, nobody can tell what the relationship must do next, or whether trust has "
        "tipped yet."
    ),
    many="Where {items} stand on the customer value chain today is not set",
    over="segment",
)


def check(canvas: Canvas, options: Mapping[str, Any]) -> Iterator[Hit]:
    stages = ", ".join(vocab.STAGE_IDS[:-1]) + " or " + vocab.STAGE_IDS[-1]
    for segment in canvas.segments:
        if segment.stage is None:
            yield Hit(
                f"{segment.path}.stage",
                f"segment '{segment.id}' has no stage: where it stands in the value chain "
                "today is not set",
                f"add 'stage:' with where the segment stands today: {stages}",
            )
