"""A CX capability reaches the front office but is absent in the middle office.

Why it matters: bone-deep customer experience (West Monroe) takes four
capabilities (strategy and design, information management, insights,
delivery) into every office. Engagement capabilities are "often front-office
focused and absent within the middle office", where care management has to
work as behavior change: the right message on the right channel at the right
time, tailored by population, with data integrated across pharmacy, clinical
and payer sources. A capability the front office has and the middle office
lacks promises customers an experience that care management cannot keep.

When the middle office also carries high-pain touches, MH602 reports the gap
instead, with the touches.

How to fix: plan how the capability reaches the middle office (care
management, utilization management, pharmacy) and mark its reach there partial
or established once it does; the scale (absent, partial, established) is
modelh's own.

Example::

    cx:
      capabilities:
        insights: {front: established, middle: absent, back: partial}
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from modelh.canvas.model import Canvas
from modelh.check.rules import Executive, Hit
from modelh.check.rules._journeys import high_pain_touches
from modelh.framework import vocab

CODE = "MH601"
NAME = "middle-office-gap"
SEVERITY = "warning"
SECTION = "cx"
OPTIONS: dict[str, Any] = {}

EXECUTIVE = Executive(
    "{capability} reaches the front office but not the middle office",
    (
        "Engagement is often front-office focused and absent in the middle office, where care "
        "management works: customers are promised an experience care management cannot keep."
    ),
    many="{items} reach the front office but not the middle office",
    over="capability",
)


def check(canvas: Canvas, options: Mapping[str, Any]) -> Iterator[Hit]:
    if canvas.cx is None:
        return
    if any(touch.office == "middle" for _, touch in high_pain_touches(canvas)):
        return  # MH602 reports each absent capability with the touches
    for capability in vocab.CX_CAPABILITY_IDS:
        front = canvas.cx.reach(capability, "front")
        if front not in ("partial", "established") or canvas.cx.reach(capability, "middle") != (
            "absent"
        ):
            continue
        yield Hit(
            f"cx.capabilities.{capability}.middle",
            f"capability '{capability}' reaches the front office ({front}) but is absent in "
            "the middle office",
            f"plan how '{capability}' reaches the middle office (care management), and mark "
            "its reach there partial or established once it does",
        )
