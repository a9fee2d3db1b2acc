"""The text a canvas edit works on: reading it and splicing lines into it.

``_Text`` holds the canvas text, its line end, width and indentation step, and
the low-level moves every edit is made of (replacing a span, inserting whole
lines, finding where a node's line ends, keeping comments, a flow item rewritten
in block style); ``splice._Splicer`` adds the edits themselves.
"""

from __future__ import annotations

import difflib
from collections.abc import Mapping
from typing import Any

import yaml

from modelh.canvas import linebreaks
from modelh.canvas.keypaths import Path_, _is_item_step, _item
from modelh.canvas.yamlnodes import compose_nodes, is_empty, plain
from modelh.canvas.yamltext import (
    EditError,
    _block_item,
    _flow_list,
    _Raw,
    file_width,
    render_scalar,
)

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


def _raw(source: str, node: yaml.Node) -> _Raw:
    """``node``'s one line of text, written again as it is, knowing what it reads as."""
    raw = _Raw(source)
    raw.value = plain(node)
    return raw


def _below(rest: Path_, key: str) -> Path_:
    """What is left of ``rest`` below the value of ``key`` (() when it is off the path)."""
    return rest[1:] if rest and rest[0] == key else ()


def _widest(text: str, start: int, end: int) -> int:
    """The length of the longest line that holds some of ``text[start:end]``."""
    first = _line_start(text, start)
    last = _line_end(text, max(start, end - 1)) if end > start else _line_end(text, start)
    return max((len(line) for line in linebreaks.split_lines(text[first:last])), default=0)


def _flow_fits(value: Any) -> str | None:
    """``value`` as it is written inside ``{..}``, when it can be."""
    if isinstance(value, str) and "\n" not in value:
        return render_scalar(value, flow=True)
    if isinstance(value, int | float) or value is None:
        return render_scalar(value)
    if isinstance(value, list | tuple) and all(
        isinstance(i, str | int | float) and "\n" not in str(i) for i in value
    ):
        return _flow_list(value)
    return None


def _compose(text: str) -> yaml.MappingNode:
    root = compose_nodes(text)
    if not isinstance(root, yaml.MappingNode):
        raise EditError("the canvas is not a mapping of keys")
    return root


class _Text:
    """A canvas's text, as an edit changes it."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.nl = _newline(text)
        self.first = _compose(text)  # the text as it was read
        self.width = file_width(text, self.first)  # the file's own, fixed for all edits
        self.root: yaml.MappingNode | None = None  # the text composed before the edit
        self.in_flow = False  # whether the last path walked runs through a flow collection
        #: the outermost flow collection the last path walked runs through: (node, its key
        #: or None for a list item, the path to it)
        self.flow_root: tuple[yaml.Node, yaml.Node | None, Path_] | None = None
        self.file_unit = self._file_unit(self.first)  # the file's own indentation step
        self.unit = self.file_unit  # the step of the mappings the last path walked through

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

    def past_comments_under(self, index: int, column: int) -> int:
        """``index`` (a line start) moved past the comment lines that follow it indented
        deeper than ``column``: they belong to the block above (a new key or block text
        written before them would take them in)."""
        at = probe = index
        while probe < len(self.text):
            end = _line_end(self.text, probe)
            line = self.text[probe:end].rstrip("\r\n")
            words = line.lstrip(" ")
            if words and not (words.startswith("#") and len(line) - len(words) > column):
                break
            probe = end
            if words:
                at = end  # past a comment; blank lines only when one follows them
        return at

    def before_key_line(self, key: yaml.Node) -> int | None:
        """The start of the line of ``key``, above the comment lines just over it at its
        indentation (they speak of it); None when the key does not start its line."""
        at = key.start_mark.index
        line = _line_start(self.text, at)
        if self.text[line:at].strip():
            return None  # "- id: x": the key shares its line with a dash
        column = at - line
        while line > 0:
            above = _line_start(self.text, line - 1)
            text = self.text[above:line].rstrip("\r\n")
            if text[:column].strip() or not text[column:].startswith("#"):
                break
            line = above
        return line

    def as_written(self, node: yaml.Node, rest: Path_ = ()) -> Any:
        """``node`` as plain data to be rewritten in block style, what it holds written
        again as it is where it can be: a text on one line (``41`` stays a number,
        ``'no'`` stays quoted), a flow collection on one line off the path ``rest`` that
        an edit takes below ``node``."""
        source = self.text[node.start_mark.index : node.end_mark.index]
        one_line = not linebreaks.BREAK.search(source)
        if isinstance(node, yaml.MappingNode | yaml.SequenceNode):
            if node.flow_style and one_line and not rest:
                return _raw(source, node)
            if isinstance(node, yaml.MappingNode):
                return {plain(k): self.as_written(v, _below(rest, k.value)) for k, v in node.value}
            step = rest[0] if rest and _is_item_step(rest[0]) else None
            found = _item(node, step) if step is not None else None
            return [self.as_written(i, rest[1:] if i is found else ()) for i in node.value]
        if not isinstance(node, yaml.ScalarNode) or node.style in ("|", ">"):
            return plain(node)
        return plain(node) if not one_line or is_empty(node) else _raw(source, node)

    def too_wide(self, start: int, end: int, old_widest: int) -> bool:
        """Whether a line from ``start`` to ``end`` is now wider than the file's width
        and than the widest of those lines before the edit (``old_widest``)."""
        widest = _widest(self.text, start, end)
        return widest > self.width and widest > old_widest

    # -- operations

    def _comments_inside(self, node: yaml.Node) -> list[str]:
        """The comments written inside the flow collection ``node`` ("# ..."), in order."""
        spans: list[tuple[int, int]] = []
        todo = [node]
        while todo:
            here = todo.pop()
            if isinstance(here, yaml.ScalarNode):
                spans.append((here.start_mark.index, here.end_mark.index))
            elif isinstance(here, yaml.MappingNode):
                todo += [n for pair in here.value for n in pair]
            elif isinstance(here, yaml.SequenceNode):
                todo += here.value
        comments = []
        at, end = node.start_mark.index, node.end_mark.index
        while (at := self.text.find("#", at, end)) >= 0:
            inside = any(s <= at < e for s, e in spans)
            if not inside and self.text[at - 1] in " \t\r\n":
                stop = min(_line_end(self.text, at), end)
                comments.append(self.text[at:stop].rstrip("\r\n").rstrip())
                at = stop
            else:
                at += 1
        return comments

    def _comment_lines(self, at: int, comments: list[str], indent: str) -> None:
        """Insert ``comments`` as lines at ``at`` (a line start), at ``indent``."""
        self.insert_lines(at, [indent + c for c in comments])

    def _outdent_comments(self, index: int, column: int) -> None:
        """The comment lines from ``index`` indented deeper than ``column`` moved to it, so
        that a block text written above them ends before them."""
        end = self.past_comments_under(index, column)
        lines = linebreaks.split_lines(self.text[index:end], keepends=True)
        moved = [
            " " * column + line.lstrip(" ") if line.lstrip(" ").startswith("#") else line
            for line in lines
        ]
        self.replace(index, end, "".join(moved))

    def _block_header_comment(self, node: yaml.Node) -> str | None:
        """For an old ``|`` or ``>`` block: the comment on its first line ("" when it has
        none); None for any other node."""
        if not (isinstance(node, yaml.ScalarNode) and node.style in ("|", ">")):
            return None
        start = node.start_mark.index
        header = self.text[start : _line_end(self.text, start)].rstrip("\r\n")
        at = header.find("#")
        return header[at:] if at >= 0 else ""

    def _kept_as_written(self, node: yaml.Node, value: Any) -> Any:
        """``value``, a list given for the flow list ``node``, with the items the list
        keeps written again as they are (``"Gift: cards"`` stays double-quoted)."""
        if not (
            isinstance(node, yaml.SequenceNode)
            and node.flow_style
            and isinstance(value, list | tuple)
            and all(
                isinstance(i, yaml.ScalarNode) and i.style not in ("|", ">") for i in node.value
            )
        ):
            return value
        old = [plain(i) for i in node.value]
        kept = list(value)
        matcher = difflib.SequenceMatcher(a=old, b=[str(v) for v in value], autojunk=False)
        for tag, i1, i2, j1, _ in matcher.get_opcodes():
            if tag != "equal":
                continue
            for n in range(i2 - i1):
                item = node.value[i1 + n]
                source = self.text[item.start_mark.index : item.end_mark.index]
                if not linebreaks.BREAK.search(source) and isinstance(value[j1 + n], str):
                    kept[j1 + n] = _raw(source, item)
        return kept

    def _merge_block_list(self, node: yaml.Node, value: Any) -> bool:
        """A block list of one-line texts given anew: the lines of the items it keeps
        stay as written (quoting, comments), the comment lines between them too; only
        the items added or taken out change. False when the list is not such a list."""
        if not (
            isinstance(node, yaml.SequenceNode)
            and node.flow_style is False
            and node.value
            and isinstance(value, list | tuple)
            and value
            and all(isinstance(v, str | int | float) and "\n" not in str(v) for v in value)
        ):
            return False
        lines: list[tuple[int, int]] = []  # each item's line: its start, and the next's
        for item in node.value:
            if not isinstance(item, yaml.ScalarNode) or item.style in ("|", ">"):
                return False
            start = _line_start(self.text, item.start_mark.index)
            end = _line_end(self.text, max(item.end_mark.index - 1, item.start_mark.index))
            if self.text[start : item.start_mark.index].strip() != "-" or (
                linebreaks.BREAK.search(self.text, item.start_mark.index, item.end_mark.index)
            ):
                return False  # "- - x", or a text over several lines
            lines.append((start, end))
        first = node.value[0]
        dash = self.text.index("-", lines[0][0])
        dash_col = dash - lines[0][0]
        offset = max(2, first.start_mark.column - dash_col)
        old = [plain(i) for i in node.value]
        new = [str(v) if not isinstance(v, str) else v for v in value]
        matcher = difflib.SequenceMatcher(a=old, b=new, autojunk=False)
        for tag, i1, i2, j1, j2 in reversed(matcher.get_opcodes()):
            if tag == "equal":
                continue
            added = [
                line
                for item in value[j1:j2]
                for line in _block_item(
                    item, " " * dash_col, self.nl, offset, self.unit, self.width
                )
            ]
            at = lines[i1 - 1][1] if i1 else lines[0][0]  # the comments over i1 stay its
            for n in reversed(range(i1, i2)):  # taken out (or replaced): their lines go
                self.replace(lines[n][0], lines[n][1], "")
            self.insert_lines(at, added)
        return True

    def _column(self, key: yaml.Node) -> int:
        """The indentation of the mapping entry of ``key``: its column, or that of the
        ``?`` of an explicit key (``? title``)."""
        at = key.start_mark.index
        before = self.text[_line_start(self.text, at) : at].rstrip(" \t")
        if before.endswith("?") and not before[:-1].strip(" -"):
            return len(before) - 1
        return key.start_mark.column

    def _step_in(self, key: yaml.Node, value: yaml.Node) -> int | None:
        """How much deeper than ``key`` the keys of its block mapping ``value`` sit (None:
        not a block mapping, or its first key is explicit, ``? key``)."""
        if not isinstance(value, yaml.MappingNode) or not value.value or value.flow_style:
            return None
        first = value.value[0][0].start_mark
        if self.text[_line_start(self.text, first.index) : first.index].strip():
            return None  # "? title": the key does not start its line
        step_in = first.column - self._column(key)
        return step_in if step_in > 0 else None

    def _file_unit(self, root: yaml.MappingNode) -> int:
        """The file's indentation step: that of its first block mapping under a key."""
        for key, value in root.value:
            step_in = self._step_in(key, value)
            if step_in is not None:
                return step_in
        return 2

    def _rewrite_flow_item(self, node: yaml.Node, value: Mapping[str, Any]) -> None:
        """Rewrite a flow mapping that is a list item as a block item, at its dash."""
        start = node.start_mark.index
        line_start = _line_start(self.text, start)
        dash = self.text.rfind("-", line_start, start)
        if dash < 0:
            raise EditError("this list item cannot be rewritten in block style")
        dash_col = dash - line_start
        offset = max(2, node.start_mark.column - dash_col)
        lines = _block_item(value, " " * dash_col, self.nl, offset, self.unit, self.width)
        head = self.text[line_start:dash]
        lines[0] = head + lines[0][dash_col:]
        self.replace(line_start, self.after_node_line(node), self.nl.join(lines) + self.nl)
