"""The customer measures stop at call volumes and issue resolutions.

Why it matters: the method says relationship measurement "should be well past
the standard call volumes and issue resolutions". Call-center data and the
speed of resolving issues show how busy the service is, not whether customers
understand the company, find it easy to work with, stay, recommend it or get
healthier. A canvas whose customer measures are only those counts measures the
cost of the relationship's failures and nothing of its success.

How to fix: add customer measures from the other groups of the catalog: a
single measure (CSAT, NPS, CES, retention or referral rate), how well
customers listen to you (compliance, comprehension), how easy you are to work
with (speed of application, satisfaction with touchpoints) or how customers
feel about you (likelihood to recommend). Retired measures do not count.

Example::

    measures:
      - {id: calls-handled, domain: customer, indicator: call-center}
      - {id: issues-closed, domain: customer, indicator: resolution-speed}
      # nothing beyond call volumes and issue resolutions
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from modelh.canvas.model import Canvas
from modelh.check.rules import Executive, Hit
from modelh.check.rules._common import counted_measures
from modelh.check.rules._measures import MEASURES, domain_of, quoted

CODE = "MH311"
NAME = "call-center-only"
SEVERITY = "warning"
SECTION = "measures"
OPTIONS: dict[str, Any] = {}
EXECUTIVE = Executive(
    "The customer measures stop at call volumes and issue resolutions",
    (
        "Those counts show how busy the service is, not whether customers understand the "
        "company, stay with it, recommend it or get healthier."
    ),
)

#: The indicators of call volumes and issue resolutions.
_CALL_CENTER = ("call-center", "resolution-speed")


def check(canvas: Canvas, options: Mapping[str, Any]) -> Iterator[Hit]:
    customer = [m for m in counted_measures(canvas) if domain_of(m) == "customer"]
    if not customer or any(m.indicator not in _CALL_CENTER for m in customer):
        return
    yield Hit(
        MEASURES,
        "the customer measures stop at call volumes and issue resolutions: "
        + quoted([m.id for m in customer]),
        "add a customer measure beyond the call center, e.g. indicator: csat, nps, ces, "
        "retention-rate, comprehension or touchpoint-satisfaction",
    )
