"""Time and peak memory of `modelh render` (HTML and PDF) on hostile canvases.

Each case runs `python -m modelh render CASE -o OUT` as a child process, several
times; printed: the median wall time, the largest peak memory (max RSS of the
child and its own children, from os.wait4), the exit status and the first line
of the message. The cases:

- the largest canvas the bounds accept: as many segments as fit the page limit
  (each segment adds rows and pages to several sections);
- a canvas past the bounds: MAX_ITEMS segments, refused at the page limit, and
  2,000 segments, refused by the loader's item limit;
- an SVG logo of nested <use> elements (a "billion laughs", 2 KB);
- a PNG logo declaring 9,400 x 9,400 pixels;
- a 60 KB title.

    python benchmarks/render_bounds.py [--runs 3] [--segments 185]
"""

from __future__ import annotations

import argparse
import os
import statistics
import struct
import subprocess
import sys
import tempfile
import time
import zlib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HEAD = "modelh: 1\ncanvas:\n  title: {title}\n  organization: Org\n"


def segments(count: int) -> str:
    lines = ["segments:"]
    for i in range(count):
        lines += [
            f"  - id: s{i}",
            f"    name: Segment number {i} of a large canvas",
            "    role: user",
            f"    description: What segment {i} is, in a sentence of a dozen words or so.",
            "    stage: engage",
        ]
    return "\n".join(lines) + "\n"


def bomb_svg(levels: int = 9) -> str:
    parts = [
        '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" '
        'width="10" height="10"><defs><rect id="a0" width="1" height="1"/>'
    ]
    for i in range(1, levels + 1):
        uses = "".join(f'<use xlink:href="#a{i - 1}"/>' for _ in range(10))
        parts.append(f'<g id="a{i}">{uses}</g>')
    parts.append(f'</defs><use xlink:href="#a{levels}"/></svg>')
    return "".join(parts)


def huge_png(side: int = 9400) -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        crc = zlib.crc32(kind + data) & 0xFFFFFFFF
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", crc)

    rows = zlib.compress(b"\x00" * (side + 1) * side, 9)
    header = struct.pack(">IIBBBBB", side, side, 1, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", rows) + chunk(b"IEND", b"")
    )


def cases(work: Path, largest: int) -> dict[str, Path]:
    from modelh.canvas.loader import MAX_ITEMS

    made = {}

    def canvas(name: str, text: str) -> Path:
        path = work / f"{name}.yaml"
        path.write_text(text, encoding="utf-8")
        return path

    made[f"largest accepted ({largest} segments)"] = canvas(
        "largest", HEAD.format(title="Large") + segments(largest)
    )
    made[f"{MAX_ITEMS} segments (page limit)"] = canvas(
        "items", HEAD.format(title="Items") + segments(MAX_ITEMS)
    )
    made["2,000 segments (item limit)"] = canvas(
        "crowded", HEAD.format(title="Crowded") + segments(2000)
    )
    (work / "bomb.svg").write_text(bomb_svg())
    made["SVG logo of nested <use>"] = canvas(
        "svg", HEAD.format(title="SVG") + "  branding:\n    logo: bomb.svg\n"
    )
    (work / "huge.png").write_bytes(huge_png())
    made["PNG logo of 9,400 x 9,400 pixels"] = canvas(
        "png", HEAD.format(title="PNG") + "  branding:\n    logo: huge.png\n"
    )
    made["60 KB title"] = canvas("title", HEAD.format(title="'" + "url(https:" * 6000 + "'"))
    return made


def run(path: Path, out: Path) -> tuple[float, float, int, str]:
    cmd = [sys.executable, "-m", "modelh", "render", str(path), "-o", str(out)]
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=ROOT)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    stderr = proc.stderr.read().decode(errors="replace") if proc.stderr else ""
    message = next((line for line in stderr.splitlines() if "error" in line), "")
    # ru_maxrss of wait4 covers the process and the children it waited for
    return wall, usage.ru_maxrss / 1024, os.waitstatus_to_exitcode(status), message


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--segments", type=int, default=185, help="the largest accepted canvas")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="modelh-bounds-") as folder:
        work = Path(folder)
        print(f"{'case':38} {'median s':>9} {'peak MB':>8} {'exit':>4}  message")
        for name, path in cases(work, args.segments).items():
            results = [run(path, work / "out") for _ in range(args.runs)]
            wall = statistics.median(r[0] for r in results)
            peak = max(r[1] for r in results)
            code, message = results[-1][2], results[-1][3]
            print(f"{name:38} {wall:9.2f} {peak:8.0f} {code:4}  {message[:110]}")


if __name__ == "__main__":
    main()
