"""`modelh check -f sarif` is valid SARIF 2.1.0, checked against the published schema."""

from __future__ import annotations

import json

import jsonschema
import pytest

from modelh.check.checker import run_checks
from modelh.check.config import Config
from modelh.check.output import sarif

from .conftest import ROOT

SCHEMA_FILE = ROOT / "tests" / "data" / "sarif-2.1.0.json"  # see tests/data/README.md


@pytest.fixture(scope="module")
def validator():
    schema = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    return jsonschema.validators.validator_for(schema)(schema)


def errors(validator, log) -> list[str]:
    return [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(log)]


def test_report_on_the_examples_and_a_broken_canvas_is_valid_sarif(validator, tmp_path):
    broken = tmp_path / "broken.yaml"
    broken.write_text("modelh: 1\ncanvas: [unclosed\n")
    report = run_checks([str(ROOT / "canvases"), str(broken)], Config())
    log = json.loads(sarif(report))
    assert errors(validator, log) == []
    results = log["runs"][0]["results"]
    assert results, "the examples have gaps to report"
    levels = {r["level"] for r in results}
    assert levels <= {"error", "warning", "note"} and "error" in levels


def test_the_schema_catches_a_broken_log(validator):
    report = run_checks([str(ROOT / "canvases")], Config())
    log = json.loads(sarif(report))
    log["runs"][0]["results"][0]["level"] = "fatal"
    assert errors(validator, log)
