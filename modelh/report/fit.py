"""What fits in a block of the canvas page, decided from the text itself.

WeasyPrint does not say when text overflows a fixed box, so the canvas page is
planned here: each block's items are wrapped into lines with the advance widths
of the shipped font (the same font the PDF uses), and the items that do not fit
are counted, never silently dropped. The estimate errs on the side of too many
lines (no kerning, breaks at spaces only, a safety margin), so what is shown
always fits.
"""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

from modelh import resources

FONTS_DIR = resources.FONTS_DIR

#: Font files by (weight, style), as the templates declare them.
FONT_FILES: dict[tuple[int, str], str] = {
    (400, "normal"): "Inter-Regular.woff2",
    (400, "italic"): "Inter-Italic.woff2",
    (600, "normal"): "Inter-SemiBold.woff2",
}

PT_PER_MM = 72 / 25.4
#: Widths are overestimated by this much (no kerning is applied, and other
#: renderers may round differently).
SAFETY = 1.04


@dataclass(frozen=True)
class Metrics:
    """Advance widths of one font, in em, by code point."""

    widths: dict[int, float]

    def width(self, text: str, size: float) -> float:
        """The width of ``text`` set at ``size`` points, in points (a little over)."""
        total = 0.0
        for char in text:
            total += self.char_width(char)
        return total * size * SAFETY

    def char_width(self, char: str) -> float:
        code = ord(char)
        known = self.widths.get(code)
        if known is not None:
            return known
        if is_wide(char):
            return 1.0  # CJK and emoji fonts draw these one em wide (emoji a little more)
        if unicodedata.combining(char):
            return 0.0
        return 0.65  # drawn by a fallback font: take a wide Latin letter


#: Advance widths of the shipped fonts, made from them by ``make fonts``
#: (reading them with fontTools takes longer than a report's other work together).
METRICS_FILE = FONTS_DIR / "metrics.json"


def _face(weight: int, style: str) -> str:
    return f"{weight}-{style}"


def measure_fonts() -> dict[str, Any]:
    """The widths table of every shipped font, read from the font files."""
    from fontTools.ttLib import TTFont

    faces = {}
    for (weight, style), name in FONT_FILES.items():
        path = FONTS_DIR / name
        font = TTFont(path, lazy=True)
        per_em = font["head"].unitsPerEm
        hmtx = font["hmtx"].metrics
        faces[_face(weight, style)] = {
            "file": name,
            "sha256": hashlib.sha256(path.read_bytes()).hexdigest(),
            "units_per_em": per_em,
            "widths": {str(c): hmtx[g][0] for c, g in sorted(font.getBestCmap().items())},
        }
    return {"faces": faces}


@cache
def _table() -> dict[str, Any]:
    try:
        table = json.loads(METRICS_FILE.read_text(encoding="utf-8"))
        for (weight, style), name in FONT_FILES.items():
            face = table["faces"][_face(weight, style)]
            digest = hashlib.sha256((FONTS_DIR / name).read_bytes()).hexdigest()
            if face["file"] != name or face["sha256"] != digest:
                raise ValueError(f"{METRICS_FILE.name} does not match {name}")
        faces: dict[str, Any] = table
        return faces
    except (OSError, ValueError, KeyError):  # missing or stale: measure the fonts themselves
        return measure_fonts()


@cache
def metrics(weight: int = 400, style: str = "normal") -> Metrics:
    """The metrics of the shipped font of this weight and style."""
    face = _table()["faces"][_face(weight, style)]
    per_em = face["units_per_em"]
    return Metrics({int(c): w / per_em for c, w in face["widths"].items()})


@cache
def shipped_characters() -> frozenset[int]:
    """Every code point the shipped fonts can draw (they all cover the same set)."""
    return frozenset(metrics().widths)


def is_wide(char: str) -> bool:
    """Whether ``char`` is a wide (CJK) or emoji character: a line may break around it."""
    return unicodedata.east_asian_width(char) in ("W", "F") or 0x1F000 <= ord(char) <= 0x1FAFF


def wrap(text: str, width: float, size: float, font: Metrics) -> list[str]:
    """``text`` broken into the lines it takes in ``width`` points at ``size`` points.

    Breaks at spaces and around wide characters; a word longer than a line is
    broken anywhere, as the stylesheet's ``overflow-wrap: anywhere`` does.
    """
    lines: list[str] = []
    for paragraph in text.splitlines() or [""]:
        lines.extend(_wrap_paragraph(paragraph.strip(), width, size, font))
    return lines or [""]


def _tokens(text: str) -> list[str]:
    """Words with their trailing space, wide characters one by one."""
    tokens: list[str] = []
    current = ""
    for char in text:
        if is_wide(char):
            if current:
                tokens.append(current)
                current = ""
            tokens.append(char)
        elif char == " ":
            current += char
            tokens.append(current)
            current = ""
        else:
            current += char
    if current:
        tokens.append(current)
    return tokens


def _wrap_paragraph(text: str, width: float, size: float, font: Metrics) -> list[str]:
    if not text:
        return [""]
    lines: list[str] = []
    line = ""
    for token in _tokens(text):
        candidate = line + token
        if font.width(candidate.rstrip(" "), size) <= width:
            line = candidate
            continue
        if line.strip():
            lines.append(line.rstrip(" "))
            line = ""
        # the token alone: it may itself be longer than a line
        while font.width(token.rstrip(" "), size) > width and len(token) > 1:
            cut = _longest_prefix(token, width, size, font)
            lines.append(token[:cut])
            token = token[cut:]
        line = token
    if line.strip() or not lines:
        lines.append(line.rstrip(" "))
    return lines


def _longest_prefix(token: str, width: float, size: float, font: Metrics) -> int:
    cut = 1
    while cut < len(token) and font.width(token[: cut + 1], size) <= width:
        cut += 1
    return cut


# ---------------------------------------------------------------------------
# Blocks


@dataclass(frozen=True)
class Style:
    """How a line of a block is set: its size and line height in points, its font."""

    size: float
    leading: float
    weight: int = 400
    style: str = "normal"

    @property
    def font(self) -> Metrics:
        return metrics(self.weight, self.style)


@dataclass(frozen=True)
class Line:
    """One part of an item: a text set in a style (``key`` names the part)."""

    key: str
    text: str
    style: Style
    indent: float = 0.0  # points taken from the width (a marker before the text)


@dataclass(frozen=True)
class Fitted:
    """An item as shown: each part's text, and whether any part was cut short."""

    index: int
    parts: dict[str, str]
    cut: bool


@dataclass(frozen=True)
class BlockFit:
    """What a block shows: the items (in order), and what is left for later pages."""

    shown: tuple[Fitted, ...]
    hidden: int  # items not shown at all
    cut: bool  # an item shown was shortened

    @property
    def complete(self) -> bool:
        return not self.hidden and not self.cut


def item_height(parts: Sequence[Line], width: float) -> float:
    """The height in points an item takes when set in ``width`` points."""
    return sum(
        len(wrap(p.text, width - p.indent, p.style.size, p.style.font)) * p.style.leading
        for p in parts
    )


def fit_block(
    items: Sequence[Sequence[Line]],
    width: float,
    height: float,
    *,
    gap: float,
    more: Style,
) -> BlockFit:
    """Choose the items (in order) that fit ``width`` x ``height`` points.

    Items are kept whole while they fit, leaving room for the line that says
    how many more there are. When not even the first item fits, it is shown
    shortened (ending in "…") so a block is never empty.
    """
    shown: list[Fitted] = []
    used = 0.0
    for index, parts in enumerate(items):
        need = item_height(parts, width) + (gap if shown else 0.0)
        last = index == len(items) - 1
        room = height - used - (0.0 if last else more.leading + gap)
        if need <= room:
            shown.append(Fitted(index, {p.key: p.text for p in parts}, cut=False))
            used += need
            continue
        if not shown:
            # Nothing fits whole: show what fits of the first item, then point on.
            shortened = _shorten(parts, width, height - more.leading - gap)
            if shortened is not None:
                shown.append(Fitted(index, shortened, cut=True))
                return BlockFit(tuple(shown), len(items) - 1, True)
        return BlockFit(tuple(shown), len(items) - len(shown), False)
    return BlockFit(tuple(shown), 0, False)


def _shorten(parts: Sequence[Line], width: float, height: float) -> dict[str, str] | None:
    """The parts of an item cut to ``height`` points, the last one ending in "…"."""
    result: dict[str, str] = {}
    left = height
    for part in parts:
        usable = width - part.indent
        font, size = part.style.font, part.style.size
        lines = wrap(part.text, usable, size, font)
        room = int(left // part.style.leading)
        if room <= 0:
            break
        if len(lines) <= room:
            result[part.key] = part.text
            left -= len(lines) * part.style.leading
            continue
        # the longest start of the text, cut after a word, that fits with " …"
        ends = [m.start() for m in re.finditer(r"\s", part.text)] or [len(part.text)]
        best = ""
        low, high = 0, len(ends) - 1
        while low <= high:
            middle = (low + high) // 2
            head = part.text[: ends[middle]].rstrip() + " …"
            if len(wrap(head, usable, size, font)) <= room:
                best, low = head, middle + 1
            else:
                high = middle - 1
        if not best:  # one long word: cut it anywhere
            best = wrap(part.text, usable, size, font)[0][:-1] + "…"
        result[part.key] = best
        return result
    return result or None


def metrics_text() -> str:
    """The text of ``modelh/fonts/metrics.json``, measured from the shipped fonts."""
    return json.dumps(measure_fonts(), indent=None, separators=(",", ":"), sort_keys=True) + "\n"
