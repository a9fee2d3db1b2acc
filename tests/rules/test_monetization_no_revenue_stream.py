import pytest

from .util import HEAD, hits, places, worked_example_findings

CODE = "MH210"
MONETIZATION = "customer_relationships:\n  dimensions:\n    monetization: {use: supporting}\n"


def test_fires_at_an_empty_revenue_streams_block():
    text = HEAD + "revenue_streams: []\n" + MONETIZATION
    assert hits(text, CODE) == [
        (5, 1, "dimension 'monetization' is supporting but the canvas has no revenue streams")
    ]


def test_without_the_block_points_at_the_top():
    assert places(HEAD + MONETIZATION.replace("supporting", "core"), CODE) == [(1, 1)]


def test_placeholder_streams_do_not_count():
    text = HEAD + "revenue_streams: [TBD]\n" + MONETIZATION
    assert hits(text, CODE) == [
        (
            5,
            1,
            "dimension 'monetization' is supporting but the canvas has only placeholder "
            "revenue streams",
        )
    ]


@pytest.mark.parametrize("use", ["planned", "none, reason: Fee-for-service only."])
def test_quiet_when_monetization_is_not_used(use):
    text = HEAD + "customer_relationships:\n  dimensions:\n" + f"    monetization: {{use: {use}}}\n"
    assert hits(text, CODE) == []


def test_quiet_with_a_revenue_stream():
    text = HEAD + "revenue_streams:\n  - text: Per-engaged-member-per-month fee\n" + MONETIZATION
    assert hits(text, CODE) == []


def test_quiet_on_the_worked_example():
    assert worked_example_findings(CODE) == []
