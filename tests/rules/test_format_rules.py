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


ANSWERS = HEAD + "customer_relationships:\n  answers:\n"


def mh011(text: str) -> list[tuple[int, int, str]]:
    result = check_source(text, "c.yaml", Config())
    return [(f.line, f.column, f.message) for f in result.findings if f.code == "MH011"]


def test_text_cut_short_by_a_hash_is_MH011_at_the_hash_naming_what_is_kept():
    found = mh011(
        ANSWERS
        + "    growth: Word of mouth #1 channel\n"  # the canvas holds "Word of mouth"
        + "    cost: #2 after pharmacy\n"  # the canvas holds nothing
    )
    assert [(line, column) for line, column, _ in found] == [(7, 27), (8, 11)]
    assert "'#1 channel'" in found[0][2] and "'Word of mouth'" in found[0][2]
    assert "'#2 after pharmacy'" in found[1][2] and "empty" in found[1][2]
    # what the rule shows of a long cut is bounded, one line long
    [(_, _, message)] = mh011(ANSWERS + "    growth: x #" + "y" * 500 + "\n")
    assert len(message) < 200 and "\n" not in message


@pytest.mark.parametrize(
    "line",
    [
        "    growth: Word of mouth  # a comment, with its space\n",
        '    growth: "Word of mouth #1 channel"\n',
        "    growth: 'Word of mouth' #quoted on purpose\n",
        "    growth: |\n      Word of mouth #1 channel\n",
        "    growth: Word#1 of mouth\n",  # no space before '#': part of the text
        "    growth: Word of mouth  # modelh: disable=MH103\n",
        "    growth: Word of mouth #modelh: disable=MH103\n",
    ],
)
def test_quoted_block_and_commented_texts_are_not_MH011(line):
    assert mh011(ANSWERS + line) == []
