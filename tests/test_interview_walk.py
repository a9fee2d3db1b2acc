"""The interview's walk over the whole canvas, in the method's order: segments, value
propositions, channels, questions, dimensions (the mix, question 1 drafted from it,
each dimension's details), measures and the other blocks; each step with guidance."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from modelh import load_canvas, parse_canvas
from modelh.canvas.starter import starter_text
from modelh.cli.main import app
from modelh.framework import CHANNEL_KINDS, COACHING, dimension
from modelh.interview.steps import INTERVIEW_SECTIONS, plan
from modelh.interview.walk import ANSWER, KEEP, NEW, Reply, Step

from .conftest import ROOT
from .test_interview import CANVAS, answer, keys, run

STARTER = starter_text(title="Medicaid 2027", organization="Bayside Health Plan", date=None)


@pytest.fixture
def starter(tmp_path):
    path = tmp_path / "bayside.yaml"
    path.write_text(STARTER, encoding="utf-8")
    return path


@pytest.fixture
def acme(tmp_path):
    path = tmp_path / "acme.yaml"
    path.write_text(CANVAS, encoding="utf-8")
    return path


def test_a_new_canvas_is_walked_in_the_methods_order():
    steps = plan(parse_canvas(STARTER, "new.yaml"))
    order = list(dict.fromkeys(step.section for step in steps))
    assert order == list(INTERVIEW_SECTIONS)
    assert [s.key for s in steps[:4]] == [
        "canvas:kind",
        "segment:+",
        "value_proposition:+",
        "channel:+",
    ]
    # question 1 waits for the degrees; the blocks close the walk
    assert "question:dimensions" not in [s.key for s in steps if s.section == "questions"]
    assert [s.key for s in steps[-5:]] == [
        "block:revenue_streams",
        "block:cost_structure",
        "block:key_activities",
        "block:key_resources",
        "block:key_partners",
    ]


@pytest.mark.parametrize("section", INTERVIEW_SECTIONS)
def test_the_command_line_accepts_each_section(acme, section):
    result = CliRunner().invoke(app, ["interview", str(acme), "--section", section], input="")
    assert result.exit_code == 2
    assert "is not one of" not in result.output
    assert "this input is not one" in result.output  # it got past the options to the terminal


# --- segments ----------------------------------------------------------------------------


def test_segments_are_added_then_described(starter):
    script, _, canvas = run(
        starter,
        answer("health-plan"),  # whose model
        answer(True),  # add a segment
        answer("Adult Medicaid members"),
        answer("members"),
        answer("user"),
        answer(True),  # another
        answer("State Medicaid agency"),
        (KEEP,),  # the id made from the name
        answer("buyer"),
        answer(False),  # no more
        answer("member"),  # the members, one field after the other
        answer("About 48,000 adults in three counties."),
        answer(["Get to appointments without a car", "Keep my coverage"]),
        answer("One in five goes through redetermination this year."),
        answer("Continuous coverage, with a care guide as coach."),
        answer("interact"),
        answer("engage"),
        answer(["preferred language", "appointment times"]),
        sections=["segments"],
    )
    assert canvas.canvas.kind == "health-plan"
    members, agency = canvas.segments
    assert (members.id, members.name, members.role) == ("members", "Adult Medicaid members", "user")
    assert (agency.id, agency.role) == ("state-medicaid-agency", "buyer")
    assert members.kind == "member"
    assert members.jobs == ("Get to appointments without a car", "Keep my coverage")
    assert members.trajectory.startswith("One in five")
    assert members.destination.startswith("Continuous coverage")
    assert (members.stage, members.target_stage) == ("interact", "engage")
    assert members.preferences == ("preferred language", "appointment times")
    # the new segments' name and role are answered: their walk starts at the kind
    walked = keys(script)
    after = walked[len(walked) - walked[::-1].index("segment:+:again") :]
    assert after[:2] == ["segment:members:kind", "segment:members:description"]
    assert after[-1] == "segment:state-medicaid-agency:kind"  # asked next, then the script ends
    assert "added segment 'members'" in script.told


def test_adding_segments_is_offered_until_there_is_a_buyer_and_a_user(acme, starter):
    acme_steps = {s.key: s for s in plan(load_canvas(acme))}
    assert acme_steps["segment:+"].answered  # members (user) and employers (buyer)
    one_sided = starter.read_text().replace(
        "segments: []", "segments:\n  - {id: members, name: Members, role: user}"
    )
    starter.write_text(one_sided)
    step = next(s for s in plan(load_canvas(starter)) if s.key == "segment:+")
    assert not step.answered
    assert "No buyer yet" in step.note


def test_giving_up_a_new_segment_adds_nothing_and_asks_again(starter):
    from modelh.interview.walk import BACK

    script, _, canvas = run(
        starter, (KEEP,), answer(True), answer("Members"), (BACK,), sections=["segments"]
    )
    assert canvas.segments == ()
    assert "No segment was added." in script.told
    assert keys(script)[-1] == "segment:+"  # the add step, asked again


# --- value propositions and channels ------------------------------------------------------


def test_a_value_proposition_is_added_for_chosen_segments(acme):
    _, _, canvas = run(
        acme,
        answer(True),
        answer("Guided care for chronic conditions"),
        answer("guided-care"),
        answer(["members", "employers"]),
        answer(False),  # its name and segments are given: its description is asked next
        answer("A named care guide, reachable the same day."),
        sections=["value_propositions"],
    )
    (vp,) = canvas.value_propositions
    assert (vp.id, vp.segments) == ("guided-care", ("members", "employers"))
    assert vp.description == "A named care guide, reachable the same day."
    step = next(s for s in plan(canvas) if s.key == "value_proposition:+")
    assert step.answered  # every segment has a proposition now


def test_a_channel_is_added_with_its_kind_from_the_visible_list(starter):
    script, _, canvas = run(
        starter,
        answer(True),
        answer("Care line"),
        (KEEP,),
        answer("phone"),
        answer(False),  # its name and kind are given: its description is asked next
        answer("Nurses, 7am to 9pm, in English and Spanish."),
        sections=["channels"],
    )
    kind_step = next(s for s in script.shown if s.key == "channel:new:kind")
    assert [value for value, _ in kind_step.choices] == list(CHANNEL_KINDS)
    (channel,) = canvas.channels
    assert (channel.id, channel.kind) == ("care-line", "phone")
    assert channel.description.startswith("Nurses")


# --- questions ---------------------------------------------------------------------------


def test_per_segment_questions_are_keyed_by_segment_even_with_one_segment(starter):
    starter.write_text(
        starter.read_text().replace(
            "segments: []", "segments:\n  - {id: members, name: Members, role: user}"
        )
    )
    script, _, canvas = run(
        starter, answer("A named nurse who calls back the same day."), sections=["questions"]
    )
    assert keys(script)[0] == "question:expectations:members"
    assert canvas.answers["expectations"].per_segment == {
        "members": "A named nurse who calls back the same day."
    }


# --- dimensions: the mix, question 1, the details ---------------------------------------


def test_the_degree_for_each_segment_is_the_mix_and_use_its_highest(acme):
    run(
        acme,
        answer("planned"),
        answer("supporting"),
        sections=["dimensions"],
        only="navigation",
    )
    nav = load_canvas(acme).dimensions["navigation"]
    assert nav.mix == {"members": "planned", "employers": "supporting"}
    assert nav.use == "supporting"
    assert "        members: planned\n        employers: supporting\n" in acme.read_text()


def test_a_list_of_segments_becomes_the_mix_it_means(acme):
    acme.write_text(
        CANVAS.replace(
            "  measures:\n",
            "  dimensions:\n    navigation:\n      use: core\n      segments: [members]\n"
            "  measures:\n",
        )
    )
    steps = {s.key: s for s in plan(load_canvas(acme))}
    assert steps["dimension:navigation:degree:members"].current == "core"
    assert steps["dimension:navigation:degree:employers"].current == "none"
    run(acme, (KEEP,), answer("supporting"), sections=["dimensions"], only="navigation")
    nav = load_canvas(acme).dimensions["navigation"]
    assert nav.mix == {"members": "core", "employers": "supporting"}  # members kept
    assert nav.use == "core"


def test_all_none_asks_why_and_no_details(acme):
    script, _, canvas = run(
        acme,
        answer("none"),
        answer("none"),
        answer("Members rely on their clinic's peer groups."),
        sections=["dimensions"],
        only="connection",
    )
    assert canvas.dimensions["connection"].use == "none"
    assert keys(script)[-1] == "dimension:connection:reason"


def test_question_one_comes_after_the_degrees_drafted_from_them(acme):
    run(acme, answer("core"), answer("none"), sections=["dimensions"], only="navigation")
    run(acme, answer("supporting"), answer("core"), sections=["dimensions"], only="information")
    steps = plan(load_canvas(acme), ["dimensions"])
    at = [s.key for s in steps].index("question:dimensions")
    assert all(":degree:" in s.key for s in steps[:at])
    assert all(":degree:" not in s.key for s in steps[at + 1 :])
    draft = steps[at].draft
    assert draft == (
        "For Members 65+: navigation is core; information is supporting. "
        "For Employer groups: information is core; navigation is not used."
    )
    # at the terminal, Enter takes the draft; the walk writes it as the answer
    from modelh.interview.prompter import RichPrompter

    prompter = RichPrompter()
    prompter._input = lambda prefill: ""
    assert prompter.ask(steps[at]) == Reply(ANSWER, draft)
    run(acme, Reply(ANSWER, draft), only="dimensions")
    canvas = load_canvas(acme)
    assert canvas.answers["dimensions"].text == draft
    # once answered, Enter keeps the answer and the draft is only shown beside it
    step = next(s for s in plan(canvas) if s.key == "question:dimensions")
    assert prompter.ask(step) == Reply(KEEP)


def test_a_dimension_asks_channels_message_emotional_support_comfort_and_a_measure(acme):
    script, _, canvas = run(
        acme,
        answer("core"),
        answer("none"),
        answer("Care guides build an action plan with each member."),
        answer(["app"]),
        answer("Your care guide will call you this week."),
        answer("The same care guide every time, who listens first."),
        answer("Rides booked together with the visit."),
        answer(["nps"]),
        answer("Care management"),
        sections=["dimensions"],
        only="navigation",
    )
    nav = canvas.dimensions["navigation"]
    assert nav.emotional_support == "The same care guide every time, who listens first."
    assert nav.physical_comfort == "Rides booked together with the visit."
    assert (nav.channels, nav.measures, nav.owner) == (("app",), ("nps",), "Care management")
    shown = {s.key: s for s in script.shown}
    channels = shown["dimension:navigation:channels"]
    assert channels.allow_new == "channel" and ("app", "Member app (digital)") in channels.choices


# --- measures ----------------------------------------------------------------------------


def test_a_new_measure_takes_an_other_indicator_a_current_value_and_a_due_date(starter):
    script, _, canvas = run(
        starter,
        answer(True),
        answer("HbA1c under 8 percent"),
        answer("hba1c-control"),
        answer("customer"),
        answer("other"),  # no indicator of the catalog
        answer("health"),
        answer("%"),
        answer("up"),
        answer(52),
        answer(70),
        answer(55),
        answer("2027-13"),  # refused as typed
        answer("2027-Q4"),
        answer("Quality team"),
        answer(False),
        sections=["measures"],
    )
    indicator = next(s for s in script.shown if s.key == "measure:new:indicator")
    assert indicator.choices[-1][0] == "other"
    assert any("'2027-13' is not a period" in t for t in script.told)
    measure = canvas.measure("hba1c-control")
    assert (measure.indicator, measure.tracks) == (None, "health")
    assert (measure.baseline, measure.current, measure.target) == (52, 55, 70)
    assert measure.due == "2027-Q4"


def test_a_measure_is_asked_its_current_value_and_its_due_date(acme):
    script, _, canvas = run(acme, answer(22), answer("2027-12"), sections=["measures"])
    assert keys(script)[:2] == ["measure:nps:current", "measure:nps:due"]
    assert (canvas.measure("nps").current, canvas.measure("nps").due) == (22, "2027-12")


# --- the other blocks --------------------------------------------------------------------


def test_the_blocks_are_asked_as_lists_in_the_methods_order(starter):
    _, _, canvas = run(
        starter,
        answer(["Capitation per member per month", "Quality incentive payments"]),
        answer(["Medical claims", "Care guides"]),
        answer(["Run care management"]),
        answer(["Care-management platform"]),
        answer(["Community health clinics"]),
        sections=["blocks"],
    )
    assert [i.text for i in canvas.revenue_streams] == [
        "Capitation per member per month",
        "Quality incentive payments",
    ]
    assert [i.text for i in canvas.cost_structure] == ["Medical claims", "Care guides"]
    assert [i.text for i in canvas.key_activities] == ["Run care management"]
    assert [i.text for i in canvas.key_resources] == ["Care-management platform"]
    assert [i.text for i in canvas.key_partners] == ["Community health clinics"]


def test_a_block_item_keeps_the_segments_it_names(acme):
    acme.write_text(CANVAS + "revenue_streams:\n  - {text: Capitation, segments: [members]}\n")
    run(
        acme,
        answer(["Capitation", "Quality bonus"]),
        sections=["blocks"],
        only="revenue_streams",
    )
    capitation, bonus = load_canvas(acme).revenue_streams
    assert (capitation.text, capitation.segments) == ("Capitation", ("members",))
    assert (bonus.text, bonus.segments) == ("Quality bonus", ())


# --- guidance ----------------------------------------------------------------------------


@pytest.mark.parametrize("example", ["riverside-health-plan", "lakeshore-medical-group"])
def test_every_step_has_guidance_about_its_own_topic(example):
    canvas = load_canvas(ROOT / "canvases" / f"{example}.yaml")
    steps = plan(canvas)
    assert steps and all(step.guidance is not None for step in steps)
    by_key = {s.key: s for s in steps}
    used = next(d for d in canvas.dimensions.values() if d.is_used)
    support = by_key[f"dimension:{used.id}:emotional_support"].guidance
    assert support is COACHING["dimension.emotional_support"]
    assert support is not dimension(used.id).guidance
    assert "emotional support" in support.why


def test_every_step_of_a_new_item_has_guidance(starter):
    script, _, _ = run(
        starter,
        answer(True),
        answer("Care line"),
        (KEEP,),
        answer("phone"),
        answer(False),
        sections=["channels"],
    )
    script2, _, _ = run(
        starter,
        answer(True),
        *[(KEEP,)] * 2,
        answer("Member NPS"),
        (KEEP,),
        answer("customer"),
        answer("nps"),
        *[(KEEP,)] * 8,
        answer(False),
        sections=["measures"],
    )
    shown: list[Step] = script.shown + script2.shown
    assert {s.key for s in shown} >= {"channel:new:kind", "measure:new:due", "measure:new:owner"}
    assert [s.key for s in shown if s.guidance is None] == []


def test_a_multi_step_with_no_choices_yet_still_offers_a_new_one():
    import io

    from rich.console import Console

    from modelh.interview.prompter import RichPrompter

    out = io.StringIO()
    step = Step("dimension:x:measures", "dimensions", "g", "Which measures?", "multi")
    RichPrompter(Console(file=out, width=80)).show(
        Step(**{**step.__dict__, "allow_new": "measure"})
    )
    assert "a new measure" in out.getvalue()
    assert NEW == "+new"
