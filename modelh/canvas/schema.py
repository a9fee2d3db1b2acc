"""The canvas format as a JSON Schema (draft 2020-12), generated from ``model``'s specs.

The loader is the real validator (it knows positions, references, unique ids
and duplicate keys); the schema serves editors through yaml-language-server
and other tools. It is generated from the same specs the loader walks, so it
never flags a file the loader accepts: wherever the loader keeps raw text, the
schema also accepts what a generic YAML reader makes of that text (``1.10`` read
as a number, ``no`` as a boolean, a date as a date string).

The generated schema is committed as ``modelh/data/canvas.schema.json``; a test
keeps the two in step (``make schema`` rewrites the file).
"""

from __future__ import annotations

import json
from importlib import resources
from typing import Any

from modelh.canvas import specs
from modelh.framework import vocab

SCHEMA_ID = "urn:modelh:canvas:v1"
SCHEMA_RESOURCE = "canvas.schema.json"

_EMPTY = {"$ref": "#/$defs/empty"}
_SCALAR = {"type": ["string", "number", "boolean"]}


def _or_empty(schema: dict[str, Any]) -> dict[str, Any]:
    return {"anyOf": [schema, _EMPTY]}


def _key_schema(key: specs.Key) -> dict[str, Any]:
    kind = key.kind
    if kind in (specs.TEXT, specs.RELATIVE_PATH):
        body: dict[str, Any] = {"$ref": "#/$defs/text"}
    elif kind == specs.ENUM:
        body = {"enum": list(key.choices)}
    elif kind == specs.NUMBER:
        # a YAML 1.1 reader keeps 7e2 as text; the loader reads it as a number
        body = {
            "anyOf": [
                {"type": "number"},
                {
                    "type": "string",
                    "pattern": r"^[-+]?(\.[0-9]+|[0-9][0-9_]*(\.[0-9_]*)?)([eE][-+]?[0-9]+)?$",
                },
            ]
        }
    elif kind == specs.SLUG:
        body = {"$ref": "#/$defs/id"}
    elif kind == specs.DATE:
        body = {"type": "string", "pattern": r"^\d{4}-\d{2}-\d{2}$"}
    elif kind == specs.PERIOD:
        body = {
            "anyOf": [
                {"type": "string", "pattern": r"^\d{4}(-(0[1-9]|1[0-2])(-\d{2})?|-Q[1-4])?$"},
                {"type": "integer"},
            ]
        }
    elif kind == specs.COLOR:
        body = {"type": "string", "pattern": r"^#([0-9a-fA-F]{3}|[0-9a-fA-F]{6})$"}
    elif kind == specs.FORMAT_VERSION:
        return {"enum": [vocab.FORMAT_VERSION, str(vocab.FORMAT_VERSION)], "description": key.doc}
    elif kind == specs.TEXT_LIST:
        body = {"type": "array", "items": {"anyOf": [{"$ref": "#/$defs/text"}, _EMPTY]}}
    elif kind == specs.TEXT_OR_LIST:
        body = {
            "anyOf": [
                {"$ref": "#/$defs/text"},
                {"type": "array", "items": {"anyOf": [{"$ref": "#/$defs/text"}, _EMPTY]}},
            ]
        }
    elif kind == specs.REF_LIST:
        body = {"type": "array", "items": {"anyOf": [{"$ref": "#/$defs/id"}, _EMPTY]}}
    elif kind == specs.REF:
        body = {"$ref": "#/$defs/id"}
    elif kind == specs.ENUM_LIST:
        body = {"type": "array", "items": {"anyOf": [{"enum": list(key.choices)}, _EMPTY]}}
    elif kind == specs.BOOLEAN:
        body = {"type": "boolean"}
    elif kind == specs.DURATION:
        body = {"type": "string", "pattern": r"^[0-9]+(\.[0-9]+)? (minute|hour|day|week)s?$"}
    elif kind == specs.CAPABILITY_MAP:
        reach = _or_empty({"enum": list(key.choices)})
        offices = _or_empty(
            {
                "type": "object",
                "properties": {office: reach for office in vocab.OFFICES},
                "patternProperties": {"^x-": {}},
                "additionalProperties": False,
            }
        )
        body = {
            "type": "object",
            "properties": {cap: offices for cap in vocab.CX_CAPABILITY_IDS},
            "patternProperties": {"^x-": {}},
            "additionalProperties": False,
        }
    elif kind == specs.SEGMENT_MIX:
        body = {
            "anyOf": [
                {"type": "array", "items": {"anyOf": [{"$ref": "#/$defs/id"}, _EMPTY]}},
                {
                    "type": "object",
                    "additionalProperties": {"anyOf": [{"enum": list(key.choices)}, _EMPTY]},
                },
            ]
        }
    elif kind == specs.OBJECT:
        assert key.spec is not None
        body = {"$ref": f"#/$defs/{_def_name(key.spec)}"}
    elif kind == specs.OBJECT_LIST:
        assert key.spec is not None
        body = {
            "type": "array",
            "items": {"anyOf": [{"$ref": f"#/$defs/{_def_name(key.spec)}"}, _EMPTY]},
        }
    elif kind == specs.ITEM_LIST:
        body = {"type": "array", "items": {"$ref": "#/$defs/item"}}
    elif kind == specs.ANSWER_MAP:
        body = {"$ref": "#/$defs/answers"}
    elif kind == specs.DIMENSION_MAP:
        body = {"$ref": "#/$defs/dimensions"}
    else:  # pragma: no cover - a new kind must be taught here
        raise AssertionError(f"no schema for kind {kind}")
    schema = body if key.required else _or_empty(body)
    return {**schema, "description": key.doc}


def _def_name(spec: specs.ObjectSpec) -> str:
    return spec.cls.__name__


def _object_schema(spec: specs.ObjectSpec, drop: tuple[str, ...] = ()) -> dict[str, Any]:
    properties = {}
    for key in spec.keys:
        if key.name in drop:
            properties[key.name] = {
                "anyOf": [_EMPTY, {"type": "array", "items": _EMPTY}],
                "description": "Not used here.",
            }
        else:
            properties[key.name] = _key_schema(key)
    out: dict[str, Any] = {
        "type": "object",
        "description": spec.doc,
        "properties": properties,
        "patternProperties": {"^x-": {}},
        "additionalProperties": False,
    }
    required = [k.name for k in spec.keys if k.required]
    if required:
        out["required"] = required
    return out


def build_schema() -> dict[str, Any]:
    """The JSON Schema of canvas format version 1, as a dict."""
    defs: dict[str, Any] = {
        "empty": {
            "description": "An empty value: not answered yet.",
            "anyOf": [
                {"type": "null"},
                {"type": "string", "pattern": "^\\s*$"},
                {"type": "array", "maxItems": 0},
                {"type": "object", "maxProperties": 0},
            ],
        },
        "text": {
            "description": "Text, kept as written (a generic YAML reader may see a number, "
            "a boolean or a date).",
            **_SCALAR,
        },
        "id": {
            "description": "An id: lowercase letters, digits and hyphens.",
            "anyOf": [
                {"type": "string", "pattern": "^[a-z0-9-]+$"},
                {"type": ["number", "boolean"]},
            ],
        },
        "item": {
            "description": specs.BLOCK_ITEM_SPEC.doc,
            "anyOf": [{"$ref": "#/$defs/text"}, _EMPTY, _object_schema(specs.BLOCK_ITEM_SPEC)],
        },
        "answer": {
            "description": "One text, or one text per segment id.",
            "anyOf": [
                {"$ref": "#/$defs/text"},
                _EMPTY,
                {
                    "type": "object",
                    "additionalProperties": {"anyOf": [{"$ref": "#/$defs/text"}, _EMPTY]},
                },
            ],
        },
        "answers": {
            "type": "object",
            "description": "The eight questions, by id.",
            "properties": {q: {"$ref": "#/$defs/answer"} for q in vocab.QUESTION_IDS},
            "patternProperties": {"^x-": {}},
            "additionalProperties": False,
        },
        "dimensions": {
            "type": "object",
            "description": "The seven dimensions, by id; a missing one is not considered yet.",
            "properties": {
                d: _or_empty(
                    {"$ref": "#/$defs/" + ("Motivation" if d == "motivation" else "DimensionUse")}
                )
                for d in vocab.DIMENSION_IDS
            },
            "patternProperties": {"^x-": {}},
            "additionalProperties": False,
        },
        "DimensionUse": _object_schema(specs.DIMENSION_SPEC, drop=("incentives",)),
        "Motivation": _object_schema(specs.DIMENSION_SPEC),
    }
    for spec in (
        specs.CANVAS_INFO_SPEC,
        specs.BRANDING_SPEC,
        specs.SEGMENT_SPEC,
        specs.VALUE_PROPOSITION_SPEC,
        specs.CHANNEL_SPEC,
        specs.MEASURE_SPEC,
        specs.CUSTOMER_RELATIONSHIPS_SPEC,
        specs.JOURNEY_SPEC,
        specs.JOURNEY_TIME_SPEC,
        specs.TOUCH_SPEC,
        specs.CX_SPEC,
        specs.SYSTEM_SPEC,
    ):
        defs[_def_name(spec)] = _object_schema(spec)
    top = _object_schema(specs.CANVAS_SPEC)
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        "title": "modelH canvas, format version 1",
        **top,
        "$defs": dict(sorted(defs.items())),
    }


def schema_text() -> str:
    """The generated schema as the JSON text that is committed and shipped."""
    return json.dumps(build_schema(), indent=2, ensure_ascii=False) + "\n"


def shipped_schema_text() -> str:
    """The schema file shipped inside the package."""
    return resources.files("modelh.data").joinpath(SCHEMA_RESOURCE).read_text("utf-8")
