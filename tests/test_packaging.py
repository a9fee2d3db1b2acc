"""The wheel carries templates/ and canvases/, and modelh finds them when installed."""

from __future__ import annotations

import shutil
import subprocess
import sys
import zipfile

import pytest

from modelh import resources

from .conftest import ROOT


def test_resources_found_in_the_checkout():
    assert resources.templates_dir() == ROOT / "templates"
    assert resources.examples_dir() == ROOT / "canvases"
    assert len(resources.example_canvases()) >= 3


def _build_wheel(tmp_path):
    build = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "-w",
            str(tmp_path / "dist"),
            str(ROOT),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert build.returncode == 0, build.stderr
    return next((tmp_path / "dist").glob("modelh-*.whl"))


def test_wheel_ships_templates_canvases_and_schema_and_finds_them(tmp_path):
    wheel = _build_wheel(tmp_path)
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        archive.extractall(tmp_path / "site")
    assert "modelh/data/canvas.schema.json" in names
    assert any(n.startswith("modelh/_data/templates/") for n in names)
    assert "modelh/_data/canvases/riverside-health-plan.yaml" in names
    assert "modelh/fonts/Inter-Regular.woff2" in names and "modelh/fonts/OFL.txt" in names
    assert "modelh/py.typed" in names  # the package's type hints reach its users (PEP 561)
    # Run from the unpacked wheel, not from the checkout.
    probe = subprocess.run(
        [
            sys.executable,
            "-c",
            "import modelh, modelh.resources as r, modelh.canvas.schema as s;"
            "print(modelh.__file__); print(r.templates_dir()); print(r.examples_dir());"
            "print(len(s.shipped_schema_text()) > 1000)",
        ],
        capture_output=True,
        text=True,
        check=False,
        cwd=tmp_path,
        env={"PYTHONPATH": str(tmp_path / "site"), "PATH": "/usr/bin:/bin"},
    )
    assert probe.returncode == 0, probe.stderr
    module, templates, examples, schema_ok = probe.stdout.split("\n")[:4]
    site = str(tmp_path / "site")
    assert module.startswith(site)
    assert templates == f"{site}/modelh/_data/templates"
    assert examples == f"{site}/modelh/_data/canvases"
    assert schema_ok == "True"


#: The locked packages as wheels, fetched by `make setup` (see the Makefile).
WHEELS = ROOT / ".make" / "wheels"


@pytest.mark.slow
def test_the_wheel_installs_into_a_fresh_venv_from_local_wheels_and_renders_a_pdf(tmp_path):
    assert any(WHEELS.glob("*.whl")), "the wheel folder is made by `make setup`"
    wheel = _build_wheel(tmp_path)
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    install = subprocess.run(
        [
            str(venv / "bin" / "python"),
            "-m",
            "pip",
            "install",
            "--quiet",
            "--no-index",
            "--find-links",
            str(WHEELS),
            str(wheel),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert install.returncode == 0, install.stderr
    # A consultant's folder, away from the checkout: the installed modelh renders from
    # its own templates and fonts.
    work = tmp_path / "client"
    work.mkdir()
    shutil.copy(ROOT / "canvases" / "riverside-health-plan.yaml", work / "riverside.yaml")
    shutil.copytree(ROOT / "canvases" / "assets", work / "assets")
    render = subprocess.run(
        [str(venv / "bin" / "modelh"), "render", "riverside.yaml", "-f", "pdf", "-o", "out"],
        capture_output=True,
        text=True,
        check=False,
        cwd=work,
        env={"PATH": "/usr/bin:/bin", "HOME": str(tmp_path)},
    )
    assert render.returncode == 0, render.stdout + render.stderr
    pdf = work / "out" / "riverside.pdf"
    assert pdf.read_bytes().startswith(b"%PDF-")
    from pypdf import PdfReader

    text = "".join(page.extract_text() for page in PdfReader(pdf).pages)
    assert "Riverside Health Plan" in text
