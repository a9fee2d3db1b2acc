"""The report's fixed words and sizes: sections, papers, and the labels of canvas values."""

from __future__ import annotations

#: The report's sections, in their default order, with their headings.
REPORT_SECTIONS: dict[str, str] = {
    "cover": "Cover",
    "summary": "Executive summary",
    "contents": "Contents",
    "changes": "What changed",
    "canvas": "The canvas",
    "blocks": "The canvas in full",
    "questions": "The eight relationship questions",
    "dimensions": "The seven relationship dimensions",
    "measures": "Measures by domain",
    "value-chain": "The customer value chain",
    "journeys": "The journey map",
    "cx": "Bone-deep customer experience",
    "open": "Still to be worked out",
    "gaps": "Gaps and completeness",
}
REPORT_SECTION_IDS: tuple[str, ...] = tuple(REPORT_SECTIONS)

#: Paper sizes in millimetres, portrait (width, height).
PAPERS: dict[str, tuple[float, float]] = {
    "a4": (210.0, 297.0),
    "letter": (215.9, 279.4),
    "a3": (297.0, 420.0),
}

USE_LABELS = {
    "core": "Core",
    "supporting": "Supporting",
    "planned": "Planned",
    "none": "Not used",
    None: "Not considered",
}
USE_LEVELS = {"core": 3, "supporting": 2, "planned": 1, "none": 0}
ROLE_LABELS = {"buyer": "Buyer", "user": "User", "both": "Buyer and user"}
CHANNEL_KIND_LABELS = {
    "digital": "Digital",
    "email": "Email",
    "chat": "Chat",
    "sms": "Text message",
    "phone": "Phone",
    "in-person": "In person",
    "mail": "Postal mail",
    "partner": "Partner",
    "other": "Other",
}
TRACK_LABELS = {
    "revenue": "Revenue",
    "cost": "Cost",
    "health": "Health outcome",
    "experience": "Experience",
    "operations": "Operations",
}
STATUS_MARKS = {"draft": "Draft", "review": "For review"}
SEVERITY_LABELS = {"error": "Error", "warning": "Warning", "info": "Note"}
GAP_SECTIONS = {
    "format": "Canvas format",
    "answers": "The eight questions",
    "dimensions": "Relationship dimensions",
    "measures": "Measures",
    "segments": "Segments and the value chain",
    "journeys": "Journeys and touches",
    "cx": "Bone-deep CX and the systems behind the smiles",
    "meta": "Canvas details",
}
BLOCK_TITLES = {
    "key_partners": "Key Partners",
    "key_activities": "Key Activities",
    "key_resources": "Key Resources",
    "value_propositions": "Value Propositions",
    "customer_relationships": "Customer Relationships",
    "channels": "Channels",
    "segments": "Customer Segments",
    "cost_structure": "Cost Structure",
    "revenue_streams": "Revenue Streams",
}
OFFICE_LABELS = {"front": "Front office", "middle": "Middle office", "back": "Back office"}
LEVEL_LABELS = {"high": "High", "medium": "Medium", "low": "Low"}
REACH_LABELS: dict[str | None, str] = {
    "established": "Established",
    "partial": "Partial",
    "absent": "Absent",
    None: "Not assessed",
}
SYSTEM_KIND_LABELS = {
    "care-management": "Care management",
    "claims": "Claims",
    "recruiting": "Recruiting",
    "member-services": "Member services",
    "compliance": "Compliance",
    "crm": "CRM",
    "engagement": "Engagement",
    "data": "Data",
    "other": "Other",
}
#: Where each page's ideas come from, shown on the page (and what modelh adds to them).
CREDITS = {
    "canvas": "Canvas: modelH, the healthcare business-model canvas.",
    "questions": "Source: the eight Customer Relationships questions are modelH's.",
    "dimensions": (
        "Source: the seven relationship dimensions are modelH's; the scale of core, "
        "supporting, planned and not used is modelh's own."
    ),
    "measures": "Source: the seven domains of success indicators are modelH's.",
    "value-chain": (
        "Source: the customer value chain and the Trust Inflection Point come from "
        "Digital Strategy Yoga, used here beside modelH."
    ),
    "journeys": (
        "Source: the journey map as the first customer-experience project is modelH's; "
        "the pain and cost scale and the priority order are modelh's own."
    ),
    "cx": (
        "Sources: bone-deep CX, the four capabilities across the front, middle and back "
        "office, comes from West Monroe; the systems behind the smiles from Fritz "
        "Haimberger (2016), after the chapter \u201cSystems, Not Smiles\u201d of Customers "
        "for Life. The scales of reach, pain and data governance are modelh's own."
    ),
}
