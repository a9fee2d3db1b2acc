"""A journey without its journey time: how long one journey takes, now and aimed for.

Why it matters: the method's journey map prioritizes reducing journey time,
the time a customer takes to complete one journey, before adding features,
because satisfaction follows ease of use more than a rich feature list. A
journey with no time today and no time aimed for cannot show whether fixing
its touches made it easier, and modelh's touch priority has no journey-time
gap to weigh.

How to fix: under the journey, write time: with current (how long it takes
today) and target (how long it should take), as durations such as "6 days" or
"90 minutes"; baseline (when tracking started) and due help the report show
progress.

Example::

    journeys:
      - id: home-after-discharge
        name: Home after a hospital stay
        segment: ma-members
        # time: missing -- how many days from discharge to a settled routine?
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from modelh.canvas.model import Canvas
from modelh.check.rules import Executive, Hit

CODE = "MH501"
NAME = "journey-no-time"
SEVERITY = "warning"
SECTION = "journeys"
OPTIONS: dict[str, Any] = {}

EXECUTIVE = Executive(
    "The journey {journey} lacks its journey time, today or as aimed for",
    (
        "The journey map puts reducing journey time before adding features, since satisfaction "
        "follows ease of use; only the time shows whether fixing a journey made it easier."
    ),
    many="The journeys {items} lack their journey time, today or as aimed for",
    over="journey",
)


def check(canvas: Canvas, options: Mapping[str, Any]) -> Iterator[Hit]:
    for journey in canvas.journeys:
        time = journey.time
        if time is None or (time.baseline, time.current, time.target) == (None, None, None):
            yield Hit(
                f"{journey.path}.time",
                f"journey '{journey.id}' has no journey time",
                "write 'time:' under the journey with current (how long one journey takes "
                'today) and target, as durations such as "6 days"',
            )
            continue
        for key in ("current", "target"):
            if getattr(time, key) is None:
                yield Hit(
                    f"{time.path}.{key}",
                    f"journey '{journey.id}' has no {key} journey time",
                    f"write '{key}:' under the journey's time, as a duration such as "
                    '"2 days" or "90 minutes"',
                )
