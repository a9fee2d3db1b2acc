"""Where each key of a configuration file stands: its line and column, and its value's.

The configuration is read as plain data (``tomllib`` keeps no positions), so the
places are found apart: from the composed nodes of a YAML file, and for
``pyproject.toml`` by a small scan of the TOML text that follows table headers
(``[tool.modelh.report.firm]``), dotted keys (``report.firm.name = ...``) and
inline tables (``firm = {name = "..."}``). A key the scan cannot place has no
place, and its problem is reported with the file's name alone.

Keys are tuples of names from the configuration's root (``[tool.modelh]`` in
a pyproject.toml): ``("report", "firm", "logo")``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import yaml

from modelh.canvas.yamlnodes import place

Keys = tuple[str, ...]


@dataclass
class Places:
    """The line and column (1-based) of each key, and of each key's value."""

    keys: dict[Keys, tuple[int, int]] = field(default_factory=dict)
    values: dict[Keys, tuple[int, int]] = field(default_factory=dict)

    def of(self, keys: Keys, *, value: bool = False) -> tuple[int, int] | None:
        """Where ``keys`` (its value, when ``value``) stands; else its nearest parent."""
        while keys:
            found = (self.values if value else self.keys).get(keys) or self.keys.get(keys)
            if found is not None:
                return found
            keys, value = keys[:-1], False
        return None


def yaml_places(root: yaml.Node | None, text: str) -> Places:
    """The places of every key of the mappings in ``root`` (a composed YAML file)."""
    places = Places()
    if root is None:
        return places
    stack: list[tuple[yaml.Node, Keys]] = [(root, ())]
    while stack:
        node, keys = stack.pop()
        if not isinstance(node, yaml.MappingNode):
            continue
        for key, value in node.value:
            if not isinstance(key, yaml.ScalarNode):
                continue
            here = (*keys, str(key.value))
            places.keys[here] = place(text, key.start_mark)
            places.values[here] = place(text, value.start_mark)
            stack.append((value, here))
    return places


#: TOML's tokens as far as keys go: strings (whole, even multi-line), comments,
#: punctuation, line ends, and runs of anything else (bare keys, numbers, dates).
_TOKEN = re.compile(
    r'"""[\s\S]*?(?:"""|\Z)'
    r"|'''[\s\S]*?(?:'''|\Z)"
    r'|"(?:[^"\\\n]|\\.)*(?:"|$)'
    r"|'[^'\n]*(?:'|$)"
    r"|#[^\n]*"
    r"|\n"
    r"|[\[\]{}=,.]"
    r"|[^\s\[\]{}=,.#\"']+",
    re.M,
)


def toml_places(text: str, root: Keys = ("tool", "modelh")) -> Places:
    """The places of the keys under ``root`` in a TOML text, relative to ``root``."""
    tokens = [
        (m.group(), m.start()) for m in _TOKEN.finditer(text) if not m.group().startswith("#")
    ]
    line_starts = [0] + [m.end() for m in re.finditer(r"\n", text)]
    places = Places()

    def where(offset: int) -> tuple[int, int]:
        import bisect

        line = bisect.bisect_right(line_starts, offset)
        return line, offset - line_starts[line - 1] + 1

    def record(keys: Keys, offset: int, value: bool = False) -> None:
        if keys[: len(root)] != root or len(keys) == len(root):
            return
        (places.values if value else places.keys).setdefault(keys[len(root) :], where(offset))

    index = 0

    def dotted(stop: str) -> list[tuple[str, int]]:
        """A dotted key from ``index`` up to ``stop`` (not consumed): its parts and places."""
        nonlocal index
        parts: list[tuple[str, int]] = []
        while index < len(tokens) and tokens[index][0] not in (stop, "\n"):
            token, at = tokens[index]
            if token != ".":
                parts.append((_unquoted(token), at))
            index += 1
        return parts

    def skip_value(closers: str) -> None:
        """Past a value: up to a closer or a line end outside brackets (not consumed)."""
        nonlocal index
        depth = 0
        while index < len(tokens):
            token = tokens[index][0]
            if depth == 0 and (token in closers or token == "\n"):
                return
            if token in "[{":
                depth += 1
            elif token in "]}":
                depth -= 1
            index += 1

    def pair(prefix: Keys, closers: str) -> None:
        """``key = value`` at ``index``; an inline table's pairs are read in turn."""
        nonlocal index
        parts = dotted("=")
        if index >= len(tokens) or tokens[index][0] != "=" or not parts:
            skip_value(closers)
            return
        keys = prefix
        for name, at in parts:
            keys = (*keys, name)
            record(keys, at)
        index += 1  # past "="
        if index < len(tokens):
            record(keys, tokens[index][1], value=True)
        if index < len(tokens) and tokens[index][0] == "{":
            index += 1
            while index < len(tokens) and tokens[index][0] != "}":
                if tokens[index][0] in (",", "\n"):
                    index += 1
                    continue
                pair(keys, ",}")
            index += 1  # past "}"
        else:
            skip_value(closers)

    table: Keys = ()
    while index < len(tokens):
        token = tokens[index][0]
        if token == "\n":
            index += 1
        elif token == "[":
            index += 1
            if index < len(tokens) and tokens[index][0] == "[":
                index += 1
            parts = dotted("]")
            table = tuple(name for name, _ in parts)
            for end in range(1, len(parts) + 1):
                record(table[:end], parts[end - 1][1])
            while index < len(tokens) and tokens[index][0] != "\n":
                index += 1
        else:
            pair(table, "")
    return places


def _unquoted(token: str) -> str:
    if len(token) >= 2 and token[0] == token[-1] and token[0] in "\"'":
        return token[1:-1]
    return token
