"""The interview, driven by a scripted prompter: every kind of step, moving around,
new channels and measures, answers from a file, and one run in a real terminal."""

from __future__ import annotations

import sys
import textwrap
from pathlib import Path

import pytest
from typer.testing import CliRunner

from modelh import load_canvas, parse_canvas
from modelh.canvas.editing import CanvasFile
from modelh.cli.main import app
from modelh.interview.walk import ANSWER, BACK, KEEP, NEW, QUIT, SKIP, Interview, Reply, Step

from .conftest import ROOT, interview_in_a_terminal

CANVAS = """\
# Acme's Medicare Advantage model: comments must survive the interview.
modelh: 1
canvas:
  title: Medicare Advantage 2027   # working title
  organization: Acme Health
segments:
  - {id: members, name: Members 65+, role: user, stage: interact}
  - id: employers          # the buyers
    name: Employer groups
    role: buyer
channels:
  - {id: app, name: Member app, kind: digital}
customer_relationships:
  answers:
    cost:                  # to be costed in workshop 2
    growth: Referrals from employers that renew, counted each quarter.
  measures:
    - id: nps
      name: Member NPS
      domain: customer
      indicator: nps
      direction: up
      baseline: 18
      target: 35
"""


class Script:
    """A prompter that answers from a list and remembers what it was shown."""

    def __init__(self, *replies: Reply | tuple) -> None:
        self.replies = [r if isinstance(r, Reply) else Reply(*r) for r in replies]
        self.shown: list[Step] = []
        self.told: list[str] = []

    def show(self, step: Step) -> None:
        self.shown.append(step)

    def ask(self, step: Step) -> Reply:
        if not self.replies:
            return Reply(QUIT)
        return self.replies.pop(0)

    def tell(self, message: str, style: str = "") -> None:
        self.told.append(message)


def answer(value):
    return Reply(ANSWER, value)


@pytest.fixture
def canvas_file(tmp_path):
    path = tmp_path / "acme.yaml"
    path.write_text(CANVAS, encoding="utf-8")
    return path


def run(path, *replies, **options):
    script = Script(*replies)
    outcome = Interview(CanvasFile.read(path), script, **options).run()
    return script, outcome, load_canvas(path)


def keys(script: Script) -> list[str]:
    return [s.key for s in script.shown]


# --- questions -----------------------------------------------------------------------


def test_resumes_at_the_first_unanswered_question_and_saves_each_answer(canvas_file):
    # question 1 is asked with the dimensions (drafted from the mix): the questions
    # section opens with question 2, asked for each segment
    script, outcome, canvas = run(
        canvas_file, answer("Nurse line at $4 PMPM."), sections=["questions"]
    )
    assert keys(script)[0] == "question:expectations:members"
    assert script.shown[0].group == "Question 2 of 8: Segment expectations"
    assert canvas.answers["expectations"].per_segment == {"members": "Nurse line at $4 PMPM."}
    assert [c.path[-1] for c in outcome.changes] == ["members"]
    assert "# to be costed in workshop 2" in canvas_file.read_text()


def test_per_segment_questions_ask_each_segment(canvas_file):
    script, _, canvas = run(
        canvas_file,
        answer("A named nurse who calls back the same day."),
        answer("Quarterly reviews with HR and one escalation number."),
        sections=["questions"],
    )
    assert keys(script)[0:2] == ["question:expectations:members", "question:expectations:employers"]
    assert canvas.answers["expectations"].per_segment == {
        "members": "A named nurse who calls back the same day.",
        "employers": "Quarterly reviews with HR and one escalation number.",
    }


def test_keep_skip_and_back(canvas_file):
    script, _, canvas = run(
        canvas_file,
        (SKIP,),  # expectations / members: left for later
        answer("first try"),  # expectations / employers
        (BACK,),  # back to expectations / employers
        answer("second try"),  # expectations / employers again
        (KEEP,),  # cost: kept (empty)
        sections=["questions"],
    )
    assert keys(script) == [
        "question:expectations:members",
        "question:expectations:employers",
        "question:cost",
        "question:expectations:employers",
        "question:cost",
        "question:marketing",
    ]
    assert canvas.answers["expectations"].per_segment == {"employers": "second try"}
    assert "cost" not in canvas.answers


def test_all_revisits_answered_steps_and_only_narrows(canvas_file):
    script, _, _ = run(canvas_file, (KEEP,), revisit=True, only="growth")
    assert keys(script) == ["question:growth"]
    assert script.shown[0].current.startswith("Referrals from employers")
    script, _, _ = run(canvas_file, only="nps")
    assert keys(script) == ["measure:nps:current"]


# --- dimensions, with a new channel and a new measure --------------------------------


def test_a_dimension_step_by_step_with_a_new_channel_and_a_new_measure(canvas_file):
    script, _, canvas = run(
        canvas_file,
        answer("core"),  # the degree for members
        answer("none"),  # the degree for employers: the segments served are the members
        answer("Plain-language benefit guides in the app and by phone."),
        answer(["app", NEW]),  # channels, and a new one:
        answer("Nurse line"),
        (KEEP,),
        answer("phone"),  #   name, id kept, kind
        answer("Your benefits, in plain words."),  # message
        answer("A named nurse calls back the same day."),  # emotional support
        (SKIP,),  # physical comfort
        answer([NEW]),  # measures: a new one:
        answer("Benefit letter comprehension"),  #   name
        answer("comprehension"),  #   id
        answer("customer"),
        answer("comprehension"),  #   domain, indicator
        (KEEP,),
        answer("%"),
        answer("up"),  #   tracks, unit, direction
        answer(41),
        answer(70),
        (KEEP,),
        (KEEP,),
        answer("CX office"),  #   baseline, target, current, due, owner
        answer("Member services"),  # owner of the dimension
        sections=["dimensions"],
        only="information",
    )
    info = canvas.dimensions["information"]
    assert info.use == "core" and info.segments == ("members",)
    assert info.channels == ("app", "nurse-line")
    assert canvas.channel("nurse-line").kind == "phone"
    assert info.measures == ("comprehension",)
    measure = canvas.measure("comprehension")
    assert (measure.domain, measure.indicator, measure.tracks) == (
        "customer",
        "comprehension",
        "experience",
    )
    assert (measure.baseline, measure.target, measure.unit) == (41, 70, "%")
    assert info.physical_comfort is None and info.owner == "Member services"
    assert "added channel 'nurse-line'" in script.told
    text = canvas_file.read_text()
    assert "# the buyers" in text and "# working title" in text


def test_use_none_asks_for_a_reason_only(canvas_file):
    script, _, canvas = run(
        canvas_file,
        answer("none"),
        answer("none"),
        answer("Members rely on their physician for this."),
        sections=["dimensions"],
        only="connection",
    )
    assert keys(script) == [
        "dimension:connection:degree:members",
        "dimension:connection:degree:employers",
        "dimension:connection:reason",
    ]
    assert canvas.dimensions["connection"].reason == "Members rely on their physician for this."


def test_motivation_asks_for_incentives(canvas_file):
    script, _, canvas = run(
        canvas_file,
        answer("supporting"),
        answer("none"),
        (KEEP,),
        answer([]),
        (KEEP,),
        (KEEP,),
        (KEEP,),
        answer(["Plan points for screenings", "Store credit"]),
        sections=["dimensions"],
        only="motivation",
    )
    assert "dimension:motivation:incentives" in keys(script)
    assert canvas.dimensions["motivation"].incentives == (
        "Plan points for screenings",
        "Store credit",
    )


# --- segments and measures ------------------------------------------------------------


def test_segments_stage_target_and_preferences(canvas_file):
    script, _, canvas = run(
        canvas_file,
        *[(KEEP,)] * 7,  # name, role, kind, who they are, jobs, trajectory, destination
        (KEEP,),
        answer("engage"),
        answer(["preferred language", "appointment times"]),
        sections=["segments"],
        only="members",
    )
    assert keys(script)[-3:] == [
        "segment:members:stage",
        "segment:members:target_stage",
        "segment:members:preferences",
    ]
    members = canvas.segment("members")
    assert (members.stage, members.target_stage) == ("interact", "engage")
    assert members.preferences == ("preferred language", "appointment times")


def test_measures_update_current_with_baseline_and_target_shown(canvas_file):
    script, _, canvas = run(canvas_file, answer(24.5), sections=["measures"])
    assert keys(script)[0] == "measure:nps:current"
    assert script.shown[0].note == "baseline 18 · target 35 · better when higher"
    assert canvas.measure("nps").current == 24.5


def test_a_used_dimension_without_a_measure_is_offered_one(canvas_file):
    run(canvas_file, answer("core"), sections=["dimensions"], only="navigation")
    script, _, canvas = run(
        canvas_file,
        (KEEP,),  # nps: current
        (KEEP,),  # nps: due
        answer(True),
        answer("Navigation NPS"),
        (KEEP,),
        answer("customer"),
        answer("nps"),
        (KEEP,),
        (KEEP,),
        answer("up"),
        answer(10),
        answer(20),
        (KEEP,),
        (KEEP,),
        (KEEP,),  # tracks, unit, direction, baseline, target, current, due, owner
        sections=["measures"],
    )
    assert "measure:new:navigation" in keys(script)
    assert canvas.dimensions["navigation"].measures == ("navigation-nps",)


def test_a_refused_answer_is_not_saved_and_asked_again(canvas_file):
    before = canvas_file.read_text()
    script, _, _ = run(
        canvas_file, *[(KEEP,)] * 7, answer("drafty"), sections=["segments"], only="members"
    )
    assert keys(script)[7] == "segment:members:stage"
    assert any(t.startswith("Not saved:") for t in script.told)
    assert canvas_file.read_text() == before


# --- answers from a file, and no terminal ---------------------------------------------


def test_answers_from_a_file(canvas_file, tmp_path):
    answers = tmp_path / "answers.yaml"
    answers.write_text(
        textwrap.dedent("""\
        customer_relationships:
          answers:
            cost: no
            expectations: {members: Same-day call back.}
          measures:
            - {id: nps, current: 22}
            - {id: csat, name: CSAT, domain: customer, baseline: 70, target: 80}
        segments:
          - {id: employers, stage: communicate}
        """)
    )
    result = CliRunner().invoke(app, ["interview", str(canvas_file), "--answers", str(answers)])
    assert result.exit_code == 0, result.output
    canvas = load_canvas(canvas_file)
    assert canvas.answers["cost"].text == "no"
    assert canvas.measure("nps").current == 22 and canvas.measure("csat").target == 80
    assert canvas.segment("employers").stage == "communicate"
    assert "Completeness:" in result.output


def test_answers_that_break_the_canvas_change_nothing(canvas_file, tmp_path):
    answers = tmp_path / "answers.yaml"
    answers.write_text("segments:\n  - {id: employers, stage: someday}\n")
    before = canvas_file.read_text()
    result = CliRunner().invoke(app, ["interview", str(canvas_file), "--answers", str(answers)])
    assert result.exit_code == 1
    assert "stage 'someday' is not one of" in result.output
    assert canvas_file.read_text() == before


def test_without_a_terminal_it_points_to_answers(canvas_file):
    result = CliRunner().invoke(app, ["interview", str(canvas_file)], input="")
    assert result.exit_code == 2
    assert "--answers" in result.output


# --- a real terminal -----------------------------------------------------------------


def test_in_a_real_terminal_two_answers_then_ctrl_c_keeps_both(canvas_file):
    pexpect = pytest.importorskip("pexpect")
    child = interview_in_a_terminal(canvas_file, "--section", "questions")
    child.expect("Question 2 of 8")
    child.expect("› ")
    child.sendline("A named nurse who calls back the same day.")
    child.expect("Employer groups")
    child.expect("› ")
    child.sendline("Quarterly reviews with HR and one escalation number.")
    child.expect("Question 3 of 8")
    child.expect("› ")
    child.sendintr()
    child.expect("Stopped. 2 answers saved")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 130
    canvas = load_canvas(canvas_file)
    assert canvas.answers["expectations"].per_segment["members"].startswith("A named nurse")
    assert canvas.answers["expectations"].per_segment["employers"].startswith("Quarterly")
    text = canvas_file.read_text()
    for comment in (
        "# Acme's Medicare Advantage model",
        "# working title",
        "# the buyers",
        "# to be costed in workshop 2",
    ):
        assert comment in text
    assert Path(canvas_file).read_text() == text


# --- what a person types ---------------------------------------------------------------


@pytest.mark.parametrize(
    "kind, typed, expected",
    [
        ("text", "Plain words: kept", "Plain words: kept"),
        ("number", "1,250.5", 1250.5),
        ("number", "35", 35),
        (
            "list",
            "preferred language; appointment times ;",
            ["preferred language", "appointment times"],
        ),
        ("list", "-", []),
        ("confirm", "Y", True),
        ("choice", "2", "supporting"),
        ("choice", "plan", "planned"),
        ("multi", "1, 2 +", ["core", "supporting", NEW]),
        ("multi", "-", []),
    ],
)
def test_the_terminal_prompter_reads_each_kind_of_answer(kind, typed, expected):
    from modelh.interview.prompter import RichPrompter

    step = Step(
        "k",
        "dimensions",
        "g",
        "?",
        kind,
        choices=(
            ("core", "core"),
            ("supporting", "supporting"),
            ("planned", "planned"),
            ("none", "none"),
        ),
        allow_new="channel",
    )
    assert RichPrompter().parse(step, typed) == expected


@pytest.mark.parametrize(
    "kind, typed", [("number", "41%"), ("choice", "7"), ("confirm", "maybe"), ("choice", "p")]
)
def test_the_terminal_prompter_refuses_what_it_cannot_read(kind, typed):
    from modelh.interview.prompter import RichPrompter

    step = Step(
        "k", "dimensions", "g", "?", kind, choices=(("planned", "planned"), ("primary", "primary"))
    )
    with pytest.raises(ValueError):
        RichPrompter().parse(step, typed)


# --- found by trying it as a new user ---------------------------------------------------


def test_empty_values_in_an_answers_file_never_erase_answers(canvas_file, tmp_path):
    answers = tmp_path / "answers.yaml"
    answers.write_text("customer_relationships:\n  answers:\n    growth:\n    cost: ''\n")
    before = canvas_file.read_text()
    result = CliRunner().invoke(app, ["interview", str(canvas_file), "--answers", str(answers)])
    assert result.exit_code == 0
    assert canvas_file.read_text() == before


def test_a_key_written_twice_in_an_answers_file_is_refused(canvas_file, tmp_path):
    answers = tmp_path / "answers.yaml"
    answers.write_text("customer_relationships:\n  answers:\n    cost: a\n    cost: b\n")
    result = CliRunner().invoke(app, ["interview", str(canvas_file), "--answers", str(answers)])
    assert result.exit_code == 2
    assert "answers.yaml:4:5: key 'cost' is written twice" in result.output


def test_answers_go_through_a_link_to_the_real_file(canvas_file, tmp_path):
    link = tmp_path / "link.yaml"
    link.symlink_to(canvas_file)
    run(link, answer("Through the link."), only="dimensions")
    assert link.is_symlink()
    assert load_canvas(canvas_file).answers["dimensions"].text == "Through the link."


def test_a_placeholder_answer_is_asked_again(canvas_file):
    canvas_file.write_text(CANVAS.replace("    cost:                  #", "    cost: TBD   #"))
    script, _, _ = run(canvas_file, (SKIP,), (SKIP,), answer("$4 PMPM."), sections=["questions"])
    assert "question:cost" in keys(script)


def test_quit_inside_a_new_channel_ends_the_interview(canvas_file):
    script, outcome, canvas = run(
        canvas_file,
        answer("core"),
        answer("none"),
        (KEEP,),
        answer(["app", NEW]),
        answer("Nurse line"),
        (QUIT,),
        answer("never asked"),
        sections=["dimensions"],
        only="information",
    )
    assert not outcome.completed
    assert keys(script)[-3:] == [
        "dimension:information:channels",
        "channel:new:name",
        "channel:new:id",
    ]
    assert canvas.channel("nurse-line") is None
    assert canvas.dimensions["information"].channels == ()


def test_a_taken_id_is_refused_as_it_is_typed(canvas_file):
    run(canvas_file, answer("core"), sections=["dimensions"], only="information")
    script, _, canvas = run(
        canvas_file,
        (KEEP,),
        (KEEP,),
        (KEEP,),
        answer([NEW]),
        answer("Member app 2"),
        answer("app"),
        answer("member-app-2"),
        answer("digital"),
        sections=["dimensions"],
        only="information",
    )
    assert any("The id 'app' is taken" in t for t in script.told)
    assert canvas.channel("member-app-2").kind == "digital"


def test_an_unknown_only_id_lists_the_ids(canvas_file):
    result = CliRunner().invoke(app, ["interview", str(canvas_file), "--only", "costs"])
    assert result.exit_code == 2
    assert "nothing to ask about 'costs'" in result.output and "cost" in result.output


def test_a_refused_answer_is_offered_again_to_correct():
    from modelh.interview.prompter import RichPrompter

    prompter = RichPrompter()
    typed = iter(["engagd", "engage"])
    offered: list[str] = []

    def fake_input(prefill: str) -> str:
        offered.append(prefill)
        return next(typed)

    prompter._input = fake_input  # the terminal, scripted
    step = Step(
        "segment:x:stage",
        "segments",
        "g",
        "?",
        "choice",
        choices=(("engage", "engage"), ("interact", "interact")),
    )
    assert prompter.ask(step) == Reply(ANSWER, "engage")
    assert offered == ["", "engagd"]


# --- answers files: line ends, values already there, numbers ----------------------------


def test_the_bare_cr_reproduction_keeps_the_rest_of_the_file(tmp_path):
    canvas = tmp_path / "cr.yaml"
    canvas.write_bytes(
        b"modelh: 1\rcanvas:\r  title: T\r  organization: O\rcustomer_relationships:\r"
        b"  answers:\r    cost: |\r      old\r    growth: Word of mouth.\rx-notes: keep me\r"
    )
    answers = tmp_path / "a.yaml"
    answers.write_text("customer_relationships:\n  answers:\n    cost: new answer\n")
    result = CliRunner().invoke(app, ["interview", str(canvas), "--answers", str(answers)])
    assert result.exit_code == 0, result.output
    assert canvas.read_bytes() == (
        b"modelh: 1\rcanvas:\r  title: T\r  organization: O\rcustomer_relationships:\r"
        b"  answers:\r    cost: new answer\r    growth: Word of mouth.\rx-notes: keep me\r"
    )


@pytest.mark.parametrize("example", ["riverside-health-plan", "lakeshore-medical-group"])
def test_an_answers_file_holding_the_canvas_itself_changes_nothing(example, tmp_path):
    source = ROOT / "canvases" / f"{example}.yaml"
    canvas = tmp_path / "c.yaml"
    canvas.write_bytes(source.read_bytes())
    answers = tmp_path / "answers.yaml"
    answers.write_bytes(source.read_bytes())
    result = CliRunner().invoke(app, ["interview", str(canvas), "--answers", str(answers)])
    assert result.exit_code == 0, result.output
    assert "No changes to" in result.output
    assert canvas.read_bytes() == source.read_bytes()


def test_an_answers_file_that_changes_one_value_touches_only_its_line(tmp_path):
    source = ROOT / "canvases" / "riverside-health-plan.yaml"
    text = source.read_text(encoding="utf-8")
    canvas = tmp_path / "c.yaml"
    canvas.write_text(text, encoding="utf-8")
    old_title = load_canvas(source).canvas.title
    answers = tmp_path / "answers.yaml"
    answers.write_text(text.replace(f"title: {old_title}", "title: A new title", 1))
    result = CliRunner().invoke(app, ["interview", str(canvas), "--answers", str(answers)])
    assert result.exit_code == 0, result.output
    assert "1 change written" in result.output
    new = canvas.read_text(encoding="utf-8")
    old_lines, new_lines = text.splitlines(), new.splitlines()
    assert len(old_lines) == len(new_lines)
    changed = [(a, b) for a, b in zip(old_lines, new_lines, strict=True) if a != b]
    assert changed == [(f"  title: {old_title}", "  title: A new title")]


def test_a_long_number_in_an_answers_file_keeps_every_digit(canvas_file, tmp_path):
    answers = tmp_path / "answers.yaml"
    answers.write_text(
        "customer_relationships:\n  measures:\n"
        "    - {id: nps, current: 12345678901234567890, target: 35.50}\n"
    )
    result = CliRunner().invoke(app, ["interview", str(canvas_file), "--answers", str(answers)])
    assert result.exit_code == 0, result.output
    text = canvas_file.read_text()
    assert "current: 12345678901234567890\n" in text
    assert "target: 35.50\n" in text


@pytest.mark.parametrize("typed, hint", [("1,5", "write 1.5 or 15"), ("2,75", "2.75 or 275")])
def test_a_decimal_comma_at_a_number_prompt_is_refused_with_both_readings(typed, hint):
    from modelh.interview.prompter import RichPrompter

    step = Step("measure:nps:current", "measures", "g", "?", "number")
    with pytest.raises(ValueError, match=hint):
        RichPrompter().parse(step, typed)
    assert RichPrompter().parse(step, "1,500") == 1500  # thousands, as the loader reads them


def test_a_long_number_typed_at_the_prompt_keeps_every_digit(canvas_file):
    from modelh.interview.prompter import RichPrompter

    step = Step("measure:nps:current", "measures", "g", "?", "number")
    typed = RichPrompter().parse(step, "12345678901234567890")
    run(canvas_file, answer(typed), sections=["measures"])
    assert "current: 12345678901234567890\n" in canvas_file.read_text()


def test_an_editor_that_saves_latin1_loses_nothing(tmp_path, monkeypatch):
    import io

    from rich.console import Console

    from modelh.interview.prompter import RichPrompter

    def editor(code: str) -> str:
        script = tmp_path / f"editor{len(list(tmp_path.iterdir()))}.py"
        script.write_text(f"import sys\npath = sys.argv[1]\n{code}\n")
        return f"{sys.executable} {script}"

    latin1 = editor("open(path, 'wb').write('Café for every member'.encode('latin-1'))")
    fix = editor(
        "data = open(path, 'rb').read().decode('latin-1')\n"
        "open(path, 'wb').write(data.encode('utf-8'))"
    )
    out = io.StringIO()
    prompter = RichPrompter(Console(file=out, width=400))
    typed = iter(["/edit", "/edit"])
    editors = iter([latin1, fix])

    kept: list[Path] = []

    def fake_input(prefill: str) -> str:
        if "kept in " in out.getvalue():  # asked again after the first /edit
            told = out.getvalue()
            assert "is not UTF-8 text" in told and "nothing is lost" in told
            kept.append(Path(told.split("kept in ", 1)[1].split(" ;", 1)[0]))
            assert kept[0].read_bytes() == "Café for every member".encode("latin-1")
        monkeypatch.setenv("VISUAL", next(editors))
        return next(typed)

    prompter._input = fake_input
    step = Step("question:cost", "questions", "g", "?", "text", current="Old answer")
    assert prompter.ask(step) == Reply(ANSWER, "Café for every member")
    assert len(kept) == 1  # the second /edit opened the kept text again
    assert not kept[0].exists()  # and, once read, the text went into the answer


def test_an_answers_file_repeating_a_tagged_value_keeps_the_tag(canvas_file, tmp_path):
    canvas_file.write_text(
        CANVAS.replace("  organization:", "  version: !!str 1.10\n  organization:")
    )
    before = canvas_file.read_bytes()
    answers = tmp_path / "answers.yaml"
    answers.write_text("modelh: 1\ncanvas:\n  version: '1.10'\n  title: Medicare Advantage 2027\n")
    result = CliRunner().invoke(app, ["interview", str(canvas_file), "--answers", str(answers)])
    assert result.exit_code == 0, result.output
    assert "No changes to" in result.output
    assert canvas_file.read_bytes() == before


def test_a_change_at_a_list_position_is_shown_as_a_path_a_person_reads():
    # An edit's path may name a list item by position (an integer), and the
    # summary of changes shows every path with ``dotted``.
    from modelh.interview.walk import Change, dotted

    change = Change(("segments", 0, "stage"), None, "growing")
    assert dotted(change.path) == "segments[0].stage"
    assert dotted(("channels", "[agents]", "cost")) == "channels[agents].cost"


@pytest.mark.parametrize("ident", ["{a: 1}", "[1]"])
def test_an_answers_file_whose_item_id_is_not_text_is_one_message(canvas_file, tmp_path, ident):
    answers = tmp_path / "answers.yaml"
    answers.write_text(f"segments:\n  - id: {ident}\n    name: X\n", encoding="utf-8")
    before = canvas_file.read_bytes()
    result = CliRunner().invoke(app, ["interview", str(canvas_file), "--answers", str(answers)])
    assert result.exit_code == 2, result.output
    assert f"{answers}: segments[0].id: an id must be a text" in result.output
    assert isinstance(result.exception, SystemExit)  # a message and an exit code, no traceback
    assert canvas_file.read_bytes() == before


@pytest.mark.parametrize(
    "typed", ["/goto marketing", "/skip this one", "/BACK please", "/edit now"]
)
def test_a_command_typed_with_words_after_it_is_not_saved_as_the_answer(typed):
    """``/goto marketing`` at a list step used to be saved as the job "/goto marketing"."""
    import io

    from rich.console import Console

    from modelh.interview.prompter import RichPrompter

    out = io.StringIO()
    prompter = RichPrompter(Console(file=out, width=80))
    replies = iter([typed, "/skip"])
    prompter._input = lambda prefill: next(replies)
    step = Step("segment:x:jobs", "segments", "g", "Which jobs?", "list", total=3)
    assert prompter.ask(step) == Reply(SKIP)
    word = typed.split()[0]
    assert f"{word} takes nothing after it" in out.getvalue()


@pytest.mark.parametrize(
    ("answers_text", "where", "path"),
    [
        ("segments:\n  - id: employers\n    name: [a, list]\n", "3:11", "segments[employers].name"),
        (
            "customer_relationships:\n  answers:\n    cost: {members: x, nosuch: y}\n",
            "3:32",
            "customer_relationships.answers.cost.nosuch",
        ),
        (
            "# flow\ncustomer_relationships: {measures: [{id: nps, target: lots}]}\n",
            "2:55",
            "customer_relationships.measures[nps].target",
        ),
    ],
)
def test_an_answers_file_that_would_break_the_canvas_names_its_own_line_and_column(
    canvas_file, tmp_path, answers_text, where, path
):
    answers = tmp_path / "answers.yaml"
    answers.write_text(answers_text, encoding="utf-8")
    before = canvas_file.read_bytes()
    result = CliRunner().invoke(app, ["interview", str(canvas_file), "--answers", str(answers)])
    assert result.exit_code == 1, result.output
    assert f"{answers}:{where}: error:" in result.output
    assert f"[{path}]" in result.output
    assert canvas_file.read_bytes() == before


def test_a_measures_figures_are_shown_in_plain_digits_never_in_exponent_form():
    """``baseline: 1234567.5`` used to be shown as "baseline 1.23457e+06"."""
    from modelh.interview.steps import plan

    text = CANVAS.replace(
        "      baseline: 18\n      target: 35\n",
        "      baseline: 1234567.5\n      target: 0.00001\n",
    )
    step = next(s for s in plan(parse_canvas(text)) if s.key == "measure:nps:current")
    assert step.note is not None
    assert "baseline 1234567.5 · target 0.00001" in step.note


def test_a_measures_current_figure_is_shown_in_plain_digits():
    import io

    from rich.console import Console

    from modelh.interview.prompter import RichPrompter

    out = io.StringIO()
    step = Step("measure:nps:current", "measures", "g", "Current?", "number", current=0.00001)
    RichPrompter(Console(file=out, width=80, height=24)).show(step)
    assert "Now: 0.00001" in out.getvalue()


def test_the_prompt_is_given_to_line_editing_so_long_answers_redraw_right(monkeypatch):
    """With readline, a prompt printed apart from ``input()`` made a long answer that
    wraps redraw wrongly after a backspace: text kept in the answer was not shown."""
    import builtins
    import io

    from rich.console import Console

    from modelh.interview.prompter import RichPrompter

    given: list[str] = []
    monkeypatch.setattr(builtins, "input", lambda prompt="": given.append(prompt) or "typed")
    prompter = RichPrompter(Console(file=io.StringIO(), force_terminal=True, width=80))
    assert prompter._input("") == "typed"
    visible = given[0].replace("\x01", "").replace("\x02", "")
    assert visible.endswith("› ") or "›" in visible
    # readline counts only what is outside \x01...\x02: the escape codes are inside
    outside = "".join(part.split("\x02")[-1] for part in given[0].split("\x01"))
    assert outside == "› "


@pytest.mark.parametrize(
    ("kind", "current", "added"),
    [
        ("list", ("Keep my diabetes in check", "Refills, on time"), "Get home"),
        ("multi", ("app", "phone"), "sms"),
    ],
)
def test_edit_opens_a_list_one_item_a_line_and_reads_it_back_the_same_way(
    tmp_path, monkeypatch, kind, current, added
):
    """/edit on a list step used to open the items joined with '; ' on one line, and
    read the file back one item a line: the items the canvas held became one."""
    import io
    import sys

    from rich.console import Console

    from modelh.interview.prompter import RichPrompter

    script = tmp_path / "editor.py"
    script.write_text(
        "import sys\npath = sys.argv[1]\n"
        f"text = open(path, encoding='utf-8').read()\n"
        f"open(path, 'w', encoding='utf-8').write(text + {added!r} + '\\n')\n"
    )
    monkeypatch.setenv("VISUAL", f"{sys.executable} {script}")
    prompter = RichPrompter(Console(file=io.StringIO(), width=80))
    typed = iter(["/edit", "/quit"])
    prompter._input = lambda prefill: next(typed)
    choices = (("app", "app"), ("phone", "phone"), ("sms", "sms"))
    step = Step("s", "segments", "g", "?", kind, current=current, choices=choices)
    assert prompter.ask(step) == Reply(ANSWER, [*current, added])


def test_a_lists_items_are_shown_with_the_separator_they_are_typed_with():
    """A list is typed with ';' between items: "Now:" showed them with ',', so that
    jobs holding a comma could not be told apart."""
    import io

    from rich.console import Console

    from modelh.interview.prompter import RichPrompter

    out = io.StringIO()
    step = Step("s:jobs", "segments", "g", "Jobs?", "list", current=("Stay home, safe", "Refills"))
    RichPrompter(Console(file=out, width=80, height=24)).show(step)
    assert "Now: Stay home, safe; Refills" in out.getvalue()
