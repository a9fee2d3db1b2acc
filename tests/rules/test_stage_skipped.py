import pytest

from .util import HEAD, findings, hits, worked_example_findings

CODE = "MH408"


def segment(stage: str, target: str) -> str:
    return HEAD + f"segments:\n  - id: members\n    stage: {stage}\n    target_stage: {target}\n"


def test_fires_at_a_target_two_stages_ahead():
    text = segment("communicate", "engage")
    assert hits(text, CODE) == [
        (8, 19, "segment 'members' aims to go from communicate to engage, skipping interact")
    ]
    assert findings(text, CODE)[0].fix == (
        "set 'target_stage: interact', the next stage; aim for engage once the segment is there"
    )


def test_names_every_skipped_stage():
    assert hits(segment("communicate", "innovate"), CODE) == [
        (
            8,
            19,
            "segment 'members' aims to go from communicate to innovate, "
            "skipping interact, engage and collaborate",
        )
    ]
    assert hits(segment("interact", "innovate"), CODE)[0][2].endswith(
        "skipping engage and collaborate"
    )


@pytest.mark.parametrize(
    ("stage", "target"),
    [
        ("communicate", "communicate"),
        ("communicate", "interact"),
        ("engage", "collaborate"),
        ("collaborate", "innovate"),
        ("engage", "interact"),  # behind: MH409's business
    ],
)
def test_quiet_one_step_at_a_time(stage, target):
    assert hits(segment(stage, target), CODE) == []


def test_quiet_without_both_stages():
    text = HEAD + "segments: [{id: a, target_stage: engage}, {id: b, stage: communicate}]\n"
    assert hits(text, CODE) == []


def test_quiet_on_the_worked_example():
    assert worked_example_findings(CODE) == []
