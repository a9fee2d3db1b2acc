"""Every YAML or TOML file a user hands modelh goes through one guarded reader: the
answers file, the checker's configuration, the source lines of the text output.
Hostile files (alias bombs, pipes, devices, deep nesting, odd keys) end in one clear
message with file:line:col, quickly and in little memory; configuration discovery
stops at the repository; ``modelh new`` never writes through a planted link."""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from typer.testing import CliRunner

from modelh.cli.main import app

from .conftest import MINIMAL

runner = CliRunner()

#: A 300-byte file that expands to 9**8 (43 million) items when its aliases are followed.
ALIAS_BOMB = "".join(
    f"{name}: &{name} [{', '.join([f'*{prev}'] * 9) if prev else ', '.join(['x'] * 9)}]\n"
    for prev, name in zip(["", *"abcdefg"], "abcdefgh", strict=True)
)

CANVAS = MINIMAL + "customer_relationships:\n  answers:\n    growth: Word of mouth.\n"

#: ``modelh`` starts and checks a small file in about 0.3 s here; a hang guard ten
#: times that and more, so a hang or a blow-up fails and a slow machine does not.
TIMEOUT = 30
#: Address space for the child: far more than modelh needs, far less than a bomb takes.
MEMORY = 1024 * 1024 * 1024


def _limit_memory() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY, MEMORY))


def modelh(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    """Run modelh in a child with a time and memory limit; a hang fails the test."""
    try:
        return subprocess.run(
            [sys.executable, "-m", "modelh", *args],
            cwd=cwd,
            capture_output=True,
            text=True,
            timeout=TIMEOUT,
            preexec_fn=_limit_memory,
            env={**os.environ, "NO_COLOR": "1", "COLUMNS": "100"},
            check=False,
        )
    except subprocess.TimeoutExpired:
        pytest.fail(f"modelh {' '.join(args)} did not finish within {TIMEOUT} s")


def assert_clear(result, code: int = 2) -> None:
    output = result.stdout + result.stderr
    assert result.returncode == code, output
    assert "Traceback" not in output and "MemoryError" not in output, output


@pytest.fixture
def fifo(tmp_path):
    """A named pipe no one writes to: reading it would wait for ever."""
    path = tmp_path / "pipe.yaml"
    os.mkfifo(path)
    yield path
    # unblock a reader left behind by a failing test, so the run can end
    done = threading.Event()

    def unblock() -> None:
        try:
            fd = os.open(path, os.O_WRONLY | os.O_NONBLOCK)
            os.close(fd)
        except OSError:
            pass
        done.set()

    threading.Thread(target=unblock, daemon=True).start()
    done.wait(1)


@pytest.fixture
def canvas(tmp_path):
    path = tmp_path / "c.yaml"
    path.write_text(CANVAS, encoding="utf-8")
    return path


# --- the answers file ---------------------------------------------------------------


def interview(canvas: Path, answers: Path):
    return runner.invoke(app, ["interview", str(canvas), "--answers", str(answers)])


def test_an_alias_bomb_answers_file_is_refused_in_little_time_and_memory(tmp_path, canvas):
    answers = tmp_path / "a.yaml"
    answers.write_text(ALIAS_BOMB)
    result = modelh("interview", str(canvas), "--answers", str(answers), cwd=tmp_path)
    assert_clear(result)
    assert f"{answers}:2:" in result.stderr and "alias '*a' is not allowed" in result.stderr
    assert canvas.read_text() == CANVAS


@pytest.mark.parametrize(
    "text, where, message",
    [
        ("customer_relationships:\n  answers:\n    ? [cost]\n    : x\n", ":3:7:", "plain name"),
        ("customer_relationships:\n  ? {answers: 1}\n  : x\n", ":2:5:", "plain name"),
        ("customer_relationships:\n  answers:\n    cost: !!binary aGk=\n", ":3:11:", "tag"),
        ("x: &a 1\ncanvas:\n  title: *a\n", ":3:10:", "alias '*a'"),
        ("canvas: " + "[" * 150 + "]" * 150 + "\n", ":1:", "nesting is deeper than 100"),
        ("canvas:\n  title: a\n---\ncanvas:\n  title: b\n", ":3:1:", "one YAML document"),
    ],
)
def test_a_hostile_answers_file_is_one_clear_message_and_changes_nothing(
    tmp_path, canvas, text, where, message
):
    answers = tmp_path / "a.yaml"
    answers.write_text(text)
    result = interview(canvas, answers)
    assert result.exit_code == 2, result.output
    assert f"{answers}{where}" in result.output and message in result.output
    assert "Traceback" not in result.output
    assert canvas.read_text() == CANVAS


def test_the_answers_file_cannot_be_a_device(tmp_path, canvas):
    result = modelh("interview", str(canvas), "--answers", "/dev/zero", cwd=tmp_path)
    assert_clear(result)
    assert "not a regular file" in result.stderr


# --- the configuration ----------------------------------------------------------------


def check(*args: str, cwd: Path):
    old = os.getcwd()
    os.chdir(cwd)
    try:
        return runner.invoke(app, ["check", *args])
    finally:
        os.chdir(old)


def test_an_alias_bomb_configuration_is_refused_in_little_time_and_memory(tmp_path, canvas):
    (tmp_path / ".modelh.yaml").write_text(ALIAS_BOMB)
    result = modelh("check", str(canvas), cwd=tmp_path)
    assert_clear(result)
    assert ".modelh.yaml:2:" in result.stderr and "alias '*a' is not allowed" in result.stderr


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/urandom"])
def test_a_device_as_configuration_is_refused(tmp_path, canvas, device):
    result = modelh("check", "--config", device, str(canvas), cwd=tmp_path)
    assert_clear(result)
    assert f"{device}: this is not a regular file" in result.stderr


def test_a_pipe_as_configuration_is_refused_not_waited_on(tmp_path, canvas, fifo):
    result = modelh("check", "--config", str(fifo), str(canvas), cwd=tmp_path)
    assert_clear(result)
    assert "not a regular file" in result.stderr


def test_a_pipe_named_like_a_configuration_is_refused_not_waited_on(tmp_path, canvas):
    os.mkfifo(tmp_path / ".modelh.yaml")
    result = modelh("check", str(canvas), cwd=tmp_path)
    assert_clear(result)
    assert ".modelh.yaml: this is not a regular file" in result.stderr


def test_an_oversize_configuration_is_refused(tmp_path, canvas):
    config = tmp_path / "big.yaml"
    config.write_text("# " + "x" * 2_000_000 + "\nignore: [MH101]\n")
    result = check("--config", str(config), str(canvas), cwd=tmp_path)
    assert result.exit_code == 2
    assert "larger than" in result.output


@pytest.mark.parametrize(
    "name, text, message",
    [
        (".modelh.yaml", "? [ignore]\n: [MH101]\n", ".modelh.yaml:1:3: a key must be a plain name"),
        (".modelh.yaml", "rules:\n  ? {a: 1}\n  : x\n", ".modelh.yaml:2:5: a key must be a plain"),
        (".modelh.yaml", "ignore: " + "[" * 150 + "]" * 150 + "\n", "nesting is deeper than"),
        (".modelh.yaml", "ignore: !!python/name:os.system x\n", ".modelh.yaml:1:9: tag"),
        (".modelh.yaml", "ignore: [MH101]\n---\nignore: []\n", ".modelh.yaml:2:1: a config"),
        ("c.toml", "[tool.modelh]\nignore = " + "[" * 3000 + "]" * 3000 + "\n", "nesting"),
        ("c.toml", "tool = 1\n", "c.toml: [tool] must be a table"),
        ("c.toml", "[tool.modelh]\nignore = ['MH1']\n\udcff = 1\n", "not UTF-8"),
    ],
)
def test_a_hostile_configuration_is_one_clear_message(tmp_path, canvas, name, text, message):
    (tmp_path / name).write_bytes(text.encode("utf-8", "surrogateescape"))
    args = ["--config", name] if name != ".modelh.yaml" else []
    result = check(*args, str(canvas), cwd=tmp_path)
    assert result.exit_code == 2, result.output
    assert message in result.output
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)


def test_deep_nesting_made_of_toml_dotted_keys_is_refused(tmp_path, canvas):
    config = tmp_path / "c.toml"
    config.write_text("[tool.modelh.rules]\n" + ".".join(["a"] * 2000) + " = 1\n")
    result = check("--config", str(config), str(canvas), cwd=tmp_path)
    assert result.exit_code == 2, result.output
    assert "nesting is deeper than 100 levels" in result.output


# --- configuration discovery -----------------------------------------------------------


def test_a_configuration_above_the_repository_is_not_used(tmp_path):
    (tmp_path / ".modelh.yaml").write_text("ignore: [ALL]\n")
    repo = tmp_path / "repo"
    (repo / ".git").mkdir(parents=True)
    path = repo / "c.yaml"
    path.write_text(CANVAS)
    result = check("-f", "json", "c.yaml", cwd=repo)
    assert json.loads(result.stdout)["findings"]
    assert result.exit_code == 0  # warnings only


def test_without_git_only_the_current_folder_is_searched(tmp_path):
    (tmp_path / ".modelh.yaml").write_text("ignore: [ALL]\n")
    sub = tmp_path / "sub"
    sub.mkdir()
    (sub / "c.yaml").write_text(CANVAS)
    result = check("-f", "json", "c.yaml", cwd=sub)
    assert json.loads(result.stdout)["findings"]


def test_a_configuration_inside_the_repository_is_found_from_a_subfolder(tmp_path):
    (tmp_path / ".git").write_text("gitdir: elsewhere\n")  # a worktree's .git is a file
    (tmp_path / ".modelh.yaml").write_text("ignore: [ALL]\n")
    deep = tmp_path / "a" / "b"
    deep.mkdir(parents=True)
    (deep / "c.yaml").write_text(CANVAS)
    result = check("-f", "json", "c.yaml", cwd=deep)
    assert json.loads(result.stdout)["findings"] == []


@pytest.mark.parametrize("fmt", ["text", "concise", "json", "sarif", "github"])
def test_check_says_which_configuration_it_used_on_standard_error(tmp_path, fmt):
    (tmp_path / ".git").mkdir()
    (tmp_path / ".modelh.yaml").write_text("ignore: [MH103]\n")
    (tmp_path / "c.yaml").write_text(CANVAS)
    result = modelh("check", "-f", fmt, "c.yaml", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    config = tmp_path.resolve() / ".modelh.yaml"
    assert f"using configuration {config}" in result.stderr
    assert str(config) not in result.stdout
    if fmt in ("json", "sarif"):
        json.loads(result.stdout)  # still valid


def test_check_says_nothing_of_a_configuration_when_there_is_none(tmp_path):
    (tmp_path / "c.yaml").write_text(CANVAS)
    result = modelh("check", "c.yaml", cwd=tmp_path)
    assert "configuration" not in result.stderr


def test_render_says_which_configuration_the_gaps_come_from(tmp_path):
    (tmp_path / ".modelh.yaml").write_text("ignore: [MH103]\n")
    (tmp_path / "c.yaml").write_text(CANVAS)
    result = modelh("render", "-f", "html", "-o", "out", "c.yaml", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert f"using configuration {tmp_path.resolve() / '.modelh.yaml'}" in result.stderr


# --- check's text output reads the source through the guard ------------------------------


def test_check_text_output_of_a_pipe_does_not_wait_on_it(tmp_path, fifo):
    result = modelh("check", "--isolated", "-f", "text", str(fifo), cwd=tmp_path)
    assert_clear(result, 1)
    assert "not a regular file" in result.stdout


def test_check_text_output_of_a_device_does_not_read_it(tmp_path):
    result = modelh("check", "--isolated", "-f", "text", "/dev/zero", cwd=tmp_path)
    assert_clear(result, 1)
    assert "not a regular file" in result.stdout


# --- complex keys in a canvas -------------------------------------------------------------


def test_a_complex_key_in_an_extension_block_is_a_problem_at_its_place(tmp_path):
    path = tmp_path / "c.yaml"
    path.write_text(MINIMAL + "x-notes:\n  ok: 1\n  ? [a, b]\n  : c\n")
    result = runner.invoke(app, ["validate", str(path)])
    assert result.exit_code == 1
    assert f"{path}:7:5: error: a key must be a plain name, not a list" in result.output


# --- modelh new and the schema file beside the canvas -----------------------------------


def new(folder: Path):
    return runner.invoke(app, ["new", str(folder / "c.yaml"), "--org", "A", "--title", "B"])


def test_new_never_writes_through_a_dangling_link_at_the_schema_file(tmp_path):
    elsewhere = tmp_path / "elsewhere" / "planted.json"
    elsewhere.parent.mkdir()
    (tmp_path / "modelh.schema.json").symlink_to(elsewhere)
    result = new(tmp_path)
    assert result.exit_code == 0, result.output
    assert not elsewhere.exists()
    assert (tmp_path / "modelh.schema.json").is_symlink()
    assert "symbolic link" in result.output
    assert "$schema" not in (tmp_path / "c.yaml").read_text().splitlines()[0]


def test_new_never_writes_through_a_link_to_another_file(tmp_path):
    target = tmp_path / "precious.json"
    target.write_text('{"$id": "precious"}')
    (tmp_path / "modelh.schema.json").symlink_to(target)
    result = new(tmp_path)
    assert result.exit_code == 0, result.output
    assert target.read_text() == '{"$id": "precious"}'


def test_new_does_not_wait_on_a_pipe_named_like_the_schema_file(tmp_path):
    os.mkfifo(tmp_path / "modelh.schema.json")
    result = modelh("new", "c.yaml", "--org", "A", "--title", "B", cwd=tmp_path)
    assert_clear(result, 0)
    assert "not a regular file" in result.stderr
    assert (tmp_path / "c.yaml").exists()


def test_new_refreshes_its_own_schema_file(tmp_path):
    assert new(tmp_path).exit_code == 0
    (tmp_path / "c.yaml").unlink()
    schema = tmp_path / "modelh.schema.json"
    data = json.loads(schema.read_text())
    data["title"] = "old"
    schema.write_text(json.dumps(data))
    assert new(tmp_path).exit_code == 0
    assert json.loads(schema.read_text())["title"] != "old"


def test_new_uses_a_link_to_modelh_schema_without_writing_through_it(tmp_path):
    from modelh.canvas.schema import SCHEMA_ID

    shared = tmp_path / "shared.schema.json"
    shared.write_text(json.dumps({"$id": SCHEMA_ID, "title": "kept as it is"}))
    (tmp_path / "modelh.schema.json").symlink_to(shared)
    result = new(tmp_path)
    assert result.exit_code == 0, result.output
    assert json.loads(shared.read_text())["title"] == "kept as it is"
    assert (tmp_path / "c.yaml").read_text().startswith("# yaml-language-server: $schema=")


# --- too many values: each costs time and memory to compose and walk ---------------------


def test_an_answers_file_of_too_many_values_is_refused_before_composing(tmp_path, canvas):
    answers = tmp_path / "a.yaml"
    answers.write_text("x-list: [" + "[], " * 150_000 + "]\n")
    result = modelh("interview", str(canvas), "--answers", str(answers), cwd=tmp_path)
    assert_clear(result)
    assert f"{answers}:1:" in result.stderr
    assert "more than 100,000 values" in result.stderr
    assert canvas.read_text() == CANVAS


def test_a_canvas_of_too_many_values_is_refused_before_composing(tmp_path):
    path = tmp_path / "c.yaml"
    path.write_text(MINIMAL + "x-list:\n" + "  - a\n" * 150_000)
    result = modelh("validate", str(path), cwd=tmp_path)
    assert_clear(result, 1)
    assert "more than 100,000 values" in result.stdout


@pytest.mark.parametrize(
    "name, text",
    [
        (".modelh.yaml", "ignore: [" + "MH101, " * 25_000 + "]\n"),
        ("pyproject.toml", "[tool.modelh]\nignore = [" + '"MH101", ' * 25_000 + "]\n"),
    ],
)
def test_a_configuration_of_too_many_values_is_refused(tmp_path, canvas, name, text):
    (tmp_path / name).write_text(text)
    result = check(str(canvas), cwd=tmp_path)
    assert result.exit_code == 2, result.output
    assert f"{name}:" in result.output and "more than 20,000 values" in result.output
