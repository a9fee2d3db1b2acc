"""The record types the modelH method is written in, and small helpers to build them.

Every record is a frozen dataclass so the method content cannot be changed at run time.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TypeVar

from .vocab import STAGE_IDS, TRUST_INFLECTION_STAGE

#: Where a value-chain stage sits relative to the Trust Inflection Point.
TRUST_BEFORE = "before"
TRUST_AT = "at"
TRUST_PAST = "past"
TRUST_POSITIONS: tuple[str, ...] = (TRUST_BEFORE, TRUST_AT, TRUST_PAST)


@dataclass(frozen=True)
class Guidance:
    """Coaching text shown to consultants for one step of the method.

    Attributes:
        why: Why the step matters in the method (2-3 sentences).
        good_answer: What a good answer contains (1-3 sentences).
        example: A concrete, realistic example answer (1-3 sentences).
    """

    why: str
    good_answer: str
    example: str


@dataclass(frozen=True)
class Question:
    """One of the eight Customer Relationships questions of the canvas."""

    id: str
    number: int
    title: str
    text: str
    per_segment: bool
    guidance: Guidance


@dataclass(frozen=True)
class Dimension:
    """One of the seven dimensions of healthcare customer relationships."""

    id: str
    number: int
    name: str
    summary: str
    examples: tuple[str, ...]
    guidance: Guidance
    #: The examples (among ``examples``) that are modelh's own, beyond the method's.
    own_examples: tuple[str, ...] = ()


@dataclass(frozen=True)
class Indicator:
    """A named success indicator inside one measurement domain.

    Attributes:
        group: For customer-domain indicators, the title of the group the indicator
            belongs to; None for every other domain.
        tracks: The natural value for a measure's ``tracks`` field, or None when the
            indicator could reasonably track several things.
        pending_leadership: True when the method names the indicator but leaves what
            it counts to be agreed with leadership (revenue attributable to relationships).
    """

    id: str
    name: str
    domain: str
    group: str | None
    tracks: str | None
    description: str
    pending_leadership: bool = False


@dataclass(frozen=True)
class Domain:
    """One of the seven domains in which relationship success is measured.

    Attributes:
        pending_leadership: True when the method names no indicator for the domain
            yet: its indicators are to be defined together with leadership.
    """

    id: str
    number: int
    name: str
    summary: str
    indicators: tuple[Indicator, ...]
    pending_leadership: bool
    guidance: Guidance


@dataclass(frozen=True)
class Stage:
    """One stage of the customer value chain.

    Attributes:
        trust: Position relative to the Trust Inflection Point, one of TRUST_POSITIONS.
    """

    id: str
    number: int
    name: str
    duties: str
    trust: str
    guidance: Guidance


@dataclass(frozen=True)
class Source:
    """A published source modelh draws on, and what it takes from it.

    Attributes:
        credit: How docs and the report credit it (name, and author where known).
        gives: What modelh takes from it.
    """

    id: str
    credit: str
    gives: str


@dataclass(frozen=True)
class Capability:
    """One of the four capabilities of bone-deep CX (``cx.capabilities``)."""

    id: str
    name: str
    summary: str


@dataclass(frozen=True)
class Office:
    """An office that customer experience must reach (front, middle, back).

    Attributes:
        points: What the office needs for the experience, one short phrase each.
    """

    id: str
    name: str
    summary: str
    points: tuple[str, ...]


T = TypeVar("T")


def ordered(items: Iterable[T], ids: tuple[str, ...], key: Callable[[T], str]) -> tuple[T, ...]:
    """Return ``items`` sorted into the order of ``ids``.

    Raises:
        ValueError: if an item's id is unknown or repeated, or an id has no item.
    """
    by_id: dict[str, T] = {}
    for item in items:
        item_id = key(item)
        if item_id not in ids:
            raise ValueError(f"unknown id {item_id!r}; expected one of {', '.join(ids)}")
        if item_id in by_id:
            raise ValueError(f"id {item_id!r} is defined twice")
        by_id[item_id] = item
    missing = [i for i in ids if i not in by_id]
    if missing:
        raise ValueError(f"no entry for id(s): {', '.join(missing)}")
    return tuple(by_id[i] for i in ids)


def trust_position(stage_id: str) -> str:
    """Return where ``stage_id`` sits relative to the Trust Inflection Point."""
    here = STAGE_IDS.index(stage_id)
    tip = STAGE_IDS.index(TRUST_INFLECTION_STAGE)
    if here < tip:
        return TRUST_BEFORE
    if here == tip:
        return TRUST_AT
    return TRUST_PAST
