import pytest

from .util import HEAD, findings, hits, worked_example_findings

CODE = "MH411"


def test_fires_at_a_segment_at_interact_without_preferences():
    text = HEAD + "segments:\n  - id: risk-payers\n    stage: interact\n"
    assert hits(text, CODE) == [
        (
            6,
            5,
            "segment 'risk-payers' is at interact but has no preferences captured: "
            "interact captures them at every interaction",
        )
    ]
    assert findings(text, CODE)[0].fix.startswith("list under preferences what is captured")


def test_points_at_empty_preferences_and_placeholders_do_not_count():
    text = HEAD + ("segments:\n  - id: risk-payers\n    stage: interact\n    preferences: [TBD]\n")
    assert [(line, col) for line, col, _ in hits(text, CODE)] == [(8, 5)]


@pytest.mark.parametrize("stage", ["communicate", "engage", "collaborate"])
def test_quiet_at_other_stages(stage):
    # from engage on, MH410 reports missing preferences
    assert hits(HEAD + f"segments:\n  - {{id: a, stage: {stage}}}\n", CODE) == []


def test_quiet_with_preferences_and_on_the_worked_example():
    text = HEAD + "segments:\n  - {id: a, stage: interact, preferences: [Text reminders]}\n"
    assert hits(text, CODE) == []
    assert worked_example_findings(CODE) == []
