"""Cost of saving one interview answer into a 300-line canvas.

A save is: splice the answer into the text, load the result again to check it,
and write the file atomically (temporary file, fsync, replace). Prints the
median over many saves of a short answer and of a long one (about 400
characters, wrapped at the file's width and read back before it is used),
beside a ruamel.yaml round-trip load and dump of the same file (the reference,
which would also rewrite hand-formatted lines). Target: under 10 ms a save.

    python benchmarks/save_answer.py [--saves 200]
"""

from __future__ import annotations

import argparse
import io
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from load_canvases import generated_canvas

from modelh.canvas.editing import CanvasFile, Edit


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--saves", type=int, default=200)
    args = parser.parse_args()
    text = generated_canvas(7)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "canvas.yaml"
        path.write_text(text, encoding="utf-8")
        file = CanvasFile.read(path)
        saves, long_saves = [], []
        for n in range(args.saves):
            edit = Edit(
                ("customer_relationships", "answers", "cost"), f"Answer number {n}: $4 PMPM"
            )
            start = time.perf_counter()
            file.apply([edit])
            saves.append(time.perf_counter() - start)
            edit = Edit(
                ("customer_relationships", "answers", "growth"),
                f"Answer number {n}: " + "grow through brokers and turning-65 outreach " * 9,
            )
            start = time.perf_counter()
            file.apply([edit])
            long_saves.append(time.perf_counter() - start)
        from ruamel.yaml import YAML

        yaml = YAML()  # round-trip mode
        trips = []
        for _ in range(min(args.saves, 50)):
            start = time.perf_counter()
            data = yaml.load(path.read_text(encoding="utf-8"))
            out = io.StringIO()
            yaml.dump(data, out)
            trips.append(time.perf_counter() - start)
    lines = text.count("\n")
    save_ms, trip_ms = statistics.median(saves) * 1000, statistics.median(trips) * 1000
    print(f"canvas of {lines} lines, median of {args.saves} saves")
    long_ms = statistics.median(long_saves) * 1000
    print(f"  modelh save (splice, check, atomic write): {save_ms:6.2f} ms (target under 10 ms)")
    print(f"  the same, a long answer wrapped          : {long_ms:6.2f} ms (target under 10 ms)")
    print(
        f"  ruamel.yaml round-trip load + dump       : {trip_ms:6.2f} ms "
        f"({trip_ms / save_ms:.1f}x a modelh save)"
    )


if __name__ == "__main__":
    main()
