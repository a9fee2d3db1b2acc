"""Canvas files to ``Canvas`` objects, with every problem reported at once.

The text is composed into YAML nodes (never constructed into Python objects, so
no tag can run code and every scalar keeps the text as written), then walked
against the format's specs in ``specs``. Problems are collected, not raised one
by one; ``CanvasError`` carries them all.

Hostile input is stopped before it costs much, by the guards every YAML file
modelh reads goes through (``guard``): files over ``MAX_BYTES``, bytes that
are not UTF-8, nesting deeper than ``MAX_NESTING`` (found by a cheap scan, since
a deep enough document crashes the C composer), aliases (so an alias bomb is
never expanded) and several documents in one file.

The walk itself is in ``walk`` (keys, objects, references), ``values`` (scalar
values) and ``items`` (lists and the method's maps); ``yamlnodes`` holds what
the loader shares with the guard and editing.
"""

from __future__ import annotations

import os

import yaml

from modelh.canvas import linebreaks
from modelh.canvas import model as m
from modelh.canvas.guard import (
    CANVAS,
    MAX_BYTES,
    MAX_NESTING,
    compose,
    decode,
    file_problem,
    prescan,
    read_file,
    tag_problems,
    too_large,
)
from modelh.canvas.items import MAX_ITEMS, ItemValues
from modelh.canvas.values import ScalarValues
from modelh.canvas.yamlnodes import QUOTED, line_col
from modelh.errors import CanvasError, Problem

__all__ = [
    "MAX_BYTES",
    "MAX_ITEMS",
    "MAX_NESTING",
    "load_canvas",
    "parse_canvas",
    "read_source",
]


class _Walker(ScalarValues, ItemValues):
    """The whole walk: keys and references (``walk``), scalars (``values``), lists
    and the method's maps (``items``)."""


def load_canvas(path: str | os.PathLike[str]) -> m.Canvas:
    """Read and check the canvas file at ``path``.

    Raises ``CanvasError`` listing every problem found (with file, line and
    column) when the file cannot be read or does not follow the format.
    """
    name = os.fspath(path)
    return parse_canvas(read_source(name), name)


def read_source(path: str | os.PathLike[str]) -> bytes:
    """The bytes of a canvas file; folders, devices, pipes and oversize files are refused."""
    return read_file(path, CANVAS)


def parse_canvas(source: str | bytes | bytearray | memoryview, file: str = "<canvas>") -> m.Canvas:
    """Check the canvas held in ``source`` (text, or UTF-8 bytes) named ``file``."""
    if isinstance(source, str):
        try:
            size = len(source.encode("utf-8"))
        except UnicodeEncodeError as exc:
            line, col = line_col(source, exc.start)
            message = f"the text holds a lone surrogate (U+{ord(source[exc.start]):04X})"
            raise CanvasError(file, [file_problem(file, message, line, col)]) from None
        if size > MAX_BYTES:
            raise CanvasError(file, [too_large(file, size)])
        text = source
    else:
        data = bytes(source)
        if len(data) > MAX_BYTES:
            raise CanvasError(file, [too_large(file, len(data))])
        text = decode(data, file)
    if text.startswith("\ufeff"):
        text = text[1:]
    _prescan(text, file)
    root = _compose(text, file)
    walker = _Walker(file, text)
    if "!" in text:  # tags are refused, but never stop the walk: report everything
        walker.problems.extend(tag_problems(root, file, text, CANVAS))
    if walker.odd:  # so are line breaks only YAML sees
        walker.problems.extend(_odd_break_problems(root, file, text))
    canvas = walker.canvas(root)
    if walker.problems or canvas is None:
        raise CanvasError(file, walker.problems)
    return canvas


# --------------------------------------------------------------------------
# Before the walk: the guards, then the canvas's own "empty".


def _odd_break_problems(root: yaml.Node, file: str, text: str) -> list[Problem]:
    """An odd line break outside quoted text: YAML starts a new line there, editors do not
    (``# note<U+2028>status: final`` reads as a comment and sets the status)."""
    quoted = []
    stack = [root]
    while stack:
        node = stack.pop()
        if isinstance(node, yaml.ScalarNode):
            if node.style in QUOTED:
                quoted.append((node.start_mark.index, node.end_mark.index))
        elif isinstance(node, yaml.MappingNode):
            stack.extend(part for pair in node.value for part in pair)
        else:
            stack.extend(node.value)
    lines = linebreaks.Lines(text)
    problems = []
    for at in linebreaks.odd_breaks_outside(text, quoted):
        line, col = lines(at)
        message = (
            f"character {linebreaks.odd_break_name(text[at])} starts a new line for YAML, "
            "but not in most editors: remove it, or write the text in quotes"
        )
        problems.append(Problem(file, line, col, line, col + 1, "syntax", "", message))
        if len(problems) == 20:
            break
    return problems


def _prescan(text: str, file: str) -> None:
    if not text.strip():
        message = "the file is empty; a canvas starts with the line 'modelh: 1'"
        raise CanvasError(file, [file_problem(file, message)])
    prescan(text, file, CANVAS)


def _compose(text: str, file: str) -> yaml.Node:
    root = compose(text, file, CANVAS)
    if root is None:
        message = "the file holds no YAML content; a canvas starts with 'modelh: 1'"
        raise CanvasError(file, [file_problem(file, message)])
    return root
