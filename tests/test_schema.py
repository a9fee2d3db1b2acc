"""The JSON Schema: in step with the code, valid for third-party tools, never stricter
than the loader."""

from __future__ import annotations

import datetime as dt
import io
import json
import shutil
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from ruamel.yaml import YAML

from modelh import parse_canvas
from modelh.canvas.schema import build_schema, schema_text, shipped_schema_text
from modelh.framework import vocab

from .conftest import EXAMPLES, ROOT

SCHEMA = build_schema()
VALIDATOR = jsonschema.Draft202012Validator(SCHEMA)


def check_jsonschema() -> str:
    exe = Path(sys.executable).with_name("check-jsonschema")
    return str(exe) if exe.exists() else (shutil.which("check-jsonschema") or "")


def test_committed_schema_is_the_one_the_code_generates():
    assert shipped_schema_text() == schema_text(), (
        "modelh/data/canvas.schema.json is stale: run `make schema`"
    )


def test_schema_is_a_valid_draft_2020_12_schema():
    jsonschema.Draft202012Validator.check_schema(SCHEMA)
    assert SCHEMA["$schema"] == "https://json-schema.org/draft/2020-12/schema"


def test_check_jsonschema_accepts_every_example_canvas():
    exe = check_jsonschema()
    assert exe, "check-jsonschema is a test dependency: pip install -e '.[test]'"
    schema_file = ROOT / "modelh" / "data" / "canvas.schema.json"
    result = subprocess.run(
        [exe, "--schemafile", str(schema_file), *map(str, EXAMPLES)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_check_jsonschema_flags_what_the_schema_can_see(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("modelh: 1\ncanvas: {title: a, organization: b, status: drafty}\nsegmnts: []\n")
    result = subprocess.run(
        [
            check_jsonschema(),
            "--schemafile",
            str(ROOT / "modelh/data/canvas.schema.json"),
            str(bad),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 1
    assert "drafty" in result.stdout and "segmnts" in result.stdout


# --- the schema never flags what the loader accepts, whoever reads the YAML -------


def _ruamel(text: str):
    """Read YAML as check-jsonschema does (YAML 1.2, timestamps kept as strings)."""
    reader = YAML(typ="safe")
    reader.constructor.yaml_constructors["tag:yaml.org,2002:timestamp"] = (
        reader.constructor.yaml_constructors["tag:yaml.org,2002:str"]
    )
    return reader.load(io.StringIO(text))


def _pyyaml(text: str):
    """Read YAML as a generic YAML 1.1 reader does, dates then turned into JSON strings."""

    def jsonable(value):
        if isinstance(value, dict):
            return {str(k): jsonable(v) for k, v in value.items()}
        if isinstance(value, list):
            return [jsonable(v) for v in value]
        if isinstance(value, (dt.date, dt.datetime)):
            return value.isoformat()
        return value

    return jsonable(yaml.safe_load(text))


def _errors(data) -> list[str]:
    return [
        f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in VALIDATOR.iter_errors(data)
    ]


# Plain scalars a loader keeps as text but other readers turn into other things.
TRICKY_TEXT = [
    "no",
    "NO",
    "yes",
    "off",
    "1.10",
    "0.4",
    "2026-11-20",
    "1e3",
    "0x1F",
    "12",
    "true",
    "-7",
    "0o17",
    "'quoted: text'",
    '"double # quoted"',
    "plain words",
]
EMPTY = ["", '""', "[]", "{}", "~", "null", '" "']
IDS = ["members", "2027", "no", "1e3", "a-b-c", "true", "x"]

text_value = st.sampled_from(TRICKY_TEXT + EMPTY)
number_value = st.sampled_from(["41", "-3.5", "1_000", "0", "7e2", ""])


@st.composite
def canvases(draw) -> str:
    """Random canvases that the loader accepts, written with tricky plain scalars."""
    ids = draw(st.lists(st.sampled_from(IDS), min_size=3, max_size=3, unique=True))
    seg, chan, meas = ids
    lines = ["modelh: 1", "canvas:", "  title: Plan 2027", "  organization: Riverside"]
    for key in ("prepared_for", "version", "confidentiality"):
        lines.append(f"  {key}: {draw(text_value)}")
    dates = ["2026-11-20", '"2026-02-28"', ""]
    lines.append(f"  date: {draw(st.sampled_from(dates))}")
    lines.append(f"  status: {draw(st.sampled_from([*vocab.CANVAS_STATUSES, '']))}")
    lines.append(f"  kind: {draw(st.sampled_from([*vocab.CANVAS_KINDS, '']))}")
    lines.append(f"  prepared_by: {draw(st.sampled_from(['[no, 1.10]', 'Dana', '[]', '']))}")
    lines += [
        "segments:",
        f"  - id: {seg}",
        f"    name: {draw(text_value)}",
        f"    stage: {draw(st.sampled_from([*vocab.STAGE_IDS, '']))}",
        f"    preferences: [{draw(st.sampled_from(['no', '1.10', 'x']))}]",
        f"    kind: {draw(st.sampled_from([*vocab.SEGMENT_KINDS, '']))}",
        f"    jobs: [{draw(st.sampled_from(['no', '1.10', 'x', '']))}]",
        f"    trajectory: {draw(text_value)}",
        f"    destination: {draw(text_value)}",
    ]
    lines += [
        "channels:",
        f"  - {{id: {chan}, kind: {draw(st.sampled_from(vocab.CHANNEL_KINDS))}}}",
    ]
    lines += [
        f"revenue_streams: [{draw(st.sampled_from(TRICKY_TEXT[:12]))}, "
        f"{{text: premiums, segments: [{seg}]}}]"
    ]
    lines += ["customer_relationships:", "  answers:"]
    for q in draw(st.lists(st.sampled_from(vocab.QUESTION_IDS), unique=True, max_size=8)):
        if draw(st.booleans()):
            lines.append(f"    {q}: {draw(text_value)}")
        else:
            lines += [f"    {q}:", f"      {seg}: {draw(text_value)}"]
    lines.append("  dimensions:")
    for d in draw(st.lists(st.sampled_from(vocab.DIMENSION_IDS), unique=True, max_size=7)):
        lines += [
            f"    {d}:",
            f"      use: {draw(st.sampled_from([*vocab.DIMENSION_USES, '']))}",
            f"      approach: {draw(text_value)}",
            f"      channels: [{chan}]",
            f"      measures: [{meas}]",
            draw(
                st.sampled_from(
                    [
                        f"      segments: [{seg}]",
                        f"      segments: {{{seg}: {draw(st.sampled_from(vocab.DIMENSION_USES))}}}",
                        f"      segments: {{{seg}: ''}}",
                    ]
                )
            ),
        ]
        if d == "motivation":
            lines.append(f"      incentives: [{draw(st.sampled_from(TRICKY_TEXT))}]")
    lines += [
        "  measures:",
        f"    - id: {meas}",
        "      domain: customer",
        f"      indicator: {draw(st.sampled_from(vocab.INDICATOR_IDS['customer']))}",
        f"      baseline: {draw(number_value)}",
        f"      target: {draw(number_value)}",
        f"      due: {draw(st.sampled_from(['2027', '2027-12', '2027-Q4', '2027-12-31', '']))}",
        f"      unit: {draw(text_value)}",
    ]
    return "\n".join(lines) + "\n"


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(canvases())
def test_schema_accepts_every_canvas_the_loader_accepts(text):
    parse_canvas(text, "random.yaml")  # the generator only writes valid canvases
    assert _errors(_ruamel(text)) == [], text
    assert _errors(_pyyaml(text)) == [], text


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.name)
def test_schema_accepts_the_examples_read_by_a_yaml_1_1_reader(example):
    text = example.read_text(encoding="utf-8")
    assert _errors(_pyyaml(text)) == []


def test_the_starter_canvas_passes_the_schema():
    from modelh.canvas.starter import starter_text

    text = starter_text(title="T", organization="O", date="2026-11-23")
    assert _errors(_ruamel(text)) == [] and _errors(_pyyaml(text)) == []


def test_schema_printed_by_the_cli_is_the_shipped_file():
    from typer.testing import CliRunner

    from modelh.cli.main import app

    result = CliRunner().invoke(app, ["schema"])
    assert result.exit_code == 0
    assert json.loads(result.stdout)["$id"] == SCHEMA["$id"]
