"""A segment's target stage skips a stage of the value chain.

Why it matters: trust is built one stage at a time. Customers have to be
communicated with honestly and then interacted with, their preferences
learnt, before they will engage; pushed further before they have been through
the earlier stages, they come to distrust the company and slide back. A
target more than one stage ahead plans for exactly that.

How to fix: aim for the next stage only, and plan the stage after that for a
later canvas once the segment has got there. If the segment is further along
than its stage says, correct the stage instead.

Example::

    segments:
      - id: members
        stage: communicate
        target_stage: engage        # skips interact
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from modelh.canvas.model import Canvas
from modelh.check.rules import Hit
from modelh.framework import stage_index, vocab

CODE = "MH408"
NAME = "stage-skipped"
SEVERITY = "warning"
SECTION = "segments"
OPTIONS: dict[str, Any] = {}


def _and(words: list[str]) -> str:
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]


def check(canvas: Canvas, options: Mapping[str, Any]) -> Iterator[Hit]:
    for segment in canvas.segments:
        if segment.stage is None or segment.target_stage is None:
            continue
        here, there = stage_index(segment.stage), stage_index(segment.target_stage)
        if there - here <= 1:
            continue
        skipped = list(vocab.STAGE_IDS[here + 1 : there])
        yield Hit(
            f"{segment.path}.target_stage",
            f"segment '{segment.id}' aims to go from {segment.stage} to "
            f"{segment.target_stage}, skipping {_and(skipped)}",
            f"set 'target_stage: {skipped[0]}', the next stage; aim for "
            f"{segment.target_stage} once the segment is there",
        )
