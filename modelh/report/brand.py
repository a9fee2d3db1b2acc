"""The report's brand: its palette from the canvas's colour, and its logo; the firm's.

The logo policy itself (types, paths, limits) lives in ``modelh.canvas.images``;
this module only turns its verdict into a data URI or a refusal.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from modelh.canvas.model import Canvas
from modelh.report.contract import BrandContext, FirmContext
from modelh.report.errors import ReportContextError

if TYPE_CHECKING:
    from modelh.check.config import Firm

DEFAULT_COLOR = "#1f4e79"


def _hex(color: str) -> tuple[int, int, int]:
    color = color.lstrip("#")
    return int(color[0:2], 16), int(color[2:4], 16), int(color[4:6], 16)


def _to_hex(rgb: Sequence[float]) -> str:
    return "#" + "".join(f"{max(0, min(255, round(c))):02x}" for c in rgb)


def _mix(color: str, other: str, share: float) -> str:
    """``color`` mixed with ``other``: ``share`` of ``other``."""
    a, b = _hex(color), _hex(other)
    return _to_hex([x + (y - x) * share for x, y in zip(a, b, strict=True)])


def _luminance(color: str) -> float:
    def channel(c: int) -> float:
        s = c / 255
        return s / 12.92 if s <= 0.03928 else ((s + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(c) for c in _hex(color))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: str, b: str) -> float:
    """The WCAG contrast ratio of two colours."""
    la, lb = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def brand_colors(color: str | None) -> BrandContext:
    """The report's palette from the canvas's branding colour.

    ``color`` as given (rules, bars); ``strong`` darkened until text in it reads
    on white (WCAG AA, 4.5:1); ``tint`` and ``wash`` pale backgrounds; ``on``
    the text colour on a ``strong`` background.
    """
    if not color or not re.fullmatch(r"#[0-9a-fA-F]{6}", color):
        color = DEFAULT_COLOR
    color = color.lower()
    strong = color
    step = 0.0
    while contrast(strong, "#ffffff") < 4.5 and step < 1:
        step += 0.05
        strong = _mix(color, "#000000", step)
    # a colour too pale for rules and bars is darkened too (bars must show on white)
    main = color if contrast(color, "#ffffff") >= 2.2 else strong
    return {
        "color": main,
        "strong": strong,
        "tint": _mix(main, "#ffffff", 0.88),
        "wash": _mix(main, "#ffffff", 0.95),
        "mid": _mix(main, "#ffffff", 0.55),
        "on": "#ffffff",
    }


def logo_data_uri(canvas: Canvas) -> str | None:
    """The canvas's logo as a data URI, read only from inside the canvas's folder.

    Raises ReportContextError for a logo the policy of ``modelh.canvas.images`` (``canvas_logo``)
    refuses (a URL, an absolute path, outside the folder, missing, not an image,
    or past the image limits); rule MH010 applies the same policy.
    """
    from modelh.canvas.images import LogoProblem, canvas_logo

    logo = canvas_logo(canvas)
    if logo is None:
        return None
    if isinstance(logo, LogoProblem):
        raise ReportContextError(
            f"{logo.message}; the report is refused until it is fixed ({logo.fix})"
        )
    return logo.data_uri()


def firm_context(firm: Firm | None) -> FirmContext | None:
    """The consulting firm of the project settings as the cover shows it: its name
    (cut at ``NAME_CHARS`` with "…"), its logo as a data URI, its colour; None when
    the settings name no firm.

    The firm's logo follows the client's logo policy (``modelh.canvas.images``),
    beside the settings file. Raises ReportContextError, at the logo's place in the
    settings, for a logo the policy refuses (the file may have changed since the
    settings were read).
    """
    if firm is None:
        return None
    from modelh.canvas.images import LogoProblem, logo_file

    logo = None
    if firm.logo:
        found = logo_file(firm.settings, firm.logo, owner="settings file")
        if isinstance(found, LogoProblem):
            raise ReportContextError(
                f"{firm.logo_at or firm.settings}: report.firm: {found.message}; the report "
                f"is refused until it is fixed ({found.fix})"
            )
        logo = found.data_uri()
    from modelh.report.shorten import NAME_CHARS, cut_at_word

    name = firm.name or ""
    if len(name) > NAME_CHARS:  # the cover keeps one or two lines for it
        name = cut_at_word(name[: NAME_CHARS * 4], NAME_CHARS)
    palette = brand_colors(firm.color)
    return {
        "name": name,
        "logo": logo,
        "color": palette["color"],
        "strong": palette["strong"],
    }
