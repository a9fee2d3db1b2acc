"""The report context: what every template receives, the template authors' contract.

``docs/report.md`` describes each key; ``templates/README.md`` points there.
Every part is plain data (strings, numbers, booleans, lists, mappings), typed
here as nested TypedDicts so that a change of shape shows in the type check.
"""

from __future__ import annotations

from typing import Any, NotRequired, TypedDict

from modelh.report.contract_chain import (
    CxContext,
    JourneysContext,
    MethodContext,
    ValueChainContext,
)
from modelh.report.contract_gaps import ChangesContext, GapsContext, OpenContext, SummaryContext

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
