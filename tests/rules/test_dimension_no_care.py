import pytest

from .util import HEAD, findings, hits, worked_example_findings

CODE = "MH208"
MESSAGE = "dimension '{}' gives neither emotional support nor physical comfort"


def test_fires_at_the_dimension_when_both_are_missing():
    text = HEAD + (
        "customer_relationships:\n  dimensions:\n    information:\n      use: supporting\n"
        "      approach: After-visit summaries in plain language.\n"
    )
    assert hits(text, CODE) == [(7, 5, MESSAGE.format("information"))]


def test_points_at_the_one_written_empty_or_as_a_placeholder():
    text = HEAD + (
        "customer_relationships:\n  dimensions:\n"
        "    information:\n      use: core\n      physical_comfort:\n"
        "    navigation:\n      use: core\n      emotional_support: n/a\n"
    )
    assert hits(text, CODE) == [
        (9, 7, MESSAGE.format("information")),
        (12, 26, MESSAGE.format("navigation") + ": 'n/a' is a placeholder"),
    ]


@pytest.mark.parametrize(
    "care",
    [
        "emotional_support: Same guide on every call.",
        "physical_comfort: Appointments within 10 miles.",
    ],
)
def test_quiet_with_either_one(care):
    text = HEAD + f"customer_relationships:\n  dimensions:\n    navigation: {{use: core, {care}}}\n"
    assert hits(text, CODE) == []


def test_a_planned_dimension_gets_it_as_info():
    text = HEAD + "customer_relationships:\n  dimensions:\n    motivation: {use: planned}\n"
    assert [(f.line, f.severity) for f in findings(text, CODE)] == [(7, "info")]


def test_monetization_is_exempt_unless_the_option_says_otherwise():
    text = HEAD + "customer_relationships:\n  dimensions:\n    monetization: {use: supporting}\n"
    assert hits(text, CODE) == []
    assert hits(text, CODE, exempt=[]) == [(7, 5, MESSAGE.format("monetization"))]


def test_worked_example_gets_no_warning():
    assert [f for f in worked_example_findings(CODE) if f.severity != "info"] == []
