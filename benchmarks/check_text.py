"""The cost of `modelh check`'s text output for people: a report of about 800
findings (200 segments, each with a 300-character line), wrapped at 80 columns.

Checks the canvas once, then times (median of several runs) turning the report
into text: wrapping, cutting long lines around the caret, saying one rule's
findings at one place once.

    python benchmarks/check_text.py [--runs 5]
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

from modelh.check.checker import run_checks
from modelh.check.output import text


def canvas() -> str:
    lines = ["modelh: 1", "canvas:", "  title: T", "  organization: O", "segments:"]
    for i in range(200):
        lines += [
            f"  - id: s{i}",
            f"    name: S{i}",
            "    role: user",
            "    stage: engage",
            '    description: "' + "word " * 60 + '"',
        ]
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "many.yaml"
        path.write_text(canvas(), encoding="utf-8")
        report = run_checks([str(path)])
        text(report, width=80)  # warm up: imports, caches
        times = []
        for _ in range(args.runs):
            start = time.perf_counter()
            text(report, width=80)
            times.append(time.perf_counter() - start)
    median = statistics.median(times)
    count = len(report.findings)
    print(f"{count} findings as text at 80 columns, median of {args.runs} runs")
    print(f"  {median:.3f} s  ({median / count * 1000:.2f} ms a finding)")


if __name__ == "__main__":
    main()
