"""A segment has a stage today but no stage to reach.

Why it matters: knowing where a segment stands in the value chain is half the
picture; the model should also say how far it means to take the segment this
plan period. The target stage is what the relationship work is aimed at, and
next year's canvas builds on it.

How to fix: set target_stage, usually the stage right after the current one
(one step at a time: skipping stages costs trust). A segment already where it
should be can keep its current stage as the target.

Example::

    segments:
      - id: caregivers
        stage: interact             # target_stage: missing
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from modelh.canvas.model import Canvas
from modelh.check.rules import Executive, Hit
from modelh.framework import stage_index, vocab

CODE = "MH407"
NAME = "segment-no-target-stage"
SEVERITY = "info"
SECTION = "segments"
OPTIONS: dict[str, Any] = {}

EXECUTIVE = Executive(
    "How far the model means to take {segment} on the value chain is not set",
    "The target stage is what the relationship work aims at, and next year's canvas builds on it.",
    many="How far the model means to take {items} on the value chain is not set",
    over="segment",
)


def check(canvas: Canvas, options: Mapping[str, Any]) -> Iterator[Hit]:
    last = len(vocab.STAGE_IDS) - 1
    for segment in canvas.segments:
        if segment.stage is None or segment.target_stage is not None:
            continue
        nxt = vocab.STAGE_IDS[min(stage_index(segment.stage) + 1, last)]
        yield Hit(
            f"{segment.path}.target_stage",
            f"segment '{segment.id}' is at {segment.stage} but has no target_stage",
            f"add 'target_stage: {nxt}' (or the stage the model aims for)",
        )
