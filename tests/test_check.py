"""modelh check as a user runs it: discovery, configuration, suppressions, exit codes,
output formats."""

from __future__ import annotations

import json
import textwrap
from pathlib import Path

import pytest
from typer.testing import CliRunner

from modelh.check.checker import run_checks
from modelh.check.config import load_config
from modelh.check.rules import all_rules
from modelh.cli.main import app

from .conftest import ROOT

runner = CliRunner()

GAPPY = """\
modelh: 1
canvas:
  title: Medicare Advantage 2027
  organization: Riverside Health Plan
  status: {status}
customer_relationships:
  answers:
    sharing: TBD
    growth: Word of mouth.
"""


def canvas(tmp_path: Path, text: str = GAPPY, name: str = "c.yaml", status: str = "draft"):
    path = tmp_path / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text).replace("{status}", status), encoding="utf-8")
    return path


def check(*args: str, cwd: Path | None = None):
    import os

    old = os.getcwd()
    if cwd is not None:
        os.chdir(cwd)
    try:
        return runner.invoke(app, ["check", *args])
    finally:
        os.chdir(old)


def codes(result) -> list[str]:
    return [f["code"] for f in json.loads(result.stdout)["findings"]]


# --- discovery ---------------------------------------------------------------


def test_a_folder_is_searched_and_a_broken_canvas_is_still_found(tmp_path):
    canvas(tmp_path, name="good.yaml")
    (tmp_path / "broken.yaml").write_text("modelh: 1\ncanvas: [unclosed\n")
    (tmp_path / "other.yaml").write_text("services: {}\n")
    (tmp_path / "notes.txt").write_text("modelh: 1\n")
    result = check("--isolated", "-f", "json", str(tmp_path), cwd=tmp_path)
    data = json.loads(result.stdout)
    assert sorted(Path(f["file"]).name for f in data["files"]) == ["broken.yaml", "good.yaml"]
    broken = [f for f in data["findings"] if f["file"].endswith("broken.yaml")]
    assert broken[0]["code"] == "MH001" and broken[0]["severity"] == "error"
    assert result.exit_code == 1


def test_an_explicit_non_canvas_is_reported_unless_canvases_only(tmp_path):
    other = tmp_path / "compose.yaml"
    other.write_text("services: {}\n")
    result = check("--isolated", "-f", "json", str(other), cwd=tmp_path)
    assert codes(result) == ["MH009"] and result.exit_code == 1
    result = check("--isolated", "--canvases-only", str(other), cwd=tmp_path)
    assert result.exit_code == 0


def test_missing_path_is_a_usage_error(tmp_path):
    result = check(str(tmp_path / "nope.yaml"))
    assert result.exit_code == 2 and "no such file" in result.output


# --- exit codes ----------------------------------------------------------------


def test_warnings_pass_by_default_and_fail_with_fail_on_warning(tmp_path):
    path = canvas(tmp_path)
    assert check("--isolated", str(path), cwd=tmp_path).exit_code == 0
    assert check("--isolated", "--fail-on", "warning", str(path), cwd=tmp_path).exit_code == 1
    assert (
        check(
            "--isolated", "--fail-on", "warning", "--exit-zero", str(path), cwd=tmp_path
        ).exit_code
        == 0
    )


def test_a_final_canvas_fails_on_warnings(tmp_path):
    path = canvas(tmp_path, status="final")
    result = check("--isolated", str(path), cwd=tmp_path)
    assert result.exit_code == 1


def test_errors_fail(tmp_path):
    path = canvas(tmp_path, text="modelh: 1\ncanvas: {title: a, organization: b, status: x}\n")
    result = check("--isolated", "-f", "concise", str(path), cwd=tmp_path)
    assert result.exit_code == 1
    assert f"{path}:2:45: error MH008 status 'x' is not one of" in result.stdout


# --- configuration -------------------------------------------------------------


def test_pyproject_configuration_selects_ignores_and_sets_severity(tmp_path):
    (tmp_path / "pyproject.toml").write_text(
        '[tool.modelh]\nignore = ["MH101"]\n[tool.modelh.severity]\nplaceholder-answer = "error"\n'
        "[tool.modelh.rules.thin-answer]\nmin_words = 2\n"
    )
    path = canvas(tmp_path, name="sub/c.yaml")
    result = check("-f", "json", "sub", cwd=tmp_path)
    data = json.loads(result.stdout)
    got = {(f["code"], f["severity"]) for f in data["findings"]}
    assert ("MH102", "error") in got
    assert not any(c == "MH101" for c, _ in got)
    assert not any(c == "MH103" for c, _ in got)  # "Word of mouth." has 3 words >= 2
    assert result.exit_code == 1
    assert path.exists()


def test_modelh_yaml_configuration_with_per_file_ignores_and_exclude(tmp_path):
    (tmp_path / ".modelh.yaml").write_text(
        "per-file-ignores:\n  'drafts/*.yaml': [MH1]\nexclude: ['archive/**']\n"
    )
    canvas(tmp_path, name="drafts/a.yaml")
    canvas(tmp_path, name="archive/old.yaml")
    canvas(tmp_path, name="live/b.yaml")
    result = check("-f", "json", ".", cwd=tmp_path)
    data = json.loads(result.stdout)
    files = {Path(f["file"]).as_posix() for f in data["files"]}
    assert files == {"drafts/a.yaml", "live/b.yaml"}
    assert not [
        f
        for f in data["findings"]
        if f["file"].startswith("drafts") and f["code"].startswith("MH1")
    ]
    assert [
        f for f in data["findings"] if f["file"].startswith("live") and f["code"].startswith("MH1")
    ]


def test_configuration_is_found_by_walking_up(tmp_path):
    (tmp_path / ".git").mkdir()  # up to the repository's root, no higher
    (tmp_path / ".modelh.yaml").write_text("ignore: [MH1]\n")
    deep = tmp_path / "a" / "b"
    deep.mkdir(parents=True)
    canvas(deep)
    result = check("-f", "json", "c.yaml", cwd=deep)
    assert not [c for c in codes(result) if c.startswith("MH1")]


@pytest.mark.parametrize(
    "content, message",
    [
        ("ignore: [MH999]\n", "no rule is called 'MH999'"),
        ("colour: red\n", "unknown key 'colour'"),
        ("fail-on: fatal\n", "'fail-on' must be one of"),
        ("rules: {thin-answer: {min_word: 3}}\n", "has no option 'min_word'"),
        ("rules: {thin-answer: {min_words: many}}\n", "must be int"),
        ("severity: {MH101: loud}\n", "'loud' is not one of"),
        ("ignore: [MH1\n", "not valid YAML"),
        ("ignore: [MH101]\nignore: [MH102]\n", ".modelh.yaml:2:1: key 'ignore' is written twice"),
        ("rules: {thin-answer: {min_words: -5}}\n", "must be 1 or more"),
        ("select: []\n", "'select' is empty"),
        ("severity: {MH102: info, placeholder-answer: error}\n", "given twice"),
    ],
)
def test_bad_configuration_is_a_clear_usage_error(tmp_path, content, message):
    (tmp_path / ".modelh.yaml").write_text(content)
    path = canvas(tmp_path)
    result = check(str(path), cwd=tmp_path)
    assert result.exit_code == 2
    assert message in result.output
    assert "Traceback" not in result.output


def test_select_and_ignore_on_the_command_line(tmp_path):
    path = canvas(tmp_path)
    result = check(
        "--isolated", "-f", "json", "--select", "MH102,thin-answer", str(path), cwd=tmp_path
    )
    assert set(codes(result)) == {"MH102", "MH103"}
    result = check("--isolated", "--select", "MH77", str(path), cwd=tmp_path)
    assert result.exit_code == 2 and "no rule is called 'MH77'" in result.output


# --- suppressions ----------------------------------------------------------------


def test_inline_suppressions_on_the_line_and_the_line_before_and_file_wide(tmp_path):
    text = GAPPY.replace("    sharing: TBD", "    sharing: TBD  # modelh: disable=MH102")
    text = text.replace("    growth:", "    # modelh: disable=thin-answer\n    growth:")
    path = canvas(tmp_path, text=text)
    got = codes(check("--isolated", "-f", "json", str(path), cwd=tmp_path))
    assert "MH102" not in got and "MH103" not in got
    path = canvas(tmp_path, text="# modelh: disable-file=MH1\n" + GAPPY)
    got = codes(check("--isolated", "-f", "json", str(path), cwd=tmp_path))
    assert not [c for c in got if c.startswith("MH1")]


def test_a_suppression_that_suppresses_nothing_is_reported(tmp_path):
    text = GAPPY.replace("  title: Medicare", "  # modelh: disable=MH102\n  title: Medicare")
    path = canvas(tmp_path, text=text)
    result = check("--isolated", "-f", "json", str(path), cwd=tmp_path)
    unused = [f for f in json.loads(result.stdout)["findings"] if f["code"] == "MH090"]
    assert len(unused) == 1
    assert (unused[0]["line"], unused[0]["column"]) == (3, 3)
    assert unused[0]["message"] == "'# modelh: disable=MH102' suppresses nothing here"


# --- output formats ----------------------------------------------------------------


def test_json_has_flat_findings_and_completeness(tmp_path):
    path = canvas(tmp_path)
    data = json.loads(check("--isolated", "-f", "json", str(path), cwd=tmp_path).stdout)
    keys = {
        "code",
        "name",
        "severity",
        "file",
        "line",
        "column",
        "end_line",
        "end_column",
        "path",
        "message",
        "fix",
    }
    assert all(set(f) == keys for f in data["findings"])
    completeness = data["files"][0]["completeness"]
    assert set(completeness) == {"answers", "dimensions", "measures", "segments", "overall"}
    assert all(0 <= v <= 100 for v in completeness.values())


def test_text_shows_the_line_with_a_caret_and_the_fix_without_colour_when_piped(tmp_path):
    path = canvas(tmp_path)
    out = check("--isolated", str(path), cwd=tmp_path).stdout
    assert "\x1b[" not in out
    assert "     8 │     sharing: TBD" in out
    assert "│              ^^^" in out
    assert "fix: write the answer" in out
    assert "completeness: answers" in out


def test_github_annotations_escape_their_properties(tmp_path):
    path = canvas(tmp_path, name="a,b.yaml")
    out = check("--isolated", "-f", "github", str(path), cwd=tmp_path).stdout
    line = next(x for x in out.splitlines() if "MH102" in x)
    assert line.startswith("::warning file=")
    assert "a%2Cb.yaml,line=8,col=14," in line
    assert line.endswith("::answer 'sharing' is a placeholder: 'TBD'")


def test_every_rule_appears_in_sarif_and_json_round_trips(tmp_path):
    path = canvas(tmp_path)
    log = json.loads(check("--isolated", "-f", "sarif", str(path), cwd=tmp_path).stdout)
    assert log["version"] == "2.1.0"
    ids = [r["id"] for r in log["runs"][0]["tool"]["driver"]["rules"]]
    assert ids == [r.code for r in all_rules()]


def test_parallel_and_serial_checks_agree(tmp_path):
    for i in range(60):
        canvas(tmp_path, name=f"c{i:02}.yaml")
    serial = run_checks([str(tmp_path)], load_config(None, discover=False), jobs=1)
    parallel = run_checks([str(tmp_path)], load_config(None, discover=False), jobs=2)
    assert serial == parallel
    assert len(serial.files) == 60


def test_examples_get_the_findings_their_state_deserves():
    report = run_checks([str(ROOT / "canvases")], load_config(None, discover=False))
    by_file = {Path(r.file).stem: r for r in report.files}
    worked = by_file["riverside-health-plan"]
    assert [f for f in worked.findings if f.severity != "info"] == []
    assert worked.completeness["overall"] >= 95
    half = by_file["lakeshore-medical-group"]
    draft = by_file["tidewell-cardiometabolic"]
    assert draft.completeness["overall"] < half.completeness["overall"] < 95
    assert len([f for f in half.findings if f.severity == "warning"]) >= 8
    assert len([f for f in draft.findings if f.severity == "warning"]) >= 8


def test_hostile_canvases_give_findings_never_a_traceback(tmp_path):
    (tmp_path / "binary.yaml").write_bytes(b"modelh: 1\n\x00\xff\xfe" * 50)
    bomb = "modelh: 1\na: &a [x, x]\nb: &b [*a, *a]\nc: [*b, *b]\n"
    (tmp_path / "bomb.yaml").write_text(bomb)
    (tmp_path / "types.yaml").write_text(
        "modelh: 1\ncanvas: [1]\nsegments: {a: 1}\nchannels: 7\n"
        "customer_relationships: {answers: [1], dimensions: 3, measures: {x: 1}}\n"
    )
    (tmp_path / "deep.yaml").write_text("modelh: 1\nx: " + "[" * 5000 + "]" * 5000 + "\n")
    result = check("--isolated", "-f", "json", str(tmp_path), cwd=tmp_path)
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    data = json.loads(result.stdout)
    assert len(data["files"]) == 4
    assert all(f["severity"] == "error" for f in data["findings"])


def test_escape_codes_in_a_canvas_or_a_file_name_are_shown_not_obeyed(tmp_path):
    folder = tmp_path / "repo"
    folder.mkdir()
    (folder / "evil\n::error file=z::x.yaml").write_text(
        'modelh: 1\ncanvas: {title: t, organization: o, status: "\x1b[2Kdraft"}\n'
    )
    for fmt in ("text", "concise"):
        out = check("--isolated", "-f", fmt, str(folder), cwd=tmp_path).stdout
        assert "\x1b" not in out
        assert not any(line.startswith("::") for line in out.splitlines())
        assert "evil\\n::error" in out
    text = check("--isolated", str(folder), cwd=tmp_path).stdout
    assert "\\x1b[2Kdraft" in text  # the source line, as written


def test_words_inside_a_value_are_not_a_suppression(tmp_path):
    text = GAPPY.replace(
        "  status: {status}",
        '  status: {status}\n  prepared_for: "Board # modelh: disable-file=ALL"',
    )
    path = canvas(tmp_path, text=text)
    got = codes(check("--isolated", "-f", "json", str(path), cwd=tmp_path))
    assert "MH102" in got and "MH090" not in got


def test_a_canvas_that_does_not_load_always_fails(tmp_path):
    path = canvas(tmp_path, text="modelh: 1\ncanvas: [unclosed\n")
    (tmp_path / ".modelh.yaml").write_text("ignore: [MH001]\nper-file-ignores: {'*': [ALL]}\n")
    for args in (["--select", "MH2"], ["--ignore", "MH0"], []):
        result = check("-f", "concise", *args, str(path), cwd=tmp_path)
        assert result.exit_code == 1 and "MH001" in result.stdout


def test_a_misspelt_directive_is_reported(tmp_path):
    text = GAPPY.replace("    sharing: TBD", "    sharing: TBD  # modelh: disabel=MH102")
    path = canvas(tmp_path, text=text)
    found = json.loads(check("--isolated", "-f", "json", str(path), cwd=tmp_path).stdout)
    codes_ = [f["code"] for f in found["findings"]]
    assert "MH102" in codes_
    assert any(
        f["message"] == "'# modelh: disabel=MH102' is not a modelh directive"
        for f in found["findings"]
    )


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        ("dr\u202eaft", "dr\\u202eaft"),
        ("\u8349\u7a3f", "\u8349\u7a3f"),
    ],
)
def test_the_caret_underlines_the_value_as_it_is_shown(tmp_path, value, shown):
    # escapes are wider than the characters they stand for; CJK characters take two cells
    path = tmp_path / "c.yaml"
    path.write_text(
        f'modelh: 1\ncanvas:\n  title: T\n  organization: O\n  status: "{value}"\n',
        encoding="utf-8",
    )
    lines = check("--isolated", str(path)).output.splitlines()
    source = next(i for i, line in enumerate(lines) if line.endswith(f'status: "{shown}"'))
    caret_line = lines[source + 1]
    start = lines[source].index('"')
    assert caret_line.index("^") == start
    width = 2 + sum(2 if "\u4e00" <= c <= "\u9fff" else 1 for c in shown)
    assert caret_line.count("^") == width


def test_a_canvas_left_mid_merge_names_the_conflict_not_a_yaml_riddle(tmp_path):
    text = (ROOT / "canvases" / "tidewell-cardiometabolic.yaml").read_text(encoding="utf-8")
    line = '  version: "0.1"\n'
    assert line in text
    conflicted = text.replace(
        line, '<<<<<<< HEAD\n  version: "0.2"\n=======\n  version: "0.3"\n>>>>>>> workshop\n', 1
    )
    path = tmp_path / "tidewell.yaml"
    path.write_text(conflicted, encoding="utf-8")
    marker = conflicted[: conflicted.index("<<<<<<<")].count("\n") + 1
    result = runner.invoke(app, ["check", "--isolated", "-f", "concise", str(path)])
    assert result.exit_code == 1
    first = result.stdout.splitlines()[0]
    assert first.startswith(f"{path}:{marker}:1: error MH001 ")
    assert "merge conflict" in first and "<<<<<<<" in first
