"""No value proposition is built for a segment.

Why it matters: the method runs from segments to value propositions to the
experiences that deliver them. A segment no value proposition lists is one the
model names but offers nothing to: there is nothing to market to it, nothing
for its relationships to make visible, and nothing it will pay for or use.

How to fix: add the segment's id to the segments of the value proposition
built for it, or write a value proposition for it. If the segment is not part
of this model after all, remove it.

Example::

    segments: [{id: employers, role: buyer}, {id: members, role: user}]
    value_propositions:
      - id: virtual-clinic
        segments: [members]         # nothing for employers
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from modelh.canvas.model import Canvas
from modelh.check.rules import Executive, Hit

CODE = "MH404"
NAME = "segment-no-value-proposition"
SEVERITY = "warning"
SECTION = "segments"
OPTIONS: dict[str, Any] = {}

EXECUTIVE = Executive(
    "No value proposition is built for {segment}",
    "The model names them but offers them nothing to buy, use or hear about.",
    many="No value proposition is built for {items}",
    over="segment",
)


def check(canvas: Canvas, options: Mapping[str, Any]) -> Iterator[Hit]:
    listed = {seg for vp in canvas.value_propositions for seg in vp.segments}
    none_yet = "" if canvas.value_propositions else " (the canvas has no value propositions yet)"
    for segment in canvas.segments:
        if segment.id not in listed:
            yield Hit(
                segment.path,
                f"no value proposition is built for segment '{segment.id}'{none_yet}",
                f"add '{segment.id}' to the segments of a value proposition, "
                "or write one for it under value_propositions",
            )
