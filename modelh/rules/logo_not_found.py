"""The logo named in the canvas is not an image file next to it.

Why it matters: the logo goes on the cover of the report that executives
read; a logo path that leads nowhere, or to something that is not an image,
only shows up when the handout is rendered, often minutes before a meeting.
Finding it when the canvas is checked leaves time to fix it.

How to fix: put the image (SVG, PNG, JPEG, GIF or WebP) in the canvas's
folder, or a folder below it, and give its path relative to the canvas file.

Example::

    canvas:
      branding:
        logo: assets/riverside-logo.svg   # the file must exist, beside the canvas
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

from ..model import Canvas
from . import Hit

CODE = "MH010"
NAME = "logo-not-found"
SEVERITY = "warning"
SECTION = "meta"
OPTIONS: dict[str, Any] = {}

IMAGE_SUFFIXES = (".svg", ".png", ".jpg", ".jpeg", ".gif", ".webp")


def check(canvas: Canvas, options: Mapping[str, Any]) -> Iterator[Hit]:
    branding = canvas.canvas.branding
    if branding is None or not branding.logo:
        return
    folder = Path(canvas.file).resolve().parent
    logo = folder / branding.logo
    path = "canvas.branding.logo"
    if not logo.is_file():
        yield Hit(
            path,
            f"logo '{branding.logo}' is not a file in the canvas's folder",
            "put the image beside the canvas, or correct the path",
        )
    elif logo.suffix.lower() not in IMAGE_SUFFIXES:
        yield Hit(
            path,
            f"logo '{branding.logo}' is not an SVG, PNG, JPEG, GIF or WebP image",
            "use an image file for the logo",
        )
    elif not logo.resolve().is_relative_to(folder):
        yield Hit(
            path,
            f"logo '{branding.logo}' leads out of the canvas's folder",
            "copy the image into the canvas's folder",
        )
