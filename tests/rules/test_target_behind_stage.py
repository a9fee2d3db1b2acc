import pytest

from .util import HEAD, hits, worked_example_findings

CODE = "MH409"


def segment(stage: str, target: str) -> str:
    return HEAD + f"segments:\n  - id: employers\n    stage: {stage}\n    target_stage: {target}\n"


def test_fires_at_a_target_behind_the_stage():
    assert hits(segment("engage", "interact"), CODE) == [
        (8, 19, "segment 'employers' aims for interact, behind the engage stage it is at today")
    ]
    assert hits(segment("innovate", "communicate"), CODE) == [
        (
            8,
            19,
            "segment 'employers' aims for communicate, behind the innovate stage it is at today",
        )
    ]


@pytest.mark.parametrize(
    ("stage", "target"),
    [("engage", "engage"), ("engage", "collaborate"), ("communicate", "innovate")],
)
def test_quiet_when_the_target_is_not_behind(stage, target):
    assert hits(segment(stage, target), CODE) == []


def test_quiet_without_both_stages():
    text = HEAD + "segments: [{id: a, target_stage: engage}, {id: b, stage: innovate}]\n"
    assert hits(text, CODE) == []


def test_quiet_on_the_worked_example():
    assert worked_example_findings(CODE) == []
