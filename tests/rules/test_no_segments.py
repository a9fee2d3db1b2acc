from .util import HEAD, hits, worked_example_findings

CODE = "MH401"
MESSAGE = "the canvas has no customer segments"


def test_fires_at_the_top_without_a_segments_key():
    assert hits(HEAD, CODE) == [(1, 1, MESSAGE)]


def test_fires_at_an_empty_segments_key():
    assert hits(HEAD + "segments: []\n", CODE) == [(5, 1, MESSAGE)]
    assert hits(HEAD + "segments:\n", CODE) == [(5, 1, MESSAGE)]


def test_quiet_with_a_segment():
    assert hits(HEAD + "segments: [{id: members}]\n", CODE) == []


def test_quiet_on_the_worked_example():
    assert worked_example_findings(CODE) == []
