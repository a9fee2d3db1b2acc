"""A canvas question has no answer.

Why it matters: the eight Customer Relationships questions are the heart of the
modelH canvas; an unanswered one is a relationship decision nobody has made yet,
and the report will show it as a gap to the executives who read it.

How to fix: answer the question under customer_relationships.answers (run
`modelh framework questions ID` for what a good answer holds).

Example::

    customer_relationships:
      answers:
        cost:              # empty: not answered yet
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from modelh.canvas.model import Canvas
from modelh.check.rules import Executive, Hit, Merged
from modelh.framework import QUESTIONS

CODE = "MH101"
NAME = "question-unanswered"
SEVERITY = "warning"
SECTION = "answers"
OPTIONS: dict[str, Any] = {}
MERGED = Merged(
    "question {item} is not answered",
    "questions {items} are not answered",
    "answer each under customer_relationships.answers (modelh framework questions "
    "shows them with their guidance)",
)

EXECUTIVE = Executive(
    "The question {question} is not answered yet",
    (
        "The eight relationship questions are the heart of the modelH canvas: each one open is a "
        "relationship decision nobody has taken yet."
    ),
    many="The questions {items} are not answered yet",
    over="question",
)


def check(canvas: Canvas, options: Mapping[str, Any]) -> Iterator[Hit]:
    for question in QUESTIONS:
        if question.id not in canvas.answers:
            yield Hit(
                f"customer_relationships.answers.{question.id}",
                f"question {question.number} '{question.id}' is not answered",
                f"answer it under customer_relationships.answers.{question.id}: {question.text}",
            )
