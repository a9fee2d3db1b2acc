"""The modelH method as data: questions, dimensions, measures, stages and their guidance.

Ids and enums live in :mod:`modelh.framework.vocab`; this package builds the method's
content on top of them and re-exports both. It depends on nothing outside the standard
library and on no other part of modelh.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the content is imported on first use, so that reading vocab is cheap
    from .coaching import COACHING, STAGE_WORK
    from .content import CX_CAPABILITIES, CX_OFFICES, MANAGEMENT_DISCIPLINES
    from .dimensions import DIMENSION_CONSIDERATIONS, DIMENSIONS
    from .entities import (
        TRUST_AT,
        TRUST_BEFORE,
        TRUST_PAST,
        TRUST_POSITIONS,
        Dimension,
        Domain,
        Guidance,
        Indicator,
        Question,
        Stage,
    )
    from .lookup import dimension, domain, indicator, question, stage, stage_index
    from .measures import (
        CUSTOMER_INDICATOR_GROUPS,
        DOMAINS,
        INDICATORS,
        SHARED_EXECUTIVE_MEASURE_GROUPS,
    )
    from .questions import QUESTIONS
    from .stages import STAGES, TRUST_INFLECTION_POINT

from .vocab import (
    CANVAS_KINDS,
    CANVAS_STATUSES,
    CHANNEL_KINDS,
    CX_CAPABILITY_IDS,
    CX_REACH,
    DIGITAL_CHANNEL_KINDS,
    DIMENSION_IDS,
    DIMENSION_USES,
    DOMAIN_IDS,
    DURATION_UNITS,
    FORMAT_VERSION,
    INDICATOR_IDS,
    ITEM_BLOCKS,
    LEVELS,
    MEASURE_DIRECTIONS,
    MEASURE_STATUSES,
    MEASURE_TRACKS,
    NO_USE,
    OFFICES,
    PREFERENCES_FROM_STAGE,
    QUESTION_IDS,
    SEGMENT_KINDS,
    SEGMENT_ROLES,
    STAGE_IDS,
    SYSTEM_KINDS,
    TRUST_INFLECTION_STAGE,
    USED_DIMENSION_USES,
)

_LAZY = {
    "COACHING": "coaching",
    "STAGE_WORK": "coaching",
    "CUSTOMER_INDICATOR_GROUPS": "measures",
    "CX_CAPABILITIES": "content",
    "CX_OFFICES": "content",
    "DIMENSIONS": "dimensions",
    "DIMENSION_CONSIDERATIONS": "dimensions",
    "DOMAINS": "measures",
    "Dimension": "entities",
    "Domain": "entities",
    "Guidance": "entities",
    "INDICATORS": "measures",
    "Indicator": "entities",
    "MANAGEMENT_DISCIPLINES": "content",
    "QUESTIONS": "questions",
    "Question": "entities",
    "SHARED_EXECUTIVE_MEASURE_GROUPS": "measures",
    "STAGES": "stages",
    "Stage": "entities",
    "TRUST_AT": "entities",
    "TRUST_BEFORE": "entities",
    "TRUST_INFLECTION_POINT": "stages",
    "TRUST_PAST": "entities",
    "TRUST_POSITIONS": "entities",
    "dimension": "lookup",
    "domain": "lookup",
    "indicator": "lookup",
    "question": "lookup",
    "stage": "lookup",
    "stage_index": "lookup",
}


def __getattr__(name: str) -> object:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{module}"), name)
    globals()[name] = value
    return value


__all__ = [
    "CANVAS_KINDS",
    "CANVAS_STATUSES",
    "CHANNEL_KINDS",
    "COACHING",
    "CUSTOMER_INDICATOR_GROUPS",
    "CX_CAPABILITIES",
    "CX_CAPABILITY_IDS",
    "CX_OFFICES",
    "CX_REACH",
    "DIGITAL_CHANNEL_KINDS",
    "DIMENSIONS",
    "DIMENSION_CONSIDERATIONS",
    "DIMENSION_IDS",
    "DIMENSION_USES",
    "DOMAINS",
    "DOMAIN_IDS",
    "DURATION_UNITS",
    "FORMAT_VERSION",
    "INDICATORS",
    "INDICATOR_IDS",
    "ITEM_BLOCKS",
    "LEVELS",
    "MANAGEMENT_DISCIPLINES",
    "MEASURE_DIRECTIONS",
    "MEASURE_STATUSES",
    "MEASURE_TRACKS",
    "NO_USE",
    "OFFICES",
    "PREFERENCES_FROM_STAGE",
    "QUESTIONS",
    "QUESTION_IDS",
    "SEGMENT_KINDS",
    "SEGMENT_ROLES",
    "SHARED_EXECUTIVE_MEASURE_GROUPS",
    "STAGES",
    "STAGE_IDS",
    "STAGE_WORK",
    "SYSTEM_KINDS",
    "TRUST_AT",
    "TRUST_BEFORE",
    "TRUST_INFLECTION_POINT",
    "TRUST_INFLECTION_STAGE",
    "TRUST_PAST",
    "TRUST_POSITIONS",
    "USED_DIMENSION_USES",
    "Dimension",
    "Domain",
    "Guidance",
    "Indicator",
    "Question",
    "Stage",
    "dimension",
    "domain",
    "indicator",
    "question",
    "stage",
    "stage_index",
]
