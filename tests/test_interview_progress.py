"""Where the interview is and how much is left, across a resume; skipping and
jumping; the quarterly update; a canvas changed on disk mid-walk; guidance once
a topic; every screen within 80x24.

The walks here answer whatever steps the plan holds (``generic``), so that they
hold for any list of sections and steps."""

from __future__ import annotations

import io
import os
import sys
from pathlib import Path

import pytest
from rich.cells import cell_len
from rich.console import Console

from modelh import framework as fw
from modelh import load_canvas
from modelh.canvas.editing import CanvasFile, Edit
from modelh.canvas.starter import starter_text
from modelh.interview.prompter import RichPrompter
from modelh.interview.state import WalkMemory, canvas_key, state_folder
from modelh.interview.steps import INTERVIEW_SECTIONS, plan, section_title
from modelh.interview.walk import (
    ANSWER,
    BACK,
    GOTO,
    KEEP,
    NEXT,
    QUIT,
    SKIP,
    Interview,
    Reply,
    Step,
)

from .conftest import ROOT

CANVAS = """\
# Acme's model: comments stay.
modelh: 1
canvas:
  title: Medicare Advantage 2027
  organization: Acme Health
segments:
  - {id: members, name: Members 65+, role: user, stage: interact}
  - id: employers
    name: Employer groups
    role: buyer
channels:
  - {id: app, name: Member app, kind: digital}
customer_relationships:
  answers:
    growth: Referrals from employers that renew, counted each quarter.
  measures:
    - id: nps
      name: Member NPS
      domain: customer
      indicator: nps
      direction: up
      baseline: 18
      target: 35
    - id: csat
      name: Member satisfaction
      domain: customer
      direction: up
      baseline: 70
      target: 80
"""

NEW_SEGMENT = "  - {id: carers, name: Family carers, role: user}\n"


@pytest.fixture
def canvas_file(tmp_path):
    path = tmp_path / "acme.yaml"
    path.write_text(CANVAS, encoding="utf-8")
    return path


@pytest.fixture
def state(tmp_path):
    return tmp_path / "state"


def generic(step: Step) -> Reply:
    """A valid answer to any step of the walk, of its kind."""
    if step.kind == "choice":
        return Reply(ANSWER, step.choices[0][0])
    if step.kind == "multi":
        return Reply(ANSWER, [])
    if step.kind == "list":
        return Reply(ANSWER, ["first", "second"])
    if step.kind == "number":
        return Reply(ANSWER, 7)
    if step.kind == "confirm":
        return Reply(ANSWER, False)
    return Reply(ANSWER, f"An answer to {step.key}.")


def each_once():
    """A reply for any step: ``generic`` the first time, ``/skip`` when asked again
    (an answer the canvas refused)."""
    tries: dict[str, int] = {}

    def reply(step: Step) -> Reply:
        tries[step.key] = tries.get(step.key, 0) + 1
        return generic(step) if tries[step.key] == 1 else Reply(SKIP)

    return reply


class Script:
    """A prompter that replies from a list (a reply, or a function of the step), then quits."""

    def __init__(self, *replies) -> None:
        self.replies = list(replies)
        self.shown: list[Step] = []
        self.told: list[str] = []
        self.asked: list[str] = []

    def show(self, step: Step) -> None:
        self.shown.append(step)

    def ask(self, step: Step) -> Reply:
        self.asked.append(step.key)
        if not self.replies:
            return Reply(QUIT)
        reply = self.replies.pop(0)
        return reply(step) if callable(reply) else reply

    def tell(self, message: str, style: str = "") -> None:
        self.told.append(message)


def interview(path, prompter, memory_folder=None, **options) -> Interview:
    memory = WalkMemory.of(path, memory_folder) if memory_folder is not None else None
    return Interview(CanvasFile.read(path), prompter, memory=memory, **options)


def walk_steps(script: Script) -> list[Step]:
    """The steps of the walk shown (not menus, new items' fields or questions about reloading)."""
    return [s for s in script.shown if s.total]


def open_from(path: Path, step: Step, sections=INTERVIEW_SECTIONS) -> int:
    """The open steps of ``step``'s section in the canvas now, from ``step`` on."""
    steps = plan(load_canvas(path), sections)
    at = [s.key for s in steps].index(step.key)
    return sum(1 for s in steps[at:] if s.section == step.section and not s.answered)


def add_segment(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("channels:\n", NEW_SEGMENT + "channels:\n", 1), encoding="utf-8")


# --- where am I, how much is left -------------------------------------------------------


class Counting(Script):
    """Answers every step; after the first answer a teammate adds a segment to the file.
    At each section's first step, notes how many steps of it are open."""

    def __init__(self, path: Path) -> None:
        super().__init__()
        self.path = path
        self.open_at_start: dict[int, int] = {}
        self.tries: dict[str, int] = {}

    def show(self, step: Step) -> None:
        if step.total and (not self.shown or self.shown[-1].section != step.section):
            self.open_at_start[len(self.shown)] = open_from(self.path, step)
        super().show(step)

    def tell(self, message: str, style: str = "") -> None:
        super().tell(message, style)
        if message.startswith("saved") and "carers" not in self.path.read_text():
            add_segment(self.path)  # between two steps: read again before the next one

    def ask(self, step: Step) -> Reply:
        self.asked.append(step.key)
        if not step.total:
            return Reply(KEEP)
        self.tries[step.key] = self.tries.get(step.key, 0) + 1
        return generic(step) if self.tries[step.key] == 1 else Reply(SKIP)


def test_the_count_is_of_the_open_steps_of_the_section_fixed_when_it_starts(canvas_file):
    script = Counting(canvas_file)
    outcome = interview(canvas_file, script).run()
    assert outcome.completed
    shown = script.shown
    runs: list[list[int]] = []  # the positions of each section's steps, as shown
    for i, step in enumerate(shown):
        if step.total and (not runs or shown[runs[-1][-1]].section != step.section):
            runs.append([])
        if step.total:
            runs[-1].append(i)
    assert len(runs) >= 2
    for run in runs:
        first = shown[run[0]]
        assert first.number == 1
        assert first.total == script.open_at_start[run[0]]  # counted when the section starts
        assert {shown[i].total for i in run} == {first.total}  # and never more
        numbers = [shown[i].number for i in run]
        assert numbers == sorted(numbers) and numbers[-1] <= first.total
    assert any("carers" in key.split(":") for key in script.asked)  # the new segment's steps
    assert any("changed on disk" in t for t in script.told)


def test_steps_added_inside_a_section_do_not_raise_its_count(canvas_file):
    def teammate_adds_a_segment(step: Step) -> Reply:
        add_segment(canvas_file)
        return Reply(KEEP)

    at_start = [s for s in plan(load_canvas(canvas_file), ["segments"]) if not s.answered]
    script = Script(teammate_adds_a_segment, *[each_once()] * 60)
    interview(canvas_file, script, sections=["segments"]).run()
    steps = walk_steps(script)
    assert {s.total for s in steps} == {len(at_start)}
    assert [s for s in steps if ":carers:" in s.key], "the new segment is asked in the section"
    assert all(s.number <= len(at_start) for s in steps)


# --- resuming -----------------------------------------------------------------------------


def test_a_new_interview_goes_on_at_the_step_where_the_last_one_stopped(canvas_file, state):
    first = Script(Reply(SKIP), generic, generic, Reply(QUIT))
    interview(canvas_file, first, state).run()
    skipped, stopped = first.shown[0], first.shown[-1]

    again = Script(Reply(QUIT))
    interview(canvas_file, again, state).run()
    assert again.shown[0].key == stopped.key
    # the progress line goes on: the same place among the same count
    assert (again.shown[0].number, again.shown[0].total) == (stopped.number, stopped.total)
    assert (stopped.number, stopped.total) != (1, 1)

    # the skipped step is asked again with --all, and the memory is not in the canvas
    everything = Script(Reply(QUIT))
    interview(canvas_file, everything, state, revisit=True).run()
    assert everything.shown[0].key == skipped.key
    assert skipped.key not in canvas_file.read_text(encoding="utf-8")
    # without the memory, the walk starts at the first open step: the skipped one
    forgetful = Script(Reply(QUIT))
    interview(canvas_file, forgetful).run()
    assert forgetful.shown[0].key == skipped.key


def test_skipped_steps_are_not_asked_again_after_the_stop(canvas_file, state):
    first = Script(Reply(SKIP), Reply(KEEP), Reply(QUIT))
    interview(canvas_file, first, state).run()
    passed = {first.shown[0].key, first.shown[1].key}  # Enter on an empty answer passes it too
    again = Script(*[Reply(SKIP)] * 200)
    outcome = interview(canvas_file, again, state).run()
    assert outcome.completed
    assert passed.isdisjoint(s.key for s in again.shown)
    assert outcome.skipped >= len(passed)


def test_the_memory_is_kept_in_the_state_folder_by_the_resolved_path(
    canvas_file, tmp_path, monkeypatch
):
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "xdg"))
    assert state_folder() == tmp_path / "xdg" / "modelh"
    monkeypatch.setenv("XDG_STATE_HOME", "relative/state")  # ignored, as the spec says
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert state_folder() == tmp_path / "home" / ".local" / "state" / "modelh"
    link = tmp_path / "link.yaml"
    link.symlink_to(canvas_file)
    assert canvas_key(link) == canvas_key(canvas_file)
    script = Script(generic, Reply(QUIT))
    interview(link, script).run()  # no memory given: the default folder is not touched
    assert not (tmp_path / "home").exists()
    memory = WalkMemory.of(link)
    memory.at = "somewhere"
    memory.save()
    assert memory.file is not None and memory.file.is_relative_to(tmp_path / "home")
    assert WalkMemory.of(canvas_file).at == "somewhere"


def test_a_state_folder_that_cannot_be_written_is_said_once_and_the_walk_goes_on(
    canvas_file, tmp_path
):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the state folder would be")
    script = Script(generic, generic, generic, Reply(QUIT))
    outcome = interview(canvas_file, script, blocker / "state", sections=["questions"]).run()
    said = [t for t in script.told if "cannot be remembered" in t]
    assert len(said) == 1
    assert len(outcome.changes) == 3


def test_a_damaged_memory_is_an_empty_one(canvas_file, state):
    memory = WalkMemory.of(canvas_file, state)
    memory.at = "x"
    memory.save()
    assert memory.file is not None
    memory.file.write_text("{not json", encoding="utf-8")
    script = Script(Reply(QUIT))
    interview(canvas_file, script, state).run()
    first_open = next(s for s in plan(load_canvas(canvas_file)) if not s.answered)
    assert script.shown[0].key == first_open.key


# --- skipping a section, jumping --------------------------------------------------------------


def test_next_skips_the_rest_of_the_section_and_it_stays_skipped(canvas_file, state):
    first = Script(Reply(NEXT), Reply(QUIT))
    interview(canvas_file, first, state).run()
    left = first.shown[0].section
    assert first.shown[1].section != left
    assert any(section_title(left) in t and "/goto" in t for t in first.told)
    again = Script(*[Reply(SKIP)] * 200)
    interview(canvas_file, again, state).run()
    assert all(s.section != left for s in again.shown if s.total)
    everything = Script(Reply(QUIT))
    interview(canvas_file, everything, state, revisit=True).run()
    assert everything.shown[0].section == left


def test_goto_lists_the_sections_and_their_open_steps_and_jumps(canvas_file, state):
    first = Script(Reply(SKIP), generic, Reply(QUIT))
    interview(canvas_file, first, state).run()
    skipped = first.shown[0]

    def pick_section(menu: Step) -> Reply:
        assert menu.key == "goto:section"
        sections = [value for value, _ in menu.choices]
        assert sections == list(dict.fromkeys(s.section for s in plan(load_canvas(canvas_file))))
        label = dict(menu.choices)[skipped.section]
        assert section_title(skipped.section) in label and "1 skipped" in label
        return Reply(ANSWER, skipped.section)

    def pick_step(menu: Step) -> Reply:
        if menu.key != "goto:step":  # the section has one open step: no second menu
            return Reply(QUIT)
        assert skipped.key in [value for value, _ in menu.choices]
        return Reply(ANSWER, skipped.key)

    again = Script(Reply(GOTO), pick_section, pick_step, Reply(QUIT))
    interview(canvas_file, again, state).run()
    walk = walk_steps(again)
    assert walk[-1].key == skipped.key
    assert walk[0].key != skipped.key


def test_goto_can_be_left_without_moving(canvas_file):
    script = Script(Reply(GOTO), Reply(KEEP), Reply(QUIT))
    interview(canvas_file, script).run()
    assert script.shown[0].key == script.shown[2].key


def test_with_only_skipped_steps_left_the_jump_menu_is_offered(canvas_file, state):
    memory = WalkMemory.of(canvas_file, state)
    memory.passed = {s.key for s in plan(load_canvas(canvas_file)) if not s.answered}
    memory.save()
    script = Script(Reply(KEEP))
    outcome = interview(canvas_file, script, state).run()
    assert [s.key for s in script.shown] == ["goto:section"]
    assert any("skipped earlier" in t for t in script.told)
    assert outcome.skipped == len(memory.passed)


def test_back_after_a_jump_returns_where_the_jump_started(canvas_file):
    sections = list(dict.fromkeys(s.section for s in plan(load_canvas(canvas_file))))
    script = Script(Reply(GOTO), Reply(ANSWER, sections[-1]), Reply(KEEP), Reply(BACK))
    interview(canvas_file, script).run()
    walk = walk_steps(script)
    assert walk[1].section == sections[-1]
    assert walk[-1].key == walk[0].key


# --- the quarterly update -----------------------------------------------------------------


def test_section_measures_on_a_complete_canvas_offers_the_quarterly_update(canvas_file):
    text = CANVAS.replace("      baseline: 18\n", "      baseline: 18\n      current: 24\n")
    text = text.replace("      baseline: 70\n", "      baseline: 70\n      current: 74\n")
    canvas_file.write_text(text, encoding="utf-8")
    active = [m.id for m in load_canvas(canvas_file).measures if m.status == "active"]
    script = Script(Reply(KEEP), Reply(ANSWER, 76))
    outcome = interview(canvas_file, script, sections=["measures"]).run()
    assert any("quarterly update" in t for t in script.told)
    assert [s.path[2] for s in script.shown] == [f"[{m}]" for m in active]
    assert [s.current for s in script.shown] == [24, 74]  # each shown with its value
    assert outcome.completed
    assert load_canvas(canvas_file).measure("csat").current == 76


# --- the canvas changed on disk ------------------------------------------------------------


def edit_title(path: Path, title: str) -> None:
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("title: Medicare Advantage 2027", f"title: {title}"), "utf-8")


def test_a_change_on_disk_while_answering_is_read_again_and_the_answer_written_there(
    canvas_file,
):
    def answer_while_a_teammate_saves(step: Step) -> Reply:
        edit_title(canvas_file, "Medicare Advantage 2028")
        return generic(step)

    script = Script(answer_while_a_teammate_saves, Reply(KEEP), Reply(QUIT))
    outcome = interview(canvas_file, script).run()
    asked = script.shown[0]
    assert script.shown[1].key == "reload"  # offered, Enter took it
    canvas = load_canvas(canvas_file)
    assert canvas.canvas.title == "Medicare Advantage 2028"  # the teammate's change stays
    assert [c.path for c in outcome.changes] == [asked.path]  # and the answer is written
    assert "# Acme's model: comments stay." in canvas_file.read_text(encoding="utf-8")


def first_text_step(path: Path) -> Step:
    step = next(s for s in plan(load_canvas(path), ["questions"]) if not s.answered)
    assert step.kind == "text"
    return step


def test_when_the_same_value_changed_on_disk_the_answer_is_asked_again(canvas_file):
    step = first_text_step(canvas_file)

    def answer_while_a_teammate_answers_it_too(shown: Step) -> Reply:
        CanvasFile.read(canvas_file).apply([Edit(step.path, "Theirs.")])
        return Reply(ANSWER, "Ours.")

    script = Script(
        answer_while_a_teammate_answers_it_too, Reply(KEEP), Reply(ANSWER, "Ours, after all.")
    )
    interview(canvas_file, script, sections=["questions"]).run()
    assert [s.key for s in script.shown[:3]] == [step.key, "reload", step.key]
    assert any("changed there too" in t for t in script.told)
    assert script.shown[2].current == "Theirs."  # nothing of theirs was overwritten unseen
    assert "Ours, after all." in canvas_file.read_text(encoding="utf-8")


def test_at_the_terminal_the_answer_asked_again_holds_what_was_typed(canvas_file):
    step = first_text_step(canvas_file)
    offered: list[str] = []

    def typed(prefill: str) -> str:
        offered.append(prefill)
        if len(offered) == 1:
            CanvasFile.read(canvas_file).apply([Edit(step.path, "Theirs.")])
            return "Ours, typed once."
        return "" if len(offered) == 2 else "/quit"  # Enter: read it again

    prompter = RichPrompter(Console(file=io.StringIO(), width=80, height=24))
    prompter._input = typed
    outcome = interview(canvas_file, prompter, sections=["questions"]).run()
    assert offered == ["", "", "Ours, typed once."]
    assert outcome.changes == []
    assert "Theirs." in canvas_file.read_text(encoding="utf-8")


def test_declining_the_reload_writes_nothing_and_keeps_what_was_typed(canvas_file):
    def answer_while_a_teammate_saves(step: Step) -> Reply:
        edit_title(canvas_file, "Medicare Advantage 2028")
        return Reply(ANSWER, "Typed, and kept.")

    step = first_text_step(canvas_file)
    script = Script(answer_while_a_teammate_saves, Reply(ANSWER, False))
    outcome = interview(canvas_file, script, sections=["questions"]).run()
    assert not outcome.completed
    assert [(c.path, c.after) for c in outcome.unsaved] == [(step.path, "Typed, and kept.")]
    assert load_canvas(canvas_file).canvas.title == "Medicare Advantage 2028"
    assert "Typed, and kept." not in canvas_file.read_text(encoding="utf-8")


def test_a_change_between_two_steps_is_read_before_the_next_one(canvas_file):
    def answer_then_a_teammate_fills_the_next(step: Step) -> Reply:
        return Reply(ANSWER, 20)

    class Teammate(Script):
        def tell(self, message: str, style: str = "") -> None:
            super().tell(message, style)
            if message.startswith("saved"):  # the teammate gives csat its value meanwhile
                text = canvas_file.read_text(encoding="utf-8")
                canvas_file.write_text(
                    text.replace("      baseline: 70\n", "      baseline: 70\n      current: 77\n")
                )

    # every due date, whom each measures and the headline set: the measures section asks
    # only the current values
    text = canvas_file.read_text(encoding="utf-8")
    for baseline in ("      baseline: 18\n", "      baseline: 70\n"):
        text = text.replace(baseline, baseline + '      due: "2027"\n      segments: [members]\n')
    text = text.replace("      indicator: nps\n", "      indicator: nps\n      headline: true\n")
    canvas_file.write_text(text, encoding="utf-8")
    script = Teammate(answer_then_a_teammate_fills_the_next)
    outcome = interview(canvas_file, script, sections=["measures"]).run()
    assert [s.key for s in script.shown] == ["measure:nps:current"]
    assert outcome.completed
    assert any("changed on disk" in t for t in script.told)
    canvas = load_canvas(canvas_file)
    assert (canvas.measure("nps").current, canvas.measure("csat").current) == (20, 77)


# --- guidance once a topic, and every screen within 80x24 -----------------------------------


def console(out: io.StringIO) -> Console:
    return Console(file=out, width=80, height=24, highlight=False)


def test_guidance_is_shown_once_a_topic_and_again_on_question_mark():
    first, other = fw.QUESTIONS[0].guidance, fw.QUESTIONS[1].guidance
    steps = [
        Step("a", "questions", "Group A", "First?", "text", guidance=first),
        Step("b", "questions", "Group B", "Second, same topic?", "text", guidance=first),
        Step("c", "questions", "Group C", "Third, another topic?", "text", guidance=other),
    ]
    out = io.StringIO()
    prompter = RichPrompter(console(out))
    shown = []
    for step in steps:
        start = len(out.getvalue())
        prompter.show(step)
        shown.append(out.getvalue()[start:])
    assert ["Good answer" in s for s in shown] == [True, False, True]
    typed = iter(["?", "An answer."])
    prompter._input = lambda prefill: next(typed)
    start = len(out.getvalue())
    assert prompter.ask(steps[1]) == Reply(ANSWER, "An answer.")
    again = " ".join(out.getvalue()[start:].split())
    assert "Good answer" in again and " ".join(first.example.split()[:6]) in again
    assert "/goto" in again and "/next" in again  # and what each command does


def starter(tmp_path: Path) -> Path:
    path = tmp_path / "new.yaml"
    path.write_text(starter_text(title="A plan", organization="An org"), encoding="utf-8")
    return path


def example(name: str):
    def copy(tmp_path: Path) -> Path:
        path = tmp_path / name
        path.write_bytes((ROOT / "canvases" / name).read_bytes())
        return path

    return copy


def acme(tmp_path: Path) -> Path:
    path = tmp_path / "acme.yaml"
    path.write_text(CANVAS, encoding="utf-8")
    return path


CANVASES = {
    "acme": acme,
    "new": starter,
    **{p.stem: example(p.name) for p in sorted((ROOT / "canvases").glob("*.yaml"))},
}


def screens(path: Path, inputs) -> list[str]:
    """What the terminal shows between two prompts, walking ``path`` at 80x24."""
    out = io.StringIO()
    prompter = RichPrompter(console(out))
    marks: list[int] = []

    def typed(prefill: str) -> str:
        marks.append(len(out.getvalue()))
        return inputs(len(marks))

    prompter._input = typed
    interview(path, prompter, revisit=True).run()
    text = out.getvalue()
    return [text[a:b] for a, b in zip([0, *marks], marks, strict=False)]


@pytest.mark.parametrize("name", CANVASES)
def test_every_step_with_its_guidance_fits_80_columns_and_24_lines(name, tmp_path):
    path = CANVASES[name](tmp_path)
    total = len(plan(load_canvas(path)))

    def inputs(n: int) -> str:  # every step once; help, the jump menus on the way
        if n == 2:
            return "?"
        if n == 3:
            return "/goto"
        if n == 4:
            return "2"  # a section
        if n == 5:
            return ""  # its first open step (or, without a second menu, the step there)
        return "" if n < total + 40 else "/quit"

    shown = screens(path, inputs)
    assert len(shown) > total
    for screen in shown:
        lines = screen.rstrip("\n").split("\n")
        assert len(lines) <= 23, screen  # and the prompt's own line: 24
        wide = [line for line in lines if cell_len(line) > 80]
        assert wide == [], screen
    assert sum("Good answer" in s for s in shown) >= 2 or total < 3


# --- in a real terminal, 80x24 --------------------------------------------------------------

#: The progress line in the rule above a step, between the terminal's style codes.
PROGRESS = r"─ (?:\x1b\[[\d;]*m)*(\w[^─\x1b\r\n]*)(?:\x1b\[[\d;]*m)* · (\d+) of (\d+) open"


def terminal(canvas: Path, state: Path, *args: str):
    """``modelh interview CANVAS [ARGS]`` in a real terminal of 80x24, its memory in ``state``."""
    import pexpect

    return pexpect.spawn(
        sys.executable,
        ["-m", "modelh", "interview", str(canvas), *args],
        cwd=str(ROOT),
        env={
            **os.environ,
            "COLUMNS": "80",
            "LINES": "24",
            "TERM": "xterm",
            "XDG_STATE_HOME": str(state),
        },
        encoding="utf-8",
        timeout=20,
        dimensions=(24, 80),
    )


def test_in_a_real_terminal_the_progress_line_goes_on_across_a_resume(canvas_file, state):
    pexpect = pytest.importorskip("pexpect")
    child = terminal(canvas_file, state)
    child.expect(PROGRESS)
    section, total = child.match.group(1), int(child.match.group(3))
    assert child.match.group(2) == "1" and total >= 3
    child.expect("› ")
    child.sendline("/skip")
    child.expect(PROGRESS)
    assert child.match.groups() == (section, "2", str(total))
    child.expect("› ")
    child.sendline("")  # Enter on an empty answer: passed over too
    child.expect(PROGRESS)
    assert child.match.groups() == (section, "3", str(total))
    child.expect("\r\n([^\r\n]+)\r\n")  # the line under the rule
    child.expect("› ")
    child.sendintr()
    child.expect("Stopped.")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 130

    child = terminal(canvas_file, state)
    child.expect(PROGRESS)
    assert child.match.groups() == (section, "3", str(total))  # where it stopped
    child.expect("› ")
    child.sendline("/quit")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0


def test_in_a_real_terminal_a_change_on_disk_is_offered_a_reload(canvas_file, state):
    pexpect = pytest.importorskip("pexpect")
    child = terminal(canvas_file, state, "--section", "questions")  # a text step first
    child.expect(PROGRESS)
    child.expect("› ")
    edit_title(canvas_file, "Medicare Advantage 2028")  # a teammate saves meanwhile
    child.sendline("Our answer, typed while the file changed.")
    child.expect("The canvas changed on disk")
    child.expect("› ")
    child.sendline("")  # Enter: read it again
    child.expect("Read again: the answer goes into the new version")
    child.expect("› ")
    child.sendline("/quit")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    text = canvas_file.read_text(encoding="utf-8")
    assert "Medicare Advantage 2028" in text
    assert "Our answer, typed while the file changed." in text


def test_in_a_real_terminal_a_declined_reload_shows_what_was_not_written(canvas_file, state):
    pexpect = pytest.importorskip("pexpect")
    child = terminal(canvas_file, state, "--section", "questions")  # a text step first
    child.expect(PROGRESS)
    child.expect("› ")
    edit_title(canvas_file, "Medicare Advantage 2028")
    child.sendline("Kept on the screen.")
    child.expect("The canvas changed on disk")
    child.expect("› ")
    child.sendline("n")
    child.expect("Not written")
    child.expect("Kept on the screen.")
    child.expect(pexpect.EOF)
    child.close()
    assert "Kept on the screen." not in canvas_file.read_text(encoding="utf-8")
