"""The context of each report section, built from the canvas (see ``build_context``)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Literal, get_args

from modelh.canvas.facts import asks_preferences, trust
from modelh.canvas.model import BlockItem, Canvas
from modelh.framework import vocab
from modelh.framework.entities import TRUST_PAST
from modelh.report import shorten as short
from modelh.report.contract import (
    BlockContext,
    DimensionContext,
    DimensionsContext,
    MatrixRow,
    MixRow,
    More,
    QuestionContext,
    SegmentAnswer,
    SegmentContext,
)
from modelh.report.contract_chain import MethodContext, ValueChainContext
from modelh.report.contract_gaps import FindingContext, GapsContext, GapTheme
from modelh.report.labels import (
    BLOCK_TITLES,
    CHANNEL_KIND_LABELS,
    CREDITS,
    GAP_SECTIONS,
    ROLE_LABELS,
    SEVERITY_LABELS,
    USE_LABELS,
    USE_LEVELS,
)
from modelh.report.layout import names_of
from modelh.report.shorten import Shortener

if TYPE_CHECKING:
    from modelh.check.checker import FileResult


def segment_context(
    canvas: Canvas, dims_by_segment: dict[str, list[str]], short_: Shortener
) -> list[SegmentContext]:
    shown = canvas.segments[: short.SHOWN_SEGMENTS]
    wanted = {s.id for s in shown}
    vp_by_segment: dict[str, list[str]] = {}
    for vp in canvas.value_propositions:
        for sid in vp.segments:
            if sid in wanted:
                vp_by_segment.setdefault(sid, []).append(vp.name or vp.id)
    result: list[SegmentContext] = []
    for s in shown:
        stage = vocab.STAGE_IDS.index(s.stage) if s.stage else None
        target = vocab.STAGE_IDS.index(s.target_stage) if s.target_stage else None
        result.append(
            {
                "id": s.id,
                "name": short_.name(s.name or s.id),
                "role": s.role,
                "role_label": ROLE_LABELS.get(s.role or "", "Role not set"),
                "description": short_.text(s.description or ""),
                "stage": s.stage,
                "stage_name": s.stage.capitalize() if s.stage else None,
                "stage_index": stage,
                "target_stage": s.target_stage,
                "target_stage_name": s.target_stage.capitalize() if s.target_stage else None,
                "target_index": target,
                "trust": trust(s.stage),
                "trajectory": short_.text(s.trajectory or "", short.DIMENSION_CHARS),
                "destination": short_.text(s.destination or "", short.DIMENSION_CHARS),
                "preferences": short_.texts(
                    s.preferences, "preference", short.PREFERENCES_CHARS, short.NAME_CHARS
                ),
                "needs_preferences": asks_preferences(s.stage) and not s.preferences,
                "value_propositions": short_.names(vp_by_segment.get(s.id, [])),
                "dimensions": dims_by_segment.get(s.id, []),
            }
        )
    return result


CardText = Literal[
    "summary",
    "reason",
    "segments",
    "approach",
    "channels",
    "message",
    "emotional_support",
    "physical_comfort",
    "measures",
    "owner",
    "incentives",
]
#: What a dimension's card shows.
_CARD_TEXTS: tuple[CardText, ...] = get_args(CardText)


def dimensions_context(canvas: Canvas, short_: Shortener) -> DimensionsContext:
    from modelh.framework import DIMENSIONS

    dim_chars = short.DIMENSION_CHARS
    segment_names = {s.id: s.name or s.id for s in canvas.segments}
    channel_names = {c.id: c.name or c.id for c in canvas.channels}
    measure_names = {m.id: m.name or m.id for m in canvas.measures}
    items: list[DimensionContext] = []
    for d in DIMENSIONS:
        use = canvas.dimensions.get(d.id)
        level = USE_LEVELS.get(use.use) if use and use.use else None
        entry: DimensionContext = {
            "id": d.id,
            "number": d.number,
            "name": d.name,
            "summary": d.summary,
            "use": use.use if use else None,
            "use_label": USE_LABELS.get(use.use if use else None, "Not considered"),
            "level": level if level is not None else 0,
            "considered": bool(use and use.use),
            "used": bool(use and use.is_used),
            "reason": short_.text((use.reason if use else None) or "", dim_chars),
            "segments": short_.names(names_of(use.segments, segment_names)) if use else [],
            "segment_count": len(use.segments) if use else 0,
            "all_segments": bool(use and use.serves_every_segment),
            "approach": short_.text((use.approach if use else None) or "", dim_chars),
            "channels": short_.names(names_of(use.channels, channel_names)) if use else [],
            "channel_count": len(use.channels) if use else 0,
            "channel_ids": list(use.channels) if use else [],
            "message": short_.text((use.message if use else None) or "", dim_chars),
            "emotional_support": short_.text(
                (use.emotional_support if use else None) or "", dim_chars
            ),
            "physical_comfort": short_.text(
                (use.physical_comfort if use else None) or "", dim_chars
            ),
            "measures": short_.names(names_of(use.measures, measure_names)) if use else [],
            "measure_count": len(use.measures) if use else 0,
            "owner": short_.name((use.owner if use else None) or ""),
            "incentives": (
                short_.texts(use.incentives, "incentive", short.INCENTIVES_CHARS, short.SHORT_CHARS)
                if use
                else []
            ),
        }
        entry["keep"] = short.keep([entry[k] for k in _CARD_TEXTS])
        items.append(entry)
    matrix_rows: list[MatrixRow] = []
    shown, more = short_.items(canvas.channels, short.SHOWN_CHANNELS, "channel")
    for ch in shown:
        cells: list[str | None] = []
        for entry in items:
            cells.append(entry["use"] if ch.id in entry["channel_ids"] else None)
        matrix_rows.append(
            {
                "id": ch.id,
                "name": short_.name(ch.name or ch.id),
                "kind": CHANNEL_KIND_LABELS.get(ch.kind or "", ""),
                "cells": cells,
                "count": sum(1 for c in cells if c),
            }
        )
    mix_rows: list[MixRow] = []
    shown_segments = canvas.segments[: short.SHOWN_MIX_SEGMENTS]
    for segment in shown_segments:
        degrees: list[str | None] = []
        for d in DIMENSIONS:
            use = canvas.dimensions.get(d.id)
            considered = use is not None and bool(use.use or use.mix)
            degrees.append(use.degree_for(segment.id) if use and considered else None)
        mix_rows.append(
            {
                "id": segment.id,
                "name": short_.name(segment.name or segment.id),
                "role_label": ROLE_LABELS.get(segment.role or "", ""),
                "cells": [{"degree": g, "label": USE_LABELS[g]} for g in degrees],
            }
        )
    counts = {u: sum(1 for e in items if e["use"] == u) for u in vocab.DIMENSION_USES}
    counts["not-considered"] = sum(1 for e in items if not e["considered"])
    return {
        "items": items,
        "matrix": {
            "channels": matrix_rows,
            "dimensions": [e["name"] for e in items],
            "more": more,
        },
        "mix": {
            "segments": mix_rows,
            "more": short_.more(len(canvas.segments) - len(shown_segments), "segment"),
        },
        "counts": counts,
        "uses": [
            {"id": u, "label": USE_LABELS[u], "level": USE_LEVELS[u]} for u in vocab.DIMENSION_USES
        ],
    }


def questions_context(canvas: Canvas, short_: Shortener) -> list[QuestionContext]:
    from modelh.framework import QUESTIONS

    segment_names = {s.id: s.name or s.id for s in canvas.segments}
    result: list[QuestionContext] = []
    for q in QUESTIONS:
        answer = canvas.answers.get(q.id)
        rows: list[tuple[str, str | None]] = []
        if answer is not None and answer.per_segment:
            answered = dict(answer.per_segment)
            rows = [(s.id, answered.pop(s.id, None)) for s in canvas.segments]
            rows += answered.items()  # ids the loader let through (none today)
        more = None
        if len(rows) > short.SHOWN_SEGMENT_ANSWERS:  # the answered ones first, in order
            rows.sort(key=lambda row: not row[1])
            more = short_.more(len(rows) - short.SHOWN_SEGMENT_ANSWERS, "segment")
            rows = rows[: short.SHOWN_SEGMENT_ANSWERS]
        per_segment: list[SegmentAnswer] = [
            {
                "segment": short_.name(segment_names.get(sid, sid)),
                "segment_id": sid,
                "answer": short_.paragraphs(text, short.SEGMENT_ANSWER_CHARS, note=False),
            }
            for sid, text in rows
        ]
        shown = short_.paragraphs(answer.text if answer else None)
        result.append(
            {
                "id": q.id,
                "number": q.number,
                "title": q.title,
                "question": q.text,
                "per_segment_question": q.per_segment,
                "answered": bool(answer and answer.is_answered),
                "answer": shown,
                "per_segment": per_segment,
                "more": more,
                "keep": short.keep(q.text, shown, per_segment),
            }
        )
    return result


def _item_size(item: BlockItem) -> int:
    """About how many characters a block item takes in the canvas in full."""
    text = max(min(len(item.text or ""), short.SHORT_CHARS), short.LINE_CHARS)
    return text + min(len(item.segments), short.SHOWN_NAMES) * short.LINE_CHARS // 2


def blocks_context(canvas: Canvas, short_: Shortener) -> list[BlockContext]:
    segment_names = {s.id: s.name or s.id for s in canvas.segments}
    keys = ("key_partners", "key_activities", "key_resources", "cost_structure", "revenue_streams")
    lists = [getattr(canvas, key) for key in keys]
    # SHOWN_BLOCK_ITEMS in all, shared among the five blocks
    counts = short.share(lists, short.SHOWN_BLOCK_ITEMS, short.BLOCK_ITEMS_CHARS, _item_size)
    result: list[BlockContext] = []
    for key, items, count in zip(keys, lists, counts, strict=True):
        result.append(
            {
                "key": key,
                "anchor": "full-" + key.replace("_", "-"),
                "title": BLOCK_TITLES[key],
                "items": [
                    {
                        "text": short_.text(i.text or "", short.SHORT_CHARS),
                        "segments": short_.names(names_of(i.segments, segment_names)),
                    }
                    for i in items[:count]
                ],
                "more": short_.more(len(items) - count, "item"),
            }
        )
        result[-1]["keep"] = short.keep(result[-1]["items"])
    return result


def gaps_context(
    check: FileResult | None,
    short_: Shortener,
    canvas: Canvas | None = None,
    audience: str = "executive",
) -> GapsContext | None:
    """The gaps: for executives by theme, in the rules' executive words; and, for
    the team's appendix (``audience`` team), the findings with codes and lines."""
    if check is None:
        return None
    from modelh.check.rules import all_rules

    sections = {r.code: r.section for r in all_rules()}
    found: dict[str, list[Any]] = {}
    for f in check.findings:
        found.setdefault(sections.get(f.code, "meta"), []).append(f)
    order = list(GAP_SECTIONS)
    ordered = sorted(found, key=lambda s: order.index(s) if s in order else len(order))
    counts_shown = short.share([found[s] for s in ordered], short.SHOWN_FINDINGS)
    groups: dict[str, list[FindingContext]] = {}
    more: dict[str, More | None] = {}
    for section, count in zip(ordered, counts_shown, strict=True):
        groups[section] = [
            {
                "code": f.code,
                "name": f.name,
                "severity": f.severity,
                "severity_label": SEVERITY_LABELS.get(f.severity, f.severity),
                "message": short_.line(f.message, short.TEXT_CHARS),
                "fix": short_.line(f.fix, short.TEXT_CHARS) if f.fix else f.fix,
                "line": f.line,
                "path": f.path,
            }
            for f in found[section][:count]
        ]
        hidden = len(found[section]) - count
        more[section] = (
            {
                "hidden": hidden,
                "label": f"… and {hidden:,} more finding{'s' if hidden != 1 else ''} here: "
                "modelh check lists them all",
            }
            if hidden > 0
            else None
        )
    scores = check.completeness or {}
    counts = {s: sum(1 for f in check.findings if f.severity == s) for s in SEVERITY_LABELS}
    themes, said = executive_context(check, short_, canvas)
    return {
        "completeness": [
            {"id": k, "label": label, "score": scores.get(k)}
            for k, label in (
                ("answers", "Questions answered"),
                ("dimensions", "Dimensions designed"),
                ("measures", "Measurement"),
                ("segments", "Segments and value chain"),
            )
        ],
        "overall": scores.get("overall"),
        "groups": [
            {
                "section": s,
                "title": GAP_SECTIONS.get(s, s.capitalize()),
                "findings": groups[s],
                "more": more[s],
            }
            for s in ordered
        ],
        "counts": [
            {"severity": s, "label": SEVERITY_LABELS[s], "count": counts[s]}
            for s in ("error", "warning", "info")
        ],
        "total": len(check.findings),
        "themes": themes,
        "said": said,
        "team": audience == "team",
    }


def executive_context(
    check: FileResult, short_: Shortener, canvas: Canvas | None
) -> tuple[list[GapTheme], int]:
    """The gaps in executives' words by theme, and how many gaps they say."""
    from modelh.report.gaps import LABELS, THEMES, executive_gaps

    by_theme: dict[str, list[Any]] = {}
    for gap in executive_gaps(check.findings, canvas):
        by_theme.setdefault(THEMES.get(gap.section, THEMES["meta"]), []).append(gap)
    titles = list(by_theme)
    counts = short.share([by_theme[t] for t in titles], short.SHOWN_FINDINGS)
    themes: list[GapTheme] = []
    for title, count in zip(titles, counts, strict=True):
        gaps = by_theme[title]
        hidden = len(gaps) - count
        themes.append(
            {
                "section": gaps[0].section,
                "title": title,
                "gaps": [
                    {
                        "severity": g.severity,
                        "label": LABELS.get(g.severity, g.severity),
                        # names are cut to NAME_CHARS: a statement of eight fits whole
                        "text": short_.line(g.text, short.TEXT_CHARS * 4),
                        "why": g.why,
                        "findings": g.findings,
                    }
                    for g in gaps[:count]
                ],
                "more": {
                    "hidden": hidden,
                    "label": f"… and {hidden:,} more gap{'s' if hidden != 1 else ''} of this kind",
                }
                if hidden > 0
                else None,
            }
        )
    return themes, sum(len(v) for v in by_theme.values())


def value_chain_context(canvas: Canvas, short_: Shortener) -> ValueChainContext:
    placed = [s for s in canvas.segments if s.stage]
    return {
        "stages": method_context()["stages"],
        "trust_stage_index": vocab.STAGE_IDS.index(vocab.TRUST_INFLECTION_STAGE),
        "placed": len(placed),
        "unplaced": short_.names([s.name or s.id for s in canvas.segments if not s.stage]),
        "past": sum(1 for s in placed if trust(s.stage) == TRUST_PAST),
    }


def method_context() -> MethodContext:
    from modelh.framework import MANAGEMENT_DISCIPLINES, STAGES, TRUST_INFLECTION_POINT

    return {
        "trust_inflection_point": TRUST_INFLECTION_POINT,
        "disciplines": [{"name": n, "text": t} for n, t in MANAGEMENT_DISCIPLINES],
        "stages": [
            {"id": s.id, "number": s.number, "name": s.name, "duties": s.duties, "trust": s.trust}
            for s in STAGES
        ],
        "trust_stage": vocab.TRUST_INFLECTION_STAGE,
        "trust_stage_index": vocab.STAGE_IDS.index(vocab.TRUST_INFLECTION_STAGE),
        "credits": dict(CREDITS),
    }
