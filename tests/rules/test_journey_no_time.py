from .util import HEAD, findings, hits, worked_example_findings

CODE = "MH501"

BASE = HEAD + "segments:\n  - {id: members}\njourneys:\n"


def test_fires_at_a_journey_without_time():
    text = BASE + "  - id: home\n    name: Home after a hospital stay\n    segment: members\n"
    assert hits(text, CODE) == [(8, 5, "journey 'home' has no journey time")]
    assert findings(text, CODE)[0].fix.startswith("write 'time:' under the journey with current")


def test_fires_at_an_empty_time_key():
    text = BASE + "  - id: home\n    name: Home\n    segment: members\n    time:\n"
    assert hits(text, CODE) == [(11, 5, "journey 'home' has no journey time")]


def test_names_the_missing_current_or_target():
    text = BASE + (
        "  - id: home\n    name: Home\n    segment: members\n"
        "    time:\n      baseline: 9 days\n      target: 2 days\n"
        "  - id: claim\n    name: Claim\n    segment: members\n"
        "    time: {current: 3 days}\n"
    )
    assert hits(text, CODE) == [
        (11, 5, "journey 'home' has no current journey time"),
        (17, 5, "journey 'claim' has no target journey time"),
    ]


def test_quiet_with_current_and_target():
    text = BASE + (
        "  - id: home\n    name: Home\n    segment: members\n"
        "    time: {current: 6 days, target: 2 days}\n"
    )
    assert hits(text, CODE) == []


def test_quiet_on_the_worked_example():
    assert worked_example_findings(CODE) == []
