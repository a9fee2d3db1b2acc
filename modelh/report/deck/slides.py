"""The deck's slides, one function each, drawn with native shapes, tables and text.

Every slide is laid out on a grid made from the slide's own size (16:9 by
default, a template deck's otherwise), in points. Texts are fitted to their
boxes (``modelh.report.deck.draw``); what does not fit ends in "…" or a line
"… and N more", and is written whole in the slide's notes.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from modelh.report.deck.chain_slides import cx_slide, gaps_slide, journey_slide, value_chain_slide
from modelh.report.deck.draw import INK, MUTED, Page, Para, emu
from modelh.report.deck.frame import BLOCK_ITEMS, ITEM_CHARS, MORE, Deck, note
from modelh.report.deck.summary import (
    DEGREE_LABELS,
    DeckContent,
)
from modelh.report.deck.summary_slides import measures_slide, summary_slide, use_fill
from modelh.report.labels import BLOCK_TITLES, ROLE_LABELS


def build(deck: Deck) -> None:
    """Every slide, in order."""
    title_slide(deck)
    summary_slide(deck)
    canvas_slide(deck)
    mix_slide(deck)
    value_chain_slide(deck)
    if deck.content.headlines:  # without values, the summary slide says so
        measures_slide(deck)
    for index in range(len(deck.content.journeys)):
        journey_slide(deck, index)
    if deck.content.cx is not None:
        cx_slide(deck)
    if deck.context["gaps"] is not None:
        gaps_slide(deck)
    furnish(deck)


# ---------------------------------------------------------------------------
# Title


def title_slide(deck: Deck) -> None:
    report = deck.context["report"]
    page = deck.new_page("")
    w, h, m = deck.width, deck.height, deck.margin
    band = h * 0.56
    page.rect(0, 0, w, band, fill=deck.brand["strong"], name="Title band")
    on = deck.brand["on"]
    page.text(
        m,
        band * 0.28,
        w - 2 * m,
        band * 0.44,
        [Para(report["title"], page.style(36, True), on, label="Title")],
        anchor="bottom",
        name="Canvas title",
    )
    page.text(
        m,
        band * 0.74,
        w - 2 * m,
        band * 0.2,
        [Para(report["organization"], page.style(20), on, label="Organization")],
        name="Organization",
    )
    facts = []
    if report["prepared_for"]:
        facts.append(("Prepared for", report["prepared_for"]))
    if report["prepared_by"]:
        facts.append(("Prepared by", ", ".join(report["prepared_by"])))
    when = ", ".join(
        x for x in (report["date_label"], report["version"] and "version " + report["version"]) if x
    )
    if when:
        facts.append(("Date", when))
    facts.append(("Status", report["status_label"]))
    style, label_style = page.style(14), page.style(14, True)
    y = band + 24
    left = w * 0.62 - m
    for label, value in facts:
        page.text(m, y, 120, 22, [Para(label, label_style, MUTED)])
        page.text(m + 124, y, left - 124, 22, [Para(value, style, INK, label=label)])
        y += 24
    page.text(
        m,
        h - 34,
        w - 2 * m,
        20,
        [Para(report["confidentiality"], page.style(10), MUTED, label="Confidentiality")],
        name="Confidentiality",
    )
    if deck.logo is not None:
        place_logo(deck, page, deck.logo, w * 0.66, band + 20, w * 0.34 - m, h - band - 64)


def place_logo(
    deck: Deck, page: Page, logo: tuple[bytes, str], x: float, y: float, w: float, h: float
) -> None:
    """The client's logo, as large as fits the box, keeping its proportions."""
    import io

    data, _ = logo
    picture = page.slide.shapes.add_picture(io.BytesIO(data), emu(x), emu(y))
    ratio = picture.width / picture.height if picture.height else 1.0
    width, height = w, w / ratio
    if height > h:
        width, height = h * ratio, h
    picture.width, picture.height = emu(width), emu(height)
    picture.left = emu(x + w - width)
    picture.top = emu(y + (h - height) / 2)
    picture.name = "Client logo"
    organization = deck.context["report"]["organization"]
    picture._element.nvPicPr.cNvPr.set("descr", f"Logo of {organization}"[:250])


# ---------------------------------------------------------------------------
# The canvas


def canvas_slide(deck: Deck) -> None:
    page = deck.new_page("The canvas")
    canvas = deck.canvas
    x0, y0 = deck.margin, deck.top
    w = deck.width - 2 * deck.margin
    h = deck.bottom - y0
    top_h = h * 0.7
    col = w / 5
    half = top_h / 2
    boxes = {
        "key_partners": (x0, y0, col, top_h),
        "key_activities": (x0 + col, y0, col, half),
        "key_resources": (x0 + col, y0 + half, col, half),
        "value_propositions": (x0 + 2 * col, y0, col, top_h),
        "customer_relationships": (x0 + 3 * col, y0, col, half),
        "channels": (x0 + 3 * col, y0 + half, col, half),
        "segments": (x0 + 4 * col, y0, col, top_h),
        "cost_structure": (x0, y0 + top_h, w / 2, h - top_h),
        "revenue_streams": (x0 + w / 2, y0 + top_h, w / 2, h - top_h),
    }
    dims = deck.context["dimensions"]["items"]
    items: dict[str, list[str]] = {
        "key_partners": _texts(canvas.key_partners),
        "key_activities": _texts(canvas.key_activities),
        "key_resources": _texts(canvas.key_resources),
        "value_propositions": [vp.name or vp.id for vp in canvas.value_propositions[:BLOCK_ITEMS]],
        "customer_relationships": [f"{d['name']}: {d['use_label']}" for d in dims],
        "channels": [c.name or c.id for c in canvas.channels[:BLOCK_ITEMS]],
        "segments": [
            f"{s.name or s.id}"
            + (f" ({ROLE_LABELS[s.role].lower()})" if s.role in ROLE_LABELS else "")
            for s in canvas.segments[:BLOCK_ITEMS]
        ],
        "cost_structure": _texts(canvas.cost_structure),
        "revenue_streams": _texts(canvas.revenue_streams),
    }
    totals = {
        "value_propositions": len(canvas.value_propositions),
        "channels": len(canvas.channels),
        "segments": len(canvas.segments),
        **{
            k: len(getattr(canvas, k))
            for k in (
                "key_partners",
                "key_activities",
                "key_resources",
                "cost_structure",
                "revenue_streams",
            )
        },
    }
    for key, (x, y, bw, bh) in boxes.items():
        title = BLOCK_TITLES[key]
        page.rect(x, y, bw, bh, fill="#ffffff", line=deck.brand["mid"], name=title)
        page.rect(x, y, bw, 3, fill=deck.brand["color"])
        page.text(
            x + 2, y + 4, bw - 4, 18, [Para(title, page.style(10, True), deck.brand["strong"])]
        )
        shown = items[key]
        left_out = totals.get(key, len(shown)) - len(shown)
        paras = [
            Para(note(t[:ITEM_CHARS]), page.style(8.5), INK, after=2, bullet=True, label=title)
            for t in shown
        ]
        if not paras:
            paras = [Para("Not answered yet", page.style(8.5), MUTED)]
        if left_out > 0:
            paras.append(Para(f"… and {left_out} more in the canvas file", page.style(8.5), MUTED))
        page.text(x + 2, y + 22, bw - 4, bh - 24, paras, more=MORE)


def _texts(items: Sequence[Any]) -> list[str]:
    return [i.text or "" for i in items[:BLOCK_ITEMS] if i.text]


# ---------------------------------------------------------------------------
# The dimension mix


def mix_slide(deck: Deck) -> None:
    page = deck.new_page("The dimension mix")
    content = deck.content
    m = deck.margin
    w = deck.width - 2 * m
    first = w * 0.2
    cols = [first] + [(w - first) / len(content.mix_dimensions)] * len(content.mix_dimensions)
    header = page.style(12, True)
    head: list[tuple[str, str | None]] = [("Segment", None)]
    rows = [head + [(d, None) for d in content.mix_dimensions]]
    for row in content.mix:
        cells: list[tuple[str, str | None]] = [(row.name, None)]
        for degree in row.degrees:
            fill, _, _ = use_fill(deck.brand, degree)
            label = DEGREE_LABELS.get(degree or "", "Not considered")
            cells.append((label, fill))
        rows.append(cells)
    overall: list[tuple[str, str | None]] = [("The model overall", deck.brand["wash"])]
    for use in content.overall:
        fill, _, _ = use_fill(deck.brand, use)
        overall.append((DEGREE_LABELS.get(use or "", "Not considered"), fill))
    rows.append(overall)
    height = page.table(
        m,
        deck.top + 4,
        w,
        cols,
        rows,
        style=page.style(12),
        header=header,
        header_fill=deck.brand["tint"],
        name="Dimension mix",
        min_height=30,
    )
    _white_on_core(page, content, deck)
    y = deck.top + 4 + height + 8
    if content.hidden_segments:
        page.text(
            m,
            y,
            w,
            16,
            [
                Para(
                    f"… and {content.hidden_segments} more segments: see the canvas file",
                    page.style(9),
                    MUTED,
                )
            ],
        )
        y += 18
    legend = (
        "Each cell: how strongly the dimension serves the segment (core, supporting, planned, "
        "not used), as the canvas's mix says; the last row, the model's overall use."
    )
    page.text(m, y, w, 32, [Para(legend, page.style(10), MUTED)])


def _white_on_core(page: Page, content: DeckContent, deck: Deck) -> None:
    """Text on the dark fill of a core cell in white."""
    from modelh.report.deck.draw import rgb

    table = next(s for s in page.slide.shapes if s.has_table).table
    degrees = [row.degrees for row in content.mix] + [content.overall]
    for r, row in enumerate(degrees, start=1):
        for c, degree in enumerate(row, start=1):
            if degree == "core":
                for p in table.cell(r, c).text_frame.paragraphs:
                    for run in p.runs:
                        run.font.color.rgb = rgb(deck.brand["on"])


# ---------------------------------------------------------------------------
# What every slide carries


def furnish(deck: Deck) -> None:
    """Footers (organisation, title, confidentiality, slide number), the status mark
    until the canvas is final, and each slide's notes."""
    report = deck.context["report"]
    total = len(deck.pages)
    m = deck.margin
    left = " · ".join(
        x
        for x in (
            report["organization"],
            report["title"],
            report["version"] and f"version {report['version']}",
        )
        if x
    )
    for number, page in enumerate(deck.pages, start=1):
        if number > 1:
            y = deck.height - 24
            page.text(
                m,
                y,
                deck.width * 0.5 - m,
                18,
                [Para(left, page.style(8), MUTED, label="Footer")],
                name="Footer",
            )
            page.text(
                deck.width * 0.5,
                y,
                deck.width * 0.5 - m - 50,
                18,
                [
                    Para(
                        report["confidentiality"],
                        page.style(8),
                        MUTED,
                        "right",
                        label="Confidentiality",
                    )
                ],
                name="Confidentiality",
            )
            page.text(
                deck.width - m - 46,
                y,
                46,
                18,
                [Para(f"{number} / {total}", page.style(8), MUTED, "right")],
                name="Slide number",
            )
            if report["status_mark"]:
                x = deck.width - m - 90
                shape = page.rect(
                    x, 4, 90, 18, fill="#ffffff", line="#b00020", shape="rounded", name="Status"
                )
                page.text(
                    x,
                    4,
                    90,
                    18,
                    [Para(report["status_mark"].upper(), page.style(9, True), "#b00020", "center")],
                    shape=shape,
                    anchor="middle",
                )
        if page.notes:
            notes = page.slide.notes_slide.notes_text_frame
            from modelh.report.deck.draw import xml_safe

            notes.text = xml_safe("\n".join(note(n) for n in dict.fromkeys(page.notes)))
