"""Rewrite the files modelh generates from its own code, so they stay in step.

    python scripts/write_generated.py schema   # modelh/data/canvas.schema.json
    python scripts/write_generated.py rules    # docs/rules.md
    python scripts/write_generated.py fonts    # modelh/fonts/metrics.json, deck-metrics.json

Tests fail when a committed file differs from what its code would write.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    what = sys.argv[1:] or ["schema", "rules", "fonts"]
    for name in what:
        if name == "schema":
            from modelh.canvas.schema import schema_text

            target, text = ROOT / "modelh" / "data" / "canvas.schema.json", schema_text()
        elif name == "rules":
            from modelh.check.rules import reference_text

            target, text = ROOT / "docs" / "rules.md", reference_text()
        elif name == "fonts":
            from modelh.report.fit import METRICS_FILE, metrics_text

            target, text = METRICS_FILE, metrics_text()
            from modelh.report.deck.fonts import METRICS_FILE as DECK_FILE
            from modelh.report.deck.fonts import deck_metrics_text

            DECK_FILE.write_text(deck_metrics_text(), encoding="utf-8")
            print(f"wrote {DECK_FILE.relative_to(ROOT)}")
        else:
            raise SystemExit(f"unknown generated file '{name}': schema, rules or fonts")
        target.write_text(text, encoding="utf-8")
        print(f"wrote {target.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
