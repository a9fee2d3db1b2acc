"""The deck's fonts and how much text fits in a box, decided before the deck is written.

A deck cannot carry its fonts: PowerPoint draws it with the font the text names
(Calibri by default, Arial where a template deck's theme asks for it), and
LibreOffice with a font of the same metrics (Carlito for Calibri, Liberation
Sans for Arial; Debian's fonts-crosextra-carlito and fonts-liberation2). So
text is measured with those metrics, shipped as a table of advance widths
(``modelh/fonts/deck-metrics.json``, made by ``make fonts`` from the Debian
fonts), wrapped with the report's line breaker (``modelh.report.fit.wrap``, which
errs towards more lines), and shortened with "…" where it does not fit. Line
heights are set exactly in the deck (``LINE_HEIGHT`` times the size), so the
height of a text is known too. The same table on every machine gives the same
deck.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from modelh import resources
from modelh.report.fit import Metrics, wrap

#: The deck's fonts: the name the deck gives, the metric-compatible face measured
#: for it, and that face's files (regular, bold) as Debian installs them.
DECK_FONTS: dict[str, tuple[str, dict[str, str]]] = {
    "Calibri": (
        "Carlito",
        {
            "regular": "/usr/share/fonts/truetype/crosextra/Carlito-Regular.ttf",
            "bold": "/usr/share/fonts/truetype/crosextra/Carlito-Bold.ttf",
        },
    ),
    "Arial": (
        "Liberation Sans",
        {
            "regular": "/usr/share/fonts/truetype/liberation2/LiberationSans-Regular.ttf",
            "bold": "/usr/share/fonts/truetype/liberation2/LiberationSans-Bold.ttf",
        },
    ),
}
DEFAULT_FONT = "Calibri"
#: A line's height, in multiples of the font size (set exactly on every paragraph).
LINE_HEIGHT = 1.2

METRICS_FILE = resources.FONTS_DIR / "deck-metrics.json"


def measure_deck_fonts() -> dict[str, Any]:
    """The widths table of every deck font, read from the metric-compatible font files."""
    from fontTools.ttLib import TTFont

    faces: dict[str, Any] = {}
    for name, (face, files) in DECK_FONTS.items():
        for weight, file in files.items():
            path = Path(file)
            font = TTFont(path, lazy=True)
            per_em = font["head"].unitsPerEm
            hmtx = font["hmtx"].metrics
            faces[f"{name}-{weight}"] = {
                "measured_with": face,
                "file": path.name,
                "sha256": hashlib.sha256(path.read_bytes()).hexdigest(),
                "units_per_em": per_em,
                "widths": {str(c): hmtx[g][0] for c, g in sorted(font.getBestCmap().items())},
            }
    return {"faces": faces}


def deck_metrics_text() -> str:
    """The text of ``modelh/fonts/deck-metrics.json``, measured from the font files."""
    table = measure_deck_fonts()
    return json.dumps(table, indent=None, separators=(",", ":"), sort_keys=True) + "\n"


@cache
def _table() -> dict[str, Any]:
    table: dict[str, Any] = json.loads(METRICS_FILE.read_text(encoding="utf-8"))
    return table


@cache
def deck_metrics(font: str = DEFAULT_FONT, bold: bool = False) -> Metrics:
    """The metrics of a deck font (``Calibri`` or ``Arial``), regular or bold."""
    face = _table()["faces"][f"{font}-{'bold' if bold else 'regular'}"]
    per_em = face["units_per_em"]
    return Metrics({int(c): w / per_em for c, w in face["widths"].items()})


@dataclass(frozen=True)
class TextStyle:
    """How a text is set: size in points, bold, and the deck's font."""

    size: float
    bold: bool = False
    font: str = DEFAULT_FONT

    @property
    def line(self) -> float:
        """The height of one line, in points."""
        return round(self.size * LINE_HEIGHT, 2)

    def lines(self, text: str, width: float) -> list[str]:
        """``text`` broken into the lines it takes ``width`` points wide."""
        return wrap(text, width, self.size, deck_metrics(self.font, self.bold))

    def height(self, text: str, width: float) -> float:
        """The height ``text`` takes ``width`` points wide, in points."""
        return len(self.lines(text, width)) * self.line

    def fit(self, text: str, width: float, max_lines: int) -> tuple[str, bool]:
        """``text`` as it fits in ``max_lines`` lines ``width`` points wide: whole, or
        cut (at a word where one is near) and ended with "…" (then True: shortened)."""
        if len(self.lines(text, width)) <= max_lines:
            return text, False
        if max_lines <= 0:
            return "", True
        # no more than the lines could hold at a character a third of an em wide
        probe = text[: int(max_lines * width / (self.size / 3)) + 1]

        def fits(cut: str) -> bool:
            return len(self.lines(cut + "…", width)) <= max_lines

        low, high = 0, len(probe)
        while low < high:
            middle = (low + high + 1) // 2
            if fits(probe[:middle]):
                low = middle
            else:
                high = middle - 1
        cut = probe[:low]
        space = max(cut.rfind(" "), cut.rfind("\n"))
        if space > low * 2 // 3:
            cut = cut[:space]
        return cut.rstrip(" \t\n,;:.-–—") + "…", True
