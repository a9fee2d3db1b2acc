"""Cost of moving from one interview step to the next, without an answer to save.

Between two steps the walk makes its steps anew from the canvas, looks whether
the canvas changed on disk, numbers the step among its section's open steps,
and (with a memory) writes where it is into the state folder, atomically.
Walks every step of an example canvas with Enter (``--all``), and prints the
median time a step over several walks, and the median time of one write of
the memory (which a walk of the open steps makes at every step).

    python benchmarks/interview_step.py [--walks 5] [--canvas canvases/riverside-health-plan.yaml]
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

from modelh.canvas.editing import CanvasFile
from modelh.interview.state import WalkMemory
from modelh.interview.walk import KEEP, Interview, Reply, Step

ROOT = Path(__file__).resolve().parent.parent


class Enter:
    """A prompter that keeps every answer."""

    def __init__(self) -> None:
        self.steps = 0

    def show(self, step: Step) -> None:
        self.steps += 1

    def ask(self, step: Step) -> Reply:
        return Reply(KEEP)

    def tell(self, message: str, style: str = "") -> None:
        pass


def walk(path: Path) -> tuple[float, int]:
    prompter = Enter()
    session = Interview(CanvasFile.read(path), prompter, revisit=True)
    start = time.perf_counter()
    session.run()
    return time.perf_counter() - start, prompter.steps


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--walks", type=int, default=5)
    parser.add_argument("--canvas", default=str(ROOT / "canvases" / "riverside-health-plan.yaml"))
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "canvas.yaml"
        path.write_bytes(Path(args.canvas).read_bytes())
        per_step = []
        for _ in range(args.walks):
            seconds, steps = walk(path)
            per_step.append(seconds / steps)
        memory = WalkMemory.of(path, Path(tmp) / "state")
        memory.passed = {f"question:q{n}" for n in range(20)}
        writes = []
        for n in range(100):
            memory.at = f"step:{n}"
            start = time.perf_counter()
            memory.save()
            writes.append(time.perf_counter() - start)
    lines = Path(args.canvas).read_text(encoding="utf-8").count("\n")
    step_ms, write_ms = statistics.median(per_step) * 1000, statistics.median(writes) * 1000
    print(f"{Path(args.canvas).name} ({lines} lines), median of {args.walks} walks")
    print(f"  from one step to the next: {step_ms:6.2f} ms ({steps} steps a walk)")
    print(f"  one write of the memory  : {write_ms:6.2f} ms (median of 100)")


if __name__ == "__main__":
    main()
