"""``modelh status``: one line per canvas, where each one stands."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

from typer.testing import CliRunner

from modelh.cli.main import app

from .gitrepos import DATES, FIRST, THIRD, commit, init

runner = CliRunner()

#: A second client, with a segment past the Trust Inflection Point.
BETA = (
    THIRD.replace("Riverside Health Plan", "Beta Care")
    .replace("title: Medicare Advantage 2027", "title: Employer plans 2027")
    .replace("    stage: engage\n", "    stage: collaborate\n", 1)
    .replace('version: "1.0"', 'version: "2.3"')
    .replace("status: draft", "status: review")
)

BROKEN = "modelh: 1\ncanvas:\n  title: [unclosed\n"


def run(*args: str, cwd: Path | None = None):
    old = os.getcwd()
    if cwd is not None:
        os.chdir(cwd)
    try:
        return runner.invoke(app, list(args))
    finally:
        os.chdir(old)


def clients(tmp_path: Path) -> Path:
    repo = init(tmp_path / "repo")
    commit(repo, "acme", DATES[0], **{"clients__acme.yaml": FIRST, "clients__broken.yaml": BROKEN})
    commit(repo, "beta", DATES[1], **{"clients__beta.yaml": BETA})
    return repo


def rows(*args: str, cwd: Path | None = None) -> dict[str, dict]:
    result = run("status", *args, "--isolated", "-f", "json", cwd=cwd)
    assert result.exit_code == 0, result.output
    return {Path(r["file"]).name: r for r in json.loads(result.stdout)["canvases"]}


def test_one_row_per_canvas_with_what_it_says_and_its_last_commit(tmp_path):
    repo = clients(tmp_path)
    found = rows(str(repo / "clients"))
    assert set(found) == {"acme.yaml", "beta.yaml", "broken.yaml"}
    acme, beta = found["acme.yaml"], found["beta.yaml"]
    assert (acme["organization"], acme["title"], acme["status"], acme["version"]) == (
        "Riverside Health Plan",
        "Medicare Advantage 2027",
        "draft",
        "1.0",
    )
    assert (beta["organization"], beta["status"], beta["version"]) == ("Beta Care", "review", "2.3")
    assert acme["past_tip"] == [] and beta["past_tip"] == ["members"]
    assert acme["segments"] == 2
    assert acme["changed"].startswith("2026-03-01") and acme["changed_from"] == "git"
    assert beta["changed"].startswith("2026-06-01") and acme["uncommitted"] is False
    assert isinstance(acme["completeness"], int)


def test_errors_and_warnings_are_what_check_finds(tmp_path):
    repo = clients(tmp_path)
    found = rows(str(repo / "clients"))
    check = run("check", str(repo / "clients"), "--isolated", "-f", "json")
    findings = json.loads(check.stdout)["findings"]
    for name in ("acme.yaml", "beta.yaml"):
        mine = [f for f in findings if Path(f["file"]).name == name]
        assert found[name]["errors"] == sum(f["severity"] == "error" for f in mine)
        assert found[name]["warnings"] == sum(f["severity"] == "warning" for f in mine)
    assert found["acme.yaml"]["warnings"] > 0


def test_a_broken_canvas_is_a_line_with_its_problem(tmp_path):
    repo = clients(tmp_path)
    broken = rows(str(repo / "clients"))["broken.yaml"]
    assert broken["problem"].startswith(f"{repo / 'clients' / 'broken.yaml'}:4:1: YAML syntax")
    assert broken["errors"] == 1 and broken["organization"] is None
    result = run("status", str(repo / "clients"), "--isolated")
    assert result.exit_code == 0
    assert "Canvases that do not load:" in result.stdout
    assert "(does not load)" in result.stdout
    assert result.stdout.rstrip().endswith("3 canvases, 1 that does not load")


def test_uncommitted_and_untracked_canvases(tmp_path):
    repo = clients(tmp_path)
    (repo / "clients" / "acme.yaml").write_text(FIRST.replace("1.0", "1.1"), encoding="utf-8")
    (repo / "clients" / "new.yaml").write_text(FIRST, encoding="utf-8")
    found = rows(str(repo / "clients"))
    assert found["acme.yaml"]["uncommitted"] is True
    assert found["acme.yaml"]["changed_from"] == "git"
    assert found["new.yaml"]["changed_from"] == "file" and found["new.yaml"]["commit"] is None
    text = run("status", str(repo / "clients"), "--isolated").stdout
    assert "2026-03-01 +edits" in text and "(file)" in text


def test_outside_git_the_files_own_times(tmp_path):
    folder = tmp_path / "canvases"
    folder.mkdir()
    (folder / "acme.yaml").write_text(FIRST, encoding="utf-8")
    found = rows(str(folder))
    assert found["acme.yaml"]["changed_from"] == "file" and found["acme.yaml"]["changed"]


def test_default_is_the_current_folder(tmp_path):
    repo = clients(tmp_path)
    assert set(rows(cwd=repo / "clients")) == {"acme.yaml", "beta.yaml", "broken.yaml"}


def test_sorted_and_filtered(tmp_path):
    repo = clients(tmp_path)
    folder = str(repo / "clients")

    def names(*args: str) -> list[str]:
        result = run("status", folder, "--isolated", "-f", "json", *args)
        assert result.exit_code == 0, result.output
        return [Path(r["file"]).name for r in json.loads(result.stdout)["canvases"]]

    # by organization; a canvas without one (it does not load) last
    assert names() == ["beta.yaml", "acme.yaml", "broken.yaml"]
    # the same day: by file name
    assert names("--sort", "changed") == ["acme.yaml", "broken.yaml", "beta.yaml"]
    assert names("--sort", "changed", "--reverse") == ["beta.yaml", "broken.yaml", "acme.yaml"]
    assert names("--sort", "past-tip", "--reverse")[0] == "beta.yaml"
    assert names("--status", "review") == ["beta.yaml"]
    assert names("--status", "draft", "--status", "review") == ["beta.yaml", "acme.yaml"]
    assert names("--org", "riverside") == ["acme.yaml"]
    assert names("--errors") == ["broken.yaml"]
    assert "broken.yaml" in names("--below", "101")
    bad = run("status", folder, "--sort", "colour")
    assert bad.exit_code == 2


def test_text_shortens_long_names_for_a_terminal_not_for_a_pipe(tmp_path):
    from modelh.history.status import canvas_status
    from modelh.history.status_output import status_text

    repo = clients(tmp_path)
    report = canvas_status([str(repo / "clients")])
    narrow = status_text(report, width=80)
    assert "Riverside Heal…  Medicare Advanta…" in narrow  # shortened to leave room
    assert "clients/acme.yaml" in narrow  # the file name never
    whole = status_text(report, width=None)
    assert "Medicare Advantage 2027" in whole and "Employer plans 2027" in whole


def test_git_is_read_in_one_pass_whatever_the_number_of_canvases(tmp_path, monkeypatch):
    repo = init(tmp_path / "repo")
    files = {f"c__client-{n:02}.yaml": FIRST.replace("Riverside", f"Client {n}") for n in range(30)}
    commit(repo, "thirty clients", DATES[0], **files)
    commit(repo, "one changed", DATES[1], **{"c__client-07.yaml": SECOND_CLIENT})
    started = []
    real = subprocess.Popen

    def counting(args, *rest, **kwargs):
        started.append(args)
        return real(args, *rest, **kwargs)

    monkeypatch.setattr(subprocess, "Popen", counting)
    found = rows(str(repo / "c"), "-j", "1")
    assert len(found) == 30
    assert found["client-07.yaml"]["changed"].startswith("2026-06-01")
    assert found["client-08.yaml"]["changed"].startswith("2026-03-01")
    gits = [a for a in started if "git" in Path(str(a[0])).name]
    assert gits, "the count sees git being run"
    assert len(gits) <= 4, [a[:6] for a in gits]  # rev-parse, ls-files, log, status


SECOND_CLIENT = FIRST.replace("Riverside", "Client 7").replace('version: "1.0"', 'version: "1.1"')


def test_no_canvas_found_is_a_usage_error(tmp_path):
    result = run("status", str(tmp_path))
    assert result.exit_code == 2 and "no canvas files found" in result.output


def test_without_git_the_files_own_times_and_a_note(tmp_path, monkeypatch):
    repo = clients(tmp_path)
    empty = tmp_path / "bin"
    empty.mkdir()
    monkeypatch.setenv("PATH", str(empty))
    result = run("status", str(repo / "clients"), "--isolated", "-f", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert {r["changed_from"] for r in data["canvases"]} == {"file"}
    assert data["note"].startswith("git is not installed")
    text = run("status", str(repo / "clients"), "--isolated").stdout
    assert "(git is not installed" in text


def test_a_merge_that_combines_two_branches_edits_is_the_last_change(tmp_path):
    from .gitrepos import git

    repo = init(tmp_path / "repo")
    commit(repo, "acme", DATES[0], **{"acme.yaml": FIRST})
    git(repo, "checkout", "-q", "-b", "workshop")
    commit(repo, "Q2 NPS", DATES[1], **{"acme.yaml": FIRST.replace("current: 20", "current: 24")})
    git(repo, "checkout", "-q", "main")
    commit(repo, "1.1", DATES[1], **{"acme.yaml": FIRST.replace('"1.0"', '"1.1"')})
    git(repo, "merge", "-q", "--no-edit", "-m", "merge", "workshop", date=DATES[2])
    merge = git(repo, "rev-parse", "HEAD").strip()
    acme = rows(str(repo))["acme.yaml"]
    # the version on disk is the merge's own (both edits): it changed then
    assert acme["commit"] == merge and acme["changed"].startswith("2026-09-01")


def test_a_shallow_clone_does_not_date_old_canvases_at_its_oldest_commit(tmp_path):
    repo = clients(tmp_path)
    commit(repo, "notes", DATES[2], **{"README.md": "Client canvases\n"})
    clone = tmp_path / "clone"
    subprocess.run(
        ["git", "clone", "-q", "--depth", "1", f"file://{repo}", str(clone)],
        check=True,
        capture_output=True,
    )
    acme = rows(str(clone / "clients"))["acme.yaml"]
    # git cannot see when acme changed: only that it was there by the clone's oldest commit
    assert acme["changed"].startswith("2026-09-01") and acme["shallow_boundary"] is True
    result = run("status", str(clone / "clients"), "--isolated")
    line = next(x for x in result.stdout.splitlines() if "acme.yaml" in x)
    assert "≤2026-09-01" in line
    assert "shallow clone" in result.stdout.splitlines()[-1]
    full = rows(str(repo / "clients"))["acme.yaml"]
    assert full["changed"].startswith("2026-03-01") and full["shallow_boundary"] is False


def test_sorting_by_last_change_compares_moments_not_local_clock_times(tmp_path):
    repo = init(tmp_path / "repo")
    # Chicago's evening of the 1st is after London's small hours of the 2nd
    commit(repo, "chicago", "2026-09-01T23:00:00-05:00", **{"chicago.yaml": FIRST})
    commit(repo, "london", "2026-09-02T01:00:00+00:00", **{"london.yaml": THIRD})
    result = run("status", str(repo), "--isolated", "-f", "json", "--sort", "changed")
    names = [Path(r["file"]).name for r in json.loads(result.stdout)["canvases"]]
    assert names == ["london.yaml", "chicago.yaml"]
