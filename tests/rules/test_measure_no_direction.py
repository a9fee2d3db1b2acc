from .util import HEAD, hits, worked_example_findings

CODE = "MH304"


def test_fires_on_a_measure_with_baseline_or_target_but_no_direction():
    text = HEAD + (
        "customer_relationships:\n  measures:\n"
        "    - id: cost-to-serve-pmpm\n      baseline: 14.8\n      target: 12.5\n"
        "    - {id: csat, target: 80, direction: }\n"
        "    - {id: ces, baseline: 4.1}\n"
    )
    assert hits(text, CODE) == [
        (
            7,
            7,
            "measure 'cost-to-serve-pmpm' has a baseline and a target but no direction, "
            "so its progress cannot be judged",
        ),
        (10, 30, "measure 'csat' has a target but no direction, so its progress cannot be judged"),
        (11, 7, "measure 'ces' has a baseline but no direction, so its progress cannot be judged"),
    ]


def test_quiet_without_numbers_with_a_direction_or_when_not_active():
    text = HEAD + (
        "customer_relationships:\n  measures:\n"
        "    - {id: roadmap, domain: strategy}\n"
        "    - {id: csat, target: 80, direction: up}\n"
        "    - {id: old, target: 80, status: retired}\n"
        "    - {id: brand, baseline: 1, status: pending-leadership}\n"
    )
    assert hits(text, CODE) == []


def test_quiet_on_the_worked_example():
    assert worked_example_findings(CODE) == []
