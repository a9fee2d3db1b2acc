"""The method's fixed vocabulary: every id and enum value, written once.

The loader, the JSON Schema, the checker, the interview and the report all read
these tuples; nothing else in modelh spells them out.
"""

from __future__ import annotations

#: Format version this release reads and writes (`modelh: 1`).
FORMAT_VERSION = 1

#: The eight Customer Relationships questions, in the method's order.
QUESTION_IDS: tuple[str, ...] = (
    "dimensions",
    "expectations",
    "cost",
    "marketing",
    "sharing",
    "feedback",
    "influencers",
    "growth",
)

#: The seven relationship dimensions, in the method's order.
DIMENSION_IDS: tuple[str, ...] = (
    "information",
    "navigation",
    "coordination",
    "connection",
    "transition",
    "motivation",
    "monetization",
)

#: The seven measurement domains, in the method's order.
DOMAIN_IDS: tuple[str, ...] = (
    "strategy",
    "culture",
    "brand",
    "people",
    "process",
    "financial",
    "customer",
)

#: Indicator ids by domain (brand and people are still to be defined with leadership).
INDICATOR_IDS: dict[str, tuple[str, ...]] = {
    "strategy": ("relationship-strategy", "implementation-plan", "maturity-curve"),
    "culture": (
        "focus-effectiveness",
        "shared-executive-measure",
        "company-wide-measure",
        "relationship-dashboard",
    ),
    "brand": (),
    "people": (),
    "process": ("provider-feedback-loop", "customer-feedback-loop"),
    "financial": (
        "relationship-revenue",
        "cost-to-serve",
        "cost-to-satisfy-by-channel",
        "cost-to-serve-ratio",
    ),
    "customer": (
        "csat",
        "nps",
        "ces",
        "reach-to-lead",
        "lead-to-customer",
        "retention-rate",
        "referral-rate",
        "call-center",
        "compliance",
        "comprehension",
        "application-speed",
        "resolution-speed",
        "complaints",
        "kudos",
        "touchpoint-satisfaction",
        "quality-score",
        "likelihood-to-recommend",
    ),
}

#: The five value-chain stages, in order.
STAGE_IDS: tuple[str, ...] = ("communicate", "interact", "engage", "collaborate", "innovate")

#: Trust tips during this stage: a segment here stands at the Trust Inflection Point.
TRUST_INFLECTION_STAGE = "engage"

#: From this stage on, a segment's preferences must already be known.
PREFERENCES_FROM_STAGE = "engage"

CANVAS_STATUSES: tuple[str, ...] = ("draft", "review", "final")
#: Whose model a canvas is (``canvas.kind``).
CANVAS_KINDS: tuple[str, ...] = ("health-plan", "provider", "digital-health", "other")
SEGMENT_ROLES: tuple[str, ...] = ("buyer", "user", "both")
#: What sort of customer a segment is (``segments[].kind``).
SEGMENT_KINDS: tuple[str, ...] = (
    "member",
    "patient",
    "caregiver",
    "employer",
    "government",
    "provider",
    "broker",
    "other",
)
CHANNEL_KINDS: tuple[str, ...] = (
    "digital",
    "email",
    "chat",
    "sms",
    "phone",
    "in-person",
    "mail",
    "partner",
    "other",
)
DIMENSION_USES: tuple[str, ...] = ("core", "supporting", "planned", "none")
#: The degree of a dimension for a segment it does not serve (in the mix).
NO_USE = "none"
#: Uses that mean the dimension is part of the model today.
USED_DIMENSION_USES: tuple[str, ...] = ("core", "supporting")
MEASURE_TRACKS: tuple[str, ...] = ("revenue", "cost", "health", "experience", "operations")
MEASURE_DIRECTIONS: tuple[str, ...] = ("up", "down")
MEASURE_STATUSES: tuple[str, ...] = ("active", "pending-leadership", "retired")
#: The most measures a canvas shows on the executive summary (``headline: true``).
MAX_HEADLINES = 5

#: Channel kinds that make a touch digital; a touch through any other kind is manual.
DIGITAL_CHANNEL_KINDS: tuple[str, ...] = ("digital", "email", "chat", "sms")

#: The offices customer experience reaches into, front to back (bone-deep CX).
OFFICES: tuple[str, ...] = ("front", "middle", "back")
#: How much a touch or a system hurts the customer today, and what a touch costs.
LEVELS: tuple[str, ...] = ("high", "medium", "low")
#: The four capabilities of bone-deep CX, in the method's order (``cx.capabilities``).
CX_CAPABILITY_IDS: tuple[str, ...] = (
    "strategy-design",
    "information-management",
    "insights",
    "delivery",
)
#: How far a capability reaches into an office, and how well a system's data is governed.
CX_REACH: tuple[str, ...] = ("absent", "partial", "established")
#: The sorts of system behind the smiles (``cx.systems[].kind``).
SYSTEM_KINDS: tuple[str, ...] = (
    "care-management",
    "claims",
    "recruiting",
    "member-services",
    "compliance",
    "crm",
    "engagement",
    "data",
    "other",
)
#: The units of a duration ("2 days", "90 minutes"), in minutes.
DURATION_UNITS: dict[str, int] = {"minute": 1, "hour": 60, "day": 1440, "week": 10080}

#: The canvas blocks that are plain lists of items (a text, or {text, segments}).
ITEM_BLOCKS: tuple[str, ...] = (
    "revenue_streams",
    "key_activities",
    "key_resources",
    "key_partners",
    "cost_structure",
)
