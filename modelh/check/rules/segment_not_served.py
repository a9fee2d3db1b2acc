"""No relationship dimension in use serves a segment.

Why it matters: the seven relationship dimensions (information, navigation,
coordination, connection, transition, motivation, monetization) are how the
model keeps its relationship with each segment. A segment that no core or
supporting dimension serves gets a value proposition but no designed
relationship: nobody informs it, guides it or keeps it.

How to fix: serve the segment in a dimension whose use is core or supporting:
add its id to that dimension's segments (a list of ids), or give it a degree,
core or supporting, in the dimension's mix (segment id: degree). A dimension
with no segments serves every segment. A planned dimension does not count
until it is in use.

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
from modelh.canvas.model import Canvas, DimensionUse
from modelh.check.rules import Executive, Hit

CODE = "MH405"
NAME = "segment-not-served"
SEVERITY = "warning"
SECTION = "segments"
OPTIONS: dict[str, Any] = {}

EXECUTIVE = Executive(
    "No relationship dimension serves {segment}",
    (
        "They are offered a value proposition but no designed relationship: nobody informs them, "
        "guides them or keeps them."
    ),
    many="No relationship dimension serves {items}",
    over="segment",
)


def check(canvas: Canvas, options: Mapping[str, Any]) -> Iterator[Hit]:
    served = served_segments(canvas)
    used = [dim for dim in canvas.dimensions.values() if dim.is_used]
    why = (
        ""
        if used
        else " (the canvas uses no relationship dimension yet: none is core or supporting)"
    )
    for segment in canvas.segments:
        if segment.id not in served:
            yield Hit(
                segment.path,
                f"no relationship dimension serves segment '{segment.id}'{why}",
                _fix(segment.id, used),
            )


def _fix(seg: str, used: list[DimensionUse]) -> str:
    """How to serve ``seg``, in the form the used dimensions' segments are written in."""
    if not used:
        return (
            "choose the dimensions the model uses (use: core or supporting) under "
            f"customer_relationships.dimensions, and list '{seg}' in their segments "
            f"(in a mix: '{seg}: supporting')"
        )
    mixes = [dim for dim in used if dim.mix]
    if not mixes:
        return f"add '{seg}' to the segments of a core or supporting dimension"
    at_none = next((dim for dim in mixes if seg in dim.mix), None)
    if at_none is not None:
        return (
            f"'{seg}' is none in the mix of {at_none.id}: make it '{seg}: supporting' "
            "(or core) there, or serve it in another core or supporting dimension"
        )
    lists = " (in a list of segments, its id)" if len(mixes) < len(used) else ""
    return (
        f"add '{seg}: supporting' (or core) to the mix of {mixes[0].id}'s segments, "
        f"or serve it in another core or supporting dimension{lists}"
    )
