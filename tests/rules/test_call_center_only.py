from ..conftest import EXAMPLES
from .util import HEAD, findings, hits

CODE = "MH311"


def measures(*lines: str) -> str:
    return HEAD + "customer_relationships:\n  measures:\n" + "".join(f"    - {m}\n" for m in lines)


def test_fires_at_the_measures_when_customer_measures_are_only_call_center_counts():
    text = measures(
        "{id: calls-handled, domain: customer, indicator: call-center}",
        "{id: issues-closed, indicator: resolution-speed}",
        "{id: cost, domain: financial, indicator: cost-to-serve}",
    )
    assert hits(text, CODE) == [
        (
            6,
            3,
            "the customer measures stop at call volumes and issue resolutions: "
            "'calls-handled', 'issues-closed'",
        )
    ]
    assert findings(text, CODE)[0].fix.startswith("add a customer measure beyond the call center")


def test_quiet_with_one_customer_measure_beyond_the_call_center():
    text = measures(
        "{id: calls-handled, domain: customer, indicator: call-center}",
        "{id: member-nps, domain: customer, indicator: nps}",
    )
    assert hits(text, CODE) == []


def test_a_retired_measure_does_not_count_either_way():
    text = measures(
        "{id: calls-handled, domain: customer, indicator: call-center}",
        "{id: old-nps, domain: customer, indicator: nps, status: retired}",
    )
    assert len(hits(text, CODE)) == 1


def test_quiet_without_customer_measures_or_with_unnamed_indicators():
    assert hits(measures("{id: cost, domain: financial, indicator: cost-to-serve}"), CODE) == []
    assert hits(measures("{id: member-voice, domain: customer}"), CODE) == []


def test_quiet_on_every_example():
    for path in EXAMPLES:
        assert findings(path.read_text("utf-8"), CODE, file=str(path)) == []
