"""A report stays short whatever the canvas holds, and says what it left out.

The report lists a fixed number of items of each kind in detail and shows a
bounded length of each text (``modelh.report.shorten``); the worked examples
are shown whole.
"""

from __future__ import annotations

import io
import re
import time
from pathlib import Path

import pypdf
import pytest

from modelh import load_canvas
from modelh.canvas.loader import MAX_ITEMS
from modelh.report import shorten as short
from modelh.report.context import build_context
from modelh.report.render import MAX_PAGES, ReportOptions, render_file, render_html

from .conftest import EXAMPLES
from .largest_canvas import huge_answers_canvas, largest_canvas

#: Sizes the shortening uses that are not caps.
NOT_CAPS = {"LINE_CHARS", "PIECE_CHARS", "KEEP_CHARS"}
#: The largest canvas the loader accepts renders to about 38 pages here (letter),
#: journey map, CX page and the depth rules' gaps included; ten pages short of the limit.
LARGEST_PAGES = 40


def pdf_pages(path: Path) -> list[str]:
    reader = pypdf.PdfReader(io.BytesIO(path.read_bytes()))
    return [" ".join(page.extract_text().split()) for page in reader.pages]


def test_the_largest_accepted_canvas_renders_short_and_says_what_it_left_out(tmp_path):
    path = tmp_path / "largest.yaml"
    path.write_text(largest_canvas(), encoding="utf-8")
    canvas = load_canvas(path)
    assert len(canvas.segments) == len(canvas.channels) == MAX_ITEMS
    assert len(canvas.journeys) == len(canvas.journeys[0].touches) == MAX_ITEMS
    assert canvas.cx is not None and len(canvas.cx.systems) == MAX_ITEMS
    start = time.perf_counter()
    render_file(path, tmp_path / "out", ("pdf",))
    assert time.perf_counter() - start < 180  # a hang guard: 13 to 19 s here, on a shared machine
    pages = pdf_pages(tmp_path / "out" / "largest.pdf")
    assert len(pages) <= LARGEST_PAGES <= MAX_PAGES - 10
    text = " ".join(pages)
    hidden = MAX_ITEMS - short.SHOWN_SEGMENTS
    assert f"… and {hidden} more segments: see the canvas file" in text
    hidden = MAX_ITEMS - short.SHOWN_VALUE_PROPOSITIONS
    assert f"… and {hidden} more value propositions: see the canvas file" in text
    assert f"… and {MAX_ITEMS - short.SHOWN_CHANNELS} more channels: see the canvas file" in text
    assert re.search(r"… and 1\d\d more items: see the canvas file", text)  # each block
    assert re.search(r"… and \d+ more measures: see the canvas file", text)
    assert re.search(r"… and \d+ more preferences: see the canvas file", text)
    assert re.search(r"… and 1\d\d more incentives: see the canvas file", text)
    assert short.SHORTENED in text  # descriptions and answers shortened visibly
    assert "Segment 7." not in text  # past the segments shown, nowhere in detail
    assert f"Segment {short.SHOWN_MIX_SEGMENTS}:" not in text  # nor named past the mix's dozen
    # the cover stays one page, however long the title: the summary follows it
    assert pages[1].startswith("Executive summary") or "Executive summary" in pages[1][:200]
    assert "…" in pages[0] and len(pages[0]) < 1_500
    # the journey map, its touches and the systems behind the smiles
    hidden = MAX_ITEMS - short.SHOWN_JOURNEYS
    assert f"… and {hidden} more journeys: see the canvas file" in text
    assert re.search(r"… and 19\d more touches: see the canvas file", text)
    assert f"… and {MAX_ITEMS - short.SHOWN_SYSTEMS} more systems: see the canvas file" in text
    assert f"Journey {short.SHOWN_JOURNEYS}:" not in text  # past the journeys shown
    assert "Capabilities across the offices" in text


def test_a_canvas_of_huge_answers_renders_short_with_the_shortening_mark(tmp_path):
    path = tmp_path / "huge.yaml"
    path.write_text(huge_answers_canvas(size=1_100_000, answers=1), encoding="utf-8")
    (answer,) = load_canvas(path).answers.values()
    assert len(answer.text) > 1_000_000
    render_file(path, tmp_path / "out", ("pdf",))
    pages = pdf_pages(tmp_path / "out" / "huge.pdf")
    assert len(pages) <= LARGEST_PAGES
    words = f"{round(len(answer.text.split()), -4):,}"
    mark = f"Shortened for this report: the full text, about {words} words, is in the canvas file"
    assert mark in " ".join(pages)


def test_a_text_of_many_short_lines_is_bounded_like_a_long_one(tmp_path):
    path = tmp_path / "lines.yaml"
    lines = "".join(f"      - point {i}\n" for i in range(20_000))
    path.write_text(
        "modelh: 1\ncanvas:\n  title: T\n  organization: O\n"
        f"customer_relationships:\n  answers:\n    cost: |\n{lines}",
        encoding="utf-8",
    )
    html = render_html(load_canvas(path), ReportOptions(sections=("questions",)))
    assert 0 < html.count("<li>point ") <= short.ANSWER_CHARS // short.LINE_CHARS
    assert "Shortened for this report" in html


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.stem)
def test_the_examples_are_shown_whole(example, monkeypatch):
    """The caps sit above everything the worked examples hold: with no caps at all,
    the report is the same (so are its pages)."""
    canvas = load_canvas(example)
    capped = render_html(canvas)
    for name in dir(short):
        if name.startswith("SHOWN_") or (name.endswith("_CHARS") and name not in NOT_CAPS):
            monkeypatch.setattr(short, name, 10**9)
    assert render_html(canvas) == capped
    context = build_context(canvas)
    assert not any(context["more"].values())
    assert all(b["keep"] for b in context["blocks"])


def test_what_a_shortened_list_shows_is_shared_among_its_groups():
    groups = [list(range(30)), list(range(2)), [], list(range(30))]
    assert short.share(groups, 12) == [5, 2, 0, 5]
    assert short.share([list(range(30))], 12) == [12]


def test_a_shortener_counts_what_it_leaves_out():
    shortener = short.Shortener("x.yaml")
    names = [f"Name {i}" for i in range(12)]
    shown = shortener.names(names)
    assert shown[-1] == f"and {12 - short.SHOWN_NAMES} more" and len(shown) == short.SHOWN_NAMES + 1
    assert shortener.more(1, "segment")["label"] == "… and 1 more segment: see the canvas file"
    long = "word " * 1_000
    assert shortener.text(long).endswith("… " + short.SHORTENED)
    assert shortener.text("short text") == "short text"
