"""``modelh diff``: two versions of a canvas compared by meaning, from files or from git."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from modelh import parse_canvas
from modelh.cli.main import app
from modelh.history.diff import diff_canvases

from .conftest import EXAMPLES, dedent
from .gitrepos import DATES, FIRST, SECOND, THIRD, commit, git, init, three_commits

runner = CliRunner()


def run(*args: str, cwd: Path | None = None):
    if cwd is None:
        return runner.invoke(app, list(args))
    old = os.getcwd()
    os.chdir(cwd)
    try:
        return runner.invoke(app, list(args))
    finally:
        os.chdir(old)


def as_json(*args: str, cwd: Path | None = None) -> tuple[int, dict]:
    result = run("diff", *args, "--isolated", "-f", "json", cwd=cwd)
    assert result.exit_code in (0, 1), result.output
    return result.exit_code, json.loads(result.stdout)


def two_files(tmp_path: Path, old: str, new: str) -> tuple[str, str]:
    a, b = tmp_path / "old.yaml", tmp_path / "new.yaml"
    a.write_text(dedent(old) if old.startswith("\n") else old, encoding="utf-8")
    b.write_text(dedent(new) if new.startswith("\n") else new, encoding="utf-8")
    return str(a), str(b)


def diff_of(old: str, new: str):
    return diff_canvases(
        parse_canvas(dedent(old), "old.yaml"), parse_canvas(dedent(new), "new.yaml")
    )


# ---------------------------------------------------------------------------
# Two files


def test_a_reworded_answer_and_a_moved_measure_item_by_item(tmp_path):
    code, data = as_json(*two_files(tmp_path, FIRST, SECOND))
    assert code == 1 and data["equal"] is False
    [answer] = data["answers"]
    assert answer["question"] == "cost" and answer["segment"] is None
    assert ["-", "$38"] in answer["words"] and ["+", "$41"] in answer["words"]
    assert ["=", "per engaged member per month, so high touch stays with the sickest members."] in (
        answer["words"]
    )
    [measure] = data["measures"]
    assert measure["id"] == "nps" and measure["change"] == "changed"
    assert measure["moves"] == [
        {"field": "current", "old": 20, "new": 24, "delta": 4, "better": True}
    ]
    [partners] = data["blocks"]
    assert partners["block"] == "key_partners"
    [item] = partners["items"]
    assert item["change"] == "reworded"  # no id: matched by its words, not removed and added
    assert item["key"] == "Riverside Regional, St. Anne and Lakeview hospital systems"
    assert data["stages"] == [] and data["dimensions"] == []


def test_the_same_meaning_written_otherwise_is_equal_exit_0(tmp_path):
    moved = (
        FIRST.replace("modelh: 1\n", "modelh: 1\n# a comment added by hand\n")
        .replace(
            "segments: {members: core, employers: none}",
            "segments:\n        members: core\n        employers: none",
        )
        .replace(
            "  - Riverside Regional and St. Anne hospital systems\n  - Independent brokers\n",
            "  - Independent brokers   # reordered\n"
            "  - Riverside Regional and St. Anne hospital systems\n",
        )
        .replace(
            "cost: >-\n      A care guide costs about $38 per engaged member per month,\n",
            "cost: |-\n      A care guide costs about $38\n      per engaged member per month,\n",
        )
    )
    assert moved != FIRST
    result = run("diff", *two_files(tmp_path, FIRST, moved), "--isolated")
    assert result.exit_code == 0, result.output
    assert "no changes" in result.stdout


def test_completeness_and_gaps_before_and_after(tmp_path):
    better = FIRST.replace(
        "  dimensions:\n",
        "    feedback: Text surveys after calls; a call-back to every detractor in a week.\n"
        "  dimensions:\n",
    )
    code, data = as_json(*two_files(tmp_path, FIRST, better))
    assert code == 1
    assert data["new"]["completeness"]["answers"] > data["old"]["completeness"]["answers"]
    before, after = sum(data["old"]["gaps"].values()), sum(data["new"]["gaps"].values())
    assert after < before  # the unanswered question is one gap fewer
    assert data["answers"][0]["question"] == "feedback" and data["answers"][0]["old"] is None


def test_dimension_degrees_overall_and_per_segment():
    old = """
        modelh: 1
        canvas: {title: T, organization: O}
        segments:
          - {id: members, name: Members}
          - {id: caregivers, name: Caregivers}
        customer_relationships:
          dimensions:
            connection: {use: none, reason: The pilot drew under 300 members.}
            navigation: {use: core, segments: [members]}
    """
    new = """
        modelh: 1
        canvas: {title: T, organization: O}
        segments:
          - {id: members, name: Members}
          - {id: caregivers, name: Caregivers}
        customer_relationships:
          dimensions:
            connection: {use: planned, segments: {caregivers: planned}}
            navigation: {use: core, segments: {members: core, caregivers: supporting}}
            motivation: {use: planned}
    """
    found = {d.id: d for d in diff_of(old, new).dimensions}
    connection = [(g.segment, g.old, g.new) for g in found["connection"].degrees]
    assert connection == [(None, "none", "planned"), ("caregivers", "none", "planned")]
    assert [(f.field, f.new) for f in found["connection"].fields] == [("reason", None)]
    navigation = [(g.segment, g.old, g.new) for g in found["navigation"].degrees]
    assert navigation == [("caregivers", "none", "supporting")]  # overall still core
    assert found["motivation"].change == "added"
    assert (found["motivation"].degrees[0].segment, found["motivation"].degrees[0].new) == (
        None,
        "planned",
    )


def test_stage_moves_along_the_value_chain_and_past_the_trust_inflection_point():
    old = """
        modelh: 1
        canvas: {title: T, organization: O}
        segments:
          - {id: members, name: Members, stage: engage, target_stage: collaborate}
          - {id: employers, name: Employers, stage: interact}
    """
    new = """
        modelh: 1
        canvas: {title: T, organization: O}
        segments:
          - {id: members, name: Members, stage: collaborate, target_stage: innovate}
          - {id: employers, name: Employers, stage: communicate}
    """
    stages = diff_of(old, new).stages
    shown = [(s.segment, s.field, s.old, s.new, s.steps, s.crossed) for s in stages]
    assert shown == [
        ("members", "stage", "engage", "collaborate", 1, True),
        ("members", "target_stage", "collaborate", "innovate", 1, False),
        ("employers", "stage", "interact", "communicate", -1, False),
    ]


def test_items_with_ids_are_matched_by_id_and_the_rest_by_their_words():
    old = """
        modelh: 1
        canvas: {title: T, organization: O}
        segments:
          - {id: members, name: Medicare members}
          - {id: brokers, name: Brokers}
        cost_structure:
          - Medical and pharmacy claims (about 87% of premium)
          - Broker commissions and AEP marketing
          - Member and provider technology platforms
    """
    new = """
        modelh: 1
        canvas: {title: T, organization: O}
        segments:
          - {id: members, name: Medicare Advantage members}
          - {id: agents, name: Brokers}
        cost_structure:
          - Member and provider technology platforms
          - Medical and pharmacy claims (about 86% of premium)
          - Care guide and nurse staffing
    """
    blocks = {b.block: b.items for b in diff_of(old, new).blocks}
    segments = [(i.change, i.key) for i in blocks["segments"]]
    # a new id is a new segment, however alike its name
    assert segments == [("changed", "members"), ("added", "agents"), ("removed", "brokers")]
    assert blocks["segments"][0].fields[0].field == "name"
    costs = [(i.change, i.key) for i in blocks["cost_structure"]]
    assert costs == [
        ("reworded", "Medical and pharmacy claims (about 86% of premium)"),
        ("removed", "Broker commissions and AEP marketing"),
        ("added", "Care guide and nurse staffing"),
    ]


def test_measures_added_removed_and_their_figures_with_the_direction():
    old = """
        modelh: 1
        canvas: {title: T, organization: O}
        customer_relationships:
          measures:
            - {id: cost, name: Cost to serve, unit: $ PMPM, direction: down,
               baseline: 14.8, current: 13.95, target: 12.5}
            - {id: old, name: Retired one}
    """
    new = """
        modelh: 1
        canvas: {title: T, organization: O}
        customer_relationships:
          measures:
            - {id: cost, name: Cost to serve, unit: $ PMPM, direction: down,
               baseline: 14.8, current: 14.2, target: 12, due: "2027-12"}
            - {id: csat, name: CSAT}
    """
    measures = {m.id: m for m in diff_of(old, new).measures}
    cost = measures["cost"]
    assert [(m.field, m.old, m.new, m.delta, m.better) for m in cost.moves] == [
        ("current", 13.95, 14.2, 0.25, False),  # up, when down is better
        ("target", 12.5, 12, -0.5, None),
    ]
    assert [(f.field, f.old, f.new) for f in cost.fields] == [("due", None, "2027-12")]
    assert measures["csat"].change == "added" and measures["old"].change == "removed"


def test_journeys_their_time_and_touches():
    old = FIRST
    new = FIRST.replace("current: 6 days}", "current: 4 days}").replace(
        "        pain: high\n",
        "        pain: high\n      - name: Pharmacy refill text\n        channel: app\n",
    )
    [journey] = diff_of(old, new).journeys
    assert journey.id == "discharge" and journey.change == "changed"
    assert [(m.field, m.old, m.new, m.delta, m.better) for m in journey.time] == [
        ("current", "6 days", "4 days", -2880, True)
    ]
    assert [(t.change, t.key) for t in journey.touches] == [("added", "Pharmacy refill text")]


def test_the_firm_extensions_are_compared_as_data(tmp_path):
    old = FIRST + 'x-notes:\n  "2026-10-14": CMO wants proxy access in the story\n'
    new = FIRST + 'x-notes:\n  "2026-10-14": CMO wants proxy access in the AEP story\n'
    code, data = as_json(*two_files(tmp_path, old, new))
    assert code == 1
    assert data["extensions"] == [
        {
            "change": "changed",
            "key": "x-notes",
            "label": "x-notes",
            "fields": [],
            "similarity": None,
        }
    ]


def test_the_firm_extensions_inside_blocks_are_compared_too(tmp_path):
    # x- keys are allowed in every mapping of the format: in an item, a measure...
    old = FIRST.replace("  - id: employers\n", "  - id: employers\n    x-crm-id: 4471\n")
    old = old.replace("      target: 35\n", "      target: 35\n      x-source: Q2 pack\n")
    new = old.replace("x-crm-id: 4471", "x-crm-id: 4472").replace("      x-source: Q2 pack\n", "")
    new = new.replace("  - id: members\n", "  - id: members\n    x-crm-id: 4470\n")
    code, data = as_json(*two_files(tmp_path, old, new))
    assert code == 1
    changes = {(e["change"], e["key"]) for e in data["extensions"]}
    assert changes == {
        ("changed", "segments[employers].x-crm-id"),
        ("added", "segments[members].x-crm-id"),
        ("removed", "customer_relationships.measures[nps].x-source"),
    }
    result = run("diff", *two_files(tmp_path, old, new), "--isolated")
    assert "segments[employers].x-crm-id" in result.stdout
    # items without an id are known by their text: their order is no change
    partners = "key_partners:\n  - {text: Brokers, x-owner: Dana}\n  - Hospitals\n"
    moved = "key_partners:\n  - Hospitals\n  - {text: Brokers, x-owner: Dana}\n"
    before = FIRST.replace("key_partners:\n", partners, 1).replace(
        "  - Riverside Regional and St. Anne hospital systems\n  - Independent brokers\n", ""
    )
    after = before.replace(partners, moved)
    code, data = as_json(*two_files(tmp_path, before, after))
    assert code == 0 and data["extensions"] == []


# ---------------------------------------------------------------------------
# Output


def test_markdown_marks_words_and_escapes_what_the_canvas_says(tmp_path):
    new = SECOND.replace(
        "so high touch stays with the sickest members.",
        "so high touch | stays <b>with</b> the *sickest* members.",
    )
    result = run("diff", *two_files(tmp_path, FIRST, new), "--isolated", "-f", "md")
    assert result.exit_code == 1
    text = result.stdout
    assert text.startswith("## Canvas changes: ")
    assert "~~$38~~ **$41**" in text
    assert "- **Member NPS** `nps`: current 20 → **24** (+4 NPS points, better)" in text
    assert "<b>" not in text and r"\<b\>" in text and r"\*sickest\*" in text
    assert r"touch **\|** stays" in text  # a table cell cannot end there
    # the summary table: before and after
    assert "| completeness |" in text


def test_text_without_colour_marks_words_as_git_does(tmp_path):
    result = run("diff", *two_files(tmp_path, FIRST, SECOND), "--isolated")
    assert result.exit_code == 1
    assert "[-$38-] {+$41+}" in result.stdout
    assert "\x1b[" not in result.stdout


def test_text_shows_control_characters_escaped(tmp_path):
    new = SECOND.replace(
        "cost: >-\n      A care guide costs about $41 per engaged member per month,\n",
        'cost: "A care guide costs about $41 per engaged member per month,\\e[2J\n',
    ).replace("the sickest members.\n", 'the sickest members."\n')
    answer = parse_canvas(new).answers["cost"].text
    assert answer is not None and "\x1b[2J" in answer  # a double-quoted YAML escape
    result = run("diff", *two_files(tmp_path, FIRST, new), "--isolated")
    assert result.exit_code == 1
    assert "\x1b[2J" not in result.stdout and "\\x1b[2J" in result.stdout


def test_the_worked_example_against_itself_is_equal():
    example = next(p for p in EXAMPLES if p.name == "riverside-health-plan.yaml")
    result = run("diff", str(example), str(example), "--isolated")
    assert result.exit_code == 0 and "no changes" in result.stdout


# ---------------------------------------------------------------------------
# Usage and errors: one message, exit 2


def test_two_canvases_or_one_and_rev(tmp_path):
    a, b = two_files(tmp_path, FIRST, SECOND)
    for args in ([a], [a, b, "--rev", "HEAD"]):
        result = run("diff", *args)
        assert result.exit_code == 2
        assert "give two canvases" in result.output
    missing = run("diff", a, str(tmp_path / "nope.yaml"))
    assert missing.exit_code == 2 and "no such file" in missing.output


def test_an_invalid_canvas_is_reported_where_it_is(tmp_path):
    a, b = two_files(tmp_path, FIRST, FIRST.replace("role: both", "role: member"))
    result = run("diff", a, b, "--isolated")
    assert result.exit_code == 2
    assert f"{b}:12:11: error: " in result.output
    assert "is not a valid canvas" in result.output
    assert "Traceback" not in result.output


# ---------------------------------------------------------------------------
# From git


def test_rev_takes_the_old_side_from_git_following_the_rename(tmp_path):
    canvas = three_commits(tmp_path / "repo")
    code, data = as_json(str(canvas), "--rev", "HEAD~2")
    assert code == 1
    assert data["old"]["label"] == "HEAD~2:plan.yaml"
    assert data["new"]["label"] == str(canvas)
    assert [a["question"] for a in data["answers"]] == ["cost"]
    assert data["measures"][0]["moves"][0]["new"] == 24
    [stage] = data["stages"]
    assert (stage["segment"], stage["old"], stage["new"]) == ("members", "interact", "engage")
    assert (stage["trust_old"], stage["trust_new"]) == ("before", "at")
    [dimension] = data["dimensions"]
    assert dimension["degrees"] == [{"segment": "employers", "old": "none", "new": "supporting"}]
    [journey] = data["journeys"]
    [touch] = journey["touches"]
    assert touch["fields"] == [{"field": "pain", "old": "high", "new": "medium", "words": []}]


def test_rev_checks_the_old_version_as_the_same_canvas_logo_and_settings_alike(tmp_path):
    from .conftest import ROOT

    logo = (ROOT / "canvases" / "assets" / "riverside-logo.svg").read_text(encoding="utf-8")
    branded = FIRST.replace(
        "  status: draft\n", "  status: draft\n  branding:\n    logo: assets/logo.svg\n"
    )
    repo = init(tmp_path / "repo")
    settings = "per-file-ignores:\n  'clients/**': [MH1]\n"
    commit(
        repo,
        "first",
        DATES[0],
        **{
            "clients__acme.yaml": branded,
            "clients__assets__logo.svg": logo,
            ".modelh.yaml": settings,
        },
    )
    result = run("diff", "clients/acme.yaml", "--rev", "HEAD", "-f", "json", cwd=repo)
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    # the same text at HEAD: the same gaps (no logo missing, the same rules ignored)
    assert data["old"]["gaps"] == data["new"]["gaps"]
    assert data["old"]["completeness"] == data["new"]["completeness"]


def test_rev_range_compares_two_revisions_following_the_rename(tmp_path):
    canvas = three_commits(tmp_path / "repo")
    code, data = as_json(str(canvas), "--rev", "HEAD~2..HEAD~1")
    assert code == 1
    assert (data["old"]["label"], data["new"]["label"]) == ("HEAD~2:plan.yaml", "HEAD~1:plan.yaml")
    assert [a["question"] for a in data["answers"]] == ["cost"]
    assert data["measures"][0]["moves"][0]["new"] == 24
    assert data["stages"] == []  # the stage moved only in the third commit
    code, data = as_json(str(canvas), "--rev", "HEAD~1..HEAD~1")
    assert code == 0 and data["equal"] is True
    # a canvas deleted since still has its past
    git(canvas.parent, "rm", "-q", canvas.name)
    code, data = as_json(str(canvas), "--rev", "HEAD~2..HEAD")
    assert code == 1 and data["new"]["label"] == "HEAD:riverside-ma.yaml"


@pytest.mark.parametrize("rev", ["HEAD~1..", "..HEAD", "HEAD~2...HEAD"])
def test_rev_range_needs_both_ends(tmp_path, rev):
    canvas = three_commits(tmp_path / "repo")
    result = run("diff", str(canvas), "--rev", rev, "--isolated")
    assert result.exit_code == 2
    assert result.output.strip() == (
        f"modelh: error: --rev '{rev}': give a range as OLD..NEW, both revisions named"
    )


def test_rev_from_a_folder_below_the_repository_and_a_relative_path(tmp_path):
    repo = init(tmp_path / "repo")
    commit(repo, "first", DATES[0], **{"clients__acme.yaml": FIRST})
    commit(repo, "second", DATES[1], **{"clients__acme.yaml": SECOND})
    code, data = as_json("acme.yaml", "--rev", "HEAD~1", cwd=repo / "clients")
    assert code == 1 and data["old"]["label"] == "HEAD~1:clients/acme.yaml"
    code, data = as_json("acme.yaml", "--rev", "HEAD", cwd=repo / "clients")
    assert code == 0 and data["equal"] is True


@pytest.mark.parametrize(
    "rev, message",
    [
        ("no-such-branch", "git knows no revision 'no-such-branch'"),
        ("-p", "'-p' is not a revision"),
    ],
)
def test_rev_unknown_is_one_message(tmp_path, rev, message):
    canvas = three_commits(tmp_path / "repo")
    result = run("diff", str(canvas), "--rev", rev, "--isolated")
    assert result.exit_code == 2
    assert result.output.strip() == f"modelh: error: {message}"


def test_rev_in_a_repository_without_commits_yet(tmp_path):
    repo = init(tmp_path / "repo")
    (repo / "plan.yaml").write_text(FIRST, encoding="utf-8")
    result = run("diff", str(repo / "plan.yaml"), "--rev", "HEAD", "--isolated")
    assert result.exit_code == 2
    assert result.output.strip() == (
        "modelh: error: git knows no revision 'HEAD': the repository has no commits yet"
    )


def test_rev_where_the_canvas_did_not_exist_yet(tmp_path):
    repo = three_commits(tmp_path / "repo").parent
    commit(repo, "a second client", "2026-10-01T10:00:00+00:00", **{"acme.yaml": FIRST})
    result = run("diff", str(repo / "acme.yaml"), "--rev", "HEAD~1", "--isolated")
    assert result.exit_code == 2
    assert "is not in git at HEAD~1" in result.output
    assert "Traceback" not in result.output


def test_rev_whose_version_is_not_a_valid_canvas(tmp_path):
    repo = init(tmp_path / "repo")
    commit(repo, "broken", DATES[0], **{"plan.yaml": FIRST.replace("role: both", "role: member")})
    commit(repo, "mended", DATES[1], **{"plan.yaml": FIRST})
    result = run("diff", str(repo / "plan.yaml"), "--rev", "HEAD~1", "--isolated")
    assert result.exit_code == 2
    lines = result.output.strip().splitlines()
    assert len(lines) == 1
    assert "at HEAD~1 is not a valid canvas: HEAD~1:plan.yaml:12:11: segment 'members'" in lines[0]


def test_rev_of_a_file_that_is_no_canvas_says_so_of_the_file_first(tmp_path):
    repo = init(tmp_path / "repo")
    commit(repo, "compose", DATES[0], **{"docker-compose.yml": "services: {web: {}}\n"})
    result = run("diff", str(repo / "docker-compose.yml"), "--rev", "HEAD", "--isolated")
    assert result.exit_code == 2
    last = result.output.strip().splitlines()[-1]
    assert last == (
        f"modelh: error: {repo / 'docker-compose.yml'} is not a valid canvas, "
        "so it cannot be compared"
    )


def test_rev_outside_git(tmp_path):
    a, _ = two_files(tmp_path, FIRST, SECOND)
    result = run("diff", a, "--rev", "HEAD", "--isolated")
    assert result.exit_code == 2
    assert result.output.strip() == (
        f"modelh: error: {a} is not in a git repository; --rev reads the old version from git"
    )


def test_rev_without_git_installed(tmp_path, monkeypatch):
    canvas = three_commits(tmp_path / "repo")
    empty = tmp_path / "bin"
    empty.mkdir()
    monkeypatch.setenv("PATH", str(empty))
    result = run("diff", str(canvas), "--rev", "HEAD~1", "--isolated")
    assert result.exit_code == 2
    assert "git is not installed" in result.output and "Traceback" not in result.output


def test_rev_of_a_deleted_canvas_names_the_missing_file(tmp_path):
    canvas = three_commits(tmp_path / "repo")
    git(canvas.parent, "rm", "-q", canvas.name)
    result = run("diff", str(canvas), "--rev", "HEAD", "--isolated")
    assert result.exit_code == 2 and "no such file" in result.output


def test_rev_reads_git_in_a_bounded_number_of_processes(tmp_path, monkeypatch):
    import subprocess

    canvas = three_commits(tmp_path / "repo")
    for n in range(12):  # many commits between then and now
        text = THIRD.replace("current: 24", f"current: {25 + n}")
        commit(
            canvas.parent, f"week {n}", f"2026-10-{n + 1:02}T10:00:00+00:00", **{canvas.name: text}
        )
    started = []
    real = subprocess.Popen

    def counting(args, *rest, **kwargs):
        started.append(args)
        return real(args, *rest, **kwargs)

    monkeypatch.setattr(subprocess, "Popen", counting)
    code, data = as_json(str(canvas), "--rev", "HEAD~14")
    assert code == 1 and data["old"]["label"] == "HEAD~14:plan.yaml"
    assert any("show" in args for args in started)  # the count sees git being run
    assert len(started) <= 6, [a[:6] for a in started]


def test_markdown_text_is_one_escaped_line():
    from modelh.escaping import markdown_text

    assert markdown_text("a | b\n  <img src=x> *c* _d_ [e](f) `g` ~h~ & \\") == (
        r"a \| b \<img src=x\> \*c\* \_d\_ \[e\](f) \`g\` \~h\~ &amp; \\"
    )
    assert markdown_text("clear\x1b[2J") == "clear\\\\x1b\\[2J"
