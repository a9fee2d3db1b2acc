from .util import HEAD, findings, hits, worked_example_findings

CODE = "MH502"

BASE = HEAD + "segments:\n  - {id: practices}\njourneys:\n"


def journey(owner: str = "", pains: tuple[str, ...] = ("high", "low", "high")) -> str:
    touches = "".join(
        f"      - {{id: t{i}, name: Touch {i}, pain: {pain}}}\n" for i, pain in enumerate(pains)
    )
    return (
        BASE
        + "  - id: prior-auth\n    name: Getting a prior authorization\n    segment: practices\n"
        + owner
        + "    touches:\n"
        + touches
    )


def test_fires_at_the_journey_naming_its_high_pain_touches():
    assert hits(journey(), CODE) == [
        (8, 5, "journey 'prior-auth' has high-pain touches ('t0', 't2') but no owner")
    ]
    assert findings(journey(), CODE)[0].fix == (
        "under journey 'prior-auth', write 'owner:' with the role accountable for it"
    )


def test_a_placeholder_owner_is_no_owner():
    text = journey(owner="    owner: TBD\n")
    assert hits(text, CODE) == [
        (
            11,
            12,
            "journey 'prior-auth' has high-pain touches ('t0', 't2') but no owner: "
            "'TBD' is a placeholder",
        )
    ]


def test_a_touch_without_an_id_is_named_by_its_name():
    text = BASE + (
        "  - id: j\n    name: J\n    segment: practices\n"
        "    touches:\n      - {name: Fax the request, pain: high}\n"
    )
    assert (
        hits(text, CODE)[0][2]
        == "journey 'j' has high-pain touches ('Fax the request') but no owner"
    )


def test_quiet_with_an_owner_or_without_high_pain():
    assert hits(journey(owner="    owner: Provider relations\n"), CODE) == []
    assert hits(journey(pains=("medium", "low")), CODE) == []


def test_quiet_on_the_worked_example():
    assert worked_example_findings(CODE) == []
