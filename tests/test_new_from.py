"""``modelh new PATH --from OLD``: next plan year's canvas from last year's."""

from __future__ import annotations

import datetime as dt
import os

import pytest
from typer.testing import CliRunner

from modelh import load_canvas, parse_canvas
from modelh.canvas.yamlnodes import compose_nodes, plain
from modelh.cli.main import app
from modelh.history.nextyear import bump_version, next_year_text

from .conftest import EXAMPLES, MINIMAL

runner = CliRunner()
RIVERSIDE = next(p for p in EXAMPLES if p.name == "riverside-health-plan.yaml")


def run(*args: str):
    return runner.invoke(app, list(args))


def test_next_year_from_the_worked_example(tmp_path):
    new = tmp_path / "riverside-2028.yaml"
    result = run("new", str(new), "--from", str(RIVERSIDE), "--date", "2027-11-02")
    assert result.exit_code == 0, result.output
    assert "version 1.3 -> 1.4" in result.stdout
    old, made = load_canvas(RIVERSIDE), load_canvas(new)
    assert made.canvas.version == "1.4" and made.canvas.status == "draft"
    assert made.canvas.date == "2027-11-02"
    # every block and answer carried over (test_only_the_edited_values_differ: every value)
    assert {q: (a.text, dict(a.per_segment)) for q, a in made.answers.items()} == {
        q: (a.text, dict(a.per_segment)) for q, a in old.answers.items()
    }
    assert [(d.id, d.use, d.segments) for d in made.dimensions.values()] == [
        (d.id, d.use, d.segments) for d in old.dimensions.values()
    ]
    assert [(s.id, s.stage) for s in made.segments] == [(s.id, s.stage) for s in old.segments]
    assert [i.text for i in made.cost_structure] == [i.text for i in old.cost_structure]
    assert made.canvas.title == old.canvas.title and made.extensions == old.extensions
    for before, after in zip(old.measures, made.measures, strict=True):
        assert after.id == before.id and after.target == before.target
        if before.current is None:
            assert after.baseline == before.baseline and after.current is None
        else:
            assert after.baseline == before.current and after.current is None
    text = new.read_text(encoding="utf-8")
    # the old file's comments and layout are kept, and the old file is named
    assert "    # financial: revenue and cost side by side, as the CFO asked\n" in text
    assert text.startswith(
        f"# Next plan year's canvas, made from {os.path.relpath(RIVERSIDE, tmp_path)} on "
        "2027-11-02 (modelh new --from):\n"
    )
    assert "      baseline: 13.95\n      current:\n" in text  # the figure as it was typed


def test_only_the_edited_values_differ(tmp_path):
    new = tmp_path / "next.yaml"
    assert run("new", str(new), "--from", str(RIVERSIDE)).exit_code == 0
    old_data = plain(compose_nodes(RIVERSIDE.read_text(encoding="utf-8")))
    new_data = plain(compose_nodes(new.read_text(encoding="utf-8")))
    info = new_data.pop("canvas")
    old_info = old_data.pop("canvas")
    assert info["date"] == dt.date.today().isoformat() and info["status"] == "draft"
    assert {k: v for k, v in info.items() if k not in ("date", "status", "version")} == {
        k: v for k, v in old_info.items() if k not in ("date", "status", "version")
    }
    for measure in old_data["customer_relationships"]["measures"]:
        if measure.get("current") is not None:
            measure["baseline"], measure["current"] = measure["current"], None
    assert new_data == old_data


@pytest.mark.parametrize(
    "version, bumped",
    [("1.10", "1.11"), ("1.09", "1.10"), ("0.4", "0.5"), ("2", "3"), ("2026.1.9", "2026.1.10")],
)
def test_a_dotted_version_is_bumped(version, bumped):
    assert bump_version(version) == bumped


@pytest.mark.parametrize("version", ['"v2"', "2027-draft", '"1.2 beta"'])
def test_any_other_version_is_kept_with_a_note(tmp_path, version):
    old = tmp_path / "old.yaml"
    old.write_text(MINIMAL + f"  version: {version}\n", encoding="utf-8")
    new = tmp_path / "new.yaml"
    result = run("new", str(new), "--from", str(old))
    assert result.exit_code == 0
    assert load_canvas(new).canvas.version == load_canvas(old).canvas.version
    assert "is not a dotted number, so it was kept: set the new one in canvas.version" in (
        result.output
    )


def test_an_unquoted_version_stays_text(tmp_path):
    old = tmp_path / "old.yaml"
    old.write_text(MINIMAL + "  version: 1.10\n", encoding="utf-8")
    text, info = next_year_text(old.read_text(), "old.yaml", today="2027-01-04")
    assert parse_canvas(text).canvas.version == "1.11"
    assert info.new_version == "1.11" and info.old_version == "1.10"


def test_figures_keep_their_digits_and_a_measure_without_current_keeps_its_baseline():
    old = (
        MINIMAL
        + "customer_relationships:\n  measures:\n"
        + "    - {id: a, baseline: 1.00, current: 1.50, target: 2.0}\n"
        + "    - id: b\n      baseline: 7\n      current:\n"
    )
    text, info = next_year_text(old, "old.yaml", today="2027-01-04")
    assert "{id: a, baseline: 1.50, current: , target: 2.0}" in text or (
        "baseline: 1.50" in text and parse_canvas(text).measure("a").current is None
    )
    assert info.baselines == ("a",) and info.kept == ("b",)
    assert parse_canvas(text).measure("b").baseline == 7


def test_the_old_files_line_endings_and_schema_line_are_kept(tmp_path):
    old = tmp_path / "old.yaml"
    text = "# yaml-language-server: $schema=modelh.schema.json\n" + MINIMAL + '  version: "3.1"\n'
    old.write_bytes(text.replace("\n", "\r\n").encode("utf-8"))
    new = tmp_path / "new.yaml"
    assert run("new", str(new), "--from", str(old), "--date", "2027-01-04").exit_code == 0
    written = new.read_bytes().decode("utf-8")
    lines = written.split("\r\n")
    assert lines[0] == "# yaml-language-server: $schema=modelh.schema.json"
    assert lines[1].startswith("# Next plan year's canvas, made from old.yaml on 2027-01-04")
    assert "\n" not in written.replace("\r\n", "")


def test_title_organization_and_people_can_be_given(tmp_path):
    new = tmp_path / "next.yaml"
    result = run(
        "new",
        str(new),
        "--from",
        str(RIVERSIDE),
        "--title",
        "Medicare Advantage and Employer Relationships 2028",
        "--by",
        "Marcus Oyelaran",
    )
    assert result.exit_code == 0, result.output
    made = load_canvas(new)
    assert made.canvas.title.endswith("2028")
    assert made.canvas.prepared_by == ("Marcus Oyelaran",)
    assert made.canvas.organization == "Riverside Health Plan"


def test_never_overwrites_and_refuses_an_invalid_old_canvas(tmp_path):
    existing = tmp_path / "next.yaml"
    existing.write_text("mine: keep me\n", encoding="utf-8")
    result = run("new", str(existing), "--from", str(RIVERSIDE))
    assert result.exit_code == 2 and "already exists" in result.output
    assert existing.read_text(encoding="utf-8") == "mine: keep me\n"
    bad = tmp_path / "bad.yaml"
    bad.write_text(MINIMAL + "  status: drafty\n", encoding="utf-8")
    result = run("new", str(tmp_path / "n.yaml"), "--from", str(bad))
    assert result.exit_code == 2
    assert f"{bad}: 1 problem: {bad}:5:11" in result.output
    assert not (tmp_path / "n.yaml").exists()
    missing = run("new", str(tmp_path / "m.yaml"), "--from", str(tmp_path / "none.yaml"))
    assert missing.exit_code == 2 and "no such file" in missing.output


def test_without_from_org_and_title_are_still_required(tmp_path):
    result = run("new", str(tmp_path / "c.yaml"), "--title", "B")
    assert result.exit_code == 2
    assert "missing option '--org'" in result.output
    result = run("new", str(tmp_path / "c.yaml"), "--org", "A")
    assert result.exit_code == 2 and "missing option '--title'" in result.output
    assert not (tmp_path / "c.yaml").exists()


def test_a_file_name_that_could_end_the_comment_is_escaped(tmp_path):
    folder = tmp_path / "odd\nstatus: final"
    folder.mkdir()
    old = folder / "old.yaml"
    old.write_text(MINIMAL, encoding="utf-8")
    new = tmp_path / "new.yaml"
    assert run("new", str(new), "--from", str(old)).exit_code == 0
    made = load_canvas(new)
    assert made.canvas.status == "draft"
    assert "odd\\nstatus: final/old.yaml" in new.read_text(encoding="utf-8")


def test_a_logo_left_behind_in_the_old_folder_is_named(tmp_path):
    import shutil

    last_year = tmp_path / "2027"
    last_year.mkdir()
    shutil.copy(RIVERSIDE, last_year / "riverside.yaml")
    shutil.copytree(RIVERSIDE.parent / "assets", last_year / "assets")
    result = run(
        "new",
        str(tmp_path / "2028" / "riverside.yaml"),
        "--from",
        str(last_year / "riverside.yaml"),
    )
    assert result.exit_code == 0, result.output
    assert "note: the logo 'assets/riverside-logo.svg' is beside" in result.stderr
    assert "copy it" in result.stderr
    # beside the old canvas, the logo is found: nothing to say
    result = run(
        "new", str(last_year / "riverside-2028.yaml"), "--from", str(last_year / "riverside.yaml")
    )
    assert result.exit_code == 0 and "logo" not in result.stderr
