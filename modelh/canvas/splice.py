"""Splicing values into a canvas's text, so that every other byte stays as it was.

The place of a value comes from the composed node; only the new value is
rendered (``yamltext``), at the indentation of its siblings, and spliced in. A
missing key is inserted after its last sibling; a flow collection that must
grow with a block value is rewritten in block style, that collection alone.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

import yaml

from modelh.canvas import linebreaks
from modelh.canvas.yamlnodes import compose_nodes, is_empty, plain
from modelh.canvas.yamltext import (
    EditError,
    _block_item,
    _flow_list,
    _Quoted,
    _render_value_inline,
    render_block,
    render_scalar,
)

#: One step of a key path: a mapping key, or a list item by index or by its id.
Step = str | int
Path_ = tuple[Step, ...]


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


def _compose(text: str) -> yaml.MappingNode:
    root = compose_nodes(text)
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


_line_start = linebreaks.line_start
_line_end = linebreaks.line_end


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
        if isinstance(node, yaml.ScalarNode) and is_empty(node) and not node.style:
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
        if node is None:  # part of the path is missing
            self._insert_missing(parent, key_node, missing, value)
            return
        if _same(plain(node), value):
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
        if node is None:  # part of the path is missing
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
        items = [plain(i) for i in node.value] if isinstance(node, yaml.SequenceNode) else []
        self._replace_node(node, key_node, [*items, dict(item)])

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
            if isinstance(node, yaml.MappingNode) and isinstance(step, str):
                entry = _entry(node, step)
                if entry is None:
                    return node, None, key_node, path[depth:]
                key_node, node = entry
                if isinstance(node, yaml.MappingNode) and node.value and not node.flow_style:
                    step_in = node.value[0][0].start_mark.column - key_node.start_mark.column
                    if step_in > 0:
                        self.unit = step_in
                continue
            if is_empty(node):
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
                merged = {**plain(parent), key: nested}
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
        if isinstance(node, yaml.ScalarNode) and is_empty(node) and not node.style and end == start:
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
