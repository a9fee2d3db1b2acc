"""Answers written into a canvas's text, so that every other byte stays as it was.

Canvases are edited by hand by several people: aligned values, flow mappings,
comments everywhere, CRLF line endings. A YAML load and dump would rewrite all
of that, so an edit works on the text itself (``splice``), rendering only the
new value (``yamltext``).

``apply_edits`` checks the result by loading it again: it must be a valid
canvas holding exactly the intended values, every other value unchanged
(``verify``), or nothing is returned. ``CanvasFile.save`` writes atomically
(``files``) and refuses to overwrite a file that changed on disk since it was
read.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from modelh.canvas.files import write_atomic
from modelh.canvas.keypaths import _same, read_value
from modelh.canvas.loader import parse_canvas
from modelh.canvas.model import Canvas
from modelh.canvas.splice import Append, Edit, _Splicer
from modelh.canvas.splicetext import _compose
from modelh.canvas.verify import check_edits
from modelh.canvas.yamlnodes import plain
from modelh.canvas.yamltext import EditError
from modelh.errors import CanvasError, ModelhError


class ConflictError(ModelhError):
    """The file changed on disk since it was read; nothing was written."""


def apply_edits(text: str, edits: Sequence[Edit | Append], file: str = "<canvas>") -> str:
    """``text`` with ``edits`` applied; it must load as a canvas holding their values.

    Raises ``EditError`` when an edit cannot be made, and ``CanvasError`` when
    the result would not be a valid canvas: in both cases nothing changes.
    """
    splicer = _Splicer(text)
    old = plain(splicer.first)
    for edit in edits:
        if isinstance(edit, Append):
            splicer.append(edit.path, edit.item)
        else:
            splicer.set_value(edit.path, edit.value)
    new_text = splicer.text
    if new_text == text:
        return text
    parse_canvas(new_text, file)  # a valid canvas, or CanvasError
    check_edits(old, plain(_compose(new_text)), edits)
    return new_text


@dataclass
class CanvasFile:
    """A canvas file being edited: its text as last read or written, and its bytes."""

    path: Path
    text: str
    raw: bytes

    @classmethod
    def read(cls, path: str | os.PathLike[str]) -> CanvasFile:
        from modelh.canvas.loader import read_source

        p = Path(path)
        raw = read_source(p)
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError:
            parse_canvas(raw, str(p))  # reports where the bad byte is
            raise
        return cls(p, text.removeprefix("\ufeff"), raw)

    def canvas(self) -> Canvas:
        return parse_canvas(self.text, str(self.path))

    def pending(self, edits: Sequence[Edit | Append]) -> list[Edit | Append]:
        """The ``edits`` that would change the file: those whose value it does not hold."""
        root = _compose(self.text)
        return [
            edit
            for edit in edits
            if isinstance(edit, Append) or not _same(read_value(root, edit.path), edit.value)
        ]

    def apply(self, edits: Sequence[Edit | Append]) -> bool:
        """Apply ``edits``, check them, and save; False when nothing changed."""
        new = apply_edits(self.text, edits, str(self.path))
        if new == self.text:
            return False
        self.save(new)
        return True

    def save(self, new_text: str) -> None:
        bom = "\ufeff" if self.raw.startswith(b"\xef\xbb\xbf") else ""
        data = (bom + new_text).encode("utf-8")
        save_bytes(Path(os.path.realpath(self.path)), data, expected=self.raw)  # through links
        self.text, self.raw = new_text, data


def save_bytes(path: Path, data: bytes, *, expected: bytes | None = None) -> None:
    """Write ``data`` to ``path`` atomically (``files.write_atomic``), keeping its mode.

    With ``expected``, refuse (``ConflictError``) when the file on disk no
    longer holds those bytes: somebody else changed it since it was read.
    """
    if path.exists() and not os.access(path, os.W_OK):
        raise ConflictError(f"{path} is read-only; nothing was written")
    if not os.access(path.parent, os.W_OK):
        raise ConflictError(f"the folder of {path} cannot be written to; nothing was written")
    if expected is not None:
        try:
            current = path.read_bytes()
        except OSError as exc:
            raise ConflictError(f"{path} cannot be read any more: {exc.strerror}") from None
        if current != expected:
            raise ConflictError(
                f"{path} changed on disk since modelh read it (an editor, a git pull?); "
                "nothing was written: run the command again to work on the new version"
            )
    write_atomic(path, data)  # the file keeps its mode; leftovers of killed saves go


__all__ = [
    "Append",
    "CanvasError",
    "CanvasFile",
    "ConflictError",
    "Edit",
    "EditError",
    "apply_edits",
    "read_value",
    "save_bytes",
]
