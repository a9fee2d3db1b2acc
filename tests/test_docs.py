"""The user documentation keeps up with the code.

docs/cli.md must have a heading for every command registered on the Typer app
and mention every option; every command must have help text; and
docs/canvas-format.md must name every key of the format's specs, and its
examples (the complete canvas, the problem report, the table of numbers) must
say what the loader really does.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import typer.main
from typer.testing import CliRunner

from modelh import CanvasError, parse_canvas
from modelh.canvas import specs
from modelh.cli.main import app
from modelh.framework import vocab

DOCS = Path(__file__).resolve().parent.parent / "docs"
CLI_DOC = DOCS / "cli.md"
FORMAT_DOC = DOCS / "canvas-format.md"

_HEADING = re.compile(r"^#{1,6}\s+(.*?)\s*$", re.M)
_FENCE = re.compile(r"^```.*?^```", re.M | re.S)


# Typer builds Click objects (its own vendored copy of Click in recent releases), so
# they are inspected by their attributes rather than by class.


def _group() -> Any:
    group = typer.main.get_command(app)
    assert hasattr(group, "commands"), "modelh.cli.main.app is not a group of commands"
    return group


def _commands() -> list[tuple[str, Any]]:
    """The registered commands by name.

    ``group.commands`` holds the commands built so far; a group that builds its
    commands lazily lists the rest through ``list_commands``/``get_command``.
    """
    group = _group()
    ctx = group.context_class(group, info_name="modelh")
    names = set(group.commands) | set(group.list_commands(ctx))
    return sorted((name, group.get_command(ctx, name)) for name in names)


def _options(command: Any) -> Iterator[str]:
    """Every spelling of every option of ``command`` (``-q``, ``--quiet``, ``--no-schema``)."""
    for param in command.params:
        if param.param_type_name == "option":
            yield from param.opts
            yield from param.secondary_opts


def _headings(text: str) -> list[str]:
    """Markdown headings, without backticks (``# comments`` in code blocks are not headings)."""
    return [h.replace("`", "").strip() for h in _HEADING.findall(_FENCE.sub("", text))]


def _mentions(text: str, word: str) -> bool:
    """Whether ``word`` appears in ``text`` as inline code: `word`, `word TEXT`, `word=...`."""
    return re.search(rf"`{re.escape(word)}(?![\w-])", text) is not None


def _specs() -> list[specs.ObjectSpec]:
    """CANVAS_SPEC and every spec nested in it, each once."""
    found: list[specs.ObjectSpec] = []
    stack = [specs.CANVAS_SPEC]
    while stack:
        spec = stack.pop()
        if spec in found:
            continue
        found.append(spec)
        stack.extend(key.spec for key in spec.keys if key.spec is not None)
    return found


def _spec_keys() -> list[tuple[str, specs.Key]]:
    return sorted({(spec.noun, key.name): key for spec in _specs() for key in spec.keys}.items())


@pytest.fixture(scope="module")
def cli_doc() -> str:
    return CLI_DOC.read_text("utf-8")


@pytest.fixture(scope="module")
def format_doc() -> str:
    return FORMAT_DOC.read_text("utf-8")


# --------------------------------------------------------------------------
# docs/cli.md


def test_the_app_has_commands() -> None:
    assert _commands(), "no command registered on modelh.cli.main.app"


@pytest.mark.parametrize("name,command", _commands(), ids=[n for n, _ in _commands()])
def test_command_has_help_text(name: str, command: Any) -> None:
    assert (command.help or "").strip(), f"command '{name}' has no help text (docstring)"


@pytest.mark.parametrize("name,command", _commands(), ids=[n for n, _ in _commands()])
def test_command_has_a_heading_in_cli_doc(name: str, command: Any, cli_doc: str) -> None:
    wanted = re.compile(rf"\bmodelh {re.escape(name)}\b")
    assert any(wanted.search(h) for h in _headings(cli_doc)), (
        f"docs/cli.md has no heading for 'modelh {name}' (e.g. '## `modelh {name}`')"
    )


@pytest.mark.parametrize("name,command", _commands(), ids=[n for n, _ in _commands()])
def test_command_options_are_in_cli_doc(name: str, command: Any, cli_doc: str) -> None:
    missing = [opt for opt in _options(command) if not _mentions(cli_doc, opt)]
    assert not missing, f"docs/cli.md does not mention option(s) of '{name}': {missing}"


def test_global_options_are_in_cli_doc(cli_doc: str) -> None:
    missing = [opt for opt in _options(_group()) if not _mentions(cli_doc, opt)]
    assert not missing, f"docs/cli.md does not mention global option(s): {missing}"


# --------------------------------------------------------------------------
# docs/canvas-format.md


def test_specs_are_found() -> None:
    nouns = {spec.noun for spec in _specs()}
    assert {"canvas file", "canvas", "branding", "segment", "measure", "dimension"} <= nouns


@pytest.mark.parametrize("where,key", _spec_keys(), ids=[f"{n}.{k}" for (n, k), _ in _spec_keys()])
def test_spec_key_is_in_format_doc(where: tuple[str, str], key: specs.Key, format_doc: str) -> None:
    assert f"`{key.name}`" in format_doc, (
        f"docs/canvas-format.md does not mention key `{key.name}` of the {where[0]} spec"
    )


def test_enum_choices_are_in_format_doc(format_doc: str) -> None:
    missing = sorted(
        {
            f"{key.name}: {choice}"
            for spec in _specs()
            for key in spec.keys
            if key.kind == specs.ENUM
            for choice in key.choices
            if f"`{choice}`" not in format_doc
        }
    )
    assert not missing, f"docs/canvas-format.md does not list these allowed values: {missing}"


def test_question_and_dimension_ids_are_in_format_doc(format_doc: str) -> None:
    ids = (*vocab.QUESTION_IDS, *vocab.DIMENSION_IDS)
    missing = [i for i in ids if f"`{i}`" not in format_doc]
    assert not missing, (
        f"docs/canvas-format.md does not name these answer/dimension keys: {missing}"
    )


def test_first_example_in_format_doc_is_a_valid_canvas(format_doc: str) -> None:
    blocks = re.findall(r"^```yaml\n(.*?)^```", format_doc, re.S | re.M)
    example = next((b for b in blocks if re.search(r"^modelh:", b, re.M)), None)
    assert example is not None, "docs/canvas-format.md has no complete example canvas"
    try:
        parse_canvas(example, "example")
    except CanvasError as exc:
        problems = "\n".join(str(p) for p in exc.problems)
        pytest.fail(f"the example canvas in docs/canvas-format.md does not load:\n{problems}")


def _blocks_after(text: str, marker: str) -> list[str]:
    """The fenced code blocks that follow the first line containing ``marker``."""
    tail = text[text.index(marker) :]
    return re.findall(r"^```\w*\n(.*?)^```", tail, re.S | re.M)


def test_problem_report_example_matches_validate(
    format_doc: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    canvas, report = _blocks_after(format_doc, "For example, this file has three mistakes")[:2]
    (tmp_path / "ex.yaml").write_text(canvas, "utf-8")
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(app, ["validate", "ex.yaml"])
    assert result.exit_code == 1
    assert result.stdout == report, (
        "the report shown under 'How problems are reported' in docs/canvas-format.md "
        f"is not what 'modelh validate ex.yaml' prints:\n{result.stdout}"
    )


def _number_rows(text: str) -> list[tuple[str, str, int]]:
    """(value as written, documented result, place in its row) for the Numbers table."""
    section = text[text.index("### Numbers") : text.index("### Dates and periods")]
    rows = []
    for line in section.splitlines():
        cells = [c.strip() for c in line.strip("|").split("|")]
        if len(cells) == 2 and cells[0].startswith("`target: "):
            values = re.findall(r"`(?:target: )?([^`]+)`", cells[0])
            rows.extend((value, cells[1], place) for place, value in enumerate(values))
    return rows


@pytest.mark.parametrize(
    "value,result,place",
    _number_rows(FORMAT_DOC.read_text("utf-8")),
    ids=[v for v, _, _ in _number_rows(FORMAT_DOC.read_text("utf-8"))],
)
def test_numbers_table_in_format_doc(value: str, result: str, place: int) -> None:
    """Each row of the table: 'the number(s) N' loads as N, 'error: ...' is that message."""
    text = (
        "modelh: 1\ncanvas:\n  title: T\n  organization: O\n"
        f"customer_relationships:\n  measures:\n    - id: m\n      target: {value}\n"
    )
    if not result.startswith("error"):
        numbers = [float(n) for n in re.findall(r"-?\d+(?:\.\d+)?", result)]
        assert parse_canvas(text).measures[0].target == numbers[place]
        return
    with pytest.raises(CanvasError) as info:
        parse_canvas(text)
    (problem,) = info.value.problems
    if "tag" in result:
        assert "is not allowed" in problem.message, problem.message
    else:
        assert problem.message.endswith("is " + result.removeprefix("error: ")), problem.message


def test_the_import_paths_the_docs_name_still_work():
    # README: `from modelh.checker import run_checks`; docs/report.md: the report's API
    import modelh.checker
    import modelh.report
    import modelh.report.render

    assert modelh.checker.run_checks.__module__ == "modelh.check.checker"
    for name in (
        "ReportOptions",
        "render_html",
        "render_pdf",
        "render_file",
        "ReportError",
        "TemplateError",
        "FetchRefusedError",
        "PdfUnavailableError",
    ):
        # the package's names are the renderer's own (the CLI imports them from there)
        assert getattr(modelh.report, name) is getattr(modelh.report.render, name), name
    for name in (
        "load_canvas",
        "parse_canvas",
        "CanvasError",
        "Canvas",
        "run_checks",
        "render_html",
        "render_pdf",
        "__version__",
    ):
        assert getattr(modelh, name) is not None, name
