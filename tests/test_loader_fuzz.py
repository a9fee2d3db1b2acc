"""Random input never gets past the loader as anything but a Canvas or a CanvasError."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from modelh import Canvas, CanvasError, parse_canvas

from .conftest import EXAMPLES

EXAMPLE_TEXTS = [p.read_text(encoding="utf-8") for p in EXAMPLES]

# Characters that matter to YAML, plus some that should not appear in it.
YAML_ALPHABET = st.sampled_from(
    [
        *list("modelh:1 \n-[]{},#&*!|>'\"?%@`\t\r\\"),
        "\x00",
        "\x85",
        "é",
        "\ufeff",
        "医",
        "🙂",
        "modelh: 1\n",
        "canvas:\n",
        "  title: x\n",
        "segments:\n",
        "- id: a\n",
        "---\n",
        "!!python/",
    ]
)


def _accept(data: str | bytes) -> None:
    try:
        result = parse_canvas(data, "fuzz.yaml")
    except CanvasError as exc:
        assert exc.problems, "a CanvasError always lists at least one problem"
        for problem in exc.problems:
            assert problem.line >= 1 and problem.column >= 1
            assert problem.message
    else:
        assert isinstance(result, Canvas)


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(st.binary(max_size=400))
def test_random_bytes(data):
    _accept(data)


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(st.lists(YAML_ALPHABET, max_size=120).map("".join))
def test_random_yaml_like_text(text):
    _accept(text)


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(
    st.sampled_from(EXAMPLE_TEXTS),
    st.lists(
        st.tuples(st.floats(0, 1), st.integers(0, 8), st.text(max_size=6)),
        min_size=1,
        max_size=6,
    ),
)
def test_mutated_example_canvases(text, edits):
    for where, cut, insert in edits:
        at = int(where * len(text))
        text = text[:at] + insert + text[at + cut :]
    _accept(text)
