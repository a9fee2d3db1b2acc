import pytest

from .util import HEAD, findings, hits, worked_example_findings

CODE = "MH603"


def systems(*lines: str) -> str:
    return HEAD + "cx:\n  systems:\n" + "".join(lines)


def test_fires_at_a_high_pain_system_with_no_data_governance():
    text = systems(
        "    - id: claims\n      name: Claims platform\n      pain: high\n"
        "      data_governance: absent\n",
        "    - {id: crm, name: Member CRM, pain: high}\n",
    )
    assert hits(text, CODE) == [
        (10, 24, "system 'claims' causes high pain but has no data governance"),
        (11, 7, "system 'crm' causes high pain but says nothing of its data governance"),
    ]
    assert findings(text, CODE)[0].fix.startswith("govern the data of 'claims'")


@pytest.mark.parametrize(
    "system",
    [
        "{id: claims, name: Claims, pain: high, data_governance: partial}",
        "{id: claims, name: Claims, pain: medium, data_governance: absent}",
        "{id: claims, name: Claims}",
    ],
)
def test_quiet_when_governed_or_not_hurting(system):
    assert hits(systems(f"    - {system}\n"), CODE) == []


def test_quiet_on_the_worked_example():
    assert worked_example_findings(CODE) == []
