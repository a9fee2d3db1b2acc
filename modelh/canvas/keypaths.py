"""Key paths in a canvas: the format's order of keys, and values found by path.

A path is a tuple of steps: a mapping key, a list index, or ``"[id]"`` for the
list item with that id. Shared by the splicing of values into a canvas's text
(``splice``), the check of what an edit wrote (``verify``) and the interview.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from decimal import Decimal, InvalidOperation
from typing import Any

import yaml

from modelh.canvas import specs
from modelh.canvas.yamlnodes import plain
from modelh.canvas.yamltext import EditError, _Raw
from modelh.framework import vocab

#: One step of a key path: a mapping key, or a list item by index or by its id.
Step = str | int
Path_ = tuple[Step, ...]


def _entry(node: yaml.MappingNode, key: str) -> tuple[yaml.Node, yaml.Node] | None:
    for k, v in node.value:
        if isinstance(k, yaml.ScalarNode) and k.value == key:
            return k, v
    return None


def _item(node: yaml.SequenceNode, step: Step) -> yaml.Node | None:
    if isinstance(step, int):
        return node.value[step] if -len(node.value) <= step < len(node.value) else None
    wanted = step[1:-1]
    for item in node.value:
        if isinstance(item, yaml.MappingNode):
            found = _entry(item, "id")
            if found and isinstance(found[1], yaml.ScalarNode) and found[1].value == wanted:
                return item
    return None


def _is_item_step(step: Step) -> bool:
    return isinstance(step, int) or (step.startswith("[") and step.endswith("]"))


# --------------------------------------------------------------------------
# The format's order of keys


def key_order(root: yaml.Node | None, path: Path_) -> tuple[str, ...]:
    """The keys of the mapping at ``path`` in the format's order (CANVAS-FORMAT.md): a
    spec's keys, the questions, the dimensions, or the canvas's segment ids for answers
    and a dimension's mix per segment; () where the format sets no order."""
    spec: specs.ObjectSpec | None = specs.CANVAS_SPEC
    kind = specs.OBJECT
    for step in path:
        if kind in (specs.OBJECT_LIST, specs.ITEM_LIST):
            if not _is_item_step(step):
                return ()
            kind = specs.OBJECT
            continue
        if kind == specs.DIMENSION_MAP:
            kind = specs.OBJECT
            continue
        if kind == specs.ANSWER_MAP:
            kind = "per-segment"
            continue
        if kind != specs.OBJECT or spec is None or not isinstance(step, str):
            return ()
        key = spec.by_name.get(step)
        if key is None:
            return ()
        kind, spec = key.kind, key.spec
    if kind == specs.OBJECT and spec is not None:
        return tuple(spec.names())
    if kind == specs.DIMENSION_MAP:
        return vocab.DIMENSION_IDS
    if kind == specs.ANSWER_MAP:
        return vocab.QUESTION_IDS
    if kind in ("per-segment", specs.SEGMENT_MIX):
        return _segment_ids(root)
    return ()


def _segment_ids(root: yaml.Node | None) -> tuple[str, ...]:
    segments = _entry(root, "segments") if isinstance(root, yaml.MappingNode) else None
    if segments is None or not isinstance(segments[1], yaml.SequenceNode):
        return ()
    ids = []
    for item in segments[1].value:
        found = _entry(item, "id") if isinstance(item, yaml.MappingNode) else None
        if found and isinstance(found[1], yaml.ScalarNode):
            ids.append(found[1].value)
    return tuple(ids)


def _rank(order: Sequence[str], key: str) -> int:
    return order.index(key) if key in order else len(order)


def _in_order(value: Any, path: Path_, root: yaml.Node | None) -> Any:
    """``value`` with the keys of each mapping in it in the format's order (keys the
    format does not order last, as they came)."""
    if isinstance(value, Mapping):
        order = key_order(root, path)
        keys = sorted(value, key=lambda k: _rank(order, str(k)))
        return {k: _in_order(value[k], (*path, str(k)), root) for k in keys}
    if isinstance(value, list | tuple) and any(isinstance(i, Mapping) for i in value):
        return [_in_order(item, (*path, n), root) for n, item in enumerate(value)]
    return value


def _graft(data: Any, rest: Path_, value: Any, path: Path_, root: yaml.Node | None) -> Any:
    """Plain ``data`` (found at ``path``) with ``value`` at ``rest`` below it; a new key
    goes at its place in the format's order."""
    if not rest:
        return value
    step, below = rest[0], rest[1:]
    if _is_item_step(step):
        items = list(data) if isinstance(data, list) else []
        at = _plain_item(items, step)
        if at is None:
            raise EditError(f"no item {step} in {_show(path)}")
        items[at] = _graft(items[at], below, value, (*path, step), root)
        return items
    mapping = dict(data) if isinstance(data, dict) else {}
    new = _graft(mapping.get(step), below, value, (*path, step), root)
    if step in mapping:
        mapping[step] = new
        return mapping
    order = key_order(root, path)
    keys = list(mapping)
    rank = _rank(order, step) if step in order else None
    at = len(keys)
    if rank is not None:
        earlier = [n for n, k in enumerate(keys) if k in order and _rank(order, k) < rank]
        later = [n for n, k in enumerate(keys) if k in order]
        at = max(earlier) + 1 if earlier else (later[0] if later else len(keys))
    keys.insert(at, step)
    return {k: (new if k == step else mapping[k]) for k in keys}


def _plain_item(items: list[Any], step: Step) -> int | None:
    if isinstance(step, int):
        return step % len(items) if -len(items) <= step < len(items) else None
    wanted = step[1:-1]

    def ident(item: dict[str, Any]) -> Any:
        found = item.get("id")
        return found.value if isinstance(found, _Raw) else found  # '"members"' is members

    return next(
        (n for n, i in enumerate(items) if isinstance(i, dict) and ident(i) == wanted), None
    )


def _show(path: Sequence[Step]) -> str:
    out = ""
    for step in path:
        if isinstance(step, int):
            out += f"[{step}]"
        elif _is_item_step(step):
            out += step
        else:
            out += ("." if out else "") + step
    return out or "the canvas"


def read_value(root: yaml.Node, path: Path_) -> Any:
    """The plain value at ``path`` in a composed canvas (None when missing or empty)."""
    node: yaml.Node | None = root
    for step in path:
        if node is None:
            return None
        if _is_item_step(step):
            node = _item(node, step) if isinstance(node, yaml.SequenceNode) else None
        elif isinstance(node, yaml.MappingNode) and isinstance(step, str):
            entry = _entry(node, step)
            node = entry[1] if entry else None
        else:
            return None
    if node is None:
        return None
    return plain(node)


def _same(found: object, intended: object) -> bool:
    if intended is None or intended == "" or intended == [] or intended == {}:
        return found in (None, "", [], {})
    if isinstance(intended, bool):  # written plain, as the loader reads a boolean
        word = "true" if intended else "false"
        return found in (word, word.capitalize(), word.upper())
    if isinstance(intended, int | float):
        if not isinstance(found, str):
            return False
        try:  # exactly: a float would take 12345678901234567890 for ...168
            return Decimal(found) == Decimal(str(intended))
        except InvalidOperation:
            return False
    if isinstance(intended, Mapping):
        return isinstance(found, dict) and all(
            _same(found.get(str(k)), v) for k, v in intended.items()
        )
    if isinstance(intended, list | tuple):
        return (
            isinstance(found, list)
            and len(found) == len(intended)
            and all(_same(f, i) for f, i in zip(found, intended, strict=True))
        )
    return found == str(intended)
