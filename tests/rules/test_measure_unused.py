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
    "    - id: access-cost\n      domain: financial\n"
    "    - {id: practice-issues, indicator: provider-feedback-loop}\n"
    "    - {id: roadmap, domain: strategy}\n"
    "    - {id: scorecards, domain: culture}\n"
    "    - {id: brand-promise, domain: brand}\n"
    "    - {id: cx-roles, domain: people}\n"
    "    - {id: csat, domain: customer, status: pending-leadership}\n"
    "    - {id: old-ces, domain: customer, status: retired}\n"
)


def test_fires_on_active_customer_process_and_financial_measures_no_dimension_lists():
    assert hits(CANVAS, CODE) == [
        (16, 7, "measure 'access-cost' (financial) is listed by no dimension"),
        (18, 7, "measure 'practice-issues' (process) is listed by no dimension"),
    ]


def test_the_fix_says_where_to_list_it():
    fix = findings(CANVAS, CODE)[0].fix
    assert fix == (
        "add 'access-cost' to the measures of the dimension it tracks "
        "(customer_relationships.dimensions.<id>.measures), or retire it"
    )


def test_quiet_when_every_such_measure_is_listed():
    text = CANVAS.replace("measures: [nps]", "measures: [nps, access-cost, practice-issues]")
    assert hits(text, CODE) == []


def test_half_done_canvas_leaves_access_cost_unlisted():
    text = (ROOT / "canvases" / "lakeshore-medical-group.yaml").read_text("utf-8")
    assert [f.path for f in findings(text, CODE)] == [
        "customer_relationships.measures[access-cost]"
    ]


def test_quiet_on_the_worked_example():
    assert worked_example_findings(CODE) == []
