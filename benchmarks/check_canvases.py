"""Whole-process cost of `modelh check` over 1,000 generated 300-line canvases.

Writes the canvases to a temporary folder, then times (median of several runs,
wall clock) `modelh check DIR` and, on the same files in the same run,
`yamllint` (syntax and style only) as the reference. Targets: modelh under 3 s,
and at least 5x faster than yamllint.

    python benchmarks/check_canvases.py [--canvases 1000] [--runs 3]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from load_canvases import generated_canvas

BIN = Path(sys.executable).parent


def timed(cmd: list[str]) -> tuple[float, int]:
    start = time.perf_counter()
    done = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, check=False)
    if done.returncode > 1:
        raise SystemExit(f"{cmd[0]} failed: {done.stderr.decode()[-500:]}")
    return time.perf_counter() - start, done.returncode


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--canvases", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "canvases"
        folder.mkdir()
        for n in range(args.canvases):
            (folder / f"canvas-{n:04}.yaml").write_text(generated_canvas(n), encoding="utf-8")
        lines = generated_canvas(0).count("\n")
        files = sorted(str(p) for p in folder.glob("*.yaml"))
        modelh = [str(BIN / "modelh"), "check", "--isolated", "-f", "concise", str(folder)]
        yamllint = [str(BIN / "yamllint"), "-d", "relaxed", "-f", "parsable", *files]
        timed(modelh)  # warm the file cache
        ours = [timed(modelh)[0] for _ in range(args.runs)]
        ref = [timed(yamllint)[0] for _ in range(args.runs)]
    ours_s, ref_s = statistics.median(ours), statistics.median(ref)
    print(f"{args.canvases} canvases of {lines} lines, median of {args.runs} runs (wall clock)")
    print(
        f"  modelh check   : {ours_s:6.2f} s  ({ours_s / args.canvases * 1000:.2f} ms a canvas;"
        " target under 3 s)"
    )
    print(f"  yamllint       : {ref_s:6.2f} s  ({ref_s / args.canvases * 1000:.2f} ms a canvas)")
    print(f"  modelh is {ref_s / ours_s:.1f}x faster than yamllint (target at least 5x)")


if __name__ == "__main__":
    main()
