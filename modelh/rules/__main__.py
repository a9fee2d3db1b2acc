"""`python -m modelh.rules` rewrites docs/rules.md from the rules' own documentation."""

from __future__ import annotations

import sys
from pathlib import Path

from . import reference_text

target = Path(sys.argv[1]) if len(sys.argv) > 1 else Path("docs/rules.md")
target.write_text(reference_text(), encoding="utf-8")
print(f"wrote {target}")
