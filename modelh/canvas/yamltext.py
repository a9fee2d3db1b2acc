"""Values rendered as YAML text, the way a person would write them.

Plain when every common YAML reader reads the text back as the same text,
quoted when a reader would take it for something else (a number, a boolean,
null), a literal block for several lines; lists and mappings in block or flow
style. Editing splices what these functions return into a canvas's text.

A text too long for its line is wrapped at the file's own width
(``file_width``): a folded block (``>-``) broken only at a single space between
two other characters, so that YAML reads it back exactly; a double-quoted text
over several lines where folding cannot hold the text (leading or trailing
spaces, runs of spaces, characters a block cannot hold). Every wrapped form is
read back before it is used.
"""

from __future__ import annotations

import io
import re
from collections.abc import Mapping, Sequence
from typing import Any

import yaml

from modelh.canvas import linebreaks
from modelh.canvas.yamlnodes import compose_nodes
from modelh.errors import ModelhError


class EditError(ModelhError):
    """An edit could not be made (the canvas's shape does not allow it, or the value)."""


_EMITTER = yaml.emitter.Emitter(io.StringIO())  # only analyses scalars: never writes
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

#: The width a file without wrapped text is written at; a file's own width is never
#: taken below ``MIN_WIDTH`` nor above ``MAX_WIDTH``.
DEFAULT_WIDTH = 88
MIN_WIDTH = 80
MAX_WIDTH = 120


def file_width(text: str, root: yaml.Node | None) -> int:
    """The width ``text`` is written at: its widest line of prose, a line of a ``|`` or
    ``>`` block, kept between ``MIN_WIDTH`` and ``MAX_WIDTH``; ``DEFAULT_WIDTH`` when
    it holds no such block."""
    widest = 0
    stack = [root] if root is not None else []
    while stack:
        node = stack.pop()
        if isinstance(node, yaml.ScalarNode):
            if node.style in ("|", ">"):
                body = text[linebreaks.line_end(text, node.start_mark.index) : node.end_mark.index]
                widest = max([widest, *(len(line) for line in linebreaks.split_lines(body))])
        elif isinstance(node, yaml.MappingNode):
            stack.extend(value for _, value in node.value)
        elif isinstance(node, yaml.SequenceNode):
            stack.extend(node.value)
    if not widest:
        return DEFAULT_WIDTH
    return max(MIN_WIDTH, min(MAX_WIDTH, widest))


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
    if isinstance(value, _Raw):
        return str(value)
    if isinstance(value, bool):  # a measure's headline: the only true/false of a canvas
        return "true" if value else "false"
    if isinstance(value, Number):
        return value.text
    if isinstance(value, int | float):
        text = repr(value) if isinstance(value, float) else str(value)
        if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
            text = str(int(value)) + ".0"
        return text
    text = str(value)
    analysis = _EMITTER.analyze_scalar(text)
    plain = analysis.allow_flow_plain if flow else analysis.allow_block_plain
    if (
        plain
        and not analysis.multiline
        and text
        and _reads_as_text(text)
        and (text == text.strip() and text not in ("=", "<<"))
    ):
        return text
    return _quoted(text)


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


class _Raw(str):
    """A value's text as the file writes it on one line (``41``, ``'no'``): written again
    as it is when the collection holding it is rewritten in block style. ``value`` is
    what it reads as (``"members"`` reads as ``members``)."""

    value: Any = None


#: The fewest characters a wrapped line holds, however deep its indentation.
_MIN_ROOM = 20


def _breaks_at(text: str, index: int) -> bool:
    """Whether a line may break at ``text[index]``: a single ASCII space between two
    characters that are not white (YAML would keep or fold any other break)."""
    return (
        text[index] == " "
        and 0 < index < len(text) - 1
        and not text[index - 1].isspace()
        and not text[index + 1].isspace()
    )


def _wrap(text: str, room: int) -> list[str] | None:
    """``text`` in lines of at most ``room`` characters, broken at the spaces where it may
    break (each such space dropped); a word longer than ``room`` gets a line of its own.
    None when a line too long holds a white character: only a break elsewhere would
    make it fit."""
    words: list[str] = []
    begin = 0
    for index in range(len(text)):
        if _breaks_at(text, index):
            words.append(text[begin:index])
            begin = index + 1
    words.append(text[begin:])
    lines = [words[0]]
    for word in words[1:]:
        if len(lines[-1]) + 1 + len(word) <= room:
            lines[-1] += " " + word
        else:
            lines.append(word)
    if any(len(line) > room and any(c.isspace() for c in line) for line in lines):
        return None
    return lines


def _reads_back(rendered: str, value: str) -> bool:
    """Whether YAML reads ``rendered``, written after a key, as exactly ``value``."""
    try:
        root = compose_nodes("k: " + rendered + "\n")
    except yaml.YAMLError:
        return False
    if not isinstance(root, yaml.MappingNode) or len(root.value) != 1:
        return False
    node = root.value[0][1]
    return isinstance(node, yaml.ScalarNode) and node.value == value


def _folded(value: str, indent: str, newline: str, width: int) -> str | None:
    """A folded block (``>-``, or ``>`` for a text ending in one line break) holding
    ``value`` exactly, its lines at ``indent`` within ``width`` where its words allow;
    None when folding cannot hold the text.

    Each line break of the text is an empty line of the block; a text that begins or
    ends with a line break or white space, or has a line that does, is not folded:
    YAML would keep such lines apart, or an editor would strip their spaces.
    """
    body, chomp = (value[:-1], "") if value.endswith("\n") else (value, "-")
    if not body or body.startswith("\n") or body.endswith("\n") or not _can_block(value):
        return None
    room = max(width - len(indent), _MIN_ROOM)
    lines: list[str] = []
    for number, part in enumerate(body.split("\n")):
        if number:
            lines.append("")
        if not part:
            continue
        if part[0].isspace() or part[-1].isspace():
            return None
        wrapped = _wrap(part, room)
        if wrapped is None:
            return None
        lines += wrapped
    rendered = newline.join([f">{chomp}", *((indent + line) if line else "" for line in lines)])
    return rendered if _reads_back(rendered, value) else None


def _quoted_lines(value: str, indent: str, newline: str, room: int) -> str | None:
    """``value`` double-quoted over several lines, each line's text within ``room``
    characters, the lines after the first at ``indent``. A line breaks at a space where
    it may (YAML reads that break as the space), else anywhere between two characters
    with a backslash (a space starting the next line escaped). None unless it reads
    back."""
    room = max(room, _MIN_ROOM)
    lines: list[str] = []
    line = '"'
    soft = hard = -1  # where in ``line`` it may break at a space; before a run of spaces
    for index, char in enumerate(value):
        token = _ESCAPES.get(char) or (char if _yaml_printable(char) else _escape(char))
        while len(line) + len(token) + 1 > room and line.strip('"'):  # 1: a '\' or the '"'
            if soft > 0:
                lines.append(line[:soft])
                line = line[soft + 1 :]
                hard = hard - soft - 1 if hard > soft else -1
                soft = -1
                continue
            if hard > 0 and line[:hard].strip('"'):
                lines.append(line[:hard] + "\\")
                line = "\\ " + line[hard + 1 :]
            else:
                lines.append(line + "\\")
                line = ""
                if token == " ":
                    token = "\\ "
            soft = hard = -1
        if _breaks_at(value, index):
            soft = len(line)
        elif char == " " and index and value[index - 1] != " ":
            hard = len(line)
        line += token
    lines.append(line + '"')
    rendered = newline.join([lines[0], *(indent + line for line in lines[1:])])
    return rendered if _reads_back(rendered, value) else None


def _render_value_inline(
    value: Any,
    indent: str,
    newline: str,
    unit: int = 2,
    flow: bool = False,
    *,
    width: int = DEFAULT_WIDTH,
    column: int = 0,
    tail: int = 0,
) -> str:
    """The text that follows ``key: `` for a scalar or a short list.

    ``column`` is how many characters its line holds before the value, ``tail`` how
    many after it (a comment): a text too long for ``width`` is wrapped, lines at
    ``indent``. Inside ``[..]`` or ``{..}`` (``flow``) a value stays on its line.
    """
    if isinstance(value, _Quoted) or (flow and isinstance(value, str) and "\n" in value):
        return _quoted(str(value))
    if isinstance(value, list | tuple):
        return _flow_list(value)
    if flow or not isinstance(value, str) or isinstance(value, _Raw):
        return render_scalar(value, flow=flow)
    return _render_text(value, indent, newline, unit, width, column, tail)


def _render_text(
    value: str, indent: str, newline: str, unit: int, width: int, column: int, tail: int
) -> str:
    """A text at block level: on its line when it fits, else wrapped (see the module).
    A block's lines leave the comment on the key's line; quoted lines end with it."""
    room = width - len(indent)
    quoted_room = width - max(column, len(indent)) - tail
    if _needs_block(value) and _can_block(value) and not value.endswith("\n\n"):
        # a block keeping trailing blank lines (|+) would also take in the blank lines
        # that happen to follow it in the file: such a value is quoted instead
        literal = _block_scalar(value, indent, newline, unit)
        if all(len(line) <= room for line in value.split("\n")):
            return literal  # the text's own lines
        return (
            _folded(value, indent, newline, width)
            or _quoted_lines(value, indent, newline, quoted_room)
            or literal
        )
    one = _quoted(value) if _needs_block(value) else render_scalar(value)
    if column + len(one) + tail <= width:
        return one
    return (
        _folded(value, indent, newline, width)
        or _quoted_lines(value, indent, newline, quoted_room)
        or one
    )


def _flow_list(items: Sequence[Any]) -> str:
    return "[" + ", ".join(render_scalar(i, flow=True) for i in items) + "]"


def render_block(
    value: Any, indent: str, newline: str, unit: int = 2, width: int = DEFAULT_WIDTH
) -> list[str]:
    """Lines for a mapping value (``key: value`` pairs, nested) at ``indent``.

    ``unit`` is the file's indentation step (two or four spaces, as its siblings);
    lists are written one item a line, texts wrapped at ``width``.
    """
    lines: list[str] = []
    inner = indent + " " * unit
    for key, item in value.items():
        key_text = render_scalar(str(key))
        if isinstance(item, Mapping):
            lines.append(f"{indent}{key_text}:")
            lines += render_block(item, inner, newline, unit, width)
        elif isinstance(item, list | tuple) and item:
            lines.append(f"{indent}{key_text}:")
            for element in item:
                lines += _block_item(element, inner, newline, unit=unit, width=width)
        else:
            head = f"{indent}{key_text}:"
            rendered = _render_value_inline(
                item, inner, newline, unit, width=width, column=len(head) + 1
            )
            lines.append(head + (f" {rendered}" if rendered else ""))
    return lines


def _block_item(
    item: Any,
    indent: str,
    newline: str,
    offset: int = 2,
    unit: int = 2,
    width: int = DEFAULT_WIDTH,
) -> list[str]:
    """One ``- `` list item at ``indent``; mappings open on the dash line."""
    if not isinstance(item, Mapping):
        rendered = _render_value_inline(
            item, indent + "  ", newline, width=width, column=len(indent) + 2
        )
        return [f"{indent}- {rendered}"]
    inner = render_block(item, indent + " " * offset, newline, unit, width)
    if not inner:
        return [f"{indent}- {{}}"]
    first = inner[0][len(indent) + offset :]
    return [f"{indent}-{' ' * (offset - 1)}{first}", *inner[1:]]
