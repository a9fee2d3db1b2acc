"""No measure tracks revenue, or none tracks cost.

Why it matters: the method asks that relationship measurement go beyond call
volumes and resolved issues to the money: what the relationships earn and what
they cost to keep. Without both sides, a model cannot show that a high-touch
relationship pays for itself, or that moving service to cheaper channels did
not cost revenue.

How to fix: add a measure with tracks: revenue (the financial indicator
relationship-revenue counts too), and one with tracks: cost (or the indicator
cost-to-serve, cost-to-satisfy-by-channel or cost-to-serve-ratio).

Example::

    measures:
      - id: member-nps
        domain: customer
        indicator: nps
        tracks: experience
      # nothing tracks revenue or cost
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from modelh.canvas.facts import money_kind
from modelh.canvas.model import Canvas
from modelh.check.rules import Executive, Hit, Merged
from modelh.check.rules._common import counted_measures
from modelh.check.rules._measures import MEASURES

CODE = "MH307"
NAME = "revenue-and-cost-not-measured"
SEVERITY = "warning"
SECTION = "measures"
OPTIONS: dict[str, Any] = {}
MERGED = Merged("no measure tracks {item}", "no measure tracks {items_or}")
EXECUTIVE = Executive(
    "No measure tracks the {money} of the relationships",
    (
        "The method asks measurement to reach the money: without what relationships earn and "
        "what they cost to keep, nobody can show that one pays for itself."
    ),
    many="No measure tracks the {items} of the relationships",
    over="money",
)

_EXAMPLES = {
    "revenue": "indicator: relationship-revenue",
    "cost": "indicator: cost-to-serve or cost-to-satisfy-by-channel",
}


def check(canvas: Canvas, options: Mapping[str, Any]) -> Iterator[Hit]:
    kinds = {money_kind(m) for m in counted_measures(canvas)}
    for kind in ("revenue", "cost"):
        if kind not in kinds:
            yield Hit(
                MEASURES,
                f"no measure tracks {kind}",
                f"add a measure with tracks: {kind}, e.g. a financial measure with "
                f"{_EXAMPLES[kind]}",
                about={"money": kind},
            )
