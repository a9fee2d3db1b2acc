"""The logo named in the canvas is not an image file next to it.

Why it matters: the logo goes on the cover of the report that executives
read; a logo path that leads nowhere, or to something that is not an image,
only shows up when the handout is rendered, often minutes before a meeting.
Finding it when the canvas is checked leaves time to fix it.

How to fix: put the image (SVG, PNG, JPEG, GIF or WebP) in the canvas's
folder, or a folder below it, and give its path relative to the canvas file.
The image must be within the report's image limits (at most 2 MB and 16
million pixels; an SVG at most 10,000 elements, 50 levels deep, 20,000 drawn
once its ``<use>`` references are expanded), as ``modelh render`` requires.

Example::

    canvas:
      branding:
        logo: assets/riverside-logo.svg   # the file must exist, beside the canvas
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from modelh.canvas.model import Canvas
from modelh.check.rules import Executive, Hit

CODE = "MH010"
NAME = "logo-not-found"
SEVERITY = "warning"
SECTION = "meta"
OPTIONS: dict[str, Any] = {}

EXECUTIVE = Executive(
    "The client's logo cannot be shown",
    "The cover of the handout would go without it, which is often found minutes before a meeting.",
)


def check(canvas: Canvas, options: Mapping[str, Any]) -> Iterator[Hit]:
    from modelh.canvas.images import LogoProblem, canvas_logo

    logo = canvas_logo(canvas)  # the very policy the report applies
    if isinstance(logo, LogoProblem):
        yield Hit("canvas.branding.logo", logo.message, logo.fix)
