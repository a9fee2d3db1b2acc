"""A journey with high-pain touches has nobody responsible for it.

Why it matters: the method's advice for the journey map is to start minimal,
assign responsibility and keep it agile. A touch that hurts customers today is
where the map should lead to change, and change needs an owner: the journey's
owner answers for its touches. A journey whose high-pain touches belong to
nobody stays a picture of the problem.

How to fix: write owner: under the journey, with the role accountable for
it (for example Care management, Provider relations).

Example::

    journeys:
      - id: prior-auth
        name: Getting a prior authorization
        segment: practices
        # owner: missing
        touches:
          - {name: Fax the request, pain: high}
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from modelh.canvas.model import Canvas
from modelh.check.rules import Executive, Hit
from modelh.check.rules._dimensions import filled, placeholder_note
from modelh.check.rules._journeys import touch_label

CODE = "MH502"
NAME = "journey-no-owner"
SEVERITY = "warning"
SECTION = "journeys"
OPTIONS: dict[str, Any] = {}

EXECUTIVE = Executive(
    "Nobody is responsible for the journey {journey}, though some of its touches hurt customers",
    "Change needs an owner; without one, the journey map stays a picture of the problem.",
    many=(
        "Nobody is responsible for the journeys {items}, though some of their touches hurt "
        "customers"
    ),
    over="journey",
)


def check(canvas: Canvas, options: Mapping[str, Any]) -> Iterator[Hit]:
    for journey in canvas.journeys:
        hurting = [touch_label(t) for t in journey.touches if t.pain == "high"]
        if not hurting or filled(journey.owner):
            continue
        yield Hit(
            f"{journey.path}.owner",
            f"journey '{journey.id}' has high-pain touches ("
            + ", ".join(f"'{t}'" for t in hurting)
            + ") but no owner"
            + placeholder_note(journey.owner),
            f"under journey '{journey.id}', write 'owner:' with the role accountable for it",
        )
