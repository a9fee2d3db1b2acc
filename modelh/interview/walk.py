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
that same value changed there too, offered again to retry; nothing typed is lost
(the saving, and this, in ``saving``).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from modelh.canvas.editing import CanvasFile, EditError
from modelh.errors import CanvasError, ModelhError
from modelh.interview.saving import Saving, _BothChanged, _NotReloaded, _WatchedFile
from modelh.interview.state import WalkMemory
from modelh.interview.steps import (
    INTERVIEW_SECTIONS,
    Step,
    plan,
    section_title,
)
from modelh.interview.talk import (
    ANSWER,
    BACK,
    GOTO,
    KEEP,
    MENU_KEYS,
    NEW,
    NEXT,
    QUIT,
    SKIP,
    Cancelled,
    Change,
    Outcome,
    Prompter,
    Quit,
    Refused,
    Reply,
    dotted,
    first_problem,
    slug,
)


@dataclass
class Interview(Saving):
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
                except Quit:
                    return self.outcome
                except (_BothChanged, CanvasError, EditError, Cancelled, Refused) as exc:
                    if isinstance(exc, _BothChanged | Refused):
                        self.prompter.tell(str(exc), "error")
                    elif isinstance(exc, Cancelled):
                        self.prompter.tell("Nothing was saved for this step.")
                    else:
                        self.prompter.tell(f"Not saved: {first_problem(exc)}", "error")
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


#: The person quit from a menu.
_QUIT_WALK = object()
#: A jump menu lists the open steps of a section, one a row, up to this many;
#: beyond, one row a group.
_MENU_ROWS = 12


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
