import pytest

from .util import HEAD, findings, hits, worked_example_findings

CODE = "MH408"


def segment(stage: str, target: str, more: str = "") -> str:
    return (
        HEAD
        + f"segments:\n  - id: members\n    stage: {stage}\n    target_stage: {target}\n"
        + more
    )


PREFERENCES = "    preferences: [Spanish-speaking care guide]\n"
SERVED = "customer_relationships:\n  dimensions:\n    navigation: {use: core}\n"


def test_fires_at_a_target_two_stages_ahead_with_none_of_the_work_between():
    text = segment("communicate", "engage")
    assert hits(text, CODE) == [
        (
            8,
            19,
            "segment 'members' aims to go from communicate to engage, skipping interact: "
            "no preferences captured",
        )
    ]
    assert findings(text, CODE)[0].fix == (
        "list the segment's preferences (the work of interact), or set 'target_stage: "
        "interact', the next stage, and aim for engage once the segment is there"
    )


def test_quiet_two_stages_ahead_when_the_stage_between_shows_its_work():
    # modelh's own reading: aiming two stages ahead is not itself skipping
    assert hits(segment("communicate", "engage", PREFERENCES), CODE) == []
    assert hits(segment("interact", "collaborate", PREFERENCES + SERVED), CODE) == []


def test_engage_s_work_needs_the_preferences_and_a_dimension_serving_the_segment():
    assert hits(segment("interact", "collaborate", PREFERENCES), CODE) == [
        (
            8,
            19,
            "segment 'members' aims to go from interact to collaborate, skipping engage: "
            "no dimension in use serves it",
        )
    ]
    assert findings(segment("interact", "collaborate", PREFERENCES), CODE)[0].fix.startswith(
        "serve 'members' with a core or supporting dimension (the work of engage), or "
    )
    planned = PREFERENCES + SERVED.replace("core", "planned")
    assert len(hits(segment("interact", "collaborate", planned), CODE)) == 1


def test_names_every_skipped_stage_and_why():
    assert hits(segment("communicate", "innovate"), CODE) == [
        (
            8,
            19,
            "segment 'members' aims to go from communicate to innovate, "
            "skipping interact, engage and collaborate: no preferences captured; "
            "no dimension in use serves it; nothing in a canvas shows collaborate's work",
        )
    ]
    shown = hits(segment("interact", "innovate", PREFERENCES + SERVED), CODE)
    assert shown[0][2].endswith(
        "skipping collaborate: nothing in a canvas shows collaborate's work"
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
