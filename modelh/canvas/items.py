"""Lists and the method's maps of a canvas: texts, references, objects, answers, dimensions.

Items with an id are registered (an id is unique across the canvas) and
references are collected, to be checked once the whole canvas is walked.
"""

from __future__ import annotations

import dataclasses
from typing import Any

import yaml

from modelh.canvas import model as m
from modelh.canvas import specs
from modelh.canvas.values import SLUG
from modelh.canvas.walk import Walker
from modelh.canvas.yamlnodes import (
    NULLS,
    SPECIAL_PLAIN,
    is_empty,
    is_null,
    kind_name,
    one_text_hint,
    show,
)
from modelh.framework import vocab

#: Longer lists are refused: every item costs work in checks and pages in reports,
#: and a canvas's blocks hold a few dozen items at most.
MAX_ITEMS = 200


class ItemValues(Walker):
    """The walk's readers of lists and of the maps keyed by the method's ids."""

    def sequence(
        self, node: yaml.Node, field: specs.Key, path: str, label: str
    ) -> list[yaml.Node] | None:
        if is_empty(node):
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
            items: list[yaml.Node] = node.value
            return items
        if node.__class__ is yaml.ScalarNode:
            message = (
                f"{label}{field.name} must be a list, e.g. [{show(node.value)}] or one "
                "'- item' per line"
            )
        else:
            message = f"{label}{field.name} must be a list, not {kind_name(node)}"
        self.problem(node, "type", path, message)
        return None

    def v_text_list(
        self, node: yaml.Node, field: specs.Key, path: str, label: str, key_node: yaml.Node
    ) -> tuple[str, ...] | None:
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
                        f"{label}each item of {field.name} must be text, not {kind_name(item)}"
                        + one_text_hint(item),
                    )
            elif (item.style or item.value not in NULLS) and item.value.strip():
                if not item.style and item.value in SPECIAL_PLAIN:
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

    def v_text_or_list(
        self, node: yaml.Node, field: specs.Key, path: str, label: str, key_node: yaml.Node
    ) -> tuple[str, ...] | None:
        if node.__class__ is yaml.ScalarNode:
            text = self.scalar_text(node, field, path, label)
            return (text,) if text is not None else None
        return self.v_text_list(node, field, path, label, key_node)

    def v_ref_list(
        self, node: yaml.Node, field: specs.Key, path: str, label: str, key_node: yaml.Node
    ) -> tuple[str, ...] | None:
        items = self.sequence(node, field, path, label)
        if items is None:
            return None
        out = []
        for index, item in enumerate(items):
            item_path = f"{path}[{index}]"
            self.nodes[item_path] = item
            if is_empty(item) or (item.__class__ is yaml.ScalarNode and not item.value.strip()):
                continue  # an empty item is no item
            if item.__class__ is not yaml.ScalarNode:
                self.problem(
                    item,
                    "type",
                    item_path,
                    f"{label}each item of {field.name} must be a {field.ref} id, not "
                    f"{kind_name(item)}",
                )
                continue
            self.refs.append((field.ref or "", item.value, item, item_path, label))
            out.append(item.value)
        return tuple(out) or None

    def v_enum_list(
        self, node: yaml.Node, field: specs.Key, path: str, label: str, key_node: yaml.Node
    ) -> tuple[str, ...] | None:
        """A list of the key's choices (a system's dimensions)."""
        items = self.sequence(node, field, path, label)
        if items is None:
            return None
        out = []
        for index, item in enumerate(items):
            item_path = f"{path}[{index}]"
            self.nodes[item_path] = item
            if is_empty(item) or (item.__class__ is yaml.ScalarNode and not item.value.strip()):
                continue
            if item.__class__ is not yaml.ScalarNode:
                self.problem(
                    item,
                    "type",
                    item_path,
                    f"{label}each item of {field.name} must be one of "
                    f"{', '.join(field.choices)}, not {kind_name(item)}",
                )
                continue
            if item.value not in field.choices:
                self.problem(
                    item,
                    "enum",
                    item_path,
                    f"{label}'{show(item.value)}' in {field.name} is not one of "
                    f"{', '.join(field.choices)}{self.suggest(item.value, field.choices)}",
                )
                continue
            out.append(item.value)
        return tuple(out) or None

    def v_capability_map(
        self, node: yaml.Node, field: specs.Key, path: str, label: str, key_node: yaml.Node
    ) -> dict[str, dict[str, str]] | None:
        """Capability id -> office -> how far it reaches (bone-deep CX)."""
        capabilities: dict[str, dict[str, str]] = {}
        for capability, _, value_node, child in self.method_map(
            node, path, label, vocab.CX_CAPABILITY_IDS, "capability"
        ):
            if is_empty(value_node):
                continue
            cap_label = f"capability '{capability}': "
            if value_node.__class__ is not yaml.MappingNode:
                self.problem(
                    value_node,
                    "type",
                    child,
                    f"{cap_label}write how far it reaches into each office, e.g. "
                    "{front: established, middle: partial, back: absent}, not "
                    f"{kind_name(value_node)}",
                )
                continue
            offices: dict[str, str] = {}
            for office, office_key, reach_node in self.entries(value_node, child, cap_label):
                where = f"{child}.{office}"
                if office.startswith("x-"):
                    self.scan_extension(reach_node, where)
                    continue
                if office not in vocab.OFFICES:
                    hint = self.suggest(office, vocab.OFFICES) or (
                        f" (the offices: {', '.join(vocab.OFFICES)})"
                    )
                    self.problem(
                        office_key,
                        "unknown-key",
                        where,
                        f"{cap_label}unknown office '{show(office)}'{hint}",
                    )
                    continue
                reach = self.handlers[specs.ENUM](
                    reach_node,
                    specs.Key(office, specs.ENUM, "", choices=field.choices),
                    where,
                    cap_label,
                    office_key,
                )
                if isinstance(reach, str):
                    offices[office] = reach
            if offices:
                capabilities[capability] = offices
        return capabilities or None

    def v_segment_mix(
        self, node: yaml.Node, field: specs.Key, path: str, label: str, key_node: yaml.Node
    ) -> tuple[str, ...] | dict[str, str] | None:
        """A list of segment ids, or the mix: a mapping of segment ids to degrees."""
        if node.__class__ is not yaml.MappingNode or is_empty(node):
            return self.v_ref_list(node, field, path, label, key_node)
        mix: dict[str, str] = {}
        for key, key_node_, value_node in self.entries(node, path, label):
            child = f"{path}.{key}"  # every key is a segment id ("x-ray" may be one)
            self.refs.append((field.ref or "", key, key_node_, child, label))
            if value_node.__class__ is not yaml.ScalarNode:
                if value_node.value:
                    self.problem(
                        value_node,
                        "type",
                        child,
                        f"{label}the degree for segment '{show(key)}' must be one of "
                        f"{', '.join(field.choices)}, not {kind_name(value_node)}",
                    )
                continue
            degree = self.scalar_text(value_node, field, child, label)
            if degree is None:
                continue  # no degree written: not answered yet
            if degree not in field.choices:
                self.problem(
                    value_node,
                    "enum",
                    child,
                    f"{label}degree '{show(degree)}' for segment '{show(key)}' is not one "
                    f"of {', '.join(field.choices)}{self.suggest(degree, field.choices)}",
                )
                continue
            mix[key] = degree
        return mix or None

    def v_object_list(
        self, node: yaml.Node, field: specs.Key, path: str, label: str, key_node: yaml.Node
    ) -> tuple[Any, ...] | None:
        spec = field.object_spec
        id_required = "id" in {k.name for k in spec.required}
        items = self.sequence(node, field, path, label)
        if items is None:
            return None
        out = []
        for index, item in enumerate(items):
            item_id = _item_id(item)
            named = item_id is not None and item_id not in self.ids  # a repeated id: by index
            item_path = f"{path}[{item_id}]" if named else f"{path}[{index}]"
            self.nodes[item_path] = item
            if is_empty(item):
                continue  # an empty item ('-' alone, or {}) is no item
            if item.__class__ is not yaml.MappingNode:
                self.problem(
                    item,
                    "type",
                    item_path,
                    f"{label}each item of {field.name} must be a mapping"
                    + (" with an id" if id_required else "")
                    + f", not {kind_name(item)}",
                )
                continue
            item_label = label + (
                f"{spec.noun} '{item_id}': " if item_id else f"{field.name}[{index}]: "
            )
            obj = self.object(item, spec, item_path, item_label, item)
            if obj is None:
                continue
            if obj.__class__ is m.Measure:
                obj = self.check_indicator(obj, item, item_label)
            if obj.id is None or self.register_id(
                obj.id, spec.id_kind or spec.noun, item_path, item_label
            ):
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

    def v_item_list(
        self, node: yaml.Node, field: specs.Key, path: str, label: str, key_node: yaml.Node
    ) -> tuple[m.BlockItem, ...] | None:
        items = self.sequence(node, field, path, label)
        if items is None:
            return None
        out = []
        for index, item in enumerate(items):
            item_path = f"{path}[{index}]"
            self.nodes[item_path] = item
            if item.__class__ is yaml.ScalarNode:
                if (
                    not is_null(item)
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
                        f"'text' and 'segments', not {kind_name(item)}",
                    )
                continue
            obj = self.object(item, field.object_spec, item_path, f"{field.name}[{index}]: ", item)
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
        if is_empty(node):
            return []
        if node.__class__ is not yaml.MappingNode:
            self.problem(
                node,
                "type",
                path,
                f"{what}s must be a mapping of {what} ids "
                f"({', '.join(ids)}), not {kind_name(node)}",
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
                self.problem(key_node, "unknown-key", child, f"unknown {what} '{show(key)}'{hint}")
        return known

    def v_answer_map(
        self, node: yaml.Node, field: specs.Key, path: str, label: str, key_node: yaml.Node
    ) -> dict[str, m.Answer] | None:
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
            if is_null(node) or not node.value.strip() or self.special(node, path, label):
                return None
            return m.Answer(question, text=node.value, path=path, span=self.span(node))
        if node.__class__ is not yaml.MappingNode:  # a list
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
                        f"{label}the answer for segment '{show(key)}' must be text, "
                        f"not {kind_name(value_node)}",
                    )
                continue
            if (
                not is_null(value_node)
                and value_node.value.strip()
                and not self.special(value_node, child, label)
            ):
                per_segment[key] = value_node.value
        if not per_segment:
            return None
        return m.Answer(question, per_segment=per_segment, path=path, span=self.span(node))

    def v_dimension_map(
        self, node: yaml.Node, field: specs.Key, path: str, label: str, key_node: yaml.Node
    ) -> dict[str, m.DimensionUse] | None:
        spec = field.object_spec
        dimensions = {}
        for key, key_node_, value_node, child in self.method_map(
            node, path, label, vocab.DIMENSION_IDS, "dimension"
        ):
            dim_label = f"dimension '{key}': "
            dim = self.object(value_node, spec, child, dim_label, key_node_, extra={"id": key})
            if dim is None or (
                not dim.mix and all(getattr(dim, k.name) in (None, ()) for k in spec.keys)
            ):
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


def _item_id(item: yaml.Node) -> str | None:
    if item.__class__ is yaml.MappingNode:
        for k, v in item.value:
            if (
                k.__class__ is yaml.ScalarNode
                and k.value == "id"
                and v.__class__ is yaml.ScalarNode
                and SLUG.match(v.value)
            ):
                item_id: str = v.value
                return item_id
    return None
