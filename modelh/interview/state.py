"""Where an interview stopped, remembered outside the canvas for the next one.

The canvas holds the client's answers only; where the walk stopped, the steps
passed over unanswered and the current section's count belong to the person
at the keyboard. They are kept in the user's state folder
(``$XDG_STATE_HOME/modelh``, else ``~/.local/state/modelh``), one small JSON
file per canvas, named after the canvas's resolved path (a link and its
target share one memory).

Reading never fails: a missing, unreadable or damaged memory is an empty one.
Saving may fail (``OSError``); the interview says so once and goes on.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from modelh.canvas.files import write_atomic

#: The memory of one canvas is small; anything larger is not ours and is ignored.
_MAX_BYTES = 1_000_000


def state_folder() -> Path | None:
    """The folder modelh keeps its state in, or None when there is no home to put it in.

    ``$XDG_STATE_HOME/modelh`` when that is an absolute path (the XDG Base
    Directory specification ignores a relative one), else ``~/.local/state/modelh``.
    """
    base = os.environ.get("XDG_STATE_HOME", "")
    if base and os.path.isabs(base):
        return Path(base) / "modelh"
    try:
        home = Path.home()
    except (RuntimeError, KeyError):  # no HOME and no entry in the password database
        return None
    return home / ".local" / "state" / "modelh"


def canvas_key(canvas: str | os.PathLike[str]) -> str:
    """The canvas as the memory knows it: its resolved, absolute path."""
    return os.path.realpath(os.path.abspath(canvas))


@dataclass
class WalkMemory:
    """What the last interview of one canvas left behind.

    ``at``: the step shown when it stopped (None once a walk reached its end);
    ``passed``: the steps passed over unanswered (skipped, or kept empty), asked
    again only with ``--all`` or from the jump menu; ``section`` and
    ``counted``: the section the walk was in and the open steps counted when it
    started, so that "3 of 12 open" goes on across a resume.
    """

    canvas: str
    file: Path | None
    at: str | None = None
    passed: set[str] = field(default_factory=set)
    section: str | None = None
    counted: list[str] = field(default_factory=list)

    @classmethod
    def of(
        cls, canvas: str | os.PathLike[str], folder: str | os.PathLike[str] | None = None
    ) -> WalkMemory:
        """The memory of ``canvas`` (in ``folder``, by default ``state_folder()``)."""
        key = canvas_key(canvas)
        base = Path(folder) if folder is not None else state_folder()
        name = hashlib.sha256(key.encode("utf-8", "surrogateescape")).hexdigest()[:32]
        memory = cls(key, base / "interviews" / f"{name}.json" if base else None)
        memory._read()
        return memory

    @property
    def folder(self) -> Path | None:
        """Where the memory is kept (to name it in a message)."""
        return self.file.parent.parent if self.file else None

    def _read(self) -> None:
        if self.file is None:
            return
        data: Any = None
        with contextlib.suppress(OSError, ValueError):
            with open(self.file, "rb") as fh:
                raw = fh.read(_MAX_BYTES + 1)
            if len(raw) <= _MAX_BYTES:
                data = json.loads(raw.decode("utf-8"))
        if not isinstance(data, dict) or data.get("canvas") != self.canvas:
            return  # none yet, damaged, or (a hash collision) another canvas's
        at, section = data.get("at"), data.get("section")
        self.at = at if isinstance(at, str) else None
        self.section = section if isinstance(section, str) else None
        self.passed = set(_strings(data.get("passed")))
        self.counted = _strings(data.get("counted"))

    def save(self) -> None:
        """Write the memory (atomically); ``OSError`` when the state folder cannot be written."""
        if self.file is None:
            raise OSError("there is no home folder to keep it in")
        data = {
            "canvas": self.canvas,
            "at": self.at,
            "passed": sorted(self.passed),
            "section": self.section,
            "counted": self.counted,
        }
        self.file.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        text = json.dumps(data, indent=1) + "\n"  # ASCII: a path's odd bytes as escapes
        write_atomic(self.file, text.encode("ascii"))


def _strings(value: Any) -> list[str]:
    return [v for v in value if isinstance(v, str)] if isinstance(value, list) else []


__all__ = ["WalkMemory", "canvas_key", "state_folder"]
