"""The completeness score: what a consultant sees move as a canvas fills in."""

from __future__ import annotations

from modelh.canvas.loader import parse_canvas
from modelh.check.completeness import completeness

CANVAS = """\
modelh: 1
canvas:
  title: T
  organization: O
channels:
  - id: app
    name: Member app
customer_relationships:
  measures:
    - id: reads
      name: Articles read
      domain: customer
      indicator: comprehension
  dimensions:
    information:
      use: core
      approach: Plain-language articles on every benefit.
      channels: [app]
      message: You can understand your plan.
      measures: [reads]
      owner: Member services
{care}"""


def score(care: str) -> int:
    return completeness(parse_canvas(CANVAS.format(care=care), "c.yaml"))["dimensions"]


def test_a_dimension_needs_both_emotional_support_and_physical_comfort_to_count_fully():
    neither = score("")
    emotional = score("      emotional_support: A nurse calls back the same day.\n")
    physical = score("      physical_comfort: Large print and audio versions.\n")
    both = score(
        "      emotional_support: A nurse calls back the same day.\n"
        "      physical_comfort: Large print and audio versions.\n"
    )
    assert neither < emotional == physical < both
