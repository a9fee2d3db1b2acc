"""The interview: a walk through the canvas questions, the seven dimensions, the
segments and the measures, each answer written back into the canvas file at once.

The walk is a list of steps made from the canvas as it stands (``steps.plan``),
made again after every answer. Each step is shown and answered through a
``Prompter``: ``RichPrompter`` at a terminal, a scripted one in tests. Every
answer becomes an edit of the file's text (``modelh.canvas.editing``): only that
value changes, and the file is saved, atomically, before the next step is shown.
A new channel or measure is asked for field by field, on the spot. Nothing here
prints.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

from modelh import framework as fw
from modelh.canvas.editing import Append, CanvasFile, Edit, EditError
from modelh.canvas.model import Canvas
from modelh.canvas.splice import Path_
from modelh.errors import CanvasError, ModelhError
from modelh.framework import vocab
from modelh.interview.steps import INTERVIEW_SECTIONS, Step, plan

# What a reply can ask for besides an answer.
ANSWER, KEEP, SKIP, BACK, QUIT = "answer", "keep", "skip", "back", "quit"

#: The value a multi-select returns for "make a new one" (a channel or a measure).
NEW = "+new"


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
        """Write ``value`` as the answer to ``step`` (and what it makes: a channel, a measure)."""
        if step.kind == "confirm":
            if value:
                dim = step.key.split(":")[2]
                self.create_measure(for_dimension=dim)
            return
        if step.kind == "multi" and NEW in (value or ()):
            made = self.create_channel() if step.allow_new == "channel" else self.create_measure()
            if made is None:
                raise _Cancelled
            value = [v for v in value if v != NEW] + [made]
        if step.kind in ("multi", "list"):
            value = list(value or [])
        self._write(step.path, step.current, value)

    def _write(self, path: tuple[str, ...], before: Any, value: Any) -> None:
        edits: list[Edit | Append] = [Edit(path, value)]
        if self.file.apply(edits):
            self.outcome.changes.append(Change(path, before, value))
            self.prompter.tell(f"saved {dotted(path)}", "saved")

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
        self, noun: str, section: str, group: str, canvas: Canvas
    ) -> tuple[str, str]:
        """A new item's name, and its id: proposed from the name, checked as typed."""
        name = self.ask_field(
            Step(
                f"{noun}:new:name",
                section,
                group,
                f"Name of the new {noun}?",
                "text",
                required=True,
            )
        )
        taken = _ids(canvas)
        ident = self.ask_field(
            Step(
                f"{noun}:new:id",
                section,
                group,
                "Its id (Enter keeps the one made from the name)?",
                "text",
                current=_free(slug(name), taken),
                required=True,
            ),
            _id_check(taken),
        )
        return name, ident

    def create_channel(self) -> str | None:
        """Ask for a new channel, add it to the canvas, and return its id."""
        canvas = self.file.canvas()
        group = "New channel"
        try:
            name, ident = self.ask_name_and_id("channel", "dimensions", group, canvas)
            kind = self.ask_field(
                Step(
                    "channel:new:kind",
                    "dimensions",
                    group,
                    "What kind of channel is it?",
                    "choice",
                    choices=tuple((k, k) for k in vocab.CHANNEL_KINDS),
                )
            )
        except _Cancelled:
            self.prompter.tell("No channel was added.")
            return None
        item = {"id": ident, "name": name, "kind": kind}
        self.file.apply([Append(("channels",), {k: v for k, v in item.items() if v})])
        self.outcome.changes.append(Change(("channels", f"[{ident}]"), None, item))
        self.prompter.tell(f"added channel '{ident}'", "saved")
        return ident

    def create_measure(self, for_dimension: str | None = None) -> str | None:
        """Ask for a new measure, add it (and to a dimension's measures); return its id."""
        canvas = self.file.canvas()
        group = "New measure" + (f" for {for_dimension}" if for_dimension else "")
        s = "measures"
        try:
            name, ident = self.ask_name_and_id("measure", s, group, canvas)
            domain = self.ask_field(
                Step(
                    "measure:new:domain",
                    s,
                    group,
                    "Which domain?",
                    "choice",
                    choices=tuple((d.id, f"{d.name}: {d.summary}") for d in fw.DOMAINS),
                    required=True,
                )
            )
            catalog = fw.domain(domain).indicators
            indicator = None
            if catalog:
                indicator = self.ask_field(
                    Step(
                        "measure:new:indicator",
                        s,
                        group,
                        "Which indicator of the catalog?",
                        "choice",
                        choices=tuple((i.id, i.name) for i in catalog),
                    )
                )
            suggested = fw.indicator(indicator).tracks if indicator else None
            tracks = self.ask_field(
                Step(
                    "measure:new:tracks",
                    s,
                    group,
                    "What does it tell about?",
                    "choice",
                    current=suggested,
                    choices=tuple((t, t) for t in vocab.MEASURE_TRACKS),
                )
            )
            unit = self.ask_field(
                Step("measure:new:unit", s, group, "Unit (%, points, USD PMPM...)?", "text")
            )
            direction = self.ask_field(
                Step(
                    "measure:new:direction",
                    s,
                    group,
                    "Which way is better?",
                    "choice",
                    choices=(("up", "up: higher is better"), ("down", "down: lower is better")),
                )
            )
            baseline = self.ask_field(
                Step(
                    "measure:new:baseline",
                    s,
                    group,
                    "Baseline (the value when tracking starts)?",
                    "number",
                )
            )
            target = self.ask_field(Step("measure:new:target", s, group, "Target?", "number"))
            owner = self.ask_field(Step("measure:new:owner", s, group, "Who owns it?", "text"))
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
            "target": target,
            "owner": owner,
            "status": "active",
        }
        item = {k: v for k, v in item.items() if v not in (None, "")}
        edits: list[Edit | Append] = [Append(("customer_relationships", "measures"), item)]
        if for_dimension:
            dim = canvas.dimensions.get(for_dimension)
            current = list(dim.measures) if dim else []
            edits.append(
                Edit(
                    ("customer_relationships", "dimensions", for_dimension, "measures"),
                    [*current, ident],
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
