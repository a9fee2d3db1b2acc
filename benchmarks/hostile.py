"""Time and peak memory of check, render and interview on hostile input.

Each case runs `modelh` as a child process (as a consultant or a CI job would)
and reports the median wall time of several runs, the median CPU time (user
and system, of the child and the processes it waited for: steadier than wall
time on a busy machine) and the child's peak resident memory (from wait4).
The targets: every case under 5 s and 500 MB, ending in a clear message or a
result, never a hang (each run is stopped after 60 s).

    python benchmarks/hostile.py [--runs 3] [--only NAME]
"""

from __future__ import annotations

import argparse
import os
import signal
import statistics
import struct
import subprocess
import sys
import tempfile
import time
import zlib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # the canvases the tests build
MODELH = [sys.executable, "-m", "modelh"]
TIME_LIMIT_S = 5.0
MEMORY_LIMIT_MB = 500.0
HANG_S = 60.0

HEAD = "modelh: 1\ncanvas:\n  title: Hostile\n  organization: Bench\n"


# ---------------------------------------------------------------------------
# The hostile inputs, each written into a scratch folder


def long_answers(folder: Path) -> Path:
    """A canvas of eight answers of 20 KB each (placeholders, dots, blank runs)."""
    words = ("TBD" + " " * 5000 + "." * 5000 + "\n\n" * 2000)[:20_000]
    body = "customer_relationships:\n  answers:\n"
    for question in ("dimensions", "expectations", "cost", "growth"):
        body += f"    {question}: |\n" + "".join(
            f"      {line}\n" for line in (words + " word" * 2000).splitlines() or ["x"]
        )
    path = folder / "long-answers.yaml"
    path.write_text(HEAD + body, encoding="utf-8")
    return path


def largest_accepted(folder: Path) -> Path:
    """The largest valid canvas the loader accepts: every list at its item limit
    (within the file's value limit), long texts everywhere, answers per segment,
    measures (see ``tests/largest_canvas.py``, shared with the tests)."""
    from tests.largest_canvas import largest_canvas

    path = folder / "largest.yaml"
    path.write_text(largest_canvas(), encoding="utf-8")
    return path


def huge_answers(folder: Path) -> Path:
    """A canvas of eight answers as large as the file size limit allows (5 MB)."""
    from tests.largest_canvas import huge_answers_canvas

    path = folder / "huge-answers.yaml"
    path.write_text(huge_answers_canvas(), encoding="utf-8")
    return path


def with_logo(folder: Path, name: str, data: bytes) -> Path:
    (folder / name).write_bytes(data)
    path = folder / f"logo-{name}.yaml"
    path.write_text(HEAD + f"  branding:\n    logo: {name}\n", encoding="utf-8")
    return path


def svg_use_bomb() -> bytes:
    """Nested <use> elements: each level draws the one before ten times."""
    parts = [
        '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink">',
        '<defs><rect id="l0" width="1" height="1"/>',
    ]
    for level in range(1, 10):
        uses = "".join(f'<use xlink:href="#l{level - 1}"/>' for _ in range(10))
        parts.append(f'<g id="l{level}">{uses}</g>')
    parts.append('</defs><use xlink:href="#l9"/></svg>')
    return "".join(parts).encode()


def huge_png(side: int = 9400) -> bytes:
    """A small file that decodes to side x side pixels (all of one colour)."""
    raw = zlib.compress(b"".join(b"\x00" + b"\x00" * side for _ in range(side)), 9)

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data))
            + kind
            + data
            + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
        )

    header = struct.pack(">IIBBBBB", side, side, 8, 0, 0, 0, 0)  # greyscale
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", raw) + chunk(b"IEND", b"")


def alias_bomb_answers(folder: Path) -> Path:
    text = 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n'
    for level in "bcdefghi":
        prev = chr(ord(level) - 1)
        text += f"{level}: &{level} [" + ",".join([f"*{prev}"] * 9) + "]\n"
    path = folder / "bomb-answers.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def long_title(folder: Path) -> Path:
    path = folder / "long-title.yaml"
    title = "url(" + " " * 30_000 + "x" * 30_000
    path.write_text(
        f"modelh: 1\ncanvas:\n  title: '{title}'\n  organization: Bench\n", encoding="utf-8"
    )
    return path


# ---------------------------------------------------------------------------


MB = 1024 * 1024


def _padded(text: str, size: int) -> str:
    """``text`` after a comment that makes it ``size`` bytes long."""
    return "#" + "x" * (size - len(text) - 2) + "\n" + text


def input_files(folder: Path) -> None:
    """Hostile configuration and answers files, and a FIFO named like a canvas."""
    os.mkfifo(folder / "pipe.yaml")
    files = {
        "big5.yaml": _padded("canvas: {title: T}\n", 5 * MB),
        # the most values for the fewest bytes: a flow list of empty lists
        "flow1.yaml": "x-a: [" + "[]," * ((MB - 20) // 3) + "]\n",
        "flow5.yaml": "x-a: [" + "[]," * ((5 * MB - 20) // 3) + "]\n",
        # the largest configurations accepted: 1 MB, just under 20,000 values; in TOML
        # as keys of 100 parts, the worst shape for tomllib
        "worst.toml": _padded(
            "[tool.modelh]\nignore = ['MH103']\n[x]\n"
            + "".join(f"k{i}." + ".".join(["a"] * 98) + " = 1\n" for i in range(195)),
            MB,
        ),
        "big1.yaml": _padded("exclude: [" + ", ".join(f"a{i}" for i in range(19_990)) + "]\n", MB),
    }
    answer = "      Nurse line, care managers and the member app.\n"
    lines = (4 * MB - 200) // len(answer)
    files["answers4.yaml"] = "customer_relationships:\n  answers:\n    cost: |\n" + answer * lines
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")


def cases(folder: Path) -> list[tuple[str, list[str]]]:
    canvas = folder / "plain.yaml"
    canvas.write_text(HEAD, encoding="utf-8")
    out = str(folder / "out")
    long = str(long_answers(folder))
    largest = str(largest_accepted(folder))
    huge = str(huge_answers(folder))
    svg = str(with_logo(folder, "bomb.svg", svg_use_bomb()))
    png = str(with_logo(folder, "huge.png", huge_png()))
    title = str(long_title(folder))
    bomb = str(alias_bomb_answers(folder))
    input_files(folder)
    fifo = folder / "pipe.yaml"
    big5 = str(folder / "big5.yaml")

    def f(name: str) -> str:
        return str(folder / name)

    config = ["check", "-f", "concise", "--config"]
    answers = ["interview", str(canvas), "--answers"]
    return [
        ("check: long answers (160 KB)", ["check", "--isolated", long]),
        ("render: long answers, html", ["render", "-f", "html", "-o", out, long]),
        ("check: largest accepted canvas", ["check", "--isolated", largest]),
        ("render: largest accepted canvas, pdf", ["render", "-f", "pdf", "-o", out, largest]),
        ("check: huge answers (5 MB)", ["check", "--isolated", huge]),
        ("render: huge answers, pdf", ["render", "-f", "pdf", "-o", out, huge]),
        ("check: SVG logo of nested <use>", ["check", "--isolated", svg]),
        ("render: SVG logo of nested <use>, pdf", ["render", "-f", "pdf", "-o", out, svg]),
        ("check: PNG logo of 9400x9400 pixels", ["check", "--isolated", png]),
        ("render: PNG logo of 9400x9400 pixels, pdf", ["render", "-f", "pdf", "-o", out, png]),
        ("render: 60 KB title, html", ["render", "-f", "html", "-o", out, title]),
        ("interview: alias-bomb answers file", ["interview", str(canvas), "--answers", bomb]),
        ("check: /dev/zero", ["check", "--isolated", "/dev/zero"]),
        ("check -f text: a FIFO", ["check", "--isolated", "-f", "text", str(fifo)]),
        ("check --config: alias bomb", [*config, bomb, str(canvas)]),
        ("check --config: /dev/zero", [*config, "/dev/zero", str(canvas)]),
        ("check --config: FIFO", [*config, str(fifo), str(canvas)]),
        ("check --config: 5 MB file", [*config, big5, str(canvas)]),
        ("check --config: 1 MB flow list", [*config, f("flow1.yaml"), str(canvas)]),
        ("check --config: 1 MB, 20k values (accepted)", [*config, f("big1.yaml"), str(canvas)]),
        ("check --config: 1 MB worst TOML (accepted)", [*config, f("worst.toml"), str(canvas)]),
        ("interview --answers: /dev/zero", [*answers, "/dev/zero"]),
        ("interview --answers: FIFO", [*answers, str(fifo)]),
        ("interview --answers: 5 MB flow list", [*answers, f("flow5.yaml")]),
        ("interview --answers: 4 MB answer (accepted)", [*answers, f("answers4.yaml")]),
    ]


#: Runs the command given and reports its own peak memory on the last line of stderr.
#: A small process of its own, because Linux carries a process's peak memory across
#: exec: measured straight from this (large) benchmark, every child would show ours.
LAUNCHER = """
import os, subprocess, sys
child = subprocess.Popen(sys.argv[1:])
_, status, usage = os.wait4(child.pid, 0)
cpu = usage.ru_utime + usage.ru_stime  # the child's and its waited-for children's
code = os.waitstatus_to_exitcode(status)
sys.stderr.write(f"\\nPEAK_KB {usage.ru_maxrss} EXIT {code} CPU {cpu}\\n")
"""


def measure(argv: list[str], cwd: Path) -> tuple[float, float, int, str, float]:
    """Wall seconds, peak MB, exit code, the last line of output and the CPU seconds
    (user and system, of the process and its children) of one run."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        proc = subprocess.Popen(
            [sys.executable, "-c", LAUNCHER, *MODELH, *argv],
            cwd=cwd,
            stdout=out,  # a file, not a pipe: a full pipe would stall the child
            stderr=err,
            stdin=subprocess.DEVNULL,
            start_new_session=True,
        )
        try:
            proc.wait(timeout=HANG_S)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
            return time.perf_counter() - start, float("nan"), -9, "stopped: a hang", float("nan")
        seconds = time.perf_counter() - start
        out.seek(0)
        err.seek(0)
        errors = err.read().decode("utf-8", "replace").splitlines()
        report = errors.pop() if errors and errors[-1].startswith("PEAK_KB") else ""
        _, peak_kb, _, code, _, cpu = report.split() if report else ("", "nan", "", "-1", "", "nan")
        output = out.read().decode("utf-8", "replace").splitlines() + errors
    last = next((line for line in reversed(output) if line.strip()), "")
    return seconds, float(peak_kb) / 1024, int(code), last, float(cpu)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--only", default="", help="run the cases whose name holds this text")
    args = parser.parse_args()
    failed = 0
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        print(f"{'case':46} {'median s':>9} {'cpu s':>6} {'peak MB':>8} exit  last line of output")
        for name, argv in cases(folder):
            if args.only not in name:
                continue
            runs = [measure(argv, folder) for _ in range(args.runs)]
            seconds = statistics.median(r[0] for r in runs)
            cpu = statistics.median(r[4] for r in runs)
            peak = max(r[1] for r in runs)
            code, last = runs[-1][2], runs[-1][3]
            over = seconds > TIME_LIMIT_S or peak > MEMORY_LIMIT_MB or code < 0
            failed += over
            flag = "  OVER" if over else ""
            print(f"{name:46} {seconds:9.2f} {cpu:6.2f} {peak:8.0f} {code:4}  {last[:60]}{flag}")
    print(
        f"\ntargets: under {TIME_LIMIT_S:.0f} s and {MEMORY_LIMIT_MB:.0f} MB each; "
        f"{failed} case(s) over"
    )


if __name__ == "__main__":
    main()
