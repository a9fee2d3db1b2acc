"""A measurement domain has no measure.

Why it matters: the method judges relationship success in seven domains, from
strategy and culture through process and money to the customer. A domain with
no measure is one where the model cannot show whether its relationships work,
and measurement that stops at the customer domain misses the revenue, cost and
organisational effects the method insists on.

How to fix: add a measure with that domain, using an indicator from the
catalog (`modelh framework measures`). Brand and people have no indicators
yet: add a measure there with status: pending-leadership until they are agreed
with leadership; such a domain counts as covered (MH306 lists it).

Example::

    measures:
      - id: member-nps
        domain: customer
        indicator: nps
      # no strategy, culture, brand, people, process or financial measure
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from modelh.canvas.model import Canvas
from modelh.check.rules import Executive, Hit, Merged
from modelh.check.rules._common import counted_measures
from modelh.check.rules._measures import MEASURES, domain_of
from modelh.framework import vocab

CODE = "MH305"
NAME = "domain-not-measured"
SEVERITY = "warning"
SECTION = "measures"
OPTIONS: dict[str, Any] = {}
MERGED = Merged(
    "domain {item} has no measure",
    "domains {items} have no measure",
    "add a measure in each domain, with an indicator of that domain (modelh framework "
    "measures lists them), or with status: pending-leadership where it has none yet",
)

EXECUTIVE = Executive(
    "Nothing measures the {domain} domain",
    (
        "The method judges relationships in seven domains, from strategy and culture to money "
        "and the customer; where nothing is measured, the model cannot show that its "
        "relationships work."
    ),
    many="Nothing measures the {items} domains",
    over="domain",
)


def check(canvas: Canvas, options: Mapping[str, Any]) -> Iterator[Hit]:
    covered = {domain_of(m) for m in counted_measures(canvas)}
    for domain in vocab.DOMAIN_IDS:
        if domain in covered:
            continue
        indicators = vocab.INDICATOR_IDS[domain]
        if indicators:
            fix = f"add a measure with domain: {domain} and an indicator among: " + ", ".join(
                indicators
            )
        else:
            fix = (
                f"add a measure with domain: {domain} and status: pending-leadership "
                "until its indicator is agreed with leadership"
            )
        yield Hit(MEASURES, f"domain '{domain}' has no measure", fix, about={"domain": domain})
