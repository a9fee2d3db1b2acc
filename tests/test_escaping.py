"""Everything modelh prints is escaped for where it goes: a terminal, a CI log
that runs workflow commands, rich markup, JSON and SARIF."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys

import pytest
from typer.testing import CliRunner

from modelh.canvas.editing import CanvasFile
from modelh.check.checker import run_checks
from modelh.check.config import Config
from modelh.check.output import as_json, github, sarif
from modelh.cli.main import app
from modelh.interview.walk import Interview

from .conftest import ROOT, interview_in_a_terminal
from .test_sarif import SCHEMA_FILE, errors

runner = CliRunner()

#: A canvas whose values would act on a terminal: clear the screen, retitle the
#: window, open a hyperlink, blink; and one answer line that is a workflow command.
EVIL = r"""modelh: 1
canvas:
  title: "Plan\e]0;pwned\a"
  organization: O
segments:
  - {id: members, name: "Members\e[2J", role: user, stage: engage, preferences: ["lang\e[31m"]}
channels:
  - {id: app, name: "App\e]8;;http://evil.example\e\\click\e]8;;\e\\", kind: digital}
customer_relationships:
  answers:
    cost: "Cheap\e[2J\e[H"
    growth: "Word of mouth.\n::error::forged"
  dimensions:
    information: {use: core, segments: [members], channels: [app], approach: "Guides\e[2J"}
  measures:
    - {id: nps, name: "NPS\e[5m", domain: customer, indicator: nps, direction: up,
       baseline: 1, target: 2, unit: "pts\e]0;t\a", owner: "CX\e[2J"}
"""

#: What a terminal would obey: CSI clear/home/colour/blink, and OSC (title, hyperlink).
OBEYED = ("\x1b[2J", "\x1b[H", "\x1b[31m", "\x1b[5m", "\x1b]")


def command_lines(text: str) -> list[str]:
    """Lines GitHub Actions would run as workflow commands (it trims leading blanks)."""
    return [line for line in text.splitlines() if line.lstrip().startswith("::")]


def invoke(*args: str, cwd=None):
    old = os.getcwd()
    if cwd is not None:
        os.chdir(cwd)
    try:
        return runner.invoke(app, list(args))
    finally:
        os.chdir(old)


# --- 1. the interview's terminal -----------------------------------------------------


def test_the_interview_shows_escape_codes_from_a_canvas_and_never_sends_them(tmp_path):
    from rich.console import Console

    from modelh.interview.prompter import RichPrompter

    path = tmp_path / "evil.yaml"
    path.write_text(EVIL, encoding="utf-8")
    screen = io.StringIO()
    console = Console(file=screen, force_terminal=True, width=100, color_system=None)
    prompter = RichPrompter(console)
    prompter._input = lambda prefill: ""  # Enter at every step: keep the answer
    Interview(CanvasFile.read(path), prompter, revisit=True).run()
    shown = screen.getvalue()
    assert "Now:" in shown
    for code in OBEYED:
        assert code not in shown
    # shown, visibly, where the canvas holds them: answers, names, choices, "Now:"
    assert "Cheap\\x1b[2J\\x1b[H" in shown  # an answer
    assert "Members\\x1b[2J" in shown  # a segment's name, in the step's heading
    assert "App\\x1b]8;;http://evil.example" in shown  # a channel among the choices
    assert "pts\\x1b]0;t\\x07" in shown  # a measure's unit, in its note
    assert not command_lines(shown)  # a multi-line answer's line cannot run in a CI log


# --- 2. workflow commands in a CI log ------------------------------------------------


def test_a_file_name_cannot_make_a_line_of_text_output_a_workflow_command(tmp_path):
    (tmp_path / "::error title=x::a.yaml").write_text(
        "modelh: 1\ncanvas: {title: t, organization: o}\n", encoding="utf-8"
    )
    (tmp_path / "::warning::broken.yaml").write_text("modelh: 1\ncanvas: [\n", encoding="utf-8")
    # long enough that a folded line would begin with the command
    (tmp_path / ("x" * 90 + " ::error::wrapped.yaml")).write_text(
        "modelh: 1\ncanvas: {title: t, organization: o}\n", encoding="utf-8"
    )
    outputs = {
        f"check -f {fmt}": invoke("check", "--isolated", "-f", fmt, ".", cwd=tmp_path)
        for fmt in ("text", "concise")
    }
    outputs["validate"] = invoke("validate", ".", cwd=tmp_path)
    outputs["render"] = invoke(
        "render", "-f", "html", "-o", str(tmp_path / "out"), "::warning::broken.yaml", cwd=tmp_path
    )
    for name, result in outputs.items():
        assert "warning::broken.yaml" in result.output, name  # named, escaped
        assert command_lines(result.output) == [], name
    for name in ("check -f text", "check -f concise", "validate"):
        assert "\\x3a:error title=x::a.yaml" in outputs[name].output, name
        assert "x ::error::wrapped.yaml" in outputs[name].output, name


def test_a_canvas_value_cannot_send_the_runners_older_command_form(tmp_path):
    path = tmp_path / "c.yaml"
    path.write_text(
        "modelh: 1\ncanvas: {title: t, organization: o}\n"
        "customer_relationships:\n  answers:\n    cost: 'see ##[add-mask]secret'\n",
        encoding="utf-8",
    )
    out = invoke("check", "--isolated", str(path)).output
    assert "##[" not in out and "##\\x5badd-mask]secret" in out


def _unescape(value: str, mapping: dict[str, str]) -> str:
    """How the Actions runner reads an escaped value back (ActionCommand.cs)."""
    for token, replacement in mapping.items():
        value = value.replace(replacement, token)
    return value


def test_github_annotations_read_back_as_the_file_and_message_they_name(tmp_path):
    name = "a:b,c%25 d.yaml"
    path = tmp_path / name
    path.write_text("modelh: 1\ncanvas: [\n", encoding="utf-8")
    report = run_checks([str(path)], Config())
    lines = github(report).splitlines()
    line = lines[0]
    assert line.startswith("::error ")
    head, _, data = line[len("::error ") :].partition("::")
    props = dict(p.split("=", 1) for p in head.split(","))
    data_map = {"\r": "%0D", "\n": "%0A", "%": "%25"}
    prop_map = {"\r": "%0D", "\n": "%0A", ":": "%3A", ",": "%2C", "%": "%25"}
    assert _unescape(props["file"], prop_map) == str(path)
    assert _unescape(data, data_map) == report.findings[0].message
    assert command_lines("\n".join(lines[1:])) == []  # the summary is no command


# --- 3. rich markup ------------------------------------------------------------------


def test_a_path_with_rich_markup_is_printed_as_it_is_after_saving(tmp_path):
    import pexpect

    folder = tmp_path / "[bold]x[" / "b]"  # the path holds [bold]x[/b]
    folder.mkdir(parents=True)
    canvas = folder / "acme [i].yaml"
    canvas.write_text(
        "modelh: 1\ncanvas: {title: t, organization: o}\n"
        "customer_relationships:\n  answers:\n    cost: '[/b] Cheap [bold]'\n",
        encoding="utf-8",
    )
    child = interview_in_a_terminal(canvas, "--section", "questions", columns=200)
    child.expect("› ")
    child.sendline("An answer [/i] with [red]markup[/red].")
    child.expect("› ")
    child.sendline("/quit")
    child.expect(pexpect.EOF)
    child.close()
    out = child.before
    assert child.exitstatus == 0, out
    assert f"every answer given is saved in {canvas}." in out
    assert f"1 change written to {canvas}:" in out
    assert "An answer [/i] with [red]markup[/red]." in out
    assert "Traceback" not in out


def test_render_progress_shows_a_file_name_with_markup_as_it_is(tmp_path, monkeypatch):
    import re

    monkeypatch.setenv("FORCE_COLOR", "1")  # rich draws the progress bar
    monkeypatch.delenv("NO_COLOR", raising=False)
    names = ["plain.yaml", "[red]x\x1b[2J.yaml"]  # the last one stays on the finished bar
    for name in names:
        (tmp_path / name).write_text("modelh: 1\ncanvas: [\n", encoding="utf-8")
    result = invoke(
        "render", "-f", "html", "-j", "1", "-o", str(tmp_path / "out"), *names, cwd=tmp_path
    )
    assert result.exit_code == 1, result.output
    assert re.search(r"rendering[^\n]*\[red\]x\\x1b\[2J\.yaml", result.output), result.output
    assert "[red]x\\x1b[2J.yaml:3:1: " in result.output  # its problem, named as it is
    assert "\x1b[2J" not in result.output


# --- 4. JSON and SARIF ---------------------------------------------------------------


@pytest.fixture(scope="module")
def validator():
    import jsonschema

    schema = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    return jsonschema.validators.validator_for(schema)(schema)


#: Bytes that are not UTF-8, as Python holds them in a file name.
LATIN1 = os.fsdecode(b"caf\xe9.yaml")


@pytest.fixture
def odd_names(tmp_path, monkeypatch):
    names = [LATIN1, "file name with space.yaml", "café.yaml", "::error title=x::a.yaml"]
    for name in names:
        try:
            (tmp_path / name).write_text("modelh: 1\ncanvas: [\n", encoding="utf-8")
        except (OSError, UnicodeEncodeError):  # pragma: no cover - a file system that refuses
            pytest.fail(f"this file system cannot hold {name!r}")
    monkeypatch.chdir(tmp_path)
    return names


def test_json_output_with_a_file_name_that_is_not_utf8_is_valid_utf8(odd_names):
    report = run_checks(["."], Config())
    data = json.loads(as_json(report).encode("utf-8"))  # strict: no lone surrogates
    files = {f["file"] for f in data["files"]}
    assert "caf\\xe9.yaml" in files  # the byte, as a visible escape
    assert {"café.yaml", "file name with space.yaml"} <= files
    assert {f["file"] for f in data["findings"]} == files


def test_sarif_uris_are_percent_encoded_and_the_log_is_valid(odd_names, validator):
    report = run_checks(["."], Config())
    log = json.loads(sarif(report).encode("utf-8"))
    assert errors(validator, log) == []
    uris = {
        r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
        for r in log["runs"][0]["results"]
    }
    assert uris == {
        "caf%E9.yaml",
        "file%20name%20with%20space.yaml",
        "caf%C3%A9.yaml",
        "%3A%3Aerror%20title%3Dx%3A%3Aa.yaml",
    }


def test_sarif_uri_of_an_absolute_path_is_a_file_uri(tmp_path, validator):
    path = tmp_path / LATIN1
    path.write_text("modelh: 1\ncanvas: [\n", encoding="utf-8")
    log = json.loads(sarif(run_checks([str(path)], Config())).encode("utf-8"))
    assert errors(validator, log) == []
    uri = log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]
    assert uri["uri"].startswith("file:///") and uri["uri"].endswith("/caf%E9.yaml")


@pytest.mark.parametrize("fmt", ["json", "sarif", "github", "concise", "text"])
def test_every_check_format_prints_a_non_utf8_file_name_as_utf8(odd_names, fmt):
    result = invoke("check", "--isolated", "-f", fmt, ".")
    assert result.exit_code == 1, result.output
    result.stdout_bytes.decode("utf-8")  # strict
    shown = {"json": "caf\\\\xe9.yaml", "sarif": "caf%E9.yaml"}.get(fmt, "caf\\xe9.yaml")
    assert shown in result.stdout


def test_validate_prints_a_non_utf8_file_name_as_utf8(odd_names):
    result = invoke("validate", ".")
    assert result.exit_code == 1
    result.output_bytes.decode("utf-8")
    assert "caf\\xe9.yaml:3:1: error:" in result.output


# --- 5. error messages ---------------------------------------------------------------

EVIL_NAME = "evil\x1b[2J\x1b]0;pwned\x07.yaml"


@pytest.mark.parametrize(
    "args",
    [
        ["validate", EVIL_NAME],
        ["check", "--isolated", EVIL_NAME],
        ["check", "--config", EVIL_NAME, "."],
        ["render", EVIL_NAME],
        ["render", "--template-dir", EVIL_NAME, "."],
        ["interview", EVIL_NAME],
        ["interview", "c.yaml", "--answers", EVIL_NAME],
        ["new", "c.yaml", "--org", "o", "--title", "t"],  # exists: named in the error
        ["new", f"{EVIL_NAME}/x.yaml", "--org", "o", "--title", "t"],  # written: named
        ["schema", "-o", f"{EVIL_NAME}/x.json"],
        ["framework", "questions", EVIL_NAME],
        ["rules", EVIL_NAME],
    ],
)
def test_error_messages_show_a_file_name_or_value_escaped(tmp_path, args):
    (tmp_path / "c.yaml").write_text(
        "modelh: 1\ncanvas: {title: t, organization: o}\n", encoding="utf-8"
    )
    args = [a.replace("c.yaml", EVIL_NAME) if args[0] == "new" else a for a in args]
    if args[0] == "new" and "/" not in args[1]:
        (tmp_path / EVIL_NAME).write_text("x", encoding="utf-8")
    result = invoke(*args, cwd=tmp_path)
    assert "\x1b" not in result.output and "\x07" not in result.output
    assert "evil\\x1b[2J\\x1b]0;pwned\\x07" in result.output


def test_an_answers_file_with_escape_codes_is_reported_escaped(tmp_path):
    canvas = tmp_path / "c.yaml"
    canvas.write_text("modelh: 1\ncanvas: {title: t, organization: o}\n", encoding="utf-8")
    answers = tmp_path / "a.yaml"
    answers.write_text(
        'customer_relationships:\n  answers:\n    cost: "\\e[2JCheap"\n'
        '  dimensions:\n    information: {use: "\\e]0;x\\a"}\n',
        encoding="utf-8",
    )
    bad = invoke("interview", str(canvas), "--answers", str(answers))
    assert bad.exit_code == 1
    assert "\x1b" not in bad.output and "\\x1b]0;x\\x07" in bad.output
    answers.write_text('customer_relationships:\n  answers:\n    cost: "\\e[2JCheap"\n')
    good = invoke("interview", str(canvas), "--answers", str(answers))
    assert good.exit_code == 0, good.output
    assert "\x1b" not in good.output and "\\x1b[2JCheap" in good.output


def test_a_canvas_with_escape_codes_in_its_problems_is_refused_escaped(tmp_path):
    canvas = tmp_path / "c.yaml"
    canvas.write_text(
        'modelh: 1\ncanvas: {title: t, organization: o, status: "\\e[2Jdone"}\n', encoding="utf-8"
    )
    result = invoke("interview", str(canvas))
    assert result.exit_code == 1
    assert "\x1b" not in result.output and "\\x1b[2Jdone" in result.output


# --- time ----------------------------------------------------------------------------


def test_escaping_200_kb_of_each_worst_case_does_not_hang():
    """Hang guard: benchmarks/escaping.py takes about 1.7 s here, every case and
    function once; 30 s fails a quadratic pattern (hours on 200 KB), never a slow machine."""
    import subprocess

    done = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "escaping.py"), "--runs", "1"],
        capture_output=True,
        text=True,
        timeout=30,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "slowest:" in done.stdout


def test_bidirectional_overrides_in_a_canvas_are_shown_not_obeyed(tmp_path):
    # U+202E reverses what follows on screen: "status: draft" could be made to read
    # as something else in a finding; it is shown as an escape instead.
    path = tmp_path / "c.yaml"
    path.write_text(
        "modelh: 1\ncanvas:\n  title: T\n  organization: O\n  status: dr\u202eaft\u2066\n",
        encoding="utf-8",
    )
    result = subprocess.run(
        [sys.executable, "-m", "modelh", "check", "--isolated", str(path)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert "\u202e" not in result.stdout and "\u2066" not in result.stdout
    assert "dr\\u202eaft\\u2066" in result.stdout
