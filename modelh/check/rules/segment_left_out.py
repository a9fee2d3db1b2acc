"""A per-segment answer that leaves a segment out.

Why it matters: the method asks some questions segment by segment (what
relationship each segment expects, who influences each segment). Buyers and
users expect different things; a segment left out is a relationship nobody
designed.

How to fix: add the missing segment's answer under the question, keyed by its
segment id.

Example::

    segments: [{id: members}, {id: employers}]
    answers:
      expectations:
        members: A named nurse who calls back the same day.
        # employers: missing
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from modelh.canvas.model import Canvas
from modelh.check.rules import Executive, Hit, Merged

CODE = "MH104"
NAME = "segment-left-out"
SEVERITY = "warning"
SECTION = "answers"
OPTIONS: dict[str, Any] = {}
MERGED = Merged(
    "answer '{question}' leaves out segment {item}",
    "answer '{question}' leaves out segments {items}",
    "add a line 'segment-id: answer' for each under customer_relationships.answers.{question}",
)

EXECUTIVE = Executive(
    "The answer to {question} says nothing for {segment}",
    (
        "Buyers and users expect different relationships; a segment left out is a relationship "
        "nobody designed."
    ),
    many="The answer to {question} says nothing for {items}",
    over="segment",
)


def check(canvas: Canvas, options: Mapping[str, Any]) -> Iterator[Hit]:
    ids = [s.id for s in canvas.segments]
    for question, answer in canvas.answers.items():
        if not answer.per_segment:
            continue
        for seg in ids:
            if seg not in answer.per_segment:
                yield Hit(
                    f"{answer.path}.{seg}",
                    f"answer '{question}' leaves out segment '{seg}'",
                    f"add '{seg}: ...' under customer_relationships.answers.{question}",
                )
