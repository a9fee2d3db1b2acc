"""The workshop deck's render time against the PDF handout's, on the worked example.

`modelh render canvases/riverside-health-plan.yaml -f pptx`, `-f md` and `-f pdf`,
each as a user runs it (a whole process), alternated; then the deck and the PDF
made in one process from an already loaded canvas (no start-up, no checking).
Prints the median wall time of each and the deck's share of the PDF's.

    python benchmarks/render_deck.py [--runs 7]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CANVAS = ROOT / "canvases" / "riverside-health-plan.yaml"


def whole_process(fmt: str, out: Path) -> float:
    command = [sys.executable, "-m", "modelh", "render", str(CANVAS), "-f", fmt, "-o", str(out)]
    start = time.perf_counter()
    subprocess.run(command, check=True, capture_output=True, cwd=ROOT)
    return time.perf_counter() - start


def in_process(runs: int) -> dict[str, list[float]]:
    from modelh import load_canvas
    from modelh.report.render import (
        ReportOptions,
        check_canvas_source,
        render_html,
        render_markdown,
        render_pdf,
        render_pptx,
    )

    canvas = load_canvas(str(CANVAS))
    check = check_canvas_source(canvas)
    options = ReportOptions()
    steps = {
        "pptx": lambda: render_pptx(canvas, options, check=check, warnings=[]),
        "md": lambda: render_markdown(canvas, options, check=check),
        "pdf": lambda: render_pdf(canvas, options, html=render_html(canvas, options, check=check)),
    }
    for step in steps.values():  # warm: imports, fonts, caches
        step()
    times: dict[str, list[float]] = {name: [] for name in steps}
    for _ in range(runs):
        for name, step in steps.items():
            start = time.perf_counter()
            step()
            times[name].append(time.perf_counter() - start)
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="modelh-bench-") as work:
        whole: dict[str, list[float]] = {"pptx": [], "md": [], "pdf": []}
        whole_process("pptx", Path(work))  # warm the disk cache
        for _ in range(args.runs):
            for fmt in whole:
                whole[fmt].append(whole_process(fmt, Path(work)))
    print(f"modelh render of {CANVAS.name}, medians of {args.runs} runs")
    print("  whole process (start-up, load, check, render, write):")
    for fmt, times in whole.items():
        print(f"    -f {fmt:<5} {statistics.median(times):6.2f} s")
    ratio = statistics.median(whole["pptx"]) / statistics.median(whole["pdf"])
    print(f"    the deck takes {ratio:.0%} of the PDF's time")
    inside = in_process(args.runs)
    print("  in one process, from the loaded and checked canvas:")
    for fmt, times in inside.items():
        print(f"    {fmt:<5}       {statistics.median(times):6.3f} s")
    ratio = statistics.median(inside["pptx"]) / statistics.median(inside["pdf"])
    print(f"    the deck takes {ratio:.0%} of the PDF's time")


if __name__ == "__main__":
    main()
