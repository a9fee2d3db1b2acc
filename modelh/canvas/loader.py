"""Canvas files to ``Canvas`` objects, with every problem reported at once.

The text is composed into YAML nodes (never constructed into Python objects, so
no tag can run code and every scalar keeps the text as written), then walked
against the format's specs in ``model``. Problems are collected, not raised one
by one; ``CanvasError`` carries them all.

Hostile input is stopped before it costs much, by the guards every YAML file
modelh reads goes through (``yamlguard``): files over ``MAX_BYTES``, bytes that
are not UTF-8, nesting deeper than ``MAX_NESTING`` (found by a cheap scan, since
a deep enough document crashes the C composer), aliases (so an alias bomb is
never expanded) and several documents in one file.
"""

from __future__ import annotations

import dataclasses
import math
import os
import re
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from modelh.canvas import linebreaks
from modelh.canvas import model as m
from modelh.canvas.guard import (
    CANVAS,
    MAP,
    MAX_BYTES,
    MAX_NESTING,
    SEQ,
    STR,
    compose,
    decode,
    file_problem,
    prescan,
    read_file,
    tag_problems,
    too_large,
)
from modelh.canvas.guard import NodeLoader as _YamlLoader  # noqa: F401 - editing composes with it
from modelh.errors import CanvasError, Problem
from modelh.framework import vocab

__all__ = [
    "MAX_BYTES",
    "MAX_ITEMS",
    "MAX_NESTING",
    "NUMBER_PATTERN",
    "load_canvas",
    "parse_canvas",
    "read_source",
]

#: The tag each kind of node carries when it has none of its own (see yamlguard).
_STR, _SEQ, _MAP = STR, SEQ, MAP
#: Longer lists are refused: every item costs work in checks and pages in reports,
#: and a canvas's blocks hold a few dozen items at most.
MAX_ITEMS = 200
#: Plain scalars that YAML reads as "nothing".
_NULLS = frozenset({"", "~", "null", "Null", "NULL"})
_QUOTED = ("'", '"')
#: Plain values that YAML 1.1 readers treat as special (the "value" and "merge" keys).
_SPECIAL_PLAIN = frozenset({"=", "<<"})

_SLUG = re.compile(r"[a-z0-9-]+\Z")
_COLOR = re.compile(r"#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})\Z")
_COLOR_IN_COMMENT = re.compile(r":[ \t]+(#[0-9a-zA-Z]+)")
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}\Z")
_PERIOD = re.compile(r"\d{4}(?:-(?:0[1-9]|1[0-2])(?:-\d{2})?|-Q[1-4])?\Z")
_URL = re.compile(r"[a-zA-Z][a-zA-Z0-9+.-]*://|(?:data|file|javascript|mailto):", re.I)
_DRIVE = re.compile(r"[a-zA-Z]:")
#: A plain decimal number, as YAML 1.2 reads one (underscores may group digits).
NUMBER_PATTERN = r"[-+]?(?:\.[0-9]+|[0-9][0-9_]*(?:\.[0-9_]*)?)(?:[eE][-+]?[0-9]+)?"
_NUMBER = re.compile(NUMBER_PATTERN + r"\Z")
_NUMBER_WITH_UNIT = re.compile(r"\s*[-+]?[0-9][0-9.]*\s*[^\s0-9.,]")
_NON_DECIMAL = re.compile(r"[-+]?(?:0[xob][0-9a-fA-F_]+|[0-9]+(?::[0-5]?[0-9])+(?:\.[0-9]*)?)\Z")
_THOUSANDS = re.compile(r"[-+]?[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?\Z")

_ID_KINDS = ("segment", "value proposition", "channel", "measure")


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
            line, col = _line_col(source, exc.start)
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
# Lines and columns, as editors count them.


#: Lines as editors count them: LF, CRLF and a bare CR end a line (see ``linebreaks``).
_line_col = linebreaks.line_col
#: Whether the text holds a character PyYAML counts as a line break but editors do not.
_has_odd_breaks = linebreaks.has_odd_breaks


def _place(text: str, mark: Any) -> tuple[int, int]:
    """1-based line and column of a parser mark, counting lines as editors do."""
    if mark is None:
        return 1, 1
    if _has_odd_breaks(text):
        return _line_col(text, mark.index)
    return mark.line + 1, mark.column + 1


class _Remap:
    """Turns parser marks into editor positions in a text with odd line breaks."""

    def __init__(self, text: str) -> None:
        self.lines = linebreaks.Lines(text)

    def __call__(self, mark: Any) -> tuple[int, int]:
        return self.lines(mark.index)


def _odd_break_problems(root: yaml.Node, file: str, text: str) -> list[Problem]:
    """An odd line break outside quoted text: YAML starts a new line there, editors do not
    (``# note<U+2028>status: final`` reads as a comment and sets the status)."""
    quoted = []
    stack = [root]
    while stack:
        node = stack.pop()
        if isinstance(node, yaml.ScalarNode):
            if node.style in _QUOTED:
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


# --------------------------------------------------------------------------
# Before the walk: the guards, then the canvas's own "empty".


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


def _node_problem(
    file: str, node: yaml.Node, kind: str, path: str, message: str, text: str | None = None
) -> Problem:
    if text is not None and _has_odd_breaks(text):
        (line, col), (end_line, end_col) = (
            _line_col(text, node.start_mark.index),
            _line_col(text, node.end_mark.index),
        )
        return Problem(file, line, col, end_line, end_col, kind, path, message)
    s, e = node.start_mark, node.end_mark
    return Problem(file, s.line + 1, s.column + 1, e.line + 1, e.column + 1, kind, path, message)


def _suggest(word: str, choices: Any) -> str:
    import difflib  # only when something is misspelt

    by_lower = {str(c).lower(): c for c in choices}
    close = difflib.get_close_matches(word.lower(), list(by_lower), n=1, cutoff=0.6)
    return f"; did you mean '{by_lower[close[0]]}'?" if close else ""


def _show(value: str) -> str:
    """A scalar as a message quotes it: one line, not too long."""
    one = value.replace("\n", "\\n")
    return one if len(one) <= 60 else one[:57] + "..."


def _kind_name(node: yaml.Node) -> str:
    if isinstance(node, yaml.MappingNode):
        return "a mapping"
    if isinstance(node, yaml.SequenceNode):
        return "a list"
    if _is_empty(node):
        return "empty"
    return f"'{_show(node.value)}'"


def _is_null(node: yaml.Node) -> bool:
    """A plain ``null``, ``~`` or nothing: YAML's empty value (a quoted "null" is text)."""
    return not node.style and node.value in _NULLS and node.tag == _STR


def _is_empty(node: yaml.Node) -> bool:
    """An empty value (nothing, ``~``, ``""``, ``[]``, ``{}``): not answered yet."""
    if isinstance(node, yaml.ScalarNode):
        return _is_null(node) or (node.value == "" and node.style in _QUOTED)
    return not node.value


# --------------------------------------------------------------------------
# The walk.


class _Walker:
    """Walks composed nodes against the specs, collecting problems and places."""

    def __init__(self, file: str, text: str) -> None:
        self.file = file
        self.text = text
        self.problems: list[Problem] = []
        self.touched: set[str] = set()  # paths with a problem at or below them
        self.suggestions = 0
        self.odd = _has_odd_breaks(text)
        self.nodes: dict[str, yaml.Node] = {}
        self.key_nodes: dict[str, yaml.Node] = {}
        self.ids: dict[str, tuple[str, int]] = {}  # id -> (kind, line)
        self.refs: list[tuple[str, str, yaml.Node, str, str]] = []
        self.handlers: dict[str, Callable[..., Any]] = {
            kind: getattr(self, "v_" + kind.replace("-", "_"))
            for kind in (
                m.TEXT,
                m.TEXT_OR_LIST,
                m.TEXT_LIST,
                m.ENUM,
                m.NUMBER,
                m.SLUG,
                m.DATE,
                m.PERIOD,
                m.COLOR,
                m.RELATIVE_PATH,
                m.FORMAT_VERSION,
                m.REF_LIST,
                m.OBJECT,
                m.OBJECT_LIST,
                m.ITEM_LIST,
                m.ANSWER_MAP,
                m.DIMENSION_MAP,
            )
        }

    def problem(self, node: yaml.Node, kind: str, path: str, message: str) -> None:
        self.problems.append(
            _node_problem(self.file, node, kind, path, message, self.text if self.odd else None)
        )
        while path:  # a problem at a path also covers its parents (see `missing`)
            self.touched.add(path)
            cut = max(path.rfind("."), path.rfind("["))
            path = path[:cut] if cut > 0 else ""

    def span(self, node: yaml.Node) -> m.Span:
        if self.odd:
            return m.Span(
                *_line_col(self.text, node.start_mark.index),
                *_line_col(self.text, node.end_mark.index),
            )
        s, e = node.start_mark, node.end_mark
        return m.Span(s.line + 1, s.column + 1, e.line + 1, e.column + 1)

    def special(self, node: yaml.ScalarNode, path: str, label: str) -> bool:
        """Report a bare ``=`` or ``<<``: YAML 1.1 readers give them a meaning of their own."""
        if node.style or node.value not in _SPECIAL_PLAIN:
            return False
        self.problem(
            node,
            "value",
            path,
            f"{label}'{node.value}' must be quoted: some YAML "
            f"readers give a bare {node.value} a special meaning",
        )
        return True

    def suggest(self, word: str, choices: Any) -> str:
        """A did-you-mean, while they are few enough to be cheap and useful."""
        self.suggestions += 1
        return _suggest(word, choices) if self.suggestions <= 50 else ""

    # -- top level

    def canvas(self, root: yaml.Node) -> m.Canvas | None:
        if not isinstance(root, yaml.MappingNode):
            self.problem(
                root,
                "type",
                "",
                f"a canvas is a mapping of keys starting with 'modelh: 1', not {_kind_name(root)}",
            )
            return None
        self.nodes[""] = root
        keys = {k.value for k, _ in root.value if isinstance(k, yaml.ScalarNode)}
        if "modelh" not in keys and not keys & set(m.CANVAS_SPEC.by_name):
            self.problem(
                root,
                "missing-key",
                "modelh",
                "this YAML file is not a canvas: it has no 'modelh: 1' line and none "
                "of a canvas's keys",
            )
            return None
        values, extensions = self.mapping(root, m.CANVAS_SPEC, "", "", None)
        self.check_references()
        if self.problems or "canvas" not in values or "modelh" not in values:
            return None
        return m.Canvas(
            file=self.file,
            extensions=tuple(extensions),
            spans=m.SpanIndex(self.nodes, _Remap(self.text) if self.odd else None),
            key_spans=m.SpanIndex(self.key_nodes, _Remap(self.text) if self.odd else None),
            span=self.span(root),
            **values,
        )

    # -- mappings

    def entries(
        self, node: yaml.MappingNode, path: str, label: str
    ) -> list[tuple[str, yaml.Node, yaml.Node]]:
        """The mapping's (key, key node, value node) triples; duplicates reported."""
        seen: dict[str, yaml.Node] = {}
        out = []
        prefix = path + "." if path else ""
        for key_node, value_node in node.value:
            if key_node.__class__ is not yaml.ScalarNode:
                self.problem(
                    key_node,
                    "type",
                    path,
                    f"{label}a key must be a plain name, not {_kind_name(key_node)}",
                )
                continue
            key = key_node.value
            if key in seen:
                first = seen[key].start_mark.line + 1
                self.problem(
                    key_node,
                    "duplicate-key",
                    prefix + key,
                    f"{label}key '{_show(key)}' is written twice (first at line {first}); keep one",
                )
                continue
            seen[key] = key_node
            self.key_nodes[prefix + key] = key_node
            self.nodes[prefix + key] = value_node
            out.append((key, key_node, value_node))
        return out

    def mapping(
        self,
        node: yaml.MappingNode,
        spec: m.ObjectSpec,
        path: str,
        label: str,
        parent_key: yaml.Node | None,
    ) -> tuple[dict[str, Any], list[str]]:
        """Walk a mapping of ``spec``'s keys into constructor arguments."""
        values: dict[str, Any] = {}
        extensions: list[str] = []
        prefix = path + "." if path else ""
        by_name = spec.by_name
        for key, key_node, value_node in self.entries(node, path, label):
            field = by_name.get(key)
            if field is None:
                if key.startswith("x-"):
                    extensions.append(key)
                    self.scan_extension(value_node, prefix + key)
                else:
                    self.unknown_key(key, key_node, spec, prefix + key, label)
                continue
            value = self.handlers[field.kind](value_node, field, prefix + key, label, key_node)
            if value is not None:
                values[key] = value
        for field in spec.required:
            if field.name not in values:
                self.missing(node, field, prefix + field.name, label, parent_key, spec)
        return values, extensions

    def scan_extension(self, node: yaml.Node, path: str) -> None:
        """An ``x-`` block is the user's own; only a key written twice or one that is
        not a plain name (``? [a, b]``, which few YAML readers accept) is refused."""
        stack = [(node, path)]
        while stack:
            current, where = stack.pop()
            if current.__class__ is yaml.MappingNode:
                seen: dict[str, yaml.Node] = {}
                for key_node, value_node in current.value:
                    if key_node.__class__ is not yaml.ScalarNode:
                        self.problem(
                            key_node,
                            "type",
                            where,
                            f"a key must be a plain name, not {_kind_name(key_node)}",
                        )
                    else:
                        key = key_node.value
                        if key in seen:
                            first = seen[key].start_mark.line + 1
                            self.problem(
                                key_node,
                                "duplicate-key",
                                f"{where}.{key}",
                                f"key '{_show(key)}' is written twice (first at line "
                                f"{first}); keep one",
                            )
                        seen[key] = key_node
                        stack.append((value_node, f"{where}.{key}"))
            elif current.__class__ is yaml.SequenceNode:
                stack.extend((item, f"{where}[{i}]") for i, item in enumerate(current.value))

    def unknown_key(
        self, key: str, key_node: yaml.Node, spec: m.ObjectSpec, path: str, label: str
    ) -> None:
        names = list(spec.names())
        if spec is m.DIMENSION_SPEC and not path.endswith(".motivation." + key):
            names.remove("incentives")
        where = f" in {spec.noun}" if not label else ""
        home = next(
            (
                k.name
                for k in spec.keys
                if k.spec is not None and k.kind == m.OBJECT and key in k.spec.by_name
            ),
            None,
        )
        hint = (
            (f"; it belongs under '{home}'" if home else "")
            or self.suggest(key, names)
            or (f" (allowed: {', '.join(names)}; extensions start with 'x-')")
        )
        self.problem(
            key_node, "unknown-key", path, f"{label}unknown key '{_show(key)}'{where}{hint}"
        )

    def missing(
        self,
        node: yaml.MappingNode,
        field: m.Key,
        child: str,
        label: str,
        parent_key: yaml.Node | None,
        spec: m.ObjectSpec,
    ) -> None:
        if child in self.touched:
            return  # already reported, as a bad value or inside it
        present = next(
            (k for k, _ in node.value if isinstance(k, yaml.ScalarNode) and k.value == field.name),
            None,
        )
        if present is not None:
            self.problem(
                present, "missing-key", child, f"{label}required key '{field.name}' is empty"
            )
            return
        where = f" in {spec.noun}" if not label else ""
        self.problem(
            parent_key if parent_key is not None else node,
            "missing-key",
            child,
            f"{label}required key '{field.name}' is missing{where}",
        )

    def object(
        self,
        node: yaml.Node,
        spec: m.ObjectSpec,
        path: str,
        label: str,
        key_node: yaml.Node | None,
        extra: dict[str, Any] | None = None,
    ) -> Any:
        if _is_empty(node):
            return None
        if node.__class__ is not yaml.MappingNode:
            name = path.rsplit(".", 1)[-1] if path else "the canvas"
            self.problem(
                node,
                "type",
                path,
                f"{label}{name} must be a mapping of keys, not {_kind_name(node)}",
            )
            return None
        values, _ = self.mapping(node, spec, path, label, key_node)
        for field in spec.required:
            if field.name not in values:
                return None
        if extra:
            values.update(extra)
        return spec.cls(path=path, span=self.span(node), **values)

    # -- values

    def scalar_text(self, node: yaml.Node, field: m.Key, path: str, label: str) -> str | None:
        if node.__class__ is not yaml.ScalarNode:
            if not node.value:
                return None
            self.problem(
                node, "type", path, f"{label}{field.name} must be text, not {_kind_name(node)}"
            )
            return None
        value = node.value
        if not node.style:
            if value in _NULLS:
                return None
            if value in _SPECIAL_PLAIN:
                self.problem(
                    node,
                    "value",
                    path,
                    f"{label}{field.name} '{value}' must be quoted: some YAML readers "
                    f"give a bare {value} a special meaning",
                )
                return None
        return value if value.strip() else None

    def v_text(self, node, field, path, label, key_node):
        return self.scalar_text(node, field, path, label)

    def v_enum(self, node, field, path, label, key_node):
        text = self.scalar_text(node, field, path, label)
        if text is None or text in field.choices:
            return text
        self.problem(
            node,
            "enum",
            path,
            f"{label}{field.name} '{_show(text)}' is not one of "
            f"{', '.join(field.choices)}{self.suggest(text, field.choices)}",
        )
        return None

    def v_slug(self, node, field, path, label, key_node):
        text = self.scalar_text(node, field, path, label)
        if text is None or _SLUG.match(text):
            return text
        slug = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "my-id"
        self.problem(
            node,
            "value",
            path,
            f"{label}id '{_show(text)}' may hold only lowercase letters, digits "
            f"and hyphens, e.g. '{slug}'",
        )
        return None

    def v_number(self, node, field, path, label, key_node):
        if _is_empty(node):
            return None
        if node.__class__ is not yaml.ScalarNode:
            self.problem(
                node, "type", path, f"{label}{field.name} must be a number, not {_kind_name(node)}"
            )
            return None
        value = node.value
        if not value.strip() or node.tag != _STR:
            return None  # blank: not answered; tagged: the tag is reported instead
        hint = ""
        if not node.style and node.tag == _STR and _NUMBER.match(value):
            try:
                number = float(value)
                if math.isfinite(number) and not any(c in value for c in ".eE"):
                    return int(value)
            except ValueError:  # misplaced underscores, or too many digits for an int
                number = math.nan if len(value) < 50 else math.inf
            if math.isfinite(number):
                return number
            hint = " (it is too large)" if not math.isnan(number) else ""
        elif _NON_DECIMAL.match(value):
            hint = " (write it as a plain decimal number)"
        elif node.style in _QUOTED and _NUMBER.match(value.strip()):
            hint = " (remove the quotes)"
        elif _THOUSANDS.match(value):
            hint = " (write it without thousands separators, e.g. " + value.replace(",", "") + ")"
        elif _NUMBER_WITH_UNIT.match(value):
            hint = " (put the unit in 'unit')"
        elif value.lower().lstrip("+-.") in ("inf", "nan"):
            hint = " (write a finite number)"
        self.problem(
            node, "type", path, f"{label}{field.name} '{_show(value)}' is not a number{hint}"
        )
        return None

    def v_date(self, node, field, path, label, key_node):
        text = self.scalar_text(node, field, path, label)
        if text is None:
            return None
        if _ISO_DATE.match(text):
            try:
                date.fromisoformat(text)
            except ValueError:
                self.problem(
                    node,
                    "value",
                    path,
                    f"{label}{field.name} '{_show(text)}' is not a day of the calendar",
                )
                return None
            return text
        self.problem(
            node,
            "value",
            path,
            f"{label}{field.name} '{_show(text)}' is not a date written YYYY-MM-DD",
        )
        return None

    def v_period(self, node, field, path, label, key_node):
        text = self.scalar_text(node, field, path, label)
        if text is None:
            return None
        ok = bool(_PERIOD.match(text))
        if ok and len(text) == 10:
            try:
                date.fromisoformat(text)
            except ValueError:
                ok = False
        if ok:
            return text
        self.problem(
            node,
            "value",
            path,
            f"{label}{field.name} '{_show(text)}' is not a period: write 2027, "
            "2027-12, 2027-Q4 or 2027-12-31",
        )
        return None

    def v_color(self, node, field, path, label, key_node):
        text = self.scalar_text(node, field, path, label)
        if text is None:
            # an unquoted colour is a comment to YAML: the value silently vanishes
            at = key_node.start_mark.index
            end = linebreaks.line_end(self.text, at)
            match = _COLOR_IN_COMMENT.search(self.text, at, end)
            if match and node.__class__ is yaml.ScalarNode and _is_null(node):
                self.problem(
                    key_node,
                    "value",
                    path,
                    f"{label}{field.name} '{match.group(1)}' is read as a comment: "
                    f'quote it, "{match.group(1)}"',
                )
            return None
        if _COLOR.match(text):
            return text
        self.problem(
            node,
            "value",
            path,
            f"{label}{field.name} '{_show(text)}' is not a colour like \"#0b5f8a\" "
            "(a # and six hexadecimal digits, quoted)",
        )
        return None

    def v_relative_path(self, node, field, path, label, key_node):
        text = self.scalar_text(node, field, path, label)
        if text is None:
            return None
        if _URL.match(text) or _DRIVE.match(text) or text.startswith(("/", "\\")):
            self.problem(
                node,
                "value",
                path,
                f"{label}{field.name} '{_show(text)}' must be a path relative to the "
                "canvas file's folder, not an absolute path or URL",
            )
            return None
        if ".." in Path(text.replace("\\", "/")).parts:
            self.problem(
                node,
                "value",
                path,
                f"{label}{field.name} '{_show(text)}' must stay inside the canvas "
                "file's folder ('..' is not allowed)",
            )
            return None
        return text

    def v_format_version(self, node, field, path, label, key_node):
        if node.__class__ is yaml.ScalarNode and node.value == str(vocab.FORMAT_VERSION):
            return vocab.FORMAT_VERSION
        if node.__class__ is yaml.ScalarNode and not _is_empty(node):
            message = (
                f"format version '{_show(node.value)}' is not supported: this modelh "
                f"reads 'modelh: {vocab.FORMAT_VERSION}'"
            )
        else:
            message = f"the format version must be {vocab.FORMAT_VERSION}, not {_kind_name(node)}"
        self.problem(node, "value", path, message)
        return None

    def sequence(self, node, field, path, label) -> list[yaml.Node] | None:
        if _is_empty(node):
            return None
        if node.__class__ is yaml.SequenceNode:
            if len(node.value) > MAX_ITEMS:
                self.problem(
                    node,
                    "value",
                    path,
                    f"{label}{field.name} has {len(node.value):,} items; modelh takes at "
                    f"most {MAX_ITEMS} items in a list (the limit keeps checks and reports "
                    "fast): merge or summarise items, or split the canvas",
                )
                return None
            return node.value
        if node.__class__ is yaml.ScalarNode:
            message = (
                f"{label}{field.name} must be a list, e.g. [{_show(node.value)}] or one "
                "'- item' per line"
            )
        else:
            message = f"{label}{field.name} must be a list, not {_kind_name(node)}"
        self.problem(node, "type", path, message)
        return None

    def v_text_list(self, node, field, path, label, key_node):
        items = self.sequence(node, field, path, label)
        if items is None:
            return None
        out = []
        for index, item in enumerate(items):
            item_path = f"{path}[{index}]"
            self.nodes[item_path] = item
            if item.__class__ is not yaml.ScalarNode:
                if item.value:
                    self.problem(
                        item,
                        "type",
                        item_path,
                        f"{label}each item of {field.name} must be text, not {_kind_name(item)}",
                    )
            elif (item.style or item.value not in _NULLS) and item.value.strip():
                if not item.style and item.value in _SPECIAL_PLAIN:
                    self.problem(
                        item,
                        "value",
                        item_path,
                        f"{label}'{item.value}' must be quoted: some YAML readers give "
                        f"a bare {item.value} a special meaning",
                    )
                    continue
                out.append(item.value)
        return tuple(out) or None

    def v_text_or_list(self, node, field, path, label, key_node):
        if node.__class__ is yaml.ScalarNode:
            text = self.scalar_text(node, field, path, label)
            return (text,) if text is not None else None
        return self.v_text_list(node, field, path, label, key_node)

    def v_ref_list(self, node, field, path, label, key_node):
        items = self.sequence(node, field, path, label)
        if items is None:
            return None
        out = []
        for index, item in enumerate(items):
            item_path = f"{path}[{index}]"
            self.nodes[item_path] = item
            if _is_empty(item) or (item.__class__ is yaml.ScalarNode and not item.value.strip()):
                continue  # an empty item is no item
            if item.__class__ is not yaml.ScalarNode:
                self.problem(
                    item,
                    "type",
                    item_path,
                    f"{label}each item of {field.name} must be a {field.ref} id, not "
                    f"{_kind_name(item)}",
                )
                continue
            self.refs.append((field.ref or "", item.value, item, item_path, label))
            out.append(item.value)
        return tuple(out) or None

    def v_object(self, node, field, path, label, key_node):
        return self.object(node, field.spec, path, label, key_node)

    def v_object_list(self, node, field, path, label, key_node):
        spec = field.spec
        items = self.sequence(node, field, path, label)
        if items is None:
            return None
        out = []
        for index, item in enumerate(items):
            item_id = _item_id(item)
            named = item_id is not None and item_id not in self.ids  # a repeated id: by index
            item_path = f"{path}[{item_id}]" if named else f"{path}[{index}]"
            self.nodes[item_path] = item
            if _is_empty(item):
                continue  # an empty item ('-' alone, or {}) is no item
            if item.__class__ is not yaml.MappingNode:
                self.problem(
                    item,
                    "type",
                    item_path,
                    f"each item of {field.name} must be a mapping with an id, not "
                    f"{_kind_name(item)}",
                )
                continue
            item_label = f"{spec.noun} '{item_id}': " if item_id else f"{field.name}[{index}]: "
            obj = self.object(item, spec, item_path, item_label, item)
            if obj is None:
                continue
            if obj.__class__ is m.Measure:
                obj = self.check_indicator(obj, item, item_label)
            if self.register_id(obj.id, spec.id_kind or spec.noun, item_path, item_label):
                out.append(obj)
        return tuple(out) or None

    def check_indicator(self, measure: m.Measure, item: yaml.MappingNode, label: str) -> m.Measure:
        """An indicator must come from its measure's own domain."""
        if not (measure.indicator and measure.domain):
            return measure
        if measure.indicator in vocab.INDICATOR_IDS[measure.domain]:
            return measure
        owner = next(d for d, ids in vocab.INDICATOR_IDS.items() if measure.indicator in ids)
        node = self.nodes[measure.path + ".indicator"]
        choices = vocab.INDICATOR_IDS[measure.domain]
        allowed = (
            f"; the {measure.domain} indicators: {', '.join(choices)}"
            if choices
            else f"; the {measure.domain} domain has no indicators yet"
        )
        self.problem(
            node,
            "value",
            measure.path + ".indicator",
            f"{label}indicator '{measure.indicator}' belongs to the {owner} domain, "
            f"not {measure.domain}{allowed}",
        )
        return dataclasses.replace(measure, indicator=None)

    def register_id(self, item_id: str, kind: str, path: str, label: str) -> bool:
        id_node = self.nodes[path + ".id"]
        if item_id in self.ids:
            other_kind, line = self.ids[item_id]
            self.problem(
                id_node,
                "duplicate-id",
                path + ".id",
                f"{label}id '{item_id}' is already used by the {other_kind} at line "
                f"{line}; ids must be unique across the canvas",
            )
            return False
        self.ids[item_id] = (kind, id_node.start_mark.line + 1)
        return True

    def v_item_list(self, node, field, path, label, key_node):
        items = self.sequence(node, field, path, label)
        if items is None:
            return None
        out = []
        for index, item in enumerate(items):
            item_path = f"{path}[{index}]"
            self.nodes[item_path] = item
            if item.__class__ is yaml.ScalarNode:
                if (
                    not _is_null(item)
                    and item.value.strip()
                    and not self.special(item, item_path, f"{field.name}[{index}]: ")
                ):
                    out.append(m.BlockItem(text=item.value, path=item_path, span=self.span(item)))
                continue
            if item.__class__ is not yaml.MappingNode:
                if item.value:
                    self.problem(
                        item,
                        "type",
                        item_path,
                        f"each item of {field.name} must be text or a mapping with "
                        f"'text' and 'segments', not {_kind_name(item)}",
                    )
                continue
            obj = self.object(item, field.spec, item_path, f"{field.name}[{index}]: ", item)
            if obj is not None and obj.text:
                out.append(obj)
        return tuple(out) or None

    def method_map(
        self, node: yaml.Node, path: str, label: str, ids: tuple[str, ...], what: str
    ) -> list[tuple[str, yaml.Node, yaml.Node, str]]:
        """The entries of a mapping keyed by the method's ids (questions, dimensions).

        ``x-`` keys are the user's own; any other unknown key is reported with the
        nearest id. Returns (id, key node, value node, path) for each known id.
        """
        if _is_empty(node):
            return []
        if node.__class__ is not yaml.MappingNode:
            self.problem(
                node,
                "type",
                path,
                f"{what}s must be a mapping of {what} ids "
                f"({', '.join(ids)}), not {_kind_name(node)}",
            )
            return []
        known = []
        for key, key_node, value_node in self.entries(node, path, label):
            child = f"{path}.{key}"
            if key.startswith("x-"):
                self.scan_extension(value_node, child)
            elif key in ids:
                known.append((key, key_node, value_node, child))
            else:
                hint = self.suggest(key, ids) or f" (the {what}s: {', '.join(ids)})"
                self.problem(key_node, "unknown-key", child, f"unknown {what} '{_show(key)}'{hint}")
        return known

    def v_answer_map(self, node, field, path, label, key_node):
        answers = {}
        for key, _, value_node, child in self.method_map(
            node, path, label, vocab.QUESTION_IDS, "question"
        ):
            answer = self.answer(key, value_node, child)
            if answer is not None:
                answers[key] = answer
        return answers or None

    def answer(self, question: str, node: yaml.Node, path: str) -> m.Answer | None:
        label = f"answer '{question}': "
        if node.__class__ is yaml.ScalarNode:
            if _is_null(node) or not node.value.strip() or self.special(node, path, label):
                return None
            return m.Answer(question, text=node.value, path=path, span=self.span(node))
        if node.__class__ is yaml.SequenceNode:
            if node.value:
                self.problem(
                    node,
                    "type",
                    path,
                    f"{label}an answer is one text, or a mapping of segment ids to "
                    "texts, not a list",
                )
            return None
        per_segment = {}
        for key, key_node, value_node in self.entries(node, path, label):
            if key.startswith("x-"):
                self.scan_extension(value_node, f"{path}.{key}")
                continue
            child = f"{path}.{key}"
            self.refs.append(("segment", key, key_node, child, label))
            if value_node.__class__ is not yaml.ScalarNode:
                if value_node.value:
                    self.problem(
                        value_node,
                        "type",
                        child,
                        f"{label}the answer for segment '{_show(key)}' must be text, "
                        f"not {_kind_name(value_node)}",
                    )
                continue
            if (
                not _is_null(value_node)
                and value_node.value.strip()
                and not self.special(value_node, child, label)
            ):
                per_segment[key] = value_node.value
        if not per_segment:
            return None
        return m.Answer(question, per_segment=per_segment, path=path, span=self.span(node))

    def v_dimension_map(self, node, field, path, label, key_node):
        dimensions = {}
        for key, key_node_, value_node, child in self.method_map(
            node, path, label, vocab.DIMENSION_IDS, "dimension"
        ):
            dim_label = f"dimension '{key}': "
            dim = self.object(
                value_node, field.spec, child, dim_label, key_node_, extra={"id": key}
            )
            if dim is None or all(getattr(dim, k.name) in (None, ()) for k in field.spec.keys):
                continue  # every key empty: not considered yet, as if absent
            if key != "motivation" and dim.incentives:
                self.problem(
                    self.key_nodes[child + ".incentives"],
                    "unknown-key",
                    child + ".incentives",
                    f"{dim_label}incentives belong under the motivation dimension only",
                )
                continue
            dimensions[key] = dim
        return dimensions or None

    # -- after the walk

    def check_references(self) -> None:
        by_kind: dict[str, list[str]] = {k: [] for k in _ID_KINDS}
        for item_id, (kind, _) in self.ids.items():
            by_kind.setdefault(kind, []).append(item_id)
        known_ids = {kind: set(ids) for kind, ids in by_kind.items()}
        for kind, value, node, path, label in self.refs:
            if value in known_ids.get(kind, ()):
                continue
            if value in self.ids:
                other_kind, line = self.ids[value]
                message = f"{label}'{_show(value)}' is a {other_kind} (line {line}), not a {kind}"
            else:
                known = by_kind.get(kind, [])
                shown = ", ".join(known[:10]) + (", ..." if len(known) > 10 else "")
                hint = self.suggest(value, known) or (
                    f" (the {kind}s: {shown})" if known else f"; no {kind}s are defined yet"
                )
                message = f"{label}{kind} '{_show(value)}' does not exist{hint}"
            self.problem(node, "reference", path, message)


def _item_id(item: yaml.Node) -> str | None:
    if item.__class__ is yaml.MappingNode:
        for k, v in item.value:
            if (
                k.__class__ is yaml.ScalarNode
                and k.value == "id"
                and v.__class__ is yaml.ScalarNode
                and _SLUG.match(v.value)
            ):
                return v.value
    return None
