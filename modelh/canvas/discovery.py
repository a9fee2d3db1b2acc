"""Finding canvas files among paths given on the command line."""

from __future__ import annotations

import os
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from modelh.canvas.loader import MAX_BYTES

#: A canvas is recognised by its top-level format line, found in the raw text so
#: that a canvas with a syntax error is still found (and reported).
_CANVAS_LINE = re.compile(rb"^modelh[ \t]*:", re.M)
_SKIP_DIRS = frozenset({".git", ".hg", ".svn", ".venv", "venv", "node_modules", "__pycache__"})
_SUFFIXES = (".yaml", ".yml")


@dataclass(frozen=True)
class Target:
    """A file to load; ``explicit`` when the user named it rather than its folder."""

    path: str
    explicit: bool


def is_canvas_text(data: bytes) -> bool:
    """Whether raw file bytes hold a top-level ``modelh:`` line."""
    return bool(_CANVAS_LINE.search(data.removeprefix(b"\xef\xbb\xbf")))


def looks_like_canvas(path: Path) -> bool:
    """Whether a regular file holds a top-level ``modelh:`` line (pipes are never opened)."""
    try:
        if not path.is_file():
            return False
        with path.open("rb") as fh:
            return is_canvas_text(fh.read(MAX_BYTES))
    except OSError:
        return False


def find_canvases(paths: Iterable[str]) -> list[Target]:
    """Expand ``paths``: files are kept as given, folders searched for canvas files.

    Hidden folders and virtual environments are skipped. The result keeps the
    order given, folders' files sorted, each file once.
    """
    out: list[Target] = []
    seen: set[str] = set()  # real paths: ./a.yaml, a.yaml and a link to it are one file

    def add(name: str, explicit: bool) -> None:
        real = os.path.realpath(name)
        if real not in seen:
            seen.add(real)
            out.append(Target(name, explicit))

    for raw in paths:
        path = Path(raw)
        if raw and path.is_dir():
            found = []
            for root, dirs, files in os.walk(path):
                dirs[:] = sorted(d for d in dirs if d not in _SKIP_DIRS and not d.startswith("."))
                for name in files:
                    candidate = Path(root) / name
                    if name.lower().endswith(_SUFFIXES) and looks_like_canvas(candidate):
                        found.append(str(candidate))
            for name in sorted(found):
                add(name, explicit=False)
        else:
            add(raw, explicit=True)
    return out
