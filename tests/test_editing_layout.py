"""What modelh writes into a canvas looks hand-written: long texts wrapped at the
file's own width and read back exactly, lists one item a line, new keys in the
format's order, and a diff of one answer that shows that answer alone."""

from __future__ import annotations

import difflib
import re

import pytest
from typer.testing import CliRunner

from modelh import CanvasError, parse_canvas
from modelh.canvas.editing import Append, CanvasFile, Edit, apply_edits
from modelh.canvas.linebreaks import split_lines
from modelh.cli.main import app

from .conftest import ROOT, dedent

LONG_ANSWER = (
    "Care guides call every newly enrolled member within 14 days, book the annual "
    "wellness visit while on the phone, and set up text reminders for refills; members "
    "with two or more chronic conditions get a named nurse who joins the first visit. "
    "Cost: about $38 per engaged member per month, paid from the Stars bonus. Members "
    "who say no get a mailed plan summary # and a call-back in 90 days, not earlier."
)
assert len(LONG_ANSWER) == 400

ACTIVITIES = [
    "Care guide and nurse case management for members at high risk",
    "Stars and HEDIS gap closure with network practices, month by month",
    "AEP marketing, onboarding and retention outreach through brokers",
    "Turning-65 outreach to commercial members and their employers",
    "Quarterly employer renewal reviews with utilization reports",
]

COST = ("customer_relationships", "answers", "cost")


def new_canvas(tmp_path):
    path = tmp_path / "acme.yaml"
    result = CliRunner().invoke(
        app, ["new", str(path), "--org", "Acme Health", "--title", "MA 2027", "--no-schema"]
    )
    assert result.exit_code == 0, result.output
    return path


def written_lines(old: str, new: str) -> list[str]:
    """The lines of ``new`` that an edit of ``old`` wrote (added or replaced)."""
    a, b = split_lines(old), split_lines(new)
    matcher = difflib.SequenceMatcher(a=a, b=b, autojunk=False)
    return [
        line for tag, _, _, j1, j2 in matcher.get_opcodes() if tag != "equal" for line in b[j1:j2]
    ]


def test_a_long_answer_and_a_list_written_into_a_new_canvas_look_hand_written(tmp_path):
    path = new_canvas(tmp_path)
    before = path.read_text(encoding="utf-8")
    file = CanvasFile.read(path)
    file.apply([Edit(COST, LONG_ANSWER), Edit(("key_activities",), ACTIVITIES)])
    file.apply(
        [
            Append(
                ("segments",),
                {
                    "preferences": ACTIVITIES,
                    "description": LONG_ANSWER,
                    "role": "user",
                    "name": "Members 65+",
                    "id": "members",
                },
            )
        ]
    )
    after = path.read_text(encoding="utf-8")
    written = written_lines(before, after)
    assert written, "nothing was written"
    assert [line for line in written if len(line) > 88] == []
    # the lists are in block style, one item a line
    assert "key_activities:\n" + "".join(f"  - {a}\n" for a in ACTIVITIES) in after
    assert "    preferences:\n" + "".join(f"      - {a}\n" for a in ACTIVITIES) in after
    assert not any("[" in line for line in written)
    # the segment's keys are in the format's order, whatever order they were given in
    keys = re.findall(r"^  [- ] (\w+):", after.split("segments:", 1)[1], re.MULTILINE)
    assert keys[:5] == ["id", "name", "role", "description", "preferences"]
    canvas = parse_canvas(after)
    assert canvas.answers["cost"].text == LONG_ANSWER
    assert [item.text for item in canvas.key_activities] == ACTIVITIES
    assert canvas.segment("members").description == LONG_ANSWER
    assert list(canvas.segment("members").preferences) == ACTIVITIES


# --- the file's own width ------------------------------------------------------------

BASE = """\
modelh: 1
canvas:
  title: T
  organization: O
customer_relationships:
  answers:
    dimensions: |
{prose}
    cost:
"""


def _with_prose(width: int) -> str:
    line = ("      " + "word " * 40)[:width].rstrip()
    return BASE.format(prose=f"{line}\n      end.")


@pytest.mark.parametrize(
    "prose, limit",
    [(None, 88), (100, 100), (60, 80), (300, 120)],
    ids=["no-prose-88", "wrapped-at-100", "narrow-at-least-80", "at-most-120"],
)
def test_a_long_answer_is_wrapped_at_the_files_own_width(prose, limit):
    text = BASE.replace("    dimensions: |\n{prose}\n", "") if prose is None else _with_prose(prose)
    new = apply_edits(text, [Edit(COST, LONG_ANSWER * 2)])
    written = written_lines(text, new)
    assert written[0] == "    cost: >-"
    assert max(len(line) for line in written) <= limit
    assert max(len(line) for line in written) > limit - 15  # the width is used, not less
    assert parse_canvas(new).answers["cost"].text == LONG_ANSWER * 2


def test_a_short_answer_stays_on_its_line():
    text = BASE.replace("    dimensions: |\n{prose}\n", "")
    new = apply_edits(text, [Edit(COST, "About $4 PMPM: nurse line")])
    assert written_lines(text, new) == ["    cost: 'About $4 PMPM: nurse line'"]


# --- folding's traps -----------------------------------------------------------------

WORDS = "plain words that a consultant types into the interview without a second thought "
TRAPS = {
    "runs-of-spaces": ("two  spaces  between  every  word  " * 12).strip(),
    "long-word": WORDS + "https://example.org/" + "x" * 150 + " " + WORDS.strip(),
    "leading-spaces": "   " + WORDS * 4 + "end",
    "trailing-spaces": WORDS * 4 + "end   ",
    "tabs": ("tab\tafter and\t before \tthe space " * 8).strip(),
    "odd-spaces": ("no\u00a0break and\u2003em space\u3000ideographic " * 8).strip(),
    "colon-and-hash": ("Cost: $4 PMPM # per member; see: the deck #2 " * 6).strip(),
    "yaml-looking-words": ("- no | > # & * ! % @ ` [x] {y} ---  ... ? : " * 6).strip(),
    "paragraphs": (WORDS * 3).strip() + "\n\n" + (WORDS * 3).strip(),
    "own-lines": "Three things:\n" + (WORDS * 2).strip() + "\n" + (WORDS * 2).strip() + "\n",
    "indented-lines": "List:\n  - " + (WORDS * 3).strip() + "\n  - short",
    "blank-lines-at-the-end": (WORDS * 4).strip() + "\n\n",
    "control-character": "bell \x07 " + WORDS * 4,
    "line-separator": WORDS * 2 + "\u2028" + WORDS * 2,
    "quotes": ("'single' and \"double\" quotes, back\\slash " * 6).strip(),
    "one-line-break-at-the-end": (WORDS * 4).strip() + "\n",
}


@pytest.mark.parametrize("name", TRAPS)
@pytest.mark.parametrize("newline", ["\n", "\r\n"], ids=["lf", "crlf"])
def test_a_long_text_reads_back_exactly_and_fits_whatever_it_holds(name, newline):
    value = TRAPS[name]
    text = BASE.replace("    dimensions: |\n{prose}\n", "").replace("\n", newline)
    new = apply_edits(text, [Edit(COST, value)])
    assert parse_canvas(new).answers["cost"].text == value
    for line in written_lines(text, new):
        # a word longer than the width has a line of its own, as a person would write it
        assert len(line) <= 88 or " " not in line.strip(), line
    assert set(re.findall(r"\r\n|\r|\n", new)) == {newline}


def test_a_text_that_cannot_be_folded_is_double_quoted_over_lines():
    value = TRAPS["leading-spaces"]
    text = BASE.replace("    dimensions: |\n{prose}\n", "")
    written = written_lines(text, apply_edits(text, [Edit(COST, value)]))
    assert written[0].startswith('    cost: "   plain words')
    assert len(written) > 3


# --- lists -----------------------------------------------------------------------------

FLOWS = """\
modelh: 1
canvas:
  title: T
  organization: O
  prepared_by: [Dana Whitfield, Luis Ortega]   # consultants
segments:
  - {id: employers, name: Employer groups, role: buyer}
channels:
  - id: app
    name: App
customer_relationships:
  dimensions:
    information: {use: core, channels: [app], message: Plain words}
  measures:
    - {id: csat, name: CSAT, domain: customer, baseline: 41, target: 70}
"""


def test_a_short_flow_list_the_file_holds_stays_flow():
    new = apply_edits(FLOWS, [Edit(("canvas", "prepared_by"), ["Dana Whitfield", "Ana Ruiz"])])
    assert written_lines(FLOWS, new) == [
        "  prepared_by: [Dana Whitfield, Ana Ruiz]   # consultants"
    ]


def test_a_flow_list_that_would_pass_the_width_goes_block():
    names = [f"Consultant number {n}" for n in range(6)]
    new = apply_edits(FLOWS, [Edit(("canvas", "prepared_by"), names)])
    assert written_lines(FLOWS, new) == [
        "  prepared_by:    # consultants",
        *(f"    - {name}" for name in names),
    ]
    assert list(parse_canvas(new).canvas.prepared_by) == names


def test_a_long_value_in_a_flow_mapping_rewrites_that_mapping_in_block_style():
    path = ("customer_relationships", "dimensions", "information", "approach")
    new = apply_edits(FLOWS, [Edit(path, LONG_ANSWER)])
    written = written_lines(FLOWS, new)
    assert written[:3] == ["    information:", "      use: core", "      approach: >-"]
    assert written[-2:] == [
        "      channels: [app]",  # as the file wrote it
        "      message: Plain words",
    ]  # in the format's order
    assert max(len(line) for line in written) <= 88
    assert parse_canvas(new).dimensions["information"].approach == LONG_ANSWER


def test_a_flow_item_grown_past_the_width_becomes_a_block_item_keeping_its_numbers():
    path = ("customer_relationships", "measures", "[csat]", "name")
    new = apply_edits(FLOWS, [Edit(path, "Members satisfied with their last call, " * 3)])
    written = written_lines(FLOWS, new)
    assert written[0] == "    - id: csat"
    assert "      baseline: 41" in written and "      target: 70" in written
    assert parse_canvas(new).measure("csat").baseline == 41


def test_a_short_value_in_a_flow_item_stays_on_its_line():
    path = ("segments", "[employers]", "description")
    new = apply_edits(FLOWS, [Edit(path, "HR teams")])
    assert written_lines(FLOWS, new) == [
        "  - {id: employers, name: Employer groups, role: buyer, description: HR teams}"
    ]


# --- the format's order of keys ----------------------------------------------------------

ORDER = """\
modelh: 1
canvas:
  title: T
  organization: O
segments:
  - id: members
    name: Members
    role: user
    stage: interact
  - id: employers
    name: Employers
customer_relationships:
  answers:
    # 1. the dimensions
    dimensions: Information first.
    expectations:
      # what employers expect
      employers: Reports.
    growth: Word of mouth.
  dimensions:
    navigation:
      use: core
      approach: Guides.
x-notes: kept last
"""


@pytest.mark.parametrize(
    "path, value, expected, after",
    [
        (
            ("segments", "[members]", "description"),
            "Plan members",
            "    description: Plan members",
            "    role: user",
        ),
        (
            ("segments", "[members]", "target_stage"),
            "engage",
            "    target_stage: engage",
            "    stage: interact",
        ),
        (
            ("customer_relationships", "answers", "cost"),
            "$4",
            "    cost: $4",
            "      employers: Reports.",
        ),
        (
            ("customer_relationships", "answers", "expectations", "members"),
            "Calls back.",
            "      members: Calls back.",
            "    expectations:",  # before employers and the comment over it
        ),
        (
            ("customer_relationships", "dimensions", "navigation", "segments"),
            ["members"],
            "      segments:",
            "      use: core",
        ),
        (
            ("customer_relationships", "dimensions", "information"),
            {"use": "core"},
            "    information:",
            "  dimensions:",
        ),
        (("value_propositions",), [], "value_propositions: []", "    name: Employers"),
    ],
)
def test_a_new_key_goes_at_its_place_in_the_formats_order(path, value, expected, after):
    new = apply_edits(ORDER, [Edit(path, value)])
    lines = split_lines(new)
    assert lines[lines.index(expected) - 1] == after
    assert written_lines(ORDER, new)[0] == expected


def test_a_new_top_level_block_goes_before_the_firms_own_keys():
    new = apply_edits(
        ORDER, [Append(("channels",), {"kind": "digital", "id": "app", "name": "App"})]
    )
    assert "    name: Employers\nchannels:\n  - id: app\n    name: App\n    kind: digital\n" in new
    assert new.endswith("x-notes: kept last\n")


# --- a diff of one answer ----------------------------------------------------------------

RIVERSIDE = ROOT / "canvases" / "riverside-health-plan.yaml"


@pytest.mark.parametrize(
    "path",
    [
        ("customer_relationships", "answers", "cost"),  # a "|" block
        ("customer_relationships", "answers", "expectations", "caregivers"),  # one line
        ("segments", "[caregivers]", "description"),
        ("customer_relationships", "dimensions", "connection", "reason"),  # a ">" block
    ],
)
def test_the_diff_of_one_answer_in_the_worked_example_shows_that_answer_only(path):
    text = RIVERSIDE.read_text(encoding="utf-8")
    new = apply_edits(text, [Edit(path, LONG_ANSWER)])
    old_lines, new_lines = split_lines(text), split_lines(new)
    matcher = difflib.SequenceMatcher(a=old_lines, b=new_lines, autojunk=False)
    hunks = [op for op in matcher.get_opcodes() if op[0] != "equal"]
    assert len(hunks) == 1
    _, i1, i2, j1, j2 = hunks[0]
    canvas = parse_canvas(text)
    dotted = path[0] + "".join(s if s.startswith("[") else f".{s}" for s in path[1:])
    _, span = canvas.locate(dotted)
    assert span.line <= i1 + 1 and i2 <= span.end_line  # the old value's lines, no other
    assert all(len(line) <= 88 for line in new_lines[j1:j2])
    assert re.match(r"\s*(- )?\w+: >-$", new_lines[j1])


# --- hints for hand-editing traps -----------------------------------------------------------


@pytest.mark.parametrize(
    "line, column, hint",
    [
        ("    cost: About $4 PMPM: nurse line", 24, "quote"),
        ('    cost: "Quoted" and more', 20, "quote"),
        ("    cost: @home visits", 11, "quote"),
        ("    cost: [draft] more", 19, "quote"),
    ],
)
def test_a_value_that_breaks_the_yaml_gets_a_hint_at_its_place(tmp_path, line, column, hint):
    text = "modelh: 1\ncanvas:\n  title: T\n  organization: O\n"
    text += f"customer_relationships:\n  answers:\n{line}\n    growth: x\n"
    with pytest.raises(CanvasError) as caught:
        parse_canvas(text, "c.yaml")
    (problem,) = caught.value.problems
    assert (problem.line, problem.column) == (7, column)
    assert hint in problem.message and "|" in problem.message


def test_a_list_item_read_as_a_mapping_gets_a_hint():
    text = (
        "modelh: 1\ncanvas:\n  title: T\n  organization: O\nsegments:\n  - id: a\n"
        "    preferences:\n      - Language: Spanish\n"
    )
    with pytest.raises(CanvasError) as caught:
        parse_canvas(text, "c.yaml")
    (problem,) = caught.value.problems
    assert (problem.line, problem.column) == (8, 9)
    assert "quote" in problem.message and "Language: Spanish" in problem.message


def test_a_nested_key_on_the_next_line_gets_no_quoting_hint():
    text = (
        "modelh: 1\ncanvas:\n  title: T\n  organization: O\ncustomer_relationships:\n"
        "  answers:\n    cost: first line\n      second: line\n"
    )
    with pytest.raises(CanvasError) as caught:
        parse_canvas(text, "c.yaml")
    assert "quote" not in caught.value.problems[0].message


def test_a_comment_that_cuts_a_text_going_on_below_gets_a_hint():
    text = (
        "modelh: 1\ncanvas:\n  title: T\n  organization: O\ncustomer_relationships:\n"
        "  answers:\n    cost: Staffing is the #1 cost\n      and then the app\n"
    )
    with pytest.raises(CanvasError) as caught:
        parse_canvas(text, "c.yaml")
    (problem,) = caught.value.problems
    assert (problem.line, problem.column) == (8, 7)
    assert (
        "' #'" in problem.message and "quotes" in problem.message and "cost: |" in problem.message
    )


# --- what stays as it was ---------------------------------------------------------------


def test_a_comment_after_a_blocks_indicator_stays_when_the_block_is_replaced():
    text = BASE.format(prose="      Old text.").replace("dimensions: |", "dimensions: |   # agreed")
    path = ("customer_relationships", "answers", "dimensions")
    assert "    dimensions: New text.  # agreed\n" in apply_edits(text, [Edit(path, "New text.")])
    new = apply_edits(text, [Edit(path, LONG_ANSWER)])
    assert "    dimensions: >-  # agreed\n      Care guides call" in new


def test_a_block_replaced_at_the_end_of_a_file_without_a_final_newline_adds_none():
    text = BASE.replace("    dimensions: |\n{prose}\n", "") + "    feedback:\n      x: Old."
    path = ("customer_relationships", "answers", "feedback")
    assert apply_edits(text, [Edit(path, "New.")]).endswith("\n    feedback: New.")


def test_a_comment_after_a_value_wrapped_in_quotes_ends_its_last_line_within_the_width():
    text = BASE.replace("    dimensions: |\n{prose}\n", "").replace(
        "    cost:\n", "    cost:          # nobody knows yet\n"
    )
    value = "no " * 27 + "trail "
    new = apply_edits(text, [Edit(COST, value)])
    written = written_lines(text, new)
    assert written[-1].endswith('"          # nobody knows yet')
    assert max(len(line) for line in written) <= 88
    assert parse_canvas(new).answers["cost"].text == value


# --- canvases written by other tools: one flow mapping, comments inside flows -------------

JSON_CANVAS = """\
{
  "modelh": 1,
  "canvas": {"title": "Exported canvas", "organization": "Tool Export Inc"},
  "segments": [
    {"id": "members", "name": "Members", "role": "user"}
  ],
  "customer_relationships": {
    "answers": {"cost": "no", "growth": null},
    "dimensions": {"information": {"use": "core", "segments": ["members"]}}
  }
}
"""

ONE_LINE_FLOW = (
    "\ufeff---\r\n# one flow mapping, as some tools write it\r\n"
    "{modelh: 1, canvas: {title: T, organization: O, version: 1.0}, "
    "segments: [{id: members, name: Members, role: user}], "
    "customer_relationships: {answers: {cost: no}, dimensions: {information: {use: core}}}}"
    "\r\n...\r\n"
)


@pytest.mark.parametrize("text", [JSON_CANVAS, ONE_LINE_FLOW.removeprefix("\ufeff")])
def test_a_canvas_written_as_one_flow_mapping_takes_new_items_and_answers(text):
    """A canvas exported as JSON (or one flow mapping) gets a new segment and a new
    answer: the top level goes block style, every value the file held stays."""
    before = parse_canvas(text)
    new = apply_edits(
        text,
        [
            Append(("segments",), {"id": "newcomers", "name": "Newcomers", "role": "user"}),
            Edit(("customer_relationships", "answers", "growth"), "Grow by referral\nand word"),
            Edit(("customer_relationships", "answers", "cost"), "no"),
        ],
    )
    after = parse_canvas(new)
    assert [s.id for s in after.segments] == ["members", "newcomers"]
    assert after.answers["growth"].text == "Grow by referral\nand word"
    assert after.answers["cost"].text == "no"
    assert after.canvas.title == before.canvas.title
    assert after.canvas.version == before.canvas.version
    assert after.dimensions["information"].use == "core"
    if "\r\n" in text:
        assert "\n" not in new.replace("\r\n", "")  # its line ends stay CRLF


def test_a_comment_inside_a_flow_mapping_rewritten_in_block_style_is_kept():
    text = dedent(
        """\
        modelh: 1
        canvas: {title: T, organization: O}
        customer_relationships:
          dimensions: {
            information: {use: core},  # agreed at the October workshop
            navigation: {use: planned}
          }
        """
    )
    path = ("customer_relationships", "dimensions", "transition")
    new = apply_edits(text, [Edit(path, {"use": "none", "reason": "Not yet"})])
    assert "# agreed at the October workshop" in new
    assert parse_canvas(new).dimensions["transition"].reason == "Not yet"


def test_a_flow_item_with_a_quoted_id_takes_a_block_value():
    """JSON-style items ({"id": "members"}) are found by their id when rewritten."""
    text = dedent(
        """\
        modelh: 1
        canvas: {title: T, organization: O}
        x-tool: {segments: 1}
        segments: [{"id": "members", "name": "Members", "role": "user"}]
        """
    )
    path = ("segments", "[members]", "description")
    new = apply_edits(text, [Edit(path, "Two lines\nof description")])
    segment = parse_canvas(new).segment("members")
    assert segment is not None and segment.description == "Two lines\nof description"


FOUR_SPACES = """\
modelh: 1
canvas:
    title: T
    organization: O
segments:
    -   id: members
        name: Members
        role: user
"""


@pytest.mark.parametrize("first", [(), (("canvas", "prepared_for"), "Board")])
def test_a_new_list_is_indented_with_the_files_own_step_whatever_was_edited_before(first):
    """A new list in a four-space file is indented four spaces, also when it is the only
    edit (it used to take the step of the path edited before it, or two spaces)."""
    edits = [Edit(*first)] if first else []
    new = apply_edits(FOUR_SPACES, [*edits, Edit(("segments", "[members]", "jobs"), ["Stay home"])])
    assert "        jobs:\n            - Stay home\n" in new


def test_an_explicit_key_does_not_set_the_indentation_step():
    text = (
        "modelh: 1\ncanvas:\n  ? title\n  : T\n  organization: O\n"
        "segments:\n  - id: a\n    name: A\n"
    )
    new = apply_edits(
        text,
        [Edit(("canvas", "title"), "T2"), Edit(("segments", "[a]", "jobs"), ["Stay home"])],
    )
    assert "    jobs:\n      - Stay home\n" in new


EXPLICIT = "modelh: 1\ncanvas:\n  ? title\n  : T\n  organization: O\n"


@pytest.mark.parametrize(
    ("path", "value"),
    [
        (("canvas", "prepared_by"), ["no", "1.0"]),  # a new key in a mapping of "? key"s
        (("canvas", "title"), "\nstarts with a line break"),  # the value of "? title"
        (("canvas", "title"), "Two\nlines"),
    ],
)
def test_a_mapping_with_an_explicit_key_takes_new_keys_and_block_values(path, value):
    new = apply_edits(EXPLICIT, [Edit(path, value)])
    canvas = parse_canvas(new)
    assert (canvas.canvas.title if path[-1] == "title" else canvas.canvas.prepared_by) == (
        value if isinstance(value, str) else tuple(value)
    )


@pytest.mark.parametrize(
    ("path", "before", "after"),
    [
        (
            ("canvas", "prepared_by"),
            """  prepared_by: ["O'Brien, Pat", 'Zoë']   # consultants""",
            """  prepared_by: ["O'Brien, Pat", 'Zoë', Ana Ruiz]   # consultants""",
        ),
        (
            ("customer_relationships", "dimensions", "motivation", "incentives"),
            """    motivation: {use: core, incentives: [Points, "Gift: cards"]}""",
            """    motivation: {use: core, incentives: [Points, "Gift: cards", Ana Ruiz]}""",
        ),
    ],
)
def test_a_flow_list_given_a_new_item_keeps_the_others_as_written(path, before, after):
    text = dedent(
        """\
        modelh: 1
        canvas:
          title: T
          organization: O
        PREPARED
        customer_relationships:
          dimensions:
        MOTIVATION
        """
    )
    prepared = """  prepared_by: ["O'Brien, Pat", 'Zoë']   # consultants"""
    motivation = """    motivation: {use: core, incentives: [Points, "Gift: cards"]}"""
    text = text.replace("PREPARED", prepared).replace("MOTIVATION", motivation)
    old = parse_canvas(text)
    held = list(old.canvas.prepared_by) if path[-1] == "prepared_by" else ["Points", "Gift: cards"]
    new = apply_edits(text, [Edit(path, [*held, "Ana Ruiz"])])
    assert written_lines(text, new) == [after]
    assert before in text
