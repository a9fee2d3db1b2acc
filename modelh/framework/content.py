"""Method content that spans the whole organization: the management disciplines, the
journey map (modelH), bone-deep CX (West Monroe) and the systems behind the smiles."""

from __future__ import annotations

from .entities import Capability, Office, ordered
from .vocab import CX_CAPABILITY_IDS, OFFICES

#: The four management disciplines along the method's flow: (name, one-sentence summary).
MANAGEMENT_DISCIPLINES: tuple[tuple[str, str], ...] = (
    (
        "Segment development",
        "Understanding each customer segment and what it values before designing anything for it.",
    ),
    (
        "Value-proposition management",
        "Shaping and maintaining the offers designed for those segments.",
    ),
    (
        "Customer-behavior management",
        "Influencing how customers act, from first contact through lasting healthy habits.",
    ),
    (
        "Customer-experience management",
        "Designing and running the experiences customers have through channels and relationships.",
    ),
)

# --- bone-deep CX (West Monroe) --------------------------------------------------------------

_STRATEGY_DESIGN, _INFORMATION_MANAGEMENT, _INSIGHTS, _DELIVERY = CX_CAPABILITY_IDS
_FRONT, _MIDDLE, _BACK = OFFICES

#: The four capabilities that make multi-channel customer experience work, by id.
CAPABILITIES: tuple[Capability, ...] = ordered(
    (
        Capability(
            _STRATEGY_DESIGN,
            "CX strategy and design",
            "A vision and blueprint for the customer experience that stays true to the brand "
            "promise.",
        ),
        Capability(
            _INFORMATION_MANAGEMENT,
            "CX information management",
            "Customer data from every system brought together into one view of each customer.",
        ),
        Capability(
            _INSIGHTS,
            "CX insights",
            "Analytics, modeling, segmentation and research that explain what customers need "
            "and why they act as they do.",
        ),
        Capability(
            _DELIVERY,
            "CX delivery",
            "The operations that turn the designed experience into what customers actually "
            "receive.",
        ),
    ),
    CX_CAPABILITY_IDS,
    key=lambda c: c.id,
)

#: The same capabilities as (name, one-sentence summary) pairs.
CX_CAPABILITIES: tuple[tuple[str, str], ...] = tuple((c.name, c.summary) for c in CAPABILITIES)

#: That the capabilities must reach every office, not only the customer-facing one.
CX_REACH_EVERY_OFFICE = (
    "The four capabilities have to reach every office, from clinicians and billing to IT and "
    "the executive suite, for the experience customers get to match the one designed for them."
)

#: The offices customer experience must reach, front to back, with what each needs.
CX_OFFICE_DETAILS: tuple[Office, ...] = ordered(
    (
        Office(
            _FRONT,
            "Front office",
            "Customer data, a tailored approach for each segment, conversations across every "
            "channel with clear escalation paths, and the systems that manage profiles, "
            "preferences, campaigns, channels, content and interactions behind them.",
            (
                "customer data and a personalized strategy for each segment",
                "a dialogue across every channel, with clear escalation paths",
                "an engagement architecture: profile, preference, campaign automation, channel, "
                "content and interaction management, with analytics",
                "product design, since a product starts a workflow across many functions that "
                "has to be right",
            ),
        ),
        Office(
            _MIDDLE,
            "Middle office",
            "Care management run as behavior change, with the right message on the right channel "
            "at the right time, tailored to each population; this is where engagement "
            "capabilities are most often missing.",
            (
                "care management as behavior change: the right message, channel and time",
                "programs tailored to each population rather than one size for all",
                "activating members rather than adding more touches",
                "data integrated across pharmacy, clinical and payer sources",
                "engagement capabilities, which are often focused on the front office and "
                "missing here",
            ),
        ),
        Office(
            _BACK,
            "Back office",
            "Cost control, flexibility and automated compliance with regulations and service "
            "levels, agreed with the teams that sell and care for customers.",
            (
                "cost and flexibility",
                "automated compliance with regulations and service levels",
                "working with sales, marketing, network and care management on what is sold "
                "versus what can be serviced, and at what cost",
            ),
        ),
    ),
    OFFICES,
    key=lambda o: o.id,
)

#: The offices as (name, one-sentence summary) pairs.
CX_OFFICES: tuple[tuple[str, str], ...] = tuple((o.name, o.summary) for o in CX_OFFICE_DETAILS)

# --- the systems behind the smiles (Haimberger, after "Systems, Not Smiles") -----------------

#: Why the systems matter to the experience.
SYSTEMS_BEHIND_THE_SMILES = (
    "Between 40 and 60 percent of customer dissatisfaction comes from the systems front-line "
    "staff rely on, not from the staff: however well trained the people, their systems decide "
    "the experience. For a health plan the customers are members, sometimes patients, and "
    "providers, and the governance and quality of the data across its systems of record are "
    "part of what they experience."
)

#: A health plan's systems of record behind its members and providers.
PAYER_SYSTEMS_OF_RECORD: tuple[str, ...] = (
    "care management",
    "claims",
    "recruiting",
    "member services",
    "compliance",
)

# --- the journey map (modelH), prioritized (McKinsey research as modelH reports it) ----------

#: The method's recommended first customer-experience project.
JOURNEY_MAP = (
    "The first customer-experience project modelH recommends is a customer journey map: the "
    "journey a prospect or customer takes with the organization over time and across every "
    "touch point, where processes, the customer's jobs-to-be-done, measures and expectations "
    "meet. For a health plan the inventory of touches covers members and providers both."
)

#: The order in which to work on touches and journeys: (rule, why), first to last.
JOURNEY_PRIORITIES: tuple[tuple[str, str], ...] = (
    (
        "Move the needle",
        "Touches that matter most to customers and to cost or profit come first.",
    ),
    (
        "Digital before manual",
        "Digital journeys are easier to fix, and digital-first journeys score higher with "
        "customers.",
    ),
    (
        "Journey time before features",
        "Cutting the time one journey takes comes before adding features, because satisfaction "
        "follows ease of use more than a rich feature list, with diminishing returns past a "
        "point.",
    ),
)

#: How to run the journey-map project.
JOURNEY_START = "Start minimal, give every journey someone responsible for it, and keep it agile."
