"""``modelh history``: a canvas's measures, stages and completeness over its git history."""

from __future__ import annotations

import json
import subprocess

import pytest
from typer.testing import CliRunner

from modelh.cli.main import app
from modelh.history.trend import canvas_history
from modelh.history.trend_output import figure_chain

from .gitrepos import DATES, FIRST, SECOND, THIRD, commit, git, init, three_commits

runner = CliRunner()


def run(*args: str):
    return runner.invoke(app, list(args))


def history_json(*args: str) -> dict:
    result = run("history", *args, "-f", "json")
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_three_commits_item_by_item(tmp_path):
    canvas = three_commits(tmp_path / "repo")
    data = history_json(str(canvas))
    versions = data["versions"]
    assert [v["date"][:10] for v in versions] == ["2026-03-01", "2026-06-01", "2026-09-01"]
    # each version read under the name it had then: the rename is followed
    assert [v["path"] for v in versions] == ["plan.yaml", "plan.yaml", "riverside-ma.yaml"]
    assert versions[0]["subject"] == "First workshop"
    assert all(v["problem"] == "" and v["completeness"]["overall"] >= 0 for v in versions)
    [nps] = data["measures"]
    assert nps["id"] == "nps" and nps["unit"] == "NPS points"
    points = [(p["when"], p["baseline"], p["current"], p["target"]) for p in nps["points"]]
    assert points == [
        ("2026-03-01", 18, 20, 35),
        ("2026-06-01", 18, 24, 35),
        ("2026-09-01", 18, 24, 35),
    ]
    stages = {s["id"]: [(p["when"], p["stage"]) for p in s["points"]] for s in data["stages"]}
    assert stages["members"] == [
        ("2026-03-01", "interact"),
        ("2026-06-01", "interact"),
        ("2026-09-01", "engage"),
    ]
    assert stages["employers"] == [(d[:10], "communicate") for d in DATES]
    assert data["shallow"] is False and data["truncated"] is False


def test_completeness_over_time(tmp_path):
    repo = init(tmp_path / "repo")
    commit(repo, "started", DATES[0], **{"plan.yaml": FIRST})
    answered = FIRST.replace(
        "  dimensions:\n",
        "    feedback: Text surveys after calls; a call-back to every detractor in a week.\n"
        "    growth: Turning-65 members from our own commercial book.\n"
        "  dimensions:\n",
    )
    commit(repo, "two answers", DATES[1], **{"plan.yaml": answered})
    versions = canvas_history(str(repo / "plan.yaml")).versions
    first, second = (v.completeness or {} for v in versions)
    assert second["answers"] > first["answers"] and second["overall"] > first["overall"]


def test_text_shows_the_figures_as_they_moved(tmp_path):
    canvas = three_commits(tmp_path / "repo")
    result = run("history", str(canvas))
    assert result.exit_code == 0
    text = result.stdout
    assert text.startswith(f"{canvas}: 3 versions, 2026-03-01 to 2026-09-01 (commit dates)")
    assert "current: 20 (2026-03-01) → 24 (2026-06-01)" in text
    assert "2026-03-01 interact → engage · 2026-09-01 engage → engage" in text
    assert "First workshop" in text


def test_markdown_has_a_table_of_versions_and_one_of_measures(tmp_path):
    canvas = three_commits(tmp_path / "repo")
    result = run("history", str(canvas), "-f", "md")
    assert result.exit_code == 0
    text = result.stdout
    assert "| date | commit | version | status | completeness | subject |" in text
    assert (
        "| Member NPS `nps` | NPS points, up is better | 20 (2026-03-01) → 24 (2026-06-01) "
        "| 18 | 35 |"
    ) in text


def test_dates_can_be_the_canvases_own(tmp_path):
    repo = init(tmp_path / "repo")
    commit(repo, "one", DATES[0], **{"plan.yaml": FIRST})
    commit(repo, "two", DATES[1], **{"plan.yaml": SECOND.replace("2026-03-01", "2026-05-20")})
    data = history_json(str(repo / "plan.yaml"), "--dates", "canvas")
    assert [p["when"] for p in data["measures"][0]["points"]] == ["2026-03-01", "2026-05-20"]


def test_max_and_since_bound_what_is_read(tmp_path):
    canvas = three_commits(tmp_path / "repo")
    data = history_json(str(canvas), "--max", "2")
    assert [v["subject"][:6] for v in data["versions"]] == ["Second", "Member"]
    assert data["truncated"] is True
    text = run("history", str(canvas), "--max", "2").stdout
    assert "only the newest 2 commits are read" in text
    data = history_json(str(canvas), "--since", "2026-05-01")
    assert len(data["versions"]) == 2 and data["truncated"] is False
    bad = run("history", str(canvas), "--since", "last tuesday-ish")
    assert bad.exit_code == 2 and "--since 'last tuesday-ish' is neither" in bad.output


def test_a_deleted_canvas_has_its_history_and_its_deletion(tmp_path):
    canvas = three_commits(tmp_path / "repo")
    git(canvas.parent, "rm", "-q", canvas.name)
    git(canvas.parent, "commit", "-q", "-m", "Client left", date="2026-12-01T10:00:00+00:00")
    assert not canvas.exists()
    data = history_json(str(canvas))
    assert len(data["versions"]) == 4
    last = data["versions"][-1]
    assert last["problem"] == "deleted in this commit" and last["completeness"] is None
    assert [p["current"] for p in data["measures"][0]["points"]] == [20, 24, 24]
    text = run("history", str(canvas)).stdout
    assert "deleted in this commit" in text


def test_a_version_that_does_not_load_keeps_its_place(tmp_path):
    repo = init(tmp_path / "repo")
    commit(repo, "one", DATES[0], **{"plan.yaml": FIRST})
    commit(repo, "oops", DATES[1], **{"plan.yaml": FIRST.replace("role: both", "role: member")})
    commit(repo, "mended", DATES[2], **{"plan.yaml": THIRD})
    data = history_json(str(repo / "plan.yaml"))
    problems = [v["problem"] for v in data["versions"]]
    assert problems[0] == "" and problems[2] == ""
    assert problems[1].startswith("not a valid canvas here: segment 'members': role 'member'")
    assert [p["when"] for p in data["measures"][0]["points"]] == ["2026-03-01", "2026-09-01"]


def test_a_canvas_outside_git_is_one_message(tmp_path):
    path = tmp_path / "plan.yaml"
    path.write_text(FIRST, encoding="utf-8")
    result = run("history", str(path))
    assert result.exit_code == 2
    assert result.output.strip() == (
        f"modelh: error: {path} is not in a git repository; history is read from git"
    )


def test_a_canvas_never_committed_is_one_message(tmp_path):
    repo = three_commits(tmp_path / "repo").parent
    (repo / "new.yaml").write_text(FIRST, encoding="utf-8")
    result = run("history", str(repo / "new.yaml"))
    assert result.exit_code == 2
    assert (
        result.output.strip()
        == f"modelh: error: git holds no commit of {repo / 'new.yaml'}: nothing to show"
    )


def test_a_shallow_clone_says_how_far_back_it_could_see(tmp_path):
    canvas = three_commits(tmp_path / "repo")
    clone = tmp_path / "clone"
    subprocess.run(
        ["git", "clone", "-q", "--depth", "2", f"file://{canvas.parent}", str(clone)],
        check=True,
        capture_output=True,
    )
    data = history_json(str(clone / canvas.name))
    assert data["shallow"] is True and len(data["versions"]) == 2
    assert data["oldest"] == "2026-06-01"
    text = run("history", str(clone / canvas.name)).stdout
    assert "shallow clone: git holds history back to 2026-06-01 only" in text


def test_history_reads_git_in_a_few_processes_whatever_the_number_of_commits(tmp_path, monkeypatch):
    repo = init(tmp_path / "repo")
    for n in range(15):
        text = FIRST.replace("current: 20", f"current: {20 + n}")
        commit(repo, f"week {n}", f"2026-04-{n + 1:02}T10:00:00+00:00", **{"plan.yaml": text})
    started = []
    real = subprocess.Popen

    def counting(args, *rest, **kwargs):
        started.append(args)
        return real(args, *rest, **kwargs)

    monkeypatch.setattr(subprocess, "Popen", counting)
    data = history_json(str(repo / "plan.yaml"))
    assert [p["current"] for p in data["measures"][0]["points"]] == list(range(20, 35))
    assert any("log" in args for args in started)  # the count sees git being run
    assert len(started) <= 4, [a[:6] for a in started]  # rev-parse, log, two cat-files


def test_history_as_data_for_a_report(tmp_path):
    canvas = three_commits(tmp_path / "repo")
    found = canvas_history(str(canvas))
    [nps] = found.measure_series()
    assert figure_chain(nps, "current") == [("2026-03-01", "20"), ("2026-06-01", "24")]
    assert [p.current for p in nps.points] == [20, 24, 24]


@pytest.mark.parametrize("value", ["0", "10001"])
def test_max_is_bounded(tmp_path, value):
    canvas = three_commits(tmp_path / "repo")
    result = run("history", str(canvas), "--max", value)
    assert result.exit_code == 2


def test_a_folder_is_not_a_canvas(tmp_path):
    repo = three_commits(tmp_path / "repo").parent
    result = run("history", str(repo))
    assert result.exit_code == 2
    assert (
        result.output.strip() == f"modelh: error: {repo} is a folder; history reads one canvas file"
    )


def test_a_merge_that_combines_two_branches_edits_is_the_newest_version(tmp_path):
    repo = init(tmp_path / "repo")
    commit(repo, "first", DATES[0], **{"plan.yaml": FIRST, "other.yaml": FIRST})
    git(repo, "checkout", "-q", "-b", "workshop")
    commit(repo, "Q2 NPS", DATES[1], **{"plan.yaml": FIRST.replace("current: 20", "current: 24")})
    git(repo, "checkout", "-q", "main")
    bumped = FIRST.replace('version: "1.0"', 'version: "1.1"')
    commit(repo, "version 1.1", DATES[1], **{"plan.yaml": bumped})
    git(repo, "merge", "-q", "--no-edit", "-m", "merge workshop", "workshop", date=DATES[2])
    data = history_json(str(repo / "plan.yaml"))
    last = data["versions"][-1]
    # the canvas as it is now: both edits, from the merge
    assert (last["subject"], last["version"]) == ("merge workshop", "1.1")
    assert data["measures"][0]["points"][-1]["current"] == 24
    assert len(data["versions"]) == 4
    # a merge that left a canvas as it was is no version of it
    assert [v["subject"] for v in history_json(str(repo / "other.yaml"))["versions"]] == ["first"]


def test_a_shallow_clones_oldest_commit_is_not_said_to_have_changed_the_canvas(tmp_path):
    canvas = three_commits(tmp_path / "repo")
    commit(canvas.parent, "another client", "2026-10-01T10:00:00+00:00", **{"acme.yaml": FIRST})
    clone = tmp_path / "clone"
    subprocess.run(
        ["git", "clone", "-q", "--depth", "1", f"file://{canvas.parent}", str(clone)],
        check=True,
        capture_output=True,
    )
    data = history_json(str(clone / canvas.name))
    [version] = data["versions"]
    assert version["boundary"] is True and version["completeness"] is not None
    text = run("history", str(clone / canvas.name)).stdout
    assert "another client" not in text  # that commit did not touch this canvas
    assert "as it was by the shallow clone's oldest commit" in text


def test_a_repository_without_commits_yet_is_one_clear_message(tmp_path):
    repo = init(tmp_path / "repo")
    (repo / "plan.yaml").write_text(FIRST, encoding="utf-8")
    git(repo, "add", "plan.yaml")
    result = run("history", str(repo / "plan.yaml"))
    assert result.exit_code == 2
    assert result.output.strip() == (
        f"modelh: error: git holds no commit of {repo / 'plan.yaml'}: "
        "the repository has no commits yet"
    )


def test_the_old_name_of_a_renamed_canvas_says_where_it_went(tmp_path):
    canvas = three_commits(tmp_path / "repo")
    data = history_json(str(canvas.parent / "plan.yaml"))
    last = data["versions"][-1]
    assert last["problem"] == "renamed to riverside-ma.yaml in this commit"
    text = run("history", str(canvas.parent / "plan.yaml")).stdout
    assert "deleted" not in text and "renamed to riverside-ma.yaml in this commit" in text


def test_a_yaml_file_that_never_was_a_canvas_is_one_message(tmp_path):
    repo = init(tmp_path / "repo")
    compose = "services:\n  web:\n    image: nginx\n"
    commit(repo, "compose", DATES[0], **{"docker-compose.yml": compose})
    commit(repo, "port", DATES[1], **{"docker-compose.yml": compose + "    ports: [80]\n"})
    result = run("history", str(repo / "docker-compose.yml"))
    assert result.exit_code == 2
    assert result.output.strip() == (
        f"modelh: error: {repo / 'docker-compose.yml'} is not a canvas: "
        "none of its 2 versions in git has a 'modelh: 1' line"
    )


def test_a_file_name_git_would_read_as_a_pattern_is_taken_as_written(tmp_path):
    repo = init(tmp_path / "repo")
    name = ":(exclude)plan.yaml"  # pathspec magic to git, unless told to read names literally
    commit(repo, "first", DATES[0], **{name: FIRST, "plan.yaml": FIRST})
    commit(repo, "second", DATES[1], **{name: SECOND})
    data = history_json(str(repo / name))
    assert [v["subject"] for v in data["versions"]] == ["first", "second"]


def test_the_text_says_where_the_canvas_was_renamed(tmp_path):
    canvas = three_commits(tmp_path / "repo")
    lines = run("history", str(canvas)).stdout.splitlines()
    [renamed] = [line for line in lines if "renamed from" in line]
    assert "Members reach engage" in renamed and renamed.endswith("(renamed from plan.yaml)")
    markdown = run("history", str(canvas), "-f", "md").stdout
    assert markdown.count("renamed from plan.yaml") == 1


def test_a_repository_git_refuses_to_read_is_not_called_no_repository(tmp_path, monkeypatch):
    canvas = three_commits(tmp_path / "repo")
    # git in a container, over a repository another user owns
    fake = tmp_path / "bin" / "git"
    fake.parent.mkdir()
    fake.write_text(
        "#!/bin/sh\n"
        f"echo \"fatal: detected dubious ownership in repository at '{canvas.parent}'\" >&2\n"
        "exit 128\n",
        encoding="utf-8",
    )
    fake.chmod(0o755)
    monkeypatch.setenv("PATH", str(fake.parent))
    result = run("history", str(canvas))
    assert result.exit_code == 2
    message = result.output.strip()
    assert "not in a git repository" not in message
    assert message.startswith("modelh: error: git refuses to read the repository holding")
    assert f"detected dubious ownership in repository at '{canvas.parent}'" in message


def test_a_measure_no_longer_in_the_canvas_says_since_when(tmp_path):
    repo = init(tmp_path / "repo")
    commit(repo, "first", DATES[0], **{"plan.yaml": FIRST})
    renamed = FIRST.replace("    - id: nps\n", "    - id: member-nps\n")
    commit(repo, "measure id renamed", DATES[1], **{"plan.yaml": renamed})
    data = history_json(str(repo / "plan.yaml"))
    removed = {m["id"]: m["removed"] for m in data["measures"]}
    assert removed == {"member-nps": None, "nps": "2026-06-01"}
    text = run("history", str(repo / "plan.yaml")).stdout
    [line] = [x for x in text.splitlines() if "(nps)" in x]
    assert line.endswith("not in the canvas since 2026-06-01")
    assert "not in the canvas" not in next(x for x in text.splitlines() if "(member-nps)" in x)


def test_merges_that_did_not_touch_the_canvas_do_not_use_up_max(tmp_path):
    repo = init(tmp_path / "repo")
    commit(repo, "first", DATES[0], **{"plan.yaml": FIRST})
    commit(repo, "second", DATES[1], **{"plan.yaml": SECOND})
    for n in range(4):  # other work merged from branches, the canvas untouched
        git(repo, "checkout", "-q", "-b", f"b{n}", "main")
        commit(repo, f"branch {n}", DATES[2], **{f"notes{n}.md": "x\n"})
        git(repo, "checkout", "-q", "main")
        commit(repo, f"main {n}", DATES[2], **{f"other{n}.md": "y\n"})
        git(repo, "merge", "-q", "--no-edit", f"b{n}", date=DATES[2])
    data = history_json(str(repo / "plan.yaml"), "--max", "2")
    assert [v["subject"] for v in data["versions"]] == ["first", "second"]
    assert data["truncated"] is False
