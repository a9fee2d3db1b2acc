from ..conftest import ROOT
from .util import HEAD, findings, hits, worked_example_findings

CODE = "MH307"


def canvas(*measures):
    return (
        HEAD + "customer_relationships:\n  measures:\n" + "".join(f"    - {m}\n" for m in measures)
    )


def test_fires_once_per_missing_side_at_measures():
    text = canvas("{id: nps, domain: customer, indicator: nps, tracks: experience}")
    assert hits(text, CODE) == [
        (6, 3, "no measure tracks revenue"),
        (6, 3, "no measure tracks cost"),
    ]


def test_tracks_or_a_money_indicator_counts():
    text = canvas(
        "{id: retention, domain: customer, indicator: retention-rate, tracks: revenue}",
        "{id: channel-cost, domain: financial, indicator: cost-to-satisfy-by-channel}",
    )
    assert hits(text, CODE) == []


def test_pending_counts_retired_does_not():
    text = canvas(
        "{id: revenue, tracks: revenue, status: pending-leadership}",
        "{id: cost, tracks: cost, status: retired}",
    )
    assert hits(text, CODE) == [(6, 3, "no measure tracks cost")]


def test_quiet_on_the_worked_example():
    assert worked_example_findings(CODE) == []


def test_example_canvases_miss_the_side_they_lack():
    def messages(name):
        text = (ROOT / "canvases" / name).read_text("utf-8")
        return [f.message for f in findings(text, CODE)]

    assert messages("lakeshore-medical-group.yaml") == ["no measure tracks revenue"]
    assert messages("tidewell-cardiometabolic.yaml") == ["no measure tracks cost"]
