import pytest

from .util import HEAD, findings, hits, worked_example_findings

CODE = "MH303"


def measure(direction, baseline, target, status="active"):
    return HEAD + (
        "customer_relationships:\n  measures:\n"
        f"    - id: readmissions\n      direction: {direction}\n"
        f"      baseline: {baseline}\n      target: {target}\n      status: {status}\n"
    )


def test_fires_on_a_target_above_the_baseline_of_a_down_measure():
    assert hits(measure("down", 16.2, 18), CODE) == [
        (
            10,
            15,
            "measure 'readmissions' has target 18 above baseline 16.2, "
            "but its direction is down (lower is better)",
        ),
    ]


def test_fires_on_a_target_below_the_baseline_of_an_up_measure():
    assert hits(measure("up", 87.5, 80.0), CODE) == [
        (
            10,
            15,
            "measure 'readmissions' has target 80 below baseline 87.5, "
            "but its direction is up (higher is better)",
        ),
    ]


@pytest.mark.parametrize("direction", ["up", "down"])
def test_an_equal_target_is_on_the_wrong_side(direction):
    [(_, _, message)] = hits(measure(direction, 42, 42), CODE)
    assert message.startswith("measure 'readmissions' has target 42 equal to baseline 42")


@pytest.mark.parametrize(
    "direction,baseline,target", [("up", 42, 65), ("down", 16.2, 12), ("up", -3, 0)]
)
def test_quiet_on_a_target_beyond_the_baseline(direction, baseline, target):
    assert hits(measure(direction, baseline, target), CODE) == []


def test_quiet_on_pending_and_retired_measures():
    assert hits(measure("down", 10, 20, "retired"), CODE) == []
    assert hits(measure("down", 10, 20, "pending-leadership"), CODE) == []


def test_quiet_without_direction_baseline_or_target():
    text = HEAD + (
        "customer_relationships:\n  measures:\n"
        "    - {id: a, baseline: 10, target: 5}\n"
        "    - {id: b, direction: up, target: 5}\n"
        "    - {id: c, direction: up, baseline: 10}\n"
    )
    assert hits(text, CODE) == []


def test_the_fix_names_both_ways_out():
    [finding] = findings(measure("down", 16.2, 18), CODE)
    assert finding.fix == "set a target below 16.2, or make the direction up if higher is better"


def test_quiet_on_the_worked_example():
    assert worked_example_findings(CODE) == []
