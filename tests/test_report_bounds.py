"""The work a canvas (or a template) can cause is bounded, each bound a clear message.

Items per list, pages of a report, time and memory of a render, pixels of an
image, elements of an SVG. And what a render writes: nothing when any output is
refused, with the canvas's restrictive permissions, whatever the file's name.
"""

from __future__ import annotations

import os
import shutil
import stat
import struct
import sys
import time
import zlib
from collections.abc import MutableMapping
from pathlib import Path

import pytest
from typer.testing import CliRunner

from modelh import load_canvas
from modelh.canvas.images import MAX_PIXELS, MAX_SVG_DRAWN
from modelh.canvas.loader import MAX_ITEMS
from modelh.check.checker import check_source
from modelh.cli.main import app
from modelh.errors import CanvasError
from modelh.report.render import (
    FetchRefusedError,
    LimitError,
    Limits,
    ReportError,
    ReportOptions,
    html_to_pdf,
    render_file,
    render_html,
)

from .conftest import ROOT

RIVERSIDE = ROOT / "canvases" / "riverside-health-plan.yaml"
HEAD = "modelh: 1\ncanvas:\n  title: T\n  organization: O\n"
runner = CliRunner()


def run(*args: str):
    return runner.invoke(app, [str(a) for a in args], catch_exceptions=False)


def bomb_svg(levels: int = 9) -> str:
    """A "billion laughs" of <use>: each level uses the one below ten times."""
    parts = [
        '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" '
        'width="10" height="10"><defs><rect id="a0" width="1" height="1"/>'
    ]
    for i in range(1, levels + 1):
        uses = "".join(f'<use xlink:href="#a{i - 1}"/>' for _ in range(10))
        parts.append(f'<g id="a{i}">{uses}</g>')
    parts.append(f'</defs><use xlink:href="#a{levels}"/></svg>')
    return "".join(parts)


def huge_png(side: int = 9400) -> bytes:
    """A small PNG file that declares ``side`` x ``side`` pixels."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        crc = zlib.crc32(kind + data) & 0xFFFFFFFF
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", crc)

    rows = zlib.compress(b"\x00" * (side + 1) * side, 9)
    header = struct.pack(">IIBBBBB", side, side, 1, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", rows) + chunk(b"IEND", b"")
    )


def canvas_with_logo(tmp_path: Path, name: str, data: bytes | str) -> Path:
    logo = tmp_path / name
    logo.write_bytes(data.encode() if isinstance(data, str) else data)
    path = tmp_path / "client.yaml"
    path.write_text(HEAD + f"  branding:\n    logo: {name}\n")
    return path


# ---------------------------------------------------------------------------
# Items, pages, time, memory


def test_a_list_longer_than_the_limit_is_refused_at_its_line(tmp_path):
    segments = "".join(f"  - id: s{i}\n    name: Segment {i}\n" for i in range(2_000))
    path = tmp_path / "crowded.yaml"
    path.write_text(HEAD + "segments:\n" + segments)
    start = time.perf_counter()
    result = run("render", "-o", tmp_path / "out", path)
    elapsed = time.perf_counter() - start
    assert result.exit_code == 1
    assert f"{path}:6:3:" in result.output  # the list's first item
    assert f"at most {MAX_ITEMS} items" in result.output and "2,000 items" in result.output
    assert not (tmp_path / "out").exists()
    assert elapsed < 60  # a hang guard: about 1 s here; it took 150 s before the limit
    shorter = "".join(f"  - id: s{i}\n" for i in range(MAX_ITEMS))
    path.write_text(HEAD + "segments:\n" + shorter)
    assert len(load_canvas(path).segments) == MAX_ITEMS


def test_a_report_past_the_page_limit_is_refused_and_nothing_is_written(tmp_path):
    start = time.perf_counter()
    with pytest.raises(LimitError, match="more than 3 pages, the limit"):
        render_file(RIVERSIDE, tmp_path / "out", ("html", "pdf"), limits=Limits(pages=3))
    assert time.perf_counter() - start < 120  # a hang guard: a few seconds here
    assert not list((tmp_path / "out").glob("*")) if (tmp_path / "out").exists() else True


def test_a_render_past_the_time_limit_is_stopped(tmp_path):
    templates = tmp_path / "templates" / "sections"
    templates.mkdir(parents=True)
    (templates / "cover.html.j2").write_text(
        "{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}"
    )
    options = ReportOptions(sections=("cover",), template_dir=tmp_path / "templates")
    start = time.perf_counter()
    with pytest.raises(LimitError, match="longer than the limit of 1 s"):
        render_file(RIVERSIDE, tmp_path / "out", ("html",), options, limits=Limits(seconds=1))
    assert time.perf_counter() - start < 30  # stopped, not left to run for hours
    assert not (tmp_path / "out" / "riverside-health-plan.html").exists()


@pytest.mark.skipif(sys.platform != "linux", reason="memory is limited in a child on Linux")
def test_a_render_past_the_memory_limit_is_stopped(tmp_path):
    templates = tmp_path / "templates" / "sections"
    templates.mkdir(parents=True)
    (templates / "cover.html.j2").write_text("{{ ('a' * 3000000000) | length }}")
    options = ReportOptions(sections=("cover",), template_dir=tmp_path / "templates")
    limits = Limits(seconds=60, memory=1024**3)
    with pytest.raises(LimitError, match="more memory than its limit of 1 GB"):
        render_file(RIVERSIDE, tmp_path / "out", ("html",), options, limits=limits)


def test_a_refusal_in_the_pdf_step_writes_no_html_either(tmp_path):
    templates = tmp_path / "templates"
    (templates / "sections").mkdir(parents=True)
    (templates / "big.png").write_bytes(huge_png())
    (templates / "sections" / "cover.html.j2").write_text(
        '<h1>Cover</h1><img alt="" src="{{ asset(\'big.png\') }}">'
    )
    out = tmp_path / "out"
    result = run("render", "--sections", "cover", "--template-dir", templates, "-o", out, RIVERSIDE)
    assert result.exit_code == 1
    assert f"more than the limit of {MAX_PIXELS // 1_000_000} million pixels" in result.output
    assert not (out / "riverside-health-plan.html").exists()
    assert not (out / "riverside-health-plan.pdf").exists()


# ---------------------------------------------------------------------------
# Images


def test_a_logo_of_nested_use_elements_is_refused_by_render_and_check(tmp_path):
    path = canvas_with_logo(tmp_path, "logo.svg", bomb_svg())
    start = time.perf_counter()
    result = run("render", "-o", tmp_path / "out", path)
    assert time.perf_counter() - start < 60  # a hang guard: it never finished before
    assert result.exit_code == 1
    limit = f"draws more than {MAX_SVG_DRAWN:,} elements"
    assert limit in result.output
    assert not (tmp_path / "out").exists()
    findings = check_source(path.read_text(), str(path)).findings
    assert [f.code for f in findings if limit in f.message] == ["MH010"]


def test_a_png_logo_of_too_many_pixels_is_refused_without_decoding_it(tmp_path):
    path = canvas_with_logo(tmp_path, "logo.png", huge_png())
    with pytest.raises(ReportError, match="9,400 x 9,400 pixels, more than the limit"):
        render_html(load_canvas(path))
    findings = check_source(path.read_text(), str(path)).findings
    assert any(f.code == "MH010" and "9,400 x 9,400" in f.message for f in findings)


def test_a_logo_within_the_limits_is_embedded(tmp_path):
    shutil.copy(ROOT / "canvases" / "assets" / "riverside-logo.svg", tmp_path / "logo.svg")
    path = canvas_with_logo(tmp_path, "small.png", huge_png(side=64))
    text = path.read_text().replace("small.png", "logo.svg")
    path.write_text(text)
    assert "data:image/svg+xml;base64," in render_html(load_canvas(path))


@pytest.mark.parametrize(
    ("svg", "named"),
    [
        ('<!DOCTYPE svg [<!ENTITY a "aaaa">]><svg xmlns="http://www.w3.org/2000/svg"/>', "DOCTYPE"),
        (
            '<svg xmlns="http://www.w3.org/2000/svg">' + "<g>" * 60 + "</g>" * 60 + "</svg>",
            "more than 50 deep",
        ),
        (
            '<svg xmlns="http://www.w3.org/2000/svg"><g id="a"><use href="#a"/></g></svg>',
            "refers to itself",
        ),
    ],
)
def test_an_svg_image_is_bounded_in_the_pdf_too(svg, named):
    import base64

    uri = "data:image/svg+xml;base64," + base64.b64encode(svg.encode()).decode()
    with pytest.raises(FetchRefusedError, match=named):
        html_to_pdf(f'<p>x</p><img alt="" src="{uri}">')


# ---------------------------------------------------------------------------
# What is written


def test_reports_keep_the_canvas_restrictive_permissions(tmp_path):
    shutil.copytree(ROOT / "canvases" / "assets", tmp_path / "assets")
    private = tmp_path / "private.yaml"
    shutil.copy(RIVERSIDE, private)
    private.chmod(0o600)
    result = run("render", "-f", "html", "--sections", "cover", "-o", tmp_path, private)
    assert result.exit_code == 0, result.output
    assert stat.S_IMODE((tmp_path / "private.html").stat().st_mode) == 0o600
    shared = tmp_path / "shared.yaml"
    shutil.copy(RIVERSIDE, shared)
    shared.chmod(0o644)
    umask = os.umask(0)
    os.umask(umask)
    result = run("render", "-f", "html", "--sections", "cover", "-o", tmp_path, shared)
    assert stat.S_IMODE((tmp_path / "shared.html").stat().st_mode) == 0o644 & ~umask


def test_a_file_name_that_is_not_utf8_renders(tmp_path):
    folder = os.fsencode(tmp_path)
    name = os.path.join(folder, b"caf\xe9.yaml")
    with open(name, "wb") as fh:
        fh.write(RIVERSIDE.read_bytes())
    shutil.copytree(ROOT / "canvases" / "assets", tmp_path / "assets")
    out = tmp_path / "out"
    result = run("render", "--sections", "cover", "-o", out, os.fsdecode(name))
    assert result.exit_code == 0, result.output
    assert "internal error" not in result.output
    written = sorted(os.listdir(os.fsencode(out)))
    assert written == [b"caf\xe9.html", b"caf\xe9.pdf"]
    html = (out / os.fsdecode(b"caf\xe9.html")).read_text(encoding="utf-8")
    assert "caf\ufffd.yaml" in html  # the name as text, the odd byte shown as such


class _Watched(MutableMapping):
    """os.environ, with every write recorded."""

    def __init__(self, real):
        self.real = real
        self.writes: list[str] = []

    def __getitem__(self, key):
        return self.real[key]

    def __setitem__(self, key, value):
        self.writes.append(key)
        self.real[key] = value

    def __delitem__(self, key):
        self.writes.append(key)
        del self.real[key]

    def __iter__(self):
        return iter(self.real)

    def __len__(self):
        return len(self.real)


def test_the_pdf_step_leaves_the_environment_alone(monkeypatch):
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    watched = _Watched(os.environ)
    monkeypatch.setattr(os, "environ", watched)
    html = "<html><body><p>Text and an emoji 🩺</p></body></html>"
    first = html_to_pdf(html, epoch=1_700_000_000)
    assert watched.writes == []
    assert first == html_to_pdf(html, epoch=1_700_000_000)  # still the same bytes


def test_canvas_text_with_urls_renders(tmp_path):
    path = tmp_path / "urls.yaml"
    path.write_text(
        HEAD.replace("title: T", "title: 'Moving to url(https://example.org/next)'")
        + "customer_relationships:\n  answers:\n    cost: See @import 'x' and src=http://x\n"
    )
    result = run("render", "-f", "html", "-o", tmp_path / "out", path)
    assert result.exit_code == 0, result.output
    html = (tmp_path / "out" / "urls.html").read_text()
    assert "Moving to url(https://example.org/next)" in html


def test_a_canvas_error_crosses_the_render_process_whole(tmp_path):
    path = tmp_path / "broken.yaml"
    path.write_text(HEAD + "segments: 3\n")
    with pytest.raises(CanvasError) as raised:
        render_file(path, tmp_path / "out", ("html",))
    (problem,) = raised.value.problems
    assert (problem.line, problem.column) == (5, 11)


def test_one_limits_serves_many_renders_its_clock_starts_with_each(tmp_path):
    # a Limits made long ago (or reused across canvases) does not count the time before
    limits = Limits(seconds=60, started=time.monotonic() - 3600)
    result = render_file(str(RIVERSIDE), str(tmp_path), ("html",), limits=limits)
    assert [Path(p).name for p in result.outputs] == ["riverside-health-plan.html"]
