"""Time of the output escaping (``modelh.escaping``) on 200 KB of its worst cases.

Every pattern there is meant to run in linear time; this prints the median of
several runs for each function on each worst case, the figures behind the
hang guard in tests/test_escaping.py.

    python benchmarks/escaping.py [--runs 7]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from modelh.escaping import github_property, printable, uri_reference, valid_unicode

SIZE = 200_000

#: Long runs of what each pattern looks at: blanks before a colon, colons, line
#: starts, escape codes, undecodable bytes, the older command prefix.
CASES = {
    "blanks then '::'": " " * SIZE + "::",
    "colons": ":" * SIZE,
    "line starts with '::'": "\n::" * (SIZE // 3),
    "blank lines": (" " * 99 + "\n") * (SIZE // 100),
    "escape codes": "\x1b" * SIZE,
    "undecodable bytes": "\udce9" * SIZE,
    "'##['": "##[" * (SIZE // 3),
}

FUNCTIONS = {
    "printable": printable,
    "printable multiline": lambda text: printable(text, multiline=True),
    "valid_unicode": valid_unicode,
    "github_property": github_property,
    "uri_reference": uri_reference,
}


def median_ms(function, text: str, runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        function(text)
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    worst = 0.0
    for case, text in CASES.items():
        for name, function in FUNCTIONS.items():
            ms = median_ms(function, text, args.runs)
            worst = max(worst, ms)
            print(f"{case:<24} {name:<20} {ms:8.1f} ms")
    print(f"slowest: {worst:.1f} ms for {SIZE // 1000} KB")


if __name__ == "__main__":
    main()
