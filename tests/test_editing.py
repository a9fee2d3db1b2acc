"""Writing answers back into the text: only the answered value changes, byte for byte."""

from __future__ import annotations

import difflib
import os
import stat
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from modelh import CanvasError, parse_canvas
from modelh.canvas.editing import (
    Append,
    CanvasFile,
    ConflictError,
    Edit,
    EditError,
    apply_edits,
)
from modelh.canvas.linebreaks import line_col, split_lines, styles
from modelh.canvas.yamlnodes import compose_nodes
from modelh.canvas.yamltext import file_width, render_scalar

from .conftest import EXAMPLES, dedent

ODD = """\
# yaml-language-server: $schema=modelh.schema.json
modelh: 1   # format

canvas:
  title:        Medicare Advantage 2027     # aligned by hand
  organization: Riverside Health Plan
  prepared_by:  [Dana Whitfield, Luis Ortega]
  status:       draft
  branding: {logo: assets/logo.svg, color: "#0b5f8a"}

segments:
- id: ma-members          # zero-offset sequence
  name: MA members 65+
  role: user
  stage: interact
- {id: employers, name: Employer groups, role: buyer}

channels:
    -   id: member-app     # four-space sequence
        name: Member app
        kind: digital

customer_relationships:
  answers:
    dimensions: |
      Information and navigation are core.
    cost:          # nobody knows yet
    marketing: "Quoted: with a colon"
    expectations:
      ma-members: Same-day call back.
  dimensions:
    information: {use: core, channels: [member-app]}
    navigation:
      use: supporting
      approach: >
        Folded text that
        spans lines.
      channels:
        - member-app
  measures: []   # none yet
x-notes:
  free: text
"""
ODD_CRLF = ODD.replace("\n", "\r\n")


def changed_lines(old: str, new: str) -> list[tuple[str, list[str], list[str]]]:
    """The hunks of a line diff: (tag, old lines, new lines)."""
    a, b = old.splitlines(keepends=True), new.splitlines(keepends=True)
    matcher = difflib.SequenceMatcher(a=a, b=b, autojunk=False)
    return [
        (tag, a[i1:i2], b[j1:j2]) for tag, i1, i2, j1, j2 in matcher.get_opcodes() if tag != "equal"
    ]


def test_answering_one_question_changes_only_that_line_in_an_odd_crlf_canvas():
    new = apply_edits(
        ODD_CRLF,
        [
            Edit(
                ("customer_relationships", "answers", "cost"), "About $4 PMPM: nurse line # and app"
            )
        ],
    )
    hunks = changed_lines(ODD_CRLF, new)
    assert hunks == [
        (
            "replace",
            ["    cost:          # nobody knows yet\r\n"],
            ["    cost: 'About $4 PMPM: nurse line # and app'          # nobody knows yet\r\n"],
        )
    ]
    assert parse_canvas(new).answers["cost"].text == "About $4 PMPM: nurse line # and app"


@pytest.mark.parametrize(
    "path, value, expected",
    [
        (("customer_relationships", "answers", "marketing"), "no", ["    marketing: 'no'\n"]),
        (("canvas", "title"), "1.10", ["  title:        '1.10'     # aligned by hand\n"]),
        (
            ("segments", "[employers]", "stage"),
            "communicate",
            ["- {id: employers, name: Employer groups, role: buyer, stage: communicate}\n"],
        ),
        (
            ("customer_relationships", "dimensions", "information", "message"),
            "Plain words",
            ["    information: {use: core, channels: [member-app], message: Plain words}\n"],
        ),
    ],
)
def test_one_value_one_line(path, value, expected):
    hunks = changed_lines(ODD, apply_edits(ODD, [Edit(path, value)]))
    assert len(hunks) == 1 and hunks[0][2] == expected


def test_a_missing_key_is_inserted_after_its_last_sibling_at_their_indentation():
    new = apply_edits(
        ODD,
        [
            Edit(
                ("customer_relationships", "answers", "growth"),
                "Win employers first,\nthen their members.",
            )
        ],
    )
    assert changed_lines(ODD, new) == [
        (
            "insert",
            [],
            ["    growth: |-\n", "      Win employers first,\n", "      then their members.\n"],
        )
    ]


def test_a_per_segment_answer_joins_its_siblings():
    new = apply_edits(
        ODD,
        [
            Edit(
                ("customer_relationships", "answers", "expectations", "employers"),
                "Quarterly reviews with HR.",
            )
        ],
    )
    assert changed_lines(ODD, new) == [
        ("insert", [], ["      employers: Quarterly reviews with HR.\n"])
    ]


def test_a_new_item_follows_the_list_style_of_its_siblings():
    new = apply_edits(
        ODD, [Append(("channels",), {"id": "nurse-line", "name": "Nurse line", "kind": "phone"})]
    )
    assert changed_lines(ODD, new) == [
        (
            "insert",
            [],
            ["    -   id: nurse-line\n", "        name: Nurse line\n", "        kind: phone\n"],
        )
    ]


def test_an_empty_flow_list_that_grows_becomes_a_block_and_keeps_its_comment():
    new = apply_edits(
        ODD,
        [
            Append(
                ("customer_relationships", "measures"),
                {
                    "id": "csat",
                    "name": "CSAT",
                    "domain": "customer",
                    "baseline": 41,
                    "target": 70.5,
                },
            )
        ],
    )
    assert changed_lines(ODD, new) == [
        (
            "replace",
            ["  measures: []   # none yet\n"],
            [
                "  measures:    # none yet\n",
                "    - id: csat\n",
                "      name: CSAT\n",
                "      domain: customer\n",
                "      baseline: 41\n",
                "      target: 70.5\n",
            ],
        )
    ]
    assert parse_canvas(new).measure("csat").target == 70.5


def test_a_missing_dimension_is_created_whole():
    new = apply_edits(
        ODD,
        [
            Edit(
                ("customer_relationships", "dimensions", "coordination"),
                {"use": "core", "channels": ["member-app"]},
            )
        ],
    )
    assert changed_lines(ODD, new) == [
        (
            "insert",
            [],
            [
                "    coordination:\n",
                "      use: core\n",
                "      channels:\n",
                "        - member-app\n",
            ],
        )
    ]


def test_an_emptied_block_list_says_so():
    new = apply_edits(
        ODD, [Edit(("customer_relationships", "dimensions", "navigation", "channels"), [])]
    )
    assert changed_lines(ODD, new) == [
        (
            "replace",
            ["      channels:\n", "        - member-app\n"],
            ["      channels: []\n"],
        )
    ]


def test_no_final_newline_stays_absent():
    text = ODD.rstrip("\n")
    new = apply_edits(text, [Edit(("x-notes", "more"), "at the end")])
    assert new.endswith("  free: text\n  more: at the end")


def test_an_edit_that_would_break_the_canvas_is_refused_and_nothing_changes():
    with pytest.raises(CanvasError):
        apply_edits(ODD, [Edit(("segments", "[employers]", "stage"), "engaged")])
    with pytest.raises(EditError):
        apply_edits(ODD, [Edit(("segments", "[nobody]", "stage"), "engage")])


@pytest.mark.parametrize(
    "value, rendered",
    [
        ("no", "'no'"),
        ("1.10", "'1.10'"),
        ("2026-11-20", "'2026-11-20'"),
        ("~", "'~'"),
        ("plain words", "plain words"),
        ("a: b", "'a: b'"),
        ("x #y", "'x #y'"),
        ("it's", "it's"),
        ("'quoted'", "'''quoted'''"),
        ("医療 ok", "医療 ok"),
        ("tab\there", '"tab\\there"'),
        ("=", "'='"),
        (" lead", "' lead'"),
        ("0o17", "'0o17'"),
    ],
)
def test_scalars_are_plain_only_when_every_reader_reads_them_back(value, rendered):
    assert render_scalar(value) == rendered


# --- random edits on random canvases --------------------------------------------


def _mixed(text: str, ends: tuple[str, ...]) -> str:
    """``text`` with its line ends taken in turn from ``ends``."""
    lines = text.split("\n")
    return "".join(line + ends[n % len(ends)] for n, line in enumerate(lines[:-1])) + lines[-1]


EXAMPLE_TEXTS = [p.read_text(encoding="utf-8") for p in EXAMPLES]
BASES = [
    ODD,
    ODD_CRLF,
    ODD.rstrip("\n"),
    ODD.replace("\n", "\r"),  # bare CR: old Mac editors, some exports
    _mixed(ODD, ("\n", "\n", "\r")),  # a few CR among LF
    _mixed(ODD, ("\r\n", "\n")),
    _mixed(ODD, ("\r", "\r\n", "\n")).rstrip("\r\n"),
    *EXAMPLE_TEXTS,
    EXAMPLE_TEXTS[0].replace("\n", "\r"),
    EXAMPLE_TEXTS[1].replace("\n", "\r\n"),
    _mixed(EXAMPLE_TEXTS[2], ("\r", "\n", "\r\n")),
]
TRICKY = [
    "no",
    "NO",
    "1.10",
    "2026-11-20",
    "~",
    "null",
    "yes: no",
    "a # b",
    "#hash",
    "- dash",
    " lead",
    "trail ",
    "'single'",
    '"double"',
    "x: y: z",
    "[not a list]",
    "{nor: map}",
    "@at",
    "`tick`",
    "%percent",
    "*star",
    "&amp",
    "!bang",
    "|pipe",
    ">fold",
    "? q",
    "医療 ✓ café",
    "emoji 🙂",
    "back\\slash",
    "a\tb",
    "=",
    "<<",
]

#: Words of long answers: YAML's indicators, white space of every sort (runs of
#: spaces, tabs, no-break and other Unicode spaces), a word longer than any line.
LONG_WORDS = [
    *TRICKY,
    "care",
    "guides",
    "call",
    "every",
    "member",
    "within",
    "14",
    "days;",
    "",
    " ",
    "\t",
    "\u00a0",
    "\u2003",
    "no\u00a0break",
    "#4",
    "a:",
    "-",
    "x" * 130,
]
long_texts = st.lists(st.sampled_from(LONG_WORDS), min_size=20, max_size=90).map(" ".join)

text_values = st.one_of(
    st.sampled_from(TRICKY),
    st.text(
        st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"),
        min_size=1,
        max_size=40,
    ),
    st.lists(
        st.sampled_from([*TRICKY, "", "  indented", "plain line"]), min_size=2, max_size=5
    ).map("\n".join),
    long_texts,
    st.lists(long_texts, min_size=2, max_size=3).map(lambda ps: "\n\n".join(ps)),
    st.tuples(long_texts, st.sampled_from(["", "\n", "\n\n", " ", "\x07"])).map("".join),
).filter(lambda v: v.strip() != "")

QUESTIONS = [
    "dimensions",
    "expectations",
    "cost",
    "marketing",
    "sharing",
    "feedback",
    "influencers",
    "growth",
]


@st.composite
def edit_case(draw):
    text = draw(st.sampled_from(BASES))
    canvas = parse_canvas(text)
    kind = draw(st.sampled_from(["answer", "segment", "dimension", "canvas", "list"]))
    if kind == "list":
        seg = draw(st.sampled_from([s.id for s in canvas.segments]))
        path = draw(
            st.sampled_from(
                [
                    ("segments", f"[{seg}]", "preferences"),
                    ("segments", f"[{seg}]", "jobs"),
                    ("key_activities",),
                    ("canvas", "prepared_by"),
                    ("customer_relationships", "dimensions", "motivation", "incentives"),
                ]
            )
        )
        return text, path, draw(st.lists(text_values, min_size=1, max_size=6))
    if kind == "answer":
        question = draw(st.sampled_from(QUESTIONS))
        answer = canvas.answers.get(question)
        if answer is not None and answer.per_segment and canvas.segments:
            seg = draw(st.sampled_from([s.id for s in canvas.segments]))
            path: tuple = ("customer_relationships", "answers", question, seg)
        else:
            path = ("customer_relationships", "answers", question)
    elif kind == "segment":
        seg = draw(st.sampled_from([s.id for s in canvas.segments]))
        path = ("segments", f"[{seg}]", draw(st.sampled_from(["name", "description"])))
    elif kind == "dimension":
        dim = draw(
            st.sampled_from(
                [
                    "information",
                    "navigation",
                    "coordination",
                    "connection",
                    "transition",
                    "motivation",
                    "monetization",
                ]
            )
        )
        path = (
            "customer_relationships",
            "dimensions",
            dim,
            draw(st.sampled_from(["approach", "message", "owner", "emotional_support"])),
        )
    else:
        path = (
            "canvas",
            draw(st.sampled_from(["title", "prepared_for", "confidentiality", "version"])),
        )
    return text, path, draw(text_values)


def _value_at(canvas, path):
    if path == ("key_activities",):
        return [item.text for item in canvas.key_activities]
    if path[-1] in ("preferences", "jobs", "incentives", "prepared_by"):
        if path[0] == "customer_relationships":
            dim = canvas.dimensions.get(path[2])
            return list(dim.incentives) if dim else None
        owner = canvas.canvas if path[0] == "canvas" else canvas.segment(path[1][1:-1])
        return list(getattr(owner, path[-1]))
    if path[0] == "canvas":
        return getattr(canvas.canvas, path[1])
    if path[0] == "segments":
        return getattr(canvas.segment(path[1][1:-1]), path[2])
    if path[1] == "answers":
        answer = canvas.answers.get(path[2])
        if answer is None:
            return None
        return answer.per_segment.get(path[3]) if len(path) == 4 else answer.text
    dim = canvas.dimensions.get(path[2])
    return getattr(dim, path[3]) if dim else None


# More examples once, locally: MODELH_EDIT_EXAMPLES=5000 pytest tests/test_editing.py -k random
@settings(
    max_examples=int(os.environ.get("MODELH_EDIT_EXAMPLES", "400")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
@given(edit_case())
def test_random_edits_reload_exactly_and_leave_every_other_line(case):
    text, path, value = case
    try:
        new = apply_edits(text, [Edit(path, value)])
    except CanvasError as exc:
        # only a value the canvas format itself refuses may fail ('=' and '<<' bare)
        assume(False) if all("must be quoted" in p.message for p in exc.problems) else None
        raise
    assert _value_at(parse_canvas(new), path) == value
    assert styles(new) <= styles(text), "a line end the file does not use crept in"
    assert new.endswith(("\n", "\r")) == text.endswith(("\n", "\r"))
    width = file_width(text, compose_nodes(text))
    for line, was in _written_lines(text, new):
        # no line grows past the file's width (or past what it was), but for one long word
        assert len(line) <= max(width, was) or " " not in line.strip(), line
    first, last = _changed_old_lines(text, new)
    if first is None:
        return  # a pure insertion: every old line is still there, in order
    low, high = _allowed_lines(parse_canvas(text), path)
    assert low <= first and last <= high, (first, last, low, high)


def _written_lines(old: str, new: str) -> list[tuple[str, int]]:
    """Each line an edit wrote, with the length of the longest line it replaced (0)."""
    a, b = split_lines(old), split_lines(new)
    matcher = difflib.SequenceMatcher(a=a, b=b, autojunk=False)
    return [
        (line, max((len(x) for x in a[i1:i2]), default=0))
        for tag, i1, i2, j1, j2 in matcher.get_opcodes()
        if tag != "equal"
        for line in b[j1:j2]
    ]


def _changed_old_lines(old: str, new: str) -> tuple[int | None, int]:
    """The first and last line of the old text that the edit touched (None: none)."""
    prefix = 0
    limit = min(len(old), len(new))
    while prefix < limit and old[prefix] == new[prefix]:
        prefix += 1
    suffix = 0
    while suffix < limit - prefix and old[len(old) - 1 - suffix] == new[len(new) - 1 - suffix]:
        suffix += 1
    if prefix >= len(old) - suffix:
        return None, 0
    return line_col(old, prefix)[0], line_col(old, max(prefix, len(old) - suffix - 1))[0]


def _allowed_lines(canvas, path) -> tuple[int, int]:
    """The lines an edit of ``path`` may touch: its own key and value, or, when it is
    missing, the line of a flow or empty parent it goes into."""
    dotted = ""
    for step in path:
        dotted += step if step.startswith("[") else ("." if dotted else "") + step
    found, span = canvas.locate(dotted)
    key = canvas.key_spans.get(found)
    low = key.line if key else span.line
    return low, span.end_line


# --- files ---------------------------------------------------------------------------


def test_save_is_atomic_keeps_the_mode_and_refuses_a_file_changed_on_disk(tmp_path):
    path = tmp_path / "c.yaml"
    path.write_text(ODD, encoding="utf-8")
    os.chmod(path, 0o640)
    file = CanvasFile.read(path)
    assert file.apply([Edit(("customer_relationships", "answers", "cost"), "$4 PMPM")])
    assert stat.S_IMODE(path.stat().st_mode) == 0o640
    assert "cost: $4 PMPM" in path.read_text()
    assert [p.name for p in tmp_path.iterdir()] == ["c.yaml"]  # no temporary file left
    path.write_text(path.read_text() + "# someone else's edit\n")
    with pytest.raises(ConflictError):
        file.apply([Edit(("customer_relationships", "answers", "growth"), "More members.")])
    assert path.read_text().endswith("# someone else's edit\n")


def test_a_byte_order_mark_is_kept(tmp_path):
    path = tmp_path / "c.yaml"
    path.write_bytes(b"\xef\xbb\xbf" + ODD.encode())
    CanvasFile.read(path).apply([Edit(("canvas", "prepared_for"), "Board")])
    assert path.read_bytes().startswith(
        b"\xef\xbb\xbfmodelh: 1".replace(b"modelh: 1", b"# yaml-language")
    )


def test_examples_stay_valid_after_every_question_is_answered():
    for example in EXAMPLES:
        text = example.read_text(encoding="utf-8")
        edits = [
            Edit(("customer_relationships", "answers", q), f"New answer to {q}.")
            for q in ("cost", "growth")
        ]
        new = apply_edits(text, edits)
        canvas = parse_canvas(new)
        assert canvas.answers["cost"].text == "New answer to cost."
        assert Path(example).read_text(encoding="utf-8") == text  # nothing written


# --- line ends: LF, CRLF, bare CR and mixes -------------------------------------------

CR_CANVAS = (
    "modelh: 1\ncanvas:\n  title: T\n  organization: O\ncustomer_relationships:\n"
    "  answers:\n    cost: |\n      old\n    growth: Word of mouth.\n"
    "    marketing: >\n      folded\n      text\nx-notes: keep me\n"
)


def _with_ends(text: str, style: str) -> str:
    """``text`` with its line ends in ``style``: one end for all, or a mix."""
    if style in ("\n", "\r\n", "\r"):
        return text.replace("\n", style)
    ends = {"mixed-cr": ["\n", "\r"], "mixed-crlf": ["\r\n", "\n"], "all": ["\r", "\r\n", "\n"]}
    cycle = ends[style]
    lines = text.split("\n")
    return "".join(line + cycle[i % len(cycle)] for i, line in enumerate(lines[:-1])) + lines[-1]


LINE_END_STYLES = ["\n", "\r\n", "\r", "mixed-cr", "mixed-crlf", "all"]


@pytest.mark.parametrize("style", LINE_END_STYLES)
@pytest.mark.parametrize(
    "question, value",
    [
        ("cost", "new answer"),
        ("cost", "two\nlines"),
        ("marketing", "new answer"),
        ("growth", "two\nlines"),
        ("sharing", "a new\nkey"),
    ],
)
def test_an_edit_keeps_every_other_line_and_its_line_end_whatever_the_line_ends(
    style, question, value
):
    text = _with_ends(CR_CANVAS, style)
    new = apply_edits(text, [Edit(("customer_relationships", "answers", question), value)])
    canvas = parse_canvas(new)
    assert canvas.answers[question].text == value
    others = {"cost": "old\n", "growth": "Word of mouth.", "marketing": "folded text\n"}
    for other, kept in others.items():
        if other != question:
            assert canvas.answers[other].text == kept
    assert yaml.safe_load(new)["x-notes"] == "keep me"
    old_lines = split_lines(text, keepends=True)
    new_lines = split_lines(new, keepends=True)
    # every line the edit did not touch is there, with its own line end
    matcher = difflib.SequenceMatcher(a=old_lines, b=new_lines, autojunk=False)
    kept_lines = sum(size for _, _, size in matcher.get_matching_blocks())
    assert kept_lines >= len(old_lines) - 3
    assert styles(new) <= styles(text)


def test_the_bare_cr_reproduction_keeps_the_rest_of_the_file(tmp_path):
    path = tmp_path / "cr.yaml"
    path.write_bytes(
        b"modelh: 1\rcanvas:\r  title: T\r  organization: O\rcustomer_relationships:\r"
        b"  answers:\r    cost: |\r      old\r    growth: Word of mouth.\rx-notes: keep me\r"
    )
    CanvasFile.read(path).apply([Edit(("customer_relationships", "answers", "cost"), "new")])
    assert path.read_bytes() == (
        b"modelh: 1\rcanvas:\r  title: T\r  organization: O\rcustomer_relationships:\r"
        b"  answers:\r    cost: new\r    growth: Word of mouth.\rx-notes: keep me\r"
    )


def test_a_value_changed_by_mistake_is_caught_and_nothing_is_written(tmp_path, monkeypatch):
    from modelh.canvas import splice

    path = tmp_path / "c.yaml"
    path.write_text(ODD, encoding="utf-8")
    before = path.read_bytes()
    real = splice._Splicer.set_value

    def careless(self, edit_path, value):  # a splicer bug: it also eats the next line
        real(self, edit_path, value)
        at = self.text.index("    marketing:")
        self.replace(at, self.text.index("\n", at) + 1, "")

    monkeypatch.setattr(splice._Splicer, "set_value", careless)
    with pytest.raises(EditError) as caught:
        CanvasFile.read(path).apply([Edit(("customer_relationships", "answers", "cost"), "x")])
    message = str(caught.value)
    assert "customer_relationships.answers.marketing" in message
    assert "nothing was changed" in message
    assert path.read_bytes() == before


# --- values the canvas already holds, numbers --------------------------------------


def test_a_per_segment_answer_replaced_by_one_text_keeps_the_next_key():
    path = ("customer_relationships", "answers", "expectations")
    new = apply_edits(ODD, [Edit(path, "The same for everyone.")])
    canvas = parse_canvas(new)
    assert canvas.answers["expectations"].text == "The same for everyone."
    assert canvas.answers["expectations"].per_segment == {}
    assert canvas.dimensions["information"].use == "core"
    assert changed_lines(ODD, new) == [
        (
            "replace",
            ["    expectations:\n", "      ma-members: Same-day call back.\n"],
            ["    expectations: The same for everyone.\n"],
        )
    ]


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.name)
def test_writing_the_values_a_canvas_already_holds_changes_nothing(example):
    text = example.read_text(encoding="utf-8")
    root = yaml.compose(text)
    edits = [Edit((key.value,), _plain(value)) for key, value in root.value]
    assert apply_edits(text, edits) == text


def _plain(node):
    if isinstance(node, yaml.ScalarNode):
        return node.value
    if isinstance(node, yaml.SequenceNode):
        return [_plain(i) for i in node.value]
    return {k.value: _plain(v) for k, v in node.value}


def test_a_long_number_keeps_every_digit():
    path = ("customer_relationships", "measures", "[csat]", "target")
    text = ODD.replace("  measures: []   # none yet\n", "  measures:\n    - {id: csat, name: C}\n")
    new = apply_edits(text, [Edit(path, 12345678901234567890)])
    assert "target: 12345678901234567890}" in new
    from modelh.interview.numbers import parse_number

    new = apply_edits(text, [Edit(path, parse_number("0.1000000000000000000001"))])
    assert "target: 0.1000000000000000000001}" in new


def test_a_headline_is_written_as_a_plain_true_or_false_and_again_changes_nothing():
    path = ("customer_relationships", "measures", "[csat]", "headline")
    text = ODD.replace(
        "  measures: []   # none yet\n", "  measures:\n    - id: csat\n      name: C\n"
    )
    new = apply_edits(text, [Edit(path, True)])
    assert "      headline: true\n" in new
    assert parse_canvas(new).measure("csat").headline is True
    assert apply_edits(new, [Edit(path, True)]) == new  # already there: not one byte changes
    off = apply_edits(new, [Edit(path, False)])
    assert "      headline: false\n" in off and parse_canvas(off).measure("csat").headline is False
    flow = ODD.replace("  measures: []   # none yet\n", "  measures:\n    - {id: csat, name: C}\n")
    assert "- {id: csat, name: C, headline: true}" in apply_edits(flow, [Edit(path, True)])
    assert (render_scalar(True), render_scalar(False)) == ("true", "false")
    # a text that reads as a boolean is still quoted: only a true boolean is written bare
    assert render_scalar("true") == "'true'"


def test_a_temporary_file_left_by_a_killed_save_is_removed_by_the_next_save(tmp_path):
    import fcntl

    path = tmp_path / "c.yaml"
    path.write_text(ODD, encoding="utf-8")
    left = tmp_path / ".c.yaml.k1ll3d_x.tmp"  # what a save killed before its replace leaves
    left.write_text(ODD[:40])
    hour_ago = left.stat().st_mtime - 3600
    os.utime(left, (hour_ago, hour_ago))
    busy = tmp_path / ".c.yaml.busy0000.tmp"  # a save under way in another process
    busy.write_text(ODD[:40])
    os.utime(busy, (hour_ago, hour_ago))
    other = tmp_path / ".d.yaml.k1ll3d_x.tmp"  # another canvas's
    other.write_text("x")
    os.utime(other, (hour_ago, hour_ago))
    with open(busy, "rb") as held:
        fcntl.flock(held.fileno(), fcntl.LOCK_EX)
        CanvasFile.read(path).apply([Edit(("customer_relationships", "answers", "cost"), "$4")])
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        ".c.yaml.busy0000.tmp",
        ".d.yaml.k1ll3d_x.tmp",
        "c.yaml",
    ]


def test_an_id_can_be_changed_through_the_id_it_is_found_by():
    new = apply_edits(ODD, [Edit(("segments", "[employers]", "id"), "employer-groups")])
    assert parse_canvas(new).segment("employer-groups").name == "Employer groups"


def test_emptying_a_value_inside_a_flow_mapping_keeps_the_yaml_valid():
    text = dedent(
        """\
        modelh: 1
        canvas: {title: T, organization: O}
        customer_relationships:
          measures:
            - {id: a, current: 1.5, target: 3}
            - {id: b, current: 2}
        """
    )
    path = ("customer_relationships", "measures")
    new = apply_edits(
        text, [Edit((*path, "[a]", "current"), None), Edit((*path, "[b]", "current"), None)]
    )
    canvas = parse_canvas(new, "c.yaml")
    assert canvas.measure("a").current is None and canvas.measure("a").target == 3
    assert canvas.measure("b").current is None
    assert new.splitlines()[4:] == [
        "    - {id: a, current: , target: 3}",
        "    - {id: b, current: }",
    ]


DEEP_COMMENT = """\
modelh: 1
canvas: {title: T, organization: O}
segments:
  - {id: a, name: A, role: user}
  - {id: b, name: B, role: buyer}
customer_relationships:
  answers:
    expectations:
      a: For A
      # b to come after the workshop
x-end: 1
"""


@pytest.mark.parametrize(
    "path",
    [
        ("customer_relationships", "answers", "cost"),  # a new key after the block
        ("customer_relationships", "answers", "expectations"),  # the block made one text
    ],
)
@pytest.mark.parametrize("value", ["Two lines\nof answer", "Ends with a break\n"])
def test_a_comment_ending_a_block_is_not_read_into_a_new_block_text(path, value):
    """A comment indented under the last answer used to become part of a new ``|``
    answer written after it, and the edit was refused."""
    new = apply_edits(DEEP_COMMENT, [Edit(path, value)])
    canvas = parse_canvas(new)
    assert canvas.answers[path[-1]].text == value
    assert "# b to come after the workshop" in new
    assert new.endswith("x-end: 1\n")


COMMENTED_LIST = """\
modelh: 1
canvas: {title: T, organization: O}
segments:
  - id: a
    name: A
    jobs:
      # from the October interviews
      - "Keep: home"   # the top job
      - 'no'
      # the pharmacy's wording
      - Refills
    role: user
"""
JOBS = ("segments", "[a]", "jobs")


@pytest.mark.parametrize(
    "jobs",
    [
        ["Keep: home", "no", "Refills", "New one"],  # one added at the end
        ["Keep: home", "Refills"],  # one taken out
        ["First", "Keep: home", "no", "Refills"],  # one added before the others
        ["Keep: home", "no", "Between", "Refills"],  # one added under a comment's item
    ],
)
def test_a_list_answered_again_keeps_its_items_lines_with_their_comments(jobs):
    """Answering a list again (the interview asks the whole list) rewrote every item:
    the comments on the items it kept were lost and their quoting changed."""
    new = apply_edits(COMMENTED_LIST, [Edit(JOBS, jobs)])
    segment = parse_canvas(new).segment("a")
    assert segment is not None and list(segment.jobs) == jobs
    assert '      - "Keep: home"   # the top job\n' in new
    assert "      # from the October interviews\n" in new
    assert "      # the pharmacy's wording\n      - Refills\n" in new
    if "no" in jobs:
        assert "      - 'no'\n" in new


@pytest.mark.parametrize("nl", ["\n", "\r\n"])
def test_a_text_ending_with_a_line_break_written_last_in_a_file_without_a_final_one(nl):
    """A block text at the very end of a file that has no final line break lost its own
    final break, and the edit was refused."""
    lines = ["modelh: 1", "canvas: {title: T, organization: O}", "customer_relationships:"]
    text = nl.join([*lines, "  answers:", "    cost: About $4 PMPM"])
    path = ("customer_relationships", "answers", "growth")
    new = apply_edits(text, [Edit(path, "Referrals\ncounted each quarter\n")])
    assert parse_canvas(new).answers["growth"].text == "Referrals\ncounted each quarter\n"
    assert "\n" not in new.replace("\r\n", "") if nl == "\r\n" else "\r" not in new
