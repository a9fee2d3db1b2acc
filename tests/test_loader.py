"""The loader: what it accepts, and every problem it reports, at its exact place."""

from __future__ import annotations

import pytest

from modelh import CanvasError, load_canvas, parse_canvas
from modelh.canvas.loader import MAX_BYTES, MAX_ITEMS, MAX_NESTING

from .conftest import MINIMAL, TEN_PROBLEMS, dedent, one_problem, problems_of


def load(text: str):
    return parse_canvas(dedent(text), "c.yaml")


# ---------------------------------------------------------------------------
# What loads, and how


def test_minimal_canvas_loads_with_its_title_and_organization():
    canvas = load(MINIMAL)
    assert canvas.canvas.title == "Medicare Advantage 2027"
    assert canvas.canvas.organization == "Riverside Health Plan"
    assert canvas.modelh == 1
    assert canvas.segments == ()


def test_text_keeps_its_raw_form_where_yaml_would_convert_it():
    canvas = load(
        MINIMAL
        + dedent("""\
          version: 1.10
          date: 2026-11-20
          prepared_for: NO
        customer_relationships:
          answers:
            cost: no
            marketing: 1e3
            sharing: "null"
            feedback: 0x1F
        """).replace("  version", "  version", 1)
    )
    assert canvas.canvas.version == "1.10"
    assert canvas.canvas.date == "2026-11-20"
    assert canvas.canvas.prepared_for == "NO"
    answers = canvas.answers
    assert answers["cost"].text == "no"
    assert answers["marketing"].text == "1e3"
    assert answers["sharing"].text == "null"
    assert answers["feedback"].text == "0x1F"


def test_empty_values_load_as_not_answered():
    canvas = load(
        MINIMAL
        + dedent("""\
          prepared_for: ""
          status:
        segments: []
        channels:
        customer_relationships:
          answers:
            cost:
            marketing: ""
            sharing: []
            feedback: ~
            expectations: {}
          dimensions:
            information:
            navigation: {}
          measures: []
        """)
    )
    assert canvas.canvas.prepared_for is None
    assert canvas.canvas.status is None
    assert canvas.segments == () and canvas.channels == ()
    assert canvas.answers == {}
    assert canvas.dimensions == {}
    assert canvas.measures == ()


def test_extension_keys_are_kept_out_of_the_way_at_every_level():
    canvas = load(
        MINIMAL
        + dedent("""\
          x-engagement: 2026-114
        x-workshop-notes:
          anything: [goes, {here: 1}]
        segments:
          - id: members
            x-source: CRM export
        customer_relationships:
          x-note: free text
          answers:
            x-draft: not a question
          dimensions:
            x-later: true
        """)
    )
    assert canvas.extensions == ("x-workshop-notes",)
    assert canvas.segments[0].id == "members"


def test_numbers_keep_their_type_and_measure_status_defaults_to_active():
    canvas = load(
        MINIMAL
        + dedent("""\
        customer_relationships:
          measures:
            - id: csat
              domain: customer
              indicator: csat
              baseline: 41
              current: 47.5
              target: 1_000
        """)
    )
    measure = canvas.measure("csat")
    assert (measure.baseline, measure.current, measure.target) == (41, 47.5, 1000)
    assert isinstance(measure.baseline, int)
    assert measure.status == "active"


def test_per_segment_answers_and_single_name_prepared_by():
    canvas = load(
        MINIMAL
        + dedent("""\
          prepared_by: Dana Whitfield
        segments:
          - {id: members, role: user}
          - {id: employers, role: buyer}
        customer_relationships:
          answers:
            expectations:
              members: A named nurse who calls back the same day.
              employers:
        """)
    )
    assert canvas.canvas.prepared_by == ("Dana Whitfield",)
    answer = canvas.answers["expectations"]
    assert answer.per_segment == {"members": "A named nurse who calls back the same day."}
    assert answer.is_answered


def test_every_object_knows_its_place_and_missing_keys_locate_their_parent():
    canvas = load(
        MINIMAL
        + dedent("""\
        segments:
          - id: members
            name: Members
          - id: employers
            role: buyer
        """)
    )
    assert canvas.segments[1].path == "segments[employers]"
    assert (canvas.segments[1].span.line, canvas.segments[1].span.column) == (8, 5)
    assert canvas.spans["segments[employers].role"].line == 9
    assert canvas.key_spans["segments[members].name"].column == 5
    found, span = canvas.locate("segments[employers].stage")
    assert found == "segments[employers]" and span.line == 8


def test_crlf_line_endings_and_a_byte_order_mark_load(tmp_path):
    path = tmp_path / "c.yaml"
    path.write_bytes(b"\xef\xbb\xbf" + dedent(MINIMAL).replace("\n", "\r\n").encode())
    assert load_canvas(path).canvas.title == "Medicare Advantage 2027"


def test_unicode_text_loads_and_columns_count_characters():
    problem = one_problem(
        """\
        modelh: 1
        canvas:
          title: Médicaid «2027» 医療
          organization: Clínica
          status: drafté
        """
    )
    assert (problem.line, problem.column) == (5, 11)
    assert load(MINIMAL.replace("Riverside", "Ríverside 医療")).canvas.organization == (
        "Ríverside 医療 Health Plan"
    )


# ---------------------------------------------------------------------------
# Every problem, at its place


def test_syntax_error_is_reported_at_its_line_and_column():
    problem = one_problem(MINIMAL + "segments: [a, b\n")
    assert problem.kind == "syntax"
    assert (problem.line, problem.column) == (6, 1)
    assert problem.message.startswith("YAML syntax:")


def test_tab_indentation_is_named():
    problem = one_problem("modelh: 1\ncanvas:\n\ttitle: x\n")
    assert (problem.line, problem.column) == (3, 1)
    assert "tab" in problem.message


def test_wrong_types_name_the_key_and_what_was_found():
    found = problems_of(
        MINIMAL
        + dedent("""\
        segments: members
        channels: {id: app}
        customer_relationships:
          answers:
            cost: [a, b]
          measures:
            - id: nps
              baseline: 41%
              target: "70"
              current: [1]
        """)
    )
    got = [(p.line, p.column, p.kind, p.message) for p in found]
    assert got == [
        (5, 11, "type", "segments must be a list, e.g. [members] or one '- item' per line"),
        (6, 11, "type", "channels must be a list, not a mapping"),
        (
            9,
            11,
            "type",
            "answer 'cost': an answer is one text, or a mapping of segment ids "
            "to texts, not a list",
        ),
        (12, 17, "type", "measure 'nps': baseline '41%' is not a number (put the unit in 'unit')"),
        (13, 15, "type", "measure 'nps': target '70' is not a number (remove the quotes)"),
        (14, 16, "type", "measure 'nps': current must be a number, not a list"),
    ]


def test_missing_required_keys_are_reported_at_their_parent():
    found = problems_of(
        """\
        modelh: 1
        canvas:
          organization: Riverside
        segments:
          - name: Members
        """
    )
    got = [(p.line, p.column, p.path, p.message) for p in found]
    assert got == [
        (2, 1, "canvas.title", "required key 'title' is missing in canvas"),
        (5, 5, "segments[0].id", "segments[0]: required key 'id' is missing"),
    ]
    problem = one_problem("canvas:\n  title: a\n  organization: b\n")
    assert (problem.line, problem.column, problem.path) == (1, 1, "modelh")


def test_an_empty_required_value_is_reported_on_its_key():
    problem = one_problem(MINIMAL.replace("Medicare Advantage 2027", '""'))
    assert (problem.line, problem.column) == (3, 3)
    assert problem.message == "required key 'title' is empty"


def test_unknown_keys_suggest_the_nearest_allowed_one():
    found = problems_of(
        MINIMAL
        + dedent("""\
          titel: typo
        segment: []
        customer_relationships:
          answers:
            groth: more members
          dimensions:
            motivaton: {use: core}
        """)
    )
    got = [(p.line, p.column, p.message) for p in found]
    assert got == [
        (5, 3, "unknown key 'titel' in canvas; did you mean 'title'?"),
        (6, 1, "unknown key 'segment' in canvas file; did you mean 'segments'?"),
        (9, 5, "unknown question 'groth'; did you mean 'growth'?"),
        (11, 5, "unknown dimension 'motivaton'; did you mean 'motivation'?"),
    ]


def test_unknown_key_without_a_near_match_lists_the_allowed_keys():
    problem = one_problem(MINIMAL + "  budget: 12\n")
    assert "allowed: title, organization" in problem.message
    assert "extensions start with 'x-'" in problem.message


def test_a_key_written_twice_is_an_error_not_last_one_wins():
    problem = one_problem(MINIMAL + "  title: Second title\n")
    assert (problem.line, problem.column, problem.kind) == (5, 3, "duplicate-key")
    assert problem.message == "key 'title' is written twice (first at line 3); keep one"


def test_duplicate_ids_across_the_canvas_name_the_first_owner():
    problem = one_problem(
        MINIMAL
        + dedent("""\
        segments:
          - id: members
        channels:
          - id: members
        """)
    )
    assert (problem.line, problem.column, problem.kind) == (8, 9, "duplicate-id")
    assert problem.message == (
        "channel 'members': id 'members' is already used by the segment at line 6; "
        "ids must be unique across the canvas"
    )


def test_references_to_missing_ids_suggest_and_name_the_item():
    found = problems_of(
        MINIMAL
        + dedent("""\
        segments:
          - id: ma-members
        channels:
          - id: member-app
        value_propositions:
          - id: guided-care
            segments: [ma-member]
        revenue_streams:
          - {text: Premiums, segments: [employers]}
        customer_relationships:
          answers:
            influencers:
              ma-members: Their physicians
              caregivers: Adult children
          dimensions:
            motivation:
              use: core
              channels: [member-app, member-ap]
              segments: [member-app]
              measures: [nps]
        """)
    )
    got = [(p.line, p.column, p.path, p.message) for p in found]
    assert got == [
        (
            11,
            16,
            "value_propositions[guided-care].segments[0]",
            "value proposition 'guided-care': segment 'ma-member' does not exist; "
            "did you mean 'ma-members'?",
        ),
        (
            13,
            33,
            "revenue_streams[0].segments[0]",
            "revenue_streams[0]: segment 'employers' does not exist (the segments: ma-members)",
        ),
        (
            18,
            7,
            "customer_relationships.answers.influencers.caregivers",
            "answer 'influencers': segment 'caregivers' does not exist (the segments: ma-members)",
        ),
        (
            22,
            30,
            "customer_relationships.dimensions.motivation.channels[1]",
            "dimension 'motivation': channel 'member-ap' does not exist; did you mean "
            "'member-app'?",
        ),
        (
            23,
            18,
            "customer_relationships.dimensions.motivation.segments[0]",
            "dimension 'motivation': 'member-app' is a channel (line 8), not a segment",
        ),
        (
            24,
            18,
            "customer_relationships.dimensions.motivation.measures[0]",
            "dimension 'motivation': measure 'nps' does not exist; no measures are defined yet",
        ),
    ]


def test_bad_enum_values_list_the_allowed_ones():
    found = problems_of(
        MINIMAL
        + dedent("""\
          status: drafty
        segments:
          - id: members
            role: patient
            stage: engaged
        customer_relationships:
          dimensions:
            information: {use: sometimes}
        """)
    )
    got = [(p.line, p.column, p.message) for p in found]
    assert got == [
        (5, 11, "status 'drafty' is not one of draft, review, final; did you mean 'draft'?"),
        (8, 11, "segment 'members': role 'patient' is not one of buyer, user, both"),
        (
            9,
            12,
            "segment 'members': stage 'engaged' is not one of communicate, interact, "
            "engage, collaborate, innovate; did you mean 'engage'?",
        ),
        (
            12,
            24,
            "dimension 'information': use 'sometimes' is not one of core, supporting, "
            "planned, none",
        ),
    ]


def test_values_with_a_shape_are_checked():
    found = problems_of(
        MINIMAL
        + dedent("""\
          date: 20/11/2026
          branding:
            logo: ../../etc/passwd
            color: blue
        segments:
          - id: MA Members
        customer_relationships:
          measures:
            - id: nps
              domain: financial
              indicator: nps
              due: next year
        """)
    )
    got = [(p.line, p.column, p.message) for p in found]
    assert got == [
        (5, 9, "date '20/11/2026' is not a date written YYYY-MM-DD"),
        (
            7,
            11,
            "logo '../../etc/passwd' must stay inside the canvas file's folder "
            "('..' is not allowed)",
        ),
        (
            8,
            12,
            "color 'blue' is not a colour like \"#0b5f8a\" "
            "(a # and six hexadecimal digits, quoted)",
        ),
        (
            10,
            9,
            "segments[0]: id 'MA Members' may hold only lowercase letters, "
            "digits and hyphens, e.g. 'ma-members'",
        ),
        (
            15,
            18,
            "measure 'nps': indicator 'nps' belongs to the customer domain, not "
            "financial; the financial indicators: relationship-revenue, cost-to-serve, "
            "cost-to-satisfy-by-channel, cost-to-serve-ratio",
        ),
        (
            16,
            12,
            "measure 'nps': due 'next year' is not a period: write 2027, 2027-12, "
            "2027-Q4 or 2027-12-31",
        ),
    ]


@pytest.mark.parametrize(
    "logo", ["/etc/passwd", "file:///etc/passwd", "http://example.org/logo.png", "C:\\logo.png"]
)
def test_logo_must_be_a_relative_path(logo):
    problem = one_problem(MINIMAL + f"  branding:\n    logo: '{logo}'\n")
    assert "relative to the canvas file's folder" in problem.message


def test_incentives_belong_to_motivation_only():
    problem = one_problem(
        MINIMAL
        + dedent("""\
        customer_relationships:
          dimensions:
            navigation:
              use: core
              incentives: [points]
            motivation:
              use: core
              incentives: [points for screenings]
        """)
    )
    assert (problem.line, problem.column) == (9, 7)
    assert problem.message == (
        "dimension 'navigation': incentives belong under the motivation dimension only"
    )


def test_format_version_other_than_1_is_refused():
    problem = one_problem(MINIMAL.replace("modelh: 1", "modelh: 2"))
    assert (problem.line, problem.column) == (1, 9)
    assert "format version '2' is not supported" in problem.message


def test_ten_problems_are_all_reported_in_file_order():
    found = problems_of(TEN_PROBLEMS)
    assert len(found) == 10
    assert [p.line for p in found] == sorted(p.line for p in found)


# ---------------------------------------------------------------------------
# Hostile input: a clear error, at bounded cost


def test_bytes_that_are_not_utf8_are_located():
    problem = one_problem(b"modelh: 1\ncanvas:\n  title: caf\xe9\n")
    assert (problem.line, problem.column) == (3, 13)
    assert "not UTF-8" in problem.message


@pytest.mark.parametrize(
    ("text", "says"),
    [
        (b"", "the file is empty"),
        (b"   \n\n", "the file is empty"),
        (b"# only a comment\n", "the file holds no YAML content"),
    ],
)
def test_an_empty_file_says_so(text, says):
    problem = one_problem(text)
    assert problem.message.startswith(says)


def test_a_file_over_the_size_limit_is_refused_before_reading(tmp_path):
    path = tmp_path / "big.yaml"
    with path.open("wb") as fh:
        fh.write(dedent(MINIMAL).encode())
        fh.write(b"# " + b"x" * MAX_BYTES + b"\n")
    with pytest.raises(CanvasError) as info:
        load_canvas(path)
    assert "MB" in info.value.problems[0].message


def test_an_alias_bomb_is_refused_without_expanding_it():
    bomb = "modelh: 1\na: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
    for level in "bcdefghi":
        prev = chr(ord(level) - 1)
        bomb += f"{level}: &{level} [" + ", ".join([f"*{prev}"] * 9) + "]\n"
    found = problems_of(bomb)
    assert found[0].message.startswith("alias '*a' is not allowed")
    assert (found[0].line, found[0].column) == (3, 8)


@pytest.mark.parametrize(
    "text",
    [
        "modelh: 1\nx-deep: " + "[" * 100_000 + "]" * 100_000 + "\n",
        "modelh: 1\nx-deep: " + "{a: " * 20_000 + "}" * 20_000 + "\n",
        "modelh: 1\nx-deep:\n  " + "- " * 100_000 + "x\n",
    ],
)
def test_deep_nesting_is_refused_by_a_scan_before_composing(text):
    problem = one_problem(text)
    assert f"deeper than {MAX_NESTING} levels" in problem.message
    assert problem.line in (2, 3)


def test_python_tags_never_run_and_are_refused_along_with_other_problems():
    found = problems_of(
        "modelh: 1\ncanvas: !!python/object/apply:os.system [echo owned]\nx-a: !custom value\n"
    )
    tags = [(p.line, p.column) for p in found if p.message.startswith("tag ")]
    assert tags == [(2, 9), (3, 6)]
    assert any("tag '!!python/object/apply:os.system' is not allowed" in p.message for p in found)
    assert "canvas must be a mapping of keys, not a list" in {p.message for p in found}


def test_several_documents_in_one_file_are_refused():
    problem = one_problem(MINIMAL + "---\nmodelh: 1\n")
    assert (problem.line, problem.column) == (5, 1)
    assert "one YAML document" in problem.message


@pytest.mark.parametrize("text, shown", [("- a\n- b\n", "a list"), ("hello\n", "'hello'")])
def test_a_document_that_is_not_a_mapping(text, shown):
    assert one_problem(text).message.endswith(f"not {shown}")


def test_control_characters_are_refused_at_their_place():
    problem = one_problem('modelh: 1\ncanvas: {title: "a\x07"}\n')
    assert (problem.line, problem.column) == (2, 19)


def test_a_directory_and_a_missing_path(tmp_path):
    with pytest.raises(CanvasError, match="is a folder"):
        load_canvas(tmp_path)
    with pytest.raises(CanvasError, match="no such file"):
        load_canvas(tmp_path / "nope.yaml")


def test_non_scalar_keys_are_refused():
    problem = one_problem(MINIMAL + "? [a, b]\n: c\n")
    assert problem.message == "a key must be a plain name, not a list"


# ---------------------------------------------------------------------------
# Found by trying hard to break it


def test_brackets_inside_quotes_do_not_count_as_nesting():
    canvas = load(MINIMAL + '  prepared_for: "' + "[" * 150 + '"\n')
    assert canvas.canvas.prepared_for == "[" * 150


def test_deep_nesting_disguised_with_quoted_brackets_is_refused_not_crashed():
    text = "modelh: 1\nx-a: " + '["]", ' * 300_000 + "]" * 300_000 + "\n"
    problem = one_problem(text)
    assert f"deeper than {MAX_NESTING} levels" in problem.message


def test_deep_block_nesting_by_indentation_is_refused():
    text = "modelh: 1\nx-a:\n" + "".join(" " * i + "k:\n" for i in range(1, 300))
    assert "deeper than" in one_problem(text).message


def test_a_number_with_thousands_of_digits_is_too_large_not_a_crash():
    problem = one_problem(
        MINIMAL + "customer_relationships:\n  measures:\n"
        "    - id: m\n      target: " + "9" * 5000 + "\n"
    )
    assert problem.message.endswith("is not a number (it is too large)")


@pytest.mark.parametrize(
    "value, hint",
    [
        ("0x1F", "plain decimal"),
        ("1:30", "plain decimal"),
        ("1,000", "thousands separators"),
        (".inf", ""),
    ],
)
def test_numbers_that_are_not_plain_decimals(value, hint):
    problem = one_problem(
        MINIMAL + f"customer_relationships:\n  measures:\n    - id: m\n      target: {value}\n"
    )
    assert "is not a number" in problem.message and hint in problem.message


@pytest.mark.parametrize("char", ["\u2028", "\x85"])
def test_lines_are_counted_as_editors_count_them(char):
    text = MINIMAL.replace("Medicare Advantage 2027", f'"a{char}b"') + "  status: bad\n"
    problem = one_problem(text)
    assert (problem.line, problem.column) == (5, 11)


def test_standard_tags_other_than_str_are_refused():
    found = problems_of(
        MINIMAL + "  version: !!str 1.10\ncustomer_relationships:\n"
        "  measures:\n    - {id: m, target: !!int 70}\n"
    )
    assert [p.message for p in found] == [
        "tag '!!int' is not allowed in a canvas: write plain values"
    ]
    assert load(MINIMAL + "  version: !!str 1.10\n").canvas.version == "1.10"


def test_a_key_written_twice_inside_an_extension_block_is_refused():
    problem = one_problem(MINIMAL + "x-notes:\n  owner: Ana\n  owner: Tom\n")
    assert (problem.line, problem.column) == (7, 3)
    assert problem.kind == "duplicate-key"


def test_blank_values_are_empty_everywhere():
    canvas = load(
        MINIMAL + '  status: " "\nchannels: [{id: app}]\ncustomer_relationships:\n'
        '  dimensions:\n    information: {use: core, channels: ["", ~, app]}\n'
        '  measures:\n    - {id: m, target: " "}\n'
    )
    assert canvas.canvas.status is None
    assert canvas.dimensions["information"].channels == ("app",)
    assert canvas.measure("m").target is None


def test_a_bare_equals_sign_must_be_quoted():
    problem = one_problem(MINIMAL + "  prepared_for: =\n")
    assert "must be quoted" in problem.message
    assert load(MINIMAL + "  prepared_for: '='\n").canvas.prepared_for == "="


def test_utf16_files_are_named_as_such():
    data = dedent(MINIMAL).encode("utf-16")
    assert "UTF-16" in one_problem(data).message
    assert "UTF-16" in one_problem(dedent(MINIMAL).encode("utf-16-be")).message


def test_bytes_like_input_and_lone_surrogates():
    assert parse_canvas(bytearray(dedent(MINIMAL).encode()), "c.yaml").canvas.title
    assert parse_canvas(memoryview(dedent(MINIMAL).encode()), "c.yaml").canvas.title
    problem = one_problem(MINIMAL.replace("Medicare", "Medi\ud800care"))
    assert "lone surrogate" in problem.message


def test_an_impossible_date_says_so():
    assert "not a day of the calendar" in one_problem(MINIMAL + "  date: 2026-02-30\n").message


def test_an_empty_item_in_a_list_of_items_is_no_item():
    canvas = load(MINIMAL + "segments:\n  -\n  - {}\n  - id: members\n")
    assert [s.id for s in canvas.segments] == ["members"]


def test_a_misplaced_key_says_where_it_belongs():
    problem = one_problem(MINIMAL + '  color: "#0b5f8a"\n')
    assert problem.message == "unknown key 'color' in canvas; it belongs under 'branding'"


def test_an_unquoted_colour_is_read_as_a_comment_and_said_so():
    problem = one_problem(MINIMAL + "  branding:\n    color: #0b5f8a\n")
    assert "read as a comment" in problem.message


def test_every_one_of_many_problems_is_reported():
    # as many items as a list may hold (MAX_ITEMS), in several lists, each item wrong
    items = "".join(f"  - {{name: x{i}}}\n" for i in range(MAX_ITEMS))
    lists = ("segments", "value_propositions", "channels")
    found = problems_of(MINIMAL + "".join(f"{key}:\n{items}" for key in lists))
    assert len(found) == MAX_ITEMS * len(lists)
    assert found[-1].path == f"channels[{MAX_ITEMS - 1}].id"
