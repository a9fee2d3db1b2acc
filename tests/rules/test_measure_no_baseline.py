from ..conftest import ROOT
from .util import HEAD, findings, hits, worked_example_findings

CODE = "MH302"


def test_fires_on_active_measures_at_the_baseline_or_the_measure():
    text = HEAD + (
        "customer_relationships:\n  measures:\n"
        "    - id: enrollment-rate\n      direction: up\n      target: 15\n"
        "    - id: nps\n      baseline:\n"
    )
    assert hits(text, CODE) == [
        (7, 7, "measure 'enrollment-rate' has no baseline"),
        (11, 7, "measure 'nps' has no baseline"),
    ]


def test_quiet_on_pending_retired_and_measured_measures():
    text = HEAD + (
        "customer_relationships:\n  measures:\n"
        "    - {id: brand-promise, domain: brand, status: pending-leadership}\n"
        "    - {id: old-csat, status: retired}\n"
        "    - {id: ces, baseline: 0}\n"
    )
    assert hits(text, CODE) == []


def test_quiet_on_the_worked_example():
    assert worked_example_findings(CODE) == []


def test_draft_canvas_misses_the_enrollment_baseline():
    text = (ROOT / "canvases" / "tidewell-cardiometabolic.yaml").read_text("utf-8")
    assert [f.message for f in findings(text, CODE)] == [
        "measure 'enrollment-rate' has no baseline"
    ]
