from ..conftest import ROOT
from .util import HEAD, findings, hits, places, worked_example_findings

CODE = "MH305"

ALL_BUT_BRAND_AND_PEOPLE = HEAD + (
    "customer_relationships:\n  measures:\n"
    "    - {id: roadmap, domain: strategy}\n"
    "    - {id: scorecards, domain: culture}\n"
    "    - {id: detractors, indicator: customer-feedback-loop}\n"  # domain from the indicator
    "    - {id: revenue, domain: financial}\n"
    "    - {id: nps, domain: customer}\n"
)


def test_fires_once_per_domain_without_a_measure_at_measures():
    assert hits(ALL_BUT_BRAND_AND_PEOPLE, CODE) == [
        (6, 3, "domain 'brand' has no measure"),
        (6, 3, "domain 'people' has no measure"),
    ]


def test_the_fix_for_a_domain_without_indicators_is_a_pending_measure():
    fixes = [f.fix for f in findings(ALL_BUT_BRAND_AND_PEOPLE, CODE)]
    assert fixes[0] == (
        "add a measure with domain: brand and status: pending-leadership "
        "until its indicator is agreed with leadership"
    )


def test_pending_leadership_measures_cover_a_domain_retired_ones_do_not():
    text = ALL_BUT_BRAND_AND_PEOPLE + (
        "    - {id: brand-promise, domain: brand, status: pending-leadership}\n"
        "    - {id: old-roles, domain: people, status: retired}\n"
    )
    assert hits(text, CODE) == [(6, 3, "domain 'people' has no measure")]


def test_without_measures_every_domain_fires_at_the_nearest_parent():
    text = HEAD + "customer_relationships:\n  answers:\n    growth: Win employers.\n"
    assert places(text, CODE) == [(5, 1)] * 7


def test_quiet_on_the_worked_example():
    assert worked_example_findings(CODE) == []


def test_half_done_canvas_misses_five_domains():
    text = (ROOT / "canvases" / "lakeshore-medical-group.yaml").read_text("utf-8")
    assert [f.message for f in findings(text, CODE)] == [
        f"domain '{d}' has no measure"
        for d in ("strategy", "culture", "brand", "people", "process")
    ]
