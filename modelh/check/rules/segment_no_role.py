"""A segment does not say whether it buys, uses, or both.

Why it matters: in healthcare the one who pays is often not the one who
receives the care, and each expects a different relationship. Without a role
nobody can tell whether the model accounts for both kinds of customer, and the
relationship designed for the segment has no clear audience.

How to fix: give the segment a role: buyer (it pays), user (it receives the
care or service) or both.

Example::

    segments:
      - id: caregivers
        name: Family caregivers     # role: missing
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from modelh.canvas.model import Canvas
from modelh.check.rules import Executive, Hit

CODE = "MH403"
NAME = "segment-no-role"
SEVERITY = "warning"
SECTION = "segments"
OPTIONS: dict[str, Any] = {}

EXECUTIVE = Executive(
    "Whether {segment} pay, receive the care, or both, is not said",
    (
        "The one who pays is often not the one who receives the care, and each expects a "
        "different relationship."
    ),
    many="Whether {items} pay, receive the care, or both, is not said",
    over="segment",
)


def check(canvas: Canvas, options: Mapping[str, Any]) -> Iterator[Hit]:
    for segment in canvas.segments:
        if segment.role is None:
            yield Hit(
                f"{segment.path}.role",
                f"segment '{segment.id}' has no role",
                "add 'role: buyer' (it pays), 'role: user' (it receives care or service) "
                "or 'role: both'",
            )
