import pytest

from .util import HEAD, findings, hits, worked_example_findings

CODE = "MH601"


def cx(capabilities: str, journeys: str = "") -> str:
    return HEAD + journeys + "cx:\n  capabilities:\n" + capabilities


def test_fires_at_the_middle_office_of_a_front_office_only_capability():
    text = cx(
        "    insights: {front: established, middle: absent, back: absent}\n"
        "    delivery:\n      front: partial\n      middle: absent\n"
        "    strategy-design: {front: absent, middle: absent}\n"
    )
    assert hits(text, CODE) == [
        (
            7,
            44,
            "capability 'insights' reaches the front office (established) but is absent in "
            "the middle office",
        ),
        (10, 15, "capability 'delivery' reaches the front office (partial) but is absent in "
         "the middle office"),
    ]  # fmt: skip
    assert findings(text, CODE)[0].fix.startswith(
        "plan how 'insights' reaches the middle office (care management)"
    )


@pytest.mark.parametrize(
    "reach",
    [
        "{front: established, middle: partial}",
        "{front: established}",  # the middle office not assessed
        "{front: absent, middle: absent}",
    ],
)
def test_quiet_unless_the_front_has_it_and_the_middle_does_not(reach):
    assert hits(cx(f"    insights: {reach}\n"), CODE) == []


def test_leaves_it_to_mh602_when_the_middle_office_carries_high_pain_touches():
    journeys = (
        "segments:\n  - {id: m}\n"
        "journeys:\n  - id: j\n    name: J\n    segment: m\n"
        "    touches:\n      - {name: Care plan call, office: middle, pain: high}\n"
    )
    assert hits(cx("    insights: {front: established, middle: absent}\n", journeys), CODE) == []


def test_quiet_without_cx_and_on_the_worked_example():
    assert hits(HEAD, CODE) == []
    assert worked_example_findings(CODE) == []
