"""Whole-process cost of `modelh render` to PDF, next to WeasyPrint's own.

1. `modelh render canvases/riverside-health-plan.yaml -f pdf`, as a user runs
   it, alternated with a bare WeasyPrint render (`python -c "import weasyprint;
   HTML(filename=...).write_pdf(...)"`) of the very HTML modelh writes. Prints
   the median wall and CPU time of each, their ratio (target: modelh's overhead
   under 20%), and each one's peak memory (max RSS).
2. 50 copies of the worked example rendered to PDF with `--jobs 2` and with
   `--jobs 1`: wall time, speed-up, and the peak memory of the largest process.

With ``--largest``, part 1 runs on the largest canvas the loader accepts
(``tests/largest_canvas.py``, as ``benchmarks/hostile.py`` does) instead of the
worked example: how much of its render time is WeasyPrint's own.

    python benchmarks/render_report.py [--runs 7] [--many 50] [--skip-many] [--largest]
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CANVAS = ROOT / "canvases" / "riverside-health-plan.yaml"


def timed(cmd: list[str]) -> tuple[float, float, float]:
    """Wall seconds, CPU seconds (user + system) and peak RSS in MB of one run."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, cwd=ROOT)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        error = proc.stderr.read().decode() if proc.stderr else ""
        raise SystemExit(f"failed ({proc.returncode}): {' '.join(cmd)}\n{error}")
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def children_peak_mb() -> float:
    import resource

    return resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--many", type=int, default=50, help="canvases for the --jobs comparison")
    parser.add_argument("--skip-many", action="store_true")
    parser.add_argument(
        "--largest", action="store_true", help="the largest accepted canvas, not the example"
    )
    args = parser.parse_args()
    py = sys.executable
    work = Path(tempfile.mkdtemp(prefix="modelh-bench-"))
    try:
        out = work / "out"
        canvas = CANVAS
        if args.largest:
            sys.path.insert(0, str(ROOT))
            from tests.largest_canvas import largest_canvas

            canvas = work / "largest.yaml"
            canvas.write_text(largest_canvas(), encoding="utf-8")
        modelh = [py, "-m", "modelh", "render", str(canvas), "-f", "pdf", "-o", str(out)]
        subprocess.run(
            [py, "-m", "modelh", "render", str(canvas), "-f", "html", "-o", str(out)],
            check=True,
            cwd=ROOT,
            capture_output=True,
        )
        html = out / f"{canvas.stem}.html"
        bare = [
            py,
            "-c",
            "import sys, weasyprint; weasyprint.HTML(filename=sys.argv[1]).write_pdf(sys.argv[2])",
            str(html),
            str(work / "bare.pdf"),
        ]
        timed(modelh)  # warm the file cache and Jinja's template cache
        timed(bare)
        samples: dict[str, list[tuple[float, float, float]]] = {"modelh": [], "bare": []}
        for _ in range(args.runs):
            samples["modelh"].append(timed(modelh))
            samples["bare"].append(timed(bare))
        pages = _pages(out / f"{canvas.stem}.pdf")
        which = "largest accepted canvas" if args.largest else "worked example"
        print(f"{which}: {pages} pages, median of {args.runs} runs each, alternated")
        print(f"{'':34} {'wall s':>8} {'CPU s':>8} {'peak MB':>8}")
        medians = {}
        for name, label in (
            ("bare", "bare WeasyPrint, same HTML"),
            ("modelh", "modelh render -f pdf"),
        ):
            wall = statistics.median(s[0] for s in samples[name])
            cpu = statistics.median(s[1] for s in samples[name])
            peak = max(s[2] for s in samples[name])
            medians[name] = (wall, cpu)
            print(f"{label:34} {wall:8.2f} {cpu:8.2f} {peak:8.0f}")
        wall_ratio = medians["modelh"][0] / medians["bare"][0]
        cpu_ratio = medians["modelh"][1] / medians["bare"][1]
        print(
            f"modelh / bare: {wall_ratio:.2f}x wall, {cpu_ratio:.2f}x CPU "
            f"(overhead {100 * (wall_ratio - 1):+.0f}% wall; target under +20%)"
        )
        if not args.skip_many:
            _many(py, work, args.many)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def _pages(pdf: Path) -> int:
    try:
        from pypdf import PdfReader
    except ImportError:
        return -1
    return len(PdfReader(pdf).pages)


def _many(py: str, work: Path, count: int) -> None:
    folder = work / "many"
    folder.mkdir()
    text = CANVAS.read_text(encoding="utf-8")
    (folder / "assets").mkdir()
    shutil.copy(CANVAS.parent / "assets" / "riverside-logo.svg", folder / "assets")
    for i in range(count):
        (folder / f"canvas-{i:03d}.yaml").write_text(text, encoding="utf-8")
    print(f"\n{count} canvases to PDF (the worked example, copied), one run each")
    print(f"{'':34} {'wall s':>8} {'CPU s':>8} {'peak MB':>8}")
    walls = {}
    for jobs in (1, 2):
        cmd = [py, "-m", "modelh", "render", str(folder), "-f", "pdf", "-j", str(jobs)]
        cmd += ["-o", str(work / f"many-out-{jobs}")]
        wall, cpu, peak = timed(cmd)
        walls[jobs] = wall
        print(f"{'modelh render --jobs ' + str(jobs):34} {wall:8.1f} {cpu:8.1f} {peak:8.0f}")
    print(f"--jobs 2 is {walls[1] / walls[2]:.2f}x as fast as --jobs 1 on {os.cpu_count()} cores")
    # With --jobs 2 the PDFs are made in worker processes, whose memory the
    # parent's figure above does not include; the largest of all is here.
    print(f"largest single process of the whole benchmark: {children_peak_mb():.0f} MB")


if __name__ == "__main__":
    main()
