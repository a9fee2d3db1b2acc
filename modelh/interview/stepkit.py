"""What every step of the interview is made of: the sections and their titles, the
choices' labels, the ``Step`` record, and the small helpers the step makers share."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from modelh import framework as fw
from modelh.canvas.model import Canvas

INTERVIEW_SECTIONS = (
    "segments",
    "value_propositions",
    "channels",
    "questions",
    "dimensions",
    "measures",
    "journeys",
    "cx",
    "blocks",
)

#: Each section's title as the walk shows it ("Segments · 3 of 12 open").
SECTION_TITLES = {
    "segments": "Segments",
    "value_propositions": "Value propositions",
    "channels": "Channels",
    "questions": "Canvas questions",
    "dimensions": "Relationship dimensions",
    "measures": "Measures",
    "journeys": "Journeys and touches",
    "cx": "Bone-deep CX and systems",
    "blocks": "Revenue, costs, activities, resources and partners",
}

#: The plain canvas blocks the walk asks as lists, in its order: (key, title, question).
BLOCKS: tuple[tuple[str, str, str], ...] = (
    ("revenue_streams", "Revenue streams", "How does the model earn money: who pays, and how?"),
    ("cost_structure", "Cost structure", "What are the model's largest costs?"),
    (
        "key_activities",
        "Key activities",
        "What must the organization do well for the model to work?",
    ),
    (
        "key_resources",
        "Key resources",
        "Which people, data, systems and assets does the model depend on?",
    ),
    ("key_partners", "Key partners", "Which partners do part of the work, and what does each do?"),
)

#: The degree of a dimension for one segment, as the choices show it.
DEGREES: tuple[tuple[str, str], ...] = (
    ("core", "core: central to the model for them"),
    ("supporting", "supporting: used, in support of the core"),
    ("planned", "planned: to be used, not yet"),
    ("none", "none: not used for them"),
)

#: The same degrees for the model as a whole (a canvas without segments).
USES: tuple[tuple[str, str], ...] = (
    ("core", "core: central to the model"),
    ("supporting", "supporting: used, in support of the core"),
    ("planned", "planned: to be used, not yet"),
    ("none", "none: deliberately not used (say why)"),
)

ROLES: tuple[tuple[str, str], ...] = (
    ("buyer", "buyer: pays for the model or decides to buy it"),
    ("user", "user: receives the care or the service"),
    ("both", "both: pays and receives"),
)

CANVAS_KIND_LABELS: tuple[tuple[str, str], ...] = (
    ("health-plan", "health-plan: a payer (commercial, Medicare, Medicaid)"),
    ("provider", "provider: a hospital, a health system, a medical group"),
    ("digital-health", "digital-health: a digital health company"),
    ("other", "other"),
)

#: The channel kinds, as the choices list them.
CHANNEL_KIND_LABELS = tuple((k, "mail: postal" if k == "mail" else k) for k in fw.CHANNEL_KINDS)

#: The offices a touch or a system sits in, front to back (bone-deep CX).
OFFICE_LABELS: tuple[tuple[str, str], ...] = (
    ("front", "front: where customers are served (service, sales, the app)"),
    ("middle", "middle: care management, utilization review, clinical programs"),
    ("back", "back: claims, billing, enrollment, compliance, IT"),
)

#: How much a touch or a system hurts customers today (modelh's scale).
PAIN_LABELS: tuple[tuple[str, str], ...] = (
    ("high", "high: customers complain, give up or have to call again"),
    ("medium", "medium: an effort, but it gets done"),
    ("low", "low: customers hardly notice it"),
)

#: What a touch costs the company today (modelh's scale).
COST_LABELS: tuple[tuple[str, str], ...] = (
    ("high", "high: staff time, calls or paper on every journey"),
    ("medium", "medium: some staff time, or a partner's fee"),
    ("low", "low: self-service or automated"),
)

#: How far a CX capability reaches into an office (modelh's scale).
REACH_LABELS: tuple[tuple[str, str], ...] = (
    ("absent", "absent: not there in this office"),
    ("partial", "partial: in some teams or processes, not throughout"),
    ("established", "established: how this office works every day"),
)

#: How well a system's data is governed (the same scale).
GOVERNANCE_LABELS: tuple[tuple[str, str], ...] = (
    ("absent", "absent: nobody owns its data or checks its quality"),
    ("partial", "partial: some of its data owned and checked"),
    ("established", "established: owners, definitions and quality checks"),
)

#: Lists are typed on one line, their items separated with ';'.
SEVERAL = " (separate several with ';')"


def section_title(section: str) -> str:
    """The title of a section of the walk, as a person reads it."""
    return SECTION_TITLES.get(section, section.replace("_", " ").capitalize())


@dataclass(frozen=True)
class Step:
    """One thing the interview asks: what, where in the walk, how to answer it."""

    key: str  # stable id: "question:cost", "dimension:motivation:use", ...
    section: str  # one of INTERVIEW_SECTIONS
    group: str  # what the step belongs to: "Question 3 of 8", "Dimension 6 of 7: Motivation"
    prompt: str  # the question as asked
    kind: str  # text | choice | multi | list | number | confirm
    path: tuple[str | int, ...] = ()  # where the answer is written (an int: a list position)
    current: Any = None  # the answer today (None: not answered)
    choices: tuple[tuple[str, str], ...] = ()  # (value, label) for choice and multi
    allow_new: str = ""  # multi: "channel" or "measure" may be created on the spot
    guidance: fw.Guidance | None = None
    note: str = ""  # context shown with the step (a measure's baseline and target)
    required: bool = False  # an empty answer is refused (a new item's id and name)
    number: int = 0  # position in the walk, from 1
    total: int = 0
    draft: str = ""  # a proposed answer (question 1 from the mix): Enter takes it when unanswered
    # a confirm step that adds items: segment | value_proposition | channel | measure |
    # journey | touch | system
    make: str = ""

    @property
    def answered(self) -> bool:
        """Whether the step has a real answer (a placeholder such as TBD is none)."""
        from modelh.canvas.facts import is_placeholder

        if isinstance(self.current, str):
            return bool(self.current.strip()) and not is_placeholder(self.current)
        return self.current not in (None, (), [])


def numbered(step: Step, number: int, total: int) -> Step:
    from dataclasses import replace

    return replace(step, number=number, total=total)


def coach(topic: str) -> fw.Guidance:
    return fw.COACHING[topic]


def item_names(items: Sequence[Any]) -> str:
    return ", ".join(item.name or item.id for item in items)


def channel_choices(canvas: Canvas) -> tuple[tuple[str, str], ...]:
    """The canvas's channels as choices, each saying whether it is digital or manual."""
    out = []
    for c in canvas.channels:
        if c.kind is None:
            how = "kind not set"
        elif c.kind == "digital":
            how = "digital"
        else:
            how = f"{c.kind}: {'digital' if c.kind in fw.DIGITAL_CHANNEL_KINDS else 'manual'}"
        out.append((c.id, f"{c.name or c.id} ({how})"))
    return tuple(out)
