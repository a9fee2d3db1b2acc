"""Every rule is documented and tested: a new rule without either fails here."""

from __future__ import annotations

import re

import pytest

from modelh.check.rules import RULE_SECTIONS, SEVERITIES, all_rules, find_rule

from .conftest import ROOT

RULES = all_rules()
TESTS = ROOT / "tests" / "rules"


def test_codes_and_names_are_unique_and_well_formed():
    codes = [r.code for r in RULES]
    names = [r.name for r in RULES]
    assert len(set(codes)) == len(codes)
    assert len(set(names)) == len(names)
    for rule in RULES:
        assert re.fullmatch(r"MH\d{3}", rule.code), rule.code
        assert re.fullmatch(r"[a-z]+(-[a-z]+)*", rule.name), rule.name
        assert rule.severity in SEVERITIES
        assert rule.section in RULE_SECTIONS


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.code)
def test_every_rule_is_documented(rule):
    doc = rule.doc
    assert doc.splitlines()[0].endswith("."), "the first line is a one-sentence title"
    for part in ("Why it matters:", "How to fix:", "Example::"):
        assert part in doc, f"{rule.code} {rule.name}: its docstring lacks '{part}'"
    why = doc.split("Why it matters:")[1].split("How to fix:")[0]
    assert len(why.split()) >= 12, "say why it matters in the method"


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.code)
def test_every_rule_has_its_test(rule):
    if rule.check is None:  # format and meta rules: the loader's problems, suppressions
        text = (TESTS / "test_format_rules.py").read_text()
    else:
        path = TESTS / f"test_{rule.module}.py"
        assert path.is_file(), f"{rule.code} {rule.name} has no test file {path.name}"
        text = path.read_text()
    assert rule.code in text, f"no test names {rule.code}"


def test_rules_are_found_by_code_or_name():
    assert find_rule("mh101").name == "question-unanswered"
    assert find_rule("question-unanswered").code == "MH101"
    with pytest.raises(KeyError):
        find_rule("MH999")


def test_the_rules_reference_is_in_step_with_the_rules():
    from modelh.check.rules import reference_text

    committed = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
    assert committed == reference_text(), "docs/rules.md is stale: run `make docs`"


# --- the executive wording ---------------------------------------------------------

#: What a text for executives never holds: a rule code, a key path (snake_case or
#: dotted), a quoted key, a key with a value of the format's vocabulary, a line
#: reference, markup of code.
NOT_FOR_EXECUTIVES = re.compile(
    r"MH\d{3}"
    r"|\b[a-z]+_[a-z_]+\b"
    r"|\b[a-z_]+\.[a-z_]+\b"
    r"|'\w+:'"
    r"|\b[a-z_]+: (core|supporting|planned|none|active|pending-leadership|retired|health|"
    r"revenue|cost|experience|operations|provider|member|up|down|draft|review|final)\b"
    r"|\blines? \d+"
    r"|`"
)


def assert_plain_words(text: str) -> None:
    found = NOT_FOR_EXECUTIVES.search(text)
    assert found is None, f"{found.group()!r} in a text for executives: {text}"


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.code)
def test_every_rule_speaks_to_executives(rule):
    how = rule.executive
    assert how is not None, f"{rule.code} {rule.name} has no EXECUTIVE text"
    assert how.one and not how.one.endswith("."), "one gap, said as a sentence without its stop"
    assert how.why.endswith(".") and len(how.why.split()) >= 8, "why it matters, in a sentence"
    if how.over:
        assert f"{{{how.over}}}" in how.one and how.many, "several subjects are said as one"
        assert "{items}" in how.many or "{items_or}" in how.many


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.code)
def test_executive_texts_hold_no_key_code_or_line(rule):
    how = rule.executive
    for text in (how.one, how.many, how.why, how.part):
        assert_plain_words(re.sub(r"\{\w+\}", "it", text))  # the fields are filled in


def test_the_plain_words_check_catches_what_the_team_texts_hold():
    for team in (
        "answer it under customer_relationships.answers.cost",
        "under motivation, write 'message:'",
        "MH206 line 232",
        "add a measure with tracks: health",
        "set target_stage",
    ):
        with pytest.raises(AssertionError):
            assert_plain_words(team)
