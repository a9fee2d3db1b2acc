"""The walk of a canvas's keys and references: composed nodes against the specs.

``Walker`` holds what the walk collects (problems, the nodes of every path, the
ids and the references to check at the end), walks mappings and objects and
reads a scalar's text; the values of each kind are read by ``values`` (scalars)
and ``items`` (lists and the method's maps), whose classes the loader joins into
one walker. Each reader is a ``v_<kind>`` method of the ``Reader`` signature.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

import yaml

from modelh.canvas import model as m
from modelh.canvas import specs
from modelh.canvas.spans import Span, SpanIndex
from modelh.canvas.yamlnodes import (
    NULLS,
    SPECIAL_PLAIN,
    Remap,
    has_odd_breaks,
    is_empty,
    kind_name,
    line_col,
    node_problem,
    one_text_hint,
    show,
)
from modelh.errors import Problem

_ID_KINDS = ("segment", "value proposition", "channel", "measure", "journey", "touch", "system")

#: A reader of one kind of value (a walker's ``v_<kind>`` method): (value node, its
#: key's spec, path, label, key node) -> the value, or None when it is empty or
#: cannot be read (then a problem is reported).
Reader = Callable[[yaml.Node, specs.Key, str, str, yaml.Node], object]


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    """``; did you mean 'x'?`` for the choice nearest ``word``, or nothing."""
    import difflib  # only when something is misspelt

    by_lower = {str(c).lower(): c for c in choices}
    close = difflib.get_close_matches(word.lower(), list(by_lower), n=1, cutoff=0.6)
    return f"; did you mean '{by_lower[close[0]]}'?" if close else ""


class Walker:
    """Walks composed nodes against the specs, collecting problems and places."""

    def __init__(self, file: str, text: str) -> None:
        self.file = file
        self.text = text
        self.problems: list[Problem] = []
        self.touched: set[str] = set()  # paths with a problem at or below them
        self.suggestions = 0
        self.odd = has_odd_breaks(text)
        self.nodes: dict[str, yaml.Node] = {}
        self.key_nodes: dict[str, yaml.Node] = {}
        self.ids: dict[str, tuple[str, int]] = {}  # id -> (kind, line)
        self.refs: list[tuple[str, str, yaml.Node, str, str]] = []
        self.handlers: dict[str, Reader] = {
            kind: getattr(self, "v_" + kind.replace("-", "_"))
            for kind in (
                specs.TEXT,
                specs.TEXT_OR_LIST,
                specs.TEXT_LIST,
                specs.ENUM,
                specs.NUMBER,
                specs.SLUG,
                specs.DATE,
                specs.PERIOD,
                specs.COLOR,
                specs.RELATIVE_PATH,
                specs.FORMAT_VERSION,
                specs.REF_LIST,
                specs.REF,
                specs.ENUM_LIST,
                specs.BOOLEAN,
                specs.DURATION,
                specs.CAPABILITY_MAP,
                specs.SEGMENT_MIX,
                specs.OBJECT,
                specs.OBJECT_LIST,
                specs.ITEM_LIST,
                specs.ANSWER_MAP,
                specs.DIMENSION_MAP,
            )
        }

    def problem(self, node: yaml.Node, kind: str, path: str, message: str) -> None:
        self.problems.append(
            node_problem(self.file, node, kind, path, message, self.text if self.odd else None)
        )
        while path:  # a problem at a path also covers its parents (see `missing`)
            self.touched.add(path)
            cut = max(path.rfind("."), path.rfind("["))
            path = path[:cut] if cut > 0 else ""

    def span(self, node: yaml.Node) -> Span:
        if self.odd:
            return Span(
                *line_col(self.text, node.start_mark.index),
                *line_col(self.text, node.end_mark.index),
            )
        s, e = node.start_mark, node.end_mark
        return Span(s.line + 1, s.column + 1, e.line + 1, e.column + 1)

    def special(self, node: yaml.ScalarNode, path: str, label: str) -> bool:
        """Report a bare ``=`` or ``<<``: YAML 1.1 readers give them a meaning of their own."""
        if node.style or node.value not in SPECIAL_PLAIN:
            return False
        self.problem(
            node,
            "value",
            path,
            f"{label}'{node.value}' must be quoted: some YAML "
            f"readers give a bare {node.value} a special meaning",
        )
        return True

    def scalar_text(self, node: yaml.Node, field: specs.Key, path: str, label: str) -> str | None:
        """The text of a scalar, or None when empty or not text (then reported); the
        readers of scalars and of lists (``values``, ``items``) both use it."""
        if node.__class__ is not yaml.ScalarNode:
            if not node.value:
                return None
            self.problem(
                node,
                "type",
                path,
                f"{label}{field.name} must be text, not {kind_name(node)}" + one_text_hint(node),
            )
            return None
        value = node.value
        if not node.style:
            if value in NULLS:
                return None
            if value in SPECIAL_PLAIN:
                self.problem(
                    node,
                    "value",
                    path,
                    f"{label}{field.name} '{value}' must be quoted: some YAML readers "
                    f"give a bare {value} a special meaning",
                )
                return None
        return value if value.strip() else None

    def suggest(self, word: str, choices: Iterable[str]) -> str:
        """A did-you-mean, while they are few enough to be cheap and useful."""
        self.suggestions += 1
        return did_you_mean(word, choices) if self.suggestions <= 50 else ""

    # -- top level

    def canvas(self, root: yaml.Node) -> m.Canvas | None:
        if not isinstance(root, yaml.MappingNode):
            self.problem(
                root,
                "type",
                "",
                f"a canvas is a mapping of keys starting with 'modelh: 1', not {kind_name(root)}",
            )
            return None
        self.nodes[""] = root
        keys = {k.value for k, _ in root.value if isinstance(k, yaml.ScalarNode)}
        if "modelh" not in keys and not keys & set(specs.CANVAS_SPEC.by_name):
            self.problem(
                root,
                "missing-key",
                "modelh",
                "this YAML file is not a canvas: it has no 'modelh: 1' line and none "
                "of a canvas's keys",
            )
            return None
        values, extensions = self.mapping(root, specs.CANVAS_SPEC, "", "", None)
        self.check_references()
        if self.problems or "canvas" not in values or "modelh" not in values:
            return None
        cx = values.get("cx")
        if cx is not None and not (cx.capabilities or cx.systems):
            del values["cx"]  # every key empty: not assessed yet, as if absent
        return m.Canvas(
            file=self.file,
            extensions=tuple(extensions),
            spans=SpanIndex(self.nodes, Remap(self.text) if self.odd else None),
            key_spans=SpanIndex(self.key_nodes, Remap(self.text) if self.odd else None),
            span=self.span(root),
            **values,
        )

    # -- mappings

    def entries(
        self, node: yaml.MappingNode, path: str, label: str
    ) -> list[tuple[str, yaml.Node, yaml.Node]]:
        """The mapping's (key, key node, value node) triples; duplicates reported."""
        seen: dict[str, yaml.Node] = {}
        out: list[tuple[str, yaml.Node, yaml.Node]] = []
        prefix = path + "." if path else ""
        for key_node, value_node in node.value:
            if key_node.__class__ is not yaml.ScalarNode:
                self.problem(
                    key_node,
                    "type",
                    path,
                    f"{label}a key must be a plain name, not {kind_name(key_node)}",
                )
                continue
            key = key_node.value
            if key in seen:
                first = seen[key].start_mark.line + 1
                self.problem(
                    key_node,
                    "duplicate-key",
                    prefix + key,
                    f"{label}key '{show(key)}' is written twice (first at line {first}); keep one",
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
        spec: specs.ObjectSpec,
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
                            f"a key must be a plain name, not {kind_name(key_node)}",
                        )
                    else:
                        key = key_node.value
                        if key in seen:
                            first = seen[key].start_mark.line + 1
                            self.problem(
                                key_node,
                                "duplicate-key",
                                f"{where}.{key}",
                                f"key '{show(key)}' is written twice (first at line "
                                f"{first}); keep one",
                            )
                        seen[key] = key_node
                        stack.append((value_node, f"{where}.{key}"))
            elif current.__class__ is yaml.SequenceNode:
                stack.extend((item, f"{where}[{i}]") for i, item in enumerate(current.value))

    def unknown_key(
        self, key: str, key_node: yaml.Node, spec: specs.ObjectSpec, path: str, label: str
    ) -> None:
        names = list(spec.names())
        if spec is specs.DIMENSION_SPEC and not path.endswith(".motivation." + key):
            names.remove("incentives")
        where = f" in {spec.noun}" if not label else ""
        home = next(
            (
                k.name
                for k in spec.keys
                if k.spec is not None and k.kind == specs.OBJECT and key in k.spec.by_name
            ),
            None,
        )
        hint = (
            (f"; it belongs under '{home}'" if home else "")
            or self.suggest(key, names)
            or (f" (allowed: {', '.join(names)}; extensions start with 'x-')")
        )
        self.problem(
            key_node, "unknown-key", path, f"{label}unknown key '{show(key)}'{where}{hint}"
        )

    def missing(
        self,
        node: yaml.MappingNode,
        field: specs.Key,
        child: str,
        label: str,
        parent_key: yaml.Node | None,
        spec: specs.ObjectSpec,
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
        spec: specs.ObjectSpec,
        path: str,
        label: str,
        key_node: yaml.Node | None,
        extra: dict[str, Any] | None = None,
    ) -> Any:
        if is_empty(node):
            return None
        if node.__class__ is not yaml.MappingNode:
            name = path.rsplit(".", 1)[-1] if path else "the canvas"
            self.problem(
                node,
                "type",
                path,
                f"{label}{name} must be a mapping of keys, not {kind_name(node)}",
            )
            return None
        values, _ = self.mapping(node, spec, path, label, key_node)
        for field in spec.required:
            if field.name not in values:
                return None
        if extra:
            values.update(extra)
        return spec.cls(path=path, span=self.span(node), **values)

    def v_object(
        self, node: yaml.Node, field: specs.Key, path: str, label: str, key_node: yaml.Node
    ) -> Any:
        return self.object(node, field.object_spec, path, label, key_node)

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
                message = f"{label}'{show(value)}' is a {other_kind} (line {line}), not a {kind}"
            else:
                known = by_kind.get(kind, [])
                shown = ", ".join(known[:10]) + (", ..." if len(known) > 10 else "")
                hint = self.suggest(value, known) or (
                    f" (the {kind}s: {shown})" if known else f"; no {kind}s are defined yet"
                )
                message = f"{label}{kind} '{show(value)}' does not exist{hint}"
            self.problem(node, "reference", path, message)
