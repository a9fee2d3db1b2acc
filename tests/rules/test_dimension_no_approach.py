import pytest

from .util import HEAD, findings, hits, worked_example_findings

CODE = "MH204"


def test_fires_at_the_dimension_when_the_approach_is_missing():
    text = HEAD + "customer_relationships:\n  dimensions:\n    transition: {use: core}\n"
    assert hits(text, CODE) == [(7, 5, "dimension 'transition' has no approach")]


@pytest.mark.parametrize("value", ["TBD", "TODO", "???"])
def test_a_placeholder_is_no_approach(value):
    text = HEAD + (
        f"customer_relationships:\n  dimensions:\n    transition:\n      use: core\n"
        f"      approach: {value}\n"
    )
    assert hits(text, CODE) == [
        (9, 17, f"dimension 'transition' has no approach: '{value}' is a placeholder")
    ]


def test_a_planned_dimension_gets_it_as_info():
    text = HEAD + "customer_relationships:\n  dimensions:\n    motivation: {use: planned}\n"
    assert [(f.line, f.severity) for f in findings(text, CODE)] == [(7, "info")]


def test_quiet_with_an_approach_or_when_not_used():
    text = HEAD + (
        "customer_relationships:\n  dimensions:\n"
        "    transition: {use: core, approach: Post-discharge call within 48 hours.}\n"
        "    connection: {use: none}\n"
        "    navigation: {owner: Patient access}\n"
    )
    assert hits(text, CODE) == []


def test_worked_example_gets_no_warning():
    assert [f for f in worked_example_findings(CODE) if f.severity != "info"] == []
