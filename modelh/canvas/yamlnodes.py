"""What every reader of YAML nodes in modelh shares, written once.

Composing with ``NodeLoader`` (every untagged scalar stays text), the spellings
YAML reads as "nothing", what counts as empty, composed nodes as plain data,
and the line and column of a node as editors count them. The loader, the
guard, editing and the interview's answers file all use these.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, Protocol

import yaml

from modelh.canvas import linebreaks
from modelh.errors import Problem

try:  # the C parser is about ten times faster; the pure one is the fallback
    from yaml._yaml import CParser as _Parser
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml.composer import Composer
    from yaml.parser import Parser
    from yaml.reader import Reader
    from yaml.scanner import Scanner

    class _Parser(Reader, Scanner, Parser, Composer):  # type: ignore[no-redef]
        def __init__(self, stream: str) -> None:
            Reader.__init__(self, stream)
            Scanner.__init__(self)
            Parser.__init__(self)
            Composer.__init__(self)


CORE = "tag:yaml.org,2002:"
#: The tag each kind of node carries when it has none of its own.
STR, SEQ, MAP = CORE + "str", CORE + "seq", CORE + "map"
#: The one tag each kind of node may carry: ``!!str 1.10`` is fine, ``!!int 7`` is not.
PLAIN_TAG = {yaml.ScalarNode: STR, yaml.SequenceNode: SEQ, yaml.MappingNode: MAP}

#: Plain scalars that YAML reads as "nothing".
NULLS = frozenset({"", "~", "null", "Null", "NULL"})
QUOTED = ("'", '"')
#: Plain values that YAML 1.1 readers treat as special (the "value" and "merge" keys).
SPECIAL_PLAIN = frozenset({"=", "<<"})


class NodeLoader(_Parser):
    """Composes nodes without resolving implicit tags.

    Every untagged scalar stays text: the reader decides, key by key, what is
    empty and what is a number, so ``no``, ``1.10`` and dates are never
    converted and no resolver runs for each scalar.
    """

    def resolve(self, kind: type, value: object, implicit: object) -> str:
        if kind is yaml.ScalarNode:
            return STR
        return SEQ if kind is yaml.SequenceNode else MAP

    def descend_resolver(self, *args: object) -> None:  # used by the pure composer only
        pass

    def ascend_resolver(self) -> None:
        pass


# PyYAML's ``compose`` and ``parse``, with ``NodeLoader``. (They are written out here
# because types-PyYAML accepts only PyYAML's own loader classes for ``Loader=``;
# NodeLoader is a parser and composer without constructor or resolver.)


def compose_nodes(text: str) -> yaml.Node | None:
    """The one document in ``text`` as nodes, untagged scalars as text (None: no content)."""
    loader = NodeLoader(text)
    try:
        return loader.get_single_node()
    finally:
        loader.dispose()


def parse_events(text: str) -> Iterator[yaml.Event]:
    """The events of ``text``, one at a time, as the parser reaches them."""
    loader = NodeLoader(text)
    try:
        while loader.check_event():
            event = loader.get_event()
            if event is not None:
                yield event
    finally:
        loader.dispose()


# --------------------------------------------------------------------------
# Empty values


def is_null(node: yaml.ScalarNode) -> bool:
    """A plain ``null``, ``~`` or nothing: YAML's empty value (a quoted "null" is text)."""
    return not node.style and node.value in NULLS and node.tag == STR


def is_empty(node: yaml.Node) -> bool:
    """An empty value (nothing, ``~``, ``""``, ``[]``, ``{}``): not answered yet."""
    if isinstance(node, yaml.ScalarNode):
        return is_null(node) or (node.value == "" and bool(node.style))
    return not node.value


def show(value: str) -> str:
    """A scalar as a message quotes it: one line, not too long."""
    one = value.replace("\n", "\\n")
    return one if len(one) <= 60 else one[:57] + "..."


def kind_name(node: yaml.Node) -> str:
    """What a node is, as a message names it: a mapping, a list, empty, or its text."""
    if isinstance(node, yaml.MappingNode):
        return "a mapping"
    if isinstance(node, yaml.SequenceNode):
        return "a list"
    if is_empty(node):
        return "empty"
    return f"'{show(node.value)}'"


def one_text_hint(node: yaml.Node) -> str:
    """For a mapping of one ``key: value`` on one line where a text was expected
    (``- Language: Spanish``): a hint that YAML read the ``: `` as a key's colon."""
    if not isinstance(node, yaml.MappingNode) or len(node.value) != 1:
        return ""
    key, value = node.value[0]
    if not (
        isinstance(key, yaml.ScalarNode)
        and isinstance(value, yaml.ScalarNode)
        and not key.style
        and not value.style
        and value.value
        and key.start_mark.line == value.end_mark.line
    ):
        return ""
    text = show(f"{key.value}: {value.value}")
    return f" (if '{text}' is one text, put it in quotes: YAML reads ': ' as a key's colon)"


# --------------------------------------------------------------------------
# Nodes as plain data


def plain(node: yaml.Node) -> Any:
    """A composed node as plain data: texts, lists, mappings, None for empty."""
    if isinstance(node, yaml.ScalarNode):
        return None if is_empty(node) else node.value
    if isinstance(node, yaml.SequenceNode):
        return [plain(i) for i in node.value]
    return {k.value: plain(v) for k, v in node.value}


def plain_data(root: yaml.Node) -> Any:
    """Guarded nodes as plain data, reading plain scalars as YAML does (numbers, true)."""
    resolver = yaml.resolver.Resolver()
    stack = [root]
    while stack:
        node = stack.pop()
        if isinstance(node, yaml.ScalarNode):
            if not node.style:  # quoted text stays text
                node.tag = resolver.resolve(yaml.ScalarNode, node.value, (True, False))
        elif isinstance(node, yaml.MappingNode):
            stack.extend(n for pair in node.value for n in pair)
        else:
            stack.extend(node.value)
    return yaml.constructor.SafeConstructor().construct_document(root)


# --------------------------------------------------------------------------
# Lines and columns, as editors count them.

#: Lines as editors count them: LF, CRLF and a bare CR end a line (see ``linebreaks``).
line_col = linebreaks.line_col
#: Whether the text holds a character PyYAML counts as a line break but editors do not.
has_odd_breaks = linebreaks.has_odd_breaks


class Mark(Protocol):
    """A parser's place in the text, 0-based (the pure and the C parser each have a class)."""

    @property
    def index(self) -> int: ...
    @property
    def line(self) -> int: ...
    @property
    def column(self) -> int: ...


def place(text: str, mark: Mark | None) -> tuple[int, int]:
    """1-based line and column of a parser mark, counting lines as editors do."""
    if mark is None:
        return 1, 1
    if has_odd_breaks(text):
        return line_col(text, mark.index)
    return mark.line + 1, mark.column + 1


class Remap:
    """Turns parser marks into editor positions in a text with odd line breaks."""

    def __init__(self, text: str) -> None:
        self.lines = linebreaks.Lines(text)

    def __call__(self, mark: Mark) -> tuple[int, int]:
        return self.lines(mark.index)


def node_problem(
    file: str, node: yaml.Node, kind: str, path: str, message: str, text: str | None = None
) -> Problem:
    """A problem spanning ``node``; with ``text``, lines counted as editors count them."""
    if text is not None and has_odd_breaks(text):
        (line, col), (end_line, end_col) = (
            line_col(text, node.start_mark.index),
            line_col(text, node.end_mark.index),
        )
        return Problem(file, line, col, end_line, end_col, kind, path, message)
    s, e = node.start_mark, node.end_mark
    return Problem(file, s.line + 1, s.column + 1, e.line + 1, e.column + 1, kind, path, message)
