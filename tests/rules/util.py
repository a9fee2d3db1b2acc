"""One-line rule tests: a canvas text in, the rule's findings out as (line, column, message)."""

from __future__ import annotations

import textwrap
from typing import Any

from modelh.canvas.loader import parse_canvas
from modelh.check.checker import Finding, check_canvas
from modelh.check.config import Config
from modelh.report.gaps import executive_gaps

from ..conftest import ROOT
from ..test_rules_meta import assert_plain_words

#: The fully worked example: no rule may warn about it.
WORKED = ROOT / "canvases" / "riverside-health-plan.yaml"

HEAD = """\
modelh: 1
canvas:
  title: Medicare Advantage 2027
  organization: Riverside Health Plan
"""


def findings(text: str, code: str, *, file: str = "c.yaml", **options: Any) -> list[Finding]:
    """The findings of rule ``code`` (and no other) on a canvas text (dedented).

    Every finding is also said in the rule's words for executives, which must
    fill in (``strict``) and hold no key, code or line: so each rule's tests try
    its executive wording on every canvas they check.
    """
    canvas = parse_canvas(textwrap.dedent(text).lstrip("\n"), file)
    config = Config(select=(code,), options={code: options} if options else {})
    found = [f for f in check_canvas(canvas, config) if f.code == code]
    for gap in executive_gaps(found, canvas, strict=True):
        assert_plain_words(gap.text)
    return found


def hits(text: str, code: str, **options: Any) -> list[tuple[int, int, str]]:
    """(line, column, message) of each finding of ``code`` on ``text``."""
    return [(f.line, f.column, f.message) for f in findings(text, code, **options)]


def places(text: str, code: str, **options: Any) -> list[tuple[int, int]]:
    return [(f.line, f.column) for f in findings(text, code, **options)]


def worked_example_findings(code: str) -> list[Finding]:
    return findings(WORKED.read_text(encoding="utf-8"), code, file=str(WORKED))
