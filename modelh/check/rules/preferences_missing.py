"""A segment at engage or beyond has no preferences captured.

Why it matters: trust tips during the engage stage, at the Trust Inflection
Point. From there on the company must recognise each customer: their
preferences (language, appointment times, distance from home, channel) and
what they already said, so nobody is asked twice and messages, reminders and
scheduling are personal. Those preferences are collected while interacting; a
segment at engage, collaborate or innovate with none on record cannot be
recognised.

How to fix: list the preferences captured for the segment under preferences,
or move its stage back to interact if they are not being captured yet.
Placeholders (TBD, TODO) do not count.

Example::

    segments:
      - id: physicians
        stage: engage
        preferences: []             # nothing captured
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from modelh.canvas.facts import asks_preferences, captured_preferences, trust
from modelh.canvas.model import Canvas
from modelh.check.rules import Executive, Hit

CODE = "MH410"
NAME = "preferences-missing"
SEVERITY = "warning"
SECTION = "segments"
OPTIONS: dict[str, Any] = {}

EXECUTIVE = Executive(
    "{segment} have reached the Trust Inflection Point, yet none of their preferences is on record",
    (
        "From the engage stage on, the company must recognise each customer; without their "
        "preferences it can neither personalise nor avoid asking twice."
    ),
    many=(
        "{items} have reached the Trust Inflection Point, yet none of their preferences is on "
        "record"
    ),
    over="segment",
)


def check(canvas: Canvas, options: Mapping[str, Any]) -> Iterator[Hit]:
    for segment in canvas.segments:
        if not asks_preferences(segment.stage):
            continue
        if captured_preferences(segment):
            continue
        where = trust(segment.stage)
        yield Hit(
            f"{segment.path}.preferences",
            f"segment '{segment.id}' is at {segment.stage}, {where} the Trust Inflection "
            "Point, but has no preferences captured",
            "list under preferences what the segment's customers prefer (language, "
            "appointment times, channel) so every contact can recognise them",
        )
