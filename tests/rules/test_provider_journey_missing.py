import pytest

from .util import HEAD, findings, hits, worked_example_findings

CODE = "MH412"

PAYER = HEAD + "  kind: health-plan\n"
SEGMENTS = (
    "segments:\n"
    "  - {id: members, kind: member}\n"
    "  - {id: practices, kind: provider}\n"
    "  - {id: hospitals, kind: provider}\n"
)
MEMBER_JOURNEY = "journeys:\n  - {id: first-visit, name: First PCP visit, segment: members}\n"


def test_fires_at_the_first_provider_segment_when_no_provider_has_a_journey():
    text = PAYER + SEGMENTS + MEMBER_JOURNEY
    assert hits(text, CODE) == [
        (
            8,
            5,
            "this health plan's canvas has no journey of its provider segments "
            "('practices', 'hospitals')",
        )
    ]
    assert findings(text, CODE)[0].fix == (
        "add a journey under journeys with segment: practices, and its touches"
    )


def test_fires_without_any_journey_too():
    assert len(hits(PAYER + SEGMENTS, CODE)) == 1


def test_quiet_when_one_provider_segment_has_a_journey():
    text = (
        PAYER
        + SEGMENTS
        + MEMBER_JOURNEY
        + ("  - {id: prior-auth, name: Getting a prior authorization, segment: hospitals}\n")
    )
    assert hits(text, CODE) == []


@pytest.mark.parametrize("kind", ["provider", "digital-health", "other"])
def test_quiet_on_a_canvas_that_is_not_a_health_plan_s(kind):
    text = HEAD + f"  kind: {kind}\n" + SEGMENTS
    assert hits(text, CODE) == []


def test_quiet_without_the_kinds():
    # canvas.kind and segments' kind are what the rule reads; without them it stays quiet
    assert hits(HEAD + SEGMENTS, CODE) == []
    assert hits(PAYER + "segments:\n  - {id: practices}\n", CODE) == []


def test_quiet_on_the_worked_example():
    assert worked_example_findings(CODE) == []
