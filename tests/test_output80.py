"""What the commands print reads at 80 columns, and narrower: whole words, lines
that fit, one finding where one rule says the same thing several times at one place."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from typer.testing import CliRunner

from modelh.check.rules import all_rules, find_rule
from modelh.cli.main import COMMANDS, app
from modelh.escaping import printable, printable_pieces
from modelh.framework import vocab

from .conftest import EXAMPLES, ROOT

runner = CliRunner()

#: The commands in the order a consultant meets them; the rest follow.
WORK_ORDER = ["new", "interview", "check", "render", "preview", "diff", "history", "status"]


def run(*args: str, columns: int = 80, cwd: Path | None = None):
    old = os.getcwd()
    if cwd is not None:
        os.chdir(cwd)
    try:
        return runner.invoke(app, list(args), env={"COLUMNS": str(columns), "NO_COLOR": "1"})
    finally:
        os.chdir(old)


def cells(line: str) -> int:
    """How many terminal cells ``line`` takes (East Asian wide characters take two)."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in line)


def too_wide(text: str, columns: int) -> list[str]:
    return [line for line in text.splitlines() if cells(line) > columns]


def words(text: str) -> str:
    """``text`` with its runs of blanks made one space: what it says, however wrapped."""
    return " ".join(text.split())


def new_canvas(tmp_path: Path, name: str = "acme.yaml") -> Path:
    result = run("new", name, "--org", "Acme Health", "--title", "MA 2027", cwd=tmp_path)
    assert result.exit_code == 0, result.output
    return tmp_path / name


# --- modelh --help -------------------------------------------------------------------


def _command_rows(help_text: str) -> list[str]:
    section = help_text.split("Commands:")[1]
    return [line.split()[0] for line in section.splitlines() if re.match(r"  \S", line)]


@pytest.mark.parametrize("columns", [80, 60])
def test_help_lists_the_commands_in_the_order_of_the_work_each_help_whole(columns):
    # a process of its own: the test runner fixes the help's width at 80
    result = subprocess.run(
        [sys.executable, "-m", "modelh", "--help"],
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "COLUMNS": str(columns)},
    )
    assert result.returncode == 0
    rows = _command_rows(result.stdout)
    assert rows[: len(WORK_ORDER)] == WORK_ORDER
    assert rows == list(COMMANDS)
    assert "..." not in result.stdout.split("Commands:")[1]  # no help cut short
    shown = words(result.stdout.split("Commands:")[1])
    for entry in COMMANDS.values():
        assert entry.help in shown
    assert too_wide(result.stdout, columns) == []


def test_the_table_keeps_validate_rules_framework_and_schema_after_the_work():
    names = list(COMMANDS)
    last_of_work = max(names.index(n) for n in WORK_ORDER)
    for name in ("validate", "rules", "framework", "schema"):
        assert names.index(name) > last_of_work, name


# --- modelh new ----------------------------------------------------------------------


def test_new_ends_by_pointing_to_the_interview(tmp_path):
    result = run("new", "acme ma.yaml", "--org", "Acme", "--title", "MA", cwd=tmp_path)
    assert result.exit_code == 0, result.output
    last = result.stdout.strip().splitlines()[-1]
    assert "modelh interview 'acme ma.yaml'" in last  # ready to paste, even with a space


# --- modelh framework ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("singular", "plural"),
    [
        ("question", "questions"),
        ("dimension", "dimensions"),
        ("measure", "measures"),
        ("stage", "stages"),
        ("domain", "measures"),
        ("domains", "measures"),
    ],
)
def test_framework_topics_answer_to_their_singular(singular, plural):
    one = run("framework", singular)
    assert one.exit_code == 0, one.output
    assert one.stdout == run("framework", plural).stdout


def test_framework_singular_topic_with_an_item():
    one = run("framework", "dimension", "motivation")
    assert one.exit_code == 0, one.output
    assert one.stdout == run("framework", "dimensions", "motivation").stdout
    assert run("framework", "domain", "financial").stdout == (
        run("framework", "measures", "financial").stdout
    )


@pytest.mark.parametrize("columns", [80, 60])
def test_framework_tables_keep_every_word_whole_at_the_width(columns):
    out = run("framework", columns=columns).stdout
    assert "…" not in out  # an indicator id is folded, never cut short
    assert too_wide(out, columns) == []


# --- modelh rules --------------------------------------------------------------------


@pytest.mark.parametrize("columns", [80, 60])
def test_rules_list_reads_at_the_terminal_width(columns):
    result = run("rules", columns=columns)
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert too_wide(out, columns) == []
    assert "…" not in out and "..." not in out  # no word cut short
    rules = all_rules()
    # about one or two lines a rule at 80 columns; a third for the longer titles at 60
    per_rule = 2 if columns >= 80 else 3
    assert len(out.splitlines()) <= per_rule * len(rules) + 20
    shown = words(out)
    for rule in rules:
        # the code, the severity and the title, whole
        assert re.search(rf"{rule.code} {rule.severity} {re.escape(rule.title)}", shown), rule.code
        assert rule.name in shown


@pytest.mark.parametrize("columns", [80, 60])
def test_one_rule_reads_at_the_terminal_width(columns):
    rule = find_rule("MH305")
    result = run("rules", "MH305", columns=columns)
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert too_wide(out, columns) == []
    assert "…" not in out
    assert "Example::" not in out and "Example:" in out
    why = " ".join(rule.doc.split("Why it matters:")[1].split("How to fix:")[0].split())
    assert why in words(out)
    # the paragraph is wrapped anew at the width: no short line inside it
    lines = out.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("Why it matters"))
    end = next(i for i in range(start, len(lines)) if not lines[i].strip())
    paragraph = lines[start:end]
    assert len(paragraph) >= 2
    assert all(len(line) >= columns - 16 for line in paragraph[:-1]), paragraph
    assert "      - id: member-nps" in out  # the example's indentation, kept


# --- modelh check: long source lines -------------------------------------------------

WIDE = "長" * 30  # 60 cells


@pytest.mark.parametrize("columns", [80, 60])
def test_a_long_source_line_is_trimmed_around_the_caret(tmp_path, columns):
    line = f'canvas: {{title: "{WIDE}\tand\ta tab", organization: O, {"x" * 40}: 1}}'
    (tmp_path / "c.yaml").write_text(f"modelh: 1\n{line}\n", encoding="utf-8")
    result = run("check", "--isolated", "c.yaml", columns=columns, cwd=tmp_path)
    out = result.stdout
    assert too_wide(out, columns) == []
    lines = out.splitlines()
    source = next(i for i, ln in enumerate(lines) if "│" in ln and "xxxx" in ln)
    shown, caret = lines[source], lines[source + 1]
    assert "…" in shown  # a visible mark where the line was cut
    # the caret stands under the unknown key's first character, counted in cells
    at = cells(caret[: caret.index("^")])
    before = next(n for n in range(len(shown) + 1) if cells(shown[:n]) == at)
    assert shown[before:].startswith("xxxx")
    key, width = shown[before:], caret.count("^")
    assert key[:width] == "x" * width  # under the key, as far as the line is shown
    assert width == 40 or key[width] == "…"


def test_a_long_line_of_backslashes_is_shown_from_where_the_finding_is(tmp_path):
    line = "notes: " + "\\" * 5000
    (tmp_path / "c.yaml").write_text(f"modelh: 1\ncanvas: {{title: T, organization: O}}\n{line}\n")
    out = run("check", "--isolated", "c.yaml", cwd=tmp_path).stdout
    shown = next(ln for ln in out.splitlines() if "│ notes" in ln)
    assert shown.endswith("…") and cells(shown) <= 80


# --- modelh check: wrapped to the width ----------------------------------------------


@pytest.mark.parametrize("columns", [80, 60, 48])
def test_check_text_fits_the_width_on_a_new_canvas_and_the_examples(tmp_path, columns):
    new_canvas(tmp_path)
    targets = [(tmp_path, "acme.yaml")] + [(ROOT, str(p.relative_to(ROOT))) for p in EXAMPLES]
    for cwd, target in targets:  # named short: a file's name is printed whole, never wrapped
        result = run("check", "--isolated", target, columns=columns, cwd=cwd)
        assert result.exit_code in (0, 1), result.output
        assert too_wide(result.stdout, columns) == [], target
        assert "completeness: answers" in result.stdout


def test_a_wrapped_message_never_starts_a_line_with_a_workflow_command(tmp_path):
    for n in range(50):
        role = "x" * n + " ::error file=a::pwned"
        (tmp_path / "c.yaml").write_text(
            "modelh: 1\ncanvas: {title: T, organization: O}\n"
            f"segments:\n  - id: s\n    name: S\n    role: '{role}'\n"
        )
        out = run("check", "--isolated", "c.yaml", columns=60, cwd=tmp_path).stdout
        assert [ln for ln in out.splitlines() if ln.lstrip().startswith("::")] == [], n
        assert too_wide(out, 60) == [], n  # wrapped, not left to the terminal


# --- modelh check: one rule at one place, said once ----------------------------------


def test_check_names_the_unmeasured_domains_once(tmp_path):
    path = new_canvas(tmp_path)
    out = run("check", "--isolated", str(path), cwd=tmp_path).stdout
    assert out.count("MH305") == 1
    block = words(out.split("MH305")[1].split("MH307")[0])
    for domain in vocab.DOMAIN_IDS:
        assert f"'{domain}'" in block
    assert out.count("│   measures: []") == 1  # the line shown once for its findings
    summary = out.strip().splitlines()[-1]
    assert summary.startswith("Found 28 findings")  # every finding still counted
    assert out.count("MH201") == 7  # each empty dimension at its own key: apart


def test_check_merges_each_rule_at_one_place_but_json_keeps_every_finding(tmp_path):
    (tmp_path / "c.yaml").write_text(
        "modelh: 1\ncanvas: {title: T, organization: O}\n"
        "segments:\n  - {id: a, name: A, role: user}\n"
        "customer_relationships:\n  answers:\n    expectations: {a: Care when they need it.}\n"
    )
    out = run("check", "--isolated", "c.yaml", cwd=tmp_path).stdout
    for code in ("MH101", "MH201", "MH305", "MH307", "MH308"):
        assert out.count(code) == 1, code
    merged = words(out)
    for dim in vocab.DIMENSION_IDS:
        assert f"'{dim}'" in merged.split("MH201")[1].split("MH")[0], dim
    data = json.loads(run("check", "--isolated", "-f", "json", "c.yaml", cwd=tmp_path).stdout)
    found = [f["code"] for f in data["findings"]]
    assert found.count("MH201") == 7 and found.count("MH305") == 7
    concise = run("check", "--isolated", "-f", "concise", "c.yaml", cwd=tmp_path).stdout
    assert concise.count("MH305") == 7


# --- fix texts -----------------------------------------------------------------------


def test_mh201_on_an_empty_dimension_does_not_say_to_add_it(tmp_path):
    path = new_canvas(tmp_path)
    data = json.loads(run("check", "--isolated", "-f", "json", str(path), cwd=tmp_path).stdout)
    fixes = [f["fix"] for f in data["findings"] if f["code"] == "MH201"]
    assert len(fixes) == 7
    for fix in fixes:
        assert not fix.startswith("add"), fix
        assert "use:" in fix and "core" in fix and "none" in fix


MIX = """\
modelh: 1
canvas: {title: T, organization: O}
segments:
  - {id: members, name: Members, role: user}
  - {id: employers, name: Employers, role: buyer}
customer_relationships:
  dimensions:
    navigation:
      use: core
      segments:
        members: core
"""


def _mh405_fix(tmp_path: Path, text: str) -> str:
    (tmp_path / "c.yaml").write_text(text)
    data = json.loads(run("check", "--isolated", "-f", "json", "c.yaml", cwd=tmp_path).stdout)
    (fix,) = [f["fix"] for f in data["findings"] if f["code"] == "MH405"]
    return fix


def test_mh405_fix_speaks_of_the_mix_when_the_dimension_has_one(tmp_path):
    fix = _mh405_fix(tmp_path, MIX)
    assert "employers: supporting" in fix and "navigation" in fix


def test_mh405_fix_says_when_the_mix_puts_the_segment_at_none(tmp_path):
    fix = _mh405_fix(tmp_path, MIX + "        employers: none\n")
    assert "'employers' is none in the mix of navigation" in fix
    assert "employers: supporting" in fix


# --- the pieces a caret is counted in ------------------------------------------------


@given(
    st.text(alphabet=st.sampled_from(["a", " ", "\t", ":", "#", "[", "長", "\x1b", "\n", "\udce9"]))
)
def test_printable_pieces_show_each_character_as_printable_shows_the_text(text):
    pieces = printable_pieces(text)
    assert len(pieces) == len(text)
    assert "".join(pieces) == printable(text)
