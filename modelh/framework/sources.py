"""Where the method's ideas come from, and which choices are modelh's own.

modelh encodes modelH's canvas beside ideas from other published sources. Docs,
``modelh framework`` and the report credit each idea to its source where they
show it, and present modelh's own readings as modelh's, never as a source's.
"""

from __future__ import annotations

from .entities import Source

MODELH = "modelh"
DIGITAL_STRATEGY_YOGA = "digital-strategy-yoga"
BONE_DEEP_CX = "bone-deep-cx"
SYSTEMS_NOT_SMILES = "systems-behind-the-smiles"
JOURNEY_RESEARCH = "journey-research"

#: The published sources, in the order docs and the report list them.
SOURCES: tuple[Source, ...] = (
    Source(
        MODELH,
        "modelH, imagine.GO's business-model canvas for healthcare",
        "The eight Customer Relationships questions, the seven relationship dimensions, the "
        "success indicators in seven domains, buyer and user, and the journey map as the "
        "first customer-experience project.",
    ),
    Source(
        DIGITAL_STRATEGY_YOGA,
        "Digital Strategy Yoga",
        "The five-stage customer value chain and the Trust Inflection Point; modelh uses them "
        "beside modelH, and they are not modelH's own.",
    ),
    Source(
        BONE_DEEP_CX,
        'West Monroe, "bone-deep" customer experience',
        "The four customer-experience capabilities and their reach across the front, middle "
        "and back office.",
    ),
    Source(
        SYSTEMS_NOT_SMILES,
        'Fritz Haimberger, "Systems behind the smiles" (2016), after the chapter "Systems, '
        'Not Smiles" of the book Customers for Life',
        "That 40 to 60 percent of customer dissatisfaction comes from the systems front-line "
        "staff rely on, not from the staff.",
    ),
    Source(
        JOURNEY_RESEARCH,
        "McKinsey research, as the modelH blog reports it",
        "The journey-prioritization findings: digital-first journeys score higher, and "
        "satisfaction follows ease of use.",
    ),
)

_BY_ID = {s.id: s for s in SOURCES}

#: Which source each part of the method shown by ``modelh framework`` comes from.
TOPIC_SOURCES: dict[str, tuple[str, ...]] = {
    "questions": (MODELH,),
    "dimensions": (MODELH,),
    "measures": (MODELH,),
    "stages": (DIGITAL_STRATEGY_YOGA,),
    "journeys": (MODELH, JOURNEY_RESEARCH),
    "cx": (BONE_DEEP_CX, SYSTEMS_NOT_SMILES),
}


def source(id: str) -> Source:
    """Return the source with this id.

    Raises:
        KeyError: if ``id`` is not one of SOURCES.
    """
    try:
        return _BY_ID[id]
    except KeyError:
        raise KeyError(f"unknown source id {id!r}; expected one of: {', '.join(_BY_ID)}") from None


def credit_line(topic: str) -> str:
    """``Source: ...`` for a topic of the method (questions, stages, cx, ...).

    Raises:
        KeyError: if ``topic`` is not in TOPIC_SOURCES.
    """
    return "Source: " + "; ".join(source(s).credit for s in TOPIC_SOURCES[topic]) + "."


#: modelh's own readings, not the sources': (what, the reading). Docs and the report
#: present these as modelh's wherever they show them.
MODELH_OWN: tuple[tuple[str, str], ...] = (
    (
        "Stage skipping",
        "Aiming a segment two stages ahead within one plan is not skipping in itself; a plan "
        "skips a stage when it shows none of that stage's work, such as no preferences "
        "captured for a segment aimed past interact.",
    ),
    (
        "Rating scales",
        "A dimension's use (core, supporting, planned, none), a CX capability's reach in an "
        "office (absent, partial, established), and high, medium or low for a touch's pain "
        "and cost and for a system's pain are modelh's scales.",
    ),
    (
        "Touch priority",
        "The touch and journey priority score is modelh's transparent combination of the "
        "method's order: the needle for customers and for cost, digital before manual, "
        "journey time before features.",
    ),
    (
        "Kinds",
        "The canvas kind and the segment kinds are modelh's, so that its checks can tell a "
        "payer's canvas and provider segments apart.",
    ),
    (
        "Examples, scores and severities",
        "The dimension examples beyond the method's own, the completeness score, and the "
        "severity of every check are modelh's.",
    ),
)
