"""The canvas as typed, frozen data.

Every object knows where it came from: ``path`` is its dotted key path in the
file (``segments[ma-members]``) and ``span`` its place. Finer positions (of any
value or key) are in ``Canvas.spans`` and ``Canvas.key_spans``, keyed by path;
``Canvas.locate`` finds the nearest existing place for a path that is missing.

The format's shape (each mapping's keys, their kinds and allowed values) is in
``specs``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import Field, dataclass, field, fields
from typing import TYPE_CHECKING, Any, ClassVar

from modelh.canvas.spans import NO_SPAN, Span, SpanIndex
from modelh.framework import vocab

if TYPE_CHECKING:  # the model itself does not need PyYAML
    pass


class _Record:
    """Equality and repr shared by the model's dataclasses.

    Generating them once here, rather than per class, keeps ``import modelh``
    (and so every command's start-up) fast. For the same reason every subclass
    has a docstring: ``@dataclass`` makes one from ``inspect.signature`` otherwise.
    """

    __slots__ = ()
    #: Every subclass is a dataclass (declared for the type checker; set by ``@dataclass``).
    __dataclass_fields__: ClassVar[dict[str, Field[Any]]]

    def _values(self) -> tuple[object, ...]:
        return tuple(getattr(self, f.name) for f in fields(self))

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return self._values() == other._values()

    def __ne__(self, other: object) -> bool:
        equal = self.__eq__(other)
        return equal if equal is NotImplemented else not equal

    __hash__ = None  # type: ignore[assignment]  # mappings inside make them unhashable

    def __repr__(self) -> str:
        shown = ", ".join(f"{f.name}={getattr(self, f.name)!r}" for f in fields(self) if f.repr)
        return f"{self.__class__.__name__}({shown})"


#: An answer, text, number or list left empty means "not answered yet".


@dataclass(frozen=True, eq=False, repr=False)
class CanvasInfo(_Record):
    """The ``canvas:`` block: what the canvas is and who it is for."""

    title: str | None = None
    organization: str | None = None
    prepared_by: tuple[str, ...] = ()
    prepared_for: str | None = None
    date: str | None = None
    version: str | None = None
    status: str | None = None
    kind: str | None = None  # health-plan | provider | digital-health | other
    confidentiality: str | None = None
    branding: Branding | None = None
    path: str = "canvas"
    span: Span = NO_SPAN


@dataclass(frozen=True, eq=False, repr=False)
class Branding(_Record):
    """The canvas's branding: a logo and a colour for the report."""

    logo: str | None = None
    color: str | None = None
    path: str = "canvas.branding"
    span: Span = NO_SPAN


@dataclass(frozen=True, eq=False, repr=False)
class Segment(_Record):
    """A customer segment: who buys or uses the model, and where they stand."""

    id: str
    name: str | None = None
    role: str | None = None
    description: str | None = None
    stage: str | None = None
    target_stage: str | None = None
    preferences: tuple[str, ...] = ()
    kind: str | None = None  # member | patient | caregiver | ...
    jobs: tuple[str, ...] = ()  # the jobs-to-be-done the model serves for them
    trajectory: str | None = None  # where they are heading
    destination: str | None = None  # where the model means them to end up
    path: str = ""
    span: Span = NO_SPAN


@dataclass(frozen=True, eq=False, repr=False)
class ValueProposition(_Record):
    """A value proposition and the segments it serves."""

    id: str
    name: str | None = None
    segments: tuple[str, ...] = ()
    description: str | None = None
    path: str = ""
    span: Span = NO_SPAN


@dataclass(frozen=True, eq=False, repr=False)
class Channel(_Record):
    """A channel through which the model reaches its segments."""

    id: str
    name: str | None = None
    kind: str | None = None
    description: str | None = None
    path: str = ""
    span: Span = NO_SPAN


@dataclass(frozen=True, eq=False, repr=False)
class BlockItem(_Record):
    """One item of a plain canvas block (revenue streams, key partners, ...)."""

    text: str | None = None
    segments: tuple[str, ...] = ()
    path: str = ""
    span: Span = NO_SPAN


@dataclass(frozen=True, eq=False, repr=False)
class Answer(_Record):
    """The answer to one of the eight questions: one text, or one text per segment.

    Empty texts are dropped when loading, so ``is_answered`` is all a check needs.
    """

    question: str
    text: str | None = None
    per_segment: Mapping[str, str] = field(default_factory=dict)
    path: str = ""
    span: Span = NO_SPAN

    @property
    def is_answered(self) -> bool:
        return bool(self.text) or bool(self.per_segment)


@dataclass(frozen=True, eq=False, repr=False)
class DimensionUse(_Record):
    """How the model uses one of the seven relationship dimensions.

    Its ``segments`` are written as a list of ids or as the mix (segment id ->
    degree). ``segments`` holds the ids it serves either way (in the mix, those
    at a degree other than none), ``mix`` the mapping as written (empty for the
    list form), and ``degree_for`` reads the degree of any segment.
    """

    id: str
    use: str | None = None
    reason: str | None = None
    segments: tuple[str, ...] = ()  # the segments served; see serves_every_segment
    approach: str | None = None
    channels: tuple[str, ...] = ()
    message: str | None = None
    emotional_support: str | None = None
    physical_comfort: str | None = None
    measures: tuple[str, ...] = ()
    owner: str | None = None
    incentives: tuple[str, ...] = ()
    mix: Mapping[str, str] = field(default_factory=dict)  # segment id -> degree, as written
    path: str = ""
    span: Span = NO_SPAN

    def __post_init__(self) -> None:
        # the loader passes the mix form of ``segments`` as a mapping
        written: object = self.segments
        if isinstance(written, Mapping):
            mix = dict(written)
            object.__setattr__(self, "mix", mix)
            served = tuple(s for s, degree in mix.items() if degree != vocab.NO_USE)
            object.__setattr__(self, "segments", served)

    @property
    def is_used(self) -> bool:
        return self.use in vocab.USED_DIMENSION_USES

    @property
    def serves_every_segment(self) -> bool:
        """Whether ``segments`` is omitted (every segment at ``use``)."""
        return not self.segments and not self.mix

    def degree_for(self, segment_id: str) -> str | None:
        """The dimension's degree for one segment (the format's reading rule of the
        mix): with ``segments`` omitted, ``use``; with a list, ``use`` for a listed
        segment and none for any other; with the mix, its degree, none when left out.
        """
        if self.mix:
            return self.mix.get(segment_id, vocab.NO_USE)
        if not self.segments or segment_id in self.segments:
            return self.use
        return vocab.NO_USE


@dataclass(frozen=True, eq=False, repr=False)
class Measure(_Record):
    """A measure of the relationship: its indicator, figures and owner."""

    id: str
    name: str | None = None
    domain: str | None = None
    indicator: str | None = None
    tracks: str | None = None
    unit: str | None = None
    direction: str | None = None
    baseline: float | int | None = None
    current: float | int | None = None
    target: float | int | None = None
    due: str | None = None
    owner: str | None = None
    status: str = "active"
    segments: tuple[str, ...] = ()  # who it measures; empty: every segment
    channel: str | None = None  # for by-channel indicators (cost to satisfy)
    headline: bool = False  # shown on the executive summary
    path: str = ""
    span: Span = NO_SPAN


@dataclass(frozen=True)
class Duration:
    """A length of time as written ("2 days", "90 minutes") and in minutes."""

    text: str
    minutes: float

    def __str__(self) -> str:
        return self.text


@dataclass(frozen=True, eq=False, repr=False)
class JourneyTime(_Record):
    """How long one journey takes the customer, end to end: then, now, aimed for."""

    baseline: Duration | None = None
    current: Duration | None = None
    target: Duration | None = None
    due: str | None = None
    path: str = ""
    span: Span = NO_SPAN


@dataclass(frozen=True, eq=False, repr=False)
class Touch(_Record):
    """One touch of a journey: where the customer meets the company, and how it goes."""

    name: str
    id: str | None = None
    channel: str | None = None
    office: str | None = None  # front | middle | back
    dimension: str | None = None
    pain: str | None = None  # high | medium | low
    cost: str | None = None  # high | medium | low
    time: Duration | None = None
    path: str = ""
    span: Span = NO_SPAN


@dataclass(frozen=True, eq=False, repr=False)
class Journey(_Record):
    """A customer journey of the journey map: whose, for which job, its time and touches."""

    id: str
    name: str
    segment: str
    job: str | None = None
    time: JourneyTime | None = None
    owner: str | None = None
    touches: tuple[Touch, ...] = ()
    path: str = ""
    span: Span = NO_SPAN


@dataclass(frozen=True, eq=False, repr=False)
class System(_Record):
    """A system behind the smiles: what it is, where it sits, what depends on it."""

    id: str
    name: str
    kind: str | None = None
    office: str | None = None
    serves: tuple[str, ...] = ()  # dimension ids
    data_governance: str | None = None  # absent | partial | established
    pain: str | None = None  # high | medium | low
    path: str = ""
    span: Span = NO_SPAN


@dataclass(frozen=True, eq=False, repr=False)
class CX(_Record):
    """Bone-deep CX: how far each capability reaches into each office, and the systems."""

    capabilities: Mapping[str, Mapping[str, str]] = field(default_factory=dict)
    systems: tuple[System, ...] = ()
    path: str = "cx"
    span: Span = NO_SPAN

    def reach(self, capability: str, office: str) -> str | None:
        """How far ``capability`` reaches into ``office`` (None: not assessed)."""
        return self.capabilities.get(capability, {}).get(office)


@dataclass(frozen=True, eq=False, repr=False)
class CustomerRelationships(_Record):
    """The ``customer_relationships:`` block: answers, dimensions and measures."""

    answers: Mapping[str, Answer] = field(default_factory=dict)
    dimensions: Mapping[str, DimensionUse] = field(default_factory=dict)
    measures: tuple[Measure, ...] = ()
    path: str = "customer_relationships"
    span: Span = NO_SPAN


@dataclass(frozen=True, eq=False, repr=False)
class Canvas(_Record):
    """A loaded canvas. ``file`` is the path it was read from (as given)."""

    file: str
    modelh: int
    canvas: CanvasInfo
    segments: tuple[Segment, ...] = ()
    value_propositions: tuple[ValueProposition, ...] = ()
    channels: tuple[Channel, ...] = ()
    revenue_streams: tuple[BlockItem, ...] = ()
    key_activities: tuple[BlockItem, ...] = ()
    key_resources: tuple[BlockItem, ...] = ()
    key_partners: tuple[BlockItem, ...] = ()
    cost_structure: tuple[BlockItem, ...] = ()
    customer_relationships: CustomerRelationships = field(default_factory=CustomerRelationships)
    journeys: tuple[Journey, ...] = ()
    cx: CX | None = None
    extensions: tuple[str, ...] = ()  # the top-level ``x-`` keys, kept as written
    spans: Mapping[str, Span] = field(default_factory=dict, repr=False)
    key_spans: Mapping[str, Span] = field(default_factory=dict, repr=False)
    span: Span = NO_SPAN

    @property
    def path(self) -> str:
        return ""

    @property
    def answers(self) -> Mapping[str, Answer]:
        return self.customer_relationships.answers

    @property
    def dimensions(self) -> Mapping[str, DimensionUse]:
        return self.customer_relationships.dimensions

    @property
    def measures(self) -> tuple[Measure, ...]:
        return self.customer_relationships.measures

    def segment(self, id: str) -> Segment | None:
        return next((s for s in self.segments if s.id == id), None)

    def channel(self, id: str) -> Channel | None:
        return next((c for c in self.channels if c.id == id), None)

    def measure(self, id: str) -> Measure | None:
        return next((m for m in self.measures if m.id == id), None)

    def journey(self, id: str) -> Journey | None:
        return next((j for j in self.journeys if j.id == id), None)

    def is_digital(self, touch: Touch) -> bool:
        """Whether a touch is digital: its channel's kind is digital, email, chat or sms."""
        channel = self.channel(touch.channel) if touch.channel else None
        return channel is not None and channel.kind in vocab.DIGITAL_CHANNEL_KINDS

    def place(self, path: str) -> tuple[str, Span]:
        """Where a finding about ``path`` points: its value, or the key of a block.

        A missing path points at its nearest existing parent; a mapping, a list
        or an empty value points at its key (the line that names it), any other
        scalar at its value.
        """
        found, span = self.locate(path)
        spans = self.spans
        if (
            isinstance(spans, SpanIndex)
            and (spans.is_collection(found) or spans.is_blank(found))
            and found in self.key_spans
        ):
            return found, self.key_spans[found]
        return found, span

    def locate(self, path: str) -> tuple[str, Span]:
        """The span of ``path``'s value, or of its nearest existing parent.

        Returns the path actually found with its span, so a missing key is
        reported where it would be written.
        """
        probe = path
        while probe:
            if probe in self.spans:
                return probe, self.spans[probe]
            probe = _parent_path(probe)
        return "", self.span


def _parent_path(path: str) -> str:
    cut = max(path.rfind("."), path.rfind("["))
    return path[:cut] if cut > 0 else ""
