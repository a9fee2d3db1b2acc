"""Lookups by id that fail with a clear message for unknown ids."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TypeVar

from .content import CAPABILITIES, CX_OFFICE_DETAILS
from .dimensions import DIMENSIONS
from .entities import Capability, Dimension, Domain, Indicator, Office, Question, Stage
from .measures import DOMAINS, INDICATORS
from .questions import QUESTIONS
from .stages import STAGES
from .vocab import STAGE_IDS

T = TypeVar("T")

_QUESTIONS_BY_ID: dict[str, Question] = {q.id: q for q in QUESTIONS}
_DIMENSIONS_BY_ID: dict[str, Dimension] = {d.id: d for d in DIMENSIONS}
_DOMAINS_BY_ID: dict[str, Domain] = {d.id: d for d in DOMAINS}
_STAGES_BY_ID: dict[str, Stage] = {s.id: s for s in STAGES}
_CAPABILITIES_BY_ID: dict[str, Capability] = {c.id: c for c in CAPABILITIES}
_OFFICES_BY_ID: dict[str, Office] = {o.id: o for o in CX_OFFICE_DETAILS}


def _find(kind: str, table: Mapping[str, T], id: str) -> T:
    """Return ``table[id]`` or raise KeyError naming the kind and the valid ids."""
    try:
        return table[id]
    except (KeyError, TypeError):
        raise KeyError(f"unknown {kind} id {id!r}; expected one of: {', '.join(table)}") from None


def question(id: str) -> Question:
    """Return the Customer Relationships question with this id.

    Raises:
        KeyError: if ``id`` is not in QUESTION_IDS.
    """
    return _find("question", _QUESTIONS_BY_ID, id)


def dimension(id: str) -> Dimension:
    """Return the relationship dimension with this id.

    Raises:
        KeyError: if ``id`` is not in DIMENSION_IDS.
    """
    return _find("dimension", _DIMENSIONS_BY_ID, id)


def domain(id: str) -> Domain:
    """Return the measurement domain with this id.

    Raises:
        KeyError: if ``id`` is not in DOMAIN_IDS.
    """
    return _find("domain", _DOMAINS_BY_ID, id)


def stage(id: str) -> Stage:
    """Return the value-chain stage with this id.

    Raises:
        KeyError: if ``id`` is not in STAGE_IDS.
    """
    return _find("stage", _STAGES_BY_ID, id)


def indicator(id: str) -> Indicator:
    """Return the success indicator with this id, from any domain.

    Raises:
        KeyError: if ``id`` is not one of the indicators in INDICATOR_IDS.
    """
    return _find("indicator", INDICATORS, id)


def stage_index(id: str) -> int:
    """Return the 0-based position of a stage in the value chain.

    Raises:
        KeyError: if ``id`` is not in STAGE_IDS.
    """
    return STAGE_IDS.index(stage(id).id)


def capability(id: str) -> Capability:
    """Return the bone-deep CX capability with this id.

    Raises:
        KeyError: if ``id`` is not in CX_CAPABILITY_IDS.
    """
    return _find("capability", _CAPABILITIES_BY_ID, id)


def office(id: str) -> Office:
    """Return the office (front, middle, back) with this id, and what it needs.

    Raises:
        KeyError: if ``id`` is not in OFFICES.
    """
    return _find("office", _OFFICES_BY_ID, id)
