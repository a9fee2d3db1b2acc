"""The canvas page: where each block sits, and which items fit in it.

The geometry is in millimetres; the stylesheet uses the numbers the context
carries, so the two cannot disagree. The fitting measures text with the
shipped fonts' metrics (``modelh.report.fit``).
"""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Sequence

from modelh.canvas.model import BlockItem, Canvas
from modelh.framework import vocab
from modelh.report import fit
from modelh.report import shorten as short
from modelh.report.contract import (
    CanvasBlock,
    CanvasItem,
    CanvasMore,
    CanvasPage,
    CanvasType,
    Geometry,
)
from modelh.report.labels import BLOCK_TITLES, CHANNEL_KIND_LABELS, PAPERS, ROLE_LABELS

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


def canvas_geometry(paper: str, items: dict[str, list[list[fit.Line]]] | None = None) -> Geometry:
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


def names_of(ids: Sequence[str], by_id: dict[str, str]) -> list[str]:
    return [by_id.get(i, i) for i in ids]


def _canvas_text(text: str) -> str:
    """A text as the canvas page measures it: one longer than any block can hold is
    cut first (with "…"), so that measuring it takes bounded time."""
    if len(text) <= short.CANVAS_ITEM_CHARS:
        return text
    return short.cut_at_word(text, short.CANVAS_ITEM_CHARS)


def _canvas_names(ids: Sequence[str], by_id: dict[str, str]) -> str:
    names = names_of(ids[: short.SHOWN_NAMES], by_id)
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
            served = "For " + _canvas_names(vp.segments, segment_names)
            lines.append(fit.Line("meta", served, META_STYLE))
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


def canvas_page(canvas: Canvas, paper: str, full_text_shown: bool) -> CanvasPage:
    """The canvas page: geometry, and per block the items that fit and what is left."""
    items = _canvas_items(canvas)
    geometry = canvas_geometry(paper, items)
    totals = {key: len(getattr(canvas, key)) for key in items}
    blocks: dict[str, CanvasBlock] = {}
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
        shown: list[CanvasItem] = []
        for f in fitted.shown:
            entry: CanvasItem = {
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
        more: CanvasMore | None = None
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


def canvas_type() -> CanvasType:
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
