from .util import HEAD, findings, hits, worked_example_findings

CODE = "MH207"


def test_fires_at_the_dimension_when_the_owner_is_missing():
    text = HEAD + (
        "customer_relationships:\n  dimensions:\n    navigation:\n      use: core\n"
        "      approach: Weekly coach plan built from meter and cuff readings.\n"
    )
    assert hits(text, CODE) == [(7, 5, "dimension 'navigation' has no owner")]


def test_a_placeholder_owner_is_no_owner():
    text = HEAD + (
        "customer_relationships:\n  dimensions:\n    navigation:\n      use: supporting\n"
        "      owner: TBD\n"
    )
    assert hits(text, CODE) == [
        (9, 14, "dimension 'navigation' has no owner: 'TBD' is a placeholder")
    ]


def test_a_planned_dimension_gets_it_as_info():
    text = HEAD + "customer_relationships:\n  dimensions:\n    motivation: {use: planned}\n"
    assert [(f.line, f.severity) for f in findings(text, CODE)] == [(7, "info")]


def test_quiet_with_an_owner_or_when_not_used():
    text = HEAD + (
        "customer_relationships:\n  dimensions:\n"
        "    navigation: {use: core, owner: Director of Patient Access}\n"
        "    connection: {use: none}\n"
    )
    assert hits(text, CODE) == []


def test_worked_example_gets_no_warning():
    assert [f for f in worked_example_findings(CODE) if f.severity != "info"] == []
