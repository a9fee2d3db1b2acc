"""Every regular expression that sees a user's text runs in linear time.

Each case feeds 200 KB of the worst input for one pattern (the one that makes a
backtracking matcher try the most: long runs the pattern's quantifiers can
share) under a hang guard. The guards are at least 10x the time measured on
the development machine (2 cores shared): a linear pattern passes on a slow
machine, a quadratic one (minutes on this input) fails at the guard. The
figures are in ``benchmarks/regex_worst_case.py``.
"""

from __future__ import annotations

import io
import re
import signal
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from modelh import escaping
from modelh.canvas import discovery, facts, loader, starter, values, yamltext
from modelh.canvas import guard as yamlguard
from modelh.check import checker, comments
from modelh.check.checker import run_checks
from modelh.check.config import Config
from modelh.check.output import render
from modelh.check.rules import _common, all_rules
from modelh.interview import walk as interview
from modelh.report import longwords

SIZE = 200_000


class Hang(AssertionError):
    pass


@contextmanager
def hang_guard(seconds: float) -> Iterator[None]:
    """Fail when the block runs longer than ``seconds`` (Python checks signals
    inside the regex engine, so a runaway match is interrupted too)."""

    def expire(signum: int, frame: Any) -> None:
        raise Hang(f"still running after {seconds} s: quadratic or worse on this input")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _run(n: int, unit: str, end: str = "", start: str = "") -> str:
    """``start``, then ``unit`` repeated, then ``end``: ``n`` characters in all."""
    middle = n - len(start) - len(end)
    return start + unit * (middle // len(unit)) + end


#: name -> (what runs the pattern, its worst input of n characters, the answer, guard in s).
#: The answer is asserted too: a fast wrong answer is no fix.
WORST_CASES: dict[str, tuple[Callable[[str], Any], Callable[[int], str], Any, float]] = {
    # canvas/facts.py: _PLACEHOLDER (every answer, on check and in the interview)
    "placeholder: a word then spaces": (
        facts.is_placeholder,
        lambda n: _run(n, " ", start="TBD", end="but here is the answer"),
        False,
        1.0,
    ),
    "placeholder: a run of dots": (
        facts.is_placeholder,
        lambda n: _run(n, ".", end=" and then the answer"),
        False,
        1.0,
    ),
    "placeholder: dashes then spaces": (
        facts.is_placeholder,
        lambda n: _run(n // 2, "-") + _run(n - n // 2, " ", end="x"),
        False,
        1.0,
    ),
    # rules/_common.py: word_count (thin answers)
    "word count": (_common.word_count, lambda n: _run(n, "ab "), SIZE // 3, 1.0),
    # checker.py: _final_in_text (a canvas that does not load)
    "final status: blank lines": (
        checker._final_in_text,
        lambda n: _run(n, "\n", end="  status: finale"),
        False,
        1.0,
    ),
    "final status: spaces and line ends": (
        checker._final_in_text,
        lambda n: _run(n, " \n", end=" status: 'final'  x"),
        False,
        1.0,
    ),
    "final status: many keys": (
        checker._final_in_text,
        lambda n: _run(n, "  status:   \n  ", end="status: finally"),
        False,
        1.0,
    ),
    # comments.py: _DIRECTIVE (each line of a canvas with a '#')
    "suppression comment: a hash then spaces": (
        comments._suppressions,
        lambda n: _run(n, " ", start="#", end="x modelh:"),
        [],
        1.0,
    ),
    "suppression comment: hashes": (
        comments._suppressions,
        lambda n: _run(n, "# ", end="x modelh:"),
        [],
        1.0,
    ),
    # comments.py: _CUT (after each plain value of a canvas with a '#')
    "comment cutting a text: spaces and tabs": (
        lambda s: comments._CUT.match(s, 1),
        lambda n: _run(n, " \t", start="x", end=" # x"),
        None,
        1.0,
    ),
    # report/longwords.py: _LONG (every text of the HTML report)
    "long words in a report: one word": (
        lambda s: len(longwords.mark_long_words(s)),
        lambda n: _run(n, "a"),
        SIZE + len('<span class="lw"></span>'),
        1.0,
    ),
    "long words in a report: words just too short": (
        lambda s: len(longwords.mark_long_words(s)),
        lambda n: _run(n, "a" * (longwords.LONG_WORD - 1) + " "),
        SIZE // longwords.LONG_WORD * longwords.LONG_WORD,  # nothing marked
        1.0,
    ),
    # discovery.py: _CANVAS_LINE (every YAML file found in a folder)
    "canvas line": (
        lambda s: discovery.is_canvas_text(s.encode()),
        lambda n: _run(n, "modelh \t", end="\n modelh:"),
        False,
        1.0,
    ),
    # escaping.py: _UNPRINTABLE (every message that quotes a canvas or a file name)
    "unprintable characters": (
        lambda s: len(escaping.printable(s)),
        lambda n: _run(n, "\x1b"),
        4 * SIZE,
        2.0,
    ),
    # values.py: the patterns each value of its kind meets
    "loader slug": (values.SLUG.match, lambda n: _run(n, "a-", end="_"), None, 1.0),
    "loader slug suggestion": (
        lambda s: len(re.sub(r"[^a-z0-9]+", "-", s.lower())),
        lambda n: _run(n, "a_"),
        SIZE,
        1.0,
    ),
    "loader colour": (values._COLOR.match, lambda n: _run(n, "a", start="#"), None, 1.0),
    "loader colour in a comment": (
        lambda s: re.compile(values._COLOR_IN_COMMENT).search(s, 0),
        lambda n: _run(n, ": \t"),
        None,
        1.0,
    ),
    "loader date": (values._ISO_DATE.match, lambda n: _run(n, "1"), None, 1.0),
    "loader period": (values._PERIOD.match, lambda n: _run(n, "1"), None, 1.0),
    "loader URL": (values._URL.match, lambda n: _run(n, "a+", end=":/"), None, 1.0),
    "loader nesting indicators": (
        re.compile(yamlguard._INDICATOR_RUN).search,
        lambda n: _run(n, "- - - - - - - x\n"),
        None,
        1.0,
    ),
    "loader nesting indicators: spaces": (
        re.compile(yamlguard._INDICATOR_RUN).search,
        lambda n: _run(n, " \t", start="-", end="x"),
        None,
        1.0,
    ),
    "loader number": (values.NUMBER.match, lambda n: _run(n, "1_", end="1.1e1x"), None, 1.0),
    "loader number with a unit": (
        re.compile(values._NUMBER_WITH_UNIT).match,
        lambda n: _run(n // 2, "1") + _run(n - n // 2, " ", end=","),
        None,
        1.0,
    ),
    "loader non-decimal number": (
        re.compile(values._NON_DECIMAL).match,
        lambda n: _run(n, ":55", start="1", end="x"),
        None,
        1.0,
    ),
    "loader thousands": (
        values.THOUSANDS.match,
        lambda n: _run(n, ",111", start="1", end="x"),
        None,
        1.0,
    ),
    # yamltext.py: _YAML12_SPECIAL, with PyYAML's own resolver (each value written)
    "editing: a long number-like value": (
        yamltext._reads_as_text,
        lambda n: _run(n, "1", end="e1x"),
        True,
        2.0,
    ),
    # interview.py: slug (a new item's id from its name)
    "interview slug": (interview.slug, lambda n: _run(n, "A !"), ("a-" * 20).strip("-"), 1.0),
    # starter.py: _is_iso_date (modelh new --date)
    "starter date": (starter._is_iso_date, lambda n: _run(n, "1"), False, 1.0),
}


@pytest.mark.parametrize("name", WORST_CASES)
def test_pattern_runs_in_linear_time_on_its_worst_input(name: str) -> None:
    call, worst, expected, guard = WORST_CASES[name]
    text = worst(SIZE)
    assert abs(len(text) - SIZE) < 16
    with hang_guard(guard):
        result = call(text)
    assert result == expected


def test_configuration_glob_on_the_longest_path() -> None:
    """fnmatch's patterns are linear since Python 3.9; a path is at most 4 KB."""
    from modelh.check.config import _glob

    path, pattern = "a/" * 2047 + "b", "*a" * 2000 + "*c"
    with hang_guard(1.0):
        assert not _glob(path, pattern)


# ---------------------------------------------------------------------------
# The rewritten patterns answer as the old ones did


_OLD_PLACEHOLDER = re.compile(
    r"^\s*(tbd|tbc|todo|to ?do|t\.b\.d\.?|\?+|x+|n/?a|none yet|lorem ipsum.*|fill (this )?in"
    r"|placeholder|coming soon|-+|\.+|…)\s*[.!]*\s*$",
    re.I | re.S,
)
_OLD_FINAL = re.compile(r"^\s+status:\s*['\"]?final['\"]?\s*(#.*)?$", re.M)

_SPACES = [" ", "\t", "\n", "\r", "\x0b", "\x0c", "\x1c", "\x85", "\xa0", "\u2028", "\u3000"]
_PLACEHOLDER_PARTS = [
    *_SPACES,
    *"tbdcoxa?.!-/…Xİı",
    "tbd",
    "TBC",
    "to do",
    "t.b.d.",
    "n/a",
    "none yet",
    "lorem ipsum",
    "fill this in",
    "fill in",
    "placeholder",
    "Coming Soon",
    "word",
]
_FINAL_PARTS = [*_SPACES, *"sf'\"#x:", "status:", "final", "status: final", "Status:"]


@settings(max_examples=1000, deadline=None)
@given(st.lists(st.sampled_from(_PLACEHOLDER_PARTS), max_size=8).map("".join))
def test_placeholder_answers_as_before(text: str) -> None:
    assert facts.is_placeholder(text) == bool(_OLD_PLACEHOLDER.match(text))


@settings(max_examples=1000, deadline=None)
@given(st.lists(st.sampled_from(_FINAL_PARTS), max_size=10).map("".join))
def test_final_status_in_a_broken_canvas_reads_as_before(text: str) -> None:
    assert checker._final_in_text(text) == bool(_OLD_FINAL.search(text))
    assert checker._final_in_text(text.encode()) == bool(_OLD_FINAL.search(text))


# ---------------------------------------------------------------------------
# Text shown to people: rich's markup took quadratic time on backslashes


def test_check_text_output_of_a_long_line_of_backslashes(tmp_path) -> None:
    line = "notes: " + "\\" * SIZE  # an unknown key: the line is shown with its finding
    path = tmp_path / "slashes.yaml"
    path.write_text(f"modelh: 1\ncanvas:\n  title: T\n  organization: O\n{line}\n")
    report = run_checks([str(path)])
    with hang_guard(2.0):
        shown = render(report, "text", width=100)
    source = next(ln for ln in shown.splitlines() if "│ notes: " in ln)
    assert source.endswith("\\" * 20 + "…")  # shown from the finding, as much as fits


def test_interview_shows_a_segment_name_of_backslashes() -> None:
    from rich.console import Console

    from modelh.interview.prompter import RichPrompter

    name = "New measure for " + "\\" * SIZE
    out = io.StringIO()
    step = interview.Step(key="k", section="measures", group=name, prompt="?", kind="text")
    with hang_guard(2.0):
        RichPrompter(Console(file=out, width=80)).show(step)
    assert "New measure for \\\\\\" in out.getvalue()


# ---------------------------------------------------------------------------
# The whole check of a large canvas of long answers


def _block(text: str, indent: str) -> str:
    return "|\n" + "".join(f"{indent}{line}\n" for line in text.splitlines())


def large_canvas() -> str:
    """A canvas of about 150 KB: long answers, two of them the placeholder's worst case."""
    prose = "\n".join(
        f"Members call the plan when claim {n} is denied; the nurse line calls back within a day."
        for n in range(180)
    )  # about 15 KB an answer
    ids = ["dimensions", "marketing", "sharing", "feedback", "influencers"]
    answers = "".join(f"    {q}: {_block(prose, '      ')}" for q in ids)
    return (
        "modelh: 1\ncanvas:\n  title: T\n  organization: O\n"
        "segments:\n  - id: members\n    name: Members\n    role: user\n"
        "  - id: employers\n    name: Employers\n    role: buyer\n"
        "customer_relationships:\n  answers:\n"
        f"    expectations:\n      members: {_block(prose, '        ')}"
        f"      employers: {_block(prose, '        ')}"
        f"{answers}"
        f"    cost: TBD{' ' * 20_000}see the appendix\n"
        f"    growth: '{'.' * 20_000} and more'\n"
    )


def test_check_of_a_large_canvas_of_long_answers(tmp_path) -> None:
    text = large_canvas()
    path = tmp_path / "large.yaml"
    path.write_text(text)
    assert 100_000 < len(text) < 200_000
    with hang_guard(10.0):
        report = run_checks([str(path)])
    assert report.files[0].completeness is not None  # it loaded and was checked whole


def _many_suppressions(count: int) -> str:
    """A canvas of the most segments a list may hold (600 findings) and ``2 * count``
    suppressions: one on each note's line, and one for the whole file."""
    codes = [rule.code for rule in all_rules()]
    lines = ["modelh: 1", "canvas:", "  title: T", "  organization: O", "segments:"]
    for i in range(loader.MAX_ITEMS):
        lines += [f"  - id: s{i}", f"    name: S{i}", "    role: user"]
    lines.append("x-notes:")
    for i in range(count):
        lines.append(f"  n{i}: note {i}  # modelh: disable={codes[i % len(codes)]}")
        lines.append(f"  f{i}: note  # modelh: disable-file=MH9{i % 10},no-such-rule-{i}")
    return "\n".join(lines) + "\n"


def test_thousands_of_suppressions_are_matched_against_hundreds_of_findings_quickly():
    # 8,000 directives and 600 findings (420 KB) take about 0.2 s here; matching every
    # finding against every directive took 2.6 s.
    text = _many_suppressions(4000)
    with hang_guard(3.0):
        result = checker.check_source(text, "c.yaml", Config())
    messages = [f.message for f in result.findings if f.code == "MH090"]
    # each misspelt selector names no rule; each line's directive, on a line without
    # findings, suppresses nothing there; MH90..MH99 name no rule either
    assert sum(m.endswith("names no rule") for m in messages) == 4000 + 4000
    assert sum(m.startswith("'# modelh: disable=") for m in messages) == 4000
    assert len([f for f in result.findings if f.code != "MH090"]) > 500
