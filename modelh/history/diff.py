"""Two versions of a canvas compared by meaning: what a consultant changed, not which lines.

``diff_sources`` loads both versions, checks both, and returns a ``CanvasDiff``:
plain frozen data that the command line prints (``history.output``) and that a
report can show as it is. Per part of the canvas:

- the ``canvas`` block: each field that changed;
- every block of items: items added, removed, reworded or changed. Items with
  an id are matched by id; items without one (revenue streams, key partners,
  touches without an id) by the same words, then by how alike their words are;
- the eight answers, each with a word-level difference (per segment when
  answered per segment);
- the seven dimensions: their overall degree (``use``) and each segment's
  degree (the mix), and any other field;
- measures: baseline, current and target moves with the numbers and the
  difference, and whether the move is for the better (by ``direction``);
- segments' stages along the value chain, and whether one crossed the Trust
  Inflection Point;
- journeys with their time and touches; bone-deep CX reach and systems;
- the firm's ``x-`` keys (added, removed, changed), read as data;
- completeness and the gap count, before and after.

Comments, layout, key order, whitespace inside a text and the order of a list
of items are not changes (touches excepted: their order is the journey's).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from modelh.canvas.facts import trust
from modelh.canvas.model import (
    Answer,
    BlockItem,
    Canvas,
    Channel,
    DimensionUse,
    Duration,
    Journey,
    Measure,
    Segment,
    System,
    Touch,
    ValueProposition,
)
from modelh.framework import vocab
from modelh.history.diffkit import (
    _delta,
    _field_changes,
    _id,
    _items,
    _name_or_id,
    _value,
)
from modelh.history.records import (
    AnswerChange,
    BlockDiff,
    CanvasDiff,
    DegreeChange,
    DimensionChange,
    FieldChange,
    ItemChange,
    JourneyChange,
    MeasureChange,
    Move,
    ReachChange,
    Side,
    StageChange,
    Value,
)
from modelh.history.words import same_text, word_diff

#: What is compared for each kind of item (stages and figures have sections of their own).
_SEGMENT_FIELDS = (
    "name",
    "role",
    "kind",
    "description",
    "preferences",
    "jobs",
    "trajectory",
    "destination",
)
_PROPOSITION_FIELDS = ("name", "segments", "description")
_CHANNEL_FIELDS = ("name", "kind", "description")
_ITEM_FIELDS = ("text", "segments")
_MEASURE_FIELDS = (
    "name",
    "domain",
    "indicator",
    "tracks",
    "unit",
    "direction",
    "due",
    "owner",
    "status",
    "segments",
    "channel",
    "headline",
)
_DIMENSION_FIELDS = (
    "reason",
    "approach",
    "channels",
    "message",
    "emotional_support",
    "physical_comfort",
    "measures",
    "owner",
    "incentives",
)
_JOURNEY_FIELDS = ("name", "segment", "job", "owner")
_TOUCH_FIELDS = ("name", "channel", "office", "dimension", "pain", "cost", "time")
_SYSTEM_FIELDS = ("name", "kind", "office", "serves", "data_governance", "pain")
_CANVAS_FIELDS = (
    "title",
    "organization",
    "prepared_by",
    "prepared_for",
    "date",
    "version",
    "status",
    "kind",
    "confidentiality",
)


def _blocks(old: Canvas, new: Canvas) -> tuple[BlockDiff, ...]:
    found = []

    def add(block: str, items: tuple[ItemChange, ...]) -> None:
        if items:
            found.append(BlockDiff(block, items))

    segment: Callable[[Segment], str] = _name_or_id
    add(
        "segments",
        _items(
            old.segments,
            new.segments,
            key=_id,
            text=lambda s: s.name,
            label=segment,
            fields=_SEGMENT_FIELDS,
        ),
    )
    proposition: Callable[[ValueProposition], str] = _name_or_id
    add(
        "value_propositions",
        _items(
            old.value_propositions,
            new.value_propositions,
            key=_id,
            text=lambda v: v.name,
            label=proposition,
            fields=_PROPOSITION_FIELDS,
        ),
    )
    channel: Callable[[Channel], str] = _name_or_id
    add(
        "channels",
        _items(
            old.channels,
            new.channels,
            key=_id,
            text=lambda c: c.name,
            label=channel,
            fields=_CHANNEL_FIELDS,
        ),
    )
    for block in vocab.ITEM_BLOCKS:
        olds: tuple[BlockItem, ...] = getattr(old, block)
        news: tuple[BlockItem, ...] = getattr(new, block)
        add(
            block,
            _items(
                olds,
                news,
                key=lambda i: None,
                text=lambda i: i.text,
                label=lambda i: i.text or "",
                fields=_ITEM_FIELDS,
            ),
        )
    return tuple(found)


# ---------------------------------------------------------------------------
# Answers, dimensions, measures, stages


def _answer_texts(answer: Answer | None) -> dict[str | None, str]:
    if answer is None:
        return {}
    texts: dict[str | None, str] = {}
    if answer.text:
        texts[None] = answer.text
    texts.update(answer.per_segment)
    return texts


def _answers(old: Canvas, new: Canvas) -> tuple[AnswerChange, ...]:
    changes = []
    for question in vocab.QUESTION_IDS:
        a = _answer_texts(old.answers.get(question))
        b = _answer_texts(new.answers.get(question))
        for segment in dict.fromkeys([*a, *b]):
            before, after = a.get(segment), b.get(segment)
            if same_text(before, after) and (before is None) == (after is None):
                continue
            changes.append(AnswerChange(question, segment, before, after, word_diff(before, after)))
    return tuple(changes)


def _dimensions(old: Canvas, new: Canvas) -> tuple[DimensionChange, ...]:
    shared = [s.id for s in new.segments if old.segment(s.id) is not None]
    changes = []
    for dim_id in vocab.DIMENSION_IDS:
        a: DimensionUse | None = old.dimensions.get(dim_id)
        b: DimensionUse | None = new.dimensions.get(dim_id)
        if a is None and b is None:
            continue
        degrees = []
        use_a = a.use if a is not None else None
        use_b = b.use if b is not None else None
        if use_a != use_b:
            degrees.append(DegreeChange(None, use_a, use_b))
        for segment in shared:
            da = a.degree_for(segment) if a is not None else None
            db = b.degree_for(segment) if b is not None else None
            if da != db:
                degrees.append(DegreeChange(segment, da, db))
        fields = _field_changes(a, b, _DIMENSION_FIELDS)
        if not degrees and not fields:
            continue
        kind = "added" if a is None else "removed" if b is None else "changed"
        changes.append(DimensionChange(dim_id, kind, tuple(degrees), fields))
    return tuple(changes)


def _better(direction: str | None, delta: float | int | None) -> bool | None:
    if delta is None or delta == 0 or direction not in ("up", "down"):
        return None
    return (delta > 0) == (direction == "up")


def _measures(old: Canvas, new: Canvas) -> tuple[MeasureChange, ...]:
    changes = []
    old_ids = {m.id for m in old.measures}
    new_ids = {m.id for m in new.measures}
    order: list[tuple[Measure | None, Measure | None]] = [
        (old.measure(m.id), m) for m in new.measures
    ]
    order += [(m, None) for m in old.measures if m.id not in new_ids]
    for a, b in order:
        shown = b if b is not None else a
        assert shown is not None
        moves = []
        for name in ("baseline", "current", "target"):
            x = getattr(a, name) if a is not None else None
            y = getattr(b, name) if b is not None else None
            if x == y:
                continue
            delta = _delta(x, y)
            better = _better(shown.direction, delta) if name == "current" else None
            moves.append(Move(name, x, y, delta, better))
        fields = _field_changes(a, b, _MEASURE_FIELDS) if a is not None and b is not None else ()
        if a is not None and b is not None and not moves and not fields:
            continue
        kind = "added" if shown.id not in old_ids else "removed" if b is None else "changed"
        changes.append(
            MeasureChange(
                shown.id,
                shown.name or shown.id,
                kind,
                shown.unit,
                shown.direction,
                tuple(moves),
                fields,
            )
        )
    return tuple(changes)


def _stages(old: Canvas, new: Canvas) -> tuple[StageChange, ...]:
    changes = []
    for b in new.segments:
        a = old.segment(b.id)
        if a is None:
            continue
        for name in ("stage", "target_stage"):
            x, y = getattr(a, name), getattr(b, name)
            if x == y:
                continue
            steps = (
                vocab.STAGE_IDS.index(y) - vocab.STAGE_IDS.index(x)
                if x is not None and y is not None
                else None
            )
            changes.append(StageChange(b.id, b.name or b.id, name, x, y, steps, trust(x), trust(y)))
    return tuple(changes)


# ---------------------------------------------------------------------------
# Journeys, CX, extensions


def _text_or_none(value: Value) -> str | None:
    return value if isinstance(value, str) else None


def _touch_key(touch: Touch) -> str | None:
    return touch.id or None


def _journeys(old: Canvas, new: Canvas) -> tuple[JourneyChange, ...]:
    changes = []
    new_ids = {j.id for j in new.journeys}
    pairs: list[tuple[Journey | None, Journey | None]] = [
        (old.journey(j.id), j) for j in new.journeys
    ]
    pairs += [(j, None) for j in old.journeys if j.id not in new_ids]
    for a, b in pairs:
        shown = b if b is not None else a
        assert shown is not None
        if a is None or b is None:
            changes.append(JourneyChange(shown.id, shown.name, "added" if a is None else "removed"))
            continue
        fields = _field_changes(a, b, _JOURNEY_FIELDS)
        time = []
        for name in ("baseline", "current", "target", "due"):
            x = getattr(a.time, name, None) if a.time is not None else None
            y = getattr(b.time, name, None) if b.time is not None else None
            tx, ty = _value(x), _value(y)
            if tx == ty:
                continue
            delta = None
            if isinstance(x, Duration) and isinstance(y, Duration):
                delta = _delta(x.minutes, y.minutes)
            # shorter is better for a customer's time
            better = None if not delta or name != "current" else delta < 0
            time.append(Move(name, _text_or_none(tx), _text_or_none(ty), delta, better))
        touches = _items(
            a.touches,
            b.touches,
            key=_touch_key,
            text=lambda t: t.name,
            label=lambda t: t.name,
            fields=("id", *_TOUCH_FIELDS),
        )
        reordered = False
        if not any(t.change in ("added", "removed") for t in touches):
            old_keys = [t.id or t.name for t in a.touches]
            new_keys = [t.id or t.name for t in b.touches]
            reordered = old_keys != new_keys and sorted(old_keys) == sorted(new_keys)
        if fields or time or touches or reordered:
            changes.append(
                JourneyChange(b.id, b.name, "changed", fields, tuple(time), touches, reordered)
            )
    return tuple(changes)


def _reach(old: Canvas, new: Canvas) -> tuple[ReachChange, ...]:
    a = old.cx.capabilities if old.cx is not None else {}
    b = new.cx.capabilities if new.cx is not None else {}
    changes = []
    capabilities = list(dict.fromkeys([*vocab.CX_CAPABILITY_IDS, *a, *b]))
    for capability in capabilities:
        for office in vocab.OFFICES:
            x = a.get(capability, {}).get(office)
            y = b.get(capability, {}).get(office)
            if x != y:
                changes.append(ReachChange(capability, office, x, y))
    return tuple(changes)


def _systems(old: Canvas, new: Canvas) -> tuple[ItemChange, ...]:
    a: tuple[System, ...] = old.cx.systems if old.cx is not None else ()
    b: tuple[System, ...] = new.cx.systems if new.cx is not None else ()
    return _items(
        a,
        b,
        key=_id,
        text=lambda s: s.name,
        label=_name_or_id,
        fields=_SYSTEM_FIELDS,
    )


def _extensions(old: Mapping[str, Any], new: Mapping[str, Any]) -> tuple[ItemChange, ...]:
    changes = []
    for key in dict.fromkeys([*old, *new]):
        if key not in new:
            changes.append(ItemChange("removed", key, key))
        elif key not in old:
            changes.append(ItemChange("added", key, key))
        elif old[key] != new[key]:
            changes.append(ItemChange("changed", key, key))
    return tuple(changes)


# ---------------------------------------------------------------------------
# The whole diff


def diff_canvases(
    old: Canvas,
    new: Canvas,
    *,
    old_side: Side | None = None,
    new_side: Side | None = None,
    old_extensions: Mapping[str, Any] | None = None,
    new_extensions: Mapping[str, Any] | None = None,
) -> CanvasDiff:
    """What changed from ``old`` to ``new``, by meaning (see the module's docstring).

    ``old_side`` and ``new_side`` carry each version's label and scores
    (``diff_sources`` makes them); ``*_extensions`` are the ``x-`` keys' values.
    """
    old_side = old_side or Side(old.file, {}, {}, old.canvas.date, old.canvas.version)
    new_side = new_side or Side(new.file, {}, {}, new.canvas.date, new.canvas.version)
    canvas = list(_field_changes(old.canvas, new.canvas, _CANVAS_FIELDS))
    branding = _field_changes(old.canvas.branding, new.canvas.branding, ("logo", "color"))
    canvas += [FieldChange(f"branding.{c.field}", c.old, c.new, c.words) for c in branding]
    extensions = (
        _extensions(old_extensions or {}, new_extensions or {})
        if old_extensions is not None or new_extensions is not None
        else _extensions(dict.fromkeys(old.extensions), dict.fromkeys(new.extensions))
    )
    return CanvasDiff(
        old_side,
        new_side,
        canvas=tuple(canvas),
        blocks=_blocks(old, new),
        answers=_answers(old, new),
        dimensions=_dimensions(old, new),
        measures=_measures(old, new),
        stages=_stages(old, new),
        journeys=_journeys(old, new),
        reach=_reach(old, new),
        systems=_systems(old, new),
        extensions=extensions,
    )
