"""The report as Markdown (``modelh render -f md``): its content, and a canvas that
cannot inject links, images, HTML or table cells into it."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest
from markdown_it import MarkdownIt

from modelh import load_canvas
from modelh.report import ReportOptions, render_html, render_markdown

from .conftest import EXAMPLES, MINIMAL, ROOT

RIVERSIDE = ROOT / "canvases" / "riverside-health-plan.yaml"


def to_html(markdown: str) -> str:
    """The Markdown as a wiki shows it (CommonMark with GitHub's tables)."""
    return MarkdownIt("commonmark").enable(["table", "strikethrough"]).render(markdown)


@pytest.fixture(scope="module")
def riverside_md() -> str:
    return render_markdown(load_canvas(str(RIVERSIDE)))


def test_the_markdown_holds_the_report_sections_in_order(riverside_md):
    headings = re.findall(r"^## \d+\. (.+)$", riverside_md, re.M)
    assert headings == [
        "Executive summary",
        "Contents",
        "The canvas",
        "The canvas in full",
        "The eight relationship questions",
        "The seven relationship dimensions",
        "Measures by domain",
        "The customer value chain",
        "The journey map",
        "Bone-deep customer experience",
        "Still to be worked out",
        "Gaps and completeness",
    ]
    assert riverside_md.startswith("# Medicare Advantage and Employer Relationships 2027\n")


def test_the_markdown_says_what_the_html_says(riverside_md):
    canvas = load_canvas(str(RIVERSIDE))
    html = render_html(canvas)
    shown = to_html(riverside_md)
    # every segment, channel, measure and answered question of the worked example
    names = [s.name for s in canvas.segments] + [c.name for c in canvas.channels]
    names += [m.name for m in canvas.measures if m.status == "active"]
    names += [j.name for j in canvas.journeys] + [
        t.name for j in canvas.journeys for t in j.touches
    ]
    names += [s.name for s in canvas.cx.systems] if canvas.cx else []
    for name in names:
        escaped = name.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        assert escaped in html.replace("&#39;", "'")
        assert escaped in shown.replace("&#39;", "'"), name
    assert "Detractor comments closed with the member within 7 days" in shown
    assert "Trust Inflection Point" in shown
    assert "Complete overall | 99%" in riverside_md


@pytest.mark.parametrize("canvas", EXAMPLES, ids=lambda p: p.stem)
def test_every_example_renders_to_markdown_whose_tables_keep_their_shape(canvas):
    markdown = render_markdown(load_canvas(str(canvas)))
    lines = markdown.splitlines()
    for i, line in enumerate(lines):
        if re.fullmatch(r"\|(---\|)+", line):
            columns = line.count("---")
            j = i + 1
            while j < len(lines) and lines[j].startswith("| "):
                cells = re.split(r"(?<!\\)\|", lines[j])[1:-1]
                assert len(cells) == columns, lines[j]
                j += 1


HOSTILE = MINIMAL.replace(
    "title: Medicare Advantage 2027",
    "title: '<script>alert(1)</script> [click](javascript:alert(1))'",
) + (
    """\
segments:
  - id: members
    name: "![tracker](https://evil.example/pixel.png) <img src=x onerror=alert(1)>"
    description: "# Not a heading\\n1. not a list\\n- nor this | nor a cell"
channels:
  - id: app
    name: "a | b | c"
    description: "<http://evil.example> and https://evil.example and www.evil.example"
key_partners:
  - "[ref]: https://evil.example"
  - "&lt;b&gt;bold&lt;/b&gt; *stars* _under_ `code` ~~struck~~ $math$"
"""
)


def test_canvas_text_cannot_inject_links_images_html_or_cells(tmp_path):
    path = tmp_path / "hostile.yaml"
    path.write_text(HOSTILE, encoding="utf-8")
    markdown = render_markdown(load_canvas(str(path)))
    html = to_html(markdown)
    made = ("<a ", "<img", "<script", "<h1>Not", "<ol", "<code", "<em>stars", "<em>under")
    for tag in (*made, "<s>", "<del>", "<strong>stars"):
        assert tag not in html, tag
    # the texts are shown as written
    assert "&lt;script&gt;alert(1)&lt;/script&gt; [click](javascript:alert(1))" in html
    assert "![tracker](https://evil.example/pixel.png) &lt;img src=x onerror=alert(1)&gt;" in html
    assert (
        "&amp;lt;b&amp;gt;bold&amp;lt;/b&amp;gt; *stars* _under_ `code` ~~struck~~ $math$" in html
    )
    assert "[ref]: https://evil.example" in html
    # a channel named with pipes stays one cell of its table
    assert "<td>a | b | c</td>" in html


def test_render_writes_markdown_for_the_sections_asked(tmp_path):
    args = ["render", "-f", "md", "--sections", "cover,gaps", "-o", str(tmp_path), str(RIVERSIDE)]
    result = subprocess.run(
        [sys.executable, "-m", "modelh", *args],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    markdown = (tmp_path / "riverside-health-plan.md").read_text(encoding="utf-8")
    assert re.findall(r"^## .+$", markdown, re.M)[0] == "## 1. Gaps and completeness"
    assert "## 2." not in markdown


def test_the_markdown_follows_the_options_like_the_html():
    canvas = load_canvas(str(RIVERSIDE))
    options = ReportOptions(sections=("value-chain",))
    markdown = render_markdown(canvas, options)
    assert markdown.startswith("## 1. The customer value chain\n")
    assert "| Medicare Advantage members 65+ | Engage | Collaborate | at it |" in markdown


def test_the_gaps_speak_to_executives_unless_the_team_asks(tmp_path):
    canvas = load_canvas(str(ROOT / "canvases" / "lakeshore-medical-group.yaml"))
    executive = render_markdown(canvas)
    gaps = executive.split("Gaps and completeness", 1)[1]
    assert not re.search(r"MH\d{3}|\bline \d|customer_relationships", gaps)
    assert "- **" in gaps  # the gaps, said in words
    team = render_markdown(canvas, ReportOptions(audience="team"))
    assert re.search(r"MH\d{3}, line \d+", team.split("Gaps and completeness", 1)[1])
