import pytest

from .util import HEAD, findings, hits, worked_example_findings

CODE = "MH212"

SEGMENTS = "segments:\n  - id: ma-members\n  - id: caregivers\n  - id: employers\n"


def navigation(use: str, mix: str) -> str:
    return (
        HEAD
        + SEGMENTS
        + "customer_relationships:\n  dimensions:\n    navigation:\n"
        + f"      use: {use}\n      segments:\n"
        + mix
    )


def test_fires_at_use_none_with_a_segment_at_core():
    text = navigation("none", "        ma-members: core\n        employers: none\n")
    assert hits(text, CODE) == [
        (12, 12, "dimension 'navigation' has use: none, but its mix puts 'ma-members' at core")
    ]
    assert findings(text, CODE)[0].fix == (
        "under navigation, set 'use: core' (the highest degree in its mix), "
        "or correct the degrees under segments"
    )


def test_fires_at_use_core_with_no_segment_above_none():
    text = navigation("core", "        ma-members: none\n        employers: none\n")
    assert hits(text, CODE) == [
        (12, 12, "dimension 'navigation' has use: core, but its mix puts no segment above none")
    ]


def test_names_every_segment_at_the_highest_degree():
    text = navigation("core", "        ma-members: supporting\n        caregivers: supporting\n")
    assert hits(text, CODE) == [
        (
            12,
            12,
            "dimension 'navigation' has use: core, but its mix puts 'ma-members', "
            "'caregivers' at supporting",
        )
    ]


@pytest.mark.parametrize(
    ("use", "mix"),
    [
        ("core", "        ma-members: core\n        employers: none\n"),
        ("supporting", "        ma-members: supporting\n        caregivers: planned\n"),
        ("planned", "        ma-members: planned\n"),
        ("none", "        ma-members: none\n"),
    ],
)
def test_quiet_when_use_is_the_highest_degree(use, mix):
    assert hits(navigation(use, mix), CODE) == []


def test_quiet_for_a_list_of_segments_or_without_use():
    listed = (
        HEAD
        + SEGMENTS
        + (
            "customer_relationships:\n  dimensions:\n"
            "    navigation: {use: core, segments: [ma-members]}\n"
            "    information: {segments: {ma-members: core}}\n"
        )
    )
    assert hits(listed, CODE) == []


def test_quiet_on_the_worked_example():
    assert worked_example_findings(CODE) == []
