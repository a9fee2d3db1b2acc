"""Helpers the relationship-dimension rules (MH2xx) share.

A dimension element counts as filled in when it is written and is not a
placeholder (TBD, TODO, ???): ``owner: TBD`` leaves the dimension without an
owner just as much as no ``owner`` at all.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator

from modelh.canvas.facts import is_placeholder
from modelh.canvas.model import Canvas, DimensionUse
from modelh.check.rules import Hit
from modelh.check.rules._common import gap_dimensions


def filled(text: str | None) -> bool:
    """Whether a text element says something: written, and not a placeholder."""
    return text is not None and bool(text.strip()) and not is_placeholder(text)


def filled_list(texts: Iterable[str]) -> bool:
    """Whether a list of texts holds at least one real item."""
    return any(filled(t) for t in texts)


def placeholder_note(text: str | None) -> str:
    """``: 'TBD' is a placeholder`` for a written placeholder, else nothing."""
    return f": '{text.strip()}' is a placeholder" if text is not None and text.strip() else ""


def element_gaps(
    canvas: Canvas,
    key: str,
    message: str,
    fix: Callable[[DimensionUse], str],
    missing: Callable[[DimensionUse], bool] | None = None,
) -> Iterator[Hit]:
    """A hit for each used or planned dimension whose element ``key`` is not filled in.

    ``message`` is completed with the dimension id (``{id}``); a placeholder text
    is quoted after it. ``missing`` overrides the test for list elements. Planned
    dimensions' hits are info (``gap_dimensions``).
    """
    for dim, severity in gap_dimensions(canvas):
        value = getattr(dim, key)
        if missing is not None:
            if not missing(dim):
                continue
            note = ""
        else:
            if filled(value):
                continue
            note = placeholder_note(value)
        yield Hit(f"{dim.path}.{key}", message.format(id=dim.id) + note, fix(dim), severity)


def choices(ids: Iterable[str], limit: int = 6) -> str:
    """``a, b, c`` from the ids given (the first ``limit``, then ``...``)."""
    shown = list(ids)
    return ", ".join(shown[:limit]) + (", ..." if len(shown) > limit else "")
