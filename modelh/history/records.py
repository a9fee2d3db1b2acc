"""What a comparison of two canvases finds, as plain frozen records: the fields, items,
answers, degrees, figures, stages, journeys and reach that changed (``diff.py``
makes them; the command line, the report and the history read them)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from modelh.history.words import Piece

#: A value of a field as compared: text, number, list of texts, or None (empty).
Value = str | int | float | tuple[str, ...] | None


@dataclass(frozen=True)
class FieldChange:
    """One field whose value changed. ``words`` is the word-level difference of a text."""

    field: str
    old: Value
    new: Value
    words: tuple[Piece, ...] = ()

    @property
    def added(self) -> tuple[str, ...]:
        """For a list: the entries only the new value has."""
        old = self.old if isinstance(self.old, tuple) else ()
        new = self.new if isinstance(self.new, tuple) else ()
        return tuple(x for x in new if x not in old)

    @property
    def removed(self) -> tuple[str, ...]:
        """For a list: the entries only the old value has."""
        old = self.old if isinstance(self.old, tuple) else ()
        new = self.new if isinstance(self.new, tuple) else ()
        return tuple(x for x in old if x not in new)


@dataclass(frozen=True)
class ItemChange:
    """An item of a list that was ``added``, ``removed``, ``reworded`` (matched by how
    alike its text is, its text changed) or ``changed`` (matched by id or by the
    same text, other fields changed). ``key`` is its id, or its text without one."""

    change: str
    key: str
    label: str
    fields: tuple[FieldChange, ...] = ()
    similarity: float | None = None  # for a reworded item: how alike, 0 to 1


@dataclass(frozen=True)
class BlockDiff:
    """The changes in one block of the canvas (``segments``, ``key_partners``...)."""

    block: str
    items: tuple[ItemChange, ...]


@dataclass(frozen=True)
class AnswerChange:
    """An answer that changed: for the whole model (``segment`` None) or one segment."""

    question: str
    segment: str | None
    old: str | None
    new: str | None
    words: tuple[Piece, ...]


@dataclass(frozen=True)
class DegreeChange:
    """A dimension's degree that changed: overall (``segment`` None) or for one segment.
    None is "not considered" (overall) or "no longer / not yet a segment"."""

    segment: str | None
    old: str | None
    new: str | None


@dataclass(frozen=True)
class DimensionChange:
    """A dimension ``added`` (considered now), ``removed`` or ``changed``."""

    id: str
    change: str
    degrees: tuple[DegreeChange, ...] = ()
    fields: tuple[FieldChange, ...] = ()


@dataclass(frozen=True)
class Move:
    """A figure that moved: baseline, current or target (or a journey's time).

    ``delta`` is new minus old when both are numbers (durations: in minutes);
    ``better`` says whether the move goes the measure's way (its ``direction``),
    None when that cannot be told.
    """

    field: str
    old: float | int | str | None
    new: float | int | str | None
    delta: float | int | None = None
    better: bool | None = None


@dataclass(frozen=True)
class MeasureChange:
    """A measure ``added``, ``removed`` or ``changed``: its figures' moves, other fields."""

    id: str
    name: str
    change: str
    unit: str | None = None
    direction: str | None = None
    moves: tuple[Move, ...] = ()
    fields: tuple[FieldChange, ...] = ()


@dataclass(frozen=True)
class StageChange:
    """A segment's ``stage`` or ``target_stage`` that moved along the value chain.

    ``steps`` is how many stages forward (negative: back); ``trust_old`` and
    ``trust_new`` where it stands to the Trust Inflection Point (before, at, past).
    """

    segment: str
    name: str
    field: str
    old: str | None
    new: str | None
    steps: int | None
    trust_old: str | None
    trust_new: str | None

    @property
    def crossed(self) -> bool:
        """Whether the segment moved past the Trust Inflection Point, or fell back from it."""
        return (self.trust_old == "past") != (self.trust_new == "past") and self.field == "stage"


@dataclass(frozen=True)
class JourneyChange:
    """A journey ``added``, ``removed`` or ``changed``: fields, time, touches."""

    id: str
    name: str
    change: str
    fields: tuple[FieldChange, ...] = ()
    time: tuple[Move, ...] = ()
    touches: tuple[ItemChange, ...] = ()
    reordered: bool = False  # the same touches, met in another order


@dataclass(frozen=True)
class ReachChange:
    """How far a CX capability reaches into an office, then and now."""

    capability: str
    office: str
    old: str | None
    new: str | None


@dataclass(frozen=True)
class Side:
    """One version: its label, completeness and gap count (by severity), and its date."""

    label: str
    completeness: Mapping[str, int]
    gaps: Mapping[str, int]
    date: str | None = None
    version: str | None = None

    @property
    def gap_count(self) -> int:
        return sum(self.gaps.values())


@dataclass(frozen=True)
class CanvasDiff:
    """What changed from ``old`` to ``new``, part by part; ``equal`` when nothing did."""

    old: Side
    new: Side
    canvas: tuple[FieldChange, ...] = ()
    blocks: tuple[BlockDiff, ...] = ()
    answers: tuple[AnswerChange, ...] = ()
    dimensions: tuple[DimensionChange, ...] = ()
    measures: tuple[MeasureChange, ...] = ()
    stages: tuple[StageChange, ...] = ()
    journeys: tuple[JourneyChange, ...] = ()
    reach: tuple[ReachChange, ...] = ()
    systems: tuple[ItemChange, ...] = ()
    extensions: tuple[ItemChange, ...] = ()

    @property
    def equal(self) -> bool:
        return not (
            self.canvas
            or self.blocks
            or self.answers
            or self.dimensions
            or self.measures
            or self.stages
            or self.journeys
            or self.reach
            or self.systems
            or self.extensions
        )

    def count(self) -> int:
        """How many changes there are, each item, answer, figure or degree counting one."""
        return (
            len(self.canvas)
            + sum(len(b.items) for b in self.blocks)
            + len(self.answers)
            + sum(max(1, len(d.degrees) + len(d.fields)) for d in self.dimensions)
            + sum(max(1, len(m.moves) + len(m.fields)) for m in self.measures)
            + len(self.stages)
            + sum(max(1, len(j.fields) + len(j.time) + len(j.touches)) for j in self.journeys)
            + len(self.reach)
            + len(self.systems)
            + len(self.extensions)
        )


# ---------------------------------------------------------------------------
# Values as compared
