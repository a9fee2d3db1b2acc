from .util import HEAD, findings, hits, worked_example_findings

CODE = "MH504"

PAYER = HEAD + "  kind: health-plan\n"
JOURNEYS = (
    "journeys:\n"
    "  - {id: first-visit, name: First PCP visit, segment: members}\n"
    "  - {id: refills, name: Refills for a parent, segment: caregivers}\n"
    "  - {id: renewal, name: Renewal, segment: employers}\n"
)
SEGMENTS = (
    "segments:\n"
    "  - {id: members, kind: member}\n"
    "  - {id: caregivers, kind: caregiver}\n"
    "  - {id: employers, kind: employer}\n"
)


def test_fires_at_the_journeys_of_a_payer_that_maps_members_only():
    text = PAYER + SEGMENTS + JOURNEYS
    assert hits(text, CODE) == [
        (
            10,
            1,
            "the journey map has members' journeys ('first-visit', 'refills') "
            "but no provider journey",
        )
    ]
    assert findings(text, CODE)[0].fix == (
        "add the providers as a segment with kind: provider, and their journey under journeys"
    )


def test_leaves_a_canvas_with_provider_segments_to_mh412():
    text = PAYER + SEGMENTS + "  - {id: practices, kind: provider}\n" + JOURNEYS
    assert hits(text, CODE) == []


def test_quiet_without_members_journeys_or_off_a_payer_s_canvas():
    assert hits(PAYER + SEGMENTS + JOURNEYS.split("  - {id: first")[0], CODE) == []
    employers_only = "journeys:\n  - {id: renewal, name: Renewal, segment: employers}\n"
    assert hits(PAYER + SEGMENTS + employers_only, CODE) == []
    assert hits(HEAD + "  kind: provider\n" + SEGMENTS + JOURNEYS, CODE) == []
    assert hits(HEAD + SEGMENTS + JOURNEYS, CODE) == []


def test_quiet_on_the_worked_example():
    assert worked_example_findings(CODE) == []
