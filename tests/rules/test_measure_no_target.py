from ..conftest import ROOT
from .util import HEAD, findings, hits, worked_example_findings

CODE = "MH301"


def test_fires_on_active_measures_at_the_target_or_the_measure():
    text = HEAD + (
        "customer_relationships:\n  measures:\n"
        "    - id: csat\n      domain: customer\n      baseline: 72\n"
        "    - id: nps\n      target:\n"
    )
    assert hits(text, CODE) == [
        (7, 7, "measure 'csat' has no target"),  # missing: at the measure's first key
        (11, 7, "measure 'nps' has no target"),  # empty: at its own key
    ]


def test_a_measure_without_status_is_active():
    text = HEAD + "customer_relationships:\n  measures:\n    - {id: csat, baseline: 72}\n"
    assert hits(text, CODE) == [(7, 7, "measure 'csat' has no target")]  # at the {


def test_quiet_on_pending_retired_and_targeted_measures():
    text = HEAD + (
        "customer_relationships:\n  measures:\n"
        "    - {id: brand-promise, domain: brand, status: pending-leadership}\n"
        "    - {id: old-csat, status: retired}\n"
        "    - {id: ces, target: 3, status: active}\n"
    )
    assert hits(text, CODE) == []


def test_quiet_on_the_worked_example():
    assert worked_example_findings(CODE) == []


def test_half_done_canvas_misses_the_readmissions_target():
    text = (ROOT / "canvases" / "lakeshore-medical-group.yaml").read_text("utf-8")
    assert [f.path for f in findings(text, CODE)] == [
        "customer_relationships.measures[readmissions-30d].target"
    ]
