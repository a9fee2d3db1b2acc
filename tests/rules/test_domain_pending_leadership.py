from .util import HEAD, findings, hits, worked_example_findings

CODE = "MH306"


def test_lists_the_pending_measures_of_a_domain_at_the_first():
    text = HEAD + (
        "customer_relationships:\n  measures:\n"
        "    - id: brand-promise\n      domain: brand\n      status: pending-leadership\n"
        "    - {id: brand-moments, domain: brand, status: pending-leadership}\n"
        "    - {id: cx-roles, domain: people, status: pending-leadership}\n"
    )
    assert hits(text, CODE) == [
        (
            7,
            7,
            "domain 'brand' is measured only by measures pending leadership: "
            "'brand-promise', 'brand-moments'",
        ),
        (11, 7, "domain 'people' is measured only by measures pending leadership: 'cx-roles'"),
    ]
    assert {f.severity for f in findings(text, CODE)} == {"info"}


def test_quiet_when_an_active_measure_covers_the_domain_or_none_does():
    text = HEAD + (
        "customer_relationships:\n  measures:\n"
        "    - {id: nps, domain: customer, status: pending-leadership}\n"
        "    - {id: csat, domain: customer}\n"
        "    - {id: old-roles, domain: people, status: retired}\n"
    )
    assert hits(text, CODE) == []


def test_worked_example_lists_brand_and_people_as_info():
    found = worked_example_findings(CODE)
    assert [(f.severity, f.path) for f in found] == [
        ("info", "customer_relationships.measures[brand-promise]"),
        ("info", "customer_relationships.measures[cx-improvement-roles]"),
    ]
