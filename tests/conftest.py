from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from modelh import CanvasError, parse_canvas

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = sorted((ROOT / "canvases").glob("*.yaml"))

#: The smallest valid canvas; tests add to it.
MINIMAL = """\
modelh: 1
canvas:
  title: Medicare Advantage 2027
  organization: Riverside Health Plan
"""

#: A canvas with ten problems of many kinds, one of each sort a user makes.
TEN_PROBLEMS = """\
modelh: 1
canvas:
  title: Ten problems
  organization: Riverside
  status: drafty
  date: tomorrow
  colour: blue
segments:
  - id: members
    role: member
  - id: members
channels:
  - id: app
customer_relationships:
  answers:
    costs: high
  dimensions:
    information:
      use: core
      channels: [ap]
      measures: [nps]
  measures:
    - id: csat
      baseline: high
      direction: upward
"""


def dedent(text: str) -> str:
    return textwrap.dedent(text).lstrip("\n")


def problems_of(text: str | bytes) -> list:
    """The problems the loader reports for ``text`` (fails if it loads)."""
    if isinstance(text, str):
        text = dedent(text)
    with pytest.raises(CanvasError) as info:
        parse_canvas(text, "c.yaml")
    return list(info.value.problems)


def one_problem(text: str | bytes):
    found = problems_of(text)
    assert len(found) == 1, "\n".join(str(p) for p in found)
    return found[0]


@pytest.fixture
def write(tmp_path):
    """Write a canvas text to a file in tmp_path and return its path."""

    def _write(text: str, name: str = "canvas.yaml") -> Path:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(dedent(text), encoding="utf-8")
        return path

    return _write
