from .util import HEAD, hits, worked_example_findings

CODE = "MH404"
SEGMENTS = "segments:\n  - {id: employers, role: buyer}\n  - id: members\n    role: user\n"


def test_fires_at_each_segment_no_value_proposition_lists():
    text = (
        HEAD
        + SEGMENTS
        + (
            "value_propositions:\n"
            "  - {id: virtual-clinic, segments: [members]}\n"
            "  - {id: brochure}\n"
        )
    )
    assert hits(text, CODE) == [
        (6, 5, "no value proposition is built for segment 'employers'"),
    ]


def test_says_when_there_is_no_value_proposition_at_all():
    assert hits(HEAD + SEGMENTS, CODE) == [
        (
            6,
            5,
            "no value proposition is built for segment 'employers' "
            "(the canvas has no value propositions yet)",
        ),
        (
            7,
            5,
            "no value proposition is built for segment 'members' "
            "(the canvas has no value propositions yet)",
        ),
    ]


def test_quiet_when_every_segment_has_a_value_proposition():
    text = (
        HEAD
        + SEGMENTS
        + (
            "value_propositions:\n"
            "  - {id: virtual-clinic, segments: [members]}\n"
            "  - {id: outcomes-contract, segments: [employers, members]}\n"
        )
    )
    assert hits(text, CODE) == []


def test_quiet_on_the_worked_example():
    assert worked_example_findings(CODE) == []
