"""An answer that only stands in for one: TBD, TODO, ???, lorem ipsum, a bare n/a.

Why it matters: a placeholder looks like an answer in the file and in a quick
read, but tells the client nothing; it hides an open question better than an
empty one does. "n/a" without a reason is the same: say why it does not apply.

How to fix: write the answer, or leave the value empty until there is one; if
the question does not apply, say why in a sentence.

Example::

    answers:
      sharing: TBD
      feedback: n/a          # write: "Not applicable: members cannot ..."
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from modelh.canvas.facts import is_placeholder
from modelh.canvas.model import Canvas
from modelh.check.rules import Executive, Hit

CODE = "MH102"
NAME = "placeholder-answer"
SEVERITY = "warning"
SECTION = "answers"
OPTIONS: dict[str, Any] = {}

EXECUTIVE = Executive(
    "The answer to {question} is only a placeholder",
    (
        "A placeholder looks like an answer but tells the client nothing, and hides an open "
        "question better than a blank does."
    ),
    many="The answers to {items} are only placeholders",
    over="question",
)


def check(canvas: Canvas, options: Mapping[str, Any]) -> Iterator[Hit]:
    for question, answer in canvas.answers.items():
        if answer.text is not None and is_placeholder(answer.text):
            yield Hit(
                answer.path,
                f"answer '{question}' is a placeholder: '{answer.text.strip()}'",
                "write the answer, or leave it empty",
            )
        for segment, text in answer.per_segment.items():
            if is_placeholder(text):
                yield Hit(
                    f"{answer.path}.{segment}",
                    f"answer '{question}' for segment '{segment}' is a placeholder: "
                    f"'{text.strip()}'",
                    "write the answer, or leave it empty",
                )
