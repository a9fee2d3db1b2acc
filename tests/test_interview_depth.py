"""The interview's sections for the method's depth: the journey map (journeys, then each
touch in order), bone-deep CX (each capability in each office, and the systems behind
the smiles), and the measures' segments, channel and headlines; by a scripted
prompter, from an answers file, and once in a real terminal."""

from __future__ import annotations

import os
import re
import sys

import pytest
from typer.testing import CliRunner

from modelh import framework as fw
from modelh import load_canvas
from modelh.canvas.editing import CanvasFile
from modelh.cli.main import app
from modelh.interview.state import WalkMemory
from modelh.interview.steps import plan
from modelh.interview.walk import KEEP, NEW, SKIP, Interview

from .conftest import ROOT
from .test_interview import Script, answer, keys

CANVAS = """\
# Harbor's Medicare Advantage model: comments stay.
modelh: 1
canvas:
  title: Medicare Advantage 2027
  organization: Harbor Health Plan
  kind: health-plan
segments:
  - id: members
    name: MA members
    role: user
    kind: member
    jobs: [Get home from the hospital and stay home]
  - {id: practices, name: Network practices, role: user, kind: provider}
channels:
  - {id: app, name: Member app, kind: digital}
  - {id: care-line, name: Care line, kind: phone}
customer_relationships:
  measures:
    - {id: nps, name: Member NPS, domain: customer, indicator: nps, due: "2027"}
    - {id: line-cost, name: Cost to satisfy on the care line, domain: financial,
       indicator: cost-to-satisfy-by-channel, due: "2027"}
    - {id: roadmap, name: CRM roadmap, domain: strategy, due: "2027"}
"""

JOURNEY = """\
journeys:
  - id: home
    name: Home after a hospital stay
    segment: members
    job: Get home from the hospital and stay home
    time: {baseline: 9 days, current: 6 days, target: 2 days, due: "2027-06"}
    owner: Care management
    touches:
      - id: discharge-call
        name: Discharge call
        channel: care-line
        office: middle
        dimension: transition
        pain: high
        cost: medium
        time: 2 days
      - name: Refill reminder
        channel: app
        office: middle
        dimension: coordination
        cost: low
        time: 1 day
"""


@pytest.fixture
def harbor(tmp_path):
    path = tmp_path / "harbor.yaml"
    path.write_text(CANVAS, encoding="utf-8")
    return path


@pytest.fixture
def mapped(tmp_path):
    """Harbor with one journey mapped: a touch with an id, and one without (no pain yet)."""
    path = tmp_path / "harbor.yaml"
    path.write_text(CANVAS + JOURNEY, encoding="utf-8")
    return path


def run(path, *replies, **options):
    script = Script(*replies)
    outcome = Interview(CanvasFile.read(path), script, **options).run()
    return script, outcome, load_canvas(path)


# --- journeys and their touches ----------------------------------------------------------


def test_a_journey_is_asked_whose_its_job_and_time_then_its_touches_in_order(harbor):
    script, _, canvas = run(
        harbor,
        answer(True),  # add a journey
        answer("Home after a hospital stay"),
        answer("home"),
        answer("members"),
        (KEEP,),  # the segment's one job, proposed
        answer("9 days"),
        answer("6 dayz"),  # refused as typed, with the grammar
        answer("6 days"),
        answer("2 days"),
        answer("2027-13"),  # refused as typed
        answer("2027-06"),
        answer("Care management"),
        answer(True),  # a touch
        answer("Discharge call"),
        (KEEP,),  # its id, made from the name
        answer("care-line"),
        answer("middle"),
        answer("transition"),
        answer("high"),
        answer("medium"),
        answer("2 days"),
        answer(True),  # the next touch, through a channel made on the spot
        answer("Refill reminder"),
        (KEEP,),
        answer(NEW),
        answer("Text reminders"),
        (KEEP,),
        answer("sms"),
        answer("middle"),
        answer("coordination"),
        answer("medium"),
        answer("low"),
        answer("1 day"),
        answer(False),  # no more touches
        answer(False),  # no more journeys
        sections=["journeys"],
    )
    (journey,) = canvas.journeys
    assert (journey.id, journey.segment, journey.owner) == ("home", "members", "Care management")
    assert journey.job == "Get home from the hospital and stay home"
    time = journey.time
    assert (str(time.baseline), str(time.current), str(time.target), time.due) == (
        "9 days",
        "6 days",
        "2 days",
        "2027-06",
    )
    first, second = journey.touches
    assert (first.id, first.channel, first.office, first.dimension) == (
        "discharge-call",
        "care-line",
        "middle",
        "transition",
    )
    assert (first.pain, first.cost, str(first.time)) == ("high", "medium", "2 days")
    assert (second.name, second.channel) == ("Refill reminder", "text-reminders")
    assert canvas.is_digital(second) and not canvas.is_digital(first)
    assert any("'6 dayz' is not a duration" in t and '"1.5 hours"' in t for t in script.told), (
        script.told
    )
    assert any("'2027-13' is not a period" in t for t in script.told)
    channel = next(s for s in script.shown if s.key == "touch:new:channel")
    assert channel.allow_new == "channel"
    assert ("care-line", "Care line (phone: manual)") in channel.choices
    assert "# Harbor's Medicare Advantage model: comments stay." in harbor.read_text()


def test_a_journey_is_a_segments_and_without_segments_none_is_added(tmp_path):
    path = tmp_path / "bare.yaml"
    path.write_text("modelh: 1\ncanvas: {title: T, organization: O}\n", encoding="utf-8")
    script, _, canvas = run(path, answer(True), sections=["journeys"])
    assert canvas.journeys == ()
    assert any("add the segments first" in t for t in script.told)
    assert "add the segments first" in script.shown[0].note


def test_a_health_plan_is_asked_for_a_provider_journey_too(mapped):
    step = next(s for s in plan(load_canvas(mapped)) if s.key == "journey:+")
    assert not step.answered  # a member journey, none for the network practices
    assert "No journey yet for Network practices" in step.note
    assert "members and providers both" in step.note


def test_each_touch_is_walked_by_its_id_or_its_place_with_its_priority(mapped):
    steps = {s.key: s for s in plan(load_canvas(mapped), ["journeys"])}
    pain = steps["journey:home:touch:#2:pain"]  # the touch without an id: by its place
    assert pain.path == ("journeys", "[home]", "touches", 1, "pain")
    assert not pain.answered
    assert steps["journey:home:touch:discharge-call:pain"].current == "high"
    assert "modelh's own score" in steps["journey:home:touch:discharge-call:pain"].note
    assert "rank 1 of 2" in steps["journey:home:touch:discharge-call:pain"].note
    script, _, canvas = run(mapped, (SKIP,), answer("medium"), sections=["journeys"])
    assert keys(script) == ["journey:+", "journey:home:touch:#2:pain"]  # the open steps
    assert canvas.journeys[0].touches[1].pain == "medium"
    assert "        cost: low\n" in mapped.read_text()  # its other lines as they were


def test_a_duration_typed_wrong_in_the_walk_is_not_saved_and_asked_again(mapped):
    before = mapped.read_text()
    script, _, canvas = run(
        mapped,
        *[(KEEP,)] * 6,  # name, channel, office, dimension, pain, cost
        answer("two days"),
        answer("3 days"),
        sections=["journeys"],
        only="discharge-call",
        revisit=True,
    )
    assert keys(script)[-2:] == ["journey:home:touch:discharge-call:time"] * 2
    refusal = next(t for t in script.told if "'two days' is not a duration" in t)
    assert "a number, a space and a unit" in refusal
    assert str(canvas.journeys[0].touches[0].time) == "3 days"
    assert mapped.read_text() == before.replace("time: 2 days", "time: 3 days")


def test_a_touch_takes_a_channel_made_on_the_spot_at_its_walk_step(mapped):
    script, _, canvas = run(
        mapped,
        (KEEP,),  # its name
        answer(NEW),
        answer("Member email"),
        (KEEP,),
        answer("email"),
        sections=["journeys"],
        only="discharge-call",
        revisit=True,
    )
    step = next(s for s in script.shown if s.key == "journey:home:touch:discharge-call:channel")
    assert step.kind == "choice" and step.allow_new == "channel"
    touch = canvas.journeys[0].touches[0]
    assert touch.channel == "member-email" and canvas.is_digital(touch)
    assert canvas.channel("member-email").kind == "email"


def test_only_a_journey_id_walks_that_journey_and_its_touches(mapped):
    steps = Interview(CanvasFile.read(mapped), Script(), only="home").steps()
    assert {s.section for s in steps} == {"journeys"}
    assert "journey:home:touch:discharge-call:time" in [s.key for s in steps]


# --- bone-deep CX and the systems behind the smiles --------------------------------------


def test_each_capability_is_asked_office_by_office(harbor):
    steps = [s for s in plan(load_canvas(harbor), ["cx"])]
    grid = [s.key for s in steps if s.key.startswith("cx:")]
    assert grid == [
        f"cx:{capability}:{office}" for capability in fw.CX_CAPABILITY_IDS for office in fw.OFFICES
    ]
    assert steps[len(grid)].key == "system:+"
    script, _, canvas = run(
        harbor,
        answer("established"),
        answer("partial"),
        answer("absent"),
        sections=["cx"],
    )
    assert [s.group for s in script.shown[:3]] == ["Capability 1 of 4: CX strategy and design"] * 3
    assert (
        script.shown[0].prompt == "How far does CX strategy and design reach into the front office?"
    )
    assert canvas.cx.capabilities["strategy-design"] == {
        "front": "established",
        "middle": "partial",
        "back": "absent",
    }
    assert [v for v, _ in script.shown[0].choices] == list(fw.CX_REACH)


def test_a_cx_step_names_the_high_pain_touches_its_office_carries(mapped):
    steps = {s.key: s for s in plan(load_canvas(mapped), ["cx"])}
    middle = steps["cx:delivery:middle"].note
    assert middle.splitlines()[0] == "High-pain touches in the middle office: Discharge call"
    assert "High-pain" not in steps["cx:delivery:front"].note


def test_a_system_is_added_with_its_kind_office_what_it_serves_governance_and_pain(harbor):
    harbor.write_text(
        CANVAS
        + "cx:\n  capabilities:\n"
        + "".join(
            f"    {c}: {{front: partial, middle: partial, back: partial}}\n"
            for c in fw.CX_CAPABILITY_IDS
        )
    )
    script, _, canvas = run(
        harbor,
        answer(True),
        answer("Claims platform"),
        answer("claims"),
        answer("claims"),
        answer("back"),
        answer(["coordination", "monetization"]),
        answer("partial"),
        answer("high"),
        answer(False),
        sections=["cx"],
    )
    (system,) = canvas.cx.systems
    assert (system.id, system.kind, system.office) == ("claims", "claims", "back")
    assert system.serves == ("coordination", "monetization")
    assert (system.data_governance, system.pain) == ("partial", "high")
    assert "added system 'claims'" in script.told
    note = script.shown[0].note
    assert "care management, claims, recruiting, member services, compliance" in note


# --- the measures' segments, channel and headlines ----------------------------------------


def test_a_measure_is_asked_whom_it_measures_and_a_by_channel_one_its_channel(harbor):
    steps = {s.key for s in plan(load_canvas(harbor), ["measures"])}
    assert {"measure:nps:segments", "measure:line-cost:segments"} <= steps
    assert "measure:roadmap:segments" not in steps  # a strategy measure is the company's
    assert "measure:line-cost:channel" in steps and "measure:nps:channel" not in steps
    script, _, canvas = run(
        harbor,
        *[(SKIP,)] * 3,  # the current values: the quarter's figures are not in yet
        answer(["members"]),
        (SKIP,),  # line-cost: every segment
        answer("care-line"),
        sections=["measures"],
    )
    assert keys(script)[3:6] == [
        "measure:nps:segments",
        "measure:line-cost:segments",
        "measure:line-cost:channel",
    ]
    assert canvas.measure("nps").segments == ("members",)
    assert canvas.measure("line-cost").channel == "care-line"


def _six_measures(path):
    extra = "".join(
        f"    - {{id: m{n}, name: Measure {n}, domain: customer}}\n" for n in range(1, 4)
    )
    path.write_text(CANVAS + extra, encoding="utf-8")


def test_the_headlines_are_chosen_together_and_a_sixth_is_refused(harbor):
    _six_measures(harbor)
    every = ["nps", "line-cost", "roadmap", "m1", "m2", "m3"]
    before = harbor.read_text()
    script, _, canvas = run(
        harbor, answer(every), answer(every[:5]), sections=["measures"], only="headlines"
    )
    assert keys(script)[:2] == ["measure:headlines"] * 2  # refused, asked again
    refusal = next(t for t in script.told if "at most 5" in t)
    assert "6 chosen" in refusal and "Choose 5 or fewer" in refusal
    assert [m.id for m in canvas.measures if m.headline] == every[:5]
    assert harbor.read_text().count("headline: true") == 5 and before != harbor.read_text()
    # unchosen, a headline is written false; the others stay as they are
    script, _, canvas = run(
        harbor, answer(["nps", "m1"]), sections=["measures"], only="headlines", revisit=True
    )
    assert [m.id for m in canvas.measures if m.headline] == ["nps", "m1"]
    assert "headline: false" in harbor.read_text()
    assert "headline: true" in harbor.read_text()


# --- answers from a file -----------------------------------------------------------------

ANSWERS = """\
customer_relationships:
  measures:
    - {id: nps, segments: [members], headline: true}
    - {id: line-cost, channel: care-line, headline: true}
journeys:
  - id: home
    owner: Transitions of care team
    time: {target: 3 days}
    touches:
      - {id: discharge-call, pain: medium}
      - {id: first-visit, name: First visit booked with a ride, channel: care-line,
         office: middle, dimension: coordination, pain: high, cost: medium, time: 3 days}
  - id: prior-auth
    name: Getting a prior authorization
    segment: practices
    job: Get prior authorizations decided without phone tag
    time: {baseline: 6 days, current: 4 days, target: 1 day, due: 2027-Q3}
    touches:
      - {name: Request by fax, channel: care-line, office: front, pain: high, cost: high}
      - {name: Decision posted, channel: app, office: middle, pain: medium, cost: low}
cx:
  capabilities:
    strategy-design: {front: established, middle: partial, back: absent}
    insights: {middle: absent}
  systems:
    - id: claims
      name: Claims platform
      kind: claims
      office: back
      serves: [coordination, monetization]
      data_governance: partial
      pain: high
"""


def test_an_answers_file_merges_journeys_touches_cx_and_measures_and_again_changes_nothing(
    mapped, tmp_path
):
    answers = tmp_path / "workshop-3.yaml"
    answers.write_text(ANSWERS, encoding="utf-8")
    command = ["interview", str(mapped), "--answers", str(answers)]
    result = CliRunner().invoke(app, command)
    assert result.exit_code == 0, result.output
    canvas = load_canvas(mapped)
    home, auth = canvas.journeys
    # an item with an id is matched by id and merged: the rest of it stays
    assert (home.owner, home.job) == (
        "Transitions of care team",
        "Get home from the hospital and stay home",
    )
    assert (str(home.time.current), str(home.time.target)) == ("6 days", "3 days")
    assert [t.id for t in home.touches] == ["discharge-call", None, "first-visit"]
    assert home.touches[0].pain == "medium" and home.touches[0].office == "middle"
    assert home.touches[1].name == "Refill reminder"  # the touch without an id stays
    # a new journey is added whole, its touches in order
    assert (auth.segment, auth.time.due) == ("practices", "2027-Q3")
    assert [t.name for t in auth.touches] == ["Request by fax", "Decision posted"]
    assert canvas.cx.reach("strategy-design", "back") == "absent"
    assert canvas.cx.reach("insights", "middle") == "absent"
    assert canvas.cx.reach("insights", "front") is None
    assert canvas.cx.systems[0].serves == ("coordination", "monetization")
    assert canvas.measure("nps").segments == ("members",)
    assert [m.id for m in canvas.measures if m.headline] == ["nps", "line-cost"]
    # the same file again: nothing to change
    before = mapped.read_bytes()
    again = CliRunner().invoke(app, command)
    assert again.exit_code == 0, again.output
    assert "No changes to" in again.output
    assert mapped.read_bytes() == before


def test_touches_without_ids_in_an_answers_file_replace_the_list_whole(mapped, tmp_path):
    answers = tmp_path / "touches.yaml"
    answers.write_text(
        "journeys:\n  - id: home\n    touches:\n"
        "      - {name: Call from the care guide, channel: care-line, pain: high}\n"
        "      - {name: Visit booked, channel: app, pain: low}\n",
        encoding="utf-8",
    )
    command = ["interview", str(mapped), "--answers", str(answers)]
    result = CliRunner().invoke(app, command)
    assert result.exit_code == 0, result.output
    assert "Call from the care guide, Visit booked" in result.output
    touches = load_canvas(mapped).journeys[0].touches
    assert [(t.id, t.name) for t in touches] == [
        (None, "Call from the care guide"),
        (None, "Visit booked"),
    ]
    before = mapped.read_bytes()
    again = CliRunner().invoke(app, command)
    assert "No changes to" in again.output and mapped.read_bytes() == before


def test_an_answers_file_with_a_sixth_headline_is_refused_and_changes_nothing(harbor, tmp_path):
    _six_measures(harbor)
    answers = tmp_path / "headlines.yaml"
    answers.write_text(
        "customer_relationships:\n  measures:\n"
        + "".join(
            f"    - {{id: {m}, headline: true}}\n"
            for m in ["nps", "line-cost", "roadmap", "m1", "m2", "m3"]
        ),
        encoding="utf-8",
    )
    before = harbor.read_bytes()
    result = CliRunner().invoke(app, ["interview", str(harbor), "--answers", str(answers)])
    assert result.exit_code == 1, result.output
    message = " ".join(result.output.split())
    assert "at most 5 headline measures" in message and "would make 6" in message
    assert "nps, line-cost, roadmap, m1, m2, m3" in message
    assert "was not changed" in message
    assert harbor.read_bytes() == before


# --- progress, resume, guidance -------------------------------------------------------


def test_the_new_sections_count_their_open_steps_and_resume_where_they_stopped(mapped, tmp_path):
    state = tmp_path / "state"

    def walk(*replies):
        script = Script(*replies)
        memory = WalkMemory.of(mapped, state)
        Interview(CanvasFile.read(mapped), script, sections=["journeys", "cx"], memory=memory).run()
        return [s for s in script.shown if s.total]

    shown = walk(*[(SKIP,)] * 5)  # the 2 open steps of the journeys, 3 of the CX grid
    assert [(s.section, s.number, s.total) for s in shown] == [
        ("journeys", 1, 2),
        ("journeys", 2, 2),
        ("cx", 1, 13),  # the 12 cells of the grid, and adding a system
        ("cx", 2, 13),
        ("cx", 3, 13),
        ("cx", 4, 13),  # where it stopped
    ]
    assert shown[0].key == "journey:+" and shown[1].key == "journey:home:touch:#2:pain"
    again = walk()  # quits at once: where does it start?
    assert (again[0].key, again[0].number, again[0].total) == (
        "cx:information-management:front",
        4,
        13,
    )
    del again


@pytest.mark.parametrize("example", ["riverside-health-plan", "tidewell-cardiometabolic"])
def test_every_new_step_has_guidance_about_its_own_topic(example):
    steps = plan(load_canvas(ROOT / "canvases" / f"{example}.yaml"), ["measures", "journeys", "cx"])
    assert steps and all(step.guidance is not None for step in steps)
    by_key = {s.key: s for s in steps}
    assert by_key["cx:insights:middle"].guidance is fw.COACHING["cx.middle"]
    assert "West Monroe" in fw.COACHING["cx.front"].why
    assert "modelH" in by_key["journey:+"].guidance.why
    assert by_key["system:+"].guidance is fw.COACHING["system.add"]


def test_every_field_of_a_new_journey_touch_and_system_has_guidance(harbor):
    journey, _, _ = run(
        harbor,
        answer(True),
        answer("Home"),
        (KEEP,),  # its id
        (KEEP,),  # whose: needed, refused empty
        answer("members"),
        *[(KEEP,)] * 6,  # job, three times, due, owner
        answer(True),
        answer("Call"),
        *[(KEEP,)] * 7,  # id, channel, office, dimension, pain, cost, time
        answer(False),
        answer(False),
        sections=["journeys"],
    )
    assert "This one is needed." in journey.told
    system, _, canvas = run(
        harbor,
        *[(SKIP,)] * 12,  # the grid
        answer(True),
        answer("Claims"),
        *[(KEEP,)] * 6,  # id, kind, office, serves, governance, pain
        answer(False),
        sections=["cx"],
    )
    assert [j.id for j in canvas.journeys] == ["home"] and canvas.journeys[0].touches
    assert [s.id for s in canvas.cx.systems] == ["claims"]
    shown = journey.shown + system.shown
    fields = {s.key for s in shown if ":new:" in s.key}
    assert {"journey:new:time:baseline", "touch:new:pain", "system:new:data_governance"} <= fields
    assert [s.key for s in shown if s.guidance is None] == []


# --- in a real terminal, 80x24 ----------------------------------------------------------


def test_in_a_real_terminal_a_journey_with_two_touches_and_a_cx_row(harbor, tmp_path):
    import pexpect

    child = pexpect.spawn(
        sys.executable,
        ["-m", "modelh", "interview", str(harbor), "--section", "journeys", "--section", "cx"],
        cwd=str(ROOT),
        env={
            **os.environ,
            "COLUMNS": "80",
            "LINES": "24",
            "TERM": "xterm",
            "XDG_STATE_HOME": str(tmp_path / "state"),
        },
        encoding="utf-8",
        timeout=20,
        dimensions=(24, 80),
    )
    erase = "\x15"  # Ctrl-U: the refused answer stands at the prompt, to be corrected
    walk = [
        ("Journeys and touches", None),  # the section's title, above its count
        ("Add a journey?", "y"),
        ("Name of the new journey", "Home after a hospital stay"),
        ("Its id", "home"),
        ("Whose journey", "1"),
        ("Which job-to-be-done", ""),  # the segment's one job, proposed
        ("when work on it started", "9 days"),
        ("take today", "6 days"),
        ("How long should one journey take", "2 dayz"),
        ("is not a duration", erase + "2 days"),  # refused, then corrected
        ("When is the target time due", "2027-06"),
        ("Who is responsible", "Care management"),
        ("Add a touch to this journey", "y"),
        ("Name of the new touch", "Discharge call"),
        ("Its id", ""),
        ("Through which channel", "2"),
        ("Which office carries it", "middle"),
        ("Which relationship dimension", "transition"),
        ("hurt the customer", "high"),
        ("cost the company", "medium"),
        ("customer's time", "2 days"),
        ("Add the next touch", "y"),
        ("Name of the new touch", "Refill reminder"),
        ("Its id", ""),
        ("Through which channel", "1"),
        ("Which office carries it", "2"),
        ("Which relationship dimension", "3"),
        ("hurt the customer", "3"),
        ("cost the company", "3"),
        ("customer's time", "1 day"),
        ("Add the next touch", "n"),
        ("Add another journey", "n"),
        ("Bone-deep CX and systems", None),
        ("reach into the front office", "established"),
        ("reach into the middle office", "partial"),
        ("reach into the back office", "absent"),
        ("reach into the front office", "/quit"),
    ]
    for number, (shown, typed) in enumerate(walk):
        try:
            child.expect(re.escape(shown))
            if typed is not None:
                child.expect("› ")
        except (pexpect.TIMEOUT, pexpect.EOF):
            raise AssertionError(f"step {number} ({shown!r}) never came:\n{child.before}") from None
        if typed is not None:
            child.sendline(typed)
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0, child.before
    canvas = load_canvas(harbor)
    (journey,) = canvas.journeys
    assert [(t.name, t.channel, t.pain) for t in journey.touches] == [
        ("Discharge call", "care-line", "high"),
        ("Refill reminder", "app", "low"),
    ]
    assert str(journey.time.target) == "2 days"
    assert canvas.cx.capabilities["strategy-design"] == {
        "front": "established",
        "middle": "partial",
        "back": "absent",
    }


def test_only_takes_a_journey_a_touch_a_capability_or_a_system_id_at_the_command_line(mapped):
    with_system = mapped.read_text() + "cx:\n  systems:\n    - {id: claims, name: Claims}\n"
    mapped.write_text(with_system, encoding="utf-8")
    for ident in ("home", "discharge-call", "insights", "claims", "headlines"):
        result = CliRunner().invoke(app, ["interview", str(mapped), "--only", ident], input="")
        assert "this input is not one" in result.output, (ident, result.output)
    result = CliRunner().invoke(app, ["interview", str(mapped), "--only", "#2"], input="")
    assert result.exit_code == 2 and "nothing to ask about '#2'" in result.output


def test_adding_a_journey_its_touches_and_a_system_fits_80_columns_and_24_lines(tmp_path):
    import io

    from rich.cells import cell_len
    from rich.console import Console

    from modelh.interview.prompter import RichPrompter

    path = tmp_path / "riverside.yaml"  # the most segments, channels and journeys
    path.write_bytes((ROOT / "canvases" / "riverside-health-plan.yaml").read_bytes())
    out = io.StringIO()
    prompter = RichPrompter(Console(file=out, width=80, height=24, highlight=False))
    typed = iter(
        [
            "y",  # another journey
            "Renewing coverage each year",
            "",
            "1",
            "",
            "14 days",
            "10 days",
            "2 days",
            "2027-Q4",
            "Member experience office",
            "y",  # a touch
            "Annual notice of change arrives",
            "",
            "+",  # its channel, made on the spot
            "Member email",
            "",
            "email",
            "back",
            "information",
            "high",
            "low",
            "3 days",
            "n",
            "n",
            *["n"] * 4,  # no next touch for any journey
            "y",  # another system
            "Claims platform",
            "",
            "claims",
            "back",
            "coordination, monetization",
            "partial",
            "high",
            "n",
            "/quit",
        ]
    )
    marks: list[int] = []

    def reply(prefill: str) -> str:
        marks.append(len(out.getvalue()))
        return next(typed)

    prompter._input = reply
    # the steps that add: a journey, the next touch of each, a system
    Interview(CanvasFile.read(path), prompter, sections=["journeys", "cx"], only="+").run()
    text = out.getvalue()
    screens = [text[a:b] for a, b in zip([0, *marks], marks, strict=False)]
    assert len(screens) > 30
    for screen in screens:
        lines = screen.rstrip("\n").split("\n")
        assert len(lines) <= 23, screen
        assert [line for line in lines if cell_len(line) > 80] == [], screen
    canvas = load_canvas(path)
    assert canvas.journey("renewing-coverage-each-year").touches[0].channel == "member-email"
    assert canvas.cx.systems[-1].id == "claims-platform"
