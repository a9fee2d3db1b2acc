"""The format's additions for the method's depth: canvas.kind, a segment's kind,
jobs, trajectory and destination, and the per-segment mix of a dimension."""

from __future__ import annotations

import json
import re
import subprocess

import pytest

from modelh import parse_canvas
from modelh.canvas.facts import served_segments
from modelh.canvas.schema import build_schema
from modelh.canvas.starter import starter_text

from .conftest import MINIMAL, dedent, one_problem, problems_of
from .test_schema import ROOT, check_jsonschema

SEGMENTS = """\
segments:
  - id: ma-members
    kind: member
    jobs:
      - Keep my diabetes under control without a visit every week
      - Get home and stay home
    trajectory: Aging in place; one in five will need a caregiver within 3 years
    destination: Managing their own care plan with the care guide as coach
  - id: caregivers
    kind: caregiver
  - id: employers
    kind: employer
"""


def load(text: str):
    return parse_canvas(dedent(text), "c.yaml")


def with_dimension(segments: str, use: str = "core") -> str:
    return (
        MINIMAL
        + SEGMENTS
        + "customer_relationships:\n  dimensions:\n    navigation:\n"
        + f"      use: {use}\n"
        + segments
    )


# --- loading each key ------------------------------------------------------------


def test_canvas_kind_and_the_segment_keys_load():
    canvas = load(MINIMAL + "  kind: health-plan\n" + SEGMENTS)
    assert canvas.canvas.kind == "health-plan"
    members = canvas.segment("ma-members")
    assert members is not None
    assert members.kind == "member"
    assert members.jobs == (
        "Keep my diabetes under control without a visit every week",
        "Get home and stay home",
    )
    assert members.trajectory.startswith("Aging in place; one in five")
    assert members.destination == "Managing their own care plan with the care guide as coach"
    assert canvas.spans["segments[ma-members].jobs[1]"].line == 11
    assert [s.kind for s in canvas.segments] == ["member", "caregiver", "employer"]


def test_the_additions_left_empty_are_not_answered():
    canvas = load(
        MINIMAL
        + "  kind:\nsegments:\n  - id: a\n    kind:\n    jobs: []\n    trajectory:\n"
        + "    destination: ''\n"
    )
    assert canvas.canvas.kind is None
    seg = canvas.segments[0]
    assert (seg.kind, seg.jobs, seg.trajectory, seg.destination) == (None, (), None, None)


# --- each problem at its place ---------------------------------------------------


def test_a_misspelt_canvas_kind_is_reported_at_its_value_with_did_you_mean():
    problem = one_problem(MINIMAL + "  kind: health-plna\n")
    assert (problem.line, problem.column) == (5, 9)
    assert problem.kind == "enum" and problem.path == "canvas.kind"
    assert "did you mean 'health-plan'?" in problem.message
    assert "provider" in problem.message


def test_a_misspelt_segment_kind_is_reported_at_its_value_with_did_you_mean():
    problem = one_problem(MINIMAL + "segments:\n  - id: a\n    kind: caregivr\n")
    assert (problem.line, problem.column) == (7, 11)
    assert problem.path == "segments[a].kind"
    assert "segment 'a'" in problem.message and "did you mean 'caregiver'?" in problem.message


def test_jobs_must_be_a_list_of_texts():
    problem = one_problem(MINIMAL + "segments:\n  - id: a\n    jobs: Stay home\n")
    assert (problem.line, problem.column, problem.path) == (7, 11, "segments[a].jobs")
    assert "jobs must be a list" in problem.message
    problem = one_problem(MINIMAL + "segments:\n  - id: a\n    jobs:\n      - {job: x}\n")
    assert (problem.line, problem.column, problem.path) == (8, 9, "segments[a].jobs[0]")
    assert "must be text" in problem.message


def test_trajectory_and_destination_must_be_text():
    found = problems_of(
        MINIMAL + "segments:\n  - id: a\n    trajectory: [x]\n    destination: {a: b}\n"
    )
    assert [(p.line, p.column, p.path) for p in found] == [
        (7, 17, "segments[a].trajectory"),
        (8, 18, "segments[a].destination"),
    ]
    assert all("must be text" in p.message for p in found)


def test_a_misspelt_segment_key_suggests_the_new_keys():
    problem = one_problem(MINIMAL + "segments:\n  - id: a\n    trajectroy: Aging\n")
    assert (problem.line, problem.column) == (7, 5)
    assert "did you mean 'trajectory'?" in problem.message


# --- the mix: its reading rule ---------------------------------------------------


def test_segments_omitted_puts_every_segment_at_use():
    dim = load(with_dimension("", use="supporting")).dimensions["navigation"]
    assert dim.serves_every_segment
    assert dim.mix == {}
    for sid in ("ma-members", "caregivers", "employers"):
        assert dim.degree_for(sid) == "supporting"


def test_a_list_puts_the_listed_segments_at_use_and_the_others_at_none():
    canvas = load(with_dimension("      segments: [ma-members, caregivers]\n"))
    dim = canvas.dimensions["navigation"]
    assert dim.segments == ("ma-members", "caregivers")
    assert not dim.serves_every_segment
    assert dim.mix == {}
    assert [dim.degree_for(s.id) for s in canvas.segments] == ["core", "core", "none"]
    assert served_segments(canvas) == {"ma-members", "caregivers"}


def test_the_mix_gives_each_segment_its_degree_and_none_when_left_out():
    canvas = load(
        with_dimension("      segments:\n        ma-members: core\n        caregivers: planned\n")
    )
    dim = canvas.dimensions["navigation"]
    assert dim.mix == {"ma-members": "core", "caregivers": "planned"}
    assert [dim.degree_for(s.id) for s in canvas.segments] == ["core", "planned", "none"]
    assert dim.segments == ("ma-members", "caregivers")  # the segments it serves
    assert served_segments(canvas) == {"ma-members", "caregivers"}
    key = canvas.key_spans["customer_relationships.dimensions.navigation.segments.caregivers"]
    assert (key.line, key.column) == (23, 9)


def test_a_mix_with_every_segment_at_none_serves_no_segment_not_all():
    canvas = load(with_dimension("      segments: {ma-members: none, employers: none}\n"))
    dim = canvas.dimensions["navigation"]
    assert dim.segments == ()
    assert not dim.serves_every_segment
    assert [dim.degree_for(s.id) for s in canvas.segments] == ["none", "none", "none"]
    assert served_segments(canvas) == set()


def test_a_mix_alone_makes_the_dimension_considered():
    canvas = load(
        MINIMAL
        + SEGMENTS
        + "customer_relationships:\n  dimensions:\n    navigation:\n"
        + "      segments: {caregivers: none}\n"
    )
    assert canvas.dimensions["navigation"].degree_for("caregivers") == "none"


def test_the_loader_accepts_a_mix_that_disagrees_with_use():
    canvas = load(with_dimension("      segments: {ma-members: core}\n", use="none"))
    dim = canvas.dimensions["navigation"]
    assert dim.use == "none" and dim.degree_for("ma-members") == "core"


def test_an_empty_degree_is_not_answered_yet():
    dim = load(with_dimension("      segments:\n        ma-members:\n")).dimensions["navigation"]
    assert dim.serves_every_segment  # nothing written yet: as if omitted


# --- the mix: its problems -------------------------------------------------------


def test_an_unknown_segment_in_the_mix_is_reported_at_its_key_with_did_you_mean():
    problem = one_problem(with_dimension("      segments:\n        ma-member: core\n"))
    assert (problem.line, problem.column) == (22, 9)
    assert problem.kind == "reference"
    assert problem.path == "customer_relationships.dimensions.navigation.segments.ma-member"
    assert "segment 'ma-member' does not exist; did you mean 'ma-members'?" in problem.message


def test_a_misspelt_degree_is_reported_at_its_value_with_did_you_mean():
    problem = one_problem(with_dimension("      segments:\n        caregivers: suporting\n"))
    assert (problem.line, problem.column) == (22, 21)
    assert problem.kind == "enum"
    assert "dimension 'navigation'" in problem.message
    assert "'caregivers'" in problem.message
    assert "did you mean 'supporting'?" in problem.message


def test_a_degree_that_is_not_a_text_is_reported_at_its_value():
    problem = one_problem(with_dimension("      segments:\n        caregivers: [core]\n"))
    assert (problem.line, problem.column) == (22, 21)
    assert problem.kind == "type"
    assert "core, supporting, planned, none" in problem.message


def test_a_segment_written_twice_in_the_mix_is_an_error():
    problem = one_problem(
        with_dimension("      segments:\n        caregivers: core\n        caregivers: none\n")
    )
    assert (problem.line, problem.column, problem.kind) == (23, 9, "duplicate-key")


def test_a_scalar_segments_value_still_asks_for_a_list():
    problem = one_problem(with_dimension("      segments: ma-members\n"))
    assert (problem.line, problem.column) == (21, 17)
    assert "must be a list" in problem.message


# --- schema parity ---------------------------------------------------------------


def _schema_errors(tmp_path, text: str) -> tuple[int, str]:
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


def test_check_jsonschema_accepts_the_additions_the_loader_accepts(tmp_path):
    text = with_dimension(
        "      segments:\n        ma-members: core\n        caregivers:\n"
    ).replace("Riverside Health Plan\n", "Riverside Health Plan\n  kind: provider\n", 1)
    load(text)
    code, out = _schema_errors(tmp_path, text)
    assert code == 0, out


@pytest.mark.parametrize(
    ("bad", "word"),
    [
        ("  kind: health-plna\n", "health-plna"),
        ("segments:\n  - id: a\n    kind: caregivr\n", "caregivr"),
        ("segments:\n  - id: a\n    jobs: [[x]]\n", "jobs"),
        (
            "segments:\n  - id: a\ncustomer_relationships:\n  dimensions:\n"
            "    navigation:\n      segments: {a: suporting}\n",
            "suporting",
        ),
    ],
)
def test_check_jsonschema_flags_what_the_loader_refuses_in_the_additions(tmp_path, bad, word):
    problems_of(MINIMAL + bad)
    code, out = _schema_errors(tmp_path, MINIMAL + bad)
    assert code == 1 and word in out, out


def test_the_shipped_schema_holds_the_additions():
    schema = json.loads((ROOT / "modelh/data/canvas.schema.json").read_text())
    assert "digital-health" in json.dumps(schema["$defs"]["CanvasInfo"]["properties"]["kind"])
    assert set(schema["$defs"]["Segment"]["properties"]) >= {
        "kind",
        "jobs",
        "trajectory",
        "destination",
    }


# --- modelh new ------------------------------------------------------------------


def test_the_starter_writes_canvas_kind_and_its_examples_load_once_uncommented():
    text = starter_text(title="MA 2027", organization="Riverside")
    assert re.search(
        r"^  kind: +# .*health-plan \| provider \| digital-health \| other", text, re.M
    )
    # the segment example, uncommented, loads with the new keys
    start = text.index("segments: []\n")
    block = text[start:].split("\n\n", 1)[0].splitlines()[1:]
    example = "\n".join(line[1:] for line in block)
    # and so does the mix the dimensions' comment shows
    mix = re.search(r"^  #   (segments: \{.*\})  \(", text, re.M)
    assert mix is not None
    filled = (
        text.replace("  kind:  ", "  kind: health-plan  ", 1)
        .replace("segments: []\n", "segments:\n" + example + "\n  - id: caregivers\n", 1)
        .replace(
            "    navigation:\n      use:\n      reason:\n      segments:\n",
            f"    navigation:\n      use: core\n      reason:\n      {mix.group(1)}\n",
            1,
        )
    )
    canvas = parse_canvas(filled, "n.yaml")
    assert canvas.canvas.kind == "health-plan"
    members = canvas.segment("members")
    assert members is not None and members.kind == "member"
    assert members.jobs == ("Keep my diabetes under control without a visit every week",)
    assert canvas.dimensions["navigation"].mix == {"members": "core", "caregivers": "supporting"}


def test_the_starter_loads_with_the_additions_empty():
    canvas = parse_canvas(starter_text(title="MA 2027", organization="Riverside"), "n.yaml")
    assert canvas.canvas.kind is None
    assert canvas.dimensions == {}


# --- the list form's readers keep their answers with the mix ---------------------


def test_the_interview_does_not_offer_a_list_that_would_overwrite_the_mix():
    from modelh.interview.steps import plan

    listed = load(with_dimension("      segments: [caregivers]\n"))
    mixed = load(with_dimension("      segments: {caregivers: supporting, employers: core}\n"))

    def degrees(canvas):  # the walk asks the degree of each segment, read as the format says
        prefix = "dimension:navigation:degree:"
        return {s.key.removeprefix(prefix): s.current for s in plan(canvas) if prefix in s.key}

    assert degrees(listed) == {"ma-members": "none", "caregivers": "core", "employers": "none"}
    assert degrees(mixed) == {"ma-members": None, "caregivers": "supporting", "employers": "core"}
    asked = {s.key for s in plan(mixed)}
    assert "dimension:navigation:segments" not in asked
    assert "dimension:navigation:approach" in asked


def test_the_report_names_the_mix_served_segments_and_never_all_for_a_mix_of_nones():
    from modelh.report.context import build_context

    mixed = load(with_dimension("      segments: {caregivers: supporting, employers: core}\n"))
    nones = load(with_dimension("      segments: {caregivers: none}\n"))
    for canvas, expected in ((mixed, {"caregivers", "employers"}), (nones, set())):
        context = build_context(canvas)
        served = {s["id"] for s in context["segments"] if s["dimensions"]}
        assert served == expected


def test_answers_file_mix_replaces_a_list_and_merges_into_a_mix_twice_the_same(tmp_path):
    from modelh.canvas.editing import CanvasFile
    from modelh.interview.answers_file import answers_from_file

    path = tmp_path / "c.yaml"
    path.write_text(dedent(with_dimension("      segments: [ma-members]\n")))
    answers = tmp_path / "a.yaml"
    answers.write_text(
        "customer_relationships:\n  dimensions:\n    navigation:\n"
        "      segments: {ma-members: core, caregivers: supporting}\n"
    )
    answers_from_file(CanvasFile.read(path), str(answers))
    dim = parse_canvas(path.read_text(), "c.yaml").dimensions["navigation"]
    assert dim.mix == {"ma-members": "core", "caregivers": "supporting"}
    once = path.read_text()
    assert not answers_from_file(CanvasFile.read(path), str(answers)).changes
    assert path.read_text() == once
    answers.write_text(
        "customer_relationships:\n  dimensions:\n    navigation:\n"
        "      segments: {employers: none}\n"
    )
    answers_from_file(CanvasFile.read(path), str(answers))
    dim = parse_canvas(path.read_text(), "c.yaml").dimensions["navigation"]
    assert dim.mix == {"ma-members": "core", "caregivers": "supporting", "employers": "none"}
