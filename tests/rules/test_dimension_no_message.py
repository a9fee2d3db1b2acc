from .util import HEAD, findings, hits, worked_example_findings

CODE = "MH205"


def test_fires_at_an_empty_message():
    text = HEAD + (
        "customer_relationships:\n  dimensions:\n    navigation:\n      use: core\n      message:\n"
    )
    assert hits(text, CODE) == [(9, 7, "dimension 'navigation' has no preferred message")]


def test_fires_at_the_dimension_when_the_message_is_missing_or_a_placeholder():
    text = HEAD + (
        "customer_relationships:\n  dimensions:\n"
        "    information: {use: supporting}\n"
        "    navigation: {use: core, message: tbd}\n"
    )
    assert hits(text, CODE) == [
        (7, 5, "dimension 'information' has no preferred message"),
        (8, 38, "dimension 'navigation' has no preferred message: 'tbd' is a placeholder"),
    ]


def test_a_planned_dimension_gets_it_as_info():
    text = HEAD + "customer_relationships:\n  dimensions:\n    motivation: {use: planned}\n"
    assert [(f.line, f.severity) for f in findings(text, CODE)] == [(7, "info")]


def test_quiet_with_a_message_or_when_not_used():
    text = HEAD + (
        "customer_relationships:\n  dimensions:\n"
        "    navigation: {use: core, message: Call us first; we can see you this week.}\n"
        "    connection: {use: none}\n"
    )
    assert hits(text, CODE) == []


def test_worked_example_gets_no_warning():
    assert [f for f in worked_example_findings(CODE) if f.severity != "info"] == []
