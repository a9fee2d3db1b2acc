"""Method content that spans the whole organization: disciplines and "bone deep" CX."""

from __future__ import annotations

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

#: The four capabilities that make multi-channel customer experience work.
CX_CAPABILITIES: tuple[tuple[str, str], ...] = (
    (
        "CX strategy and design",
        "A vision and blueprint for the customer experience that stays true to the brand promise.",
    ),
    (
        "CX information management",
        "Customer data from every system brought together into one view of each customer.",
    ),
    (
        "CX insights",
        "Analytics, modeling, segmentation and research that explain what customers need and "
        "why they act as they do.",
    ),
    (
        "CX delivery",
        "The operations that turn the designed experience into what customers actually receive.",
    ),
)

#: Where customer experience reaches inside the organization: (office, one-sentence summary).
CX_OFFICES: tuple[tuple[str, str], ...] = (
    (
        "Front office",
        "Customer data, a tailored approach for each segment, conversations across every "
        "channel with clear escalation paths, and the systems that manage profiles, "
        "preferences, campaigns, channels, content and interactions behind them.",
    ),
    (
        "Middle office",
        "Care management run as behavior change, with the right message on the right channel "
        "at the right time, tailored to each population.",
    ),
    (
        "Back office",
        "Cost control, flexibility and automated compliance with regulations and service "
        "levels, since many customer frustrations start in these systems rather than with "
        "front-line staff.",
    ),
)
