import pytest

from .util import HEAD, hits, worked_example_findings

CODE = "MH102"


@pytest.mark.parametrize("text", ["TBD", "todo", "???", "n/a", "Lorem ipsum dolor", "TBC."])
def test_fires_on_placeholders(text):
    canvas = HEAD + f"customer_relationships:\n  answers:\n    sharing: {text}\n"
    assert hits(canvas, CODE) == [(7, 14, f"answer 'sharing' is a placeholder: '{text}'")]


def test_fires_on_a_per_segment_placeholder():
    canvas = HEAD + (
        "segments: [{id: members}]\n"
        "customer_relationships:\n  answers:\n    expectations:\n      members: TBD\n"
    )
    assert hits(canvas, CODE) == [
        (9, 16, "answer 'expectations' for segment 'members' is a placeholder: 'TBD'")
    ]


@pytest.mark.parametrize("text", ["N/a, members cannot change plans mid-year", "TBD by Q3 review"])
def test_quiet_on_real_answers(text):
    canvas = HEAD + f"customer_relationships:\n  answers:\n    sharing: {text}\n"
    assert hits(canvas, CODE) == []


def test_quiet_on_the_worked_example():
    assert worked_example_findings(CODE) == []
