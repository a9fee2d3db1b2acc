"""``modelh render --since REV``: a "What changed" page, from the same comparison by
meaning as ``modelh diff``, in the HTML, the PDF and the Markdown."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pypdf
from typer.testing import CliRunner

from modelh.cli.main import app

from .gitrepos import DATES, FIRST, commit, init, three_commits

runner = CliRunner()


def render(cwd: Path, *args: str):
    old = Path.cwd()
    import os

    os.chdir(cwd)
    try:
        return runner.invoke(app, ["render", *args])
    finally:
        os.chdir(old)


def changes_section(page: str) -> str:
    start = page.index('class="report-section changes"')
    return page[start : page.index("</section>", start)]


def test_since_adds_what_changed_with_the_words_and_figures_that_moved(tmp_path):
    canvas = three_commits(tmp_path / "repo")
    result = render(canvas.parent, canvas.name, "--since", "HEAD~2", "-f", "html,md", "-o", "out")
    assert result.exit_code == 0, result.output
    page = (canvas.parent / "out" / "riverside-ma.html").read_text(encoding="utf-8")
    section = changes_section(page)
    text = html.unescape(re.sub(r"<[^>]+>", " ", section))
    assert "since HEAD~2" in text
    # the moved measure with its numbers, the stage that moved along the value chain
    assert re.search(r"Member NPS .*current\s+20\s+→\s+24", text), text
    assert re.search(r"MA members .*interact\s+→\s+engage", text), text
    # a reworded answer: removed words struck through, added ones marked
    assert "<del>" in section and "<ins>" in section
    markdown = (canvas.parent / "out" / "riverside-ma.md").read_text(encoding="utf-8")
    assert "## 3. What changed" in markdown and "~~" in markdown


def test_without_since_there_is_no_such_page(tmp_path):
    canvas = three_commits(tmp_path / "repo")
    result = render(canvas.parent, canvas.name, "-f", "html", "-o", "out")
    assert result.exit_code == 0, result.output
    page = (canvas.parent / "out" / "riverside-ma.html").read_text(encoding="utf-8")
    assert 'class="report-section changes"' not in page


def test_the_pdf_has_the_page_and_its_bookmark(tmp_path):
    canvas = three_commits(tmp_path / "repo")
    result = render(canvas.parent, canvas.name, "--since", "HEAD~1", "-f", "pdf", "-o", "out")
    assert result.exit_code == 0, result.output
    reader = pypdf.PdfReader(canvas.parent / "out" / "riverside-ma.pdf")
    titles = {
        item.title: reader.get_destination_page_number(item)
        for item in reader.outline
        if not isinstance(item, list)
    }
    assert "What changed" in titles
    page = reader.pages[titles["What changed"]].extract_text()
    assert "interact" in page and "engage" in page


def test_an_unknown_revision_or_a_canvas_outside_git_is_one_message(tmp_path):
    canvas = three_commits(tmp_path / "repo")
    unknown = render(canvas.parent, canvas.name, "--since", "no-such-rev", "-o", "out")
    assert unknown.exit_code == 1
    assert "git knows no revision 'no-such-rev'" in unknown.output
    assert "Traceback" not in unknown.output
    outside = tmp_path / "alone" / "plan.yaml"
    outside.parent.mkdir()
    outside.write_text(canvas.read_text(encoding="utf-8"), encoding="utf-8")
    alone = render(outside.parent, outside.name, "--since", "HEAD", "-o", "out")
    assert alone.exit_code == 1
    assert "is not in a git repository; --since reads the old version from git" in alone.output


# --- render --history: each measure's current value over the git history --------------


def test_history_draws_each_measures_past_values_beside_its_bar(tmp_path):
    canvas = three_commits(tmp_path / "repo")
    result = render(canvas.parent, canvas.name, "--history", "-f", "html", "-o", "out")
    assert result.exit_code == 0, result.output
    page = (canvas.parent / "out" / "riverside-ma.html").read_text(encoding="utf-8")
    start = page.index('id="measure-nps"')
    ends = [page.find(mark, start + 1) for mark in ('id="measure-', "</section>")]
    nps = page[start : min(e for e in ends if e > 0)]
    assert "Current value over 3 versions" in nps
    points = re.search(r'<polyline points="([^"]+)"', nps)
    assert points is not None
    ys = [float(p.split(",")[1]) for p in points.group(1).split()]
    assert len(ys) == 3 and ys[0] > ys[-1]  # the value rose: the line ends higher
    assert "3 versions from" in html.unescape(page)


def test_without_history_no_line_is_drawn(tmp_path):
    canvas = three_commits(tmp_path / "repo")
    result = render(canvas.parent, canvas.name, "-f", "html", "-o", "out")
    assert result.exit_code == 0, result.output
    page = (canvas.parent / "out" / "riverside-ma.html").read_text(encoding="utf-8")
    assert '<div class="trend"' not in page and 'class="history-note"' not in page


def test_one_change_is_said_in_the_singular_in_markdown(tmp_path):
    repo = init(tmp_path / "repo")
    commit(repo, "first", DATES[0], **{"plan.yaml": FIRST})
    commit(repo, "Q2", DATES[1], **{"plan.yaml": FIRST.replace("current: 20", "current: 24")})
    result = render(repo, "plan.yaml", "--since", "HEAD~1", "-f", "md", "-o", "out")
    assert result.exit_code == 0, result.output
    markdown = (repo / "out" / "plan.md").read_text(encoding="utf-8")
    assert "Since HEAD\\~1: 1 change." in markdown
