"""A customer, process or financial measure tracks neither a dimension nor an outcome.

Why it matters: the method asks for two things of measurement: that each
dimension a model uses be tracked and measured, and that the model have
metrics for revenue, cost and health outcomes. A customer, process or
financial measure earns its place by doing one of the two: tracking a
dimension (a dimension lists it) or saying which outcome it tracks (tracks:
revenue, cost, health, experience or operations). One that does neither cannot
be read: nobody can tell which part of the model it speaks for. A measure need
not sit under a dimension: an NPS for the whole plan, or a cost to serve,
tracks an outcome of the model as a whole. Strategy, culture, brand and people
measures concern the whole organization and are left alone.

How to fix: say what the measure tracks (tracks: revenue, cost, health,
experience or operations), or list its id under the measures of the dimension
it tracks, or retire it (status: retired) if the model no longer needs it. A
measure whose indicator is a financial one (cost to serve, relationship
revenue) already says revenue or cost.

Example::

    measures:
      - id: portal-logins
        domain: customer
        # no dimension lists it, and no tracks: what is it for?
      - id: member-nps
        domain: customer
        indicator: nps
        tracks: experience          # quiet: an outcome of the model as a whole
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from modelh.canvas.facts import money_kind
from modelh.canvas.model import Canvas
from modelh.check.rules import Executive, Hit
from modelh.check.rules._common import active_measures
from modelh.check.rules._measures import domain_of

CODE = "MH310"
NAME = "measure-unused"
SEVERITY = "warning"
SECTION = "measures"
OPTIONS: dict[str, Any] = {}
EXECUTIVE = Executive(
    "The measure {measure} is tied to no dimension and no outcome",
    "Nobody can tell which part of the model such a measure speaks for.",
    many="The measures {items} are tied to no dimension and no outcome",
    over="measure",
)

#: Domains whose measures track a dimension or an outcome; the others are organization-wide.
_DIMENSION_DOMAINS = ("customer", "process", "financial")


def check(canvas: Canvas, options: Mapping[str, Any]) -> Iterator[Hit]:
    listed = {mid for dim in canvas.dimensions.values() for mid in dim.measures}
    for measure in active_measures(canvas):
        if measure.id in listed or domain_of(measure) not in _DIMENSION_DOMAINS:
            continue
        if measure.tracks is not None or money_kind(measure) is not None:
            continue
        yield Hit(
            f"{measure.path}.tracks",
            f"measure '{measure.id}' ({domain_of(measure)}) tracks no dimension and does not "
            "say which outcome it tracks",
            "write 'tracks:' (revenue, cost, health, experience or operations), or add "
            f"'{measure.id}' to the measures of the dimension it tracks "
            "(customer_relationships.dimensions.<id>.measures), or retire it",
        )
