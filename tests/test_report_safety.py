"""A template folder cannot reach files outside the template folders."""

from __future__ import annotations

import shutil

import pytest

from modelh import load_canvas
from modelh.report import ReportError, ReportOptions, render_html, render_pdf

from .conftest import ROOT

EXAMPLE = ROOT / "canvases" / "tidewell-cardiometabolic.yaml"


@pytest.fixture
def canvas(tmp_path):
    path = tmp_path / "client" / "canvas.yaml"
    path.parent.mkdir()
    shutil.copy(EXAMPLE, path)
    (path.parent / "other-client.yaml").write_text("secret: another client's canvas\n")
    return load_canvas(path)


def test_a_template_linked_to_a_file_outside_is_refused(canvas, tmp_path):
    templates = tmp_path / "templates"
    templates.mkdir()
    secret = tmp_path / "secret.txt"
    secret.write_text("SECRET-HOSTNAME")
    (templates / "extra.css").symlink_to(secret)
    with pytest.raises(ReportError, match="leads out of the template folders"):
        render_html(canvas, ReportOptions(template_dir=templates))


def test_a_template_cannot_attach_a_file_next_to_the_canvas(canvas, tmp_path):
    pytest.importorskip("weasyprint")
    templates = tmp_path / "templates"
    (templates / "sections").mkdir(parents=True)
    other = canvas.file.replace("canvas.yaml", "other-client.yaml")
    (templates / "sections" / "cover.html.j2").write_text(
        f'<link rel="attachment" href="file://{other}"><h1>Cover</h1>'
    )
    with pytest.raises(ReportError, match="a template refers to file://"):
        render_pdf(canvas, ReportOptions(template_dir=templates, sections=("cover",)))


@pytest.mark.parametrize(
    "markup",
    [
        '<img src="http://example.org/track.png">',
        "<script src='//cdn.example.org/x.js'></script>",
        '<div style="background: url(https://example.org/bg.png)"></div>',
    ],
)
def test_the_html_report_refers_to_nothing_outside_it(canvas, tmp_path, markup):
    templates = tmp_path / "templates"
    (templates / "sections").mkdir(parents=True)
    (templates / "sections" / "cover.html.j2").write_text(f"{markup}<h1>Cover</h1>")
    with pytest.raises(ReportError, match="the report carries everything it shows"):
        render_html(canvas, ReportOptions(template_dir=templates, sections=("cover",)))


def test_a_very_long_title_is_shortened_visibly_on_one_line_and_whole_on_the_cover(canvas):
    import dataclasses

    title = "Medicare Advantage and employer relationships " * 8
    info = dataclasses.replace(
        canvas.canvas, title=title.strip(), confidentiality="Confidential " * 20
    )
    html = render_html(dataclasses.replace(canvas, canvas=info), ReportOptions())
    assert f"<h1>{title.strip()}</h1>" in html  # the cover
    sub = html.split('<p class="sub">', 1)[1].split("</p>", 1)[0]
    assert sub.endswith("…") and len(sub) <= 150
    running = html.split('data-title="', 1)[1].split('"', 1)[0]
    assert running.endswith("…") and len(running) <= 80


def test_a_template_error_names_the_template_file_and_line(canvas, tmp_path):
    templates = tmp_path / "templates"
    (templates / "sections").mkdir(parents=True)
    cover = templates / "sections" / "cover.html.j2"
    cover.write_text("<h1>Cover</h1>\n{{ report.nosuch }}\n")
    with pytest.raises(ReportError, match=rf"{cover}:2: uses something the report"):
        render_html(canvas, ReportOptions(template_dir=templates, sections=("cover",)))


def test_a_warning_about_the_logo_does_not_quote_the_whole_file():
    from modelh.report import _readable_warning

    uri = "data:image/svg+xml;base64," + "QUJD" * 500
    message = _readable_warning(f"Failed to render SVG image {uri}")
    assert message == "Failed to render SVG image (the embedded image/svg+xml)"
