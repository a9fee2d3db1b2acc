"""The segments are all buyers, or all users.

Why it matters: every healthcare model has two kinds of customer: the buyer
who pays (an employer, a plan sponsor, a government program, a member paying
a premium) and the user who receives the care or service (a member, patient,
caregiver or provider). What one values is not what the other values; a model
that designs for one side only leaves the other side's relationship to chance.

How to fix: add the missing side as a segment with its role, or give an
existing segment role both when it really pays and uses (a Medicare Advantage
member who chooses the plan). Segments without a role are not counted here.

Example::

    segments:
      - {id: employers, role: buyer}
      - {id: health-plans, role: buyer}    # no user: who receives the care?
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from modelh.canvas.model import Canvas
from modelh.check.rules import Executive, Hit

CODE = "MH402"
NAME = "one-sided-segments"
SEVERITY = "warning"
SECTION = "segments"
OPTIONS: dict[str, Any] = {}
EXECUTIVE = Executive(
    "No segment is a {side}",
    (
        "Every healthcare model has a buyer who pays and a user who receives the care; what one "
        "values is not what the other values."
    ),
)

_SIDES = {
    "buyer": "who pays (employer, plan sponsor, government, premium-paying member)",
    "user": "who receives the care or service (member, patient, caregiver, provider)",
}

#: The missing side as the report says it to executives.
_WHO = {
    "buyer": "buyer, who pays for the care or service",
    "user": "user, who receives the care or service",
}


def check(canvas: Canvas, options: Mapping[str, Any]) -> Iterator[Hit]:
    roles = {s.role for s in canvas.segments if s.role is not None}
    if not roles:
        return
    has = {side: side in roles or "both" in roles for side in _SIDES}
    for missing, present in (("user", "buyer"), ("buyer", "user")):
        if has[present] and not has[missing]:
            yield Hit(
                "segments",
                f"every segment with a role is a {present}; no segment is a {missing}",
                f"add a {missing} segment: {_SIDES[missing]}",
                about={"side": _WHO[missing]},
            )
