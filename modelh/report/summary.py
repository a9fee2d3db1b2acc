"""The executive summary, the table of contents and the "Still to be worked out" list.

The summary is one page whatever the canvas holds: every list on it has a small
cap of its own (``SUMMARY_*``) and every text a short one, and says what it left
out. The five gaps it names come from ``top_gaps``, the one place that picks the
findings that matter most and says them in plain words.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from modelh.canvas.facts import trust
from modelh.canvas.model import Canvas
from modelh.framework import vocab
from modelh.report.contract import DimensionsContext, MeasureContext
from modelh.report.contract_gaps import (
    OpenContext,
    OpenGroup,
    SummaryContext,
    SummaryGap,
    SummaryMixRow,
    SummarySegment,
)
from modelh.report.labels import BLOCK_TITLES, SEVERITY_LABELS
from modelh.report.shorten import Shortener

if TYPE_CHECKING:
    from modelh.check.checker import FileResult

#: Segments on the summary's value chain and in its mix; headline measures; gaps.
SUMMARY_SEGMENTS = 6
SUMMARY_MEASURES = 5
SUMMARY_GAPS = 5
#: Characters of a name on the summary, and of a gap's explanation.
SUMMARY_NAME_CHARS = 36
SUMMARY_WHY_CHARS = 112
SUMMARY_TITLE_CHARS = 96
#: Names listed in one line of the "Still to be worked out" list.
OPEN_NAMES = 8

#: The order of themes among gaps of one severity: who the model serves first, then
#: what it decides for them, how it measures it, and the depth of the method.
THEME_ORDER = ("format", "segments", "answers", "dimensions", "measures", "journeys", "cx", "meta")
SEVERITY_ORDER = ("error", "warning", "info")

#: Findings the "Still to be worked out" list says (a part of the canvas that is empty):
#: when the report has that list, the gaps page does not say them again.
SAID_WHEN_OPEN = frozenset(
    {"question-unanswered", "dimension-not-considered", "domain-not-measured", "no-segments"}
)

# what the plain words of a rule must not hold: a key, a code, a line, a quoted value
_NOT_PLAIN = re.compile(r"`|\b[a-z]+_[a-z_]+\b|\b[a-z]+\.[a-z_]+\b|\bMH\d|\bline \d|'[^']*'")


def _why(doc: str) -> str:
    """The first sentence of a rule's "Why it matters", or nothing when it is not
    plain words."""
    match = re.search(r"Why it matters:\s*(.*?)(?:\n\s*\n|$)", doc, re.S)
    if not match:
        return ""
    text = " ".join(match.group(1).split())
    first = re.split(r"(?<=[.;])\s", text, maxsplit=1)[0].rstrip(";.") + "."
    word = first.split(" ", 1)[0]
    if word == word.lower():  # "modelH starts..." keeps its name as written
        first = first[:1].upper() + first[1:]
    return "" if _NOT_PLAIN.search(first) else first


def top_gaps(
    check: FileResult | None,
    short_: Shortener,
    canvas: Canvas | None = None,
    count: int = SUMMARY_GAPS,
) -> list[SummaryGap]:
    """The ``count`` gaps that matter most, in the rules' executive words
    (``modelh.report.gaps``): several findings of one rule said once.

    Ordered by severity, then by theme (``THEME_ORDER``), then by how many places a
    gap concerns. No codes, keys or line numbers. This is the one place that says a
    gap on the summary.
    """
    if check is None:
        return []
    from modelh.report.gaps import executive_gaps

    said = executive_gaps(check.findings, canvas)

    def rank(index: int) -> tuple[int, int, int, int]:
        gap = said[index]
        return (
            SEVERITY_ORDER.index(gap.severity) if gap.severity in SEVERITY_ORDER else 1,
            THEME_ORDER.index(gap.section) if gap.section in THEME_ORDER else len(THEME_ORDER),
            -gap.findings,
            index,
        )

    gaps: list[SummaryGap] = []
    for index in sorted(range(len(said)), key=rank)[:count]:
        gap = said[index]
        gaps.append(
            {
                "title": short_.line(gap.text, SUMMARY_TITLE_CHARS),
                "why": short_.line(_first_sentence(gap.why), SUMMARY_WHY_CHARS),
                "severity": gap.severity,
                "severity_label": SEVERITY_LABELS.get(gap.severity, gap.severity),
                "count": gap.findings,
            }
        )
    return gaps


def _first_sentence(text: str) -> str:
    head, dot, _ = text.partition(". ")
    return head + "." if dot else text


def summary_context(
    canvas: Canvas,
    dims: DimensionsContext,
    check: FileResult | None,
    short_: Shortener,
) -> SummaryContext:
    """The executive summary: value chain, mix, headline measures, five gaps, completeness."""
    segments: list[SummarySegment] = []
    for s in canvas.segments[:SUMMARY_SEGMENTS]:
        stage = vocab.STAGE_IDS.index(s.stage) if s.stage else None
        target = vocab.STAGE_IDS.index(s.target_stage) if s.target_stage else None
        where = trust(s.stage)
        segments.append(
            {
                "name": short_.line(s.name or s.id, SUMMARY_NAME_CHARS),
                "stage_index": stage,
                "target_index": target,
                "stage_name": s.stage.capitalize() if s.stage else "",
                "target_name": s.target_stage.capitalize() if s.target_stage else "",
                "trust_label": {
                    "before": "before the Trust Inflection Point",
                    "at": "at the Trust Inflection Point",
                    "past": "past the Trust Inflection Point",
                }.get(where or "", "stage not set"),
            }
        )
    mix: list[SummaryMixRow] = [
        {
            "name": short_.line(row["name"], SUMMARY_NAME_CHARS),
            "cells": [cell["degree"] for cell in row["cells"]],
        }
        for row in dims["mix"]["segments"][:SUMMARY_SEGMENTS]
    ]
    from modelh.report.measures import measure_context

    active = [m for m in canvas.measures if m.status == "active"]
    chosen = [m for m in active if m.headline]
    chosen_by = "headline"
    if not chosen:  # the measures with the most progress to show
        chosen_by = "progress"
        with_progress = [(measure_context(m, short_), m) for m in active]
        ranked = sorted(
            (pair for pair in with_progress if pair[0]["progress"] is not None),
            key=lambda pair: -(pair[0]["progress"] or 0),
        )
        chosen = [m for _, m in ranked]
    shown: list[MeasureContext] = []
    for m in chosen[:SUMMARY_MEASURES]:
        entry = measure_context(m, short_)
        entry["name"] = short_.line(m.name or m.id, SUMMARY_NAME_CHARS)
        shown.append(entry)
    scores = (check.completeness if check else None) or {}
    return {
        "segments": segments,
        "segments_more": max(0, len(canvas.segments) - SUMMARY_SEGMENTS),
        "dimensions": [d["name"] for d in dims["items"]],
        "overall_use": [d["use"] for d in dims["items"]],
        "mix": mix,
        "measures": shown,
        "measures_more": max(0, len(chosen) - SUMMARY_MEASURES),
        "measures_chosen_by": chosen_by,
        "gaps": top_gaps(check, short_, canvas),
        "overall": scores.get("overall"),
        "completeness": [
            {"id": k, "label": label, "score": scores.get(k)}
            for k, label in (
                ("answers", "Questions answered"),
                ("dimensions", "Dimensions designed"),
                ("measures", "Measurement"),
                ("segments", "Segments and value chain"),
            )
        ],
        "checked": check is not None,
    }


def _names(names: Sequence[str], short_: Shortener) -> str:
    shown = [short_.line(n, SUMMARY_NAME_CHARS) for n in names[:OPEN_NAMES]]
    if len(names) > OPEN_NAMES:
        shown.append(f"and {len(names) - OPEN_NAMES:,} more")
    return "; ".join(shown)


def open_context(canvas: Canvas, short_: Shortener, shown: bool) -> OpenContext:
    """What the canvas has not settled yet: the parts still empty, in one list."""
    from modelh.framework import DIMENSIONS, DOMAINS, QUESTIONS

    groups: list[OpenGroup] = []

    def add(title: str, text: str) -> None:
        groups.append({"title": title, "text": text})

    empty_blocks = [
        BLOCK_TITLES[key]
        for key in (
            "key_partners",
            "key_activities",
            "key_resources",
            "value_propositions",
            "channels",
            "segments",
            "cost_structure",
            "revenue_streams",
        )
        if not getattr(canvas, key)
    ]
    if empty_blocks:
        add("Blocks of the canvas still empty", _names(empty_blocks, short_))
    if canvas.segments:
        unplaced = [s.name or s.id for s in canvas.segments if not s.stage]
        if unplaced:
            add("Segments not yet placed on the value chain", _names(unplaced, short_))
    unanswered = [
        q.title
        for q in QUESTIONS
        if not (canvas.answers.get(q.id) and canvas.answers[q.id].is_answered)
    ]
    if unanswered:
        add("Relationship questions not answered yet", _names(unanswered, short_))
    unconsidered = [
        d.name
        for d in DIMENSIONS
        if not ((use := canvas.dimensions.get(d.id)) and (use.use or use.mix))
    ]
    if unconsidered:
        add("Relationship dimensions not considered yet", _names(unconsidered, short_))
    measured = {m.domain for m in canvas.measures if m.status == "active" and m.domain}
    unmeasured = [d.name for d in DOMAINS if d.id not in measured]
    if unmeasured:
        add("Measurement domains without a measure", _names(unmeasured, short_))
    return {"groups": groups, "count": len(groups), "shown": shown}


def without_said_when_open(check: FileResult | None) -> FileResult | None:
    """``check`` without the findings the "Still to be worked out" list says."""
    if check is None:
        return None
    from dataclasses import replace

    kept = tuple(f for f in check.findings if f.name not in SAID_WHEN_OPEN)
    return replace(check, findings=kept)
