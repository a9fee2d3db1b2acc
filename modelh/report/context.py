"""The data the report templates receive, built from a loaded canvas.

Everything here is plain data (dicts, lists, strings, numbers, booleans), so
that a template, which runs in Jinja's sandbox, can reach nothing else. Texts
are passed as written; the templates escape them. The shape is documented in
``docs/report.md`` and typed by ``ReportContext``.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import math
import os
import re
from collections.abc import Sequence
from typing import Any, TypedDict

from modelh import __version__
from modelh.canvas.facts import asks_preferences, trust
from modelh.canvas.model import BlockItem, Canvas
from modelh.errors import ModelhError
from modelh.framework import vocab
from modelh.framework.entities import TRUST_PAST
from modelh.report import fit
from modelh.report import shorten as short
from modelh.report.shorten import Shortener

#: The report's sections, in their default order, with their headings.
REPORT_SECTIONS: dict[str, str] = {
    "cover": "Cover",
    "canvas": "The canvas",
    "blocks": "The canvas in full",
    "questions": "The eight relationship questions",
    "dimensions": "The seven relationship dimensions",
    "measures": "Measures by domain",
    "value-chain": "The customer value chain",
    "gaps": "Gaps and completeness",
}
REPORT_SECTION_IDS: tuple[str, ...] = tuple(REPORT_SECTIONS)

#: Paper sizes in millimetres, portrait (width, height).
PAPERS: dict[str, tuple[float, float]] = {
    "a4": (210.0, 297.0),
    "letter": (215.9, 279.4),
    "a3": (297.0, 420.0),
}

DEFAULT_COLOR = "#1f4e79"

USE_LABELS = {
    "core": "Core",
    "supporting": "Supporting",
    "planned": "Planned",
    "none": "Not used",
    None: "Not considered",
}
USE_LEVELS = {"core": 3, "supporting": 2, "planned": 1, "none": 0}
ROLE_LABELS = {"buyer": "Buyer", "user": "User", "both": "Buyer and user"}
CHANNEL_KIND_LABELS = {
    "digital": "Digital",
    "email": "Email",
    "chat": "Chat",
    "sms": "Text message",
    "phone": "Phone",
    "in-person": "In person",
    "mail": "Postal mail",
    "partner": "Partner",
    "other": "Other",
}
TRACK_LABELS = {
    "revenue": "Revenue",
    "cost": "Cost",
    "health": "Health outcome",
    "experience": "Experience",
    "operations": "Operations",
}
STATUS_MARKS = {"draft": "Draft", "review": "For review"}
SEVERITY_LABELS = {"error": "Error", "warning": "Warning", "info": "Note"}
GAP_SECTIONS = {
    "format": "Canvas format",
    "answers": "The eight questions",
    "dimensions": "Relationship dimensions",
    "measures": "Measures",
    "segments": "Segments and the value chain",
    "meta": "Canvas details",
}
BLOCK_TITLES = {
    "key_partners": "Key Partners",
    "key_activities": "Key Activities",
    "key_resources": "Key Resources",
    "value_propositions": "Value Propositions",
    "customer_relationships": "Customer Relationships",
    "channels": "Channels",
    "segments": "Customer Segments",
    "cost_structure": "Cost Structure",
    "revenue_streams": "Revenue Streams",
}


class ReportContextError(ModelhError):
    """The canvas cannot be turned into a report (a logo that may not be read)."""


class ReportContext(TypedDict):
    """What every template receives (see docs/report.md for each key)."""

    report: dict[str, Any]
    brand: dict[str, str]
    sections: list[dict[str, Any]]
    canvas_page: dict[str, Any]
    segments: list[dict[str, Any]]
    value_propositions: list[dict[str, Any]]
    channels: list[dict[str, Any]]
    blocks: list[dict[str, Any]]
    questions: list[dict[str, Any]]
    dimensions: dict[str, Any]
    measures: dict[str, Any]
    value_chain: dict[str, Any]
    more: dict[str, Any]
    gaps: dict[str, Any] | None
    method: dict[str, Any]


# ---------------------------------------------------------------------------
# Small helpers


def paragraphs(text: str | None) -> list[dict[str, Any]]:
    """A text as written in YAML, as paragraphs and bullet lists.

    Blank lines separate paragraphs; lines starting with "- ", "* " or "• " are
    list items; other line breaks are the writer's wrapping and become spaces.
    """
    if not text:
        return []
    blocks: list[dict[str, Any]] = []
    for chunk in re.split(r"\n\s*\n", text.strip()):
        lines = [line.strip() for line in chunk.splitlines() if line.strip()]
        items: list[str] = []
        words: list[str] = []
        for line in lines:
            bullet = re.match(r"^(?:[-*•]|\d+[.)])\s+(.*)$", line)
            if bullet:
                if words:
                    blocks.append({"kind": "p", "text": " ".join(words)})
                    words = []
                items.append(bullet.group(1))
            elif items:
                items[-1] += " " + line
            else:
                words.append(line)
        if words:
            blocks.append({"kind": "p", "text": " ".join(words)})
        if items:
            blocks.append({"kind": "ul", "items": items})
    return blocks


def display_name(name: str) -> str:
    """A file name as text: bytes that are not UTF-8 (kept by Python as lone
    surrogates) shown as U+FFFD, so the name can be written into a report."""
    return os.fsencode(name).decode("utf-8", "replace")


def format_number(value: float | int | None) -> str:
    """A number as a reader expects it: thousands separated, no needless decimals."""
    if value is None:
        return "–"
    if isinstance(value, float) and not math.isfinite(value):
        return str(value)
    if float(value).is_integer() and abs(value) < 1e15:
        return f"{int(value):,}"
    text = f"{value:,.6g}" if abs(value) >= 1e15 else f"{value:,.4f}".rstrip("0").rstrip(".")
    return text


def format_value(value: float | int | None, unit: str | None) -> str:
    """A number with its unit: "48%", "$13.95 PMPM", "$22.1M per year", "24 NPS points"."""
    if value is None:
        return "–"
    number = format_number(value)
    unit = (unit or "").strip()
    if not unit:
        return number
    if unit.startswith("%"):
        return number + unit
    if unit.startswith("$") or unit.startswith("€") or unit.startswith("£"):
        symbol, rest = unit[0], unit[1:]
        sign = "−" if number.startswith("-") else ""
        number = number.lstrip("-")
        if rest[:1] in ("K", "M", "B") and (len(rest) == 1 or rest[1] == " "):
            return f"{sign}{symbol}{number}{rest}"
        return f"{sign}{symbol}{number}{(' ' + rest.strip()) if rest.strip() else ''}"
    return f"{number} {unit}"


def format_date(text: str | None) -> str:
    """An ISO date as "20 November 2026"; other texts as written."""
    if not text:
        return ""
    try:
        day = dt.date.fromisoformat(text)
    except ValueError:
        return text
    return f"{day.day} {day:%B %Y}"


def format_period(text: str | None) -> str:
    """A due period ("2027", "2027-12", "2027-Q4", "2027-12-31") as words."""
    if not text:
        return ""
    match = re.fullmatch(r"(\d{4})-(\d{2})", text)
    if match:
        month = dt.date(int(match.group(1)), int(match.group(2)), 1)
        return f"{month:%B %Y}"
    match = re.fullmatch(r"(\d{4})-Q([1-4])", text)
    if match:
        return f"Q{match.group(2)} {match.group(1)}"
    return format_date(text)


def _hex(color: str) -> tuple[int, int, int]:
    color = color.lstrip("#")
    return int(color[0:2], 16), int(color[2:4], 16), int(color[4:6], 16)


def _to_hex(rgb: Sequence[float]) -> str:
    return "#" + "".join(f"{max(0, min(255, round(c))):02x}" for c in rgb)


def _mix(color: str, other: str, share: float) -> str:
    """``color`` mixed with ``other``: ``share`` of ``other``."""
    a, b = _hex(color), _hex(other)
    return _to_hex([x + (y - x) * share for x, y in zip(a, b, strict=True)])


def _luminance(color: str) -> float:
    def channel(c: int) -> float:
        s = c / 255
        return s / 12.92 if s <= 0.03928 else ((s + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(c) for c in _hex(color))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: str, b: str) -> float:
    """The WCAG contrast ratio of two colours."""
    la, lb = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def brand_colors(color: str | None) -> dict[str, str]:
    """The report's palette from the canvas's branding colour.

    ``color`` as given (rules, bars); ``strong`` darkened until text in it reads
    on white (WCAG AA, 4.5:1); ``tint`` and ``wash`` pale backgrounds; ``on``
    the text colour on a ``strong`` background.
    """
    if not color or not re.fullmatch(r"#[0-9a-fA-F]{6}", color):
        color = DEFAULT_COLOR
    color = color.lower()
    strong = color
    step = 0.0
    while contrast(strong, "#ffffff") < 4.5 and step < 1:
        step += 0.05
        strong = _mix(color, "#000000", step)
    # a colour too pale for rules and bars is darkened too (bars must show on white)
    main = color if contrast(color, "#ffffff") >= 2.2 else strong
    return {
        "color": main,
        "strong": strong,
        "tint": _mix(main, "#ffffff", 0.88),
        "wash": _mix(main, "#ffffff", 0.95),
        "mid": _mix(main, "#ffffff", 0.55),
        "on": "#ffffff",
    }


def logo_data_uri(canvas: Canvas) -> str | None:
    """The canvas's logo as a data URI, read only from inside the canvas's folder.

    Raises ReportContextError for a logo the policy of ``modelh.canvas.images`` (``canvas_logo``)
    refuses (a URL, an absolute path, outside the folder, missing, not an image,
    or past the image limits); rule MH010 applies the same policy.
    """
    from modelh.canvas.images import LogoProblem, canvas_logo

    logo = canvas_logo(canvas)
    if logo is None:
        return None
    if isinstance(logo, LogoProblem):
        raise ReportContextError(
            f"{logo.message}; the report is refused until it is fixed ({logo.fix})"
        )
    return logo.data_uri()


# ---------------------------------------------------------------------------
# The canvas page: geometry and what fits


# Geometry in millimetres: page margins of the canvas page, the gap between
# blocks, a block's padding and title height. The stylesheet uses the numbers
# the context carries, so the two cannot disagree.
CANVAS_MARGIN = {"top": 16.0, "right": 12.0, "bottom": 16.0, "left": 12.0}
CANVAS_HEADER_MM = 13.0
CANVAS_LEGEND_MM = 6.0
BLOCK_GAP_MM = 2.2
BLOCK_PAD_MM = 2.6
BLOCK_TITLE_MM = 6.4
TOP_SHARE = 0.70  # the five columns take this share of the grid's height

ITEM_STYLE = fit.Style(size=7.6, leading=9.6, weight=600)
TEXT_STYLE = fit.Style(size=7.6, leading=9.6)
META_STYLE = fit.Style(size=6.6, leading=8.4)
MORE_STYLE = fit.Style(size=6.6, leading=8.6, style="italic")
ITEM_GAP_PT = 4.0
BULLET_INDENT_PT = 6.0  # plain items start after a small square


#: Height of one dimension row in the Customer Relationships block (points).
DIMENSION_ROW_PT = 10.8


def _content_mm(items: Sequence[Sequence[fit.Line]], width_mm: float) -> float:
    """The height a block needs to show all of ``items``, title and padding included."""
    width = (width_mm - 2 * BLOCK_PAD_MM) * fit.PT_PER_MM
    body = sum(fit.item_height(parts, width) for parts in items)
    body += ITEM_GAP_PT * max(0, len(items) - 1)
    return body / fit.PT_PER_MM + BLOCK_TITLE_MM + 2 * BLOCK_PAD_MM


def _split(total: float, need_a: float, need_b: float, low: float = 0.3) -> float:
    """How much of ``total`` the upper of two stacked blocks gets.

    Equal halves when both fit; otherwise in proportion to their content,
    neither below ``low`` of the column, nor more than its content needs when
    the other block needs the room.
    """
    half = total / 2
    if need_a <= half and need_b <= half:
        return half
    if need_a <= half:  # the lower block needs room: give the upper what it needs
        return max(need_a, total * low)
    if need_b <= half:
        return total - max(need_b, total * low)
    share = need_a / (need_a + need_b)
    return total * min(1 - low, max(low, share))


def canvas_geometry(
    paper: str, items: dict[str, list[list[fit.Line]]] | None = None
) -> dict[str, Any]:
    """Where each block sits on the landscape canvas page, in millimetres.

    The canvas layout is fixed; only the split between the two blocks stacked
    in a column follows their content (the Customer Relationships block needs
    seven rows, Channels may need more).
    """
    portrait = PAPERS[paper]
    width, height = portrait[1], portrait[0]
    inner_w = width - CANVAS_MARGIN["left"] - CANVAS_MARGIN["right"]
    inner_h = height - CANVAS_MARGIN["top"] - CANVAS_MARGIN["bottom"]
    grid_h = inner_h - CANVAS_HEADER_MM - CANVAS_LEGEND_MM
    col_w = (inner_w - 4 * BLOCK_GAP_MM) / 5
    top_h = (grid_h - BLOCK_GAP_MM) * TOP_SHARE
    bottom_h = grid_h - BLOCK_GAP_MM - top_h
    stacked = top_h - BLOCK_GAP_MM
    items = items or {}

    def need(key: str) -> float:
        return _content_mm(items.get(key, []), col_w)

    cr_need = (
        len(vocab.DIMENSION_IDS) * DIMENSION_ROW_PT / fit.PT_PER_MM
        + BLOCK_TITLE_MM
        + 2 * BLOCK_PAD_MM
        + 3.0
    )
    activities_h = _split(stacked, need("key_activities"), need("key_resources"))
    relationships_h = _split(stacked, cr_need, need("channels"))

    def col(i: int) -> float:
        return i * (col_w + BLOCK_GAP_MM)

    bottom_y = top_h + BLOCK_GAP_MM
    bottom_w = (inner_w - BLOCK_GAP_MM) / 2
    boxes = {
        "key_partners": (col(0), 0, col_w, top_h),
        "key_activities": (col(1), 0, col_w, activities_h),
        "key_resources": (
            col(1),
            activities_h + BLOCK_GAP_MM,
            col_w,
            stacked - activities_h,
        ),
        "value_propositions": (col(2), 0, col_w, top_h),
        "customer_relationships": (col(3), 0, col_w, relationships_h),
        "channels": (col(3), relationships_h + BLOCK_GAP_MM, col_w, stacked - relationships_h),
        "segments": (col(4), 0, col_w, top_h),
        "cost_structure": (0, bottom_y, bottom_w, bottom_h),
        "revenue_streams": (bottom_w + BLOCK_GAP_MM, bottom_y, bottom_w, bottom_h),
    }
    return {
        "page_width": round(width, 2),
        "page_height": round(height, 2),
        "margin": CANVAS_MARGIN,
        "width": round(inner_w, 2),
        "height": round(grid_h, 2),
        "header": CANVAS_HEADER_MM,
        "legend": CANVAS_LEGEND_MM,
        "pad": BLOCK_PAD_MM,
        "title": BLOCK_TITLE_MM,
        # rounded down, so that the fitting below never counts on more room than drawn
        "boxes": {
            key: {
                "x": round(x, 2),
                "y": round(y, 2),
                "w": math.floor(w * 100) / 100,
                "h": math.floor(h * 100) / 100,
            }
            for key, (x, y, w, h) in boxes.items()
        },
    }


def _names(ids: Sequence[str], by_id: dict[str, str]) -> list[str]:
    return [by_id.get(i, i) for i in ids]


def _canvas_text(text: str) -> str:
    """A text as the canvas page measures it: one longer than any block can hold is
    cut first (with "…"), so that measuring it takes bounded time."""
    if len(text) <= short.CANVAS_ITEM_CHARS:
        return text
    return short.cut_at_word(text, short.CANVAS_ITEM_CHARS)


def _canvas_names(ids: Sequence[str], by_id: dict[str, str]) -> str:
    names = _names(ids[: short.SHOWN_NAMES], by_id)
    if len(ids) > short.SHOWN_NAMES:
        names.append(f"and {len(ids) - short.SHOWN_NAMES:,} more")
    return _canvas_text(", ".join(names))


def _measurable(items: list[list[fit.Line]]) -> list[list[fit.Line]]:
    """The first of ``items``, up to ``CANVAS_BLOCK_CHARS`` characters in all: more
    than any block can show, so what the canvas page shows is the same, and
    measuring takes bounded time. The fitting counts the rest as not shown."""
    left = short.CANVAS_BLOCK_CHARS
    kept = []
    for lines in items:
        if left <= 0:
            break
        clipped = []
        for line in lines:
            if len(line.text) > left:
                line = dataclasses.replace(line, text=short.cut_at_word(line.text, max(left, 1)))
            left -= len(line.text)
            clipped.append(line)
        kept.append(clipped)
    return kept


def _canvas_items(canvas: Canvas) -> dict[str, list[list[fit.Line]]]:
    """Each block's items as the lines the canvas page would set.

    At most ``CANVAS_ITEMS`` of each block and ``CANVAS_BLOCK_CHARS`` characters,
    more than any block can show: the fitting counts the rest as not shown.
    """
    segment_names = {s.id: s.name or s.id for s in canvas.segments}
    stage_names = {s: s.capitalize() for s in vocab.STAGE_IDS}
    first = short.CANVAS_ITEMS

    def plain(items: Sequence[BlockItem]) -> list[list[fit.Line]]:
        result = []
        for item in items[:first]:
            text = _canvas_text(item.text or "")
            lines = [fit.Line("text", text, TEXT_STYLE, indent=BULLET_INDENT_PT)]
            if item.segments:
                meta = _canvas_names(item.segments, segment_names)
                lines.append(fit.Line("meta", meta, META_STYLE, indent=BULLET_INDENT_PT))
            result.append(lines)
        return result

    segments = []
    for s in canvas.segments[:first]:
        meta = [ROLE_LABELS.get(s.role or "", "")]
        if s.stage:
            stage = stage_names[s.stage]
            if s.target_stage and s.target_stage != s.stage:
                stage += f" → {stage_names[s.target_stage]}"
            meta.append(stage)
        lines = [fit.Line("text", _canvas_text(s.name or s.id), ITEM_STYLE)]
        shown_meta = " · ".join(m for m in meta if m)
        if shown_meta:
            lines.append(fit.Line("meta", shown_meta, META_STYLE))
        segments.append(lines)
    propositions = []
    for vp in canvas.value_propositions[:first]:
        lines = [fit.Line("text", _canvas_text(vp.name or vp.id), ITEM_STYLE)]
        if vp.segments:
            meta = "For " + _canvas_names(vp.segments, segment_names)
            lines.append(fit.Line("meta", meta, META_STYLE))
        propositions.append(lines)
    channels = []
    for ch in canvas.channels[:first]:
        # the kind follows the name on the same line, in smaller type: measure
        # both in the name's (wider) style, which errs on the safe side
        kind = CHANNEL_KIND_LABELS[ch.kind] if ch.kind else ""
        name = _canvas_text(ch.name or ch.id)
        lines = [fit.Line("text", f"{name}  {kind}".rstrip(), ITEM_STYLE)]
        channels.append(lines)
    blocks = {
        "key_partners": plain(canvas.key_partners),
        "key_activities": plain(canvas.key_activities),
        "key_resources": plain(canvas.key_resources),
        "value_propositions": propositions,
        "channels": channels,
        "segments": segments,
        "cost_structure": plain(canvas.cost_structure),
        "revenue_streams": plain(canvas.revenue_streams),
    }
    return {key: _measurable(items) for key, items in blocks.items()}


def canvas_page(canvas: Canvas, paper: str, full_text_shown: bool) -> dict[str, Any]:
    """The canvas page: geometry, and per block the items that fit and what is left."""
    items = _canvas_items(canvas)
    geometry = canvas_geometry(paper, items)
    totals = {key: len(getattr(canvas, key)) for key in items}
    blocks: dict[str, Any] = {}
    for key, box in geometry["boxes"].items():
        title = BLOCK_TITLES[key]
        if key == "customer_relationships":
            blocks[key] = {"key": key, "title": title, "box": box}
            continue
        width_pt = (box["w"] - 2 * BLOCK_PAD_MM) * fit.PT_PER_MM
        height_pt = (box["h"] - 2 * BLOCK_PAD_MM - BLOCK_TITLE_MM) * fit.PT_PER_MM
        block_items = items[key]
        fitted = fit.fit_block(block_items, width_pt, height_pt, gap=ITEM_GAP_PT, more=MORE_STYLE)
        unmeasured = totals[key] - len(block_items)  # past CANVAS_ITEMS: never shown
        shown = []
        for f in fitted.shown:
            entry = {
                "text": f.parts.get("text", ""),
                "meta": f.parts.get("meta", ""),
                "kind": "",
                "cut": f.cut,
            }
            if key == "channels":
                channel = canvas.channels[f.index]
                kind = CHANNEL_KIND_LABELS.get(channel.kind or "", "")
                entry["text"] = _canvas_text(channel.name or channel.id)
                entry["kind"] = kind
                if f.cut:  # shortened: the fitted text holds name and kind cut together
                    entry["text"], entry["kind"] = f.parts.get("text", ""), ""
            shown.append(entry)
        more = None
        hidden = fitted.hidden + unmeasured
        if not fitted.complete or hidden:
            label = f"… {hidden:,} more" if hidden else "… continued"
            more = {
                "hidden": hidden,
                "label": label,
                "target": f"#full-{key.replace('_', '-')}" if full_text_shown else None,
            }
        blocks[key] = {
            "key": key,
            "title": title,
            "box": box,
            "items": shown,
            "count": totals[key],
            "more": more,
            "empty": not block_items,
        }
    return {"geometry": geometry, "type": canvas_type(), "blocks": blocks}


def canvas_type() -> dict[str, float]:
    """The canvas page's type sizes in points, as the fitting above assumed them.

    The canvas template hands them to the stylesheet as custom properties, so
    the two cannot disagree.
    """
    return {
        "item_size": ITEM_STYLE.size,
        "item_leading": ITEM_STYLE.leading,
        "text_size": TEXT_STYLE.size,
        "text_leading": TEXT_STYLE.leading,
        "meta_size": META_STYLE.size,
        "meta_leading": META_STYLE.leading,
        "more_size": MORE_STYLE.size,
        "more_leading": MORE_STYLE.leading,
        "item_gap": ITEM_GAP_PT,
        "indent": BULLET_INDENT_PT,
        "dimension_row": DIMENSION_ROW_PT,
    }


# ---------------------------------------------------------------------------
# The context


def _segment_context(
    canvas: Canvas, dims_by_segment: dict[str, list[str]], short_: Shortener
) -> list[dict]:
    shown = canvas.segments[: short.SHOWN_SEGMENTS]
    wanted = {s.id for s in shown}
    vp_by_segment: dict[str, list[str]] = {}
    for vp in canvas.value_propositions:
        for sid in vp.segments:
            if sid in wanted:
                vp_by_segment.setdefault(sid, []).append(vp.name or vp.id)
    result = []
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
                "preferences": short_.texts(
                    s.preferences, "preference", short.PREFERENCES_CHARS, short.NAME_CHARS
                ),
                "needs_preferences": asks_preferences(s.stage) and not s.preferences,
                "value_propositions": short_.names(vp_by_segment.get(s.id, [])),
                "dimensions": dims_by_segment.get(s.id, []),
            }
        )
    return result


#: What a dimension's card shows.
_CARD_TEXTS = (
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
)


def _dimensions_context(canvas: Canvas, short_: Shortener) -> dict[str, Any]:
    from modelh.framework import DIMENSIONS

    dim_chars = short.DIMENSION_CHARS
    segment_names = {s.id: s.name or s.id for s in canvas.segments}
    channel_names = {c.id: c.name or c.id for c in canvas.channels}
    measure_names = {m.id: m.name or m.id for m in canvas.measures}
    items = []
    for d in DIMENSIONS:
        use = canvas.dimensions.get(d.id)
        level = USE_LEVELS.get(use.use) if use and use.use else None
        entry = {
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
            "segments": short_.names(_names(use.segments, segment_names)) if use else [],
            "segment_count": len(use.segments) if use else 0,
            "all_segments": bool(use and not use.segments),
            "approach": short_.text((use.approach if use else None) or "", dim_chars),
            "channels": short_.names(_names(use.channels, channel_names)) if use else [],
            "channel_count": len(use.channels) if use else 0,
            "channel_ids": list(use.channels) if use else [],
            "message": short_.text((use.message if use else None) or "", dim_chars),
            "emotional_support": short_.text(
                (use.emotional_support if use else None) or "", dim_chars
            ),
            "physical_comfort": short_.text(
                (use.physical_comfort if use else None) or "", dim_chars
            ),
            "measures": short_.names(_names(use.measures, measure_names)) if use else [],
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
    matrix_rows = []
    shown, more = short_.items(canvas.channels, short.SHOWN_CHANNELS, "channel")
    for ch in shown:
        cells = []
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
    counts = {u: sum(1 for e in items if e["use"] == u) for u in vocab.DIMENSION_USES}
    counts["not-considered"] = sum(1 for e in items if not e["considered"])
    return {
        "items": items,
        "matrix": {
            "channels": matrix_rows,
            "dimensions": [e["name"] for e in items],
            "more": more,
        },
        "counts": counts,
        "uses": [
            {"id": u, "label": USE_LABELS[u], "level": USE_LEVELS[u]} for u in vocab.DIMENSION_USES
        ],
    }


def _measure_context(m: Any, short_: Shortener) -> dict[str, Any]:
    from modelh.framework import INDICATORS

    indicator = INDICATORS.get(m.indicator) if m.indicator else None
    values = [v for v in (m.baseline, m.current, m.target) if v is not None]
    low = min([0.0, *values]) if values else 0.0
    high = max([0.0, *values]) if values else 1.0
    span = (high - low) or 1.0

    def bar(value: float | int | None) -> float | None:
        return None if value is None else round((value - low) / span, 4)

    progress = None
    if None not in (m.baseline, m.current, m.target) and m.target != m.baseline:
        progress = round((m.current - m.baseline) / (m.target - m.baseline) * 100)
    unit = short_.name(m.unit or "")
    return {
        "id": m.id,
        "name": short_.name(m.name or m.id),
        "domain": m.domain,
        "indicator": m.indicator,
        "indicator_name": indicator.name if indicator else "",
        "group": indicator.group if indicator else None,
        "tracks": m.tracks,
        "tracks_label": TRACK_LABELS.get(m.tracks or "", ""),
        "unit": unit,
        "direction": m.direction,
        "direction_label": {"up": "Higher is better", "down": "Lower is better"}.get(
            m.direction or "", ""
        ),
        "baseline": format_value(m.baseline, unit),
        "current": format_value(m.current, unit),
        "target": format_value(m.target, unit),
        "bars": {"baseline": bar(m.baseline), "current": bar(m.current), "target": bar(m.target)},
        "has_values": bool(values),
        "progress": progress,
        "due": format_period(m.due),
        "owner": short_.name(m.owner or ""),
        "status": m.status,
    }


def _measures_context(canvas: Canvas, short_: Shortener) -> dict[str, Any]:
    from modelh.framework import CUSTOMER_INDICATOR_GROUPS, DOMAINS

    active = [m for m in canvas.measures if m.status == "active"]
    pending = [m for m in canvas.measures if m.status == "pending-leadership"]
    retired = [m for m in canvas.measures if m.status == "retired"]
    # SHOWN_MEASURES in all, shared among the domains (and the measures without one)
    by_domain = [[m for m in active if m.domain == d.id] for d in DOMAINS]
    by_domain.append([m for m in active if not m.domain])
    shown_counts = short.share(by_domain, short.SHOWN_MEASURES)

    def context(m: Any) -> dict[str, Any]:
        return _measure_context(m, short_)

    def pending_of(domain: str) -> tuple[list[dict[str, Any]], dict[str, Any] | None]:
        theirs = [m for m in pending if m.domain == domain]
        shown, more = short_.items(theirs, short.SHOWN_NAMES, "measure")
        return [context(m) for m in shown], more

    domains = []
    for d, measures, count in zip(DOMAINS, by_domain, shown_counts, strict=False):
        mine = [context(m) for m in measures[:count]]
        groups: list[dict[str, Any]] = []
        if d.id == "customer":
            for title, ids in CUSTOMER_INDICATOR_GROUPS:
                grouped = [m for m in mine if m["indicator"] in ids]
                if grouped:
                    groups.append({"title": title, "measures": grouped})
            rest = [
                m
                for m in mine
                if m["indicator"] not in {i for _, g in CUSTOMER_INDICATOR_GROUPS for i in g}
            ]
            if rest:
                groups.append({"title": "Other customer measures", "measures": rest})
        elif mine:
            groups.append({"title": None, "measures": mine})
        domain_pending, pending_more = pending_of(d.id)
        domains.append(
            {
                "id": d.id,
                "number": d.number,
                "name": d.name,
                "summary": d.summary,
                "pending_leadership": d.pending_leadership,
                "indicators": [i.name for i in d.indicators],
                "groups": groups,
                "count": len(measures),
                "more": short_.more(len(measures) - count, "measure"),
                "pending": domain_pending,
                "pending_more": pending_more,
            }
        )
    unassigned = by_domain[-1]
    tracked = {t: sum(1 for m in active if m.tracks == t) for t in vocab.MEASURE_TRACKS}
    pending_shown, pending_more = short_.items(pending, short.SHOWN_PENDING, "measure")
    retired_shown, retired_more = short_.items(retired, short.SHOWN_RETIRED, "measure")
    return {
        "domains": domains,
        "unassigned": [context(m) for m in unassigned[: shown_counts[-1]]],
        "unassigned_more": short_.more(len(unassigned) - shown_counts[-1], "measure"),
        "pending": [context(m) for m in pending_shown],
        "pending_more": pending_more,
        "retired": [context(m) for m in retired_shown],
        "retired_more": retired_more,
        "tracked": [
            {"id": t, "label": TRACK_LABELS[t], "count": tracked[t]} for t in vocab.MEASURE_TRACKS
        ],
        "count": len(active),
    }


def _questions_context(canvas: Canvas, short_: Shortener) -> list[dict[str, Any]]:
    from modelh.framework import QUESTIONS

    segment_names = {s.id: s.name or s.id for s in canvas.segments}
    result = []
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
        per_segment = [
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


def _blocks_context(canvas: Canvas, short_: Shortener) -> list[dict[str, Any]]:
    segment_names = {s.id: s.name or s.id for s in canvas.segments}
    keys = ("key_partners", "key_activities", "key_resources", "cost_structure", "revenue_streams")
    lists = [getattr(canvas, key) for key in keys]
    # SHOWN_BLOCK_ITEMS in all, shared among the five blocks
    counts = short.share(lists, short.SHOWN_BLOCK_ITEMS, short.BLOCK_ITEMS_CHARS, _item_size)
    result = []
    for key, items, count in zip(keys, lists, counts, strict=True):
        result.append(
            {
                "key": key,
                "anchor": "full-" + key.replace("_", "-"),
                "title": BLOCK_TITLES[key],
                "items": [
                    {
                        "text": short_.text(i.text or "", short.SHORT_CHARS),
                        "segments": short_.names(_names(i.segments, segment_names)),
                    }
                    for i in items[:count]
                ],
                "more": short_.more(len(items) - count, "item"),
            }
        )
        result[-1]["keep"] = short.keep(result[-1]["items"])
    return result


def _gaps_context(check: Any, short_: Shortener) -> dict[str, Any] | None:
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
    groups: dict[str, list[dict[str, Any]]] = {}
    more: dict[str, dict[str, Any] | None] = {}
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
    }


def _value_chain_context(canvas: Canvas, short_: Shortener) -> dict[str, Any]:
    placed = [s for s in canvas.segments if s.stage]
    return {
        "stages": _method_context()["stages"],
        "trust_stage_index": vocab.STAGE_IDS.index(vocab.TRUST_INFLECTION_STAGE),
        "placed": len(placed),
        "unplaced": short_.names([s.name or s.id for s in canvas.segments if not s.stage]),
        "past": sum(1 for s in placed if trust(s.stage) == TRUST_PAST),
    }


def _method_context() -> dict[str, Any]:
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
    }


def build_context(
    canvas: Canvas,
    *,
    sections: Sequence[str] = REPORT_SECTION_IDS,
    paper: str = "letter",
    check: Any = None,
    logo: str | None = None,
) -> ReportContext:
    """The template context for ``canvas``.

    ``check`` is the checker's result for the canvas (``modelh.check.checker.FileResult``),
    needed by the gaps section; ``logo`` a data URI (see ``logo_data_uri``).
    """
    info = canvas.canvas
    status = info.status
    mark = STATUS_MARKS.get(status or "draft") if status != "final" else None
    file = display_name(os.path.basename(canvas.file))
    short_ = Shortener(file)
    dims = _dimensions_context(canvas, short_)
    dims_by_segment: dict[str, list[str]] = {}
    for entry in dims["items"]:
        if not entry["used"]:
            continue
        targets = (
            [s.id for s in canvas.segments]
            if entry["all_segments"]
            else canvas.dimensions[entry["id"]].segments
        )
        for sid in targets:
            dims_by_segment.setdefault(sid, []).append(entry["name"])
    created = f"{info.date}T00:00:00Z" if info.date else "2000-01-01T00:00:00Z"
    title = info.title or "Untitled canvas"
    organization = info.organization or ""
    value_propositions, value_propositions_more = short_.items(
        canvas.value_propositions, short.SHOWN_VALUE_PROPOSITIONS, "value proposition"
    )
    channels, channels_more = short_.items(canvas.channels, short.SHOWN_CHANNELS, "channel")
    segment_names = {s.id: s.name or s.id for s in canvas.segments}
    section_list = []
    number = 0
    for s in sections:
        number += s != "cover"
        section_list.append(
            {"id": s, "title": REPORT_SECTIONS[s], "anchor": f"section-{s}", "number": number}
        )
    return {
        "report": {
            "title": title,
            "organization": organization,
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
        },
        "brand": brand_colors(info.branding.color if info.branding else None),
        "sections": section_list,
        "canvas_page": canvas_page(canvas, paper, "blocks" in sections),
        "segments": _segment_context(canvas, dims_by_segment, short_),
        "value_propositions": [
            {
                "id": vp.id,
                "name": short_.name(vp.name or vp.id),
                "description": short_.text(vp.description or ""),
                "segments": short_.names(_names(vp.segments, segment_names)),
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
        "blocks": _blocks_context(canvas, short_),
        "questions": _questions_context(canvas, short_),
        "dimensions": dims,
        "measures": _measures_context(canvas, short_),
        "value_chain": _value_chain_context(canvas, short_),
        "gaps": _gaps_context(check, short_),
        "method": _method_context(),
    }


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
