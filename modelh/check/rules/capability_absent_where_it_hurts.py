"""A CX capability is absent in an office that carries high-pain touches.

Why it matters: bone-deep customer experience (West Monroe) says the four CX
capabilities must reach every office, from clinicians and billing to IT and
the executive suite. The journey map shows which office carries each touch;
where touches hurt customers most, a capability the office lacks (one view of
the customer, insight into why they struggle, a designed experience, the means
to deliver it) is the likeliest reason, and fixing the touch without it will
not hold.

How to fix: plan how the capability reaches that office and mark its reach
partial or established once it does; or, if the touch belongs to another
office, correct the touch's office. The scale (absent, partial, established)
is modelh's own.

Example::

    journeys:
      - id: prior-auth
        name: Getting a prior authorization
        segment: practices
        touches:
          - {name: Clinical review, office: middle, pain: high}
    cx:
      capabilities:
        information-management: {front: partial, middle: absent, back: partial}
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from modelh.canvas.model import Canvas
from modelh.check.rules import Executive, Hit
from modelh.check.rules._journeys import high_pain_touches, touch_label
from modelh.framework import vocab

CODE = "MH602"
NAME = "capability-absent-where-it-hurts"
SEVERITY = "warning"
SECTION = "cx"
OPTIONS: dict[str, Any] = {}

EXECUTIVE = Executive(
    "{capability} is absent in the {office}, where touches hurt customers most",
    (
        "Where touches hurt most, a missing capability is the likeliest reason, and fixing the "
        "touches without it will not hold."
    ),
    many="{items} are absent in the {office}, where touches hurt customers most",
    over="capability",
)


def check(canvas: Canvas, options: Mapping[str, Any]) -> Iterator[Hit]:
    if canvas.cx is None:
        return
    hurting: dict[str, list[str]] = {}
    for _, touch in high_pain_touches(canvas):
        if touch.office is not None:
            hurting.setdefault(touch.office, []).append(touch_label(touch))
    for capability in vocab.CX_CAPABILITY_IDS:
        for office in vocab.OFFICES:
            touches = hurting.get(office)
            if not touches or canvas.cx.reach(capability, office) != "absent":
                continue
            shown = ", ".join(f"'{t}'" for t in touches[:3]) + (", ..." if len(touches) > 3 else "")
            yield Hit(
                f"cx.capabilities.{capability}.{office}",
                f"capability '{capability}' is absent in the {office} office, which carries "
                f"high-pain touches ({shown})",
                f"plan how '{capability}' reaches the {office} office, and mark its reach there "
                "partial or established once it does",
            )
