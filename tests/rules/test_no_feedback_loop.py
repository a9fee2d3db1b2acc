from .util import HEAD, hits, worked_example_findings

CODE = "MH308"


def canvas(*measures):
    return (
        HEAD + "customer_relationships:\n  measures:\n" + "".join(f"    - {m}\n" for m in measures)
    )


def test_fires_once_per_missing_loop_at_measures():
    assert hits(canvas("{id: nps, domain: customer, indicator: nps}"), CODE) == [
        (6, 3, "no measure tracks the feedback loop from customers"),
        (6, 3, "no measure tracks the feedback loop from providers"),
    ]


def test_pending_counts_retired_does_not():
    text = canvas(
        "{id: detractors, indicator: customer-feedback-loop, status: pending-leadership}",
        "{id: practice-issues, indicator: provider-feedback-loop, status: retired}",
    )
    assert hits(text, CODE) == [(6, 3, "no measure tracks the feedback loop from providers")]


def test_quiet_with_both_loops():
    text = canvas(
        "{id: detractors, domain: process, indicator: customer-feedback-loop}",
        "{id: practice-issues, domain: process, indicator: provider-feedback-loop}",
    )
    assert hits(text, CODE) == []


def test_without_measures_points_at_the_top():
    assert hits(HEAD, CODE)[0][:2] == (1, 1)


def test_quiet_on_the_worked_example():
    assert worked_example_findings(CODE) == []
