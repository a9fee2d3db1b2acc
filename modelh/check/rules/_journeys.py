"""Helpers the journey and bone-deep CX rules (MH5xx, MH6xx) share."""

from __future__ import annotations

from collections.abc import Iterator

from modelh.canvas.model import Canvas, Journey, Touch

#: The segment kinds whose journeys are members' journeys (the member side of a payer).
MEMBER_KINDS = ("member", "patient", "caregiver")


def touch_label(touch: Touch) -> str:
    """How a message names a touch: its id, else its name."""
    return touch.id or touch.name


def high_pain_touches(canvas: Canvas) -> Iterator[tuple[Journey, Touch]]:
    """Every touch with pain: high, with its journey, in file order."""
    for journey in canvas.journeys:
        for touch in journey.touches:
            if touch.pain == "high":
                yield journey, touch
