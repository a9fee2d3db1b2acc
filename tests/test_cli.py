"""The command line as a user meets it: output, files written, exit codes."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
from typer.testing import CliRunner

from modelh import __version__, load_canvas
from modelh.cli.main import app

from .conftest import EXAMPLES, ROOT, TEN_PROBLEMS

runner = CliRunner()


def run(*args: str):
    return runner.invoke(app, list(args))


def test_version():
    result = run("--version")
    assert result.exit_code == 0
    assert result.stdout.strip() == f"modelh {__version__}"


def test_python_dash_m_runs_the_tool():
    result = subprocess.run(
        [sys.executable, "-m", "modelh", "--version"],
        capture_output=True,
        text=True,
        check=False,
        cwd=ROOT,
    )
    assert result.returncode == 0 and result.stdout.strip() == f"modelh {__version__}"


@pytest.mark.parametrize("command", ["validate", "new", "schema", "framework", "guide"])
def test_every_command_has_help(command):
    result = run(command, "--help")
    assert result.exit_code == 0
    assert "Usage: modelh " + command in result.stdout
    assert len(result.stdout.splitlines()) > 4


def test_validate_the_examples_exits_zero():
    result = run("validate", *map(str, EXAMPLES))
    assert result.exit_code == 0, result.stdout
    assert "all valid" in result.stdout


def test_validate_a_folder_finds_the_canvases_in_it():
    result = run("validate", str(ROOT / "canvases"))
    assert result.exit_code == 0
    assert result.stdout.count("ok  ") == len(EXAMPLES)


def test_validate_prints_all_ten_problems_with_positions(tmp_path):
    path = tmp_path / "ten.yaml"
    path.write_text(TEN_PROBLEMS)
    result = run("validate", str(path))
    assert result.exit_code == 1
    lines = [line for line in result.stdout.splitlines() if ": error: " in line]
    assert len(lines) == 10, result.stdout
    assert lines[0].startswith(f"{path}:5:11: error: status 'drafty' is not one of")
    assert "Traceback" not in result.output
    assert "10 problems in 1" in result.stdout


def test_validate_missing_path_is_a_usage_error(tmp_path):
    result = run("validate", str(tmp_path / "nope.yaml"))
    assert result.exit_code == 2
    assert "no such file or folder" in result.output


def test_validate_a_folder_without_canvases_is_a_usage_error(tmp_path):
    (tmp_path / "other.yaml").write_text("name: not a canvas\n")
    result = run("validate", str(tmp_path))
    assert result.exit_code == 2
    assert "no canvas files found" in result.output


def test_validate_an_explicit_non_canvas_yaml_reports_it(tmp_path):
    path = tmp_path / "compose.yaml"
    path.write_text("services:\n  web: {image: nginx}\n")
    result = run("validate", str(path))
    assert result.exit_code == 1
    assert "this YAML file is not a canvas: it has no 'modelh: 1' line" in result.stdout


def test_validate_without_arguments_is_a_usage_error():
    assert run("validate").exit_code == 2


def test_no_colour_when_piped_or_under_no_color(tmp_path):
    path = tmp_path / "bad.yaml"
    path.write_text("modelh: 2\n")
    env = {**os.environ, "NO_COLOR": "1"}
    result = subprocess.run(
        [sys.executable, "-m", "modelh", "validate", str(path)],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert result.returncode == 1
    assert "\x1b[" not in result.stdout and "\x1b[" not in result.stderr


def test_new_writes_a_starter_that_loads_and_has_every_key(tmp_path):
    path = tmp_path / "clients" / "acme-ma.yaml"
    result = run(
        "new",
        str(path),
        "--org",
        "Acme Health",
        "--title",
        'MA "2027": a plan',
        "--by",
        "Dana Whitfield",
        "--date",
        "2026-11-23",
    )
    assert result.exit_code == 0, result.output
    canvas = load_canvas(path)
    assert canvas.canvas.title == 'MA "2027": a plan'
    assert canvas.canvas.organization == "Acme Health"
    assert canvas.canvas.prepared_by == ("Dana Whitfield",)
    assert canvas.canvas.date == "2026-11-23"
    assert canvas.answers == {} and canvas.dimensions == {}
    text = path.read_text()
    assert text.startswith("# yaml-language-server: $schema=modelh.schema.json\n")
    for key in (
        "cost:",
        "growth:",
        "monetization:",
        "incentives:",
        "emotional_support:",
        "revenue_streams: []",
        "measures: []",
        "confidentiality:",
    ):
        assert key in text
    schema = json.loads((path.parent / "modelh.schema.json").read_text())
    assert schema["$schema"].endswith("2020-12/schema")


def test_new_never_overwrites(tmp_path):
    path = tmp_path / "x.yaml"
    path.write_text("mine: keep me\n")
    result = run("new", str(path), "--org", "A", "--title", "B")
    assert result.exit_code == 2
    assert "already exists" in result.output
    assert path.read_text() == "mine: keep me\n"


@pytest.mark.parametrize(
    "args, message",
    [
        (["--date", "2026-W47-1"], "not a date"),
        (["--date", "20261120"], "not a date"),
        (["--title", "  "], "title must not be empty"),
    ],
)
def test_new_refuses_bad_values(tmp_path, args, message):
    base = {"--org": "A", "--title": "B"}
    for flag, value in zip(args[::2], args[1::2], strict=True):
        base[flag] = value
    flat = [x for pair in base.items() for x in pair]
    result = run("new", str(tmp_path / "c.yaml"), *flat)
    assert result.exit_code == 2
    assert message in result.output
    assert not (tmp_path / "c.yaml").exists()


def test_new_leaves_a_foreign_schema_file_alone(tmp_path):
    foreign = tmp_path / "modelh.schema.json"
    foreign.write_text('{"title": "someone else"}')
    result = run("new", str(tmp_path / "c.yaml"), "--org", "A", "--title", "B")
    assert result.exit_code == 0
    assert foreign.read_text() == '{"title": "someone else"}'
    assert "$schema" not in (tmp_path / "c.yaml").read_text().splitlines()[0]


def test_schema_output_file(tmp_path):
    out = tmp_path / "canvas.schema.json"
    result = run("schema", "-o", str(out))
    assert result.exit_code == 0
    assert json.loads(out.read_text())["title"].startswith("modelH canvas")


@pytest.mark.parametrize("command", ["framework", "guide"])
def test_framework_shows_the_method(command):
    result = run(command)
    assert result.exit_code == 0
    for word in ("expectations", "monetization", "relationship-revenue", "innovate"):
        assert word in result.stdout


def _flat(text: str) -> str:
    """Terminal output with its line breaks, table borders and indents folded into spaces."""
    return " ".join(text.replace("│", " ").replace("║", " ").split())


def test_framework_shows_journeys_cx_and_systems_with_their_sources():
    cx = _flat(run("framework", "cx").stdout)
    for phrase in (
        "CX information management",
        "Middle office",
        "engagement architecture",
        "40 and 60 percent",
        "systems of record",
        "West Monroe",
    ):
        assert phrase in cx
    journeys = _flat(run("framework", "journeys").stdout)
    assert "Digital before manual" in journeys and "Journey time before features" in journeys
    assert "modelh's own reading" in journeys
    stages = _flat(run("framework", "stages").stdout)
    assert "Source: Digital Strategy Yoga." in stages
    assert "ask the company for recommendations" in stages
    assert "modelh's own reading" in stages
    sources = _flat(run("framework", "sources").stdout)
    assert "Haimberger" in sources and "Rating scales" in sources


def test_framework_shows_an_office_in_full():
    result = run("framework", "cx", "middle")
    assert result.exit_code == 0
    assert "pharmacy, clinical and payer" in _flat(result.stdout)
    assert run("framework", "cx", "motivation").exit_code == 2


def test_framework_one_item_in_full():
    result = run("framework", "dimensions", "motivation")
    assert result.exit_code == 0
    assert "Why it matters" in result.stdout and "Example" in result.stdout


def test_framework_unknown_item_is_a_usage_error():
    result = run("framework", "stages", "launch")
    assert result.exit_code == 2
    assert "'launch' is not a known id" in result.output


@pytest.mark.parametrize("args", [["--help"], ["validate", "canvases/riverside-health-plan.yaml"]])
def test_help_and_validate_never_import_heavy_libraries(args):
    code = (
        "import sys, runpy; sys.argv = ['modelh', *sys.argv[1:]]\n"
        "try:\n    runpy.run_module('modelh', run_name='__main__')\n"
        "except SystemExit:\n    pass\n"
        "heavy = sorted({m.split('.')[0] for m in sys.modules} & "
        "{'weasyprint', 'jinja2', 'rich', 'pydantic'})\n"
        "print('HEAVY', heavy, file=sys.stderr)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code, *args], capture_output=True, text=True, cwd=ROOT, check=False
    )
    assert "HEAVY []" in result.stderr, result.stderr


_IMPORTS = (
    "import sys, runpy; sys.argv = ['modelh', *sys.argv[1:]]\n"
    "try:\n    runpy.run_module('modelh', run_name='__main__')\n"
    "except SystemExit:\n    pass\n"
    "print('IMPORTED', ' '.join(sorted(m for m in sys.modules if m.split('.')[0] in "
    "('modelh', 'rich', 'jinja2', 'weasyprint'))), file=sys.stderr)\n"
)


def _imported(*args: str) -> set[str]:
    """The modelh modules (and rich, Jinja, WeasyPrint) that ``modelh ARGS`` imports."""
    result = subprocess.run(
        [sys.executable, "-c", _IMPORTS, *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
    )
    line = next(ln for ln in result.stderr.splitlines() if ln.startswith("IMPORTED"))
    return set(line.split()[1:])


def _command_modules(modules: set[str]) -> set[str]:
    return {m for m in modules if m.startswith("modelh.cli.")} - {
        "modelh.cli.main",
        "modelh.cli._common",
    }


def test_help_lists_the_commands_without_importing_any():
    modules = _imported("--help")
    assert _command_modules(modules) == set()
    # nor the library behind them: listing commands reads no canvas
    assert not {m for m in modules if m.split(".")[1:2] in (["canvas"], ["check"], ["report"])}
    assert not {m for m in modules if m.split(".")[0] != "modelh"}


def test_validate_imports_its_own_command_module_only():
    modules = _imported("validate", "canvases/riverside-health-plan.yaml")
    assert _command_modules(modules) == {"modelh.cli.check"}
    assert "modelh.canvas.loader" in modules  # the test sees what validate really loads
    assert not {m for m in modules if m.split(".")[1:2] in (["interview"], ["report"])}
    assert not {m for m in modules if m.split(".")[0] != "modelh"}


def test_help_lists_every_command_with_the_help_its_own_docstring_gives():
    import typer.main

    from modelh.cli.main import COMMANDS

    group = typer.main.get_command(app)
    ctx = group.context_class(group, info_name="modelh")
    listed = run("--help").stdout
    for name, entry in COMMANDS.items():
        command = group.get_command(ctx, name)
        first_paragraph = " ".join(command.help.split("\n\n")[0].split())
        assert entry.help == first_paragraph, name
        row = next(ln for ln in listed.splitlines() if ln.startswith(f"  {name} "))
        shown = row.split(None, 1)[1].removesuffix("...")
        assert first_paragraph.startswith(shown), name
    section = listed.split("Commands:")[1]
    rows = [ln.split()[0] for ln in section.splitlines() if ln.startswith("  ") and ln[2] != " "]
    assert rows == list(COMMANDS)
    for entry in COMMANDS.values():  # each help whole, however it is wrapped
        assert entry.help in " ".join(section.split())


def test_an_error_a_command_lets_through_is_a_message_and_exit_2(monkeypatch):
    from modelh.check import checker
    from modelh.errors import ModelhError

    def refuse(*args, **kwargs):
        raise ModelhError("the checker cannot run here")

    monkeypatch.setattr(checker, "run_checks", refuse)
    result = run("check", str(EXAMPLES[0]))
    assert result.exit_code == 2
    assert result.output.strip().endswith("modelh: error: the checker cannot run here")
    assert not isinstance(result.exception, ModelhError)


def test_the_error_handler_gives_each_error_class_its_exit_code(capsys):
    import typer

    from modelh.canvas.editing import ConflictError
    from modelh.cli._common import EXIT_PROBLEMS, handle_errors
    from modelh.errors import UsageError

    for error, code in ((ConflictError("changed on disk"), 1), (UsageError("bad\x1b"), 2)):
        with pytest.raises(typer.Exit) as exited, handle_errors({ConflictError: EXIT_PROBLEMS}):
            raise error
        assert exited.value.exit_code == code
    assert capsys.readouterr().err == ("modelh: error: changed on disk\nmodelh: error: bad\\x1b\n")
