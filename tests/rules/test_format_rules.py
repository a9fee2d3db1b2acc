"""The loader's problems reach `modelh check` as findings of the format rules."""

from __future__ import annotations

import pytest

from modelh.check.checker import check_source
from modelh.check.config import Config

HEAD = "modelh: 1\ncanvas:\n  title: T\n  organization: O\n"


@pytest.mark.parametrize(
    "code, text, place",
    [
        ("MH001", "modelh: 1\ncanvas: [a\n", (3, 1)),
        ("MH001", b"modelh: 1\ncanvas: \xff\n", (2, 9)),
        ("MH002", HEAD + "segments: members\n", (5, 11)),
        ("MH003", "modelh: 1\ncanvas:\n  title: T\n", (2, 1)),
        ("MH004", HEAD + "  titel: x\n", (5, 3)),
        ("MH005", HEAD + "  title: again\n", (5, 3)),
        ("MH006", HEAD + "segments: [{id: a}]\nchannels: [{id: a}]\n", (6, 17)),
        ("MH007", HEAD + "value_propositions: [{id: v, segments: [nobody]}]\n", (5, 41)),
        ("MH008", HEAD + "  status: drafty\n", (5, 11)),
    ],
)
def test_loader_problems_become_error_findings(code, text, place):
    result = check_source(text, "c.yaml", Config())
    found = [(f.line, f.column) for f in result.findings if f.code == code]
    assert found == [place]
    assert all(f.severity == "error" for f in result.findings)
    assert result.completeness is None and result.fails()


def test_not_a_canvas_MH009_and_unused_suppression_MH090_are_tested_in_test_check():
    text = (__import__("pathlib").Path(__file__).parent.parent / "test_check.py").read_text()
    assert "MH009" in text and "MH090" in text
