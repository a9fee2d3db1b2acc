from .util import HEAD, findings, hits, worked_example_findings

CODE = "MH206"
MEASURES = (
    "    - {id: readmissions, domain: customer}\n"
    "    - {id: old-survey, domain: customer, status: retired}\n"
)


def test_fires_at_the_dimension_and_offers_the_measures_not_retired():
    text = HEAD + (
        "customer_relationships:\n  dimensions:\n    coordination: {use: core}\n"
        "  measures:\n" + MEASURES
    )
    [found] = findings(text, CODE)
    assert (found.line, found.column, found.severity) == (7, 5, "warning")
    assert found.message == "dimension 'coordination' has no measure tracking it"
    assert "(defined: readmissions)" in found.fix


def test_fires_at_empty_measures_and_says_to_add_one_when_there_are_none():
    text = HEAD + (
        "customer_relationships:\n  dimensions:\n    coordination:\n"
        "      use: supporting\n      measures: []\n"
    )
    [found] = findings(text, CODE)
    assert (found.line, found.column) == (9, 7)
    assert found.fix.startswith("add a measure under customer_relationships.measures")


def test_a_planned_dimension_gets_it_as_info():
    text = HEAD + "customer_relationships:\n  dimensions:\n    motivation: {use: planned}\n"
    assert [(f.line, f.severity) for f in findings(text, CODE)] == [(7, "info")]


def test_quiet_when_a_measure_tracks_it_or_it_is_not_used():
    text = HEAD + (
        "customer_relationships:\n  dimensions:\n"
        "    coordination: {use: core, measures: [readmissions]}\n"
        "    connection: {use: none}\n"
        "  measures:\n" + MEASURES
    )
    assert hits(text, CODE) == []


def test_worked_example_gets_no_warning():
    assert [f for f in worked_example_findings(CODE) if f.severity != "info"] == []
