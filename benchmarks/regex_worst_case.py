"""Each regular expression that sees user text, on its worst input: linear time.

For every case of ``tests/test_linear_time.py`` (one or more per pattern),
prints the median of several runs on 100 KB and on 200 KB of that pattern's
worst input, and their ratio (about 2 when the time grows linearly, about 4
when it grows quadratically); then the text output of ``modelh check`` and the
interview's step title on 200 KB of backslashes (rich's markup was quadratic
there), and the whole-process `modelh check` of the ~150 KB canvas of long
answers the end-to-end test uses.

    python benchmarks/regex_worst_case.py [--runs 5]
"""

from __future__ import annotations

import argparse
import io
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.test_linear_time import WORST_CASES, large_canvas  # noqa: E402

BIN = Path(sys.executable).parent


def median_time(call, arg, runs: int) -> float:
    call(arg)  # warm up: imports, caches
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        call(arg)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def check_text(text: str) -> None:
    from modelh.check.checker import run_checks
    from modelh.check.output import render

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "slashes.yaml"
        path.write_text(f"modelh: 1\ncanvas:\n  title: T\n  organization: O\nnotes: {text}\n")
        render(run_checks([str(path)]), "text")


def interview_title(text: str) -> None:
    from rich.console import Console

    from modelh.interview.prompter import RichPrompter
    from modelh.interview.walk import Step

    step = Step(key="k", section="measures", group=text, prompt="?", kind="text")
    RichPrompter(Console(file=io.StringIO(), width=80)).show(step)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    cases = {name: (call, worst) for name, (call, worst, _, _) in WORST_CASES.items()}
    cases["check text output: a line of backslashes"] = (check_text, lambda n: "\\" * n)
    cases["interview step title: backslashes"] = (interview_title, lambda n: "\\" * n)
    print(f"median of {args.runs} runs; ratio = 200 KB / 100 KB (2 is linear, 4 quadratic)")
    print(f"  {'case':44} {'100 KB':>10} {'200 KB':>10} {'ratio':>6}")
    for name, (call, worst) in cases.items():
        small = median_time(call, worst(100_000), args.runs)
        large = median_time(call, worst(200_000), args.runs)
        print(
            f"  {name:44} {small * 1000:7.2f} ms {large * 1000:7.2f} ms"
            f" {large / max(small, 1e-9):6.1f}"
        )
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "large.yaml"
        text = large_canvas()
        path.write_text(text, encoding="utf-8")
        command = [str(BIN / "modelh"), "check", "--isolated", str(path)]
        times = []
        for _ in range(args.runs):
            start = time.perf_counter()
            subprocess.run(command, stdout=subprocess.DEVNULL, check=False)
            times.append(time.perf_counter() - start)
    print(
        f"modelh check (whole process) on a {len(text) // 1000} KB canvas of long answers:"
        f" {statistics.median(times):.2f} s (median of {args.runs})"
    )


if __name__ == "__main__":
    main()
