"""The report on canvases unlike the worked examples: nearly empty ones, words
without spaces, odd measures. What an executive turning the pages would notice."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest

pypdf = pytest.importorskip("pypdf")
pytest.importorskip("weasyprint")

from modelh import load_canvas  # noqa: E402
from modelh.report.render import render_pdf  # noqa: E402

ONE_SEGMENT = """\
modelh: 1
canvas:
  title: One segment
  organization: Acme Health
segments:
  - id: members
    name: Members
"""

BARE_TOUCHES = """\
modelh: 1
canvas:
  title: Bare touches
  organization: Acme
segments:
  - {id: members, name: Members, role: user}
journeys:
  - id: j1
    name: Getting a first appointment
    segment: members
    touches:
      - {name: Calls the number on the card}
      - {name: Waits on hold}
      - {name: Gets a callback}
  - id: j2
    name: Empty journey
    segment: members
    touches: []
"""


def pages_of(tmp_path: Path, text: str) -> list[str]:
    path = tmp_path / "canvas.yaml"
    path.write_text(text, encoding="utf-8")
    data = render_pdf(load_canvas(path))
    return [page.extract_text() for page in pypdf.PdfReader(io.BytesIO(data)).pages]


def page_of(pages: list[str], needle: str) -> int:
    found = [n for n, page in enumerate(pages) if needle in page.splitlines()]
    assert found, needle
    return found[0]


@pytest.mark.parametrize("canvas", [ONE_SEGMENT, BARE_TOUCHES], ids=["one-segment", "bare-touches"])
def test_a_section_heading_is_never_left_alone_at_the_foot_of_a_page(tmp_path, canvas):
    pages = pages_of(tmp_path, canvas)
    organization = re.search(r"organization: (.+)", canvas)[1].upper()  # type: ignore[index]
    titles = {m[1] for page in pages for m in re.finditer(r"^\d\d (.+?) \d+$", page, re.MULTILINE)}
    titles.add("Contents")
    assert "Still to be worked out" in titles
    for number, page in enumerate(pages, 1):
        lines = page.splitlines()
        for i, line in enumerate(lines):
            if re.fullmatch(rf"\d\d · {re.escape(organization)}", line):
                # the eyebrow, its heading and the section's first content share a page
                assert lines[i + 1] in titles, f"page {number}: {line!r} then {lines[i + 1]!r}"
    still = page_of(pages, "Still to be worked out")
    assert any(
        line.startswith("Blocks of the canvas still empty") for line in pages[still].splitlines()
    ), pages[still]


def _boxes(box):
    yield box
    for child in getattr(box, "children", ()):
        yield from _boxes(child)


def test_a_word_longer_than_a_line_breaks_inside_the_page(tmp_path):
    """A URL or an identifier of 300 characters without a space, in every text an
    executive reads: each line is laid out inside the page's margins."""
    import weasyprint

    from modelh.report.render import ReportOptions, render_html

    word = "https://example.org/" + "a/b-c_d" * 40
    long = "x" * 300
    path = tmp_path / "long.yaml"
    path.write_text(
        f"""\
modelh: 1
canvas:
  title: {word}
  organization: Org{long}
segments:
  - id: members
    name: Seg{long}
    role: user
    description: {word}
    stage: interact
    preferences: [Pref{long}]
    trajectory: Traj{long}
channels:
  - {{id: app, name: Channel{long}, kind: digital}}
key_partners: [Part{long}]
customer_relationships:
  answers:
    cost: Cost{long}
  dimensions:
    information:
      use: core
      approach: Appr{long}
      message: Msg{long}
      channels: [app]
      owner: Owner{long}
journeys:
  - id: j1
    name: Journey{long}
    segment: members
    job: Job{long}
    touches:
      - {{name: Touch{long}, channel: app}}
""",
        encoding="utf-8",
    )
    html = render_html(load_canvas(path), ReportOptions())
    document = weasyprint.HTML(string=html).render()
    spilled = []
    for number, page in enumerate(document.pages, 1):
        right = page.width - page._page_box.margin_right
        for box in _boxes(page._page_box):
            if type(box).__name__ == "TextBox" and box.position_x + box.width > right + 0.5:
                spilled.append((number, box.text[:30]))
    assert spilled == []
    # a section's number line names the organization on one line, shortened
    eyebrows = [
        re.sub(r"<[^>]+>", "", e)  # its long word comes marked as one that may break
        for e in re.findall(r'<p class="eyebrow">(\d\d · .*?)</p>', html)
    ]
    assert len(eyebrows) > 5
    assert all(len(e) < 80 and e.endswith("…") for e in eyebrows), eyebrows


ODD_MEASURES = """\
modelh: 1
canvas:
  title: Odd measures
  organization: Acme
segments:
  - {id: members, name: Members, role: user}
customer_relationships:
  measures:
    - {id: margin, name: Net margin, domain: financial, unit: "%", direction: up,
       baseline: -12.5, current: -3, target: 4, headline: true}
    - {id: wait, name: Time to appointment, domain: process, unit: days, direction: down,
       baseline: 1, current: 1, target: 0, headline: true}
    - {id: loss, name: Operating result, domain: financial, unit: "$M", direction: up,
       baseline: -2, current: 1, target: 3}
"""


@pytest.mark.parametrize("output", ["html", "md"])
def test_measure_values_read_as_written_numbers(tmp_path, output):
    """One day, not "1 days"; a negative number with a minus sign, the same for a
    percentage as for money (it was "-3%" beside "−$2M")."""
    from modelh.report.render import render_html, render_markdown

    path = tmp_path / "odd.yaml"
    path.write_text(ODD_MEASURES, encoding="utf-8")
    canvas = load_canvas(path)
    text = render_html(canvas) if output == "html" else render_markdown(canvas)
    assert "1 day" in text
    assert "1 days" not in text
    assert "0 days" in text
    money = "−$2M" if output == "html" else "−\\$2M"  # Markdown escapes the dollar
    assert "−12.5%" in text and "−3%" in text and money in text
    assert "-12.5%" not in text and "-3%" not in text


def test_names_in_a_list_keep_their_order_whatever_their_script(tmp_path):
    """Arabic and Hebrew names joined with commas: each name is isolated (<bdi>), so a
    browser and the PDF show them in the order written, commas between them, instead
    of the right-to-left names swapping places around a comma."""
    from modelh.report.render import render_html

    path = tmp_path / "rtl.yaml"
    path.write_text(
        """\
modelh: 1
canvas:
  title: خطة الرعاية
  organization: שירותי בריאות
  prepared_by: [山田 太郎, محمد أحمد, דוד כהן]
segments:
  - {id: a, name: المرضى, role: user}
  - {id: b, name: מטופלים, role: user}
value_propositions:
  - {id: vp, name: Care, segments: [a, b]}
""",
        encoding="utf-8",
    )
    html = render_html(load_canvas(path))
    assert "<bdi>山田 太郎</bdi>, <bdi>محمد أحمد</bdi>, <bdi>דוד כהן</bdi>" in html
    assert "<bdi>المرضى</bdi>, <bdi>מטופלים</bdi>" in html


def test_the_dimension_mix_shows_a_dozen_segments_whole(tmp_path):
    """One line a segment: twelve fit the page, so the handout does not send an
    executive to the canvas file for seven of them."""
    from modelh.report.render import ReportOptions, render_html

    segments = "".join(f"  - {{id: s{i}, name: Segment {i}, role: user}}\n" for i in range(12))
    mix = "".join(f"        s{i}: {('core', 'supporting', 'none')[i % 3]}\n" for i in range(12))
    path = tmp_path / "mix.yaml"
    path.write_text(
        "modelh: 1\ncanvas:\n  title: Mix\n  organization: Acme\n"
        f"segments:\n{segments}"
        "customer_relationships:\n  dimensions:\n    information:\n      use: core\n"
        f"      segments:\n{mix}",
        encoding="utf-8",
    )
    html = render_html(load_canvas(path), ReportOptions(sections=("dimensions",)))
    table = html.split('class="matrix mix"')[1].split("</table>")[0]
    assert len(re.findall(r'<td class="segment">Segment \d+', table)) == 12
    assert "more segments" not in html
