"""The interview: a walk through the whole canvas in the method's order (segments,
value propositions, channels, the canvas questions, the seven dimensions, measures
and the other blocks), each answer written back into the canvas file at once.

The walk is a list of steps made from the canvas as it stands (``steps.plan``),
made again after every answer. Each step is shown and answered through a
``Prompter``: ``RichPrompter`` at a terminal, a scripted one in tests. Every
answer becomes an edit of the file's text (``modelh.canvas.editing``): only that
value changes, and the file is saved, atomically, before the next step is shown.
A section opens with a step that adds its items: a new segment, value
proposition, channel or measure is asked for field by field, on the spot (a
channel or a measure also from a dimension's list), and saved as soon as it is
complete. Nothing here prints.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from typing import Any, Protocol

from modelh import framework as fw
from modelh.canvas.editing import Append, CanvasFile, Edit, EditError
from modelh.canvas.model import Canvas
from modelh.canvas.splice import Path_
from modelh.errors import CanvasError, ModelhError
from modelh.framework import vocab
from modelh.interview.steps import (
    CHANNEL_KIND_LABELS,
    INTERVIEW_SECTIONS,
    ROLES,
    Step,
    degree,
    plan,
    strongest,
)

# What a reply can ask for besides an answer.
ANSWER, KEEP, SKIP, BACK, QUIT = "answer", "keep", "skip", "back", "quit"

#: The value a multi-select returns for "make a new one" (a channel or a measure).
NEW = "+new"

#: The indicator choice for a measure that counts something the catalog does not name.
OTHER = "other"


@dataclass(frozen=True)
class Reply:
    """What the person said to a step: an answer, or where to go."""

    action: str
    value: Any = None


class Prompter(Protocol):
    """How the interview meets a person (or a test)."""

    def show(self, step: Step) -> None:
        """Present the step: where we are, the question, the guidance, the current answer."""

    def ask(self, step: Step) -> Reply:
        """Ask for the step's answer; return it, or keep, skip, back or quit."""

    def tell(self, message: str, style: str = "") -> None:
        """Say something in passing (saved, a refused answer, a new item)."""


@dataclass
class Change:
    """One value the interview wrote.

    ``path`` is an edit's path: mapping keys, list items by ``"[id]"``, or by
    position (an integer).
    """

    path: Path_
    before: Any
    after: Any


@dataclass
class Outcome:
    """What an interview did."""

    changes: list[Change] = field(default_factory=list)
    completed: bool = False  # walked to the end (not quit)


def dotted(path: Sequence[str | int]) -> str:
    """A path in the canvas as a person reads it: ``segments[ma-members].stage``.

    A list position (an integer) reads ``segments[0]``.
    """
    out = ""
    for step in path:
        if isinstance(step, int):
            out += f"[{step}]"
        else:
            out += step if step.startswith("[") else ("." if out else "") + step
    return out


def slug(text: str) -> str:
    """An id made from a name: lowercase letters, digits and hyphens."""
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:40].strip("-") or "item"


@dataclass
class Interview:
    """An interview over one canvas file."""

    file: CanvasFile
    prompter: Prompter
    sections: Sequence[str] = INTERVIEW_SECTIONS
    revisit: bool = False  # --all: every step, answered or not
    only: str | None = None  # one question, dimension, segment or measure id
    outcome: Outcome = field(default_factory=Outcome)

    def steps(self) -> list[Step]:
        steps = plan(self.file.canvas(), self.sections)
        if self.only:
            steps = [s for s in steps if self.only in s.key.split(":")[1:]]
        return steps

    def run(self) -> Outcome:
        """Walk the steps; every answer is saved before the next step is shown."""
        steps = self.steps()
        if self.only and not steps:
            raise ModelhError(
                f"nothing to ask about '{self.only}': give a question, "
                "dimension, segment or measure id of this canvas"
            )
        history: list[str] = []
        done: set[str] = set()
        position = self._first(steps)
        while position is not None:
            step = steps[position]
            self.prompter.show(step)
            reply = self.prompter.ask(step)
            if reply.action == QUIT:
                return self.outcome
            if reply.action == BACK:
                if history:
                    back = history.pop()
                    done.discard(back)
                    position = next((i for i, s in enumerate(steps) if s.key == back), position)
                else:
                    self.prompter.tell("This is the first step.")
                continue
            if reply.action == ANSWER:
                try:
                    self.answer(step, reply.value)
                except (CanvasError, EditError) as exc:
                    self.prompter.tell(f"Not saved: {_first_problem(exc)}", "error")
                    continue
                except _Cancelled:
                    self.prompter.tell("Nothing was saved for this step.")
                    continue
                except _Quit:
                    return self.outcome
            history.append(step.key)
            done.add(step.key)
            steps = self.steps()  # the canvas changed: the walk may have grown or shrunk
            position = self._next(steps, step.key, done)
        self.outcome.completed = True
        return self.outcome

    def _first(self, steps: list[Step]) -> int | None:
        for i, step in enumerate(steps):
            if self.revisit or self.only or not step.answered:
                return i
        return None

    def _next(self, steps: list[Step], after: str, done: set[str]) -> int | None:
        keys = [s.key for s in steps]
        start = keys.index(after) + 1 if after in keys else 0
        for i in range(start, len(steps)):
            step = steps[i]
            if step.key in done:
                continue
            if self.revisit or self.only or not step.answered:
                return i
        return None

    # -- answering

    def answer(self, step: Step, value: Any) -> None:
        """Write ``value`` as the answer to ``step`` (and what it makes: new items)."""
        if step.kind == "confirm":
            if value and step.make:
                self.add_items(step)
            elif value:
                dim = step.key.split(":")[2]
                self.create_measure(for_dimension=dim)
            return
        if step.kind == "multi" and NEW in (value or ()):
            made = (
                self.create_channel(step.section)
                if step.allow_new == "channel"
                else self.create_measure(section=step.section)
            )
            if made is None:
                raise _Cancelled
            value = [v for v in value if v != NEW] + [made]
        if step.kind in ("multi", "list"):
            value = list(value or [])
        if _is_degree(step.path):
            self._write_degree(step.path, value)
            return
        if len(step.path) == 1 and step.path[0] in vocab.ITEM_BLOCKS:
            value = self._block_items(step.path[0], value)
        self._write([(Edit(step.path, value), step.current)])

    def _write(self, edits: list[tuple[Edit, Any]]) -> None:
        """Apply and save ``edits`` (each with the value it replaces), as one change."""
        pending = self.file.pending([edit for edit, _ in edits])
        if self.file.apply([edit for edit, _ in edits]):
            for edit, before in edits:
                if edit in pending:
                    self.outcome.changes.append(Change(edit.path, before, edit.value))
            self.prompter.tell(f"saved {dotted(edits[0][0].path)}", "saved")

    def _write_degree(self, path: tuple[str, ...], value: str) -> None:
        """A dimension's degree for one segment, into its mix, and ``use`` as the mix's
        highest degree (the format's reading rule). A list of segments (or none) becomes
        the mix it means, so no segment's degree changes but this one."""
        canvas = self.file.canvas()
        base, segment = path[:3], path[4]
        dim = canvas.dimensions.get(base[2])
        before = degree(dim, segment)
        if dim is not None and dim.mix:
            mix = {**dim.mix, segment: value}
            first = Edit(path, value)
        else:
            ids = [s.id for s in canvas.segments]
            if dim is not None:
                ids += [s for s in dim.segments if s not in ids]  # kept, even unknown
            known = {s: d for s in ids if (d := degree(dim, s)) is not None}
            mix = {
                s: value if s == segment else known[s] for s in ids if s in known or s == segment
            }
            first = Edit((*base, "segments"), mix)
        use = strongest(list(mix.values()))
        self._write(
            [(first, before), (Edit((*base, "use"), use), dim.use if dim is not None else None)]
        )

    def _block_items(self, block: str, texts: list[str]) -> list[Any]:
        """The typed items of a block, each keeping the segments it names in the canvas."""
        items = getattr(self.file.canvas(), block)
        kept = {item.text: item.segments for item in items if item.text and item.segments}
        return [
            {"text": text, "segments": list(kept[text])} if text in kept else text for text in texts
        ]

    def ask_field(self, step: Step, check: Callable[[Any], str | None] | None = None) -> Any:
        """Ask one field of a new item, checked as it is given.

        Enter or /skip leave it as proposed (or empty); /back gives the item up;
        /quit ends the interview. ``check`` returns why a value is refused.
        """
        self.prompter.show(step)
        while True:
            reply = self.prompter.ask(step)
            if reply.action == QUIT:
                raise _Quit
            if reply.action == BACK:
                raise _Cancelled
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

    def add_items(self, step: Step) -> None:
        """Add items of the kind ``step`` makes, one after another, until the person
        says no more; each is saved as soon as it is complete."""
        makers: dict[str, Callable[[], str | None]] = {
            "segment": self.create_segment,
            "value_proposition": self.create_value_proposition,
            "channel": lambda: self.create_channel(step.section),
            "measure": lambda: self.create_measure(section=step.section),
        }
        added = 0
        while makers[step.make]() is not None:
            added += 1
            again = next(
                (s for s in plan(self.file.canvas(), [step.section]) if s.key == step.key), step
            )
            if not self.ask_field(replace(again, key=f"{step.key}:again", number=0, total=0)):
                break
        if not added:
            raise _Cancelled

    def _append(self, path: tuple[str, ...], item: dict[str, Any], noun: str) -> str:
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
        except _Cancelled:
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
        except _Cancelled:
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
        except _Cancelled:
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
        except _Cancelled:
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


class _Cancelled(Exception):
    """A new item's questions were left before the item was complete."""


class _Quit(Exception):
    """The person asked to stop, in the middle of a new item's questions."""


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
    return {
        *(s.id for s in canvas.segments),
        *(c.id for c in canvas.channels),
        *(v.id for v in canvas.value_propositions),
        *(m.id for m in canvas.measures),
    }


def _free(ident: str, taken: set[str]) -> str:
    if ident not in taken:
        return ident
    n = 2
    while f"{ident}-{n}" in taken:
        n += 1
    return f"{ident}-{n}"


def _is_degree(path: tuple[str, ...]) -> bool:
    """Whether ``path`` is one segment's degree in a dimension's mix."""
    return (
        len(path) == 5
        and path[:2] == ("customer_relationships", "dimensions")
        and path[3] == "segments"
    )


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
        return _first_problem(exc).removeprefix("measure 'm': ")
    return None


def _first_problem(exc: Exception) -> str:
    if isinstance(exc, CanvasError) and exc.problems:
        return exc.problems[0].message
    return str(exc)


__all__ = [
    "ANSWER",
    "BACK",
    "INTERVIEW_SECTIONS",
    "KEEP",
    "NEW",
    "QUIT",
    "SKIP",
    "Change",
    "Interview",
    "Outcome",
    "Prompter",
    "Reply",
    "Step",
    "dotted",
    "plan",
    "slug",
]
