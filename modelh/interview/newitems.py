"""New items asked for on the spot, field by field: segments, value propositions,
channels, measures, journeys and their touches, systems. Each is saved as soon as its
questions are answered; ``/back`` in the middle gives it up and writes nothing.

``NewItems`` (segments, value propositions, channels, measures) and
``newitems_depth.NewDepthItems`` (journeys, touches, systems, and adding items of
any kind) are parts of ``modelh.interview.walk.Interview``, kept apart so that the
walk itself (where it is, resuming, reloading) stays readable.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from modelh import framework as fw
from modelh.canvas.editing import Append, CanvasFile, Edit
from modelh.canvas.keypaths import Path_
from modelh.canvas.model import Canvas
from modelh.errors import CanvasError
from modelh.framework import vocab
from modelh.interview.steps import (
    CHANNEL_KIND_LABELS,
    ROLES,
    Step,
)
from modelh.interview.talk import (
    ANSWER,
    BACK,
    NEW,
    OTHER,
    QUIT,
    Cancelled,
    Change,
    Outcome,
    Prompter,
    Quit,
    first_problem,
    slug,
)

#: Where the measures are.
MEASURES: tuple[str, str] = ("customer_relationships", "measures")


class NewItems:
    """The interview's questions for a new item (``Interview`` is one)."""

    file: CanvasFile
    prompter: Prompter
    outcome: Outcome

    def ask_field(self, step: Step, check: Callable[[Any], str | None] | None = None) -> Any:
        """Ask one field of a new item, checked as it is given.

        Enter or /skip leave it as proposed (or empty); /back gives the item up;
        /quit ends the interview. ``check`` returns why a value is refused.
        """
        self.prompter.show(step)
        while True:
            reply = self.prompter.ask(step)
            if reply.action == QUIT:
                raise Quit
            if reply.action == BACK:
                raise Cancelled
            value = reply.value if reply.action == ANSWER else step.current
            if step.required and value in (None, ""):
                self.prompter.tell("This one is needed.", "error")
                continue
            problem = check(value) if check is not None and value not in (None, "") else None
            if problem:
                self.prompter.tell(problem, "error")
                continue
            return value

    def ask_name_and_id(
        self, noun: str, section: str, group: str, canvas: Canvas, topic: str = ""
    ) -> tuple[str, str]:
        """A new item's name, and its id: proposed from the name, checked as typed."""
        topic = topic or noun
        name = self.ask_field(
            Step(
                f"{topic}:new:name",
                section,
                group,
                f"Name of the new {noun}?",
                "text",
                required=True,
                guidance=fw.COACHING.get(f"{topic}.name"),
            )
        )
        taken = _ids(canvas)
        ident = self.ask_field(
            Step(
                f"{topic}:new:id",
                section,
                group,
                "Its id (Enter keeps the one made from the name)?",
                "text",
                current=_free(slug(name), taken),
                required=True,
                guidance=fw.COACHING["item.id"],
            ),
            _id_check(taken),
        )
        return name, ident

    def _append(self, path: Path_, item: dict[str, Any], noun: str) -> str:
        """Add ``item`` (its empty values left out) to the list at ``path``; its id."""
        item = {k: v for k, v in item.items() if v not in (None, "", [], ())}
        self.file.apply([Append(path, item)])
        ident = str(item["id"])
        self.outcome.changes.append(Change((*path, f"[{ident}]"), None, item))
        self.prompter.tell(f"added {noun} '{ident}'", "saved")
        return ident

    def create_segment(self) -> str | None:
        """Ask for a new segment (name, id, buyer or user), add it; return its id."""
        canvas = self.file.canvas()
        group, s = "New segment", "segments"
        try:
            name, ident = self.ask_name_and_id("segment", s, group, canvas)
            role = self.ask_field(
                Step(
                    "segment:new:role",
                    s,
                    group,
                    "Does this segment buy, use, or both?",
                    "choice",
                    choices=ROLES,
                    required=True,
                    guidance=fw.COACHING["segment.role"],
                )
            )
        except Cancelled:
            self.prompter.tell("No segment was added.")
            return None
        return self._append(("segments",), {"id": ident, "name": name, "role": role}, "segment")

    def create_value_proposition(self) -> str | None:
        """Ask for a new value proposition (name, id, its segments), add it; return its id."""
        canvas = self.file.canvas()
        group, s = "New value proposition", "value_propositions"
        try:
            name, ident = self.ask_name_and_id(
                "value proposition", s, group, canvas, topic="value_proposition"
            )
            segments: list[str] = []
            if canvas.segments:
                segments = (
                    self.ask_field(
                        Step(
                            "value_proposition:new:segments",
                            s,
                            group,
                            "For which segments is it built?",
                            "multi",
                            choices=tuple((g.id, g.name or g.id) for g in canvas.segments),
                            guidance=fw.COACHING["value_proposition.segments"],
                        )
                    )
                    or []
                )
        except Cancelled:
            self.prompter.tell("No value proposition was added.")
            return None
        item = {"id": ident, "name": name, "segments": list(segments)}
        return self._append(("value_propositions",), item, "value proposition")

    def create_channel(self, section: str = "channels") -> str | None:
        """Ask for a new channel, add it to the canvas, and return its id."""
        canvas = self.file.canvas()
        group = "New channel"
        try:
            name, ident = self.ask_name_and_id("channel", section, group, canvas)
            kind = self.ask_field(
                Step(
                    "channel:new:kind",
                    section,
                    group,
                    "What kind of channel is it?",
                    "choice",
                    choices=CHANNEL_KIND_LABELS,
                    guidance=fw.COACHING["channel.kind"],
                )
            )
        except Cancelled:
            self.prompter.tell("No channel was added.")
            return None
        return self._append(("channels",), {"id": ident, "name": name, "kind": kind}, "channel")

    def create_measure(
        self, for_dimension: str | None = None, section: str = "measures"
    ) -> str | None:
        """Ask for a new measure, add it (and to a dimension's measures); return its id."""
        canvas = self.file.canvas()
        group = "New measure" + (f" for {for_dimension}" if for_dimension else "")
        s = section

        def field(name: str, prompt: str, kind: str, topic: str, **more: Any) -> Step:
            return Step(
                f"measure:new:{name}",
                s,
                group,
                prompt,
                kind,
                guidance=fw.COACHING[f"measure.{topic}"],
                **more,
            )

        try:
            name, ident = self.ask_name_and_id("measure", s, group, canvas)
            domain = self.ask_field(
                field(
                    "domain",
                    "Which domain?",
                    "choice",
                    "domain",
                    choices=tuple((d.id, f"{d.name}: {d.summary}") for d in fw.DOMAINS),
                    required=True,
                )
            )
            catalog = fw.domain(domain).indicators
            indicator = None
            if catalog:
                indicator = self.ask_field(
                    field(
                        "indicator",
                        "Which indicator of the catalog?",
                        "choice",
                        "indicator",
                        choices=(
                            *((i.id, i.name) for i in catalog),
                            (OTHER, "other: an indicator the catalog does not name"),
                        ),
                    )
                )
                indicator = None if indicator == OTHER else indicator
            suggested = fw.indicator(indicator).tracks if indicator else None
            tracks = self.ask_field(
                field(
                    "tracks",
                    "What does it tell about?",
                    "choice",
                    "tracks",
                    current=suggested,
                    choices=tuple((t, t) for t in vocab.MEASURE_TRACKS),
                )
            )
            unit = self.ask_field(
                field("unit", "Unit (%, points, USD PMPM...)?", "text", "figures")
            )
            direction = self.ask_field(
                field(
                    "direction",
                    "Which way is better?",
                    "choice",
                    "figures",
                    choices=(("up", "up: higher is better"), ("down", "down: lower is better")),
                )
            )
            baseline = self.ask_field(
                field("baseline", "Baseline (the value when tracking starts)?", "number", "figures")
            )
            target = self.ask_field(field("target", "Target?", "number", "figures"))
            current = self.ask_field(
                field("current", "Current value (Enter: none yet)?", "number", "figures")
            )
            due = self.ask_field(
                field("due", "When is the target due? (2027, 2027-12, 2027-Q4)", "text", "due"),
                _period_check,
            )
            owner = self.ask_field(field("owner", "Who owns it?", "text", "owner"))
        except Cancelled:
            self.prompter.tell("No measure was added.")
            return None
        item = {
            "id": ident,
            "name": name,
            "domain": domain,
            "indicator": indicator,
            "tracks": tracks,
            "unit": unit,
            "direction": direction,
            "baseline": baseline,
            "current": current,
            "target": target,
            "due": due,
            "owner": owner,
            "status": "active",
        }
        item = {k: v for k, v in item.items() if v not in (None, "")}
        edits: list[Edit | Append] = [Append(("customer_relationships", "measures"), item)]
        if for_dimension:
            dim = canvas.dimensions.get(for_dimension)
            current_ids = list(dim.measures) if dim else []
            edits.append(
                Edit(
                    ("customer_relationships", "dimensions", for_dimension, "measures"),
                    [*current_ids, ident],
                )
            )
        self.file.apply(edits)
        self.outcome.changes.append(
            Change(("customer_relationships", "measures", f"[{ident}]"), None, item)
        )
        self.prompter.tell(f"added measure '{ident}'", "saved")
        return ident

    def _choose_channel(self, step: Step) -> Any:
        """A channel picked from the canvas's, or made on the spot ("+")."""
        while True:
            value = self.ask_field(step)
            if value != NEW:
                return value
            made = self.create_channel(step.section)
            if made is not None:
                return made


def _id_check(taken: set[str]) -> Callable[[Any], str | None]:
    def check(value: Any) -> str | None:
        ident = str(value)
        if slug(ident) != ident:
            return f"An id holds only lowercase letters, digits and hyphens: '{slug(ident)}'?"
        if ident in taken:
            return f"The id '{ident}' is taken in this canvas; choose another."
        return None

    return check


def _ids(canvas: Canvas) -> set[str]:
    """Every id of the canvas: an id is unique across the whole canvas."""
    return {
        *(s.id for s in canvas.segments),
        *(c.id for c in canvas.channels),
        *(v.id for v in canvas.value_propositions),
        *(m.id for m in canvas.measures),
        *(j.id for j in canvas.journeys),
        *(t.id for j in canvas.journeys for t in j.touches if t.id),
        *(s.id for s in (canvas.cx.systems if canvas.cx is not None else ())),
    }


def _free(ident: str, taken: set[str]) -> str:
    if ident not in taken:
        return ident
    n = 2
    while f"{ident}-{n}" in taken:
        n += 1
    return f"{ident}-{n}"


def _period_check(value: Any) -> str | None:
    """Why ``value`` is not a due date the canvas accepts (None: it is one), in the
    loader's own words."""
    import json

    from modelh.canvas.loader import parse_canvas

    text = (
        "modelh: 1\ncanvas: {title: t, organization: o}\ncustomer_relationships:\n"
        f"  measures:\n    - {{id: m, due: {json.dumps(str(value))}}}\n"
    )
    try:
        parse_canvas(text, "due")
    except CanvasError as exc:
        return first_problem(exc).removeprefix("measure 'm': ")
    return None
