"""The data the report templates receive, built from a loaded canvas.

Everything here is plain data (dicts, lists, strings, numbers, booleans), so
that a template, which runs in Jinja's sandbox, can reach nothing else. Texts
are passed as written; the templates escape them. The shape is documented in
``docs/report.md`` and typed by ``ReportContext``.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from modelh import __version__
from modelh.canvas.model import Canvas
from modelh.framework.vocab import USED_DIMENSION_USES
from modelh.report import shorten as short
from modelh.report.brand import brand_colors, contrast, logo_data_uri
from modelh.report.changes import changes_context
from modelh.report.contract import FirmContext, ReportContext, SectionEntry
from modelh.report.contract_gaps import GapsContext
from modelh.report.errors import ReportContextError
from modelh.report.experience import cx_context, has_cx, journeys_context
from modelh.report.filters import (
    display_name,
    format_date,
    format_number,
    format_period,
    format_value,
    paragraphs,
)
from modelh.report.labels import (
    CHANNEL_KIND_LABELS,
    PAPERS,
    REPORT_SECTION_IDS,
    REPORT_SECTIONS,
    STATUS_MARKS,
)
from modelh.report.layout import canvas_geometry, canvas_page, canvas_type, names_of
from modelh.report.measures import measures_context
from modelh.report.sections import (
    blocks_context,
    dimensions_context,
    gaps_context,
    method_context,
    questions_context,
    segment_context,
    value_chain_context,
)
from modelh.report.shorten import Shortener
from modelh.report.summary import open_context, summary_context, without_said_when_open
from modelh.report.trends import add_trends

if TYPE_CHECKING:
    from modelh.check.checker import FileResult
    from modelh.history.records import CanvasDiff
    from modelh.history.trend import History

# The names templates' authors and the renderer import from here.
__all__ = [
    "PAPERS",
    "REPORT_SECTIONS",
    "REPORT_SECTION_IDS",
    "ReportContext",
    "ReportContextError",
    "brand_colors",
    "build_context",
    "canvas_geometry",
    "canvas_page",
    "canvas_texts",
    "canvas_type",
    "contrast",
    "format_date",
    "format_number",
    "format_period",
    "format_value",
    "logo_data_uri",
    "paragraphs",
    "shown_sections",
]


def build_context(
    canvas: Canvas,
    *,
    sections: Sequence[str] = REPORT_SECTION_IDS,
    paper: str = "letter",
    check: FileResult | None = None,
    logo: str | None = None,
    audience: str = "executive",
    firm: FirmContext | None = None,
    changes: CanvasDiff | None = None,
    since: str = "",
    history: History | None = None,
) -> ReportContext:
    """The template context for ``canvas``.

    ``check`` is the checker's result for the canvas (``modelh.check.checker.FileResult``),
    needed by the gaps section; ``logo`` a data URI (see ``logo_data_uri``);
    ``audience`` executive or team (team adds the gaps' appendix with codes and
    lines); ``firm`` the consulting firm of the project settings (see ``firm_context``);
    ``changes`` the diff since the revision ``since`` (``render --since``): without
    it there is no "What changed" page; ``history`` the canvas's git history
    (``render --history``): each measure gets the trend line of its current value.
    """
    info = canvas.canvas
    status = info.status
    mark = STATUS_MARKS.get(status or "draft") if status != "final" else None
    file = display_name(os.path.basename(canvas.file))
    short_ = Shortener(file)
    dims = dimensions_context(canvas, short_)
    # the dimensions in use that serve each segment: at a used degree in the mix
    dims_by_segment: dict[str, list[str]] = {}
    for entry in dims["items"]:
        if not entry["used"]:
            continue
        use = canvas.dimensions[entry["id"]]
        for segment in canvas.segments:
            if use.degree_for(segment.id) in USED_DIMENSION_USES:
                dims_by_segment.setdefault(segment.id, []).append(entry["name"])
    created = f"{info.date}T00:00:00Z" if info.date else "2000-01-01T00:00:00Z"
    title = info.title or "Untitled canvas"
    organization = info.organization or ""
    value_propositions, value_propositions_more = short_.items(
        canvas.value_propositions, short.SHOWN_VALUE_PROPOSITIONS, "value proposition"
    )
    channels, channels_more = short_.items(canvas.channels, short.SHOWN_CHANNELS, "channel")
    segment_names = {s.id: s.name or s.id for s in canvas.segments}
    shown = shown_sections(canvas, [s for s in sections if s != "changes" or changes is not None])
    measures = measures_context(canvas, short_)
    history_note = add_trends(measures, history) if history is not None else None
    open_ = open_context(canvas, short_, "open" in shown)
    # what the list says, the gaps page does not say again
    check_gaps = without_said_when_open(check) if open_["shown"] else check
    gaps = gaps_context(check_gaps, short_, canvas, audience)
    section_list: list[SectionEntry] = []
    number = 0
    for s in shown:
        number += s != "cover"
        section_list.append(
            {
                "id": s,
                "title": REPORT_SECTIONS[s],
                "anchor": f"section-{s}",
                "number": number,
                "new_page": not _short(s, gaps),
            }
        )
    return {
        "report": {
            "title": title,
            "organization": organization,
            # the cover's own, each shortened so that the cover stays one page
            "cover": {
                "title": short_.line(title, short.TITLE_CHARS),
                "organization": short_.name(organization),
                "prepared_for": short_.line(info.prepared_for, short.SHORT_CHARS),
                "confidentiality": short_.line(info.confidentiality, short.TEXT_CHARS),
            },
            "prepared_by": short_.names(info.prepared_by),
            "prepared_for": info.prepared_for or "",
            "date": info.date or "",
            "date_label": format_date(info.date),
            "version": info.version or "",
            "status": status or "draft",
            "status_label": (status or "draft").capitalize(),
            "status_mark": mark,
            # every page carries a confidentiality line, even when the canvas has none
            "confidentiality": info.confidentiality or "Confidential",
            "logo": logo,
            "paper": paper,
            "paper_size": {"a4": "A4", "letter": "letter", "a3": "A3"}[paper],
            "content_width": round(PAPERS[paper][0] - 40.0, 2),
            "created": created,
            "generator": f"modelh {__version__}",
            "file": file,
            "subject": f"modelH canvas report: {title}, {organization}".rstrip(", "),
            "lang": "en",
            "audience": audience,
        },
        "brand": brand_colors(info.branding.color if info.branding else None),
        "sections": section_list,
        "canvas_page": canvas_page(canvas, paper, "blocks" in sections),
        "segments": segment_context(canvas, dims_by_segment, short_),
        "value_propositions": [
            {
                "id": vp.id,
                "name": short_.name(vp.name or vp.id),
                "description": short_.text(vp.description or ""),
                "segments": short_.names(names_of(vp.segments, segment_names)),
            }
            for vp in value_propositions
        ],
        "channels": [
            {
                "id": ch.id,
                "name": short_.name(ch.name or ch.id),
                "kind": CHANNEL_KIND_LABELS.get(ch.kind or "", ""),
                "description": short_.text(ch.description or "", short.SHORT_CHARS),
            }
            for ch in channels
        ],
        "more": {
            "segments": short_.more(len(canvas.segments) - short.SHOWN_SEGMENTS, "segment"),
            "value_propositions": value_propositions_more,
            "channels": channels_more,
        },
        "blocks": blocks_context(canvas, short_),
        "questions": questions_context(canvas, short_),
        "dimensions": dims,
        "measures": measures,
        "value_chain": value_chain_context(canvas, short_),
        "journeys": journeys_context(canvas, short_),
        "cx": cx_context(canvas, short_),
        "gaps": gaps,
        "summary": summary_context(canvas, dims, check_gaps, short_),
        "open": open_,
        "changes": changes_context(changes, since, short_) if changes is not None else None,
        "history": history_note,
        "method": method_context(),
        "firm": firm,
    }


#: A gaps page of at most this many findings is short: it follows the section
#: before it on the same page.
SHORT_GAPS = 8


def _short(section: str, gaps: GapsContext | None) -> bool:
    """Whether ``section`` is short enough to follow the one before it on its page
    (no page is left half empty for it)."""
    if section == "open":
        return True
    if section == "gaps":
        return gaps is not None and sum(len(g["findings"]) for g in gaps["groups"]) <= SHORT_GAPS
    return False


def has_content(canvas: Canvas) -> dict[str, bool]:
    """Per section, whether the canvas gives it anything to show (a section that has
    nothing adds no page: the "Still to be worked out" list names what is empty)."""
    blocks = any(
        getattr(canvas, key)
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
    )
    considered = any(use.use or use.mix for use in canvas.dimensions.values())
    answered = any(a.is_answered for a in canvas.answers.values())
    return {
        "canvas": blocks or considered,
        "blocks": blocks,
        "questions": answered,
        "dimensions": considered,
        "measures": bool(canvas.measures),
        "value-chain": bool(canvas.segments),
        "journeys": bool(canvas.journeys),
        "cx": has_cx(canvas),
        "open": bool(open_context(canvas, Shortener(""), True)["groups"]),
    }


def shown_sections(canvas: Canvas, sections: Sequence[str]) -> list[str]:
    """The chosen sections the report shows: each only when the canvas gives it
    something to show (the journey map only with journeys, the "Still to be worked
    out" list only when something is open...), unless that would leave no section
    at all."""
    present = has_content(canvas)
    shown = [s for s in sections if present.get(s, True)]
    return shown or list(sections)


def canvas_texts(canvas: Canvas) -> list[str]:
    """Every text of the canvas a report may show (for the font coverage check)."""
    texts: list[str] = []

    def walk(value: Any) -> None:
        if isinstance(value, str):
            texts.append(value)
        elif isinstance(value, (list, tuple)):
            for v in value:
                walk(v)
        elif isinstance(value, dict):
            for v in value.values():
                walk(v)
        elif hasattr(value, "__dataclass_fields__"):
            for name in value.__dataclass_fields__:
                if name not in ("spans", "key_spans", "span", "path", "file", "extensions"):
                    walk(getattr(value, name))

    walk(canvas)
    return texts
