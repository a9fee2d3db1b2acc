"""An answer too short to act on.

Why it matters: a one-line answer ("Digital first.") rarely says who does what,
through which channel, at what cost; the executives reading the report cannot
act on it, and the next workshop starts from nothing.

How to fix: say who, what, through which channel and how it will be measured.
The threshold is the option min_words (default 6), counted per answer, or per
segment for a per-segment answer.

Example::

    answers:
      growth: Word of mouth.        # 3 words

Configuration::

    [tool.modelh.rules.thin-answer]
    min_words = 12
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from modelh.canvas.facts import is_placeholder
from modelh.canvas.model import Canvas
from modelh.check.rules import Executive, Hit
from modelh.check.rules._common import word_count

CODE = "MH103"
NAME = "thin-answer"
SEVERITY = "info"
SECTION = "answers"
OPTIONS: dict[str, Any] = {"min_words": 6}

EXECUTIVE = Executive(
    "The answer to {question} is too short to act on",
    (
        "A one-line answer rarely says who does what, through which channel and at what cost; "
        "the next workshop would start from nothing."
    ),
    many="The answers to {items} are too short to act on",
    over="question",
)


def check(canvas: Canvas, options: Mapping[str, Any]) -> Iterator[Hit]:
    minimum = options["min_words"]
    for question, answer in canvas.answers.items():
        texts = (
            [(answer.path, answer.text, "")]
            if answer.text is not None
            else [
                (f"{answer.path}.{seg}", text, f" for segment '{seg}'")
                for seg, text in answer.per_segment.items()
            ]
        )
        for path, text, scope in texts:
            if text is None or is_placeholder(text):
                continue
            words = word_count(text)
            if words < minimum:
                yield Hit(
                    path,
                    f"answer '{question}'{scope} has {words} "
                    f"word{'s' if words != 1 else ''}; say more than {minimum - 1}",
                    "say who does what, through which channel, and how it is measured",
                )
