import pytest

from .util import HEAD, findings, hits, worked_example_findings

CODE = "MH410"


def test_fires_at_engage_and_names_the_trust_inflection_point():
    text = HEAD + "segments:\n  - id: physicians\n    stage: engage\n    preferences: []\n"
    assert hits(text, CODE) == [
        (
            8,
            5,
            "segment 'physicians' is at engage, at the Trust Inflection Point, "
            "but has no preferences captured",
        )
    ]
    assert findings(text, CODE)[0].fix.startswith("list under preferences")


@pytest.mark.parametrize("stage", ["collaborate", "innovate"])
def test_fires_past_the_point_at_the_segment_without_preferences(stage):
    text = HEAD + f"segments:\n  - id: employers\n    stage: {stage}\n"
    assert hits(text, CODE) == [
        (
            6,
            5,
            f"segment 'employers' is at {stage}, past the Trust Inflection Point, "
            "but has no preferences captured",
        )
    ]


def test_placeholders_do_not_count_as_preferences():
    text = HEAD + "segments:\n  - id: physicians\n    stage: engage\n    preferences: [TBD, '']\n"
    assert len(hits(text, CODE)) == 1


@pytest.mark.parametrize("stage", ["communicate", "interact"])
def test_quiet_before_engage(stage):
    text = HEAD + f"segments:\n  - {{id: members, stage: {stage}, target_stage: engage}}\n"
    assert hits(text, CODE) == []


def test_quiet_with_preferences_or_without_a_stage():
    text = HEAD + (
        "segments:\n"
        "  - id: members\n"
        "    stage: collaborate\n"
        "    preferences: [Spanish-speaking care guide, Morning appointments]\n"
        "  - {id: employers}\n"
    )
    assert hits(text, CODE) == []


def test_quiet_on_the_worked_example():
    assert worked_example_findings(CODE) == []
