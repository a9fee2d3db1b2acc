"""The format's shape, written once: each mapping of a canvas, its keys, their
kinds and allowed values, and the dataclass of ``model`` it becomes.

The loader walks a file with these specs and the JSON Schema is generated from
them, so the two cannot drift apart.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import NamedTuple

from modelh.canvas.model import (
    CX,
    BlockItem,
    Branding,
    Canvas,
    CanvasInfo,
    Channel,
    CustomerRelationships,
    DimensionUse,
    Journey,
    JourneyTime,
    Measure,
    Segment,
    System,
    Touch,
    ValueProposition,
)
from modelh.framework import vocab

# Kinds of value a key can hold.
TEXT = "text"  # any scalar, kept as written
TEXT_OR_LIST = "text-or-list"  # a text or a list of texts (prepared_by)
TEXT_LIST = "text-list"
ENUM = "enum"
NUMBER = "number"
SLUG = "slug"  # an id
DATE = "date"  # YYYY-MM-DD
PERIOD = "period"  # YYYY, YYYY-MM, YYYY-MM-DD or YYYY-Qn
COLOR = "color"
RELATIVE_PATH = "relative-path"
FORMAT_VERSION = "format-version"
REF_LIST = "ref-list"  # a list of ids of ``ref``
REF = "ref"  # one id of ``ref``
ENUM_LIST = "enum-list"  # a list of ``choices``
BOOLEAN = "boolean"  # true or false
DURATION = "duration"  # "2 days", "90 minutes"
CAPABILITY_MAP = "capability-map"  # capability id -> office -> reach
SEGMENT_MIX = "segment-mix"  # a list of segment ids, or segment id -> degree (``choices``)
OBJECT = "object"
OBJECT_LIST = "object-list"
ITEM_LIST = "item-list"  # a list of texts or {text, segments}
ANSWER_MAP = "answer-map"
DIMENSION_MAP = "dimension-map"


class Key(NamedTuple):
    """One key of a mapping in the format."""

    name: str
    kind: str
    doc: str
    required: bool = False
    choices: tuple[str, ...] = ()
    ref: str | None = None
    spec: ObjectSpec | None = None

    @property
    def object_spec(self) -> ObjectSpec:
        """The spec of the mapping(s) this key holds (object, object-list, item-list and
        dimension-map keys have one)."""
        if self.spec is None:
            raise TypeError(f"key '{self.name}' ({self.kind}) holds no mappings")
        return self.spec


class ObjectSpec:
    """A mapping of the format: its keys, and the dataclass it becomes."""

    __slots__ = ("by_name", "cls", "doc", "id_kind", "keys", "noun", "required")

    def __init__(
        self, noun: str, cls: type, keys: tuple[Key, ...], doc: str, id_kind: str | None = None
    ) -> None:
        self.noun = noun  # how messages name one: "segment", "measure"
        self.cls = cls
        self.keys = keys
        self.doc = doc
        self.id_kind = id_kind  # items carry an ``id`` registered under this kind
        self.by_name: Mapping[str, Key] = {k.name: k for k in keys}
        self.required = tuple(k for k in keys if k.required)

    def names(self) -> Iterator[str]:
        return (k.name for k in self.keys)


BRANDING_SPEC = ObjectSpec(
    "branding",
    Branding,
    (
        Key("logo", RELATIVE_PATH, "Logo image, a path relative to the canvas file's folder."),
        Key("color", COLOR, 'Accent colour for reports, "#rrggbb" (quote it: # starts a comment).'),
    ),
    "Logo and colour used by the reports.",
)

CANVAS_INFO_SPEC = ObjectSpec(
    "canvas",
    CanvasInfo,
    (
        Key("title", TEXT, "The business model's name.", required=True),
        Key("organization", TEXT, "The client organisation.", required=True),
        Key("prepared_by", TEXT_OR_LIST, "Consultants who prepared the canvas."),
        Key("prepared_for", TEXT, "The audience, e.g. the executive leadership team."),
        Key("date", DATE, "Date of this version, YYYY-MM-DD."),
        Key("version", TEXT, 'Version label, e.g. "0.4" (kept as written).'),
        Key("status", ENUM, "How far the canvas is.", choices=vocab.CANVAS_STATUSES),
        Key(
            "kind",
            ENUM,
            "Whose model this is: a health plan's, a provider's, a digital health company's.",
            choices=vocab.CANVAS_KINDS,
        ),
        Key("confidentiality", TEXT, "Confidentiality line printed on every report page."),
        Key("branding", OBJECT, "Logo and colour for the reports.", spec=BRANDING_SPEC),
    ),
    "What the canvas is, for whom, and how far along it is.",
)

SEGMENT_SPEC = ObjectSpec(
    "segment",
    Segment,
    (
        Key("id", SLUG, "Unique id: lowercase letters, digits and hyphens.", required=True),
        Key("name", TEXT, "The segment's name."),
        Key(
            "role",
            ENUM,
            "Buyer (pays), user (receives care or service), or both.",
            choices=vocab.SEGMENT_ROLES,
        ),
        Key("description", TEXT, "Who they are and what they value."),
        Key("stage", ENUM, "Value-chain stage today.", choices=vocab.STAGE_IDS),
        Key("target_stage", ENUM, "Value-chain stage the model aims for.", choices=vocab.STAGE_IDS),
        Key("preferences", TEXT_LIST, "Preferences captured and honoured for this segment."),
        Key("kind", ENUM, "What sort of customer they are.", choices=vocab.SEGMENT_KINDS),
        Key("jobs", TEXT_LIST, "The jobs-to-be-done the model serves for them."),
        Key("trajectory", TEXT, "Where they are heading in the healthcare ecosystem."),
        Key("destination", TEXT, "Where the model means them to end up."),
    ),
    "A customer segment (the Customer Segments block).",
    id_kind="segment",
)

VALUE_PROPOSITION_SPEC = ObjectSpec(
    "value proposition",
    ValueProposition,
    (
        Key("id", SLUG, "Unique id: lowercase letters, digits and hyphens.", required=True),
        Key("name", TEXT, "The value proposition's name."),
        Key("segments", REF_LIST, "Segment ids it is built for.", ref="segment"),
        Key("description", TEXT, "What it offers and why it matters to them."),
    ),
    "A value proposition (the Value Propositions block).",
    id_kind="value proposition",
)

CHANNEL_SPEC = ObjectSpec(
    "channel",
    Channel,
    (
        Key("id", SLUG, "Unique id: lowercase letters, digits and hyphens.", required=True),
        Key("name", TEXT, "The channel's name."),
        Key("kind", ENUM, "What sort of channel it is.", choices=vocab.CHANNEL_KINDS),
        Key("description", TEXT, "What the channel is used for."),
    ),
    "A channel (the Channels block).",
    id_kind="channel",
)

BLOCK_ITEM_SPEC = ObjectSpec(
    "item",
    BlockItem,
    (
        Key("text", TEXT, "The item."),
        Key("segments", REF_LIST, "Segment ids the item concerns.", ref="segment"),
    ),
    "An item of a plain block: a text, or a text with the segments it concerns.",
)

DIMENSION_SPEC = ObjectSpec(
    "dimension",
    DimensionUse,
    (
        Key("use", ENUM, "How the model uses the dimension.", choices=vocab.DIMENSION_USES),
        Key("reason", TEXT, "Why the dimension is not used (with use: none)."),
        Key(
            "segments",
            SEGMENT_MIX,
            "Segment ids it serves (empty means every segment), or the mix: segment id -> "
            "degree, a segment left out at none.",
            choices=vocab.DIMENSION_USES,
            ref="segment",
        ),
        Key("approach", TEXT, "What the model does in this dimension."),
        Key("channels", REF_LIST, "Channel ids: the customers' preferred channels.", ref="channel"),
        Key("message", TEXT, "The message the customers prefer."),
        Key("emotional_support", TEXT, "The emotional support it gives."),
        Key("physical_comfort", TEXT, "The physical comfort it gives."),
        Key("measures", REF_LIST, "Measure ids that track it.", ref="measure"),
        Key("owner", TEXT, "Who is accountable for it."),
        Key(
            "incentives",
            TEXT_LIST,
            "Motivation only: who rewards what, and how the reward can be used.",
        ),
    ),
    "How the model uses one relationship dimension.",
)

MEASURE_SPEC = ObjectSpec(
    "measure",
    Measure,
    (
        Key("id", SLUG, "Unique id: lowercase letters, digits and hyphens.", required=True),
        Key("name", TEXT, "What is measured."),
        Key("domain", ENUM, "Measurement domain.", choices=vocab.DOMAIN_IDS),
        Key(
            "indicator",
            ENUM,
            "An indicator id from the catalog, of the measure's domain.",
            choices=tuple(i for ids in vocab.INDICATOR_IDS.values() for i in ids),
        ),
        Key(
            "tracks",
            ENUM,
            "What the measure tells about: revenue, cost, health, ...",
            choices=vocab.MEASURE_TRACKS,
        ),
        Key("unit", TEXT, 'Unit of the numbers, e.g. "%", "points", "USD PMPM".'),
        Key("direction", ENUM, "Which way is better.", choices=vocab.MEASURE_DIRECTIONS),
        Key("baseline", NUMBER, "Value when tracking started."),
        Key("current", NUMBER, "Latest value."),
        Key("target", NUMBER, "Value aimed for."),
        Key("due", PERIOD, 'When the target is due: "2027", "2027-12", "2027-Q4", "2027-12-31".'),
        Key("owner", TEXT, "Who is accountable for it."),
        Key(
            "status",
            ENUM,
            "active (default), pending-leadership or retired.",
            choices=vocab.MEASURE_STATUSES,
        ),
        Key("segments", REF_LIST, "Segment ids it measures (empty: every segment).", ref="segment"),
        Key("channel", REF, "A channel id, for by-channel indicators.", ref="channel"),
        Key("headline", BOOLEAN, "true: shown on the executive summary (at most five)."),
    ),
    "A measure of relationship success.",
    id_kind="measure",
)

_DURATION_DOC = 'a number, a space and a unit: "2 days", "1.5 hours", "90 minutes".'

JOURNEY_TIME_SPEC = ObjectSpec(
    "journey time",
    JourneyTime,
    (
        Key("baseline", DURATION, "Journey time when work on it started: " + _DURATION_DOC),
        Key("current", DURATION, "Journey time today."),
        Key("target", DURATION, "Journey time aimed for."),
        Key("due", PERIOD, 'When the target is due: "2027", "2027-06", "2027-Q2", "2027-06-30".'),
    ),
    "How long one journey takes the customer, end to end.",
)

TOUCH_SPEC = ObjectSpec(
    "touch",
    Touch,
    (
        Key("id", SLUG, "Optional id: lowercase letters, digits and hyphens."),
        Key("name", TEXT, "The touch, as the customer meets it.", required=True),
        Key(
            "channel",
            REF,
            "A channel id; its kind makes the touch digital or manual.",
            ref="channel",
        ),
        Key("office", ENUM, "The office that carries the touch.", choices=vocab.OFFICES),
        Key(
            "dimension", ENUM, "The relationship dimension it serves.", choices=vocab.DIMENSION_IDS
        ),
        Key("pain", ENUM, "How much it hurts the customer today.", choices=vocab.LEVELS),
        Key("cost", ENUM, "What the touch costs the company today.", choices=vocab.LEVELS),
        Key("time", DURATION, "The customer's time spent at or waiting for it: " + _DURATION_DOC),
    ),
    "One touch of a journey, in the order the customer meets them.",
    id_kind="touch",
)

JOURNEY_SPEC = ObjectSpec(
    "journey",
    Journey,
    (
        Key("id", SLUG, "Unique id: lowercase letters, digits and hyphens.", required=True),
        Key("name", TEXT, "The journey's name.", required=True),
        Key("segment", REF, "Whose journey it is: a segment id.", required=True, ref="segment"),
        Key("job", TEXT, "The job-to-be-done it serves."),
        Key(
            "time", OBJECT, "Journey time: baseline, current, target, due.", spec=JOURNEY_TIME_SPEC
        ),
        Key("owner", TEXT, "Who is accountable for it."),
        Key(
            "touches",
            OBJECT_LIST,
            "Its touches, in the order the customer meets them.",
            spec=TOUCH_SPEC,
        ),
    ),
    "A customer journey of the journey map, with its touch inventory.",
    id_kind="journey",
)

SYSTEM_SPEC = ObjectSpec(
    "system",
    System,
    (
        Key("id", SLUG, "Unique id: lowercase letters, digits and hyphens.", required=True),
        Key("name", TEXT, "The system's name.", required=True),
        Key("kind", ENUM, "What sort of system it is.", choices=vocab.SYSTEM_KINDS),
        Key("office", ENUM, "The office it sits in.", choices=vocab.OFFICES),
        Key(
            "serves",
            ENUM_LIST,
            "Dimension ids whose experience depends on it.",
            choices=vocab.DIMENSION_IDS,
        ),
        Key(
            "data_governance",
            ENUM,
            "Governance and quality of its data.",
            choices=vocab.CX_REACH,
        ),
        Key("pain", ENUM, "How much dissatisfaction it causes today.", choices=vocab.LEVELS),
    ),
    "A system behind the smiles.",
    id_kind="system",
)

CX_SPEC = ObjectSpec(
    "cx",
    CX,
    (
        Key(
            "capabilities",
            CAPABILITY_MAP,
            "Capability id -> office -> how far it reaches (absent, partial, established).",
            choices=vocab.CX_REACH,
        ),
        Key("systems", OBJECT_LIST, "The systems behind the smiles.", spec=SYSTEM_SPEC),
    ),
    "Bone-deep CX: the capabilities in each office, and the systems behind the smiles.",
)

CUSTOMER_RELATIONSHIPS_SPEC = ObjectSpec(
    "customer relationships",
    CustomerRelationships,
    (
        Key("answers", ANSWER_MAP, "The eight canvas questions, by id."),
        Key(
            "dimensions",
            DIMENSION_MAP,
            "The seven dimensions, by id; a missing one is not considered yet.",
            spec=DIMENSION_SPEC,
        ),
        Key("measures", OBJECT_LIST, "Measures of relationship success.", spec=MEASURE_SPEC),
    ),
    "The Customer Relationships block: answers, dimensions and measures.",
)

CANVAS_SPEC = ObjectSpec(
    "canvas file",
    Canvas,
    (
        Key("modelh", FORMAT_VERSION, "Format version: 1.", required=True),
        Key(
            "canvas",
            OBJECT,
            "What the canvas is and who it is for.",
            required=True,
            spec=CANVAS_INFO_SPEC,
        ),
        Key("segments", OBJECT_LIST, "Customer segments.", spec=SEGMENT_SPEC),
        Key("value_propositions", OBJECT_LIST, "Value propositions.", spec=VALUE_PROPOSITION_SPEC),
        Key("channels", OBJECT_LIST, "Channels.", spec=CHANNEL_SPEC),
        Key("revenue_streams", ITEM_LIST, "Revenue streams.", spec=BLOCK_ITEM_SPEC),
        Key("key_activities", ITEM_LIST, "Key activities.", spec=BLOCK_ITEM_SPEC),
        Key("key_resources", ITEM_LIST, "Key resources.", spec=BLOCK_ITEM_SPEC),
        Key("key_partners", ITEM_LIST, "Key partners.", spec=BLOCK_ITEM_SPEC),
        Key("cost_structure", ITEM_LIST, "Cost structure.", spec=BLOCK_ITEM_SPEC),
        Key(
            "customer_relationships",
            OBJECT,
            "The Customer Relationships block.",
            spec=CUSTOMER_RELATIONSHIPS_SPEC,
        ),
        Key("journeys", OBJECT_LIST, "Journeys and their touches.", spec=JOURNEY_SPEC),
        Key("cx", OBJECT, "Bone-deep CX and the systems behind the smiles.", spec=CX_SPEC),
    ),
    "A modelH canvas, format version 1.",
)
