from ..conftest import ROOT
from .util import HEAD, findings, hits, worked_example_findings

CODE = "MH310"

CANVAS = HEAD + (
    "customer_relationships:\n"
    "  dimensions:\n"
    "    navigation:\n      use: core\n      measures: [nps]\n"
    "    connection:\n      use: none\n      measures: [detractors]\n"
    "  measures:\n"
    "    - {id: nps, domain: customer}\n"
    "    - {id: detractors, domain: process}\n"
    "    - id: portal-logins\n      domain: customer\n"
    "    - {id: practice-issues, indicator: provider-feedback-loop}\n"
    "    - {id: roadmap, domain: strategy}\n"
    "    - {id: scorecards, domain: culture}\n"
    "    - {id: brand-promise, domain: brand}\n"
    "    - {id: cx-roles, domain: people}\n"
    "    - {id: csat, domain: customer, status: pending-leadership}\n"
    "    - {id: old-ces, domain: customer, status: retired}\n"
    "    - {id: plan-nps, domain: customer, indicator: nps, tracks: experience}\n"
    "    - {id: access-cost, domain: financial, indicator: cost-to-serve}\n"
    "    - {id: readmissions, domain: customer, tracks: health}\n"
)


def test_fires_on_measures_that_track_neither_a_dimension_nor_an_outcome():
    assert hits(CANVAS, CODE) == [
        (16, 7, "measure 'portal-logins' (customer) tracks no dimension and does not say "
         "which outcome it tracks"),
        (18, 7, "measure 'practice-issues' (process) tracks no dimension and does not say "
         "which outcome it tracks"),
    ]  # fmt: skip


def test_a_measure_that_says_its_outcome_needs_no_dimension():
    # an NPS for the whole plan, a cost to serve, a health outcome: no dimension needed
    paths = [f.path for f in findings(CANVAS, CODE)]
    for quiet in ("plan-nps", "access-cost", "readmissions"):
        assert not any(f"[{quiet}]" in p for p in paths)


def test_the_fix_says_both_ways_out():
    fix = findings(CANVAS, CODE)[0].fix
    assert fix == (
        "write 'tracks:' (revenue, cost, health, experience or operations), or add "
        "'portal-logins' to the measures of the dimension it tracks "
        "(customer_relationships.dimensions.<id>.measures), or retire it"
    )


def test_quiet_when_every_such_measure_is_listed_or_tracks_something():
    text = CANVAS.replace("measures: [nps]", "measures: [nps, portal-logins]").replace(
        "indicator: provider-feedback-loop}",
        "indicator: provider-feedback-loop, tracks: operations}",
    )
    assert hits(text, CODE) == []


def test_quiet_on_the_other_examples_whose_measures_all_say_what_they_track():
    for name in ("lakeshore-medical-group.yaml", "tidewell-cardiometabolic.yaml"):
        text = (ROOT / "canvases" / name).read_text("utf-8")
        assert findings(text, CODE) == []


def test_quiet_on_the_worked_example():
    assert worked_example_findings(CODE) == []
