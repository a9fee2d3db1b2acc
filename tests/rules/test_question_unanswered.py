from .util import HEAD, findings, places, worked_example_findings

CODE = "MH101"


def test_fires_on_each_missing_or_empty_question_at_its_key_or_parent():
    text = HEAD + "customer_relationships:\n  answers:\n    cost:\n    growth: Win employers.\n"
    found = findings(text, CODE)
    assert len(found) == 7
    assert (found[0].line, found[0].column) == (6, 3)  # missing ones: at 'answers:'
    cost = next(f for f in found if "'cost'" in f.message)
    assert (cost.line, cost.column) == (7, 5)  # empty one: at its own key
    assert cost.message.startswith("question 3 'cost' is not answered")


def test_without_answers_points_at_the_top():
    assert places(HEAD, CODE)[0] == (1, 1)


def test_quiet_on_the_worked_example():
    assert worked_example_findings(CODE) == []
