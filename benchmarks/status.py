"""Whole-process cost of `modelh status` against `modelh check` on 1,000 canvases in git.

Writes 1,000 generated 300-line canvases into a temporary git repository (in
ten commits, then a hundred more commits that each change one canvas, so that
the last changes differ), then times, on the same folder in the same run
(median of several runs, wall clock), `modelh check DIR` and `modelh status
DIR`. Target: status at most 1.3x check (status checks every canvas as check
does, and adds one `git log` pass and one `git status` for the whole folder).

    python benchmarks/status.py [--canvases 1000] [--runs 5]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from load_canvases import generated_canvas

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


def git(repo: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=repo, env=GIT_ENV, check=True, capture_output=True)


def timed(cmd: list[str]) -> float:
    start = time.perf_counter()
    done = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, check=False)
    elapsed = time.perf_counter() - start
    if done.returncode > 1:
        raise SystemExit(f"{' '.join(cmd[:2])} failed: {done.stderr.decode()[-500:]}")
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--canvases", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        repo = Path(tmp) / "clients"
        folder = repo / "canvases"
        folder.mkdir(parents=True)
        git(repo, "init", "-q")
        step = max(1, args.canvases // 10)
        for start in range(0, args.canvases, step):
            for n in range(start, min(args.canvases, start + step)):
                (folder / f"canvas-{n:04}.yaml").write_text(generated_canvas(n), encoding="utf-8")
            git(repo, "add", "-A")
            git(repo, "commit", "-q", "-m", f"canvases from {start}")
        for k in range(100):
            n = (k * 37) % args.canvases
            path = folder / f"canvas-{n:04}.yaml"
            path.write_text(generated_canvas(n).replace("2026-11-20", f"2027-01-{k % 28 + 1:02}"))
            git(repo, "commit", "-q", "-am", f"workshop {k}")
        check = [str(BIN / "modelh"), "check", "--isolated", "-f", "concise", str(folder)]
        status = [str(BIN / "modelh"), "status", "--isolated", str(folder)]
        timed(check)  # warm the file cache and git's
        timed(status)
        ours, ref = [], []
        for _ in range(args.runs):  # interleaved, so both see the same machine
            ref.append(timed(check))
            ours.append(timed(status))
    status_s, check_s = statistics.median(ours), statistics.median(ref)
    print(f"{args.canvases} canvases in git (110 commits), median of {args.runs} runs (wall clock)")
    print(f"  modelh check  : {check_s:6.2f} s")
    print(f"  modelh status : {status_s:6.2f} s")
    print(f"  status / check: {status_s / check_s:.2f}x (target at most 1.3x)")


if __name__ == "__main__":
    main()
