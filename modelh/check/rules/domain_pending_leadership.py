"""A measurement domain is covered only by measures pending leadership.

Why it matters: the method leaves some indicators (all of brand and people) to
be defined in a conversation with leadership. Marking a measure
pending-leadership keeps that gap known and tracked rather than silent; this
finding lists it so that the conversation is not forgotten.

How to fix: nothing is wrong yet. Once leadership has agreed the indicator,
give the measure its indicator, direction, baseline and target and make its
status active.

Example::

    measures:
      - id: brand-promise
        domain: brand
        status: pending-leadership
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from modelh.canvas.model import Canvas, Measure
from modelh.check.rules import Executive, Hit
from modelh.check.rules._common import counted_measures
from modelh.check.rules._measures import domain_of, quoted
from modelh.framework import vocab

CODE = "MH306"
NAME = "domain-pending-leadership"
SEVERITY = "info"
SECTION = "measures"
OPTIONS: dict[str, Any] = {}

EXECUTIVE = Executive(
    "The {domain} measures are still to be agreed with leadership",
    (
        "The method leaves these indicators to a conversation with leadership: a known, tracked "
        "gap, as long as the conversation takes place."
    ),
    many="The {items} measures are still to be agreed with leadership",
    over="domain",
)


def check(canvas: Canvas, options: Mapping[str, Any]) -> Iterator[Hit]:
    by_domain: dict[str, list[Measure]] = {}
    for measure in counted_measures(canvas):
        domain = domain_of(measure)
        if domain is not None:
            by_domain.setdefault(domain, []).append(measure)
    for domain in vocab.DOMAIN_IDS:
        measures = by_domain.get(domain)
        if not measures or any(m.status != "pending-leadership" for m in measures):
            continue
        ids = [m.id for m in measures]
        yield Hit(
            measures[0].path,
            f"domain '{domain}' is measured only by measures pending leadership: {quoted(ids)}",
            "once leadership agrees the indicator, give the measure a direction, baseline "
            "and target and make it status: active",
            about={"domain": domain},
        )
