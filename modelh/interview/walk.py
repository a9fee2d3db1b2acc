"""The interview: a walk through the whole canvas in the method's order (segments,
value propositions, channels, the canvas questions, the seven dimensions, measures,
the journey map, bone-deep CX and the other blocks), each answer written back into
the canvas file at once.

The walk is a list of steps made from the canvas as it stands (``steps.plan``),
made again after every answer. Each step is shown and answered through a
``Prompter``: ``RichPrompter`` at a terminal, a scripted one in tests. Every
answer becomes an edit of the file's text (``modelh.canvas.editing``): only that
value changes, and the file is saved, atomically, before the next step is shown.
A section opens with a step that adds its items: a new segment, value
proposition, channel, measure, journey (then its touches, in order) or system is
asked for field by field, on the spot (a channel or a measure also from a
dimension's list, a channel from a touch's), and saved as soon as it is
complete. Nothing here prints.

Where the walk is: each step shown carries, in ``number`` and ``total``, its
place among the open steps of its section, counted when the section starts and
never more while the section is answered ("Segments · 3 of 12 open"). Steps an
answer adds to the section (a used dimension's details) take the number of the
step before them; steps added to later sections are counted when those start.
A step passed over unanswered (``/skip``, or Enter on an empty answer) is asked
again only with ``--all`` or from the jump menu (``/goto``); ``/next`` passes
over the rest of a section. With a ``WalkMemory`` the next interview goes on
at the step where this one stopped.

When the canvas changes on disk during the walk (an editor, a git pull), it is
read again before the next step; when a save finds it changed, the person is
offered to reload it, and the answer is written into the new version, or, when
that same value changed there too, offered again to retry; nothing typed is lost.
"""

from __future__ import annotations

import os
import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from typing import Any, Protocol

from modelh import framework as fw
from modelh.canvas.editing import Append, CanvasFile, ConflictError, Edit, EditError
from modelh.canvas.model import Canvas
from modelh.canvas.splice import Path_, read_value
from modelh.canvas.yamlnodes import compose_nodes
from modelh.errors import CanvasError, ModelhError
from modelh.framework import vocab
from modelh.interview.state import WalkMemory
from modelh.interview.steps import (
    CHANNEL_KIND_LABELS,
    DURATION_HINT,
    HEADLINES,
    INTERVIEW_SECTIONS,
    ROLES,
    SYSTEM_FIELDS,
    TIME_FIELDS,
    TOUCH_FIELDS,
    Step,
    degree,
    plan,
    section_title,
    strongest,
    system_choices,
    touch_choices,
)

# What a reply can ask for besides an answer.
ANSWER, KEEP, SKIP, BACK, QUIT = "answer", "keep", "skip", "back", "quit"
#: The jump menu (``/goto``), and the rest of the section passed over (``/next``).
GOTO, NEXT = "goto", "next"
#: The keys of the jump menu's two steps (a section, then one of its open steps).
MENU_KEYS = ("goto:section", "goto:step")

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
        """Ask for the step's answer; return it, or keep, skip, back, goto, next or quit."""

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
    skipped: int = 0  # open steps of the walk passed over, asked again with --all or /goto
    unsaved: list[Change] = field(default_factory=list)  # typed, not written (reload declined)


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
    memory: WalkMemory | None = None  # where the last walk stopped; kept as this one goes
    # the walk as it goes (run's own)
    _passed: set[str] = field(default_factory=set, init=False, repr=False)
    _counts: dict[str, list[str]] = field(default_factory=dict, init=False, repr=False)
    _section: str | None = field(default=None, init=False, repr=False)
    _quarterly: bool = field(default=False, init=False, repr=False)
    _resumed: bool = field(default=False, init=False, repr=False)
    _memory_failed: bool = field(default=False, init=False, repr=False)
    _saved_memory: tuple[Any, ...] | None = field(default=None, init=False, repr=False)
    _steps: list[Step] = field(default_factory=list, init=False, repr=False)

    def __post_init__(self) -> None:
        if not isinstance(self.file, _WatchedFile):  # a save that meets a change offers a reload
            f = self.file
            self.file = _WatchedFile(f.path, f.text, f.raw, on_conflict=self._conflict)

    def steps(self) -> list[Step]:
        steps = plan(self.file.canvas(), self.sections)
        if self.only:
            steps = [s for s in steps if self.only in s.key.split(":")[1:]]
        return steps

    def run(self) -> Outcome:
        """Walk the steps; every answer is saved before the next step is shown.

        Starts where the last walk of this canvas stopped (``memory``), else at the
        first open step; returns when the walk ends or the person quits.
        """
        steps = self._steps = self.steps()
        if self.only and not steps:
            raise ModelhError(
                f"nothing to ask about '{self.only}': give a question, "
                "dimension, segment or measure id of this canvas"
            )
        if self.memory is not None:
            self._passed = set(self.memory.passed)
        try:
            return self._walk(steps)
        finally:
            self.outcome.skipped = sum(
                1 for s in self._steps if not s.answered and s.key in self._passed
            )

    def _walk(self, steps: list[Step]) -> Outcome:
        history: list[str] = []
        done: set[str] = set()
        values = [s for s in steps if _is_current_value(s)]
        if (
            self._normal()
            and list(self.sections) == ["measures"]
            and values
            and all(s.answered for s in values)
        ):
            self._quarterly = True
            self.prompter.tell(
                "Every active measure has a current value. The quarterly update: each "
                "measure's current value, asked again (Enter keeps it)."
            )
        position = self._first(steps)
        self._resumed = position is not None and self._normal()
        if position is None:
            jumped = self._nothing_open(steps, done)
            if jumped is _QUIT_WALK:
                return self.outcome
            position = jumped if isinstance(jumped, int) else None
        back = False
        while position is not None:
            if self._reload_if_changed():
                key, was_open = steps[position].key, self._to_ask(steps[position], done)
                steps = self._steps = self.steps()
                position = self._find(steps, key, position, done)
                if position is not None and was_open and not self._to_ask(steps[position], done):
                    position = self._next(steps, key, done, position)  # answered meanwhile
                if position is None:
                    break
            step = self._numbered(steps, position, done, back)
            back = False
            self._remember(steps, step)
            self.prompter.show(step)
            reply = self.prompter.ask(step)
            if reply.action == QUIT:
                return self.outcome
            if reply.action == BACK:
                if history:
                    target = history.pop()
                    done.discard(target)
                    position = next((i for i, s in enumerate(steps) if s.key == target), position)
                    back = True
                else:
                    self.prompter.tell("This is the first step.")
                continue
            if reply.action == GOTO:
                jumped = self._goto(steps, step, done)
                if jumped is _QUIT_WALK:
                    return self.outcome
                if isinstance(jumped, int):
                    history.append(step.key)
                    position = jumped
                continue
            if reply.action == NEXT:
                history.append(step.key)
                position = self._skip_section(steps, position, done)
                continue
            if reply.action == ANSWER:
                text = self.file.text
                try:
                    self.answer(step, reply.value)
                except _NotReloaded:
                    return self.outcome
                except _Quit:
                    return self.outcome
                except (_BothChanged, CanvasError, EditError, _Cancelled, _Refused) as exc:
                    if isinstance(exc, _BothChanged | _Refused):
                        self.prompter.tell(str(exc), "error")
                    elif isinstance(exc, _Cancelled):
                        self.prompter.tell("Nothing was saved for this step.")
                    else:
                        self.prompter.tell(f"Not saved: {_first_problem(exc)}", "error")
                    if self.file.text != text:  # read again, or a new item written: ask anew
                        steps = self._steps = self.steps()
                        position = self._find(steps, step.key, position, done)
                        if position is None:
                            break
                    continue
            history.append(step.key)
            done.add(step.key)
            steps = self._steps = self.steps()  # the walk may have grown or shrunk
            now = next((s for s in steps if s.key == step.key), None)
            if now is not None and not now.answered:  # passed over, or answered "none"
                self._passed.add(step.key)
            else:
                self._passed.discard(step.key)
            position = self._next(steps, step.key, done, position)
        self.outcome.completed = True
        self._remember(steps, None)
        return self.outcome

    def _normal(self) -> bool:
        """A walk of the open steps (not --all, --only or the quarterly update)."""
        return not (self.revisit or self.only or self._quarterly)

    def _to_ask(self, step: Step, done: set[str]) -> bool:
        if step.key in done:
            return False
        if self._quarterly:
            return _is_current_value(step)
        if self.revisit or self.only:
            return True
        return not step.answered and step.key not in self._passed

    def _first(self, steps: list[Step]) -> int | None:
        at = self.memory.at if self.memory is not None and self._normal() else None
        keys = [s.key for s in steps]
        if at in keys:  # where the last walk stopped
            i = keys.index(at)
            return i if self._to_ask(steps[i], set()) else self._next(steps, at, set(), i)
        return next((i for i, s in enumerate(steps) if self._to_ask(s, set())), None)

    def _next(
        self, steps: list[Step], after: str, done: set[str], was: int | None = None
    ) -> int | None:
        """The next step to ask after ``after`` (at ``was`` before the walk changed);
        steps before it that are open (new since) come last."""
        keys = [s.key for s in steps]
        if after in keys:
            start = keys.index(after) + 1
        else:
            start = min(was, len(steps)) if was is not None else 0
        order: list[int] = list(range(start, len(steps))) + list(range(0, start))
        return next((i for i in order if self._to_ask(steps[i], done)), None)

    def _find(self, steps: list[Step], key: str, was: int, done: set[str]) -> int | None:
        """``key``'s place in a walk made anew, or the next step to ask from where it was."""
        keys = [s.key for s in steps]
        if key in keys:
            return keys.index(key)
        return self._next(steps, key, done, was)

    # -- where the walk is

    def _numbered(self, steps: list[Step], position: int, done: set[str], back: bool) -> Step:
        """The step at ``position``, numbered among the open steps of its section."""
        step = steps[position]
        section = step.section
        if section != self._section:
            counted = self._counts.get(section) if back else None
            memory = self.memory
            resumed = self._resumed and memory is not None and memory.section == section
            if counted is None and resumed and memory and step.key in memory.counted:
                counted = list(memory.counted)  # "3 of 12" goes on across a resume
            if counted is None:
                counted = [
                    s.key
                    for s in steps[position:]
                    if s.section == section and (s.key == step.key or self._to_ask(s, done))
                ]
            self._counts[section] = counted
            self._section = section
        self._resumed = False
        counted = self._counts[section]
        places = {s.key: i for i, s in enumerate(steps)}
        number = sum(1 for k in counted if places.get(k, len(steps)) <= position)
        return replace(step, number=max(1, number), total=len(counted))

    def _skip_section(self, steps: list[Step], position: int, done: set[str]) -> int | None:
        """Pass over the rest of the section; the next step to ask after it."""
        section = steps[position].section
        rest = [
            s
            for s in steps[position:]
            if s.section == section and (s is steps[position] or self._to_ask(s, done))
        ]
        for s in rest:
            done.add(s.key)
            if not s.answered:
                self._passed.add(s.key)
        n = len(rest)
        self.prompter.tell(
            f"{section_title(section)}: {n} step{'s' if n != 1 else ''} left for later; "
            "/goto brings them back."
        )
        last = max(i for i, s in enumerate(steps) if s.section == section)
        return self._next(steps, steps[last].key, done, last)

    def _nothing_open(self, steps: list[Step], done: set[str]) -> int | object | None:
        """Nothing to ask: the skipped steps, from the jump menu."""
        skipped = [s for s in steps if not s.answered and s.key in self._passed]
        if skipped and self._normal():
            n = len(skipped)
            self.prompter.tell(
                f"Nothing new to ask: {n} step{'s' if n != 1 else ''} skipped earlier "
                "remain open. Jump to them, or Enter to stop."
            )
            return self._goto(steps, None, done)
        return None

    def _goto(self, steps: list[Step], here: Step | None, done: set[str]) -> int | object | None:
        """The jump menu: a section, then one of its open steps. The position to go
        to, None to stay, or ``_QUIT_WALK``."""
        sections = list(dict.fromkeys(s.section for s in steps))
        if not sections:
            return None
        rows = []
        for section in sections:
            unanswered = [s for s in steps if s.section == section and not s.answered]
            skipped = sum(1 for s in unanswered if s.key in self._passed)
            label = f"{section_title(section)} · " + (
                f"{len(unanswered)} open" + (f" ({skipped} skipped)" if skipped else "")
                if unanswered
                else "all answered"
            )
            rows.append((section, label))
        where = here.section if here is not None else sections[0]
        menu = Step(
            MENU_KEYS[0],
            where,
            "Jump to a section",
            "Which section? (Enter stays here)",
            "choice",
            choices=tuple(rows),
        )
        self.prompter.show(menu)
        reply = self.prompter.ask(menu)
        if reply.action == QUIT:
            return _QUIT_WALK
        if reply.action != ANSWER:
            return None
        section = str(reply.value)
        in_section = [(i, s) for i, s in enumerate(steps) if s.section == section]
        open_ = [(i, s) for i, s in in_section if not s.answered]
        target = (open_ or in_section)[0][0]
        if len(open_) > 1:
            if len(open_) <= _MENU_ROWS:
                rows = _step_rows([s for _, s in open_], self._passed)
            else:  # one row a group: its first open step
                groups: dict[str, tuple[str, int]] = {}
                for _, s in open_:
                    key, n = groups.get(s.group, (s.key, 0))
                    groups[s.group] = (key, n + 1)
                rows = [(key, f"{group} · {n} open") for group, (key, n) in groups.items()]
            menu = Step(
                MENU_KEYS[1],
                section,
                f"Jump to: {section_title(section)}",
                "Which step? (Enter: the first open one)",
                "choice",
                choices=tuple(rows),
            )
            self.prompter.show(menu)
            reply = self.prompter.ask(menu)
            if reply.action == QUIT:
                return _QUIT_WALK
            if reply.action == BACK:
                return None
            if reply.action == ANSWER:
                target = next(i for i, s in enumerate(steps) if s.key == reply.value)
        for _, s in open_:  # the section's skipped steps are open again
            self._passed.discard(s.key)
            done.discard(s.key)
        self._section = None  # counted anew
        return target

    # -- remembering where the walk stopped

    def _remember(self, steps: list[Step], step: Step | None) -> None:
        """Keep where the walk is in the memory (once it failed, no more tries)."""
        memory = self.memory
        if memory is None or self._memory_failed:
            return
        self._passed -= {s.key for s in steps if s.answered}
        memory.passed = set(self._passed)
        if self._normal():
            memory.at = step.key if step is not None else None
            memory.section = step.section if step is not None else None
            memory.counted = list(self._counts.get(step.section, [])) if step else []
        state = (memory.at, frozenset(memory.passed), memory.section, tuple(memory.counted))
        if state == self._saved_memory:
            return
        try:
            memory.save()
        except OSError as exc:
            self._memory_failed = True
            reason = exc.strerror or str(exc)
            self.prompter.tell(
                f"Where this interview stops cannot be remembered ({memory.folder}: {reason}); "
                "it goes on, and every answer is still saved in the canvas.",
                "error",
            )
            return
        self._saved_memory = state

    # -- the canvas changed on disk

    def _reload_if_changed(self) -> bool:
        """Read the canvas again if it changed on disk and still loads (between steps,
        nothing typed is pending)."""
        disk = _on_disk(self.file)
        if disk is None or disk == self.file.raw:
            return False
        try:
            fresh = CanvasFile.read(self.file.path)
            fresh.canvas()
        except (ModelhError, OSError, UnicodeDecodeError):
            return False  # a save of it will offer to reload
        self.file.text, self.file.raw = fresh.text, fresh.raw
        self.prompter.tell(f"{self.file.path} changed on disk: read again.")
        return True

    def _conflict(self, file: CanvasFile, edits: Sequence[Edit | Append]) -> bool:
        """A save found the canvas changed on disk: offer to reload it. True: reloaded,
        write the edits again; False: not a change on disk (read-only, say)."""
        if _on_disk(file) == file.raw:
            return False
        before = file.text
        question = Step(
            "reload",
            self._section or "",
            "The canvas changed on disk",
            f"{file.path} changed on disk since it was read (an editor, a git pull?).\n"
            "Read it again and write this answer into the new version? "
            "(Enter or y; n stops, and shows what was not written)",
            "confirm",
        )
        while True:
            self.prompter.show(question)
            reply = self.prompter.ask(question)
            if not (reply.action == KEEP or (reply.action == ANSWER and reply.value is True)):
                for edit in edits:
                    value = edit.item if isinstance(edit, Append) else edit.value
                    self.outcome.unsaved.append(Change(edit.path, None, value))
                raise _NotReloaded(f"{file.path} changed on disk; nothing was written")
            try:
                fresh = CanvasFile.read(file.path)
                fresh.canvas()
            except (ModelhError, OSError, UnicodeDecodeError) as exc:
                self.prompter.tell(f"It does not load: {_first_problem(exc)}", "error")
                continue
            break
        file.text, file.raw = fresh.text, fresh.raw
        clashes = [
            e.path
            for e in edits
            if isinstance(e, Edit) and _value_at(before, e.path) != _value_at(fresh.text, e.path)
        ]
        if clashes:
            path = clashes[0]
            now = _value_at(fresh.text, path)
            raise _BothChanged(
                f"Read {file.path} again. {dotted(path)} changed there too (now: "
                f"{_short(now)}); your answer was not written: here it is again."
            )
        self.prompter.tell(f"Read again: the answer goes into the new version of {file.path}.")
        return True

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
        if step.kind == "choice":
            new = value == NEW
        else:
            new = step.kind == "multi" and NEW in (value or ())
        if step.allow_new and new:
            made = (
                self.create_channel(step.section)
                if step.allow_new == "channel"
                else self.create_measure(section=step.section)
            )
            if made is None:
                raise _Cancelled
            value = made if step.kind == "choice" else [v for v in value if v != NEW] + [made]
        if step.kind in ("multi", "list"):
            value = list(value or [])
        if step.key == HEADLINES:
            self._write_headlines(value)
            return
        if _is_degree(step.path):
            self._write_degree(tuple(str(part) for part in step.path), value)
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

    def _write_headlines(self, chosen: list[str]) -> None:
        """The measures chosen to head the executive summary get ``headline: true``, those
        no longer chosen ``false``; more than the summary holds is refused."""
        canvas = self.file.canvas()
        chosen = list(dict.fromkeys(chosen))
        active = {m.id for m in canvas.measures if m.status == "active"}
        others = [m.id for m in canvas.measures if m.headline and m.id not in active]
        most = fw.MAX_HEADLINES
        if len(chosen) + len(others) > most:
            also = f", and {_and_list(others)} (not active) stay headlines" if others else ""
            raise _Refused(
                f"The executive summary shows at most {most} headline measures: "
                f"{len(chosen)} chosen{also}. Choose {most - len(others)} or fewer."
            )
        edits = [
            (Edit((*_MEASURES, f"[{m.id}]", "headline"), want), m.headline)
            for m in canvas.measures
            if m.id in active and (want := m.id in chosen) != m.headline
        ]
        if edits:
            self._write(edits)

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
            "journey": self.create_journey,
            "touch": lambda: self.create_touch(step.key.split(":")[1], step.section),
            "system": self.create_system,
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

    def _choose_channel(self, step: Step) -> Any:
        """A channel picked from the canvas's, or made on the spot ("+")."""
        while True:
            value = self.ask_field(step)
            if value != NEW:
                return value
            made = self.create_channel(step.section)
            if made is not None:
                return made

    def create_journey(self) -> str | None:
        """Ask for a new journey (name, id, whose, its job, its time, its owner), add it,
        then its touches one by one, in the order the customer meets them; its id."""
        canvas = self.file.canvas()
        group, s = "New journey", "journeys"
        if not canvas.segments:
            self.prompter.tell(
                "A journey is a segment's: add the segments first (--section segments).", "error"
            )
            return None

        def field(name: str, prompt: str, kind: str, topic: str, **more: Any) -> Step:
            return Step(
                f"journey:new:{name}",
                s,
                group,
                prompt,
                kind,
                guidance=fw.COACHING[f"journey.{topic}"],
                **more,
            )

        try:
            name, ident = self.ask_name_and_id("journey", s, group, canvas)
            segment = self.ask_field(
                field(
                    "segment",
                    "Whose journey is it?",
                    "choice",
                    "segment",
                    choices=tuple((g.id, g.name or g.id) for g in canvas.segments),
                    required=True,
                )
            )
            found = canvas.segment(str(segment))
            jobs = found.jobs if found is not None else ()
            job = self.ask_field(
                field(
                    "job",
                    "Which job-to-be-done does it serve for them?",
                    "text",
                    "job",
                    current=jobs[0] if len(jobs) == 1 else None,
                    note="Their jobs: " + "; ".join(jobs) if jobs else "",
                )
            )
            time: dict[str, Any] = {}
            for key, prompt in TIME_FIELDS:
                due = key == "due"
                time[key] = self.ask_field(
                    field(
                        f"time:{key}",
                        prompt if due else prompt + DURATION_HINT,
                        "text",
                        "due" if due else "time",
                    ),
                    _period_check if due else _duration_check,
                )
            owner = self.ask_field(
                field("owner", "Who is responsible for the journey?", "text", "owner")
            )
        except _Cancelled:
            self.prompter.tell("No journey was added.")
            return None
        time = {k: v for k, v in time.items() if v not in (None, "")}
        item = {
            "id": ident,
            "name": name,
            "segment": segment,
            "job": job,
            "time": time or None,
            "owner": owner,
        }
        ident = self._append(("journeys",), item, "journey")
        added = 0
        try:
            while self.ask_field(
                Step(
                    f"journey:{ident}:touch:+:new",
                    s,
                    f"Journey: {name}",
                    "Add a touch to this journey?" if not added else "Add the next touch?",
                    "confirm",
                    guidance=fw.COACHING["touch.add"],
                    note="The touches in the order the customer meets them." if not added else "",
                )
            ):
                if self.create_touch(ident, s) is not None:
                    added += 1
        except _Cancelled:
            pass  # the journey is saved; its touches can be added at its step of the walk
        return ident

    def create_touch(self, journey_id: str, section: str = "journeys") -> str | None:
        """Ask for the next touch of a journey and add it at its end; return its id."""
        canvas = self.file.canvas()
        journey = canvas.journey(journey_id)
        if journey is None:
            raise _Cancelled
        group = f"{journey.name}: touch {len(journey.touches) + 1}"
        s = section
        choices = touch_choices(canvas)
        prompts = {name: (prompt, kind) for name, prompt, kind in TOUCH_FIELDS}

        def field(name: str) -> Step:
            prompt, kind = prompts[name]
            return Step(
                f"touch:new:{name}",
                s,
                group,
                prompt,
                kind,
                choices=choices.get(name, ()),
                allow_new="channel" if name == "channel" else "",
                guidance=fw.COACHING[f"touch.{name}"],
            )

        try:
            name, ident = self.ask_name_and_id("touch", s, group, canvas)
            item: dict[str, Any] = {"id": ident, "name": name}
            item["channel"] = self._choose_channel(field("channel"))
            for key in ("office", "dimension", "pain", "cost"):
                item[key] = self.ask_field(field(key))
            item["time"] = self.ask_field(field("time"), _duration_check)
        except _Cancelled:
            self.prompter.tell("No touch was added.")
            return None
        return self._append(("journeys", f"[{journey_id}]", "touches"), item, "touch")

    def create_system(self) -> str | None:
        """Ask for a new system behind the smiles, add it, and return its id."""
        canvas = self.file.canvas()
        group, s = "New system", "cx"
        choices = system_choices()
        try:
            name, ident = self.ask_name_and_id("system", s, group, canvas)
            item: dict[str, Any] = {"id": ident, "name": name}
            for key, prompt, kind in SYSTEM_FIELDS[1:]:  # its name is asked above
                item[key] = self.ask_field(
                    Step(
                        f"system:new:{key}",
                        s,
                        group,
                        prompt,
                        kind,
                        choices=choices.get(key, ()),
                        guidance=fw.COACHING[f"system.{key}"],
                    )
                )
        except _Cancelled:
            self.prompter.tell("No system was added.")
            return None
        return self._append(("cx", "systems"), item, "system")


_MEASURES = ("customer_relationships", "measures")


class _Refused(ModelhError):
    """An answer the canvas could hold but the method does not allow (a sixth headline)."""


class _Cancelled(Exception):
    """A new item's questions were left before the item was complete."""


class _NotReloaded(ConflictError):
    """The canvas changed on disk and the person chose not to read it again."""


class _BothChanged(ConflictError):
    """The value being answered changed on disk too: the answer is offered again."""


#: The person quit from a menu.
_QUIT_WALK = object()
#: A jump menu lists the open steps of a section, one a row, up to this many;
#: beyond, one row a group.
_MENU_ROWS = 12


@dataclass
class _WatchedFile(CanvasFile):
    """A canvas file whose save, on finding the file changed on disk, asks
    ``on_conflict`` (which may read it again) and tries once more."""

    on_conflict: Callable[[CanvasFile, Sequence[Edit | Append]], bool] | None = None

    def apply(self, edits: Sequence[Edit | Append]) -> bool:
        while True:
            try:
                return super().apply(edits)
            except ConflictError:
                if self.on_conflict is None or not self.on_conflict(self, edits):
                    raise


def _on_disk(file: CanvasFile) -> bytes | None:
    """The bytes of the canvas on disk now (None when it cannot be read)."""
    try:
        with open(os.path.realpath(file.path), "rb") as fh:
            return fh.read()
    except OSError:
        return None


def _value_at(text: str, path: Path_) -> Any:
    """The plain value at ``path`` in a canvas's text (both texts here loaded already)."""
    root = compose_nodes(text)
    return read_value(root, path) if root is not None else None


def _short(value: Any) -> str:
    if value in (None, "", [], {}):
        return "empty"
    shown = str(value).replace("\n", " ")
    return shown if len(shown) <= 60 else shown[:57] + "..."


def _step_rows(steps: list[Step], passed: set[str]) -> list[tuple[str, str]]:
    """The jump menu's rows for ``steps``: each its group, and its question when the
    group has several; "(skipped)" when it was passed over."""
    per_group = Counter(s.group for s in steps)
    rows = []
    for s in steps:
        label = s.group if per_group[s.group] == 1 else f"{s.group}: {s.prompt.splitlines()[-1]}"
        rows.append((s.key, label + (" (skipped)" if s.key in passed else "")))
    return rows


def _is_current_value(step: Step) -> bool:
    """A measure's current value: what the quarterly update asks."""
    return step.section == "measures" and step.path[-1:] == ("current",)


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


def _and_list(words: Sequence[str]) -> str:
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]


def _free(ident: str, taken: set[str]) -> str:
    if ident not in taken:
        return ident
    n = 2
    while f"{ident}-{n}" in taken:
        n += 1
    return f"{ident}-{n}"


def _is_degree(path: Path_) -> bool:
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


def _duration_check(value: Any) -> str | None:
    """Why ``value`` is not a duration the canvas accepts (None: it is one), in the
    loader's own words (they give the grammar)."""
    import json

    from modelh.canvas.loader import parse_canvas

    text = (
        "modelh: 1\ncanvas: {title: t, organization: o}\nsegments: [{id: s}]\njourneys:\n"
        "  - {id: j, name: j, segment: s, touches: [{name: t, time: "
        f"{json.dumps(str(value))}}}]}}\n"
    )
    try:
        parse_canvas(text, "time")
    except CanvasError as exc:
        return _first_problem(exc).removeprefix("journey 'j': touches[0]: ")
    return None


def _first_problem(exc: Exception) -> str:
    if isinstance(exc, CanvasError) and exc.problems:
        return exc.problems[0].message
    return str(exc)


__all__ = [
    "ANSWER",
    "BACK",
    "GOTO",
    "INTERVIEW_SECTIONS",
    "KEEP",
    "MENU_KEYS",
    "NEW",
    "NEXT",
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
