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
