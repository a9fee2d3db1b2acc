"""Touch and journey priority: modelh's own score on the method's order.

The method (modelH's journey map, with McKinsey research as the modelH blog
reports it) orders the work on a journey map: first the touches that move the
needle for customers and for cost, then digital journeys before manual ones,
and reducing journey time before adding features. It gives no formula; this
score is modelh's own, a transparent sum of those three parts, each shown in
its explanation, so a consultant can see why a touch comes first and argue
with it.

Per touch, out of 10:

- **needle** (0-6): the touch's pain plus its cost, each high 3, medium 2,
  low 1, not rated 0: what it does to customers and what it costs the company.
- **digital** (0 or 2): 2 when the touch is digital (its channel's kind is
  digital, email, chat or sms), 0 when manual or without a channel.
- **time** (0-2): 2 x the touch's share of its journey's current time (the
  touch's ``time`` / the journey's ``time.current``, at most 1), counted only
  while the journey is slower than its target (``current`` > ``target``):
  where cutting journey time can still come from.

Per journey, out of 10:

- **needle** (0-6): the highest needle among its touches.
- **digital** (0 or 2): 2 when the journey is digital-first (at least half its
  touches digital).
- **time** (0-2): 2 x the journey-time gap, the share of today's time still to
  cut: (``current`` - ``target``) / ``current``, 0 when at or under target or
  when either is missing.

Touches and journeys are ranked by score, ties broken by needle, then
digital, then time, then their order in the file. Nothing here prints.
"""

from __future__ import annotations

from dataclasses import dataclass

from modelh.canvas.model import Canvas, Journey, Touch

#: Points for a touch's pain or cost, by level (not rated: 0).
LEVEL_POINTS: dict[str, int] = {"high": 3, "medium": 2, "low": 1}
#: Points for a digital touch, or a digital-first journey.
DIGITAL_POINTS = 2
#: The most the time part gives.
TIME_POINTS = 2.0
#: The most a score can be.
MAX_SCORE = 2 * max(LEVEL_POINTS.values()) + DIGITAL_POINTS + TIME_POINTS

#: The formula in one line, for JSON and the report.
FORMULA = (
    "touch: needle (pain + cost, each high 3, medium 2, low 1) + digital 2 + "
    "time 2 x (touch time / journey current time, while current > target); "
    "journey: highest touch needle + digital-first 2 + time 2 x (current - target) / current"
)


@dataclass(frozen=True)
class TouchPriority:
    """One touch's priority score and its parts.

    ``time_share`` is the touch's share of its journey's current time (None
    when either is missing); ``time_points`` counts it only while the journey
    is slower than its target.
    """

    journey: str
    touch: str  # the touch's id, else its name
    name: str
    path: str
    position: int  # 1-based, in the order the customer meets the touches
    pain: str | None
    cost: str | None
    needle: int
    digital: bool
    time_share: float | None
    time_points: float
    score: float
    rank: int = 0  # 1-based across every touch of the canvas

    @property
    def digital_points(self) -> int:
        return DIGITAL_POINTS if self.digital else 0

    def why(self) -> str:
        """The score's sum written out: ``pain high 3 + cost medium 2 + ... = 7.7``."""
        parts = [
            f"pain {self.pain or 'not rated'} {LEVEL_POINTS.get(self.pain or '', 0)}",
            f"cost {self.cost or 'not rated'} {LEVEL_POINTS.get(self.cost or '', 0)}",
            f"{'digital' if self.digital else 'manual'} {self.digital_points}",
            f"time {_number(self.time_points)}"
            + (f" ({round(self.time_share * 100)}% of the journey)" if self.time_share else ""),
        ]
        return " + ".join(parts) + f" = {_number(self.score)}"

    def to_dict(self) -> dict[str, object]:
        return {
            "journey": self.journey,
            "touch": self.touch,
            "name": self.name,
            "path": self.path,
            "position": self.position,
            "rank": self.rank,
            "score": self.score,
            "needle": self.needle,
            "pain": self.pain,
            "cost": self.cost,
            "digital": self.digital,
            "digital_points": self.digital_points,
            "time_share": self.time_share,
            "time_points": self.time_points,
            "why": self.why(),
        }


@dataclass(frozen=True)
class JourneyPriority:
    """One journey's priority score, its parts, and its touches by priority.

    ``time_gap`` is the share of today's journey time still to cut (None when
    current or target is missing); ``progress`` the share of the way from
    baseline to target already made (None without all three, or when the
    baseline is not above the target).
    """

    journey: str
    name: str
    segment: str
    path: str
    needle: int
    digital_first: bool
    time_gap: float | None
    progress: float | None
    time_points: float
    score: float
    touches: tuple[TouchPriority, ...]
    rank: int = 0

    @property
    def digital_points(self) -> int:
        return DIGITAL_POINTS if self.digital_first else 0

    def why(self) -> str:
        """The score's sum written out."""
        parts = [
            f"highest touch needle {self.needle}",
            f"{'digital-first' if self.digital_first else 'manual-first'} {self.digital_points}",
            f"time {_number(self.time_points)}"
            + (f" ({round(self.time_gap * 100)}% of today's time to cut)" if self.time_gap else ""),
        ]
        return " + ".join(parts) + f" = {_number(self.score)}"

    def to_dict(self) -> dict[str, object]:
        return {
            "journey": self.journey,
            "name": self.name,
            "segment": self.segment,
            "path": self.path,
            "rank": self.rank,
            "score": self.score,
            "needle": self.needle,
            "digital_first": self.digital_first,
            "digital_points": self.digital_points,
            "time_gap": self.time_gap,
            "progress": self.progress,
            "time_points": self.time_points,
            "why": self.why(),
            "touches": [t.to_dict() for t in self.touches],
        }


def _number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else str(value)


def _round(value: float) -> float:
    return round(value, 2)


def _needle(touch: Touch) -> int:
    return LEVEL_POINTS.get(touch.pain or "", 0) + LEVEL_POINTS.get(touch.cost or "", 0)


def _slower_than_target(journey: Journey) -> bool:
    time = journey.time
    return (
        time is not None
        and time.current is not None
        and time.target is not None
        and time.current.minutes > time.target.minutes
    )


def _touch(canvas: Canvas, journey: Journey, touch: Touch, position: int) -> TouchPriority:
    needle = _needle(touch)
    digital = canvas.is_digital(touch)
    share = None
    current = journey.time.current if journey.time is not None else None
    if touch.time is not None and current is not None and current.minutes > 0:
        share = min(1.0, touch.time.minutes / current.minutes)
    time_points = _round(TIME_POINTS * share) if share and _slower_than_target(journey) else 0.0
    score = _round(needle + (DIGITAL_POINTS if digital else 0) + time_points)
    return TouchPriority(
        journey=journey.id,
        touch=touch.id or touch.name,
        name=touch.name,
        path=touch.path,
        position=position,
        pain=touch.pain,
        cost=touch.cost,
        needle=needle,
        digital=digital,
        time_share=None if share is None else _round(share),
        time_points=time_points,
        score=score,
    )


def _order(item: TouchPriority | JourneyPriority) -> tuple[float, int, int, float]:
    digital = item.digital if isinstance(item, TouchPriority) else item.digital_first
    return (-item.score, -item.needle, -int(digital), -item.time_points)


def _journey(canvas: Canvas, journey: Journey) -> JourneyPriority:
    touches = [_touch(canvas, journey, t, i) for i, t in enumerate(journey.touches, start=1)]
    digital = sum(t.digital for t in touches)
    digital_first = bool(touches) and 2 * digital >= len(touches)
    gap = progress = None
    time = journey.time
    if time is not None and time.current is not None and time.target is not None:
        now, aim = time.current.minutes, time.target.minutes
        gap = max(0.0, (now - aim) / now) if now > 0 else 0.0
        if time.baseline is not None and time.baseline.minutes > aim:
            start = time.baseline.minutes
            progress = _round((start - now) / (start - aim))
    needle = max((t.needle for t in touches), default=0)
    time_points = _round(TIME_POINTS * gap) if gap else 0.0
    score = _round(needle + (DIGITAL_POINTS if digital_first else 0) + time_points)
    return JourneyPriority(
        journey=journey.id,
        name=journey.name,
        segment=journey.segment,
        path=journey.path,
        needle=needle,
        digital_first=digital_first,
        time_gap=None if gap is None else _round(gap),
        progress=progress,
        time_points=time_points,
        score=score,
        touches=tuple(sorted(touches, key=_order)),  # stable: file order breaks the last ties
    )


def journey_priority(canvas: Canvas, journey: Journey) -> JourneyPriority:
    """One journey's priority, with its touches ranked (their ``rank`` left unset)."""
    return _journey(canvas, journey)


def journey_priorities(canvas: Canvas) -> list[JourneyPriority]:
    """Every journey of the canvas ranked by priority, each with its touches ranked.

    A touch's ``rank`` is its place among all the canvas's touches.
    """
    journeys = [_journey(canvas, j) for j in canvas.journeys]
    # the records were made just above and are not shared yet: their ranks are set in
    # place (dataclasses.replace would copy each one again)
    touches = sorted((t for j in journeys for t in j.touches), key=_order)
    for rank, touch in enumerate(touches, start=1):
        object.__setattr__(touch, "rank", rank)
    ranked = sorted(journeys, key=_order)
    for rank, journey in enumerate(ranked, start=1):
        object.__setattr__(journey, "rank", rank)
    return ranked


def touch_priorities(canvas: Canvas) -> list[TouchPriority]:
    """Every touch of the canvas, ranked by priority across journeys."""
    touches = [t for j in journey_priorities(canvas) for t in j.touches]
    return sorted(touches, key=lambda t: t.rank)


def priority_data(canvas: Canvas) -> dict[str, object]:
    """The priorities as plain data (for ``modelh check --format json``)."""
    return {
        "formula": FORMULA,
        "max_score": MAX_SCORE,
        "journeys": [j.to_dict() for j in journey_priorities(canvas)],
    }
