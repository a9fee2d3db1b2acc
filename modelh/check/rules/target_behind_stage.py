"""A segment's target stage lies behind the stage it is at today.

Why it matters: the target stage is where the model means to take the
segment; one earlier in the value chain than where the segment already stands
plans a step backwards. Usually one of the two is a slip; if the segment
really has slid back (customers who lose trust do), its stage today should say
so.

How to fix: set target_stage to the current stage or a later one, or correct
stage if the segment is not as far along as it says.

Example::

    segments:
      - id: employers
        stage: engage
        target_stage: interact      # behind engage
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from modelh.canvas.model import Canvas
from modelh.check.rules import Executive, Hit
from modelh.framework import stage_index

CODE = "MH409"
NAME = "target-behind-stage"
SEVERITY = "warning"
SECTION = "segments"
OPTIONS: dict[str, Any] = {}

EXECUTIVE = Executive(
    "The aim for {segment} lies behind where they stand today",
    "It plans a step backwards; usually one of the two stages is a slip.",
    many="The aims for {items} lie behind where they stand today",
    over="segment",
)


def check(canvas: Canvas, options: Mapping[str, Any]) -> Iterator[Hit]:
    for segment in canvas.segments:
        if segment.stage is None or segment.target_stage is None:
            continue
        if stage_index(segment.target_stage) < stage_index(segment.stage):
            yield Hit(
                f"{segment.path}.target_stage",
                f"segment '{segment.id}' aims for {segment.target_stage}, behind the "
                f"{segment.stage} stage it is at today",
                f"set target_stage to {segment.stage} or a later stage, or correct stage "
                "if the segment has slid back",
            )
