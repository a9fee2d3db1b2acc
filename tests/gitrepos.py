"""Small git repositories for the tests of diff, history and status, and the canvas
whose three commits they hold: a reworded answer and a moved measure, then a
stage change with the file renamed."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

#: The canvas's first version (plan.yaml, 2026-03-01).
FIRST = """\
modelh: 1
# Riverside Health Plan, Medicare Advantage
canvas:
  title: Medicare Advantage 2027
  organization: Riverside Health Plan
  date: "2026-03-01"
  version: "1.0"
  status: draft
segments:
  - id: members
    name: MA members
    role: both
    stage: interact
    target_stage: engage
  - id: employers
    name: Employer groups
    role: buyer
    stage: communicate
channels:
  - id: care-line
    name: Care guide line
    kind: phone
  - id: app
    name: Member app
    kind: digital
key_partners:
  - Riverside Regional and St. Anne hospital systems
  - Independent brokers
customer_relationships:
  answers:
    cost: >-
      A care guide costs about $38 per engaged member per month,
      so high touch stays with the sickest members.
  dimensions:
    navigation:
      use: core
      segments: {members: core, employers: none}
  measures:
    - id: nps
      name: Member NPS
      domain: customer
      unit: NPS points
      direction: up
      baseline: 18
      current: 20
      target: 35
journeys:
  - id: discharge
    name: Home after a hospital stay
    segment: members
    time: {baseline: 9 days, current: 6 days}
    touches:
      - name: Discharge call from the care guide
        channel: care-line
        pain: high
"""

#: The second (2026-06-01): the cost answer reworded, NPS moved, a partner reworded.
SECOND = (
    FIRST.replace("$38 per engaged member", "$41 per engaged member")
    .replace("current: 20", "current: 24")
    .replace("Riverside Regional and St. Anne", "Riverside Regional, St. Anne and Lakeview")
)

#: The third (2026-09-01, as riverside-ma.yaml): members moved to engage, the mix changed.
THIRD = (
    SECOND.replace("    stage: interact\n", "    stage: engage\n")
    .replace("employers: none}", "employers: supporting}")
    .replace("        pain: high", "        pain: medium")
)

DATES = ("2026-03-01T10:00:00+00:00", "2026-06-01T10:00:00+00:00", "2026-09-01T10:00:00+00:00")


def git(repo: Path, *args: str, date: str | None = None) -> str:
    """Run git in ``repo`` as a test's author, untouched by the machine's settings."""
    env = {
        **os.environ,
        "GIT_CONFIG_NOSYSTEM": "1",
        "GIT_CONFIG_GLOBAL": os.devnull,
        "GIT_AUTHOR_NAME": "Dana Whitfield",
        "GIT_AUTHOR_EMAIL": "dana@example.com",
        "GIT_COMMITTER_NAME": "Dana Whitfield",
        "GIT_COMMITTER_EMAIL": "dana@example.com",
    }
    if date is not None:
        env["GIT_AUTHOR_DATE"] = env["GIT_COMMITTER_DATE"] = date
    done = subprocess.run(
        ["git", *args], cwd=repo, env=env, capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


def init(repo: Path) -> Path:
    repo.mkdir(parents=True, exist_ok=True)
    git(repo, "init", "-q", "-b", "main")
    return repo


def commit(repo: Path, message: str, date: str, **files: str) -> str:
    """Write ``files`` (name: text, ``__`` for a folder's slash), commit everything;
    the commit's id."""
    for name, text in files.items():
        path = repo / name.replace("__", "/")
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", message, date=date)
    return git(repo, "rev-parse", "HEAD").strip()


def three_commits(repo: Path) -> Path:
    """The repository of the three commits; the canvas is riverside-ma.yaml at the end."""
    init(repo)
    commit(repo, "First workshop", DATES[0], **{"plan.yaml": FIRST})
    commit(repo, "Second workshop: cost answer, Q2 NPS", DATES[1], **{"plan.yaml": SECOND})
    git(repo, "mv", "plan.yaml", "riverside-ma.yaml")
    (repo / "riverside-ma.yaml").write_text(THIRD, encoding="utf-8")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "Members reach engage; one name per client", date=DATES[2])
    return repo / "riverside-ma.yaml"
