"""The project settings' report section: the consulting firm on every cover.

``report.firm`` (name, logo, colour) lives in the checker's configuration file
(``.modelh.yaml``, or ``[tool.modelh.report.firm]`` in pyproject.toml), read by
the same loader: its keys are checked like every other, its logo follows the
client's logo policy beside the settings file, and ``modelh render`` finds the
file the way ``modelh check`` does and says which it used.
"""

from __future__ import annotations

import base64
import io
import os
import subprocess
import sys
from pathlib import Path

import pytest

from modelh import load_canvas
from modelh.check.config import Firm, load_config
from modelh.errors import UsageError
from modelh.report.render import ReportError, ReportOptions, render_html

from .conftest import ROOT

RIVERSIDE = ROOT / "canvases" / "riverside-health-plan.yaml"
TIMEOUT = 120  # a render takes seconds; a hang fails the test

#: A small firm logo, unlike the client's.
LOGO = (
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 40 40" width="40" height="40">'
    '<rect width="40" height="40" rx="6" fill="#3a3a6e"/></svg>\n'
)

YAML_SETTINGS = """\
ignore: [MH103]
report:
  firm:
    name: Northwind Advisory
    logo: brand/northwind.svg
    color: "#3a3a6e"
"""

TOML_SETTINGS = """\
[project]
name = "acme-canvases"

[tool.modelh]
ignore = ["MH103"]

[tool.modelh.report.firm]
name = "Northwind Advisory"
logo = "brand/northwind.svg"
color = "#3a3a6e"
"""


def project(tmp_path: Path, name: str, settings: str) -> Path:
    """A repository with the settings file, the firm's logo and the worked example."""
    (tmp_path / ".git").mkdir()
    (tmp_path / "brand").mkdir()
    (tmp_path / "brand" / "northwind.svg").write_text(LOGO, encoding="utf-8")
    (tmp_path / "canvases" / "assets").mkdir(parents=True)
    (tmp_path / "canvases" / "riverside.yaml").write_bytes(RIVERSIDE.read_bytes())
    logo = RIVERSIDE.parent / "assets" / "riverside-logo.svg"
    (tmp_path / "canvases" / "assets" / "riverside-logo.svg").write_bytes(logo.read_bytes())
    (tmp_path / name).write_text(settings, encoding="utf-8")
    return tmp_path


def modelh(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "modelh", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
        env={**os.environ, "NO_COLOR": "1", "COLUMNS": "200"},
        check=False,
    )


def load_in(folder: Path) -> object:
    old = os.getcwd()
    os.chdir(folder)
    try:
        return load_config(None, discover=True)
    finally:
        os.chdir(old)


# ---------------------------------------------------------------------------
# Accepted in both files


@pytest.mark.parametrize(
    "name, settings",
    [
        (".modelh.yaml", YAML_SETTINGS),
        ("pyproject.toml", TOML_SETTINGS),
        (
            "pyproject.toml",
            '[tool.modelh]\nreport.firm = {name = "Northwind Advisory", '
            'logo = "brand/northwind.svg", color = "#3a3a6e"}\n',
        ),
    ],
    ids=["yaml", "toml-table", "toml-inline"],
)
def test_the_firm_is_read_from_either_settings_file(tmp_path, name, settings):
    project(tmp_path, name, settings)
    config = load_in(tmp_path / "canvases")  # found by walking up, as check finds it
    assert config.firm == Firm(
        "Northwind Advisory",
        "brand/northwind.svg",
        "#3a3a6e",
        str(tmp_path.resolve() / name),
        config.firm.logo_at,
    )
    assert config.firm.logo_at.startswith(f"{tmp_path.resolve() / name}:")
    result = modelh("check", "canvases/riverside.yaml", cwd=tmp_path)
    assert result.returncode == 0, result.stderr  # check accepts the report section


def test_render_finds_the_settings_as_check_does_and_says_which(tmp_path):
    project(tmp_path, ".modelh.yaml", YAML_SETTINGS)
    (tmp_path.parent / ".modelh.yaml").write_text("report: {bad: 1}\n")  # above the repository
    try:
        result = modelh("render", "-f", "html", "riverside.yaml", cwd=tmp_path / "canvases")
    finally:
        (tmp_path.parent / ".modelh.yaml").unlink()
    assert result.returncode == 0, result.stderr
    settings = tmp_path.resolve() / ".modelh.yaml"
    assert f"modelh: using configuration {settings}" in result.stderr
    html = (tmp_path / "canvases" / "out" / "riverside.html").read_text(encoding="utf-8")
    assert "Northwind Advisory" in html


# ---------------------------------------------------------------------------
# Refused, at the place


@pytest.mark.parametrize(
    "settings, message",
    [
        (
            "report:\n  firm:\n    name: Northwind\n    colour: '#3a3a6e'\n",
            ".modelh.yaml:4:5: unknown key 'colour' in report.firm (the keys: name, logo, "
            "color); did you mean 'color'?",
        ),
        (
            "report:\n  frim: {name: Northwind}\n",
            ".modelh.yaml:2:3: unknown key 'frim' in report (the keys: firm); did you mean 'firm'?",
        ),
        (
            "reprot:\n  firm: {name: Northwind}\n",
            ".modelh.yaml:1:1: unknown key 'reprot' (the keys: select, ignore, fail-on, exclude, "
            "severity, rules, per-file-ignores, report); did you mean 'report'?",
        ),
        (
            "report:\n  firm:\n    name: Northwind\n    color: #3a3a6e\n",
            ".modelh.yaml:4:5: report.firm.color '#3a3a6e' is read as a comment: "
            'quote it, "#3a3a6e"',
        ),
        (
            "report:\n  firm: {name: Northwind, color: navy}\n",
            ".modelh.yaml:2:34: report.firm.color 'navy' is not a colour",
        ),
        ("report: [firm]\n", ".modelh.yaml:1:9: 'report' must be a table of keys"),
        (
            '[tool.modelh.report.firm]\nname = "Northwind"\ncolr = "#3a3a6e"\n',
            "pyproject.toml:3:1: unknown key 'colr' in report.firm (the keys: name, logo, "
            "color); did you mean 'color'?",
        ),
        (
            '[tool.modelh]\nreport = {firm = {name = "N", size = 3}}\n',
            "pyproject.toml:2:31: unknown key 'size' in report.firm",
        ),
    ],
    ids=[
        "yaml-firm-key",
        "yaml-report-key",
        "top-key",
        "unquoted-colour",
        "bad-colour",
        "report-list",
        "toml-firm-key",
        "toml-inline-key",
    ],
)
def test_bad_report_settings_are_refused_at_their_place(tmp_path, settings, message):
    name = "pyproject.toml" if settings.startswith("[") else ".modelh.yaml"
    project(tmp_path, name, settings)
    result = modelh("render", "-f", "html", "canvases/riverside.yaml", cwd=tmp_path)
    assert result.returncode == 2, result.stderr
    assert f"{tmp_path.resolve() / message}" in result.stderr
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "out").exists()
    assert modelh("check", "canvases/riverside.yaml", cwd=tmp_path).returncode == 2


@pytest.mark.parametrize(
    "logo, reason",
    [
        ("../northwind.svg", "leads out of the settings file's folder"),
        ("/etc/hostname", "a logo must be a file beside the settings file"),
        ("https://example.com/logo.svg", "not a URL or an absolute path"),
        ("brand/missing.svg", "is not a file in the settings file's folder"),
        ("notes.txt", "is not an SVG, PNG, JPEG, GIF or WebP image"),
        ("brand/link.svg", "leads out of the settings file's folder"),
        ("brand/huge.png", "more than the limit of 16 million pixels"),
    ],
)
@pytest.mark.parametrize("name", [".modelh.yaml", "pyproject.toml"])
def test_a_bad_firm_logo_is_refused_at_its_place(tmp_path, logo, reason, name):
    inside = tmp_path / "project"
    inside.mkdir()
    (tmp_path / "northwind.svg").write_text(LOGO, encoding="utf-8")  # outside the folder
    settings = (
        f"report:\n  firm:\n    name: Northwind\n    logo: '{logo}'\n"
        if name == ".modelh.yaml"
        else f"[tool.modelh.report.firm]\nname = 'Northwind'\nlogo = '{logo}'\n"
    )
    project(inside, name, settings)
    (inside / "notes.txt").write_text("not an image")
    (inside / "brand" / "link.svg").symlink_to(tmp_path / "northwind.svg")
    (inside / "brand" / "huge.png").write_bytes(
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + (9400).to_bytes(4, "big") * 2 + b"\x08\x02\x00"
    )
    result = modelh("render", "-f", "html", "canvases/riverside.yaml", cwd=inside)
    assert result.returncode == 2, result.stderr
    at = "4:11" if name == ".modelh.yaml" else "3:8"
    assert f"{inside.resolve() / name}:{at}: report.firm: logo '{logo}'" in result.stderr
    assert reason in result.stderr
    assert "Traceback" not in result.stderr


def test_a_firm_logo_gone_since_the_settings_were_read_refuses_the_report(tmp_path):
    project(tmp_path, ".modelh.yaml", YAML_SETTINGS)
    firm = load_in(tmp_path).firm
    (tmp_path / "brand" / "northwind.svg").unlink()
    with pytest.raises(ReportError) as info:
        render_html(load_canvas(tmp_path / "canvases" / "riverside.yaml"), firm=firm)
    assert info.value.message.startswith(f"{tmp_path.resolve() / '.modelh.yaml'}:5:11: ")
    assert "is not a file in the settings file's folder" in info.value.message


def test_settings_without_a_name_or_logo_for_the_firm_are_refused(tmp_path):
    project(tmp_path, ".modelh.yaml", "report:\n  firm: {color: '#3a3a6e'}\n")
    with pytest.raises(
        UsageError, match=r"\.modelh\.yaml:2:3: report\.firm needs a name or a logo"
    ):
        load_in(tmp_path)


# ---------------------------------------------------------------------------
# The cover


def test_the_cover_shows_the_firm_and_the_clients_branding(tmp_path):
    project(tmp_path, ".modelh.yaml", YAML_SETTINGS)
    firm = load_in(tmp_path).firm
    canvas = load_canvas(tmp_path / "canvases" / "riverside.yaml")
    cover = render_html(canvas, ReportOptions(sections=("cover",)), firm=firm)
    cover = cover.split('<section class="report-section cover"')[1].split("</section>")[0]
    encoded = base64.b64encode(LOGO.encode()).decode()
    assert f'src="data:image/svg+xml;base64,{encoded}"' in cover  # the firm's logo, embedded
    assert 'alt="Northwind Advisory logo"' in cover
    assert 'alt="Riverside Health Plan logo"' in cover  # the client's, as before
    assert 'style="border-top-color: #3a3a6e"' in cover  # the firm's colour
    assert "Prepared by" in cover and "Northwind Advisory" in cover
    without = render_html(canvas, ReportOptions(sections=("cover",)))
    assert "Northwind" not in without and 'class="firm"' not in without


def test_a_long_firm_name_is_cut_visibly_on_the_cover(tmp_path):
    project(tmp_path, ".modelh.yaml", YAML_SETTINGS.replace("Advisory", "Advisory " * 60))
    firm = load_in(tmp_path).firm
    canvas = load_canvas(tmp_path / "canvases" / "riverside.yaml")
    cover = render_html(canvas, ReportOptions(sections=("cover",)), firm=firm)
    shown = cover.split('<p class="firm-name"')[1].split("</p>")[0].split(">", 1)[1]
    assert shown.startswith("Northwind Advisory") and shown.endswith("…")
    assert len(shown) <= 81


def test_the_pdf_cover_names_the_firm(tmp_path):
    pypdf = pytest.importorskip("pypdf")
    pytest.importorskip("weasyprint")
    project(tmp_path, "pyproject.toml", TOML_SETTINGS)
    result = modelh("render", "-f", "pdf", "--sections", "cover,canvas", "canvases", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    reader = pypdf.PdfReader(io.BytesIO((tmp_path / "out" / "riverside.pdf").read_bytes()))
    cover = " ".join(reader.pages[0].extract_text().split())
    assert "PREPARED BY" in cover.upper() and "Northwind Advisory" in cover
    assert "Riverside Health Plan" in cover


# ---------------------------------------------------------------------------
# Where a key of a pyproject.toml stands


def test_the_toml_scan_places_keys_past_comments_strings_and_other_tables():
    from modelh.check.places import toml_places

    text = (
        "[project]\n"
        'name = "report.firm = {"  # not the key\n'
        "[tool.modelh]\n"
        "# report = 1\n"
        'ignore = """MH1\n'
        'colour = "#3a3a6e"\n'
        '"""\n'
        "[[tool.other]]\n"
        "x = 1\n"
        "[tool.modelh.report.firm]\n"
        "name = 'x'  # a note\n"
        '"colour" = "#3a3a6e"\n'
    )
    places = toml_places(text)
    assert places.keys[("ignore",)] == (5, 1)
    assert places.keys[("report", "firm", "colour")] == (12, 1)
    assert places.values[("report", "firm", "name")] == (11, 8)
    assert ("colour",) not in places.keys  # inside a string
    assert ("report",) in places.keys and ("x",) not in places.keys


def test_the_toml_scan_never_fails_on_any_text():
    from hypothesis import given, settings
    from hypothesis import strategies as st

    from modelh.check.places import toml_places

    pieces = st.sampled_from(
        ["[", "]", "{", "}", "=", ",", ".", "\n", '"', "'", "#", '"""', "a", "tool", "modelh", " "]
    )

    @settings(deadline=None, max_examples=300)
    @given(st.lists(pieces, max_size=60).map("".join))
    def scan(text: str) -> None:
        toml_places("[tool.modelh]\n" + text)

    scan()
