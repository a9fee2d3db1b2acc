"""A segment at interact has no preferences captured yet.

Why it matters: in the value chain (Digital Strategy Yoga), interact is the
stage where the company watches how each customer uses each channel and
captures their preferences "during every interaction": language, distance
from home, appointment times. That is the stage's work; a segment said to be
at interact with nothing captured is not doing it, and when it reaches engage
the company will have nothing to recognize its customers by.

How to fix: list under preferences what is being captured for the segment, or
set its stage back to communicate if nothing is captured yet. Placeholders
(TBD, TODO) do not count.

Example::

    segments:
      - id: risk-payers
        stage: interact
        # preferences: missing -- report format? contact cadence?
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from modelh.canvas.facts import captured_preferences
from modelh.canvas.model import Canvas
from modelh.check.rules import Executive, Hit

CODE = "MH411"
NAME = "preferences-not-captured"
SEVERITY = "warning"
SECTION = "segments"
OPTIONS: dict[str, Any] = {}

EXECUTIVE = Executive(
    "No preferences are captured yet for {segment}, though the company already interacts with them",
    (
        "Interacting is when preferences are captured; when these customers reach the engage "
        "stage, there will be nothing to recognise them by."
    ),
    many=(
        "No preferences are captured yet for {items}, though the company already interacts with "
        "them"
    ),
    over="segment",
)


def check(canvas: Canvas, options: Mapping[str, Any]) -> Iterator[Hit]:
    for segment in canvas.segments:
        if segment.stage != "interact" or captured_preferences(segment):
            continue
        yield Hit(
            f"{segment.path}.preferences",
            f"segment '{segment.id}' is at interact but has no preferences captured: "
            "interact captures them at every interaction",
            "list under preferences what is captured for the segment's customers (language, "
            "distance from home, appointment times), or set its stage back to communicate",
        )
