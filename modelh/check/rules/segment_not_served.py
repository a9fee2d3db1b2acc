"""No relationship dimension in use serves a segment.

Why it matters: the seven relationship dimensions (information, navigation,
coordination, connection, transition, motivation, monetization) are how the
model keeps its relationship with each segment. A segment that no core or
supporting dimension serves gets a value proposition but no designed
relationship: nobody informs it, guides it or keeps it.

How to fix: add the segment's id to the segments of a dimension whose use is
core or supporting, or leave that dimension's segments empty to serve every
segment. A planned dimension does not count until it is in use.

Example::

    segments: [{id: employers, role: buyer}, {id: members, role: user}]
    customer_relationships:
      dimensions:
        navigation:
          use: core
          segments: [members]       # nothing serves employers
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from modelh.canvas.facts import served_segments
from modelh.canvas.model import Canvas
from modelh.check.rules import Hit

CODE = "MH405"
NAME = "segment-not-served"
SEVERITY = "warning"
SECTION = "segments"
OPTIONS: dict[str, Any] = {}


def check(canvas: Canvas, options: Mapping[str, Any]) -> Iterator[Hit]:
    served = served_segments(canvas)
    if any(dim.is_used for dim in canvas.dimensions.values()):
        why = ""
        fix = "add '{id}' to the segments of a core or supporting dimension"
    else:
        why = " (the canvas uses no relationship dimension yet: none is core or supporting)"
        fix = (
            "choose the dimensions the model uses (use: core or supporting) under "
            "customer_relationships.dimensions, and list '{id}' in their segments"
        )
    for segment in canvas.segments:
        if segment.id not in served:
            yield Hit(
                segment.path,
                f"no relationship dimension serves segment '{segment.id}'{why}",
                fix.format(id=segment.id),
            )
