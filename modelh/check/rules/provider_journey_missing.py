"""A health plan's canvas has provider segments but no journey of a provider.

Why it matters: the method's recommended first customer-experience project is
a journey map with an inventory of touches, and for a health plan that
inventory covers members and providers both. For a payer, providers are
customers too: prior authorizations, claims and gap lists are touches they go
through, and the systems behind them decide much of their dissatisfaction. A
payer's journey map without a provider journey leaves half of its customers
out.

The rule reads canvas.kind (health-plan) and segments' kind (provider), which
are modelh's own keys; without them it stays quiet.

How to fix: add a journey under journeys whose segment is a provider segment,
with its touches (channel, office, pain, cost).

Example::

    canvas:
      kind: health-plan
    segments:
      - {id: members, kind: member}
      - {id: practices, kind: provider}   # no journey of practices
    journeys:
      - {id: first-visit, name: First PCP visit, segment: members}
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from modelh.canvas.model import Canvas
from modelh.check.rules import Executive, Hit

CODE = "MH412"
NAME = "provider-journey-missing"
SEVERITY = "warning"
SECTION = "segments"
OPTIONS: dict[str, Any] = {}

EXECUTIVE = Executive(
    "The journey map has no journey of the providers this plan serves",
    (
        "For a health plan, providers are customers too: prior authorizations, claims and gap "
        "lists are touches they go through, and leaving them out leaves half the customers out "
        "of the priorities."
    ),
)


def check(canvas: Canvas, options: Mapping[str, Any]) -> Iterator[Hit]:
    if canvas.canvas.kind != "health-plan":
        return
    providers = [s for s in canvas.segments if s.kind == "provider"]
    if not providers or any(j.segment in {s.id for s in providers} for j in canvas.journeys):
        return
    names = ", ".join(f"'{s.id}'" for s in providers)
    yield Hit(
        providers[0].path,
        f"this health plan's canvas has no journey of its provider segments ({names})",
        f"add a journey under journeys with segment: {providers[0].id}, and its touches",
    )
