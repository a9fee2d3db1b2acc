"""Whole-process cost of `modelh history` over 100 commits of the worked example.

Commits the worked example canvas 100 times into a temporary git repository
(each commit moves a measure's current value, every tenth a segment's stage, and
the file is renamed halfway), then times `modelh history CANVAS --max 100` (median
of several runs, wall clock) beside `git log --follow -p` on the same file as a
reference for what reading that history costs git itself. git is read in four
processes whatever the number of commits.

    python benchmarks/history.py [--commits 100] [--runs 5]
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "canvases" / "riverside-health-plan.yaml"
BIN = Path(sys.executable).parent
GIT_ENV = {
    **os.environ,
    "GIT_CONFIG_NOSYSTEM": "1",
    "GIT_CONFIG_GLOBAL": os.devnull,
    "GIT_AUTHOR_NAME": "Bench",
    "GIT_AUTHOR_EMAIL": "bench@example.com",
    "GIT_COMMITTER_NAME": "Bench",
    "GIT_COMMITTER_EMAIL": "bench@example.com",
}
STAGES = ("communicate", "interact", "engage", "collaborate", "innovate")


def git(repo: Path, *args: str, date: str | None = None) -> None:
    env = dict(GIT_ENV)
    if date:
        env["GIT_AUTHOR_DATE"] = env["GIT_COMMITTER_DATE"] = date
    subprocess.run(["git", *args], cwd=repo, env=env, check=True, capture_output=True)


def timed(cmd: list[str], cwd: Path | None = None) -> float:
    start = time.perf_counter()
    done = subprocess.run(cmd, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    elapsed = time.perf_counter() - start
    if done.returncode:
        raise SystemExit(f"{' '.join(cmd[:2])} failed: {done.stderr.decode()[-500:]}")
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--commits", type=int, default=100)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    base = EXAMPLE.read_text(encoding="utf-8")
    with tempfile.TemporaryDirectory() as tmp:
        repo = Path(tmp) / "repo"
        repo.mkdir()
        git(repo, "init", "-q")
        name = "riverside.yaml"
        for k in range(args.commits):
            text = re.sub(r"current: 24\b", f"current: {24 + k % 17}", base)
            stage = STAGES[1 + (k // 10) % 3]
            text = text.replace("    stage: interact\n", f"    stage: {stage}\n", 1)
            if k == args.commits // 2:
                git(repo, "mv", name, "riverside-health-plan.yaml")
                name = "riverside-health-plan.yaml"
            (repo / name).write_text(text, encoding="utf-8")
            git(repo, "add", "-A")
            day = f"2026-{1 + k // 28 % 12:02}-{1 + k % 28:02}T10:00:00+00:00"
            git(repo, "commit", "-q", "--allow-empty", "-m", f"week {k}", date=day)
        if os.environ.get("KEEP_REPO"):
            import shutil

            shutil.copytree(repo, os.environ["KEEP_REPO"])
        history = [str(BIN / "modelh"), "history", str(repo / name), "--max", "100", "-f", "json"]
        log = ["git", "log", "--follow", "-p", "--", name]
        timed(history)  # warm the caches
        ours = [timed(history) for _ in range(args.runs)]
        ref = [timed(log, repo) for _ in range(args.runs)]
    ours_s, ref_s = statistics.median(ours), statistics.median(ref)
    lines = base.count("\n")
    print(f"{args.commits} commits of a {lines}-line canvas, median of {args.runs} runs")
    each = ours_s / args.commits * 1000
    print(f"  modelh history --max 100 : {ours_s:6.2f} s ({each:.1f} ms a version)")
    print(f"  git log --follow -p      : {ref_s:6.2f} s (reference: git reading the same history)")


if __name__ == "__main__":
    main()
