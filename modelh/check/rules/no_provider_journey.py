"""A health plan's journey map has members' journeys but no provider's.

Why it matters: for a health plan, the method's journey map takes an
inventory of member and provider touches both: a payer's customers are its
members (sometimes patients) and the providers who care for them, and the
systems of record behind both (claims, care management, provider services)
decide much of their experience. A map of members' journeys alone leaves the
provider side, and its costs, out of the priorities.

The rule reads canvas.kind (health-plan) and segments' kind (member, patient
or caregiver; provider), which are modelh's own keys; without them it stays
quiet. When the canvas has provider segments, MH412 reports their missing
journey instead.

How to fix: add the providers as a segment (kind: provider) and their
journey, with its touches, under journeys.

Example::

    canvas:
      kind: health-plan
    segments:
      - {id: members, kind: member}
    journeys:
      - {id: first-visit, name: First PCP visit, segment: members}
      # no provider segment, so no provider journey
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from modelh.canvas.model import Canvas
from modelh.check.rules import Executive, Hit
from modelh.check.rules._journeys import MEMBER_KINDS

CODE = "MH504"
NAME = "no-provider-journey"
SEVERITY = "warning"
SECTION = "journeys"
OPTIONS: dict[str, Any] = {}

EXECUTIVE = Executive(
    "The journey map shows members' journeys but none of a provider",
    (
        "A health plan's customers are its members and the providers who care for them; a map of "
        "one side leaves the other, and its costs, out of the priorities."
    ),
)


def check(canvas: Canvas, options: Mapping[str, Any]) -> Iterator[Hit]:
    if canvas.canvas.kind != "health-plan":
        return
    kinds = {s.id: s.kind for s in canvas.segments}
    if "provider" in kinds.values():
        return  # MH412's business
    members = [j.id for j in canvas.journeys if kinds.get(j.segment) in MEMBER_KINDS]
    if not members:
        return
    yield Hit(
        "journeys",
        "the journey map has members' journeys ("
        + ", ".join(f"'{j}'" for j in members)
        + ") but no provider journey",
        "add the providers as a segment with kind: provider, and their journey under journeys",
    )
