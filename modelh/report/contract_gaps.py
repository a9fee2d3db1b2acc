"""The report context's gaps, executive summary, open points and changes (see ``contract``)."""

from __future__ import annotations

from typing import TYPE_CHECKING, TypedDict

if TYPE_CHECKING:  # the shared parts, in the contract itself
    from modelh.report.contract import MeasureContext, More


class FindingContext(TypedDict):
    """A finding of the checker."""

    code: str
    name: str
    severity: str
    severity_label: str
    message: str
    fix: str
    line: int
    path: str


class ExecutiveGapContext(TypedDict):
    """A gap as executives read it: what is missing and why it matters
    (``modelh.report.gaps``); several findings of one rule said once."""

    severity: str
    label: str  # what the severity means to an executive: Must fix, Gap, To note
    text: str
    why: str
    findings: int


class GapTheme(TypedDict):
    """The gaps of one theme (a rule section, titled for executives)."""

    section: str
    title: str
    gaps: list[ExecutiveGapContext]
    more: More | None


class GapGroup(TypedDict):
    """The findings of one part of the canvas (the team's appendix)."""

    section: str
    title: str
    findings: list[FindingContext]
    more: More | None


class Completeness(TypedDict):
    """One completeness score (0 to 100, or none)."""

    id: str
    label: str
    score: int | None


class SeverityCount(TypedDict):
    """How many findings of one severity."""

    severity: str
    label: str
    count: int


class GapsContext(TypedDict):
    """``gaps``: completeness; the gaps for executives by theme (``themes``); and
    the findings for the team, grouped by part of the canvas (``groups``, shown
    only when ``team``)."""

    completeness: list[Completeness]
    overall: int | None
    groups: list[GapGroup]
    counts: list[SeverityCount]
    total: int
    themes: list[GapTheme]
    said: int  # how many gaps the themes say (fewer than the findings)
    team: bool


class SummarySegment(TypedDict):
    """A segment on the summary's value chain."""

    name: str
    stage_index: int | None
    target_index: int | None
    stage_name: str
    target_name: str
    trust_label: str


class SummaryMixRow(TypedDict):
    """A segment's row of the summary's mix: the degree of each dimension, in order."""

    name: str
    cells: list[str | None]


class SummaryGap(TypedDict):
    """One of the gaps that matter most, in plain words (see ``top_gaps``)."""

    title: str
    why: str
    severity: str
    severity_label: str
    count: int


class SummaryContext(TypedDict):
    """``summary``: the executive summary, one page."""

    segments: list[SummarySegment]
    segments_more: int
    dimensions: list[str]
    overall_use: list[str | None]
    mix: list[SummaryMixRow]
    measures: list[MeasureContext]
    measures_more: int
    measures_chosen_by: str
    gaps: list[SummaryGap]
    overall: int | None
    completeness: list[Completeness]
    checked: bool


class OpenGroup(TypedDict):
    """A line of the "Still to be worked out" list: a part of the canvas and what in
    it is still empty."""

    title: str
    text: str


class OpenContext(TypedDict):
    """``open``: what the canvas has not settled yet."""

    groups: list[OpenGroup]
    count: int
    shown: bool  # the report has the list: the other sections leave out what it says


class ChangeSpan(TypedDict):
    """A run of text in a change: plain, an id, removed or added words, a hint, a move
    for the better or the worse, a strong word (``modelh.history.output``'s kinds)."""

    text: str
    kind: str


class ChangeLine(TypedDict):
    """A line of the changes: a heading (level 0), an entry (1) or a detail (2, 3)."""

    level: int
    spans: list[ChangeSpan]


class ChangeRow(TypedDict):
    """A row of the changes' summary: what, before, after."""

    label: str
    before: str
    after: str


class ChangesContext(TypedDict):
    """``changes``: what changed since a revision (``render --since``), from the same
    diff as ``modelh diff``."""

    since: str
    count: int
    rows: list[ChangeRow]
    lines: list[ChangeLine]
    more: More | None
