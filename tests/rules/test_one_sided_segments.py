import pytest

from .util import HEAD, findings, hits, worked_example_findings

CODE = "MH402"


def test_fires_when_every_segment_is_a_buyer():
    text = HEAD + "segments:\n  - {id: employers, role: buyer}\n  - {id: plans, role: buyer}\n"
    assert hits(text, CODE) == [
        (5, 1, "every segment with a role is a buyer; no segment is a user")
    ]
    assert "who receives the care or service" in findings(text, CODE)[0].fix


def test_fires_when_every_segment_is_a_user_and_ignores_segments_without_a_role():
    text = HEAD + "segments:\n  - {id: members, role: user}\n  - {id: brokers}\n"
    assert hits(text, CODE) == [
        (5, 1, "every segment with a role is a user; no segment is a buyer")
    ]
    assert "who pays" in findings(text, CODE)[0].fix


@pytest.mark.parametrize(
    "roles",
    [
        ["buyer", "user"],
        ["both"],
        ["buyer", "both"],
        ["user", "both"],
        [None],  # no role anywhere: MH403's business
        [],
    ],
)
def test_quiet_when_both_sides_are_there_or_no_role_is_given(roles):
    items = "".join(
        f"  - {{id: s{i}{', role: ' + role if role else ''}}}\n" for i, role in enumerate(roles)
    )
    text = HEAD + ("segments:\n" + items if items else "")
    assert hits(text, CODE) == []


def test_quiet_on_the_worked_example():
    assert worked_example_findings(CODE) == []
