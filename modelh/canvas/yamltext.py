"""Values rendered as YAML text, the way a person would write them.

Plain when every common YAML reader reads the text back as the same text,
quoted when a reader would take it for something else (a number, a boolean,
null), a literal block for several lines; lists and mappings in block or flow
style. Editing splices what these functions return into a canvas's text.
"""

from __future__ import annotations

import io
import re
from collections.abc import Mapping, Sequence
from typing import Any

import yaml

from modelh.canvas import linebreaks
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
