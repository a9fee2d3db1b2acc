"""The report context's value chain, journey map and bone-deep CX (see ``contract``)."""

from __future__ import annotations

from typing import TYPE_CHECKING, TypedDict

if TYPE_CHECKING:  # the shared parts, in the contract itself
    from modelh.report.contract import Bars, More


class StageContext(TypedDict):
    """A stage of the customer value chain."""

    id: str
    number: int
    name: str
    duties: str
    trust: str


class Discipline(TypedDict):
    """A management discipline of the method."""

    name: str
    text: str


class MethodContext(TypedDict):
    """``method``: the method's own texts."""

    trust_inflection_point: str
    disciplines: list[Discipline]
    stages: list[StageContext]
    trust_stage: str
    trust_stage_index: int
    credits: dict[str, str]


class ValueChainContext(TypedDict):
    """``value_chain``: the stages and where the segments stand."""

    stages: list[StageContext]
    trust_stage_index: int
    placed: int
    unplaced: list[str]
    past: int


class LaneContext(TypedDict):
    """A lane of the journey map: an office (front, middle, back), or none for the
    touches whose office is not set."""

    id: str | None
    label: str


class TouchContext(TypedDict):
    """A touch of a journey, in the order the customer meets it."""

    number: int
    id: str | None
    name: str
    channel: str
    digital: bool
    mode_label: str
    office: str | None
    lane: int
    dimension: str
    pain: str | None
    pain_label: str
    cost: str | None
    cost_label: str
    time: str
    elapsed: str


class PriorityContext(TypedDict):
    """A touch in a journey's priority list, first the most urgent."""

    rank: int
    number: int
    name: str
    digital: bool
    mode_label: str
    pain: str | None
    pain_label: str
    cost: str | None
    cost_label: str
    score: str  # modelh's priority score, out of 10


class JourneyTimeContext(TypedDict):
    """How long one journey takes the customer: baseline, current and target as written,
    their bars (shares 0 to 1 of the longest), and the share of the way to the target."""

    baseline: str
    current: str
    target: str
    due: str
    bars: Bars
    progress: int | None


class JourneyContext(TypedDict):
    """A journey of the journey map: whose, its time, its touches along the office
    lanes, and its priority list."""

    id: str
    name: str
    segment: str
    job: str
    owner: str
    time: JourneyTimeContext | None
    lanes: list[LaneContext]
    touches: list[TouchContext]
    touches_more: More | None
    touch_count: int
    digital_count: int
    digital_first: bool
    high_pain_count: int
    total_time: str
    priority: list[PriorityContext]
    priority_more: More | None
    keep: bool


class JourneysContext(TypedDict):
    """``journeys``: the journey map, one journey after the other."""

    items: list[JourneyContext]
    more: More | None
    count: int
    ordering: str


class ReachCell(TypedDict):
    """How far a CX capability reaches into one office (none: not assessed)."""

    office: str
    reach: str | None
    label: str


class CapabilityContext(TypedDict):
    """A row of the bone-deep CX grid: a capability and its reach into each office."""

    id: str
    name: str
    summary: str
    cells: list[ReachCell]


class OfficeContext(TypedDict):
    """A column of the CX grid: an office, and the journeys' touches it carries."""

    id: str
    label: str
    summary: str
    touches: int
    high_pain: int


class SystemContext(TypedDict):
    """A system behind the smiles."""

    id: str
    name: str
    kind_label: str
    office_label: str
    serves: list[str]
    data_governance: str | None
    data_governance_label: str
    pain: str | None
    pain_label: str


class CxContext(TypedDict):
    """``cx``: the bone-deep CX grid and the systems behind the smiles."""

    offices: list[OfficeContext]
    capabilities: list[CapabilityContext]
    assessed: bool
    systems: list[SystemContext]
    systems_more: More | None
    system_count: int
