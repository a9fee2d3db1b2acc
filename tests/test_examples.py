"""The shipped example canvases: each loads, and each is the kind of canvas it claims."""

from __future__ import annotations

import pytest

from modelh import load_canvas
from modelh.framework import vocab

from .conftest import EXAMPLES


def test_there_are_three_examples():
    assert len(EXAMPLES) >= 3


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name)
def test_every_example_loads(path):
    canvas = load_canvas(path)
    assert canvas.canvas.title and canvas.canvas.organization
    assert canvas.segments, "an example without segments teaches nothing"


def by_org(word: str):
    for path in EXAMPLES:
        canvas = load_canvas(path)
        if word in canvas.canvas.organization:
            return canvas
    raise AssertionError(f"no example canvas for {word}")


def test_the_health_plan_is_fully_worked():
    canvas = by_org("Riverside")
    assert set(canvas.answers) == set(vocab.QUESTION_IDS)
    assert set(canvas.dimensions) == set(vocab.DIMENSION_IDS)
    assert {m.domain for m in canvas.measures} == set(vocab.DOMAIN_IDS)
    roles = {s.role for s in canvas.segments}
    assert "buyer" in roles and "user" in roles
    assert canvas.canvas.branding and canvas.canvas.branding.logo
    logo = canvas.canvas.branding.logo
    assert (EXAMPLES[0].parent / logo).is_file()


def test_the_provider_system_is_half_done():
    canvas = by_org("Lakeshore")
    answered = len(canvas.answers)
    assert 3 <= answered < len(vocab.QUESTION_IDS)
    assert len(canvas.dimensions) < len(vocab.DIMENSION_IDS)


def test_the_startup_is_an_early_draft():
    canvas = by_org("Tidewell")
    assert canvas.canvas.status == "draft"
    assert len(canvas.answers) <= 4
    assert len(canvas.dimensions) <= 3
