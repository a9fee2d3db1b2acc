"""The check after every edit: the intended values were written, every other
value is unchanged.

Both texts are composed to plain data; the old data with the edits grafted in
must equal the new data, so a splice that strays (a sibling lost, a comment
turned into a value) is refused before anything is saved.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from modelh.canvas.keypaths import Path_, Step, _is_item_step, _same, _show
from modelh.canvas.splice import Append, Edit
from modelh.canvas.yamltext import EditError


def check_edits(old: Any, new: Any, edits: Sequence[Edit | Append]) -> None:
    """Raise ``EditError`` unless ``new`` (plain data) holds each edit's value and
    differs from ``old`` nowhere else."""
    for edit in edits:
        if isinstance(edit, Edit):
            found = _get(new, _indexed(old, edit.path))
            found = None if found is _MISSING else found
            if not _same(found, edit.value):
                raise EditError(
                    f"writing {_show(edit.path)} did not give back the intended value "
                    f"({found!r} instead of {edit.value!r}); nothing was changed"
                )
    strayed = _changed_elsewhere(old, new, edits)
    if strayed is not None:
        raise EditError(
            f"writing {', '.join(_show(e.path) for e in edits)} would also have changed "
            f"{strayed}, which it must not; nothing was changed (please report this "
            "with the canvas)"
        )


_MISSING: Any = object()


def _find(data: Any, step: Step) -> Any:
    """The child of plain ``data`` at ``step`` (``_MISSING`` when there is none)."""
    if isinstance(step, int):
        ok = isinstance(data, list) and -len(data) <= step < len(data)
        return data[step] if ok else _MISSING
    if _is_item_step(step):
        items = data if isinstance(data, list) else []
        return next(
            (i for i in items if isinstance(i, dict) and i.get("id") == step[1:-1]), _MISSING
        )
    return data.get(step, _MISSING) if isinstance(data, dict) else _MISSING


def _get(data: Any, path: Path_) -> Any:
    for step in path:
        data = _find(data, step)
        if data is _MISSING:
            break
    return data


def _graft(data: Any, path: Path_, value: Any) -> Any:
    """``data`` with ``value`` at ``path`` (missing mappings made; ``_MISSING`` removes)."""
    if not path:
        return value
    step, rest = path[0], path[1:]
    if isinstance(step, int) or _is_item_step(step):
        items = list(data) if isinstance(data, list) else []
        child = _find(items, step)
        if child is _MISSING:
            return data
        at = next(n for n, i in enumerate(items) if i is child)
        items[at] = _graft(child, rest, value)
        return items
    mapping = dict(data) if isinstance(data, dict) else {}
    inner = _graft(mapping.get(step, _MISSING), rest, value)
    if inner is _MISSING:
        mapping.pop(step, None)
    else:
        mapping[step] = inner
    return mapping


def _changed_elsewhere(old: Any, new: Any, edits: Sequence[Edit | Append]) -> str | None:
    """Where ``new`` differs from ``old`` outside what ``edits`` set (None: nowhere)."""
    expected = old
    for edit in edits:
        path = _indexed(expected, edit.path)  # an edit may change the id it was found by
        now = _get(new, path)
        if isinstance(edit, Append):
            was = _get(expected, path)
            if isinstance(was, list) and isinstance(now, list):
                now = was + now[len(was) :]  # the items before the new one stay as they were
        expected = _graft(expected, path, now)
    return _difference(expected, new, ())


def _indexed(data: Any, path: Path_) -> Path_:
    """``path`` with its ``[id]`` steps made list positions, as found in ``data``."""
    out: list[Step] = []
    for n, step in enumerate(path):
        if isinstance(step, str) and _is_item_step(step):
            items = data if isinstance(data, list) else []
            found = _find(items, step)
            if found is _MISSING:
                return (*out, *path[n:])
            out.append(next(i for i, item in enumerate(items) if item is found))
            data = found
            continue
        out.append(step)
        data = _find(data, step) if data is not _MISSING else _MISSING
    return tuple(out)


def _difference(a: Any, b: Any, path: Path_) -> str | None:
    if isinstance(a, dict) and isinstance(b, dict):
        for key in [*a, *(k for k in b if k not in a)]:
            found = _difference(a.get(key, _MISSING), b.get(key, _MISSING), (*path, key))
            if found:
                return found
        return None
    if isinstance(a, list) and isinstance(b, list) and len(a) == len(b):
        for n, (x, y) in enumerate(zip(a, b, strict=True)):
            ident = x.get("id") if isinstance(x, dict) else None
            found = _difference(x, y, (*path, f"[{ident}]" if isinstance(ident, str) else n))
            if found:
                return found
        return None
    return None if a == b else _show(path)
