"""The interview: a walk through the canvas questions, the seven dimensions, the
segments and the measures, each answer written back into the canvas file at once.

The walk is a list of steps made from the canvas as it stands, made again after
every answer (a dimension marked ``none`` asks for a reason, a used one for its
channels and measures). Each step is shown and answered through a ``Prompter``:
``RichPrompter`` at a terminal, a scripted one in tests. Every answer becomes an
edit of the file's text (``modelh.canvas.editing``): only that value changes, and the
file is saved, atomically, before the next step is shown. Nothing here prints.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

from modelh import framework as fw
from modelh.canvas.editing import Append, CanvasFile, Edit, EditError
from modelh.canvas.model import Canvas
from modelh.canvas.values import NUMBER as _NUMBER
from modelh.canvas.values import THOUSANDS as _THOUSANDS
from modelh.canvas.yamltext import Number
from modelh.errors import CanvasError, ModelhError
from modelh.framework import vocab

INTERVIEW_SECTIONS = ("questions", "dimensions", "segments", "measures")

# What a reply can ask for besides an answer.
ANSWER, KEEP, SKIP, BACK, QUIT = "answer", "keep", "skip", "back", "quit"

#: The value a multi-select returns for "make a new one" (a channel or a measure).
NEW = "+new"


@dataclass(frozen=True)
class Step:
    """One thing the interview asks: what, where in the walk, how to answer it."""

    key: str  # stable id: "question:cost", "dimension:motivation:use", ...
    section: str  # questions | dimensions | segments | measures
    group: str  # what the step belongs to: "Question 3 of 8", "Dimension 6 of 7: Motivation"
    prompt: str  # the question as asked
    kind: str  # text | choice | multi | list | number | confirm
    path: tuple[str, ...] = ()  # where the answer is written
    current: Any = None  # the answer today (None: not answered)
    choices: tuple[tuple[str, str], ...] = ()  # (value, label) for choice and multi
    allow_new: str = ""  # multi: "channel" or "measure" may be created on the spot
    guidance: fw.Guidance | None = None
    note: str = ""  # context shown with the step (a measure's baseline and target)
    required: bool = False  # an empty answer is refused (a new item's id and name)
    number: int = 0  # position in the walk, from 1
    total: int = 0

    @property
    def answered(self) -> bool:
        """Whether the step has a real answer (a placeholder such as TBD is none)."""
        from modelh.canvas.facts import is_placeholder

        if isinstance(self.current, str):
            return bool(self.current.strip()) and not is_placeholder(self.current)
        return self.current not in (None, (), [])


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
    """One value the interview wrote."""

    path: tuple[str, ...]
    before: Any
    after: Any


@dataclass
class Outcome:
    """What an interview did."""

    changes: list[Change] = field(default_factory=list)
    completed: bool = False  # walked to the end (not quit)


def _dotted(path: Sequence[str]) -> str:
    out = ""
    for step in path:
        out += step if step.startswith("[") else ("." if out else "") + step
    return out


def slug(text: str) -> str:
    """An id made from a name: lowercase letters, digits and hyphens."""
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:40].strip("-") or "item"


# ---------------------------------------------------------------------------
# The steps


def plan(canvas: Canvas, sections: Sequence[str] = INTERVIEW_SECTIONS) -> list[Step]:
    """Every step of the walk for the canvas as it stands now, in order."""
    makers: dict[str, Callable[[Canvas], Iterator[Step]]] = {
        "questions": _question_steps,
        "dimensions": _dimension_steps,
        "segments": _segment_steps,
        "measures": _measure_steps,
    }
    steps = [
        step
        for section in INTERVIEW_SECTIONS
        if section in sections
        for step in makers[section](canvas)
    ]
    # every step of a group carries the group's guidance: resuming mid-group shows it too
    guidance: dict[str, fw.Guidance] = {}
    for step in steps:
        if step.guidance is not None:
            guidance.setdefault(step.group, step.guidance)
    steps = [s if s.guidance else _with_guidance(s, guidance.get(s.group)) for s in steps]
    total = len(steps)
    return [_numbered(step, i + 1, total) for i, step in enumerate(steps)]


#: What the stage steps show: the value chain and its Trust Inflection Point.
VALUE_CHAIN_GUIDANCE = fw.Guidance(
    why=fw.TRUST_INFLECTION_POINT,
    good_answer="The stage the segment has really reached, judged by what the company does "
    "for it today (the list gives each stage's work), and a target one stage ahead.",
    example="Medicare Advantage members: interact today (we watch which channels they use "
    "and record their language and appointment times), engage next plan year.",
)


def _with_guidance(step: Step, guidance: fw.Guidance | None) -> Step:
    from dataclasses import replace

    return replace(step, guidance=guidance) if guidance else step


def _numbered(step: Step, number: int, total: int) -> Step:
    from dataclasses import replace

    return replace(step, number=number, total=total)


def _question_steps(canvas: Canvas) -> Iterator[Step]:
    segments = canvas.segments
    for q in fw.QUESTIONS:
        answer = canvas.answers.get(q.id)
        base = ("customer_relationships", "answers", q.id)
        group = f"Question {q.number} of {len(fw.QUESTIONS)}: {q.title}"
        if q.per_segment and len(segments) > 1 and not (answer and answer.text):
            for seg in segments:
                current = answer.per_segment.get(seg.id) if answer else None
                yield Step(
                    f"question:{q.id}:{seg.id}",
                    "questions",
                    group,
                    f"{q.text}\nFor the segment: {seg.name or seg.id}",
                    "text",
                    (*base, seg.id),
                    current,
                    guidance=q.guidance,
                )
        else:
            yield Step(
                f"question:{q.id}",
                "questions",
                group,
                q.text,
                "text",
                base,
                answer.text if answer else None,
                guidance=q.guidance,
            )


_DIMENSION_FIELDS = (
    ("approach", "What does the model do in this dimension?"),
    ("message", "What message do these customers prefer to hear?"),
    ("emotional_support", "What emotional support does it give?"),
    ("physical_comfort", "What physical comfort does it give?"),
)


def _dimension_steps(canvas: Canvas) -> Iterator[Step]:
    uses = (
        ("core", "core: central to the model"),
        ("supporting", "supporting: used, in support of the core"),
        ("planned", "planned: to be used, not yet"),
        ("none", "none: deliberately not used (say why)"),
    )
    for dim in fw.DIMENSIONS:
        current = canvas.dimensions.get(dim.id)
        base = ("customer_relationships", "dimensions", dim.id)
        group = f"Dimension {dim.number} of {len(fw.DIMENSIONS)}: {dim.name}"
        key = f"dimension:{dim.id}"
        yield Step(
            f"{key}:use",
            "dimensions",
            group,
            f"How does the model use {dim.name.lower()}? {dim.summary}",
            "choice",
            (*base, "use"),
            current.use if current else None,
            uses,
            guidance=dim.guidance,
        )
        if current is None or current.use is None:
            continue
        if current.use == "none":
            yield Step(
                f"{key}:reason",
                "dimensions",
                group,
                f"Why does the model not use {dim.name.lower()}?",
                "text",
                (*base, "reason"),
                current.reason,
            )
            continue
        segs = tuple((s.id, s.name or s.id) for s in canvas.segments)
        if segs:
            yield Step(
                f"{key}:segments",
                "dimensions",
                group,
                "Which segments does it serve? (none chosen: every segment)",
                "multi",
                (*base, "segments"),
                current.segments,
                segs,
            )
        yield Step(
            f"{key}:approach",
            "dimensions",
            group,
            _DIMENSION_FIELDS[0][1],
            "text",
            (*base, "approach"),
            current.approach,
        )
        chans = tuple((c.id, f"{c.name or c.id} ({c.kind or 'channel'})") for c in canvas.channels)
        yield Step(
            f"{key}:channels",
            "dimensions",
            group,
            "Through which channels do these customers prefer it?",
            "multi",
            (*base, "channels"),
            current.channels,
            chans,
            allow_new="channel",
        )
        for name, prompt in _DIMENSION_FIELDS[1:]:
            yield Step(
                f"{key}:{name}",
                "dimensions",
                group,
                prompt,
                "text",
                (*base, name),
                getattr(current, name),
            )
        if dim.id == "motivation":
            yield Step(
                f"{key}:incentives",
                "dimensions",
                group,
                "Which incentives: who rewards what, and how can the reward be used? "
                "(separate several with ';')",
                "list",
                (*base, "incentives"),
                current.incentives,
            )
        measures = tuple((m.id, m.name or m.id) for m in canvas.measures if m.status != "retired")
        yield Step(
            f"{key}:measures",
            "dimensions",
            group,
            "Which measures track it?",
            "multi",
            (*base, "measures"),
            current.measures,
            measures,
            allow_new="measure",
        )
        yield Step(
            f"{key}:owner",
            "dimensions",
            group,
            "Who owns it?",
            "text",
            (*base, "owner"),
            current.owner,
        )


def _segment_steps(canvas: Canvas) -> Iterator[Step]:
    stages = tuple((s.id, f"{s.name}: {s.duties}") for s in fw.STAGES)
    total = len(canvas.segments)
    for n, seg in enumerate(canvas.segments, start=1):
        base = ("segments", f"[{seg.id}]")
        group = f"Segment {n} of {total}: {seg.name or seg.id}"
        yield Step(
            f"segment:{seg.id}:stage",
            "segments",
            group,
            "Where does this segment stand in the value chain today?",
            "choice",
            (*base, "stage"),
            seg.stage,
            stages,
            guidance=VALUE_CHAIN_GUIDANCE,
        )
        yield Step(
            f"segment:{seg.id}:target_stage",
            "segments",
            group,
            "Where should the model take it? (one stage ahead keeps trust)",
            "choice",
            (*base, "target_stage"),
            seg.target_stage,
            stages,
        )
        yield Step(
            f"segment:{seg.id}:preferences",
            "segments",
            group,
            "Which preferences are captured and honoured (language, distance, times)? "
            "(separate several with ';')",
            "list",
            (*base, "preferences"),
            seg.preferences,
        )


def _measure_steps(canvas: Canvas) -> Iterator[Step]:
    active = [m for m in canvas.measures if m.status == "active"]
    for n, measure in enumerate(active, start=1):
        unit = f" {measure.unit}" if measure.unit else ""
        note = (
            f"baseline {_num(measure.baseline)}{unit} · target {_num(measure.target)}{unit}"
            f" · better when {'higher' if measure.direction == 'up' else 'lower'}"
            if measure.direction
            else f"baseline {_num(measure.baseline)}{unit} · target {_num(measure.target)}{unit}"
        )
        yield Step(
            f"measure:{measure.id}:current",
            "measures",
            f"Measure {n} of {len(active)}: {measure.name or measure.id}",
            f"What is the current value of '{measure.name or measure.id}'?",
            "number",
            ("customer_relationships", "measures", f"[{measure.id}]", "current"),
            measure.current,
            note=note,
            guidance=fw.domain(measure.domain).guidance if measure.domain else None,
        )
    for dim in fw.DIMENSIONS:
        use = canvas.dimensions.get(dim.id)
        if use is not None and use.is_used and not use.measures:
            yield Step(
                f"measure:new:{dim.id}",
                "measures",
                f"Dimension {dim.name}",
                f"{dim.name} is used but no measure tracks it. Create one now?",
                "confirm",
                (),
                None,
            )


def _num(value: float | int | None) -> str:
    if value is None:
        return "—"
    return str(int(value)) if float(value).is_integer() else f"{value:g}"


# ---------------------------------------------------------------------------
# The walk


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
            self.prompter.tell(f"saved {_dotted(path)}", "saved")

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


# ---------------------------------------------------------------------------
# Answers from a file


_NUMBER_KEYS = frozenset({"baseline", "current", "target"})
_ITEM_LISTS = frozenset({"segments", "value_propositions", "channels", "measures"})


def answers_from_file(file: CanvasFile, answers_path: str) -> Outcome:
    """Apply a partial canvas (the canvas's own keys) to ``file``, non-interactively.

    List items with an id are matched to the canvas's by id (their keys are
    set), or added when new. The same checks as the interview apply; the file
    is written once, and only when every value is accepted.
    """
    import yaml

    from modelh.canvas.guard import ANSWERS, describe, load_yaml

    try:  # the guards every YAML file goes through: size, nesting, aliases, tags, keys
        root = load_yaml(answers_path, ANSWERS)
    except CanvasError as exc:
        raise ModelhError(describe(exc)) from None
    if root is None:
        raise ModelhError(f"{answers_path}: the answers file is empty")
    if not isinstance(root, yaml.MappingNode):
        raise ModelhError(
            f"{answers_path}: the answers file must be a mapping of the "
            "canvas's keys, like customer_relationships: {answers: {cost: ...}}"
        )
    partial = _plain(root, answers_path)
    canvas = file.canvas()
    edits: list[Edit | Append] = []
    _edits_for(partial, (), canvas, edits)
    edits = file.pending(edits)  # a value the canvas holds already is no change
    if not edits:
        return Outcome(completed=True)
    file.apply(edits)
    outcome = Outcome(completed=True)
    for edit in edits:
        if isinstance(edit, Edit):
            outcome.changes.append(Change(edit.path, None, edit.value))
        else:
            outcome.changes.append(
                Change((*edit.path, f"[{edit.item.get('id')}]"), None, dict(edit.item))
            )
    return outcome


def _plain(node: Any, source: str) -> Any:
    """A composed answers file as plain data; a key written twice is refused."""
    import yaml

    if isinstance(node, yaml.ScalarNode):
        if not node.style and node.value in ("", "~", "null", "Null", "NULL"):
            return None
        return node.value
    if isinstance(node, yaml.SequenceNode):
        return [_plain(i, source) for i in node.value]
    out: dict[str, Any] = {}
    for key, value in node.value:
        if key.value in out:
            mark = key.start_mark
            raise ModelhError(
                f"{source}:{mark.line + 1}:{mark.column + 1}: key '{key.value}' is "
                "written twice; keep one"
            )
        out[key.value] = _plain(value, source)
    return out


def _number(key: str, value: Any) -> Any:
    if key in _NUMBER_KEYS and isinstance(value, str):
        try:
            return parse_number(value, thousands=False)
        except ValueError:
            return value  # the canvas's own check reports it, with its hint
    return value


def parse_number(text: str, *, thousands: bool = True) -> int | Number:
    """A number as typed, its digits kept: an ``int``, or a ``Number`` (a decimal).

    ``1,500`` is read as 1500 when ``thousands`` allows it (the groups of three the
    loader names thousands separators); any other comma, as in ``1,5``, could be a
    decimal comma or a typo and is refused, saying both readings. Raises ValueError
    with the message to show.
    """
    typed = text.strip()
    if "," in typed:
        if thousands and _THOUSANDS.match(typed):
            typed = typed.replace(",", "")
        else:
            whole = typed.replace(",", "")
            if typed.count(",") == 1 and _NUMBER.match(typed.replace(",", ".")):
                raise ValueError(
                    f"'{text}' is ambiguous: write {typed.replace(',', '.')} or {whole}"
                )
            if _NUMBER.match(whole):
                raise ValueError(f"'{text}' is ambiguous: write it without commas, e.g. {whole}")
    if not _NUMBER.match(typed):
        raise ValueError(f"'{text}' is not a number (a unit goes with the measure, not here)")
    try:
        float(typed)  # underscores only between digits, as Python and YAML 1.2 read them
    except ValueError:
        raise ValueError(f"'{text}' is not a number") from None
    typed = typed.replace("_", "")  # digit groups: the digits stay
    if not any(c in typed for c in ".eE"):
        return int(typed)
    number = Number(typed)
    if not math.isfinite(number):
        raise ValueError(f"'{text}' is too large a number")
    return number


def _edits_for(
    partial: Any, path: tuple[str, ...], canvas: Canvas, edits: list[Edit | Append]
) -> None:
    if not isinstance(partial, dict):
        edits.append(Edit(path, _number(path[-1], partial) if path else partial))
        return
    for key, value in partial.items():
        here = (*path, key)
        if value is None or value in ("", [], {}):
            continue  # an empty value means "not answered": it never erases an answer
        if (
            key in _ITEM_LISTS
            and isinstance(value, list)
            and all(isinstance(i, dict) for i in value)
        ):
            existing = _existing_ids(canvas, here)
            for item in value:
                ident = item.get("id")
                if ident in existing:
                    rest = {k: v for k, v in item.items() if k != "id"}
                    _edits_for(rest, (*here, f"[{ident}]"), canvas, edits)
                else:
                    new = {k: _number(k, v) for k, v in item.items() if v not in (None, "")}
                    edits.append(Append(here, new))
            continue
        if isinstance(value, dict) and path[-1:] != ("answers",):
            _edits_for(value, here, canvas, edits)  # set its keys one by one
            continue
        edits.append(Edit(here, _number(key, value)))  # an answer per segment goes whole


def _existing_ids(canvas: Canvas, path: tuple[str, ...]) -> set[str]:
    if path == ("segments",):
        return {s.id for s in canvas.segments}
    if path == ("channels",):
        return {c.id for c in canvas.channels}
    if path == ("value_propositions",):
        return {v.id for v in canvas.value_propositions}
    if path == ("customer_relationships", "measures"):
        return {m.id for m in canvas.measures}
    return set()


__all__ = [
    "ANSWER",
    "BACK",
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
    "answers_from_file",
    "parse_number",
    "plan",
    "slug",
]
