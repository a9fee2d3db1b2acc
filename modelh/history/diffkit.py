"""What every part of a canvas diff is made of: values made comparable, the fields
of two objects compared, two lists of items matched (by id, by the same words,
then by how alike their words are), and figures as a reader expects them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from decimal import Decimal, InvalidOperation
from typing import Any

from modelh.canvas.model import Duration
from modelh.history.records import FieldChange, ItemChange, Value
from modelh.history.words import Piece, match_items, same_text, word_diff


def _value(value: object) -> Value:
    if value is None or value == "" or value == ():
        return None
    if isinstance(value, Duration):
        return value.text
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, int | float):
        return value
    if isinstance(value, tuple | list):
        return tuple(str(v) for v in value) or None
    return str(value)


def _same(a: Value, b: Value) -> bool:
    if isinstance(a, str) and isinstance(b, str):
        return same_text(a, b)
    return a == b


def _field_changes(
    old: object | None, new: object | None, names: Iterable[str]
) -> tuple[FieldChange, ...]:
    changes = []
    for name in names:
        a = _value(getattr(old, name, None)) if old is not None else None
        b = _value(getattr(new, name, None)) if new is not None else None
        if _same(a, b):
            continue
        pieces: tuple[Piece, ...] = ()
        if isinstance(a, str) and isinstance(b, str) and max(len(a.split()), len(b.split())) > 3:
            pieces = word_diff(a, b)  # prose: word by word; a short value shows whole
        changes.append(FieldChange(name, a, b, pieces))
    return tuple(changes)


def number_text(value: float | int | str | None) -> str:
    """A figure as a reader expects it: ``24``, ``13.95``, never ``13.950000000000001``."""
    if value is None:
        return "none"
    if isinstance(value, str):
        return value
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    return repr(value) if isinstance(value, float) else str(value)


def _delta(old: float | int | None, new: float | int | None) -> float | int | None:
    if old is None or new is None:
        return None
    try:
        result = Decimal(repr(new)) - Decimal(repr(old))
    except InvalidOperation:
        return None
    return int(result) if result == result.to_integral_value() else float(result)


# ---------------------------------------------------------------------------
# Items of a list


def _items(
    old: Sequence[Any],
    new: Sequence[Any],
    *,
    key: Callable[[Any], str | None],
    text: Callable[[Any], str | None],
    label: Callable[[Any], str],
    fields: Sequence[str],
) -> tuple[ItemChange, ...]:
    matches, removed, added = match_items(old, new, key=key, text=text)
    position = {id(item): i for i, item in enumerate(new)}
    old_position = {id(item): i for i, item in enumerate(old)}
    found: list[tuple[int, ItemChange]] = []
    for match in matches:
        changes = _field_changes(match.old, match.new, fields)
        if not changes:
            continue
        reworded = match.how == "similar"
        kind = "reworded" if reworded else "changed"
        ident = key(match.new) or (text(match.new) or "")
        found.append(
            (
                position[id(match.new)],
                ItemChange(
                    kind,
                    ident,
                    label(match.new),
                    changes,
                    match.ratio if reworded else None,
                ),
            )
        )
    for item in added:
        ident = key(item) or (text(item) or "")
        found.append((position[id(item)], ItemChange("added", ident, label(item))))
    for item in removed:
        ident = key(item) or (text(item) or "")
        # a removed item is shown where it stood, among the new ones
        found.append((old_position[id(item)], ItemChange("removed", ident, label(item))))
    found.sort(key=lambda pair: (pair[0], pair[1].change == "removed"))
    return tuple(change for _, change in found)


def _id(item: Any) -> str | None:
    value = getattr(item, "id", None)
    return value if isinstance(value, str) and value else None


def _name_or_id(item: Any) -> str:
    return str(getattr(item, "name", None) or getattr(item, "id", "") or "")
