from .util import HEAD, findings, hits, worked_example_findings

CODE = "MH602"

JOURNEYS = (
    "segments:\n  - {id: practices}\n"
    "journeys:\n"
    "  - id: prior-auth\n    name: Getting a prior authorization\n    segment: practices\n"
    "    touches:\n"
    "      - {id: clinical-review, name: Clinical review, office: middle, pain: high}\n"
    "      - {id: fax, name: Fax the request, office: front, pain: high}\n"
    "      - {id: decision-letter, name: Decision letter, office: back, pain: low}\n"
)


def canvas(capabilities: str) -> str:
    return HEAD + JOURNEYS + "cx:\n  capabilities:\n" + capabilities


def test_fires_at_each_absent_capability_in_an_office_with_high_pain_touches():
    text = canvas(
        "    information-management: {front: partial, middle: absent, back: absent}\n"
        "    insights:\n      front: absent\n      middle: partial\n"
    )
    assert hits(text, CODE) == [
        (
            17,
            54,
            "capability 'information-management' is absent in the middle office, which "
            "carries high-pain touches ('clinical-review')",
        ),
        (
            19,
            14,
            "capability 'insights' is absent in the front office, which carries high-pain "
            "touches ('fax')",
        ),
    ]
    assert findings(text, CODE)[0].fix == (
        "plan how 'information-management' reaches the middle office, and mark its reach "
        "there partial or established once it does"
    )


def test_quiet_where_the_touches_do_not_hurt_or_the_capability_is_there():
    # the back office carries only a low-pain touch; the others have the capability
    text = canvas("    delivery: {front: partial, middle: established, back: absent}\n")
    assert hits(text, CODE) == []


def test_quiet_without_an_assessment_or_on_the_worked_example():
    assert hits(HEAD + JOURNEYS, CODE) == []
    assert hits(canvas("    delivery: {back: absent}\n"), CODE) == []
    assert worked_example_findings(CODE) == []
