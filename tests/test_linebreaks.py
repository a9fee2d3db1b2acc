"""One definition of a line break: LF, CRLF and a bare CR, as editors show them.

Positions in messages, the lines a ``# modelh: disable`` comment covers and the
lines an edit rewrites all count lines this way; a character only YAML takes
for a line break (U+0085, U+2028, U+2029) is refused outside quoted text.
"""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from modelh import CanvasError, parse_canvas
from modelh.canvas.editing import Edit, apply_edits
from modelh.canvas.linebreaks import line_col, split_lines
from modelh.cli.main import app

MINIMAL = "modelh: 1\ncanvas:\n  title: Medicare Advantage 2027\n  organization: Riverside\n"
ODD = ["\x85", "\u2028", "\u2029"]


def problems(text: str):
    with pytest.raises(CanvasError) as caught:
        parse_canvas(text, "c.yaml")
    return caught.value.problems


@pytest.mark.parametrize("char", ODD)
def test_a_comment_that_hides_a_key_behind_an_odd_break_is_refused_where_it_is(char):
    text = MINIMAL + f"  # a note{char}  status: final\n"
    found = problems(text)
    assert len(found) == 1
    assert (found[0].line, found[0].column) == (5, 11)
    assert f"U+{ord(char):04X}" in found[0].message


@pytest.mark.parametrize("char", ODD)
@pytest.mark.parametrize(
    "where, line, column",
    [
        ("  prepared_for: the board{c}    of trustees\n", 5, 26),  # a plain value
        ("  prepared_for: |\n    first{c}    second\n", 6, 10),  # a block
        ("  prepared_for: 'the board'{c}\n", 5, 28),  # after a quoted value
    ],
)
def test_an_odd_break_outside_quoted_text_is_refused(char, where, line, column):
    found = problems(MINIMAL + where.format(c=char))
    assert [(p.line, p.column, p.kind) for p in found] == [(line, column, "syntax")]


@pytest.mark.parametrize("char", ["\u2028", "\u2029"])
def test_an_odd_break_inside_quotes_is_text(char):
    text = MINIMAL + f'  prepared_for: "the board{char}of trustees"\n'
    assert parse_canvas(text).canvas.prepared_for == f"the board{char}of trustees"


@pytest.mark.parametrize("end", ["\n", "\r\n", "\r"])
def test_positions_count_lines_as_editors_do_whatever_the_line_ends(end):
    text = (MINIMAL + '  prepared_for: "a\u2028b"\n  status: bad\n').replace("\n", end)
    (problem,) = problems(text)
    assert (problem.line, problem.column) == (6, 11)


def test_a_suppression_after_quoted_text_with_an_odd_break_covers_its_own_line(tmp_path):
    text = (
        "modelh: 1\ncanvas:\n  title: Medicare Advantage 2027\n"
        '  organization: "Riverside\u2028Health Plan"\n  status: draft\n'
        "customer_relationships:\n  answers:\n"
        "    sharing: TBD  # modelh: disable=MH102\n"
        "    growth: Word of mouth.\n"
    )
    path = tmp_path / "c.yaml"
    path.write_text(text, encoding="utf-8")
    result = CliRunner().invoke(app, ["check", "--isolated", "-f", "json", str(path)])
    found = [(f["code"], f["line"]) for f in json.loads(result.stdout)["findings"]]
    assert not [f for f in found if f[0] in ("MH102", "MH090")], found


def test_editing_a_canvas_with_odd_breaks_in_quotes_and_bare_cr_line_ends():
    text = (MINIMAL + '  prepared_for: "a\u2028b"\n  version: "1"\nx-notes: keep\n').replace(
        "\n", "\r"
    )
    new = apply_edits(text, [Edit(("canvas", "version"), "2")])
    assert new == text.replace('version: "1"', "version: '2'")
    new = apply_edits(text, [Edit(("canvas", "prepared_by"), "Ana\nTom")])
    # a new key goes at its place in the format's order: prepared_by before prepared_for
    assert new == text.replace(
        "  prepared_for", "  prepared_by: |-\r    Ana\r    Tom\r  prepared_for"
    )
    assert parse_canvas(new).canvas.prepared_for == "a\u2028b"


def test_lines_are_split_only_at_lf_crlf_and_cr():
    text = "a\u2028b\x0cc\r\nd\re\nf"
    assert split_lines(text) == ["a\u2028b\x0cc", "d", "e", "f"]
    assert [line_col(text, text.index(c)) for c in "adef"] == [(1, 1), (2, 1), (3, 1), (4, 1)]


def _syntax_problem(text: str):
    with pytest.raises(CanvasError) as info:
        parse_canvas(text, "c.yaml")
    (problem,) = info.value.problems
    return problem


def test_a_syntax_error_caused_by_an_odd_break_names_the_character_and_where_it_is():
    # the editor shows one line `  title: T  x: [`; YAML sees a second line holding `x: [`
    problem = _syntax_problem("modelh: 1\ncanvas:\n  title: T\u2028  x: [\n  organization: O\n")
    assert "line 3 holds U+2028 (LINE SEPARATOR) at column 11" in problem.message
    assert "remove it, or write that text in quotes" in problem.message


def test_a_syntax_error_elsewhere_does_not_blame_an_odd_break_in_quoted_text():
    problem = _syntax_problem('modelh: 1\ncanvas:\n  title: "T\u2028 ok"\nx: [\n')
    assert problem.message.startswith("YAML syntax:")
    assert "U+2028" not in problem.message
