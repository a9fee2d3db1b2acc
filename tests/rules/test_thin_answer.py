from .util import HEAD, hits, worked_example_findings

CODE = "MH103"
CANVAS = HEAD + "customer_relationships:\n  answers:\n    growth: Word of mouth.\n"


def test_fires_below_the_word_count():
    assert hits(CANVAS, CODE) == [(7, 13, "answer 'growth' has 3 words; say more than 5")]


def test_threshold_is_an_option():
    assert hits(CANVAS, CODE, min_words=3) == []


def test_quiet_on_a_full_answer():
    text = CANVAS.replace(
        "Word of mouth.",
        "Employers refer peers after the first renewal review, tracked as referral rate",
    )
    assert hits(text, CODE) == []


def test_worked_example_gets_no_warning():
    assert [f for f in worked_example_findings(CODE) if f.severity != "info"] == []
