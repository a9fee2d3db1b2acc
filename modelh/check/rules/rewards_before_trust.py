"""Reward programs (motivation) are core for a segment still before the Trust Inflection Point.

Why it matters: in the value chain (Digital Strategy Yoga), loyalty and
reward programs start to bear results only past the Trust Inflection Point,
once customers rely on the company and create value with it. A segment still
at communicate or interact has not got there: points and rewards made the core
of its relationship are spent before they can pay back, while the work that
would move it along (honest communication, preferences captured at every
interaction) waits.

How to fix: make motivation supporting or planned for the segment (in the
dimension's mix) until it reaches engage, and put the effort into the stage it
is at; or, if the segment is further along than its stage says, correct the
stage.

Example::

    segments:
      - {id: members, stage: interact, target_stage: engage}
    customer_relationships:
      dimensions:
        motivation:
          use: core
          segments:
            members: core           # rewards before trust
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from modelh.canvas.facts import trust
from modelh.canvas.model import Canvas
from modelh.check.rules import Executive, Hit
from modelh.framework import TRUST_BEFORE

CODE = "MH213"
NAME = "rewards-before-trust"
SEVERITY = "warning"
SECTION = "dimensions"
OPTIONS: dict[str, Any] = {}

EXECUTIVE = Executive(
    (
        "Rewards are at the core of the relationship with {segment}, who have not reached the "
        "Trust Inflection Point"
    ),
    (
        "Loyalty and reward programmes bear results only past the Trust Inflection Point; before "
        "it, the money is spent before it can pay back."
    ),
    many=(
        "Rewards are at the core of the relationship with {items}, who have not reached the "
        "Trust Inflection Point"
    ),
    over="segment",
)


def check(canvas: Canvas, options: Mapping[str, Any]) -> Iterator[Hit]:
    dim = canvas.dimensions.get("motivation")
    if dim is None:
        return
    for segment in canvas.segments:
        if trust(segment.stage) != TRUST_BEFORE or dim.degree_for(segment.id) != "core":
            continue
        path = f"{dim.path}.segments.{segment.id}" if dim.mix else f"{dim.path}.use"
        yield Hit(
            path,
            f"motivation is core for segment '{segment.id}', still at {segment.stage}, before "
            "the Trust Inflection Point: reward programs bear results only past it",
            f"make motivation supporting or planned for '{segment.id}' in its mix until the "
            "segment reaches engage, or correct the segment's stage",
            about={"segment": segment.id},
        )
