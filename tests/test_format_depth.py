"""The rest of the format's additions: measures' segments, channel and headline;
journeys with their touches; bone-deep CX with its capabilities and systems."""

from __future__ import annotations

import json
import re
import subprocess

import pytest

from modelh import parse_canvas
from modelh.canvas.schema import build_schema
from modelh.canvas.starter import starter_text

from .conftest import MINIMAL, dedent, one_problem, problems_of
from .test_schema import ROOT, check_jsonschema

BASE = (
    MINIMAL
    + """\
segments:
  - id: ma-members
  - id: clinics
    kind: provider
channels:
  - id: care-line
    kind: phone
  - id: member-app
    kind: digital
"""
)

JOURNEY = """\
journeys:
  - id: home-after-discharge
    name: Home after a hospital stay
    segment: ma-members
    job: Get home and stay home
    time:
      baseline: 9 days
      current: 6 days
      target: 2 days
      due: "2027-06"
    owner: Care management
    touches:
      - id: discharge-call
        name: Discharge call from the care guide
        channel: care-line
        office: middle
        dimension: coordination
        pain: high
        cost: medium
        time: 2 days
      - name: App check-in
        channel: member-app
        time: 1.5 hours
"""

CX = """\
cx:
  capabilities:
    strategy-design:        {front: established, middle: partial, back: absent}
    information-management: {front: partial, back: partial}
  systems:
    - id: claims
      name: Claims platform
      kind: claims
      office: back
      serves: [coordination, monetization]
      data_governance: partial
      pain: high
"""

MEASURE = """\
customer_relationships:
  measures:
    - id: cost-to-satisfy-app
      segments: [ma-members]
      channel: member-app
      headline: true
"""


def load(text: str):
    return parse_canvas(dedent(text), "c.yaml")


def at(problem) -> tuple[int, int]:
    return problem.line, problem.column


# --- loading -----------------------------------------------------------------------


def test_a_measure_loads_its_segments_channel_and_headline():
    measure = load(BASE + MEASURE).measure("cost-to-satisfy-app")
    assert measure is not None
    assert measure.segments == ("ma-members",)
    assert measure.channel == "member-app"
    assert measure.headline is True


def test_a_measure_without_the_new_keys_is_read_as_before():
    measure = load(BASE + "customer_relationships:\n  measures:\n    - id: m\n").measure("m")
    assert measure is not None
    assert (measure.segments, measure.channel, measure.headline) == ((), None, False)


def test_a_journey_loads_with_its_time_and_touches_in_order():
    canvas = load(BASE + JOURNEY)
    journey = canvas.journey("home-after-discharge")
    assert journey is not None
    assert (journey.name, journey.segment, journey.job, journey.owner) == (
        "Home after a hospital stay",
        "ma-members",
        "Get home and stay home",
        "Care management",
    )
    assert journey.time is not None
    assert [str(journey.time.baseline), str(journey.time.current), str(journey.time.target)] == [
        "9 days",
        "6 days",
        "2 days",
    ]
    assert journey.time.baseline is not None and journey.time.baseline.minutes == 9 * 24 * 60
    assert journey.time.due == "2027-06"
    first, second = journey.touches
    assert (first.id, first.name, first.channel, first.office) == (
        "discharge-call",
        "Discharge call from the care guide",
        "care-line",
        "middle",
    )
    assert (first.dimension, first.pain, first.cost) == ("coordination", "high", "medium")
    assert second.id is None and second.time is not None and second.time.minutes == 90


def test_a_touch_is_digital_by_its_channels_kind():
    canvas = load(BASE + JOURNEY)
    journey = canvas.journey("home-after-discharge")
    assert journey is not None
    assert [canvas.is_digital(t) for t in journey.touches] == [False, True]


def test_cx_loads_the_capabilities_by_office_and_the_systems():
    cx = load(BASE + CX).cx
    assert cx is not None
    assert cx.reach("strategy-design", "middle") == "partial"
    assert cx.reach("information-management", "middle") is None  # not assessed
    assert cx.reach("insights", "front") is None
    (claims,) = cx.systems
    assert (claims.id, claims.name, claims.kind, claims.office) == (
        "claims",
        "Claims platform",
        "claims",
        "back",
    )
    assert claims.serves == ("coordination", "monetization")
    assert (claims.data_governance, claims.pain) == ("partial", "high")


def test_an_empty_cx_block_is_not_assessed_yet():
    canvas = load(BASE + "cx:\n  capabilities:\n    delivery:\n  systems: []\n")
    assert canvas.cx is None


@pytest.mark.parametrize("unit", ["minute", "minutes", "hour", "hours", "day", "days", "week"])
def test_every_unit_of_the_duration_grammar_is_read(unit):
    text = BASE + JOURNEY.replace("time: 2 days", f"time: 3 {unit}")
    journey = load(text).journey("home-after-discharge")
    assert journey is not None and str(journey.touches[0].time) == f"3 {unit}"


# --- problems at their positions -----------------------------------------------------


@pytest.mark.parametrize("bad", ["2d", "two days", "2  days", "2 months", "-1 day", "2 Days"])
def test_a_duration_outside_the_grammar_is_refused_with_the_grammar(bad):
    text = BASE + JOURNEY.replace("time: 2 days", f"time: {bad}")
    problem = one_problem(text)
    line = dedent(text).splitlines().index(f"        time: {bad}") + 1
    assert at(problem) == (line, 15)
    assert problem.path == "journeys[home-after-discharge].touches[discharge-call].time"
    assert "a number, a space and a unit" in problem.message
    assert all(u in problem.message for u in ("minute", "hour", "day", "week"))


def where(text: str, value: str) -> tuple[int, int]:
    """The line and column where ``value`` first appears in ``text``."""
    for number, line in enumerate(dedent(text).splitlines(), start=1):
        if value in line:
            return number, line.index(value) + 1
    raise AssertionError(value)


def test_a_misspelt_segment_of_a_journey_suggests_the_nearest_id():
    text = BASE + JOURNEY.replace("segment: ma-members", "segment: ma-membrs")
    problem = one_problem(text)
    assert at(problem) == where(text, "ma-membrs")
    assert "did you mean 'ma-members'" in problem.message


def test_a_journey_for_a_channel_id_says_it_is_a_channel():
    problem = one_problem(BASE + JOURNEY.replace("segment: ma-members", "segment: care-line"))
    assert "is a channel" in problem.message and "not a segment" in problem.message


def test_a_journey_without_name_or_segment_is_reported_at_the_item():
    found = problems_of(BASE + "journeys:\n  - id: j\n")
    assert {p.path for p in found} == {"journeys[j].name", "journeys[j].segment"}
    assert all("required key" in p.message and "missing" in p.message for p in found)


def test_a_touch_without_a_name_is_reported_with_its_journey():
    problem = one_problem(BASE + JOURNEY.replace("      - name: App check-in\n", "      - id: x\n"))
    assert problem.path == "journeys[home-after-discharge].touches[x].name"
    assert problem.message.startswith("journey 'home-after-discharge': touch 'x': ")


@pytest.mark.parametrize(
    ("old", "new", "suggestion"),
    [
        ("office: middle", "office: midle", "middle"),
        ("dimension: coordination", "dimension: coordinaton", "coordination"),
        ("pain: high", "pain: hihg", "high"),
        ("channel: care-line", "channel: careline", "care-line"),
    ],
)
def test_a_misspelt_touch_value_suggests_the_nearest(old, new, suggestion):
    problem = one_problem(BASE + JOURNEY.replace(old, new, 1))
    line = dedent(BASE + JOURNEY).splitlines().index(f"        {old}") + 1
    assert problem.line == line
    assert f"did you mean '{suggestion}'" in problem.message


def test_a_touch_channel_that_is_a_list_asks_for_one_id():
    problem = one_problem(BASE + JOURNEY.replace("channel: member-app", "channel: [member-app]"))
    assert "one channel id" in problem.message


def test_touch_ids_are_unique_across_the_canvas():
    text = BASE + JOURNEY.replace("id: discharge-call", "id: care-line")
    problem = one_problem(text)
    assert problem.kind == "duplicate-id" and "channel" in problem.message


@pytest.mark.parametrize(
    ("old", "new", "word"),
    [
        ("segments: [ma-members]", "segments: [ma-member]", "did you mean 'ma-members'"),
        ("channel: member-app", "channel: memberapp", "did you mean 'member-app'"),
        ("headline: true", 'headline: "true"', "without quotes"),
        ("headline: true", "headline: yes", "true or false"),
    ],
)
def test_the_measures_new_keys_report_bad_values_at_their_value(old, new, word):
    text = BASE + MEASURE.replace(old, new)
    problem = one_problem(text)
    line, column = where(text, new)
    assert at(problem) == (line, column + new.index(new.split(": ", 1)[1].strip("[]")))
    assert word in problem.message


def test_an_unknown_capability_or_office_suggests_the_nearest():
    text = BASE + CX.replace("strategy-design:", "strategy-desing:").replace(
        "{front: partial, back", "{frnt: partial, back"
    )
    first, second = problems_of(text)
    assert "did you mean 'strategy-design'" in first.message
    assert first.path == "cx.capabilities.strategy-desing"
    assert "unknown office 'frnt'" in second.message and "did you mean 'front'" in second.message


def test_a_capability_written_as_one_word_asks_for_the_offices():
    problem = one_problem(BASE + "cx:\n  capabilities:\n    delivery: established\n")
    assert problem.path == "cx.capabilities.delivery"
    assert "{front: established, middle: partial, back: absent}" in problem.message


def test_a_reach_outside_the_scale_is_refused():
    problem = one_problem(BASE + CX.replace("middle: partial", "middle: some"))
    assert problem.path == "cx.capabilities.strategy-design.middle"
    assert "absent, partial, established" in problem.message


def test_a_system_serving_an_unknown_dimension_suggests_the_nearest():
    problem = one_problem(BASE + CX.replace("monetization]", "monetisation]"))
    assert problem.path == "cx.systems[claims].serves[1]"
    assert "did you mean 'monetization'" in problem.message


def test_a_system_needs_an_id_and_a_name():
    found = problems_of(BASE + "cx:\n  systems:\n    - kind: claims\n")
    assert any("required key 'id'" in p.message for p in found)
    assert any("required key 'name'" in p.message for p in found)


# --- schema parity -----------------------------------------------------------------


def _schema_check(tmp_path, text: str) -> tuple[int, str]:
    file = tmp_path / "c.yaml"
    file.write_text(dedent(text))
    schema = tmp_path / "s.json"
    schema.write_text(json.dumps(build_schema()))
    result = subprocess.run(
        [check_jsonschema(), "--schemafile", str(schema), str(file)],
        capture_output=True,
        text=True,
        check=False,
    )
    return result.returncode, result.stdout


def test_check_jsonschema_accepts_what_the_loader_accepts(tmp_path):
    text = BASE + MEASURE + JOURNEY + CX
    load(text)
    code, out = _schema_check(tmp_path, text)
    assert code == 0, out


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("time: 2 days", "time: 2d"),
        ("office: middle", "office: midle"),
        ("pain: high", "pain: hihg"),
        ("middle: partial", "middle: some"),
        ("strategy-design:", "strategy-desing:"),
        ("monetization]", "monetisation]"),
        ("headline: true", "headline: yes-please"),
        ("name: Claims platform", "nmae: Claims platform"),
    ],
)
def test_check_jsonschema_flags_what_the_loader_refuses(tmp_path, old, new):
    text = BASE + MEASURE + JOURNEY + CX
    assert old in text
    bad = text.replace(old, new, 1)
    problems_of(bad)
    code, out = _schema_check(tmp_path, bad)
    assert code == 1, out


def test_the_shipped_schema_holds_journeys_and_cx():
    schema = json.loads((ROOT / "modelh/data/canvas.schema.json").read_text())
    assert {"journeys", "cx"} <= set(schema["properties"])
    assert {"segments", "channel", "headline"} <= set(schema["$defs"]["Measure"]["properties"])
    assert set(schema["$defs"]["Touch"]["properties"]) >= {"office", "pain", "cost", "time"}


# --- modelh new ----------------------------------------------------------------------


def test_the_starter_loads_with_journeys_and_cx_empty():
    canvas = parse_canvas(starter_text(title="MA 2027", organization="Riverside"), "n.yaml")
    assert canvas.journeys == () and canvas.cx is None


def test_the_starters_journey_and_system_examples_load_once_uncommented():
    text = starter_text(title="MA 2027", organization="Riverside")
    journey = text[text.index("journeys: []\n") :].split("\n\n", 1)[0].splitlines()[1:]
    system = text[text.index("  systems: []\n") :].split("\n\n", 1)[0].splitlines()[1:]
    filled = (
        text.replace("segments: []\n", "segments:\n  - id: members\n", 1)
        .replace("channels: []\n", "channels:\n  - id: member-app\n    kind: digital\n", 1)
        .replace("journeys: []\n", "journeys:\n" + "\n".join(line[1:] for line in journey) + "\n")
        .replace(
            "  systems: []\n",
            "  systems:\n" + "\n".join(re.sub(r"^  #", "  ", line) for line in system) + "\n",
        )
        .replace("    delivery:\n", "    delivery: {front: established, middle: partial}\n")
    )
    canvas = parse_canvas(filled, "n.yaml")
    (journey_,) = canvas.journeys
    assert journey_.touches[0].office == "middle" and str(journey_.time.target) == "2 days"
    assert canvas.cx is not None and canvas.cx.systems[0].serves == ("coordination", "monetization")
    assert canvas.cx.reach("delivery", "front") == "established"


def test_every_line_of_the_starter_fits_88_columns():
    text = starter_text(title="MA 2027", organization="Riverside")
    assert max(len(line) for line in text.splitlines()) <= 88
