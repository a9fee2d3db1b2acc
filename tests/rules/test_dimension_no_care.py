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
    ("care", "message"),
    [
        (
            "emotional_support: Same guide on every call.",
            "dimension 'navigation' gives emotional support but no physical comfort",
        ),
        (
            "physical_comfort: Appointments within 10 miles.",
            "dimension 'navigation' gives physical comfort but no emotional support",
        ),
    ],
)
def test_one_without_the_other_is_not_enough(care, message):
    # the method asks for both; the finding points at the dimension, where the key goes
    dims = f"customer_relationships:\n  dimensions:\n    navigation: {{use: core, {care}}}\n"
    assert hits(HEAD + dims, CODE) == [(7, 5, message)]


def test_the_missing_one_is_named_at_its_place_and_in_the_fix():
    text = HEAD + (
        "customer_relationships:\n  dimensions:\n    transition:\n      use: core\n"
        "      emotional_support: A guide calls the family the day after discharge.\n"
        "      physical_comfort: TBD\n"
    )
    assert hits(text, CODE) == [
        (
            10,
            25,
            "dimension 'transition' gives emotional support but no physical comfort: "
            "'TBD' is a placeholder",
        )
    ]
    assert findings(text, CODE)[0].fix == (
        "under transition, write 'physical_comfort:' (the practical ease of access): "
        "the method asks for both"
    )


def test_quiet_with_both():
    text = HEAD + (
        "customer_relationships:\n  dimensions:\n    navigation:\n      use: core\n"
        "      emotional_support: Same guide on every call.\n"
        "      physical_comfort: Appointments within 10 miles.\n"
    )
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
