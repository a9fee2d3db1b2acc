import pytest

from .util import HEAD, findings, hits, worked_example_findings

CODE = "MH213"

SEGMENTS = (
    "segments:\n"
    "  - {id: members, stage: interact}\n"
    "  - {id: employers, stage: engage}\n"
    "  - {id: caregivers}\n"
)


def motivation(body: str) -> str:
    return HEAD + SEGMENTS + "customer_relationships:\n  dimensions:\n    motivation:\n" + body


def test_fires_at_the_segment_s_degree_in_the_mix():
    text = motivation(
        "      use: core\n      segments:\n        members: core\n        employers: core\n"
    )
    assert hits(text, CODE) == [
        (
            14,
            18,
            "motivation is core for segment 'members', still at interact, before the Trust "
            "Inflection Point: reward programs bear results only past it",
        )
    ]
    assert findings(text, CODE)[0].fix == (
        "make motivation supporting or planned for 'members' in its mix until the segment "
        "reaches engage, or correct the segment's stage"
    )


def test_fires_at_use_when_core_serves_every_segment():
    text = motivation("      use: core\n")
    assert [(line, col) for line, col, _ in hits(text, CODE)] == [(12, 12)]


@pytest.mark.parametrize(
    "body",
    [
        "      use: supporting\n",
        "      use: planned\n",
        "      use: core\n      segments: [employers, caregivers]\n",
        "      use: core\n      segments: {members: supporting, employers: core}\n",
    ],
)
def test_quiet_unless_core_for_a_segment_before_the_point(body):
    assert hits(motivation(body), CODE) == []


def test_quiet_without_motivation_or_on_the_worked_example():
    assert hits(HEAD + SEGMENTS, CODE) == []
    assert worked_example_findings(CODE) == []
