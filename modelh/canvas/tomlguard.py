"""The guarded reader of the TOML a user hands modelh (``pyproject.toml``'s
``[tool.modelh]``): as ``guard`` reads YAML, a regular file of bounded size,
nesting no deeper than ``MAX_NESTING``, one clear message for each refusal.
"""

from __future__ import annotations

import os
import re
from typing import Any

from modelh.canvas.guard import (
    MAX_NESTING,
    Kind,
    decode,
    file_problem,
    nesting_problem,
    read_file,
    too_many_problem,
)
from modelh.errors import CanvasError

#: The tokens that matter to nesting in TOML: strings (skipped whole, even when
#: not closed), comments, numbers (whose dots are not keys), dots, brackets, line ends.
_TOML_TOKEN = (
    r'(?m)"""[\s\S]*?(?:"""|\Z)'
    r"|'''[\s\S]*?(?:'''|\Z)"
    r'|"(?:[^"\\\n]|\\.?)*+(?:"|$)'
    r"|'[^'\n]*(?:'|$)"
    r"|#[^\n]*"
    r"|(?<![A-Za-z0-9_-])[-+]?[0-9][0-9_]*(?:\.[0-9_]+)?"
    r"|[.=,\[{\]}\n]"
)


def load_toml(path: str | os.PathLike[str], kind: Kind) -> dict[str, Any]:
    """The guarded data of the TOML file at ``path``."""
    return load_toml_text(path, kind)[0]


def load_toml_text(path: str | os.PathLike[str], kind: Kind) -> tuple[dict[str, Any], str]:
    """``load_toml``, and the file's text (for the places of its keys)."""
    import tomllib

    name = os.fspath(path)
    text = decode(read_file(name, kind), name)
    _toml_prescan(text, name, kind)
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise CanvasError(name, [file_problem(name, f"not valid TOML: {exc}")]) from None
    except RecursionError:  # the prescan should have found it; never a traceback
        raise CanvasError(name, [nesting_problem(name, 1, 1, kind)]) from None
    if _depth(data) > MAX_NESTING:
        raise CanvasError(name, [nesting_problem(name, 1, 1, kind)])
    return data, text


def _toml_prescan(text: str, file: str, kind: Kind) -> None:
    """Refuse deep nesting and too many values before parsing.

    tomllib recurses into brackets, and a dotted key of many parts (``a.b.c...``)
    costs it time that grows with the square of its length. The dots of one key
    (outside strings and numbers), or brackets open at once, count as levels;
    every value, table or key part needs a ``=``, ``,``, ``.``, ``[`` or ``{``.
    """
    dots_in_text, brackets = text.count("."), text.count("[") + text.count("{")
    if (
        dots_in_text <= MAX_NESTING
        and brackets <= MAX_NESTING
        and dots_in_text + brackets + text.count("=") + text.count(",") <= kind.max_nodes
    ):
        return
    line, dots, depth, values = 1, 0, 0, 0
    for token in re.finditer(_TOML_TOKEN, text):
        t = token.group()
        if t == "\n":
            line, dots = line + 1, 0
            continue
        if t in "=,":  # a key ends: count the next one's parts
            dots = 0
        elif t == ".":
            dots += 1
        elif t in "[{":
            depth += 1
        elif t in "]}":
            depth = max(0, depth - 1)
            continue
        else:
            line += t.count("\n")  # a multi-line string
            continue
        values += 1
        if dots > MAX_NESTING or depth > MAX_NESTING:
            raise CanvasError(file, [nesting_problem(file, line, 1, kind)])
        if values > kind.max_nodes:
            raise CanvasError(file, [too_many_problem(file, line, 1, kind)])


def _depth(data: Any) -> int:
    deepest = 0
    stack = [(data, 0)]
    while stack:
        value, level = stack.pop()
        deepest = max(deepest, level)
        if isinstance(value, dict):
            stack.extend((v, level + 1) for v in value.values())
        elif isinstance(value, list):
            stack.extend((v, level + 1) for v in value)
    return deepest
