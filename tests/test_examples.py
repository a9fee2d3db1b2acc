"""The shipped example canvases: each loads, and each is the kind of canvas it claims."""

from __future__ import annotations

import pytest

from modelh import load_canvas
from modelh.framework import vocab

from .conftest import EXAMPLES


def test_there_are_three_examples():
    assert len(EXAMPLES) >= 3


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name)
def test_every_example_loads(path):
    canvas = load_canvas(path)
    assert canvas.canvas.title and canvas.canvas.organization
    assert canvas.segments, "an example without segments teaches nothing"


def by_org(word: str):
    for path in EXAMPLES:
        canvas = load_canvas(path)
        if word in canvas.canvas.organization:
            return canvas
    raise AssertionError(f"no example canvas for {word}")


def test_the_health_plan_is_fully_worked():
    canvas = by_org("Riverside")
    assert set(canvas.answers) == set(vocab.QUESTION_IDS)
    assert set(canvas.dimensions) == set(vocab.DIMENSION_IDS)
    assert {m.domain for m in canvas.measures} == set(vocab.DOMAIN_IDS)
    roles = {s.role for s in canvas.segments}
    assert "buyer" in roles and "user" in roles
    assert canvas.canvas.branding and canvas.canvas.branding.logo
    logo = canvas.canvas.branding.logo
    assert (EXAMPLES[0].parent / logo).is_file()


def test_the_provider_system_is_half_done():
    canvas = by_org("Lakeshore")
    answered = len(canvas.answers)
    assert 3 <= answered < len(vocab.QUESTION_IDS)
    assert len(canvas.dimensions) < len(vocab.DIMENSION_IDS)


def test_the_startup_is_an_early_draft():
    canvas = by_org("Tidewell")
    assert canvas.canvas.status == "draft"
    assert len(canvas.answers) <= 4
    assert len(canvas.dimensions) <= 3


def test_the_health_plan_maps_members_and_providers_journeys():
    canvas = by_org("Riverside")
    assert canvas.canvas.kind == "health-plan"
    assert all(s.kind for s in canvas.segments)
    kinds = {canvas.segment(j.segment).kind for j in canvas.journeys}
    assert {"member", "caregiver", "provider"} <= kinds
    for journey in canvas.journeys:
        assert journey.time and journey.time.current and journey.time.target, journey.id
        assert journey.owner and len(journey.touches) >= 3, journey.id
        assert all(t.channel and t.office and t.dimension and t.pain for t in journey.touches)
    digital = {canvas.is_digital(t) for j in canvas.journeys for t in j.touches}
    assert digital == {True, False}  # digital and manual touches both
    offices = {t.office for j in canvas.journeys for t in j.touches}
    assert offices == set(vocab.OFFICES)


def test_the_health_plan_assesses_bone_deep_cx_and_its_systems_of_record():
    cx = by_org("Riverside").cx
    assert cx is not None
    for capability in vocab.CX_CAPABILITY_IDS:
        assert all(cx.reach(capability, office) for office in vocab.OFFICES), capability
    kinds = {s.kind for s in cx.systems}
    assert {"care-management", "claims", "recruiting", "member-services", "compliance"} <= kinds


def test_the_health_plan_mixes_its_dimensions_per_segment():
    canvas = by_org("Riverside")
    mixed = [d for d in canvas.dimensions.values() if d.mix]
    assert len(mixed) >= 3
    navigation = canvas.dimensions["navigation"]
    assert navigation.degree_for("ma-members") == "core"
    assert navigation.degree_for("caregivers") == "supporting"
    assert navigation.degree_for("employer-groups") == "none"


def test_the_worked_example_marks_its_clinical_measures_as_health_outcomes():
    canvas = by_org("Riverside")
    diabetes = canvas.measure("diabetes-control")
    assert diabetes is not None and diabetes.tracks == "health"
    # NPS is an outcome of the plan as a whole: no dimension carries it to please a rule
    assert not any("member-nps" in d.measures for d in canvas.dimensions.values())
    headlines = [m.id for m in canvas.measures if m.headline]
    assert "member-nps" in headlines and len(headlines) <= 5


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name)
def test_every_example_has_a_journey_a_mix_and_a_cx_assessment(path):
    canvas = load_canvas(path)
    assert canvas.canvas.kind in vocab.CANVAS_KINDS
    assert canvas.journeys and canvas.journeys[0].touches
    assert any(d.mix for d in canvas.dimensions.values())
    assert canvas.cx is not None and canvas.cx.capabilities and canvas.cx.systems


#: The rules added with the journey map, the mix and bone-deep CX.
DEPTH_RULES = ("MH212", "MH213", "MH311", "MH411", "MH412", "MH5", "MH6")


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name)
def test_the_depth_rules_are_quiet_on_every_example(path):
    from modelh.check.checker import check_canvas
    from modelh.check.config import Config

    found = check_canvas(load_canvas(path), Config(select=DEPTH_RULES))
    assert [(f.code, f.message) for f in found] == []
