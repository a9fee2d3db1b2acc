"""Time and peak memory of modelh on hostile configuration and answers files.

Each case runs ``modelh`` in a child process and prints the median wall time and
the median peak resident memory (the child's maxrss) of several runs. A case
that has not finished after ``--timeout`` seconds is killed and shown as such.
Target: every case under 5 s and 500 MB, each refused with one clear message
(or, for the largest files accepted, done).

    python benchmarks/hostile_inputs.py [--runs 5] [--timeout 20]
"""

from __future__ import annotations

import argparse
import os
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CANVAS = ROOT / "canvases" / "riverside-health-plan.yaml"
MB = 1024 * 1024

#: 300 bytes that expand to 9**8 (43 million) items when the aliases are followed.
ALIAS_BOMB = "".join(
    f"{name}: &{name} [{', '.join([f'*{prev}'] * 9) if prev else ', '.join(['x'] * 9)}]\n"
    for prev, name in zip(["", *"abcdefg"], "abcdefgh", strict=True)
)


def run(args: list[str], cwd: Path, timeout: float) -> tuple[float, float, int | None, str]:
    """Wall seconds, peak MB, exit code (None when killed) and the last line of stderr."""
    with tempfile.TemporaryFile() as errors:
        start = time.perf_counter()
        proc = subprocess.Popen(
            [sys.executable, "-m", "modelh", *args],
            cwd=cwd,
            stdout=subprocess.DEVNULL,
            stderr=errors,
            env={**os.environ, "NO_COLOR": "1"},
            start_new_session=True,
        )
        code: int | None = None
        while True:
            pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                code = os.waitstatus_to_exitcode(status)
                break
            if time.perf_counter() > start + timeout:
                os.killpg(proc.pid, signal.SIGKILL)
                _, _, usage = os.wait4(proc.pid, 0)
                break
            time.sleep(0.01)
        elapsed = time.perf_counter() - start
        proc.returncode = -9 if code is None else code  # reaped here, not by Popen
        errors.seek(0)
        lines = errors.read().decode("utf-8", "replace").strip().splitlines()
    message = "killed" if code is None else (lines[-1] if lines else "")
    return elapsed, usage.ru_maxrss / 1024, code, message


def _padded(text: str, size: int) -> str:
    """``text`` after a comment that makes it ``size`` bytes long."""
    return "#" + "x" * (size - len(text) - 2) + "\n" + text


def make_files(work: Path) -> None:
    """Write the hostile files into ``work`` (run in a child of its own: the memory
    of the texts would otherwise count in every modelh forked from here)."""
    os.mkfifo(work / "pipe.yaml")
    files = {
        "bomb.yaml": ALIAS_BOMB,
        "big5.yaml": _padded("canvas: {title: T}\n", 5 * MB),
        # the most values for the fewest bytes: a flow list of empty lists
        "flow1.yaml": "x-a: [" + "[]," * ((MB - 20) // 3) + "]\n",
        "flow5.yaml": "x-a: [" + "[]," * ((5 * MB - 20) // 3) + "]\n",
        "canvas-flow5.yaml": "modelh: 1\ncanvas: {title: T, organization: O}\nx-a: ["
        + "[]," * ((5 * MB - 80) // 3)
        + "]\n",
        # the largest configurations accepted: 1 MB, just under 20,000 values; in TOML
        # as keys of 100 parts, the worst shape for tomllib (its time grows with the
        # square of a key's parts)
        "worst.toml": _padded(
            "[tool.modelh]\nignore = ['MH103']\n[x]\n"
            + "".join(f"k{i}." + ".".join(["a"] * 98) + " = 1\n" for i in range(195)),
            MB,
        ),
        "big1.yaml": _padded("exclude: [" + ", ".join(f"a{i}" for i in range(19_990)) + "]\n", MB),
    }
    # answers: the largest that still fits in a canvas (4 MB), and one that does not
    answer = "      Nurse line, care managers and the member app.\n"
    for name, megabytes in (("answers4.yaml", 4), ("answers5.yaml", 5)):
        lines = (megabytes * MB - 200) // len(answer)
        files[name] = "customer_relationships:\n  answers:\n    cost: |\n" + answer * lines
    for name, text in files.items():
        (work / name).write_text(text)


def cases(work: Path) -> list[tuple[str, list[str]]]:
    fifo = work / "pipe.yaml"
    canvas = str(work / "c.yaml")

    def config(file: str) -> list[str]:
        return ["check", "-f", "concise", "--config", file, canvas]

    def answers(file: str) -> list[str]:
        return ["interview", canvas, "--answers", file]

    return [
        ("check --config alias bomb (300 B)", config("bomb.yaml")),
        ("check --config /dev/zero", config("/dev/zero")),
        ("check --config FIFO", config(str(fifo))),
        ("check --config 5 MB file", config("big5.yaml")),
        ("check --config 1 MB flow list", config("flow1.yaml")),
        ("check --config 1 MB YAML, 20k values (accepted)", config("big1.yaml")),
        ("check --config 1 MB worst TOML (accepted)", config("worst.toml")),
        ("check 5 MB canvas, flow list", ["check", "--isolated", "canvas-flow5.yaml"]),
        ("check -f text FIFO", ["check", "--isolated", "-f", "text", str(fifo)]),
        ("check -f text /dev/zero", ["check", "--isolated", "-f", "text", "/dev/zero"]),
        ("interview --answers alias bomb", answers("bomb.yaml")),
        ("interview --answers /dev/zero", answers("/dev/zero")),
        ("interview --answers FIFO", answers(str(fifo))),
        ("interview --answers 5 MB comment", answers("big5.yaml")),
        ("interview --answers 5 MB flow list", answers("flow5.yaml")),
        ("interview --answers 4 MB answer (accepted)", answers("answers4.yaml")),
        ("interview --answers 5 MB answer (canvas too big)", answers("answers5.yaml")),
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--timeout", type=float, default=20.0)
    parser.add_argument("--make-files", metavar="DIR", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.make_files:
        make_files(Path(args.make_files))
        return
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        subprocess.run([sys.executable, __file__, "--make-files", tmp], check=True)
        print(f"{'case':<50} {'median s':>9} {'peak MB':>8}  exit  last message")
        for name, argv in cases(work):
            times, peaks, last = [], [], (None, "")
            for _ in range(args.runs):
                shutil.copyfile(CANVAS, work / "c.yaml")  # an accepted answer changes it
                elapsed, peak, code, message = run(argv, work, args.timeout)
                times.append(elapsed)
                peaks.append(peak)
                last = (code, message)
                if code is None:
                    break  # one hang is enough to know
            code, message = last
            shown = "killed" if code is None else str(code)
            print(
                f"{name:<50} {statistics.median(times):>9.2f} {statistics.median(peaks):>8.0f}"
                f"  {shown:>4}  {message[:90]}"
            )


if __name__ == "__main__":
    main()
