"""The report context: what every template receives, the template authors' contract.

``docs/report.md`` describes each key; ``templates/README.md`` points there.
Every part is plain data (strings, numbers, booleans, lists, mappings), typed
here as nested TypedDicts so that a change of shape shows in the type check.
"""

from __future__ import annotations

from typing import Any, NotRequired, TypedDict

#: A paragraph of a text as written (``paragraphs``): ``{"kind": "p", "text": ...}``
#: or ``{"kind": "ul", "items": [...]}``.
Paragraph = dict[str, Any]


class More(TypedDict):
    """What a list left out: how many, and the line that says so."""

    hidden: int
    label: str


class CoverInfo(TypedDict):
    """``report.cover``: the cover's texts, shortened so that the cover stays one page."""

    title: str
    organization: str
    prepared_for: str
    confidentiality: str


class ReportInfo(TypedDict):
    """``report``: the canvas's details and the document's metadata."""

    title: str
    organization: str
    prepared_by: list[str]
    prepared_for: str
    date: str
    date_label: str
    version: str
    status: str
    status_label: str
    status_mark: str | None
    confidentiality: str
    logo: str | None
    paper: str
    paper_size: str
    content_width: float
    created: str
    generator: str
    file: str
    subject: str
    lang: str
    audience: str  # executive | team: whether the team's appendix of the gaps is shown
    cover: CoverInfo


class FirmContext(TypedDict):
    """``firm``: the consulting firm that prepared the report (``report.firm`` in the
    project settings), for the cover; None when the settings name none."""

    name: str
    logo: str | None  # a data URI
    color: str  # the firm's colour, for rules and marks (the default when none is set)
    strong: str  # the same, dark enough for text on white


class BrandContext(TypedDict):
    """``brand``: the report's palette (``brand_colors``), hex colours in lower case."""

    color: str
    strong: str
    tint: str
    wash: str
    mid: str
    on: str


class SectionEntry(TypedDict):
    """One chosen section, in order. ``new_page``: the section starts a page (a short
    one follows the section before it on the same page)."""

    id: str
    title: str
    anchor: str
    number: int
    new_page: bool


class Box(TypedDict):
    """A block's place on the canvas page, in millimetres."""

    x: float
    y: float
    w: float
    h: float


class Geometry(TypedDict):
    """The canvas page's geometry in millimetres (``canvas_geometry``)."""

    page_width: float
    page_height: float
    margin: dict[str, float]
    width: float
    height: float
    header: float
    legend: float
    pad: float
    title: float
    boxes: dict[str, Box]


class CanvasType(TypedDict):
    """The canvas page's type sizes in points (``canvas_type``)."""

    item_size: float
    item_leading: float
    text_size: float
    text_leading: float
    meta_size: float
    meta_leading: float
    more_size: float
    more_leading: float
    item_gap: float
    indent: float
    dimension_row: float


class CanvasItem(TypedDict):
    """An item the canvas page shows in a block."""

    text: str
    meta: str
    kind: str
    cut: bool


class CanvasMore(TypedDict):
    """What a block of the canvas page could not show, and where to read it."""

    hidden: int
    label: str
    target: str | None


class CanvasBlock(TypedDict):
    """A block of the canvas page. Customer Relationships has only ``key``,
    ``title`` and ``box``: its rows are the dimensions."""

    key: str
    title: str
    box: Box
    items: NotRequired[list[CanvasItem]]
    count: NotRequired[int]
    more: NotRequired[CanvasMore | None]
    empty: NotRequired[bool]


class CanvasPage(TypedDict):
    """``canvas_page``: geometry, type sizes, and each block's items that fit."""

    geometry: Geometry
    type: CanvasType
    blocks: dict[str, CanvasBlock]


class SegmentContext(TypedDict):
    """A customer segment."""

    id: str
    name: str
    role: str | None
    role_label: str
    description: str
    stage: str | None
    stage_name: str | None
    stage_index: int | None
    target_stage: str | None
    target_stage_name: str | None
    target_index: int | None
    trust: str | None
    trajectory: str
    destination: str
    preferences: list[str]
    needs_preferences: bool
    value_propositions: list[str]
    dimensions: list[str]


class ValuePropositionContext(TypedDict):
    """A value proposition."""

    id: str
    name: str
    description: str
    segments: list[str]


class ChannelContext(TypedDict):
    """A channel."""

    id: str
    name: str
    kind: str
    description: str


class ListsMore(TypedDict):
    """``more``: what the lists of segments, propositions and channels left out."""

    segments: More | None
    value_propositions: More | None
    channels: More | None


class BlockItemContext(TypedDict):
    """An item of a block in the canvas in full."""

    text: str
    segments: list[str]


class BlockContext(TypedDict):
    """A block of the canvas in full."""

    key: str
    anchor: str
    title: str
    items: list[BlockItemContext]
    more: More | None
    keep: NotRequired[bool]  # set once the items are known


class SegmentAnswer(TypedDict):
    """An answer given for one segment."""

    segment: str
    segment_id: str
    answer: list[Paragraph]


class QuestionContext(TypedDict):
    """One of the eight relationship questions and its answer."""

    id: str
    number: int
    title: str
    question: str
    per_segment_question: bool
    answered: bool
    answer: list[Paragraph]
    per_segment: list[SegmentAnswer]
    more: More | None
    keep: bool


class DimensionContext(TypedDict):
    """One of the seven relationship dimensions, as the canvas uses it."""

    id: str
    number: int
    name: str
    summary: str
    use: str | None
    use_label: str
    level: int
    considered: bool
    used: bool
    reason: str
    segments: list[str]
    segment_count: int
    all_segments: bool
    approach: str
    channels: list[str]
    channel_count: int
    channel_ids: list[str]
    message: str
    emotional_support: str
    physical_comfort: str
    measures: list[str]
    measure_count: int
    owner: str
    incentives: list[str]
    keep: NotRequired[bool]  # set once the card's texts are known


class MatrixRow(TypedDict):
    """A channel's row of the channel-by-dimension matrix: each cell a use or none."""

    id: str
    name: str
    kind: str
    cells: list[str | None]
    count: int


class Matrix(TypedDict):
    """The channel-by-dimension matrix."""

    channels: list[MatrixRow]
    dimensions: list[str]
    more: More | None


class MixCell(TypedDict):
    """A dimension's degree for one segment (core, supporting, planned, none; none at
    all when the dimension is not considered) and its words."""

    degree: str | None
    label: str


class MixRow(TypedDict):
    """A segment's row of the segment-by-dimension mix: one cell per dimension, in order."""

    id: str
    name: str
    role_label: str
    cells: list[MixCell]


class Mix(TypedDict):
    """The segment-by-dimension mix: the degree of each dimension for each segment."""

    segments: list[MixRow]
    more: More | None


class UseLevel(TypedDict):
    """A level of use (core, supporting, planned, none)."""

    id: str
    label: str
    level: int


class DimensionsContext(TypedDict):
    """``dimensions``: the seven cards, the channel matrix, the segment mix, and how
    many of each use."""

    items: list[DimensionContext]
    matrix: Matrix
    mix: Mix
    counts: dict[str, int]
    uses: list[UseLevel]


class Bars(TypedDict):
    """Where baseline, current and target sit on a measure's bar (0 to 1)."""

    baseline: float | None
    current: float | None
    target: float | None


class MeasureContext(TypedDict):
    """A measure, its values formatted with their unit."""

    id: str
    name: str
    domain: str | None
    indicator: str | None
    indicator_name: str
    group: str | None
    tracks: str | None
    tracks_label: str
    unit: str
    direction: str | None
    direction_label: str
    baseline: str
    current: str
    target: str
    bars: Bars
    has_values: bool
    progress: int | None
    due: str
    owner: str
    status: str | None
    trend: TrendContext | None  # past current values, with render --history


class TrendContext(TypedDict):
    """A measure's current value over the canvas's git history, as a small line."""

    points: str  # SVG polyline points in a 100 x 20 box, oldest first
    first: str  # the date of the first value drawn
    last: str
    count: int
    low: str
    high: str


class HistoryNote(TypedDict):
    """How far back the measures' trend lines reach (``render --history``)."""

    versions: int
    oldest: str
    shallow: bool
    truncated: bool


class MeasureGroup(TypedDict):
    """Measures of a domain under one heading (none for a domain's only group)."""

    title: str | None
    measures: list[MeasureContext]


class DomainContext(TypedDict):
    """A measurement domain and its measures."""

    id: str
    number: int
    name: str
    summary: str
    pending_leadership: bool
    indicators: list[str]
    groups: list[MeasureGroup]
    count: int
    more: More | None
    pending: list[MeasureContext]
    pending_more: More | None


class Tracked(TypedDict):
    """How many active measures track one kind of value."""

    id: str
    label: str
    count: int


class MeasuresContext(TypedDict):
    """``measures``: by domain, and those pending, retired or without a domain."""

    domains: list[DomainContext]
    unassigned: list[MeasureContext]
    unassigned_more: More | None
    pending: list[MeasureContext]
    pending_more: More | None
    retired: list[MeasureContext]
    retired_more: More | None
    tracked: list[Tracked]
    count: int


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


class FindingContext(TypedDict):
    """A finding of the checker."""

    code: str
    name: str
    severity: str
    severity_label: str
    message: str
    fix: str
    line: int
    path: str


class ExecutiveGapContext(TypedDict):
    """A gap as executives read it: what is missing and why it matters
    (``modelh.report.gaps``); several findings of one rule said once."""

    severity: str
    label: str  # what the severity means to an executive: Must fix, Gap, To note
    text: str
    why: str
    findings: int


class GapTheme(TypedDict):
    """The gaps of one theme (a rule section, titled for executives)."""

    section: str
    title: str
    gaps: list[ExecutiveGapContext]
    more: More | None


class GapGroup(TypedDict):
    """The findings of one part of the canvas (the team's appendix)."""

    section: str
    title: str
    findings: list[FindingContext]
    more: More | None


class Completeness(TypedDict):
    """One completeness score (0 to 100, or none)."""

    id: str
    label: str
    score: int | None


class SeverityCount(TypedDict):
    """How many findings of one severity."""

    severity: str
    label: str
    count: int


class GapsContext(TypedDict):
    """``gaps``: completeness; the gaps for executives by theme (``themes``); and
    the findings for the team, grouped by part of the canvas (``groups``, shown
    only when ``team``)."""

    completeness: list[Completeness]
    overall: int | None
    groups: list[GapGroup]
    counts: list[SeverityCount]
    total: int
    themes: list[GapTheme]
    said: int  # how many gaps the themes say (fewer than the findings)
    team: bool


class SummarySegment(TypedDict):
    """A segment on the summary's value chain."""

    name: str
    stage_index: int | None
    target_index: int | None
    stage_name: str
    target_name: str
    trust_label: str


class SummaryMixRow(TypedDict):
    """A segment's row of the summary's mix: the degree of each dimension, in order."""

    name: str
    cells: list[str | None]


class SummaryGap(TypedDict):
    """One of the gaps that matter most, in plain words (see ``top_gaps``)."""

    title: str
    why: str
    severity: str
    severity_label: str
    count: int


class SummaryContext(TypedDict):
    """``summary``: the executive summary, one page."""

    segments: list[SummarySegment]
    segments_more: int
    dimensions: list[str]
    overall_use: list[str | None]
    mix: list[SummaryMixRow]
    measures: list[MeasureContext]
    measures_more: int
    measures_chosen_by: str
    gaps: list[SummaryGap]
    overall: int | None
    completeness: list[Completeness]
    checked: bool


class OpenGroup(TypedDict):
    """A line of the "Still to be worked out" list: a part of the canvas and what in
    it is still empty."""

    title: str
    text: str


class OpenContext(TypedDict):
    """``open``: what the canvas has not settled yet."""

    groups: list[OpenGroup]
    count: int
    shown: bool  # the report has the list: the other sections leave out what it says


class ChangeSpan(TypedDict):
    """A run of text in a change: plain, an id, removed or added words, a hint, a move
    for the better or the worse, a strong word (``modelh.history.output``'s kinds)."""

    text: str
    kind: str


class ChangeLine(TypedDict):
    """A line of the changes: a heading (level 0), an entry (1) or a detail (2, 3)."""

    level: int
    spans: list[ChangeSpan]


class ChangeRow(TypedDict):
    """A row of the changes' summary: what, before, after."""

    label: str
    before: str
    after: str


class ChangesContext(TypedDict):
    """``changes``: what changed since a revision (``render --since``), from the same
    diff as ``modelh diff``."""

    since: str
    count: int
    rows: list[ChangeRow]
    lines: list[ChangeLine]
    more: More | None


class ReportContext(TypedDict):
    """What every template receives (see docs/report.md for each key). The renderer
    adds ``fonts``, the shipped faces as data URIs."""

    report: ReportInfo
    brand: BrandContext
    sections: list[SectionEntry]
    canvas_page: CanvasPage
    segments: list[SegmentContext]
    value_propositions: list[ValuePropositionContext]
    channels: list[ChannelContext]
    blocks: list[BlockContext]
    questions: list[QuestionContext]
    dimensions: DimensionsContext
    measures: MeasuresContext
    value_chain: ValueChainContext
    journeys: JourneysContext
    cx: CxContext
    more: ListsMore
    gaps: GapsContext | None
    summary: SummaryContext
    open: OpenContext
    changes: ChangesContext | None
    history: HistoryNote | None
    method: MethodContext
    firm: FirmContext | None
