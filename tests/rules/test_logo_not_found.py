import shutil

from modelh.check.checker import check_source

from .util import WORKED, worked_example_findings

CODE = "MH010"
HEAD = "modelh: 1\ncanvas:\n  title: T\n  organization: O\n  branding:\n    logo: {logo}\n"


def findings(tmp_path, logo):
    path = tmp_path / "c.yaml"
    path.write_text(HEAD.format(logo=logo))
    return [
        (f.line, f.column, f.message)
        for f in check_source(path.read_text(), str(path)).findings
        if f.code == CODE
    ]


def test_fires_when_the_logo_is_missing_or_not_an_image(tmp_path):
    assert findings(tmp_path, "assets/logo.svg") == [
        (6, 11, "logo 'assets/logo.svg' is not a file in the canvas's folder")
    ]
    (tmp_path / "notes.txt").write_text("hello")
    assert findings(tmp_path, "notes.txt") == [
        (6, 11, "logo 'notes.txt' is not an SVG, PNG, JPEG, GIF or WebP image")
    ]


def test_fires_when_a_link_leads_out(tmp_path):
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "logo.png").write_bytes(b"\x89PNG")
    folder = tmp_path / "canvas"
    folder.mkdir()
    (folder / "logo.png").symlink_to(outside / "logo.png")
    assert findings(folder, "logo.png") == [
        (6, 11, "logo 'logo.png' leads out of the canvas's folder")
    ]


def test_quiet_when_the_logo_is_there(tmp_path):
    shutil.copy(WORKED.parent / "assets" / "riverside-logo.svg", tmp_path / "logo.svg")
    assert findings(tmp_path, "logo.svg") == []
    assert worked_example_findings(CODE) == []
