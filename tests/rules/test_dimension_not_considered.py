from .util import HEAD, hits, places, worked_example_findings

CODE = "MH201"
ALL_SEVEN = (
    "information",
    "navigation",
    "coordination",
    "connection",
    "transition",
    "motivation",
    "monetization",
)


def test_fires_for_each_missing_dimension_at_dimensions_and_an_empty_one_at_its_key():
    text = HEAD + (
        "customer_relationships:\n  dimensions:\n    connection:\n    navigation: {use: core}\n"
    )
    assert hits(text, CODE) == [
        (6, 3, f"dimension '{d}' is not considered: decide how the model uses it")
        for d in ("information", "coordination", "transition", "motivation", "monetization")
    ] + [(7, 5, "dimension 'connection' is not considered: decide how the model uses it")]


def test_without_dimensions_all_seven_point_at_the_top():
    assert places(HEAD, CODE) == [(1, 1)] * 7


def test_quiet_when_every_dimension_is_decided_whatever_the_use():
    uses = ["core", "supporting", "planned", "none", "core", "planned", "supporting"]
    body = "".join(f"    {d}: {{use: {u}}}\n" for d, u in zip(ALL_SEVEN, uses, strict=True))
    assert hits(HEAD + "customer_relationships:\n  dimensions:\n" + body, CODE) == []


def test_quiet_on_the_worked_example():
    assert worked_example_findings(CODE) == []
