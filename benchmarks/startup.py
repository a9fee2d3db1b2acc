"""Whole-process start-up cost of `modelh validate` and `modelh --help`.

Runs each command alternately with the reference `python -c "import typer, yaml"`
and prints the median CPU time (user + system) of each and their ratios.
Target: `modelh validate one.yaml` and `modelh --help` each within 1.3x of the
reference. Bytecode is compiled first, as an installed wheel has it.

    python benchmarks/startup.py [--runs 21]
"""

from __future__ import annotations

import argparse
import compileall
import os
import statistics
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CANVAS = ROOT / "canvases" / "riverside-health-plan.yaml"


def timed(cmd: list[str], env: dict[str, str]) -> float:
    """CPU time (user + system) of one run: steadier than wall time on a busy machine."""
    proc = subprocess.Popen(
        cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env, cwd=ROOT
    )
    _, _, usage = os.wait4(proc.pid, 0)
    proc.returncode = 0
    return usage.ru_utime + usage.ru_stime


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=21)
    args = parser.parse_args()
    compileall.compile_dir(ROOT / "modelh", quiet=1)
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    py = sys.executable
    commands = {
        "reference: python -c 'import typer, yaml'": [py, "-c", "import typer, yaml"],
        "modelh validate one.yaml": [py, "-m", "modelh", "validate", str(CANVAS)],
        "modelh --help": [py, "-m", "modelh", "--help"],
    }
    samples: dict[str, list[float]] = {name: [] for name in commands}
    for cmd in commands.values():  # warm the file cache
        timed(cmd, env)
    for _ in range(args.runs):
        for name, cmd in commands.items():
            samples[name].append(timed(cmd, env))
    reference = statistics.median(samples[next(iter(commands))])
    print(f"{'command':45} {'median CPU ms':>14} {'ratio':>7}")
    for name, values in samples.items():
        median = statistics.median(values)
        print(f"{name:45} {median * 1000:14.1f} {median / reference:7.2f}x")
    heavy = subprocess.run(
        [
            py,
            "-c",
            "import sys, modelh.cli.main; print(sorted({m.split('.')[0] for m in sys.modules}"
            " & {'rich', 'jinja2', 'weasyprint', 'pydantic'}))",
        ],
        capture_output=True,
        text=True,
        check=False,
        env=env,
        cwd=ROOT,
    ).stdout.strip()
    print(f"heavy modules imported by modelh.cli.main: {heavy}")


if __name__ == "__main__":
    main()
