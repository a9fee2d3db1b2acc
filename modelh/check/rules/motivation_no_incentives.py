"""The model uses motivation without saying what the incentives are.

Why it matters: motivation is about creating and sustaining behavior change,
and in healthcare that usually runs on incentives: points for goals reached,
funded by an employer, a plan or family, spendable in a marketplace or
donated, and rewards for advocates. Without them, motivation is an
exhortation, and nobody can price it, fund it or tell members what they get.

How to fix: list the incentives under the motivation dimension: who rewards
what, and how the reward can be used. A planned motivation dimension gets this
finding as info.

Example::

    dimensions:
      motivation:
        use: core
        approach: Rewards for screenings and medication adherence.
        # incentives: missing -- who funds the points, what do they buy?
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from modelh.canvas.model import Canvas
from modelh.check.rules import Executive, Hit
from modelh.check.rules._common import gap_dimensions
from modelh.check.rules._dimensions import filled_list

CODE = "MH211"
NAME = "motivation-no-incentives"
SEVERITY = "warning"
SECTION = "dimensions"
OPTIONS: dict[str, Any] = {}

EXECUTIVE = Executive(
    "Motivation is used without saying what the incentives are",
    (
        "Behavior change in healthcare runs on incentives; without them, nobody can price the "
        "programme, fund it or tell members what they get."
    ),
)


def check(canvas: Canvas, options: Mapping[str, Any]) -> Iterator[Hit]:
    for dim, severity in gap_dimensions(canvas):
        if dim.id == "motivation" and not filled_list(dim.incentives):
            yield Hit(
                f"{dim.path}.incentives",
                "dimension 'motivation' has no incentives",
                "under motivation, list 'incentives:': who rewards what (employer, plan, "
                "family), and how the reward can be spent or donated",
                severity,
            )
