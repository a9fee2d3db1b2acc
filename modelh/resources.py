"""Finds the shipped ``templates/`` and ``canvases/`` folders.

In a checkout they sit beside the package, at the repository's top level; in an
installed wheel they are inside the package, under ``modelh/_data/``.
"""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def _find(name: str) -> Path:
    for candidate in (_PACKAGE / "_data" / name, _PACKAGE.parent / name):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"modelh's {name}/ folder is missing from this installation")


def templates_dir() -> Path:
    """The built-in report templates."""
    return _find("templates")


def examples_dir() -> Path:
    """The example canvases."""
    return _find("canvases")


def example_canvases() -> list[Path]:
    """Every example canvas, sorted by name."""
    return sorted(examples_dir().glob("*.yaml"))


#: The fonts the report ships (Inter, with its licence), inside the package.
FONTS_DIR = _PACKAGE / "fonts"
