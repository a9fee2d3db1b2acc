from .util import HEAD, hits, worked_example_findings

CODE = "MH403"


def test_fires_at_the_segment_without_a_role():
    text = HEAD + (
        "segments:\n"
        "  - {id: members, role: user}\n"
        "  - id: caregivers\n"
        "    name: Family caregivers\n"
        "  - {id: brokers}\n"
    )
    assert hits(text, CODE) == [
        (7, 5, "segment 'caregivers' has no role"),
        (9, 5, "segment 'brokers' has no role"),
    ]


def test_fires_at_an_empty_role():
    text = HEAD + "segments:\n  - id: caregivers\n    role:\n"
    assert hits(text, CODE) == [(7, 5, "segment 'caregivers' has no role")]


def test_quiet_when_every_segment_has_a_role():
    text = HEAD + "segments: [{id: members, role: user}, {id: plans, role: both}]\n"
    assert hits(text, CODE) == []


def test_quiet_on_the_worked_example():
    assert worked_example_findings(CODE) == []
