from .util import HEAD, findings, hits, worked_example_findings

CODE = "MH503"

BASE = HEAD + (
    "segments:\n  - {id: members}\n"
    "journeys:\n"
    "  - id: home\n    name: Home after a hospital stay\n    segment: members\n"
    "    touches:\n"
)


def test_fires_at_each_high_pain_touch_without_a_dimension():
    text = BASE + (
        "      - id: discharge-call\n        name: Discharge call\n        pain: high\n"
        "      - {name: Pharmacy pick-up, pain: high, dimension: coordination}\n"
        "      - {name: Follow-up letter, pain: high}\n"
        "      - {name: Survey, pain: low}\n"
    )
    assert hits(text, CODE) == [
        (12, 9, "touch 'discharge-call' of journey 'home' has high pain but serves no dimension"),
        (16, 9, "touch 'Follow-up letter' of journey 'home' has high pain but serves no dimension"),
    ]
    assert findings(text, CODE)[0].fix.startswith("write 'dimension:' under the touch")


def test_quiet_when_every_high_pain_touch_names_its_dimension():
    text = BASE + "      - {name: Discharge call, pain: high, dimension: coordination}\n"
    assert hits(text, CODE) == []


def test_quiet_on_the_worked_example():
    assert worked_example_findings(CODE) == []
