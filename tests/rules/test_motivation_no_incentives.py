from .util import HEAD, findings, hits, worked_example_findings

CODE = "MH211"


def test_fires_at_the_dimension_when_incentives_are_missing():
    text = HEAD + (
        "customer_relationships:\n  dimensions:\n    motivation:\n      use: core\n"
        "      approach: Rewards for screenings and medication adherence.\n"
    )
    assert hits(text, CODE) == [(7, 5, "dimension 'motivation' has no incentives")]


def test_fires_at_incentives_that_are_only_placeholders():
    text = HEAD + (
        "customer_relationships:\n  dimensions:\n    motivation:\n      use: supporting\n"
        "      incentives:\n        - TBD\n        - ???\n"
    )
    assert hits(text, CODE) == [(9, 7, "dimension 'motivation' has no incentives")]


def test_a_planned_motivation_gets_it_as_info():
    text = HEAD + "customer_relationships:\n  dimensions:\n    motivation: {use: planned}\n"
    assert [(f.line, f.severity) for f in findings(text, CODE)] == [(7, "info")]


def test_quiet_with_incentives_or_for_other_dimensions():
    text = HEAD + (
        "customer_relationships:\n  dimensions:\n"
        "    navigation: {use: core}\n"
        "    motivation:\n      use: core\n      incentives:\n"
        "        - Employer-funded HSA deposit for 90 days of readings\n"
    )
    assert hits(text, CODE) == []


def test_quiet_on_the_worked_example():
    assert worked_example_findings(CODE) == []
