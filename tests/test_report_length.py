"""The report's length follows the canvas's content: the executive summary is one
page, a section with nothing to show adds no page, what is open is one list, and
the printed table of contents matches the PDF's bookmarks."""

from __future__ import annotations

import re
from pathlib import Path

import pypdf
import pytest

from modelh.canvas.loader import load_canvas
from modelh.report.context import build_context, has_content
from modelh.report.render import check_canvas_source, render_file
from modelh.report.shorten import Shortener
from modelh.report.summary import top_gaps
from tests.largest_canvas import largest_canvas

ROOT = Path(__file__).resolve().parent.parent
RIVERSIDE = ROOT / "canvases" / "riverside-health-plan.yaml"

# what a rule code, a YAML key path or a line reference looks like in a text
CODE = re.compile(r"\bMH\d{3}\b")
KEY_PATH = re.compile(r"\b[a-z]+_[a-z_]+\b|\b[a-z_]+\.[a-z_]+\b")
LINE_REF = re.compile(r"\bline \d+")


def fresh_canvas(folder: Path) -> Path:
    from typer.testing import CliRunner

    from modelh.cli.main import app

    path = folder / "fresh.yaml"
    result = CliRunner().invoke(
        app,
        [
            "new",
            str(path),
            "--org",
            "Harbor Health",
            "--title",
            "Member relationships",
            "--date",
            "2026-01-15",
            "--no-schema",
        ],
    )
    assert result.exit_code == 0, result.output
    return path


def render(path: Path, out: Path) -> pypdf.PdfReader:
    render_file(path, out, ("pdf",))
    return pypdf.PdfReader(out / f"{path.stem}.pdf")


def top_bookmarks(reader: pypdf.PdfReader) -> dict[str, int]:
    """Each section's bookmark and its page (1-based)."""
    return {
        item.title: reader.get_destination_page_number(item) + 1
        for item in reader.outline
        if not isinstance(item, list)
    }


def page_of(reader: pypdf.PdfReader, title: str) -> list[int]:
    """The pages (1-based) a section runs on: from its bookmark to the next one."""
    marks = sorted(top_bookmarks(reader).items(), key=lambda kv: kv[1])
    for i, (name, start) in enumerate(marks):
        if name == title:
            end = marks[i + 1][1] if i + 1 < len(marks) else len(reader.pages) + 1
            return list(range(start, max(end, start + 1)))
    raise AssertionError(f"no bookmark {title!r}: {marks}")


@pytest.fixture(scope="module")
def riverside(tmp_path_factory) -> pypdf.PdfReader:
    return render(RIVERSIDE, tmp_path_factory.mktemp("riverside"))


@pytest.fixture(scope="module")
def fresh(tmp_path_factory) -> tuple[Path, pypdf.PdfReader]:
    folder = tmp_path_factory.mktemp("fresh")
    path = fresh_canvas(folder)
    return path, render(path, folder / "out")


@pytest.fixture(scope="module")
def largest(tmp_path_factory) -> pypdf.PdfReader:
    folder = tmp_path_factory.mktemp("largest")
    path = folder / "largest.yaml"
    path.write_text(largest_canvas(), encoding="utf-8")
    return render(path, folder / "out")


def summary_text(reader: pypdf.PdfReader) -> str:
    return reader.pages[top_bookmarks(reader)["Executive summary"] - 1].extract_text()


@pytest.mark.parametrize("which", ["riverside", "fresh", "largest"])
def test_the_executive_summary_is_one_page_right_after_the_cover(which, request):
    reader = request.getfixturevalue(which)
    reader = reader[1] if isinstance(reader, tuple) else reader
    marks = top_bookmarks(reader)
    first_after_cover = min(p for t, p in marks.items() if t != next(iter(marks)))
    assert marks["Executive summary"] == first_after_cover
    assert page_of(reader, "Executive summary") == [marks["Executive summary"]]
    # and everything it shows is on that page: its last part is there
    text = summary_text(reader)
    assert "The gaps that matter most" in text


def test_the_summary_says_where_segments_stand_the_mix_measures_gaps_and_completeness(riverside):
    text = " ".join(summary_text(riverside).split())
    canvas = load_canvas(RIVERSIDE)
    for segment in canvas.segments:
        assert (segment.name or "")[:20] in text
    assert "Trust Inflection Point" in text
    assert "The dimension mix at a glance" in text
    headline = [m for m in canvas.measures if m.headline]
    assert headline and "Headline measures" in text
    for m in headline:
        assert (m.name or "")[:20] in text
    assert "% of the way" in text
    assert "Completeness" in text and "Questions answered" in text


def test_the_summary_speaks_without_codes_keys_or_lines(riverside, fresh):
    for reader in (riverside, fresh[1]):
        text = summary_text(reader)
        body = text.split("The gaps that matter most", 1)[1]
        assert not CODE.search(text), text
        assert not LINE_REF.search(text), text
        assert not KEY_PATH.search(body), body


def test_the_top_gaps_are_five_by_severity_then_theme():
    result = check_canvas_source(load_canvas(RIVERSIDE))
    gaps = top_gaps(result, Shortener("x.yaml"))
    assert 0 < len(gaps) <= 5
    order = {"error": 0, "warning": 1, "info": 2}
    ranks = [order[g["severity"]] for g in gaps]
    assert ranks == sorted(ranks)
    assert len({g["title"] for g in gaps}) == len(gaps)  # one gap per rule


def test_without_headline_measures_the_summary_shows_those_with_most_progress(tmp_path):
    text = RIVERSIDE.read_text(encoding="utf-8").replace("headline: true", "headline: false")
    path = tmp_path / "riverside-health-plan.yaml"
    path.write_text(text, encoding="utf-8")
    (tmp_path / "assets").symlink_to(RIVERSIDE.parent / "assets")
    context = build_context(load_canvas(path))
    summary = context["summary"]
    assert summary["measures_chosen_by"] == "progress"
    progress = [m["progress"] for m in summary["measures"]]
    assert progress and None not in progress and progress == sorted(progress, reverse=True)


def test_the_table_of_contents_gives_the_pages_of_the_bookmarks(riverside):
    marks = top_bookmarks(riverside)
    page = riverside.pages[marks["Contents"] - 1]
    printed = dict(
        (title.strip(), int(number))
        for title, number in re.findall(r"^\d\d (.+?) (\d+)$", page.extract_text(), re.M)
    )
    assert len(printed) >= 8
    for title, number in printed.items():
        assert marks[title] == number, (title, number, marks)


def test_a_fresh_canvas_renders_to_at_most_four_pages_without_empty_boxes(fresh):
    _, reader = fresh
    assert len(reader.pages) <= 4
    text = " ".join(p.extract_text() for p in reader.pages)
    assert "Not answered yet" not in text and "Not filled in yet" not in text
    assert "Still to be worked out" in text
    # each open part said once, in the list, not again as a gap per item
    assert text.count("Relationship cost") == 1


def test_a_draft_renders_to_fewer_pages_than_the_worked_example(fresh, riverside):
    path, reader = fresh
    canvas = load_canvas(path)
    present = has_content(canvas)
    # the sections the fresh canvas has nothing for add no page
    assert not any(
        present[s]
        for s in ("canvas", "blocks", "questions", "dimensions", "measures", "value-chain")
    )
    marks = top_bookmarks(reader)
    assert set(marks) >= {"Executive summary", "Contents", "Still to be worked out"}
    assert not set(marks) & {"The canvas", "The eight relationship questions"}
    # every section of the worked example has something to show: its report is longer
    shown = [s["id"] for s in build_context(load_canvas(RIVERSIDE))["sections"]]
    assert len(reader.pages) < len(riverside.pages)
    assert len(riverside.pages) >= len(shown)
