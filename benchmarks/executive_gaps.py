"""The cost of saying a canvas's gaps to executives: about 1,400 findings (200
segments and 200 measures with nothing filled in) said as a dozen gaps.

Checks the canvas once, then times (median of several runs) turning the
findings into the gaps page's statements: names looked up, one rule's findings
said once, a subject's missing parts said together (``modelh.report.gaps``).

    python benchmarks/executive_gaps.py [--runs 5]
"""

from __future__ import annotations

import argparse
import statistics
import time

from modelh.canvas.loader import parse_canvas
from modelh.check.checker import check_source
from modelh.report.gaps import executive_gaps


def canvas() -> str:
    lines = ["modelh: 1", "canvas: {title: T, organization: O}", "segments:"]
    lines += [f"  - {{id: s{i}, name: Segment {i} of the plan}}" for i in range(200)]
    lines += ["customer_relationships:", "  measures:"]
    lines += [f"    - {{id: m{i}, name: Measure {i}, domain: customer}}" for i in range(200)]
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    text = canvas()
    loaded = parse_canvas(text, "many.yaml")
    findings = check_source(text, "many.yaml", None, canvas=loaded).findings
    times = []
    for _ in range(args.runs):
        start = time.perf_counter()
        gaps = executive_gaps(findings, loaded)
        times.append(time.perf_counter() - start)
    median = statistics.median(times) * 1000
    print(f"executive gaps: {len(findings):,} findings said as {len(gaps)} gaps: {median:.1f} ms")


if __name__ == "__main__":
    main()
