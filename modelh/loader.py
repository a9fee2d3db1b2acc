"""Canvas files to ``Canvas`` objects, with every problem reported at once.

The text is composed into YAML nodes (never constructed into Python objects, so
no tag can run code and scalars keep the text as written), then walked against
the format's specs in ``model``. Problems are collected, not raised one by one;
``CanvasError`` carries them all.

Hostile input is stopped before it costs much: files over ``MAX_BYTES``, bytes
that are not UTF-8, nesting deeper than ``MAX_NESTING`` (found by a cheap scan,
since a deep enough document crashes the C composer), aliases (so an alias bomb
is never expanded), tags and several documents in one file.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from . import model as m
from .errors import CanvasError, Problem
from .framework import vocab
from .model import Span

try:  # the C composer is about ten times faster; the pure one is the fallback
    from yaml import CSafeLoader as _YamlLoader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _YamlLoader  # type: ignore[assignment]

#: Larger files are refused before they are read.
MAX_BYTES = 5 * 1024 * 1024
#: Deeper nesting is refused before composing (a canvas needs about six levels).
MAX_NESTING = 100

_CORE = "tag:yaml.org,2002:"
_NULL, _BOOL, _INT, _FLOAT, _STR = (_CORE + t for t in ("null", "bool", "int", "float", "str"))
_ALLOWED_TAGS = frozenset(
    _CORE + t for t in ("null", "bool", "int", "float", "str", "timestamp", "seq", "map")
)
_SLUG = re.compile(r"[a-z0-9-]+\Z")
_COLOR = re.compile(r"#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})\Z")
_PERIOD = re.compile(r"\d{4}(?:-(?:0[1-9]|1[0-2])(?:-\d{2})?|-Q[1-4])?\Z")
_URL = re.compile(r"[a-zA-Z][a-zA-Z0-9+.-]*:")
_BLOCK_INDICATORS = re.compile(r"^[ \t]*(?:[-?][ \t]+){" + str(MAX_NESTING) + ",}", re.M)
_BRACKET = re.compile(r"[\[\]{}]")
_YAML12_NUMBER = re.compile(r"[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?\Z")

_ID_KINDS = ("segment", "value proposition", "channel", "measure")


def load_canvas(path: str | os.PathLike[str]) -> m.Canvas:
    """Read and check the canvas file at ``path``.

    Raises ``CanvasError`` listing every problem found (with file, line and
    column) when the file cannot be read or does not follow the format.
    """
    name = os.fspath(path)
    p = Path(name)
    try:
        if p.is_dir():
            raise CanvasError(name, [_file_problem(name, "is a directory, not a canvas file")])
        size = p.stat().st_size
        if size > MAX_BYTES:
            raise CanvasError(
                name,
                [
                    _file_problem(
                        name,
                        f"is {size / 1048576:.1f} MB; a canvas file may be at "
                        f"most {MAX_BYTES // 1048576} MB",
                    )
                ],
            )
        with p.open("rb") as fh:
            data = fh.read(MAX_BYTES + 1)
    except FileNotFoundError:
        raise CanvasError(name, [_file_problem(name, "no such file")]) from None
    except PermissionError:
        raise CanvasError(name, [_file_problem(name, "permission denied")]) from None
    except OSError as exc:
        raise CanvasError(name, [_file_problem(name, f"cannot be read: {exc.strerror}")]) from None
    if len(data) > MAX_BYTES:  # it grew while we looked
        raise CanvasError(name, [_file_problem(name, "is larger than the size limit")])
    return parse_canvas(data, name)


def parse_canvas(source: str | bytes, file: str = "<canvas>") -> m.Canvas:
    """Check the canvas held in ``source`` (text, or UTF-8 bytes) named ``file``."""
    if isinstance(source, bytes):
        if len(source) > MAX_BYTES:
            raise CanvasError(file, [_file_problem(file, "is larger than the size limit")])
        text = _decode(source, file)
    else:
        text = source
    if text.startswith("\ufeff"):
        text = text[1:]
    _prescan(text, file)
    root = _compose(text, file)
    walker = _Walker(file)
    canvas = walker.canvas(root)
    if walker.problems or canvas is None:
        raise CanvasError(file, walker.problems)
    return canvas


# --------------------------------------------------------------------------
# Before composing: bytes, size, nesting, aliases.


def _file_problem(file: str, message: str, line: int = 1, column: int = 1) -> Problem:
    return Problem(file, line, column, line, column + 1, "file", "", message)


def _decode(data: bytes, file: str) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        before = data[: exc.start]
        line = before.count(b"\n") + 1
        line_start = before.rfind(b"\n") + 1
        column = len(before[line_start:].decode("utf-8", "replace")) + 1
        raise CanvasError(
            file,
            [
                _file_problem(
                    file,
                    f"is not UTF-8 text: byte 0x{data[exc.start]:02x} cannot be "
                    "read; save the file as UTF-8",
                    line,
                    column,
                )
            ],
        ) from None


def _line_col(text: str, index: int) -> tuple[int, int]:
    line = text.count("\n", 0, index) + 1
    return line, index - (text.rfind("\n", 0, index) + 1) + 1


def _prescan(text: str, file: str) -> None:
    if not text.strip():
        raise CanvasError(
            file, [_file_problem(file, "is empty; a canvas starts with the line 'modelh: 1'")]
        )
    # Each level of flow nesting needs a bracket: count them before scanning.
    if text.count("[") + text.count("{") > MAX_NESTING:
        depth = 0
        for match in _BRACKET.finditer(text):
            depth = depth + 1 if match.group() in "[{" else max(depth - 1, 0)
            if depth > MAX_NESTING:
                line, col = _line_col(text, match.start())
                raise CanvasError(file, [_nesting_problem(file, line, col)])
    match = _BLOCK_INDICATORS.search(text)
    if match:
        line, col = _line_col(text, match.start())
        raise CanvasError(file, [_nesting_problem(file, line, col)])
    if "&" in text and "*" in text:
        _reject_aliases(text, file)


def _nesting_problem(file: str, line: int, column: int) -> Problem:
    return Problem(
        file,
        line,
        column,
        line,
        column + 1,
        "syntax",
        "",
        f"nesting is deeper than {MAX_NESTING} levels; a canvas needs far fewer",
    )


def _reject_aliases(text: str, file: str) -> None:
    problems = []
    try:
        for event in yaml.parse(text, Loader=_YamlLoader):
            if isinstance(event, yaml.AliasEvent):
                mark = event.start_mark
                problems.append(
                    Problem(
                        file,
                        mark.line + 1,
                        mark.column + 1,
                        event.end_mark.line + 1,
                        event.end_mark.column + 1,
                        "syntax",
                        "",
                        f"alias '*{event.anchor}' is not allowed in a canvas: write the "
                        "value out in full",
                    )
                )
                if len(problems) >= 20:
                    break
    except yaml.YAMLError:
        return  # composing reports the syntax error with its position
    if problems:
        raise CanvasError(file, problems)


def _compose(text: str, file: str) -> yaml.Node:
    try:
        root = yaml.compose(text, Loader=_YamlLoader)
    except yaml.MarkedYAMLError as exc:
        raise CanvasError(file, [_syntax_problem(file, exc, text)]) from None
    except yaml.reader.ReaderError as exc:
        line, col = _line_col(text, exc.position)
        char = exc.character if isinstance(exc.character, str) else chr(exc.character)
        raise CanvasError(
            file,
            [
                Problem(
                    file,
                    line,
                    col,
                    line,
                    col + 1,
                    "syntax",
                    "",
                    f"character U+{ord(char):04X} is not allowed in YAML text",
                )
            ],
        ) from None
    except yaml.YAMLError as exc:  # pragma: no cover - every YAMLError above has a mark
        raise CanvasError(file, [_file_problem(file, f"YAML error: {exc}")]) from None
    except RecursionError:  # only the pure-Python composer recurses in Python
        raise CanvasError(file, [_nesting_problem(file, 1, 1)]) from None
    if root is None:
        raise CanvasError(
            file, [_file_problem(file, "holds no YAML content; a canvas starts with 'modelh: 1'")]
        )
    if "!" in text:
        _reject_tags(root, file)
    return root


def _syntax_problem(file: str, exc: yaml.MarkedYAMLError, text: str) -> Problem:
    mark = exc.problem_mark or exc.context_mark
    line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    problem = (exc.problem or "invalid YAML").strip()
    at = text[mark.index] if mark and 0 <= mark.index < len(text) else ""
    if "expected a single document" in (exc.context or ""):
        message = "a canvas file holds one YAML document, but a second one starts here"
    elif at == "\t" or "'\\t'" in problem:
        message = "a tab character here: YAML indents with spaces only"
    else:
        message = f"YAML syntax: {problem}"
        if exc.context and exc.context_mark and exc.context_mark is not mark:
            message += f" ({exc.context} at line {exc.context_mark.line + 1})"
    return Problem(file, line, col, line, col + 1, "syntax", "", message)


def _reject_tags(root: yaml.Node, file: str) -> None:
    problems = []
    stack = [root]
    while stack:
        node = stack.pop()
        if node.tag not in _ALLOWED_TAGS:
            problems.append(
                _node_problem(
                    file,
                    node,
                    "type",
                    "",
                    f"tag '{_short_tag(node.tag)}' is not allowed in a canvas: write plain values",
                )
            )
        if isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                stack.append(key)
                stack.append(value)
        elif isinstance(node, yaml.SequenceNode):
            stack.extend(node.value)
    if problems:
        raise CanvasError(file, problems)


def _short_tag(tag: str) -> str:
    return "!!" + tag[len(_CORE) :] if tag.startswith(_CORE) else tag


def _span(node: yaml.Node) -> Span:
    s, e = node.start_mark, node.end_mark
    return Span(s.line + 1, s.column + 1, e.line + 1, e.column + 1)


def _node_problem(file: str, node: yaml.Node, kind: str, path: str, message: str) -> Problem:
    s = _span(node)
    return Problem(file, s.line, s.column, s.end_line, s.end_column, kind, path, message)


def _suggest(word: str, choices: Any) -> str:
    import difflib  # only when something is misspelt

    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f"; did you mean '{close[0]}'?" if close else ""


def _show(value: str) -> str:
    """A scalar as a message quotes it: one line, not too long."""
    one = value.replace("\n", "\\n")
    return one if len(one) <= 60 else one[:57] + "..."


def _kind_name(node: yaml.Node) -> str:
    if isinstance(node, yaml.MappingNode):
        return "a mapping"
    if isinstance(node, yaml.SequenceNode):
        return "a list"
    return f"'{_show(node.value)}'"


# --------------------------------------------------------------------------
# The walk.


class _Walker:
    """Walks composed nodes against the specs, collecting problems and spans."""

    def __init__(self, file: str) -> None:
        self.file = file
        self.problems: list[Problem] = []
        self.spans: dict[str, Span] = {}
        self.key_spans: dict[str, Span] = {}
        self.ids: dict[str, tuple[str, Span]] = {}
        self.refs: list[tuple[str, str, yaml.Node, str, str]] = []

    def problem(self, node: yaml.Node, kind: str, path: str, message: str) -> None:
        self.problems.append(_node_problem(self.file, node, kind, path, message))

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
        self.spans[""] = _span(root)
        values, extensions = self.mapping(root, m.CANVAS_SPEC, "", "", None)
        self.check_references()
        if self.problems or "canvas" not in values or "modelh" not in values:
            return None
        return m.Canvas(
            file=self.file,
            extensions=tuple(extensions),
            spans=self.spans,
            key_spans=self.key_spans,
            span=_span(root),
            **values,
        )

    # -- mappings

    def entries(
        self, node: yaml.MappingNode, path: str, label: str
    ) -> list[tuple[str, yaml.Node, yaml.Node]]:
        """The mapping's (key, key node, value node) triples; duplicates reported."""
        seen: dict[str, yaml.Node] = {}
        out = []
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
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
                    _join(path, key),
                    f"{label}key '{_show(key)}' is written twice (first at line {first}); keep one",
                )
                continue
            seen[key] = key_node
            child = _join(path, key)
            self.key_spans[child] = _span(key_node)
            self.spans[child] = _span(value_node)
            out.append((key, key_node, value_node))
        return out

    def mapping(
        self,
        node: yaml.MappingNode,
        spec: m.ObjectSpec,
        path: str,
        label: str,
        parent_key: yaml.Node | None,
        skip: tuple[str, ...] = (),
    ) -> tuple[dict[str, Any], list[str]]:
        """Walk a mapping of ``spec``'s keys into constructor arguments."""
        values: dict[str, Any] = {}
        extensions: list[str] = []
        for key, key_node, value_node in self.entries(node, path, label):
            if key.startswith("x-"):
                extensions.append(key)
                continue
            field = spec.by_name.get(key)
            if field is None or key in skip:
                if key in skip:
                    continue
                where = f" in {spec.noun}" if not label else ""
                hint = _suggest(key, spec.names()) or (
                    f" (allowed: {', '.join(spec.names())}; extensions start with 'x-')"
                )
                self.problem(
                    key_node,
                    "unknown-key",
                    _join(path, key),
                    f"{label}unknown key '{_show(key)}'{where}{hint}",
                )
                continue
            value = self.value(value_node, field, _join(path, key), label, key_node)
            if value is not None:
                values[key] = value
        present = {k.value: k for k, _ in node.value if isinstance(k, yaml.ScalarNode)}
        for field in spec.keys:
            if field.required and field.name not in values and field.name not in skip:
                child = _join(path, field.name)
                if any(
                    p.path == child or p.path.startswith((child + ".", child + "["))
                    for p in self.problems
                ):
                    continue  # already reported, as a bad value or inside it
                if field.name in present:
                    self.problem(
                        present[field.name],
                        "missing-key",
                        _join(path, field.name),
                        f"{label}required key '{field.name}' is empty",
                    )
                else:
                    anchor = parent_key if parent_key is not None else node
                    where = f" in {spec.noun}" if not label else ""
                    self.problem(
                        anchor,
                        "missing-key",
                        _join(path, field.name),
                        f"{label}required key '{field.name}' is missing{where}",
                    )
        return values, extensions

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
        if not isinstance(node, yaml.MappingNode):
            self.problem(
                node,
                "type",
                path,
                f"{label}{_last(path)} must be a mapping of keys, not {_kind_name(node)}",
            )
            return None
        values, _ = self.mapping(node, spec, path, label, key_node)
        if any(f.required and f.name not in values for f in spec.keys):
            return None
        return spec.cls(path=path, span=_span(node), **(extra or {}), **values)

    # -- values

    def value(
        self, node: yaml.Node, field: m.Key, path: str, label: str, key_node: yaml.Node
    ) -> Any:
        handler: Callable[..., Any] = getattr(self, "v_" + field.kind.replace("-", "_"))
        return handler(node, field, path, label, key_node)

    def scalar_text(self, node: yaml.Node, field: m.Key, path: str, label: str) -> str | None:
        if not isinstance(node, yaml.ScalarNode):
            if _is_empty(node):
                return None
            self.problem(
                node, "type", path, f"{label}{field.name} must be text, not {_kind_name(node)}"
            )
            return None
        if _is_null(node) or not node.value.strip():
            return None
        return node.value

    def v_text(self, node, field, path, label, key_node):
        return self.scalar_text(node, field, path, label)

    def v_enum(self, node, field, path, label, key_node):
        text = self.scalar_text(node, field, path, label)
        if text is None:
            return None
        if text not in field.choices:
            self.problem(
                node,
                "enum",
                path,
                f"{label}{field.name} '{_show(text)}' is not one of "
                f"{', '.join(field.choices)}{_suggest(text, field.choices)}",
            )
            return None
        return text

    def v_slug(self, node, field, path, label, key_node):
        text = self.scalar_text(node, field, path, label)
        if text is None:
            return None
        if not _SLUG.match(text):
            slug = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "my-id"
            self.problem(
                node,
                "value",
                path,
                f"{label}id '{_show(text)}' may hold only lowercase letters, digits "
                f"and hyphens, e.g. '{slug}'",
            )
            return None
        return text

    def v_number(self, node, field, path, label, key_node):
        if _is_empty(node):
            return None
        plain_number = (
            isinstance(node, yaml.ScalarNode)
            and node.tag == _STR
            and not node.style
            and _YAML12_NUMBER.match(node.value)
        )
        if plain_number:  # YAML 1.2 reads 7e2 as a number; so do we
            number = float(node.value)
            return int(number) if number.is_integer() and "." not in node.value else number
        if isinstance(node, yaml.ScalarNode) and node.tag in (_INT, _FLOAT):
            try:
                number = _number(node)
            except (ValueError, yaml.YAMLError):
                number = None
            if number is not None and number == number and abs(number) != float("inf"):
                return number
        if isinstance(node, yaml.ScalarNode):
            hint = (
                " (remove the quotes)"
                if node.style in ("'", '"') and _looks_numeric(node.value)
                else " (put the unit in 'unit')"
                if re.match(r"\s*[-+]?[\d.,]+\s*\S", node.value)
                else ""
            )
            message = f"{label}{field.name} '{_show(node.value)}' is not a number{hint}"
        else:
            message = f"{label}{field.name} must be a number, not {_kind_name(node)}"
        self.problem(node, "type", path, message)
        return None

    def v_date(self, node, field, path, label, key_node):
        text = self.scalar_text(node, field, path, label)
        if text is None:
            return None
        try:
            if len(text) != 10:
                raise ValueError
            date.fromisoformat(text)
        except ValueError:
            self.problem(
                node,
                "value",
                path,
                f"{label}{field.name} '{_show(text)}' is not a date written YYYY-MM-DD",
            )
            return None
        return text

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
        if not ok:
            self.problem(
                node,
                "value",
                path,
                f"{label}{field.name} '{_show(text)}' is not a period: write "
                "2027, 2027-12, 2027-Q4 or 2027-12-31",
            )
            return None
        return text

    def v_color(self, node, field, path, label, key_node):
        text = self.scalar_text(node, field, path, label)
        if text is None:
            return None
        if not _COLOR.match(text):
            self.problem(
                node,
                "value",
                path,
                f"{label}{field.name} '{_show(text)}' is not a colour like "
                '"#0b5f8a" (quote it: # starts a comment)',
            )
            return None
        return text

    def v_relative_path(self, node, field, path, label, key_node):
        text = self.scalar_text(node, field, path, label)
        if text is None:
            return None
        parts = Path(text.replace("\\", "/")).parts
        if (
            (_URL.match(text) and not re.match(r"[a-zA-Z]:[\\/]", text))
            or text.startswith(("/", "\\"))
            or re.match(r"[a-zA-Z]:[\\/]", text)
        ):
            self.problem(
                node,
                "value",
                path,
                f"{label}{field.name} '{_show(text)}' must be a path relative to the "
                "canvas file's folder, not an absolute path or URL",
            )
            return None
        if ".." in parts:
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
        if isinstance(node, yaml.ScalarNode) and node.value == str(vocab.FORMAT_VERSION):
            return vocab.FORMAT_VERSION
        shown = _kind_name(node) if not _is_empty(node) else "empty"
        self.problem(
            node,
            "value",
            path,
            f"format version {shown} is not supported: this modelh reads "
            f"'modelh: {vocab.FORMAT_VERSION}'",
        )
        return None

    def sequence(self, node, field, path, label) -> list[yaml.Node] | None:
        if _is_empty(node):
            return None
        if not isinstance(node, yaml.SequenceNode):
            if isinstance(node, yaml.ScalarNode):
                message = (
                    f"{label}{field.name} must be a list, e.g. "
                    f"[{_show(node.value)}] or one '- item' per line"
                )
            else:
                message = f"{label}{field.name} must be a list, not {_kind_name(node)}"
            self.problem(node, "type", path, message)
            return None
        return node.value

    def text_items(self, items, field, path, label) -> tuple[str, ...]:
        out = []
        for index, item in enumerate(items):
            item_path = f"{path}[{index}]"
            self.spans[item_path] = _span(item)
            if not isinstance(item, yaml.ScalarNode):
                self.problem(
                    item,
                    "type",
                    item_path,
                    f"{label}each item of {field.name} must be text, not {_kind_name(item)}",
                )
            elif not _is_null(item) and item.value.strip():
                out.append(item.value)
        return tuple(out)

    def v_text_list(self, node, field, path, label, key_node):
        items = self.sequence(node, field, path, label)
        return None if items is None else self.text_items(items, field, path, label) or None

    def v_text_or_list(self, node, field, path, label, key_node):
        if isinstance(node, yaml.ScalarNode):
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
            self.spans[item_path] = _span(item)
            if not isinstance(item, yaml.ScalarNode) or _is_null(item):
                self.problem(
                    item,
                    "type",
                    item_path,
                    f"{label}each item of {field.name} must be a {field.ref} id, not "
                    f"{_kind_name(item) if not _is_null(item) else 'empty'}",
                )
                continue
            self.refs.append((field.ref or "", item.value, item, item_path, label))
            out.append(item.value)
        return tuple(out) or None

    def v_object(self, node, field, path, label, key_node):
        assert field.spec is not None
        return self.object(node, field.spec, path, label, key_node)

    def v_object_list(self, node, field, path, label, key_node):
        assert field.spec is not None
        spec = field.spec
        items = self.sequence(node, field, path, label)
        if items is None:
            return None
        out = []
        for index, item in enumerate(items):
            item_id = _item_id(item)
            item_path = f"{path}[{item_id or index}]"
            self.spans[item_path] = _span(item)
            item_label = f"{spec.noun} '{item_id}': " if item_id else ""
            if not isinstance(item, yaml.MappingNode):
                self.problem(
                    item,
                    "type",
                    item_path,
                    f"each item of {field.name} must be a mapping with an id, not "
                    f"{_kind_name(item)}",
                )
                continue
            if item_id is None:
                item_label = f"{spec.noun} {index + 1} of {field.name}: "
            obj = self.object(item, spec, item_path, item_label, item)
            if isinstance(obj, m.Measure):
                obj = self.check_indicator(obj, item, item_label)
            if obj is not None:
                self.register_id(obj.id, spec.id_kind or spec.noun, item, item_path, item_label)
                out.append(obj)
        return tuple(out) or None

    def check_indicator(self, measure: m.Measure, item: yaml.MappingNode, label: str) -> m.Measure:
        """An indicator must come from its measure's own domain."""
        if not (measure.indicator and measure.domain):
            return measure
        if measure.indicator in vocab.INDICATOR_IDS[measure.domain]:
            return measure
        owner = next(d for d, ids in vocab.INDICATOR_IDS.items() if measure.indicator in ids)
        node = next(
            v for k, v in item.value if isinstance(k, yaml.ScalarNode) and k.value == "indicator"
        )
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
        return _replace(measure, indicator=None)

    def register_id(
        self, item_id: str, kind: str, item: yaml.MappingNode, path: str, label: str
    ) -> None:
        id_node = next(
            v for k, v in item.value if isinstance(k, yaml.ScalarNode) and k.value == "id"
        )
        if item_id in self.ids:
            other_kind, other = self.ids[item_id]
            self.problem(
                id_node,
                "duplicate-id",
                path + ".id",
                f"{label}id '{item_id}' is already used by the {other_kind} at line "
                f"{other.line}; ids must be unique across the canvas",
            )
            return
        self.ids[item_id] = (kind, _span(id_node))

    def v_item_list(self, node, field, path, label, key_node):
        assert field.spec is not None
        items = self.sequence(node, field, path, label)
        if items is None:
            return None
        out = []
        for index, item in enumerate(items):
            item_path = f"{path}[{index}]"
            self.spans[item_path] = _span(item)
            if isinstance(item, yaml.ScalarNode):
                if not _is_null(item) and item.value.strip():
                    out.append(m.BlockItem(text=item.value, path=item_path, span=_span(item)))
                continue
            if not isinstance(item, yaml.MappingNode):
                self.problem(
                    item,
                    "type",
                    item_path,
                    f"each item of {field.name} must be text or a mapping with "
                    f"'text' and 'segments', not {_kind_name(item)}",
                )
                continue
            obj = self.object(
                item, field.spec, item_path, f"item {index + 1} of {field.name}: ", item
            )
            if obj is not None and (obj.text or obj.segments):
                out.append(obj)
        return tuple(out) or None

    def v_answer_map(self, node, field, path, label, key_node):
        if _is_empty(node):
            return None
        if not isinstance(node, yaml.MappingNode):
            self.problem(
                node,
                "type",
                path,
                f"answers must be a mapping of question ids ({', '.join(vocab.QUESTION_IDS)})"
                f", not {_kind_name(node)}",
            )
            return None
        answers = {}
        for key, kn, vn in self.entries(node, path, label):
            if key.startswith("x-"):
                continue
            child = _join(path, key)
            if key not in vocab.QUESTION_IDS:
                hint = _suggest(key, vocab.QUESTION_IDS) or (
                    f" (the questions: {', '.join(vocab.QUESTION_IDS)})"
                )
                self.problem(kn, "unknown-key", child, f"unknown question '{_show(key)}'{hint}")
                continue
            answer = self.answer(key, vn, child)
            if answer is not None:
                answers[key] = answer
        return answers or None

    def answer(self, question: str, node: yaml.Node, path: str) -> m.Answer | None:
        label = f"answer '{question}': "
        if isinstance(node, yaml.ScalarNode):
            if _is_null(node) or not node.value.strip():
                return None
            return m.Answer(question, text=node.value, path=path, span=_span(node))
        if isinstance(node, yaml.SequenceNode):
            if not node.value:
                return None
            self.problem(
                node,
                "type",
                path,
                f"{label}an answer is one text, or a mapping of segment ids to texts, not a list",
            )
            return None
        per_segment = {}
        for key, kn, vn in self.entries(node, path, label):
            child = _join(path, key)
            self.refs.append(("segment", key, kn, child, label))
            if not isinstance(vn, yaml.ScalarNode):
                if not _is_empty(vn):
                    self.problem(
                        vn,
                        "type",
                        child,
                        f"{label}the answer for segment '{_show(key)}' must be text, "
                        f"not {_kind_name(vn)}",
                    )
                continue
            if not _is_null(vn) and vn.value.strip():
                per_segment[key] = vn.value
        if not per_segment:
            return None
        return m.Answer(question, per_segment=per_segment, path=path, span=_span(node))

    def v_dimension_map(self, node, field, path, label, key_node):
        assert field.spec is not None
        if _is_empty(node):
            return None
        if not isinstance(node, yaml.MappingNode):
            self.problem(
                node,
                "type",
                path,
                f"dimensions must be a mapping of dimension ids "
                f"({', '.join(vocab.DIMENSION_IDS)}), not {_kind_name(node)}",
            )
            return None
        dimensions = {}
        for key, kn, vn in self.entries(node, path, label):
            if key.startswith("x-"):
                continue
            child = _join(path, key)
            if key not in vocab.DIMENSION_IDS:
                hint = _suggest(key, vocab.DIMENSION_IDS) or (
                    f" (the dimensions: {', '.join(vocab.DIMENSION_IDS)})"
                )
                self.problem(kn, "unknown-key", child, f"unknown dimension '{_show(key)}'{hint}")
                continue
            dim_label = f"dimension '{key}': "
            if key != "motivation" and isinstance(vn, yaml.MappingNode):
                for k, v in vn.value:
                    if (
                        isinstance(k, yaml.ScalarNode)
                        and k.value == "incentives"
                        and not (_is_empty(v))
                    ):
                        self.problem(
                            k,
                            "unknown-key",
                            _join(child, "incentives"),
                            f"{dim_label}incentives belong under the motivation dimension only",
                        )
            dim = self.object(vn, field.spec, child, dim_label, kn, extra={"id": key})
            if dim is not None:
                if key != "motivation" and dim.incentives:
                    dim = _replace(dim, incentives=())
                dimensions[key] = dim
        return dimensions or None

    # -- after the walk

    def check_references(self) -> None:
        by_kind: dict[str, list[str]] = {k: [] for k in _ID_KINDS}
        for item_id, (kind, _) in self.ids.items():
            by_kind.setdefault(kind, []).append(item_id)
        for kind, value, node, path, label in self.refs:
            if value in by_kind.get(kind, ()):
                continue
            if value in self.ids:
                other_kind, span = self.ids[value]
                message = (
                    f"{label}'{_show(value)}' is a {other_kind} (line {span.line}), not a {kind}"
                )
            else:
                known = by_kind.get(kind, [])
                hint = _suggest(value, known) or (
                    f" (the {kind}s: {', '.join(known)})"
                    if known
                    else f"; no {kind}s are defined yet"
                )
                message = f"{label}{kind} '{_show(value)}' does not exist{hint}"
            self.problem(node, "reference", path, message)


def _replace(obj: Any, **changes: Any) -> Any:
    import dataclasses

    return dataclasses.replace(obj, **changes)


def _join(path: str, key: str) -> str:
    return f"{path}.{key}" if path else key


def _last(path: str) -> str:
    return path.rsplit(".", 1)[-1] if path else "the canvas"


def _is_null(node: yaml.Node) -> bool:
    """A plain ``null``, ``~`` or nothing: YAML's empty value (a quoted "null" is text)."""
    return node.tag == _NULL and not getattr(node, "style", None)


def _is_empty(node: yaml.Node) -> bool:
    if isinstance(node, yaml.ScalarNode):
        return _is_null(node) or (node.style in ("'", '"') and node.value == "")
    return not node.value


def _item_id(item: yaml.Node) -> str | None:
    if isinstance(item, yaml.MappingNode):
        for k, v in item.value:
            if (
                isinstance(k, yaml.ScalarNode)
                and k.value == "id"
                and isinstance(v, yaml.ScalarNode)
                and v.value
                and _SLUG.match(v.value)
            ):
                return v.value
    return None


def _looks_numeric(text: str) -> bool:
    try:
        float(text.replace(",", "").replace("_", ""))
    except ValueError:
        return False
    return True


_constructor = yaml.constructor.SafeConstructor()


def _number(node: yaml.ScalarNode) -> int | float:
    if node.tag == _INT:
        return _constructor.construct_yaml_int(node)
    return _constructor.construct_yaml_float(node)
