"""Answers written into a canvas's text, so that every other byte stays as it was.

Canvases are edited by hand by several people: aligned values, flow mappings,
comments everywhere, CRLF line endings. A YAML load and dump would rewrite all
of that, so an edit works on the text itself: the value's place comes from the
composed node, only the new value is rendered (plain when YAML reads it back as
the same text, quoted when a reader would take it for something else, a literal
block for several lines), at the indentation of its siblings, and spliced in. A
missing key is inserted after its last sibling; a flow collection that must
grow with a block value is rewritten in block style, that collection alone.

``apply_edits`` checks the result by loading it again: it must be a valid
canvas holding exactly the intended values, or nothing is returned.
``save_text`` writes atomically and refuses to overwrite a file that changed on
disk since it was read.
"""

from __future__ import annotations

import contextlib
import os
import re
import tempfile
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

import yaml

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows: leftovers are told by their age alone
    fcntl = None  # type: ignore[assignment]

from modelh.canvas import linebreaks
from modelh.canvas.guard import NodeLoader as _YamlLoader
from modelh.canvas.loader import parse_canvas
from modelh.canvas.model import Canvas
from modelh.errors import CanvasError, ModelhError

#: One step of a key path: a mapping key, or a list item by index or by its id.
Step = str | int
Path_ = tuple[Step, ...]


class EditError(ModelhError):
    """An edit could not be made (the canvas's shape does not allow it)."""


class ConflictError(ModelhError):
    """The file changed on disk since it was read; nothing was written."""


@dataclass(frozen=True)
class Edit:
    """Set the value at ``path`` (created if missing) to ``value``.

    ``value`` is text, a number, a list of texts or ids, or a mapping (written
    as a block), or ``None`` to empty it. A path step written ``"[id]"`` names
    a list item by its ``id`` (``("customer_relationships", "measures",
    "[csat]", "current")``); ``Append`` adds an item to a list.
    """

    path: Path_
    value: Any


@dataclass(frozen=True)
class Append:
    """Add ``item`` (a mapping) at the end of the list at ``path`` (created if missing)."""

    path: Path_
    item: Mapping[str, Any]


# ---------------------------------------------------------------------------
# Rendering values


_EMITTER = yaml.emitter.Emitter(None)
_EMITTER.allow_unicode = True
_RESOLVER = yaml.resolver.Resolver()
#: What YAML 1.2 readers take for something other than text (YAML 1.1 is the resolver's).
_YAML12_SPECIAL = re.compile(
    r"(?:null|Null|NULL|~|true|True|TRUE|false|False|FALSE"
    r"|[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+"
    r"|[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?"
    r"|[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)\Z"
)
_ODD_BREAKS = linebreaks.ODD_BREAKS


def _reads_as_text(value: str) -> bool:
    """Whether every common YAML reader reads the plain scalar ``value`` as this text."""
    if _RESOLVER.resolve(yaml.ScalarNode, value, (True, False)) != "tag:yaml.org,2002:str":
        return False
    return not _YAML12_SPECIAL.match(value)


def _quoted(value: str) -> str:
    analysis = _EMITTER.analyze_scalar(value)
    if (
        analysis.allow_single_quoted
        and "\n" not in value
        and all(_yaml_printable(c) for c in value)
    ):
        return "'" + value.replace("'", "''") + "'"
    return (
        '"'
        + "".join(_ESCAPES.get(c) or (c if _yaml_printable(c) else _escape(c)) for c in value)
        + '"'
    )


_ESCAPES = {'"': '\\"', "\\": "\\\\", "\n": "\\n", "\t": "\\t", "\r": "\\r"}


def _yaml_printable(char: str) -> bool:
    """Characters YAML allows as they are (its 'printable' set, less odd line breaks)."""
    code = ord(char)
    return (
        (
            0x20 <= code <= 0x7E
            or 0xA0 <= code <= 0xD7FF
            or 0xE000 <= code <= 0xFFFD
            or code >= 0x10000
        )
        and char not in _ODD_BREAKS
        and char != "\ufeff"
    )


def _escape(char: str) -> str:
    code = ord(char)
    return (
        f"\\x{code:02x}"
        if code <= 0xFF
        else (f"\\u{code:04x}" if code <= 0xFFFF else f"\\U{code:08x}")
    )


class Number(float):
    """A decimal number as it was typed: it compares as a float and is written with
    the digits typed (``1.50`` stays ``1.50``; 30 digits stay 30 digits)."""

    text: str

    def __new__(cls, text: str) -> Number:
        if not _DECIMAL.match(text):
            raise ValueError(f"'{text}' is not a plain decimal number")
        number = super().__new__(cls, text)
        number.text = text
        return number

    def __repr__(self) -> str:
        return self.text

    __str__ = __repr__


_DECIMAL = re.compile(r"[-+]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][-+]?[0-9]+)?\Z")


def render_scalar(value: Any, *, flow: bool = False) -> str:
    """One value on one line, as YAML reads it back: plain if it can be, else quoted."""
    if value is None:
        return ""
    if isinstance(value, bool):
        raise EditError("a canvas holds no true/false values")
    if isinstance(value, Number):
        return value.text
    if isinstance(value, int | float):
        text = repr(value) if isinstance(value, float) else str(value)
        if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
            text = str(int(value)) + ".0"
        return text
    value = str(value)
    analysis = _EMITTER.analyze_scalar(value)
    plain = analysis.allow_flow_plain if flow else analysis.allow_block_plain
    if (
        plain
        and not analysis.multiline
        and value
        and _reads_as_text(value)
        and (value == value.strip() and value not in ("=", "<<"))
    ):
        return value
    return _quoted(value)


def _block_scalar(value: str, indent: str, newline: str, unit: int = 2) -> str:
    """A literal block (``|``) holding ``value`` exactly, lines at ``indent``.

    ``unit`` is how far ``indent`` sits in from the key (or dash) the block belongs to.
    """
    # one final newline: clip (|); none: strip (|-). A value ending in blank lines
    # is quoted instead (see _render_value_inline), so keep (|+) is never needed.
    body, chomp = (value[:-1], "") if value.endswith("\n") else (value, "-")
    first = body.split("\n", 1)[0]
    # say how far in the content sits when the first line starts with a space, or
    # is empty, since YAML would guess wrong
    indicator = str(unit) if first[:1] in (" ", "\t") or not first else ""
    lines = body.split("\n")
    out = [f"|{indicator}{chomp}"]
    out += [(indent + line) if line else "" for line in lines]
    return newline.join(out)


def _needs_block(value: str) -> bool:
    return "\n" in value


def _can_block(value: str) -> bool:
    """A literal block can hold only printable text (and tabs)."""
    return all(_yaml_printable(c) or c in "\t\n" for c in value)


class _Quoted(str):
    """Text to be written double-quoted on one line, whatever it holds."""


def _render_value_inline(
    value: Any, indent: str, newline: str, unit: int = 2, flow: bool = False
) -> str:
    """The text that follows ``key: `` for a scalar or a short list."""
    if isinstance(value, _Quoted) or (flow and isinstance(value, str) and "\n" in value):
        return _quoted(str(value))
    if isinstance(value, str) and _needs_block(value) and _can_block(value):
        if value.endswith("\n\n"):
            # a block keeping trailing blank lines (|+) would also take in the blank
            # lines that happen to follow it in the file: quote such a value instead
            return _quoted(value)
        return _block_scalar(value, indent, newline, unit)
    if isinstance(value, list | tuple):
        return _flow_list(value)
    return render_scalar(value, flow=flow)


def _flow_list(items: Sequence[Any]) -> str:
    return "[" + ", ".join(render_scalar(i, flow=True) for i in items) + "]"


def render_block(value: Any, indent: str, newline: str, unit: int = 2) -> list[str]:
    """Lines for a mapping value (``key: value`` pairs, nested) at ``indent``.

    ``unit`` is the file's indentation step (two or four spaces, as its siblings).
    """
    lines: list[str] = []
    inner = indent + " " * unit
    for key, item in value.items():
        key_text = render_scalar(str(key))
        if isinstance(item, Mapping):
            lines.append(f"{indent}{key_text}:")
            lines += render_block(item, inner, newline, unit)
        elif isinstance(item, list | tuple) and any(isinstance(i, Mapping) for i in item):
            lines.append(f"{indent}{key_text}:")
            for element in item:
                lines += _block_item(element, inner, newline, unit=unit)
        else:
            rendered = _render_value_inline(item, inner, newline, unit)
            lines.append(f"{indent}{key_text}:" + (f" {rendered}" if rendered else ""))
    return lines


def _block_item(item: Any, indent: str, newline: str, offset: int = 2, unit: int = 2) -> list[str]:
    """One ``- `` list item at ``indent``; mappings open on the dash line."""
    if not isinstance(item, Mapping):
        return [f"{indent}- {_render_value_inline(item, indent + '  ', newline)}"]
    inner = render_block(item, indent + " " * offset, newline, unit)
    if not inner:
        return [f"{indent}- {{}}"]
    first = inner[0][len(indent) + offset :]
    return [f"{indent}-{' ' * (offset - 1)}{first}", *inner[1:]]


# ---------------------------------------------------------------------------
# Finding places in the text


def _compose(text: str) -> yaml.Node:
    root = yaml.compose(text, Loader=_YamlLoader)
    if not isinstance(root, yaml.MappingNode):
        raise EditError("the canvas is not a mapping of keys")
    return root


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


def _is_empty(node: yaml.Node) -> bool:
    if isinstance(node, yaml.ScalarNode):
        return (not node.style and node.value in ("", "~", "null", "Null", "NULL")) or (
            node.value == "" and bool(node.style)
        )
    return not node.value


_line_start = linebreaks.line_start
_line_end = linebreaks.line_end


def _indent_of(node: yaml.Node) -> str:
    return " " * node.start_mark.column


def _newline(text: str, index: int = 0) -> str:
    """The line end for new lines written at ``index``: the one its own line ends with,
    else the one before it, else the file's first (LF in a file of one line)."""
    here = linebreaks.break_at(text, index)
    if here:
        return here
    before = linebreaks.break_at(text, max(0, _line_start(text, index) - 1))
    if before:
        return before
    found = linebreaks.BREAK.search(text)
    return found.group() if found else "\n"


class _Splicer:
    """Applies one edit to the text."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.nl = _newline(text)
        self.in_flow = False  # whether the last path walked runs through a flow collection
        self.unit = 2  # the indentation step of the mappings the last path walked through

    # -- low level

    def replace(self, start: int, end: int, new: str) -> None:
        self.text = self.text[:start] + new + self.text[end:]

    def insert_lines(self, index: int, lines: list[str]) -> None:
        """Insert whole lines at ``index`` (a line start, or the end of the text)."""
        if not lines:
            return
        block = self.nl.join(lines)
        if index >= len(self.text) and self.text and not linebreaks.ends_with_break(self.text):
            self.text = self.text + self.nl + block  # keep the file's missing final newline
        else:
            self.text = self.text[:index] + block + self.nl + self.text[index:]

    def after_node_line(self, node: yaml.Node) -> int:
        """The start of the line after the last line that holds ``node``'s own text.

        A block collection's end mark may sit on the next key's line, or past
        comments that belong to what follows; its last item is where it ends.
        """
        while isinstance(node, yaml.MappingNode | yaml.SequenceNode) and (
            not node.flow_style and node.value
        ):
            last = node.value[-1]
            node = last[1] if isinstance(node, yaml.MappingNode) else last
        end = node.end_mark.index
        if isinstance(node, yaml.ScalarNode) and node.style in ("|", ">"):
            if end > 0 and linebreaks.is_break(self.text[end - 1]):
                return end
            return _line_end(self.text, end)
        if isinstance(node, yaml.ScalarNode) and _is_empty(node) and not node.style:
            end = max(end, node.start_mark.index)
        return _line_end(self.text, max(end - 1, node.start_mark.index))

    # -- operations

    def _local_newline(self, *nodes: yaml.Node | None) -> None:
        """New lines take the line end of the line they go next to (a file may mix them)."""
        for node in nodes:
            if node is not None:
                self.nl = _newline(self.text, node.start_mark.index)
                return

    def set_value(self, path: Path_, value: Any) -> None:
        root = _compose(self.text)
        parent, node, key_node, missing = self._walk(root, path)
        self._local_newline(key_node, node, parent)
        if missing:
            self._insert_missing(parent, key_node, missing, value)
            return
        if _same(self._plain(node), value):
            return  # the value is there already, as written: not one byte changes
        if (
            key_node is not None
            and isinstance(node, yaml.MappingNode | yaml.SequenceNode)
            and not node.flow_style
            and node.value
            and not isinstance(value, Mapping | list | tuple)
        ):
            # a block (answers per segment, say) becomes one value: its lines go first,
            # then the value is written after the key, which is left with none
            self._replace_node(node, key_node, {})
            self.set_value(path, value)
            return
        if self.in_flow and isinstance(value, str) and "\n" in value:
            # inside [..] or {..} a value stays on its line: a double-quoted string
            self._replace_node(node, key_node, _Quoted(value))
            return
        if isinstance(value, Mapping) and isinstance(node, yaml.MappingNode) and node.value:
            # set each key inside an existing mapping: the rest of it stays
            for key, item in value.items():
                self.set_value((*path, key), item)
            return
        self._replace_node(node, key_node, value)

    def append(self, path: Path_, item: Mapping[str, Any]) -> None:
        root = _compose(self.text)
        parent, node, key_node, missing = self._walk(root, path)
        self._local_newline(key_node, node, parent)
        if missing:
            self._insert_missing(parent, key_node, missing, [dict(item)])
            return
        if isinstance(node, yaml.SequenceNode) and node.value and node.flow_style is False:
            first = node.value[0]
            dash = node.start_mark.column
            offset = (
                max(2, first.start_mark.column - dash) if isinstance(first, yaml.MappingNode) else 2
            )
            lines = _block_item(dict(item), " " * dash, self.nl, offset)
            self.insert_lines(self.after_node_line(node.value[-1]), lines)
            return
        items = [self._plain(i) for i in node.value] if isinstance(node, yaml.SequenceNode) else []
        self._replace_node(node, key_node, [*items, dict(item)])

    def _plain(self, node: yaml.Node) -> Any:
        """A composed node as plain data (scalars stay text)."""
        if isinstance(node, yaml.ScalarNode):
            return None if _is_empty(node) else node.value
        if isinstance(node, yaml.SequenceNode):
            return [self._plain(i) for i in node.value]
        return {k.value: self._plain(v) for k, v in node.value}

    def _walk(
        self, root: yaml.MappingNode, path: Path_
    ) -> tuple[yaml.Node, yaml.Node | None, yaml.Node | None, Path_]:
        """(deepest existing node, the node at path, the key of the node reached, the missing
        rest): when part of the path is missing, the key is the deepest existing node's."""
        node: yaml.Node = root
        key_node: yaml.Node | None = None
        self.in_flow = False
        for depth, step in enumerate(path):
            if isinstance(node, yaml.MappingNode | yaml.SequenceNode) and node.flow_style:
                self.in_flow = True
            if _is_item_step(step):
                if not isinstance(node, yaml.SequenceNode):
                    raise EditError(f"{_show(path[:depth])} is not a list")
                found = _item(node, step)
                if found is None:
                    raise EditError(f"no item {step} in {_show(path[:depth])}")
                node, key_node = found, None
                continue
            if isinstance(node, yaml.MappingNode):
                entry = _entry(node, step)
                if entry is None:
                    return node, None, key_node, path[depth:]
                key_node, node = entry
                if isinstance(node, yaml.MappingNode) and node.value and not node.flow_style:
                    step_in = node.value[0][0].start_mark.column - key_node.start_mark.column
                    if step_in > 0:
                        self.unit = step_in
                continue
            if _is_empty(node):
                return node, None, key_node, path[depth:]
            raise EditError(f"{_show(path[:depth])} holds a value, not keys")
        return node, node, key_node, ()

    def _insert_missing(
        self, parent: yaml.Node, parent_key: yaml.Node | None, missing: Path_, value: Any
    ) -> None:
        if any(_is_item_step(s) for s in missing):
            raise EditError(f"no such item: {_show(missing)}")
        nested: Any = value
        for step in reversed(missing[1:]):
            nested = {step: nested}
        key = missing[0]
        if isinstance(parent, yaml.MappingNode) and parent.value:
            if parent.flow_style:
                inline = self._flow_fits(nested)
                if inline is not None:
                    close = parent.end_mark.index - 1  # the closing brace
                    at = len(self.text[:close].rstrip())
                    sep = "" if self.text[:at].endswith(("{", ",")) else ","
                    pair = f"{render_scalar(key, flow=True)}: {inline}"
                    self.replace(at, at, f"{sep} {pair}")
                    return
                merged = {**self._plain(parent), key: nested}
                if parent_key is None:  # "- {id: x, ...}": a list item
                    self._rewrite_flow_item(parent, merged)
                    return
                self._replace_node(parent, parent_key, merged)
                return
            last_key, last_value = parent.value[-1]
            indent = " " * last_key.start_mark.column
            lines = render_block({key: nested}, indent, self.nl, self.unit)
            self.insert_lines(self.after_node_line(last_value), lines)
            return
        # the parent is empty ("key:" with nothing, {} or ""): it becomes a block mapping
        self._replace_node(parent, parent_key, {key: nested})

    def _rewrite_flow_item(self, node: yaml.Node, value: Mapping[str, Any]) -> None:
        """Rewrite a flow mapping that is a list item as a block item, at its dash."""
        start = node.start_mark.index
        line_start = _line_start(self.text, start)
        dash = self.text.rfind("-", line_start, start)
        if dash < 0:
            raise EditError("this list item cannot be rewritten in block style")
        dash_col = dash - line_start
        offset = max(2, node.start_mark.column - dash_col)
        lines = _block_item(value, " " * dash_col, self.nl, offset)
        head = self.text[line_start:dash]
        lines[0] = head + lines[0][dash_col:]
        self.replace(line_start, self.after_node_line(node), self.nl.join(lines) + self.nl)

    def _flow_fits(self, value: Any) -> str | None:
        if isinstance(value, str) and "\n" not in value:
            return render_scalar(value, flow=True)
        if isinstance(value, int | float) or value is None:
            return render_scalar(value)
        if isinstance(value, list | tuple) and all(
            isinstance(i, str | int | float) and "\n" not in str(i) for i in value
        ):
            return _flow_list(value)
        return None

    def _replace_node(self, node: yaml.Node, key_node: yaml.Node | None, value: Any) -> None:
        """Write ``value`` in place of ``node``, the value of ``key_node`` (None: a list item
        or the whole canvas)."""
        key_col = key_node.start_mark.column if key_node is not None else -2
        child_indent = " " * (key_col + self.unit)
        start, end = node.start_mark.index, node.end_mark.index
        if (
            isinstance(node, yaml.ScalarNode)
            and _is_empty(node)
            and not node.style
            and end == start
        ):
            start = end = self._empty_value_place(key_node, node)  # "key:" with nothing after
        block_collection = isinstance(node, yaml.SequenceNode | yaml.MappingNode) and (
            not node.flow_style and node.value
        )
        if block_collection and (value is None or value == [] or value == {}):
            # emptied: the block's lines go, and the key says [] (or nothing)
            self.replace(_line_start(self.text, start), self.after_node_line(node), "")
            if key_node is not None:
                colon = self.text.find(":", key_node.end_mark.index)
                empty = " []" if isinstance(value, list | tuple) else ""
                self.replace(colon + 1, colon + 1, empty)
            return
        if (
            isinstance(value, Mapping)
            or (isinstance(value, list | tuple) and any(isinstance(i, Mapping) for i in value))
            or (isinstance(value, list | tuple) and block_collection)
        ):
            if isinstance(value, Mapping):
                lines = render_block(value, child_indent, self.nl, self.unit)
            else:
                dash_indent, offset = child_indent, 2
                if block_collection and isinstance(node, yaml.SequenceNode):
                    dash_indent = " " * node.start_mark.column
                    first = node.value[0]
                    if isinstance(first, yaml.MappingNode):
                        offset = max(2, first.start_mark.column - node.start_mark.column)
                lines = [
                    line
                    for item in value
                    for line in _block_item(item, dash_indent, self.nl, offset, self.unit)
                ]
            if block_collection:
                # the old block lines go; the key's own line (and its comment) stays
                first_line = _line_start(self.text, start)
                stop = self.after_node_line(node)
                self.replace(first_line, stop, self.nl.join(lines) + self.nl)
                return
            # a scalar, an empty value or a flow collection becomes a block after the key
            self.replace(start, end, "")
            anchor = start
            if (
                start > 0
                and self.text[start - 1] == " "
                and (start >= len(self.text) or self.text[start] in "\r\n")
            ):
                self.replace(start - 1, start, "")  # no trailing space after the colon
                anchor = start - 1
            self.insert_lines(_line_end(self.text, anchor), lines)
            return
        rendered = _render_value_inline(value, child_indent, self.nl, self.unit, self.in_flow)
        if isinstance(node, yaml.ScalarNode) and node.style in ("|", ">"):
            end = self.after_node_line(node)  # an old block goes whole, with its lines
            rendered += self.nl
        elif rendered.startswith("|"):
            line_end = _line_end(self.text, end)
            rest = self.text[end:line_end]
            comment = rest.strip()
            if comment.startswith("#"):  # "key: old  # note" -> "key: |  # note"
                space = " " if start > 0 and self.text[start - 1] == ":" else ""
                head = rendered.replace(self.nl, f"  {comment}{self.nl}", 1)
                ending = self.nl if linebreaks.is_break(self.text[line_end - 1 : line_end]) else ""
                self.replace(start, line_end, space + head + ending)
                return
        if not rendered and start > 0 and self.text[start - 1] == " ":
            start -= 1  # "key: old" emptied -> "key:"
        elif rendered and start > 0 and self.text[start - 1] == ":":
            rendered = " " + rendered
        self.replace(start, end, rendered)

    def _empty_value_place(self, key_node: yaml.Node | None, node: yaml.Node) -> int:
        """Where to write a value for ``key:`` with nothing after it: right after the colon."""
        if key_node is None:
            return node.start_mark.index
        colon = self.text.find(":", key_node.end_mark.index)
        return colon + 1 if colon >= 0 else node.start_mark.index


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


# ---------------------------------------------------------------------------
# Applying and checking


def apply_edits(text: str, edits: Sequence[Edit | Append], file: str = "<canvas>") -> str:
    """``text`` with ``edits`` applied; it must load as a canvas holding their values.

    Raises ``EditError`` when an edit cannot be made, and ``CanvasError`` when
    the result would not be a valid canvas: in both cases nothing changes.
    """
    splicer = _Splicer(text)
    old = _data(_compose(text))
    for edit in edits:
        if isinstance(edit, Append):
            splicer.append(edit.path, edit.item)
        else:
            splicer.set_value(edit.path, edit.value)
    new_text = splicer.text
    if new_text == text:
        return text
    parse_canvas(new_text, file)  # a valid canvas, or CanvasError
    new = _data(_compose(new_text))
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
    return new_text


_MISSING: Any = object()


def _data(node: yaml.Node) -> Any:
    """A composed node as plain data: texts, lists, mappings, None for empty."""
    return _Splicer("")._plain(node)


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


def read_value(root: yaml.Node, path: Path_) -> Any:
    """The plain value at ``path`` in a composed canvas (None when missing or empty)."""
    node: yaml.Node | None = root
    for step in path:
        if node is None:
            return None
        if _is_item_step(step):
            node = _item(node, step) if isinstance(node, yaml.SequenceNode) else None
        elif isinstance(node, yaml.MappingNode):
            entry = _entry(node, step)
            node = entry[1] if entry else None
        else:
            return None
    if node is None:
        return None
    return _Splicer("")._plain(node)


def _same(found: Any, intended: Any) -> bool:
    if intended is None or intended == "" or intended == [] or intended == {}:
        return found in (None, "", [], {})
    if isinstance(intended, bool):
        return False
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


# ---------------------------------------------------------------------------
# Files


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


_TEMP_SUFFIX = ".tmp"
#: Younger temporary files may belong to a save that has not locked its file yet.
_LEFTOVER_AGE = 5.0
#: Without file locks (Windows), only a temporary file this old counts as left over.
_LEFTOVER_AGE_UNLOCKED = 3600.0


def _remove_leftovers(folder: Path, name: str) -> None:
    """Remove the temporary files of saves of ``name`` that were killed before their end.

    A save holds a lock on its temporary file until the file replaces the canvas;
    a killed save leaves its file unlocked. A file that is locked, or was written
    in the last seconds, may belong to a save under way and stays.
    """
    pattern = re.compile(
        r"\." + re.escape(name) + r"\.[a-z0-9_]{8}" + re.escape(_TEMP_SUFFIX) + r"\Z"
    )
    try:
        entries = [e for e in os.scandir(folder) if pattern.match(e.name)]
    except OSError:
        return
    now = time.time()
    for entry in entries:
        try:
            if not entry.is_file(follow_symlinks=False):
                continue
            age = now - entry.stat(follow_symlinks=False).st_mtime
            if age < (_LEFTOVER_AGE if fcntl is not None else _LEFTOVER_AGE_UNLOCKED):
                continue
            if fcntl is None:
                os.unlink(entry.path)
                continue
            fd = os.open(entry.path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)  # fails while a save holds it
                os.unlink(entry.path)
            finally:
                os.close(fd)
        except OSError:  # locked, gone already, or not ours to remove: left alone
            continue


def save_bytes(path: Path, data: bytes, *, expected: bytes | None = None) -> None:
    """Write ``data`` to ``path`` atomically (temporary file, fsync, replace).

    The file keeps its mode. A replace makes a new file: a hard link to the old
    one keeps the old text. Temporary files left by a save that was killed are
    removed by the next save of the same file.

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
    try:
        mode = path.stat().st_mode & 0o7777  # the canvas keeps its mode
    except OSError:
        mode = 0o644
    folder = path.parent
    _remove_leftovers(folder, path.name)
    fd, temp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=_TEMP_SUFFIX, dir=folder)
    try:
        if fcntl is not None:  # held until the replace: this temporary file is in use
            fcntl.flock(fd, fcntl.LOCK_EX)
        with os.fdopen(fd, "wb", closefd=False) as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fd)
        os.chmod(temp, mode)
        os.replace(temp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise
    finally:
        os.close(fd)
    try:
        dir_fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        with contextlib.suppress(OSError):  # some file systems cannot sync a folder
            os.fsync(dir_fd)
    finally:
        os.close(dir_fd)


__all__ = [
    "Append",
    "CanvasError",
    "CanvasFile",
    "ConflictError",
    "Edit",
    "EditError",
    "apply_edits",
    "read_value",
    "render_scalar",
    "save_bytes",
]
