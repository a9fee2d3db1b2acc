"""No measure tracks the feedback loop from customers, or from providers.

Why it matters: the process domain asks whether the relationship process is
understood and used, and the method names its two indicators: feedback loops
from customers and from providers. Collecting feedback is not enough; a loop
is closed when someone acts on it and tells the person who raised it, and
only a measure shows whether that happens.

How to fix: add a process measure with indicator: customer-feedback-loop (for
example, detractor comments closed with the member within 7 days) and one with
indicator: provider-feedback-loop (for example, practice-reported issues
resolved within 30 days).

Example::

    measures:
      - id: detractor-follow-up
        domain: process
        indicator: customer-feedback-loop
      # no provider-feedback-loop measure
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from modelh.canvas.facts import feedback_loops
from modelh.canvas.model import Canvas
from modelh.check.rules import Executive, Hit, Merged
from modelh.check.rules._common import counted_measures
from modelh.check.rules._measures import MEASURES

CODE = "MH308"
NAME = "no-feedback-loop"
SEVERITY = "warning"
SECTION = "measures"
OPTIONS: dict[str, Any] = {}
MERGED = Merged(
    "no measure tracks the feedback loop from {item}",
    "no measure tracks the feedback loop from {items_or}",
)
EXECUTIVE = Executive(
    "No measure shows whether feedback from {source} is acted on",
    (
        "A feedback loop is closed only when someone acts on it and tells the person who raised "
        "it, and only a measure shows that this happens."
    ),
    many="No measure shows whether feedback from {items_or} is acted on",
    over="source",
)

_LOOPS = (
    ("customer-feedback-loop", "customers", "detractor comments closed within 7 days"),
    ("provider-feedback-loop", "providers", "practice-reported issues resolved within 30 days"),
)


def check(canvas: Canvas, options: Mapping[str, Any]) -> Iterator[Hit]:
    measured = feedback_loops(counted_measures(canvas))
    for indicator, source, example in _LOOPS:
        if indicator not in measured:
            yield Hit(
                MEASURES,
                f"no measure tracks the feedback loop from {source}",
                f"add a process measure with indicator: {indicator}, e.g. {example}",
                about={"source": source},
            )
