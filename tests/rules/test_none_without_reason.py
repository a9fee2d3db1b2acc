from .util import HEAD, hits, worked_example_findings

CODE = "MH209"


def test_fires_at_the_dimension_when_the_reason_is_missing():
    text = HEAD + "customer_relationships:\n  dimensions:\n    connection:\n      use: none\n"
    assert hits(text, CODE) == [(7, 5, "dimension 'connection' is not used and gives no reason")]


def test_fires_at_an_empty_or_placeholder_reason():
    text = HEAD + (
        "customer_relationships:\n  dimensions:\n"
        "    connection:\n      use: none\n      reason:\n"
        "    monetization:\n      use: none\n      reason: ???\n"
    )
    assert hits(text, CODE) == [
        (9, 7, "dimension 'connection' is not used and gives no reason"),
        (
            12,
            15,
            "dimension 'monetization' is not used and gives no reason: '???' is a placeholder",
        ),
    ]


def test_quiet_with_a_reason_or_when_the_dimension_is_used():
    text = HEAD + (
        "customer_relationships:\n  dimensions:\n"
        "    connection: {use: none, reason: Peer support runs through the county partner.}\n"
        "    navigation: {use: core}\n"
        "    motivation: {use: planned}\n"
    )
    assert hits(text, CODE) == []


def test_quiet_on_the_worked_example():
    assert worked_example_findings(CODE) == []
