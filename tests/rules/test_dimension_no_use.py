from .util import HEAD, hits, worked_example_findings

CODE = "MH202"


def test_fires_at_the_dimension_when_use_is_missing():
    text = HEAD + (
        "customer_relationships:\n  dimensions:\n    coordination:\n"
        "      approach: Shared care plans and follow-up visits booked before discharge.\n"
    )
    assert hits(text, CODE) == [
        (7, 5, "dimension 'coordination' does not say how the model uses it")
    ]


def test_fires_at_an_empty_use():
    text = HEAD + (
        "customer_relationships:\n  dimensions:\n    coordination:\n"
        "      use:\n      owner: VP Population Health\n"
    )
    assert hits(text, CODE) == [
        (8, 7, "dimension 'coordination' does not say how the model uses it")
    ]


def test_quiet_when_use_is_given_or_the_dimension_is_absent():
    text = HEAD + (
        "customer_relationships:\n  dimensions:\n"
        "    coordination: {use: planned}\n    transition:\n"
    )
    assert hits(text, CODE) == []


def test_quiet_on_the_worked_example():
    assert worked_example_findings(CODE) == []
