"""Splicing values into a canvas's text, so that every other byte stays as it was.

The place of a value comes from the composed node; only the new value is
rendered (``yamltext``), at the indentation of its siblings and wrapped at the
file's own width, and spliced in. A missing key is inserted at its place in the
format's order of keys (``key_order``), after the sibling that comes before it;
new mappings are written in that order too. A new list is written in block
style, one item a line; a flow list the file holds stays one while it fits on
its line. A flow collection that must grow with a block value, or past the
width, is rewritten in block style, that collection alone.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import yaml

from modelh.canvas import linebreaks
from modelh.canvas.keypaths import (
    Path_,
    _entry,
    _graft,
    _in_order,
    _is_item_step,
    _item,
    _rank,
    _same,
    _show,
    key_order,
    read_value,
)
from modelh.canvas.splicetext import _compose, _flow_fits, _newline, _Text, _widest
from modelh.canvas.yamlnodes import is_empty, plain
from modelh.canvas.yamltext import (
    EditError,
    _block_item,
    _flow_list,
    _Quoted,
    _render_value_inline,
    render_block,
    render_scalar,
)


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


_line_start = linebreaks.line_start
_line_end = linebreaks.line_end


class _Splicer(_Text):
    """Applies one edit to the text."""

    def _local_newline(self, *nodes: yaml.Node | None) -> None:
        """New lines take the line end of the line they go next to (a file may mix them)."""
        for node in nodes:
            if node is not None:
                self.nl = _newline(self.text, node.start_mark.index)
                return

    def set_value(self, path: Path_, value: Any) -> None:
        self._set_value(path, value)
        if (
            isinstance(value, str)
            and value.endswith("\n")
            and self.text
            and not linebreaks.ends_with_break(self.text)
        ):  # a block text last in a file without a final break: it needs its own break
            with_break = self.text + self.nl
            if (
                read_value(_compose(self.text), path)
                != value
                == read_value(_compose(with_break), path)
            ):
                self.text = with_break

    def _set_value(self, path: Path_, value: Any) -> None:
        root = self.root = _compose(self.text)
        parent, node, key_node, missing = self._walk(root, path)
        self._local_newline(key_node, node, parent)
        value = _in_order(value, path, root)
        if node is None:  # part of the path is missing
            self._insert_missing(path, parent, key_node, missing, value)
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
        if isinstance(value, Mapping) and isinstance(node, yaml.MappingNode) and node.value:
            # set each key inside an existing mapping: the rest of it stays
            for key, item in value.items():
                self.set_value((*path, key), item)
            return
        value = self._kept_as_written(node, value)
        if self.flow_root is not None:
            self._set_in_flow(path, node, key_node, value)
            return
        if self._merge_block_list(node, value):
            return
        self._replace_node(node, key_node, value)

    def _set_in_flow(
        self, path: Path_, node: yaml.Node, key_node: yaml.Node | None, value: Any
    ) -> None:
        """Inside ``[..]`` or ``{..}`` a value stays on its line (a text of several lines
        double-quoted); a block value, or a line grown past the width, rewrites the
        outermost flow collection in block style."""
        blocky = isinstance(value, Mapping) or (
            isinstance(value, list | tuple) and any(isinstance(i, Mapping) for i in value)
        )
        if blocky:
            if not self._rewrite_flow_root(path, value, whole=True):
                raise EditError(f"{_show(path)} sits inside [..] or {{..}} and cannot hold a block")
            return
        before = self.text
        start, end = node.start_mark.index, node.end_mark.index
        old_widest = _widest(self.text, start, end)
        inline = _Quoted(value) if isinstance(value, str) and "\n" in value else value
        self._replace_node(node, key_node, inline)
        grown = len(self.text) - len(before)
        if self.too_wide(start, end + grown, old_widest):
            after = self.text
            self.text = before
            if not self._rewrite_flow_root(path, value):
                self.text = after  # the whole canvas is one flow mapping: it stays one

    def append(self, path: Path_, item: Mapping[str, Any]) -> None:
        root = self.root = _compose(self.text)
        parent, node, key_node, missing = self._walk(root, path)
        self._local_newline(key_node, node, parent)
        item = _in_order(dict(item), (*path, 0), root)
        if node is None:  # part of the path is missing
            self._insert_missing(path, parent, key_node, missing, [item])
            return
        if self.flow_root is not None:  # the list sits inside [..] or {..}
            items = plain(node) if isinstance(node, yaml.SequenceNode) else []
            if not self._rewrite_flow_root(path, [*items, item], whole=True):
                raise EditError(f"{_show(path)} sits inside [..] or {{..}} and cannot hold a block")
            return
        if isinstance(node, yaml.SequenceNode) and node.value and node.flow_style is False:
            first = node.value[0]
            dash = node.start_mark.column
            offset = (
                max(2, first.start_mark.column - dash) if isinstance(first, yaml.MappingNode) else 2
            )
            lines = _block_item(item, " " * dash, self.nl, offset, self.unit, self.width)
            self.insert_lines(self.after_node_line(node.value[-1]), lines)
            return
        items = (
            [self.as_written(i) for i in node.value] if isinstance(node, yaml.SequenceNode) else []
        )
        self._replace_node(node, key_node, [*items, item])

    def _walk(
        self, root: yaml.MappingNode, path: Path_
    ) -> tuple[yaml.Node, yaml.Node | None, yaml.Node | None, Path_]:
        """(deepest existing node, the node at path, the key of the node reached, the missing
        rest): when part of the path is missing, the key is the deepest existing node's."""
        node: yaml.Node = root
        key_node: yaml.Node | None = None
        self.unit = self.file_unit
        self.in_flow = False
        self.flow_root = None
        for depth, step in enumerate(path):
            if isinstance(node, yaml.MappingNode | yaml.SequenceNode) and node.flow_style:
                self.in_flow = True
                if self.flow_root is None:
                    self.flow_root = (node, key_node, path[:depth])
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
                step_in = self._step_in(key_node, node)
                if step_in is not None:
                    self.unit = step_in
                continue
            if is_empty(node):
                return node, None, key_node, path[depth:]
            raise EditError(f"{_show(path[:depth])} holds a value, not keys")
        return node, node, key_node, ()

    def _insert_missing(
        self,
        path: Path_,
        parent: yaml.Node,
        parent_key: yaml.Node | None,
        missing: Path_,
        value: Any,
    ) -> None:
        if any(_is_item_step(s) for s in missing):
            raise EditError(f"no such item: {_show(missing)}")
        nested: Any = value
        for step in reversed(missing[1:]):
            nested = {step: nested}
        key = str(missing[0])  # not an item step: checked above
        parent_path = path[: len(path) - len(missing)]
        if self.flow_root is not None and self._insert_in_flow(path, parent, key, nested, value):
            return
        if isinstance(parent, yaml.MappingNode) and parent.value:
            indent = " " * self._column(parent.value[0][0])
            lines = render_block({key: nested}, indent, self.nl, self.unit, self.width)
            order = key_order(self.root, parent_path) if self.root is not None else ()
            self.insert_lines(self._place_for(parent, key, order), lines)
            return
        # the parent is empty ("key:" with nothing, {} or ""): it becomes a block mapping
        self._replace_node(parent, parent_key, {key: nested})

    def _insert_in_flow(
        self, path: Path_, parent: yaml.Node, key: str, nested: Any, value: Any
    ) -> bool:
        """A missing ``key`` (holding ``nested``; ``value`` at ``path``) inside ``{..}``: on
        the line when it fits, else the outermost flow collection rewritten in block style.
        False when the parent is an empty value that is itself the outermost flow
        collection (it becomes a block as usual)."""
        assert self.flow_root is not None
        if isinstance(parent, yaml.MappingNode) and parent.flow_style and parent.value:
            inline = _flow_fits(nested)
            if inline is not None:
                before = self.text
                close = parent.end_mark.index - 1  # the closing brace
                at = len(self.text[:close].rstrip())
                old_widest = _widest(self.text, at, at)
                sep = "" if self.text[:at].endswith(("{", ",")) else ","
                pair = f"{sep} {render_scalar(key, flow=True)}: {inline}"
                self.replace(at, at, pair)
                if not self.too_wide(at, at + len(pair), old_widest):
                    return True
                after, self.text = self.text, before
                if not self._rewrite_flow_root(path, value):
                    self.text = after  # the whole canvas is one flow mapping: it stays one
                return True
        elif parent is self.flow_root[0]:
            return False  # "key: {}" itself: it becomes a block
        if self._rewrite_flow_root(path, value, whole=True):
            return True
        raise EditError(f"{_show(path)} cannot be added inside [..] or {{..}}")

    def _rewrite_flow_root(self, path: Path_, value: Any, *, whole: bool = False) -> bool:
        """Write the outermost flow collection on ``path`` in block style, with ``value``
        at ``path``; False when it cannot be. When the whole canvas is one flow mapping
        (a canvas exported as JSON), it is rewritten only with ``whole`` (a block value
        must go in): its top level becomes block style. The comments inside the flow
        collection are kept, as lines over it."""
        assert self.flow_root is not None
        flow, flow_key, prefix = self.flow_root
        if not prefix and not whole:
            return False
        rest = path[len(prefix) :]
        data = _graft(self.as_written(flow, rest), rest, value, prefix, self.root)
        self.in_flow, self.flow_root = False, None
        comments = self._comments_inside(flow)
        over = flow_key if flow_key is not None else flow
        at = _line_start(self.text, over.start_mark.index)
        if not prefix:
            if not isinstance(flow, yaml.MappingNode) or not isinstance(data, Mapping):
                return False
            lines = render_block(data, "", self.nl, self.unit, self.width)
            start, end = flow.start_mark.index, flow.end_mark.index
            lead = self.nl if start > at else ""  # "--- {": the block starts a line
            self.replace(start, end, lead + self.nl.join(lines))
            self._comment_lines(at, comments, "")
            return True
        if flow_key is None:
            if not isinstance(flow, yaml.MappingNode) or not isinstance(data, Mapping):
                return False
            self._rewrite_flow_item(flow, data)
            indent = " " * (flow.start_mark.column - 2)
        else:
            self._replace_node(flow, flow_key, data)
            indent = " " * self._column(flow_key)
        self._comment_lines(at, comments, indent)
        return True

    def _place_for(self, parent: yaml.MappingNode, key: str, order: Sequence[str]) -> int:
        """Where a new ``key`` of the block mapping ``parent`` goes: after the last sibling
        that comes before it in ``order``, else before the first that comes after it, else
        (a key the format does not order) after the last sibling."""
        names = [k.value if isinstance(k, yaml.ScalarNode) else "" for k, _ in parent.value]
        column = self._column(parent.value[0][0])
        if key in order:
            rank = order.index(key)
            earlier = [
                n for n, name in enumerate(names) if name in order and _rank(order, name) < rank
            ]
            if earlier:
                end = self.after_node_line(parent.value[max(earlier)][1])
                return self.past_comments_under(end, column)
            later = [n for n, name in enumerate(names) if name in order]
            if later:
                place = self.before_key_line(parent.value[later[0]][0])
                if place is not None:
                    return place
        return self.past_comments_under(self.after_node_line(parent.value[-1][1]), column)

    def _replace_node(self, node: yaml.Node, key_node: yaml.Node | None, value: Any) -> None:
        """Write ``value`` in place of ``node``, the value of ``key_node`` (None: a list item
        or the whole canvas)."""
        key_col = self._column(key_node) if key_node is not None else -2
        child_indent = " " * (key_col + self.unit)
        start, end = node.start_mark.index, node.end_mark.index
        if isinstance(node, yaml.ScalarNode) and is_empty(node) and not node.style and end == start:
            start = end = self._empty_value_place(key_node, node)  # "key:" with nothing after
        block_collection = isinstance(node, yaml.SequenceNode | yaml.MappingNode) and (
            not node.flow_style and node.value
        )
        if block_collection and (value is None or value == [] or value == {}):
            # emptied: the block's lines go, and the key says [] (or nothing)
            first, stop = _line_start(self.text, start), self.after_node_line(node)
            if key_node is not None:  # its last comments stay, at the key's indentation
                self._outdent_comments(stop, self._column(key_node))
            if stop >= len(self.text) and not linebreaks.ends_with_break(self.text):
                first = len(self.text[:first].rstrip("\r\n"))  # the file's last line goes
            self.replace(first, stop, "")
            if key_node is not None:
                colon = self.text.find(":", key_node.end_mark.index)
                empty = " []" if isinstance(value, list | tuple) else ""
                self.replace(colon + 1, colon + 1, empty)
            return
        if (
            isinstance(value, Mapping)
            or (isinstance(value, list | tuple) and any(isinstance(i, Mapping) for i in value))
            or (isinstance(value, list | tuple) and block_collection)
            or self._list_goes_block(node, key_node, value, start, end)
        ):
            if isinstance(value, Mapping):
                lines = render_block(value, child_indent, self.nl, self.unit, self.width)
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
                    for line in _block_item(
                        item, dash_indent, self.nl, offset, self.unit, self.width
                    )
                ]
            if block_collection:
                # the old block lines go; the key's own line (and its comment) stays
                first_line = _line_start(self.text, start)
                stop = self.after_node_line(node)
                self.replace(first_line, stop, self.nl.join(lines) + self.nl)
                return
            # a scalar, an empty value or a flow collection becomes a block after the key
            comment = self._block_header_comment(node)
            if comment is not None:  # an old "|" or ">" block goes whole, its note stays
                self.replace(start, self.after_node_line(node), comment + self.nl)
            else:
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
        self._replace_scalar(node, key_node, value, start, end, child_indent)

    def _list_goes_block(
        self, node: yaml.Node, key_node: yaml.Node | None, value: Any, start: int, end: int
    ) -> bool:
        """Whether a list of texts or ids is written in block style, one item a line: a new
        or empty one is; a flow list the file holds stays one while it fits on its line."""
        if not isinstance(value, list | tuple) or not value or key_node is None or self.in_flow:
            return False
        if not (isinstance(node, yaml.SequenceNode) and node.flow_style and node.value):
            return True
        if linebreaks.BREAK.search(self.text, start, end):
            return True  # written over several lines: not the one-line list it was
        head = start - _line_start(self.text, start)
        tail = len(self.text[end : _line_end(self.text, end)].rstrip("\r\n"))
        return head + len(_flow_list(value)) + tail > self.width

    def _replace_scalar(
        self,
        node: yaml.Node,
        key_node: yaml.Node | None,
        value: Any,
        start: int,
        end: int,
        child_indent: str,
    ) -> None:
        """A value on the key's line, or as a block or wrapped text after the key."""
        comment = self._block_header_comment(node)
        if comment is not None:
            end = self.after_node_line(node)  # an old block goes whole, with its lines
            tail = len(comment) + 2 if comment else 0
        else:
            tail = len(self.text[end : _line_end(self.text, end)].rstrip("\r\n"))
        head = start - _line_start(self.text, start)
        if start > 0 and self.text[start - 1] == ":":
            head += 1  # the space written after the colon
        rendered = _render_value_inline(
            value,
            child_indent,
            self.nl,
            self.unit,
            self.in_flow,
            width=self.width,
            column=head,
            tail=tail,
        )
        is_block = rendered.startswith(("|", ">"))
        if comment is not None:
            if comment and is_block:
                rendered = rendered.replace(self.nl, f"  {comment}{self.nl}", 1)
            elif comment:
                rendered += f"  {comment}"
            if linebreaks.is_break(self.text[end - 1 : end]):
                rendered += self.nl
        elif is_block:
            line_end = _line_end(self.text, end)
            note = self.text[end:line_end].strip()
            if note.startswith("#"):  # "key: old  # note" -> "key: |  # note"
                space = " " if start > 0 and self.text[start - 1] == ":" else ""
                first = rendered.replace(self.nl, f"  {note}{self.nl}", 1)
                ending = self.nl if linebreaks.is_break(self.text[line_end - 1 : line_end]) else ""
                self.replace(start, line_end, space + first + ending)
                return
        if not rendered and start > 0 and self.text[start - 1] == " " and not self.in_flow:
            start -= 1  # "key: old" emptied -> "key:" (in {..} the space stays: "key: ,")
        elif rendered and start > 0 and self.text[start - 1] == ":":
            rendered = " " + rendered
        self.replace(start, end, rendered)

    def _empty_value_place(self, key_node: yaml.Node | None, node: yaml.Node) -> int:
        """Where to write a value for ``key:`` with nothing after it: right after the colon."""
        if key_node is None:
            return node.start_mark.index
        colon = self.text.find(":", key_node.end_mark.index)
        return colon + 1 if colon >= 0 else node.start_mark.index
