"""Saving what the interview is told: each answer written into the canvas file at
once (a dimension's degree into its mix, the headline measures, a block's items),
and a canvas changed on disk meanwhile read again, what was typed kept
(``walk.Interview`` is a ``Saving``)."""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from modelh import framework as fw
from modelh.canvas.editing import Append, CanvasFile, ConflictError, Edit
from modelh.canvas.keypaths import Path_, read_value
from modelh.canvas.yamlnodes import compose_nodes
from modelh.errors import ModelhError
from modelh.framework import vocab
from modelh.interview.newitems import MEASURES
from modelh.interview.newitems_depth import NewDepthItems
from modelh.interview.steps import (
    HEADLINES,
    Step,
    degree,
    strongest,
)
from modelh.interview.talk import (
    ANSWER,
    KEEP,
    NEW,
    Cancelled,
    Change,
    Refused,
    dotted,
    first_problem,
)


class Saving(NewDepthItems):
    """The interview's answers, written into the file as they are given."""

    _section: str | None

    def _reload_if_changed(self) -> bool:
        """Read the canvas again if it changed on disk and still loads (between steps,
        nothing typed is pending)."""
        disk = _on_disk(self.file)
        if disk is None or disk == self.file.raw:
            return False
        try:
            fresh = CanvasFile.read(self.file.path)
            fresh.canvas()
        except (ModelhError, OSError, UnicodeDecodeError):
            return False  # a save of it will offer to reload
        self.file.text, self.file.raw = fresh.text, fresh.raw
        self.prompter.tell(f"{self.file.path} changed on disk: read again.")
        return True

    def _conflict(self, file: CanvasFile, edits: Sequence[Edit | Append]) -> bool:
        """A save found the canvas changed on disk: offer to reload it. True: reloaded,
        write the edits again; False: not a change on disk (read-only, say)."""
        if _on_disk(file) == file.raw:
            return False
        before = file.text
        question = Step(
            "reload",
            self._section or "",
            "The canvas changed on disk",
            f"{file.path} changed on disk since it was read (an editor, a git pull?).\n"
            "Read it again and write this answer into the new version? "
            "(Enter or y; n stops, and shows what was not written)",
            "confirm",
        )
        while True:
            self.prompter.show(question)
            reply = self.prompter.ask(question)
            if not (reply.action == KEEP or (reply.action == ANSWER and reply.value is True)):
                for edit in edits:
                    value = edit.item if isinstance(edit, Append) else edit.value
                    self.outcome.unsaved.append(Change(edit.path, None, value))
                raise _NotReloaded(f"{file.path} changed on disk; nothing was written")
            try:
                fresh = CanvasFile.read(file.path)
                fresh.canvas()
            except (ModelhError, OSError, UnicodeDecodeError) as exc:
                self.prompter.tell(f"It does not load: {first_problem(exc)}", "error")
                continue
            break
        file.text, file.raw = fresh.text, fresh.raw
        clashes = [
            e.path
            for e in edits
            if isinstance(e, Edit) and _value_at(before, e.path) != _value_at(fresh.text, e.path)
        ]
        if clashes:
            path = clashes[0]
            now = _value_at(fresh.text, path)
            raise _BothChanged(
                f"Read {file.path} again. {dotted(path)} changed there too (now: "
                f"{_short(now)}); your answer was not written: here it is again."
            )
        self.prompter.tell(f"Read again: the answer goes into the new version of {file.path}.")
        return True

    # -- answering

    def answer(self, step: Step, value: Any) -> None:
        """Write ``value`` as the answer to ``step`` (and what it makes: new items)."""
        if step.kind == "confirm":
            if value and step.make:
                self.add_items(step)
            elif value:
                dim = step.key.split(":")[2]
                self.create_measure(for_dimension=dim)
            return
        if step.kind == "choice":
            new = value == NEW
        else:
            new = step.kind == "multi" and NEW in (value or ())
        if step.allow_new and new:
            made = (
                self.create_channel(step.section)
                if step.allow_new == "channel"
                else self.create_measure(section=step.section)
            )
            if made is None:
                raise Cancelled
            value = made if step.kind == "choice" else [v for v in value if v != NEW] + [made]
        if step.kind in ("multi", "list"):
            value = list(value or [])
        if step.key == HEADLINES:
            self._write_headlines(value)
            return
        if _is_degree(step.path):
            self._write_degree(tuple(str(part) for part in step.path), value)
            return
        if len(step.path) == 1 and step.path[0] in vocab.ITEM_BLOCKS:
            value = self._block_items(step.path[0], value)
        self._write([(Edit(step.path, value), step.current)])

    def _write(self, edits: list[tuple[Edit, Any]]) -> None:
        """Apply and save ``edits`` (each with the value it replaces), as one change."""
        pending = self.file.pending([edit for edit, _ in edits])
        if self.file.apply([edit for edit, _ in edits]):
            for edit, before in edits:
                if edit in pending:
                    self.outcome.changes.append(Change(edit.path, before, edit.value))
            self.prompter.tell(f"saved {dotted(edits[0][0].path)}", "saved")

    def _write_headlines(self, chosen: list[str]) -> None:
        """The measures chosen to head the executive summary get ``headline: true``, those
        no longer chosen ``false``; more than the summary holds is refused."""
        canvas = self.file.canvas()
        chosen = list(dict.fromkeys(chosen))
        active = {m.id for m in canvas.measures if m.status == "active"}
        others = [m.id for m in canvas.measures if m.headline and m.id not in active]
        most = fw.MAX_HEADLINES
        if len(chosen) + len(others) > most:
            also = f", and {_and_list(others)} (not active) stay headlines" if others else ""
            raise Refused(
                f"The executive summary shows at most {most} headline measures: "
                f"{len(chosen)} chosen{also}. Choose {most - len(others)} or fewer."
            )
        edits = [
            (Edit((*MEASURES, f"[{m.id}]", "headline"), want), m.headline)
            for m in canvas.measures
            if m.id in active and (want := m.id in chosen) != m.headline
        ]
        if edits:
            self._write(edits)

    def _write_degree(self, path: tuple[str, ...], value: str) -> None:
        """A dimension's degree for one segment, into its mix, and ``use`` as the mix's
        highest degree (the format's reading rule). A list of segments (or none) becomes
        the mix it means, so no segment's degree changes but this one."""
        canvas = self.file.canvas()
        base, segment = path[:3], path[4]
        dim = canvas.dimensions.get(base[2])
        before = degree(dim, segment)
        if dim is not None and dim.mix:
            mix = {**dim.mix, segment: value}
            first = Edit(path, value)
        else:
            ids = [s.id for s in canvas.segments]
            if dim is not None:
                ids += [s for s in dim.segments if s not in ids]  # kept, even unknown
            known = {s: d for s in ids if (d := degree(dim, s)) is not None}
            mix = {
                s: value if s == segment else known[s] for s in ids if s in known or s == segment
            }
            first = Edit((*base, "segments"), mix)
        use = strongest(list(mix.values()))
        self._write(
            [(first, before), (Edit((*base, "use"), use), dim.use if dim is not None else None)]
        )

    def _block_items(self, block: str, texts: list[str]) -> list[Any]:
        """The typed items of a block, each keeping the segments it names in the canvas."""
        items = getattr(self.file.canvas(), block)
        kept = {item.text: item.segments for item in items if item.text and item.segments}
        return [
            {"text": text, "segments": list(kept[text])} if text in kept else text for text in texts
        ]


class _NotReloaded(ConflictError):
    """The canvas changed on disk and the person chose not to read it again."""


class _BothChanged(ConflictError):
    """The value being answered changed on disk too: the answer is offered again."""


@dataclass
class _WatchedFile(CanvasFile):
    """A canvas file whose save, on finding the file changed on disk, asks
    ``on_conflict`` (which may read it again) and tries once more."""

    on_conflict: Callable[[CanvasFile, Sequence[Edit | Append]], bool] | None = None

    def apply(self, edits: Sequence[Edit | Append]) -> bool:
        while True:
            try:
                return super().apply(edits)
            except ConflictError:
                if self.on_conflict is None or not self.on_conflict(self, edits):
                    raise


def _on_disk(file: CanvasFile) -> bytes | None:
    """The bytes of the canvas on disk now (None when it cannot be read)."""
    try:
        with open(os.path.realpath(file.path), "rb") as fh:
            return fh.read()
    except OSError:
        return None


def _value_at(text: str, path: Path_) -> Any:
    """The plain value at ``path`` in a canvas's text (both texts here loaded already)."""
    root = compose_nodes(text)
    return read_value(root, path) if root is not None else None


def _short(value: Any) -> str:
    if value in (None, "", [], {}):
        return "empty"
    shown = str(value).replace("\n", " ")
    return shown if len(shown) <= 60 else shown[:57] + "..."


def _and_list(words: Sequence[str]) -> str:
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]


def _is_degree(path: Path_) -> bool:
    """Whether ``path`` is one segment's degree in a dimension's mix."""
    return (
        len(path) == 5
        and path[:2] == ("customer_relationships", "dimensions")
        and path[3] == "segments"
    )
