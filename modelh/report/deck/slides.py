"""The deck's slides, one function each, drawn with native shapes, tables and text.

Every slide is laid out on a grid made from the slide's own size (16:9 by
default, a template deck's otherwise), in points. Texts are fitted to their
boxes (``modelh.report.deck.draw``); what does not fit ends in "…" or a line
"… and N more", and is written whole in the slide's notes.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from modelh.canvas.model import Canvas
from modelh.framework import vocab
from modelh.report.contract import BrandContext, MeasureContext, ReportContext
from modelh.report.deck.draw import INK, MUTED, RULE, Page, Para, emu
from modelh.report.deck.summary import (
    DEGREE_LABELS,
    LEVEL_LABELS,
    OFFICE_LABELS,
    REACH_LABELS,
    DeckContent,
)
from modelh.report.labels import BLOCK_TITLES, ROLE_LABELS

#: What the notes hold of one text at most (a text can be very long).
NOTE_CHARS = 1_500
#: Items of a canvas block considered for its box, and characters of each.
BLOCK_ITEMS = 40
ITEM_CHARS = 600
MORE = "… and {n} more: see the notes"


@dataclass
class Deck:
    """The presentation being made, and what every slide shares."""

    presentation: Any
    context: ReportContext
    content: DeckContent
    canvas: Canvas
    font: str
    layout: Any
    logo: tuple[bytes, str] | None = None
    pages: list[Page] = field(default_factory=list)

    @property
    def width(self) -> float:
        return float(self.presentation.slide_width) / 12_700

    @property
    def height(self) -> float:
        return float(self.presentation.slide_height) / 12_700

    @property
    def brand(self) -> BrandContext:
        return self.context["brand"]

    @property
    def margin(self) -> float:
        return round(min(self.width, self.height * 16 / 9) * 0.0375, 1)

    @property
    def top(self) -> float:
        """Where a slide's content starts, below its title."""
        return self.margin + 46

    @property
    def bottom(self) -> float:
        """Where a slide's content ends, above its footer."""
        return self.height - 30

    def new_page(self, title: str, *, layout: Any = None) -> Page:
        slide = self.presentation.slides.add_slide(layout or self.layout)
        page = Page(slide, self.width, self.height, self.font)
        self.pages.append(page)
        if title:
            self.title(page, title)
        return page

    def title(self, page: Page, text: str) -> None:
        m = self.margin
        placeholder = page.slide.shapes.title
        if placeholder is not None:
            placeholder.left, placeholder.top = emu(m), emu(m * 0.6)
            placeholder.width, placeholder.height = emu(self.width - 2 * m), emu(40)
            placeholder.text_frame.text = ""
        style = page.style(24, True)
        page.text(
            m,
            m * 0.6,
            self.width - 2 * m,
            40,
            [Para(text, style, self.brand["strong"], label="Slide title")],
            shape=placeholder,
            anchor="middle",
            name="Title",
        )
        page.line(
            m, m * 0.6 + 42, self.width - m, m * 0.6 + 42, color=self.brand["color"], width=1.5
        )

    def heading(self, page: Page, x: float, y: float, w: float, text: str) -> float:
        """A small heading over a part of a slide; the height it takes."""
        page.text(x, y, w, 20, [Para(text, page.style(13, True), self.brand["strong"])])
        return 22.0


def build(deck: Deck) -> None:
    """Every slide, in order."""
    title_slide(deck)
    summary_slide(deck)
    canvas_slide(deck)
    mix_slide(deck)
    value_chain_slide(deck)
    measures_slide(deck)
    for index in range(len(deck.content.journeys)):
        journey_slide(deck, index)
    if deck.content.cx is not None:
        cx_slide(deck)
    if deck.context["gaps"] is not None:
        gaps_slide(deck)
    furnish(deck)


def note(text: str) -> str:
    """A text for the notes, bounded."""
    text = text.strip()
    if len(text) <= NOTE_CHARS:
        return text
    return text[:NOTE_CHARS].rstrip() + "… (the full text is in the canvas file)"


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
# Executive summary


def summary_slide(deck: Deck) -> None:
    page = deck.new_page("Executive summary")
    w, m = deck.width, deck.margin
    gutter = 24.0
    col = (w - 2 * m - gutter) / 2
    right = m + col + gutter
    y = deck.top
    gaps = deck.context["gaps"]
    if gaps is not None and gaps["overall"] is not None:
        badge = 150.0
        page.rect(w - m - badge, m * 0.6 + 6, badge, 28, fill=deck.brand["tint"], shape="rounded")
        page.text(
            w - m - badge,
            m * 0.6 + 6,
            badge,
            28,
            [
                Para(
                    f"Completeness {gaps['overall']}%",
                    page.style(13, True),
                    deck.brand["strong"],
                    "center",
                )
            ],
            anchor="middle",
            name="Completeness",
        )
    y += deck.heading(page, m, y, col, "Where each segment stands")
    y = positions_track(deck, page, m, y, col, compact=True)
    y += 10
    y += deck.heading(page, m, y, col, "The dimension mix at a glance")
    y = mix_chips(deck, page, m, y, col) + 12
    if gaps is not None and y + 22 + 4 * 18 <= deck.bottom:
        y += deck.heading(page, m, y, col, "How complete the canvas is")
        score_bars(deck, page, m, y, col, [(c["label"], c["score"]) for c in gaps["completeness"]])

    y = deck.top
    content = deck.content
    heading = {
        "headline": "Headline measures",
        "progress": "Measures with the most progress",
        "none": "Measures",
    }[content.headline_kind]
    y += deck.heading(page, right, y, col, heading)
    y = measure_rows(deck, page, right, y, col, content.headlines, compact=True)
    y += 10
    y += deck.heading(page, right, y, col, "The gaps that matter most")
    paras = [
        Para(g.sentence, page.style(11), INK, after=3, bullet=True, label="Gap")
        for g in content.gaps[:5]
    ]
    if not paras:
        said = "No gaps found." if gaps is not None else "Gaps were not checked for this deck."
        paras = [Para(said, page.style(11), MUTED)]
    page.text(right, y, col, deck.bottom - y, paras, more=MORE, name="Gaps")


def positions_track(
    deck: Deck,
    page: Page,
    x: float,
    y: float,
    w: float,
    *,
    compact: bool = False,
    room: float = 0.0,
) -> float:
    """Each segment's stage today (a filled dot) and its target (a ring) on the five
    stages, the part past the Trust Inflection Point shaded; the y it ends at."""
    content = deck.content
    name_w = w * (0.34 if compact else 0.22)
    track_x = x + name_w
    cell = (w - name_w) / len(vocab.STAGE_IDS)
    tip_index = vocab.STAGE_IDS.index(vocab.TRUST_INFLECTION_STAGE)
    tip_x = track_x + cell * (tip_index + 0.5)
    rows = max(1, len(content.positions))
    row = 26.0 if compact else max(30.0, min(44.0, room / rows)) if room else 36.0
    label_h = 16.0
    height = label_h + rows * row + (14 if content.hidden_segments else 0)
    # past the point: shaded
    page.rect(
        tip_x,
        y,
        track_x + cell * 5 - tip_x,
        height,
        fill=deck.brand["wash"],
        name="Past the Trust Inflection Point",
    )
    names = [stage["name"] for stage in deck.context["method"]["stages"]]
    stage_style = fitting_style(page, names, cell - 8, 8 if compact else 10, True)
    for i, stage in enumerate(deck.context["method"]["stages"]):
        page.text(
            track_x + i * cell,
            y,
            cell,
            label_h,
            [Para(stage["name"], stage_style, MUTED, "center")],
        )
    top = y + label_h
    for i, position in enumerate(content.positions):
        cy = top + i * row + row / 2
        page.text(
            x,
            top + i * row,
            name_w - 4,
            row,
            [Para(position.name, page.style(9 if compact else 12), INK, label="Segment")],
            anchor="middle",
        )
        dot = 9.0 if compact else 13.0
        if position.stage is None:
            page.text(
                track_x,
                top + i * row,
                cell * 2.4,
                row,
                [Para("Stage not set", page.style(9), MUTED)],
                anchor="middle",
            )
            continue
        page.line(track_x + cell * 0.2, cy, track_x + cell * 4.8, cy, color=RULE, width=1.0)
        sx = track_x + cell * (position.stage + 0.5)
        if position.target is not None and position.target != position.stage:
            tx = track_x + cell * (position.target + 0.5)
            page.line(sx, cy, tx, cy, color=deck.brand["color"], width=2.5)
            page.rect(
                tx - dot / 2,
                cy - dot / 2,
                dot,
                dot,
                fill="#ffffff",
                line=deck.brand["strong"],
                line_width=2.0,
                shape="oval",
                name=f"Target: {position.target_name}",
            )
        page.rect(
            sx - dot / 2,
            cy - dot / 2,
            dot,
            dot,
            fill=deck.brand["strong"],
            shape="oval",
            name=f"Today: {position.stage_name}",
        )
        page.notes.append(f"{position.name}: {position.sentence}.")
    bottom = top + rows * row
    if content.hidden_segments:
        page.text(
            x,
            bottom,
            w,
            14,
            [
                Para(
                    f"… and {content.hidden_segments} more segments: see the canvas file",
                    page.style(8),
                    MUTED,
                )
            ],
        )
        bottom += 14
    page.line(
        tip_x,
        y + label_h,
        tip_x,
        bottom,
        color=deck.brand["strong"],
        width=1.5,
        dash=True,
        name="Trust Inflection Point",
    )
    legend = "● today   ○ target   ┆ Trust Inflection Point (shaded: past it)"
    page.text(x, bottom + 2, w, 14, [Para(legend, page.style(8), MUTED)])
    return bottom + 18


def mix_chips(deck: Deck, page: Page, x: float, y: float, w: float) -> float:
    """The seven dimensions, each a chip filled by how strongly the model uses it."""
    items = deck.context["dimensions"]["items"]
    gap = 4.0
    chip = (w - gap * (len(items) - 1)) / len(items)
    height = 46.0
    name_style = fitting_style(page, [i["name"] for i in items], chip - 8, 8, True)
    label_style = fitting_style(page, [i["use_label"] for i in items], chip - 8, 8)
    for i, item in enumerate(items):
        fill, line, dash = use_fill(deck.brand, item["use"])
        cx = x + i * (chip + gap)
        shape = page.rect(
            cx, y, chip, height, fill=fill, line=line, dash=dash, shape="rounded", name=item["name"]
        )
        color = deck.brand["on"] if item["use"] == "core" else INK
        page.text(
            cx,
            y,
            chip,
            height,
            [
                Para(item["name"], name_style, color, "center"),
                Para(item["use_label"], label_style, color, "center"),
            ],
            shape=shape,
            anchor="middle",
        )
    return y + height


def score_bars(
    deck: Deck, page: Page, x: float, y: float, w: float, scores: Sequence[tuple[str, int | None]]
) -> float:
    """One bar a score (0 to 100), its label before it and its figure after."""
    label_w, figure_w = w * 0.36, 40.0
    bar_w = w - label_w - figure_w - 8
    for i, (label, score) in enumerate(scores):
        top = y + i * 18
        page.text(x, top, label_w, 16, [Para(label, page.style(9), INK, label="Completeness")])
        page.rect(x + label_w + 4, top + 5, bar_w, 7, fill="#eeeeee")
        if score:
            page.rect(x + label_w + 4, top + 5, bar_w * score / 100, 7, fill=deck.brand["strong"])
        figure = f"{score}%" if score is not None else "–"
        page.text(
            x + label_w + 8 + bar_w,
            top,
            figure_w,
            16,
            [Para(figure, page.style(9, True), INK, "right")],
        )
    return y + 18 * len(scores)


def fitting_style(
    page: Page, words: Sequence[str], width: float, size: float, bold: bool = False
) -> Any:
    """The style, at ``size`` points or down to 6, in which each of ``words`` takes one
    line ``width`` points wide (in a narrow slide, names are set smaller rather than
    broken inside a word)."""
    style = page.style(size, bold)
    while size > 6 and any(len(style.lines(w, width)) > 1 for w in words):
        size -= 0.5
        style = page.style(size, bold)
    return style


def use_fill(brand: BrandContext, use: str | None) -> tuple[str | None, str | None, bool]:
    """A degree's fill, outline and dashing (greyscale-safe: each also has its word)."""
    if use == "core":
        return brand["strong"], brand["strong"], False
    if use == "supporting":
        return brand["mid"], brand["color"], False
    if use == "planned":
        return brand["wash"], brand["color"], True
    if use == "none":
        return "#ffffff", "#9a9a9a", False
    return "#ffffff", "#c8c8c8", True


# ---------------------------------------------------------------------------
# Measures


def measure_rows(
    deck: Deck,
    page: Page,
    x: float,
    y: float,
    w: float,
    measures: Sequence[MeasureContext],
    *,
    compact: bool = False,
) -> float:
    """Each measure: its name, a bar from baseline through today towards the target,
    the values in words and the share of the way; the y it ends at."""
    if not measures:
        page.text(x, y, w, 20, [Para("No measure has values yet.", page.style(11), MUTED)])
        return y + 22
    row = 38.0 if compact else 62.0
    name_w = w * (0.42 if compact else 0.34)
    bar_x = x + name_w + 6
    bar_w = w - name_w - 6 - (56 if compact else 70)
    for i, m in enumerate(measures):
        top = y + i * row
        name_style = page.style(10 if compact else 13, True)
        lines = 2
        page.text(
            x,
            top,
            name_w,
            name_style.line * lines + 4,
            [Para(m["name"], name_style, INK, label="Measure")],
        )
        if not compact:
            about = ", ".join(
                v for v in (m["indicator_name"], m["tracks_label"], m["direction_label"]) if v
            )
            if about:
                page.text(
                    x,
                    top + name_style.line * 2 + 4,
                    name_w,
                    14,
                    [Para(about, page.style(9), MUTED, label="Measure")],
                )
        bar_h = 8.0 if compact else 12.0
        by = top + 4
        page.rect(bar_x, by, bar_w, bar_h, fill="#eeeeee", name="Scale")
        bars = m["bars"]
        if bars["baseline"] is not None:
            page.rect(
                bar_x, by, bar_w * bars["baseline"], bar_h, fill=deck.brand["mid"], name="Baseline"
            )
        if bars["current"] is not None:
            page.rect(
                bar_x,
                by + bar_h * 0.25,
                bar_w * bars["current"],
                bar_h * 0.5,
                fill=deck.brand["strong"],
                name="Current",
            )
        if bars["target"] is not None:
            tx = bar_x + bar_w * bars["target"]
            page.line(tx, by - 3, tx, by + bar_h + 3, color=INK, width=2.0, name="Target")
        if compact:
            values = " → ".join(v for v in (m["baseline"], m["current"]) if v)
            if m["target"]:
                values += f"{', ' if values else ''}target {m['target']}"
        else:
            values = "   ".join(
                f"{label} {value}"
                for label, value in (
                    ("Baseline", m["baseline"]),
                    ("Now", m["current"]),
                    ("Target", m["target"]),
                )
                if value
            )
        if m["due"] and not compact:
            values += f"   by {m['due']}"
        page.text(
            bar_x - 4,
            by + bar_h + 2,
            bar_w + 8,
            14 if compact else 16,
            [Para(values, page.style(8 if compact else 10), MUTED, label="Values")],
        )
        progress = f"{m['progress']}%" if m["progress"] is not None else "–"
        page.text(
            bar_x + bar_w + 4,
            top,
            w - (bar_x + bar_w + 4 - x),
            row - 6,
            [
                Para(
                    progress, page.style(14 if compact else 20, True), deck.brand["strong"], "right"
                ),
                Para("of the way", page.style(7 if compact else 9), MUTED, "right"),
            ],
            name="Progress",
        )
    return y + len(measures) * row


def measures_slide(deck: Deck) -> None:
    content = deck.content
    title = {
        "headline": "Headline measures",
        "progress": "Measures with the most progress to show",
        "none": "Measures",
    }[content.headline_kind]
    page = deck.new_page(title)
    m = deck.margin
    y = measure_rows(deck, page, m, deck.top + 4, deck.width - 2 * m, content.headlines)
    legend = (
        "Bar: light, the baseline; dark, where it stands now; the tick, the target. "
        "The share of the way runs from baseline to target."
    )
    page.text(
        m,
        max(y + 6, deck.bottom - 20),
        deck.width - 2 * m,
        16,
        [Para(legend, page.style(9), MUTED)],
    )
    count = deck.context["measures"]["count"]
    page.notes.append(
        f"The canvas has {count} active measure{'s' if count != 1 else ''}; "
        "the report lists them all by domain."
    )


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
# The value chain


def value_chain_slide(deck: Deck) -> None:
    page = deck.new_page("The customer value chain and the Trust Inflection Point")
    m = deck.margin
    w = deck.width - 2 * m
    y = deck.top + 2
    stages = deck.context["method"]["stages"]
    name_w = w * 0.22
    cell = (w - name_w) / len(stages)
    x0 = m + name_w
    for i, stage in enumerate(stages):
        fill = (
            deck.brand["strong"]
            if stage["trust"] == "past"
            else deck.brand["color"]
            if stage["trust"] == "at"
            else deck.brand["mid"]
        )
        color = deck.brand["on"] if stage["trust"] != "before" else INK
        shape = page.rect(
            x0 + i * cell,
            y,
            cell - 2,
            34,
            fill=fill,
            shape="chevron" if i else "pentagon",
            name=stage["name"],
        )
        page.text(
            x0 + i * cell,
            y,
            cell - 2,
            34,
            [Para(f"{stage['number']}. {stage['name']}", page.style(12, True), color, "center")],
            shape=shape,
            anchor="middle",
        )
        page.text(
            x0 + i * cell,
            y + 38,
            cell - 4,
            62,
            [
                Para(
                    stage["duties"],
                    page.style(8),
                    MUTED,
                    label=f"{stage['name']}: what the company must do",
                )
            ],
        )
    page.text(
        m,
        y,
        name_w - 6,
        100,
        [Para("What the company must do in each stage", page.style(10, True), MUTED)],
        anchor="middle",
    )
    top = y + 106
    room = deck.bottom - 50 - top - 16 - 18 - (18 if deck.context["value_chain"]["unplaced"] else 0)
    end = positions_track(deck, page, m, top, w, room=room)
    unplaced = deck.context["value_chain"]["unplaced"]
    if unplaced:
        page.text(
            m,
            end,
            w,
            16,
            [
                Para(
                    "Not yet placed: " + ", ".join(unplaced),
                    page.style(9),
                    MUTED,
                    label="Not yet placed",
                )
            ],
        )
        end += 18
    explain = deck.context["method"]["trust_inflection_point"]
    page.text(
        m,
        max(end + 4, deck.bottom - 46),
        w,
        44,
        [Para(explain, page.style(9), MUTED, label="The Trust Inflection Point")],
    )
    page.notes.append(explain)


# ---------------------------------------------------------------------------
# Journeys and bone-deep CX


def journey_slide(deck: Deck, index: int) -> None:
    journey = deck.content.journeys[index]
    page = deck.new_page(f"Journey map: {journey.name}")
    m = deck.margin
    w = deck.width - 2 * m
    y = deck.top
    facts = [f"Whose: {journey.segment}"]
    if journey.job:
        facts.append(f"Job: {journey.job}")
    if journey.owner:
        facts.append(f"Owner: {journey.owner}")
    facts.append(f"{journey.digital} of {journey.total} touches digital")
    page.text(m, y, w * 0.62, 34, [Para("   ".join(facts), page.style(10), INK, label="Journey")])
    if journey.time:
        said = "Journey time: " + ", ".join(
            f"{label.lower()} {value}" for label, value in journey.time
        )
        page.text(
            m + w * 0.62,
            y,
            w * 0.38,
            34,
            [Para(said, page.style(10, True), deck.brand["strong"], "right", label="Journey time")],
        )
    y += 38
    lanes = list(vocab.OFFICES)
    if any(t.office is None for t in journey.touches):
        lanes.append("unset")
    lane_w = 86.0
    count = max(1, len(journey.touches))
    col = min((w - lane_w) / count, 150.0)  # a few touches need no whole slide
    axis_y = y + 8
    end = m + lane_w + col * count
    page.line(
        m + lane_w, axis_y, end, axis_y, color=deck.brand["color"], width=2.0, name="Time axis"
    )
    for i, touch in enumerate(journey.touches):
        cx = m + lane_w + i * col
        page.text(
            cx,
            axis_y + 2,
            col,
            16,
            [
                Para(
                    f"{i + 1}" + (f"  ({touch.time})" if touch.time else ""),
                    page.style(8, True),
                    MUTED,
                    "center",
                    label="Touch time",
                )
            ],
        )
    lane_top = axis_y + 22
    legend_h = 18.0
    lane_h = (deck.bottom - lane_top - legend_h) / len(lanes)
    for li, lane in enumerate(lanes):
        ly = lane_top + li * lane_h
        page.rect(
            m,
            ly,
            w,
            lane_h - 2,
            fill=deck.brand["wash"] if li % 2 == 0 else "#ffffff",
            name=f"Lane {lane}",
        )
        label = OFFICE_LABELS.get(lane, "Office not set")
        page.text(
            m,
            ly,
            lane_w - 4,
            lane_h - 2,
            [Para(label, page.style(10, True), deck.brand["strong"])],
            anchor="middle",
        )
        for i, touch in enumerate(journey.touches):
            if (touch.office or "unset") != lane:
                continue
            bx = m + lane_w + i * col + 3
            fill = deck.brand["tint"] if touch.digital else "#ffffff"
            border = deck.brand["strong"] if touch.pain == "high" else deck.brand["color"]
            box_h = min(lane_h - 10, 96.0)
            shape = page.rect(
                bx,
                ly + 4,
                col - 6,
                box_h,
                fill=fill,
                line=border,
                line_width=2.5 if touch.pain == "high" else 1.0,
                dash=not touch.digital,
                shape="rounded",
                name=touch.name,
            )
            meta = ["Digital" if touch.digital else "Manual"]
            if touch.pain:
                meta.append(f"pain {LEVEL_LABELS[touch.pain].lower()}")
            if touch.cost:
                meta.append(f"cost {LEVEL_LABELS[touch.cost].lower()}")
            paras = [Para(touch.name, page.style(9, True), INK, after=2, label="Touch")]
            paras.append(Para(", ".join(meta), page.style(8), MUTED, label="Touch"))
            if touch.channel:
                paras.append(Para(touch.channel, page.style(8), MUTED, label="Channel"))
            if touch.dimension:
                paras.append(Para(touch.dimension, page.style(8), MUTED, label="Dimension"))
            page.text(bx, ly + 4, col - 6, box_h, paras, shape=shape)
    legend = (
        "Filled: digital; dashed outline: manual; thick outline: high pain. "
        "Touches in the order the customer meets them."
    )
    if journey.hidden:
        legend = f"… and {journey.hidden} more touches in the canvas file. " + legend
    page.text(m, deck.bottom - legend_h + 2, w, legend_h, [Para(legend, page.style(8), MUTED)])
    if index == len(deck.content.journeys) - 1 and deck.content.hidden_journeys:
        page.notes.append(f"{deck.content.hidden_journeys} more journeys are in the canvas file.")


def cx_slide(deck: Deck) -> None:
    cx = deck.content.cx
    assert cx is not None
    page = deck.new_page("Bone-deep CX: how far each capability reaches")
    m = deck.margin
    w = deck.width - 2 * m
    grid_w = w * 0.6
    first = grid_w * 0.34
    office = (grid_w - first) / 3
    reach_fill = {
        "established": deck.brand["strong"],
        "partial": deck.brand["mid"],
        "absent": "#ffffff",
        None: "#f2f2f2",
    }
    head: list[tuple[str, str | None]] = [("Capability", None)]
    rows = [head + [(OFFICE_LABELS[o], None) for o in vocab.OFFICES]]
    for name, reach in cx.capabilities:
        rows.append(
            [(name, None)]
            + [(REACH_LABELS.get(r or "", "Not assessed"), reach_fill[r]) for r in reach]
        )
    page.table(
        m,
        deck.top + 4,
        grid_w,
        [first, office, office, office],
        rows,
        style=page.style(12),
        header=page.style(12, True),
        header_fill=deck.brand["tint"],
        name="CX grid",
        min_height=44,
    )
    table = next(s for s in page.slide.shapes if s.has_table).table
    from modelh.report.deck.draw import rgb

    for r, (_, reach) in enumerate(cx.capabilities, start=1):
        for c, value in enumerate(reach, start=1):
            if value == "established":
                for p in table.cell(r, c).text_frame.paragraphs:
                    for run in p.runs:
                        run.font.color.rgb = rgb(deck.brand["on"])
    sx = m + grid_w + 24
    sw = w - grid_w - 24
    y = deck.top + 4
    y += deck.heading(page, sx, y, sw, "The systems behind the smiles")
    paras = []
    for name, facts in cx.systems:
        paras.append(Para(name, page.style(11, True), INK, label="System"))
        paras.append(
            Para(facts or "Nothing assessed yet", page.style(9), MUTED, after=5, label=name)
        )
    if cx.hidden_systems:
        paras.append(
            Para(f"… and {cx.hidden_systems} more in the canvas file", page.style(9), MUTED)
        )
    if not paras:
        paras = [Para("No system listed yet.", page.style(11), MUTED)]
    page.text(sx, y, sw, deck.bottom - y, paras, more=MORE)
    legend = (
        "Each cell: how far the capability reaches into the office (absent, partial, established)."
    )
    page.text(m, deck.bottom - 20, grid_w, 18, [Para(legend, page.style(9), MUTED)])


# ---------------------------------------------------------------------------
# Gaps


def gaps_slide(deck: Deck) -> None:
    gaps = deck.context["gaps"]
    assert gaps is not None
    page = deck.new_page("Gaps and completeness")
    m = deck.margin
    w = deck.width - 2 * m
    y = deck.top
    scores = [("Overall", gaps["overall"])] + [
        (c["label"], c["score"]) for c in gaps["completeness"]
    ]
    cell = w / len(scores)
    for i, (label, score) in enumerate(scores):
        x = m + i * cell
        page.text(x, y, cell - 8, 16, [Para(label, page.style(9, True), MUTED)])
        page.rect(x + 4, y + 18, cell - 16, 8, fill="#eeeeee")
        if score:
            page.rect(x + 4, y + 18, (cell - 16) * score / 100, 8, fill=deck.brand["strong"])
        page.text(
            x,
            y + 28,
            cell - 8,
            18,
            [
                Para(
                    f"{score}%" if score is not None else "–",
                    page.style(11, True),
                    deck.brand["strong"],
                )
            ],
        )
    y += 52
    content = deck.content
    if not content.gaps:
        page.text(
            m,
            y,
            w,
            24,
            [
                Para(
                    "No gaps found: the canvas answers everything the method asks.",
                    page.style(13),
                    INK,
                )
            ],
        )
        return
    blocks: list[list[Para]] = []
    theme = ""
    # grouped by theme, the themes in the order of their most important gap
    rank = {g.theme: i for i, g in reversed(list(enumerate(content.gaps)))}
    for gap in sorted(content.gaps, key=lambda g: rank[g.theme]):
        block: list[Para] = []
        if gap.theme != theme:
            theme = gap.theme
            block.append(Para(theme, page.style(11, True), deck.brand["strong"], after=2))
        block.append(Para(gap.sentence, page.style(10.5, True), INK, bullet=True, label="Gap"))
        if gap.why:
            block.append(Para(gap.why, page.style(9), MUTED, after=6, label="Why it matters"))
        blocks.append(block)
    if content.hidden_gaps:
        more = f"… and {content.hidden_gaps} more kinds of gap: the full report lists them all"
        blocks.append([Para(more, page.style(9), MUTED)])
    col = (w - 24) / 2
    paras = [p for block in blocks for p in block]
    inner = w * 0.62 - 8
    if sum(p.style.height(p.text, inner) + p.after for p in paras) <= deck.bottom - y - 8:
        page.text(m, y, w * 0.62, deck.bottom - y, paras, more=MORE, name="Gaps")
        return
    # two columns of whole gaps, the first the longer
    sizes = [sum(len(p.text) + 60 for p in block) for block in blocks]
    half, total, running = len(blocks), sum(sizes), 0
    for i, size in enumerate(sizes):
        running += size
        if running >= total / 2:
            half = i + 1
            break
    first = [p for block in blocks[:half] for p in block]
    second = [p for block in blocks[half:] for p in block]
    page.text(m, y, col, deck.bottom - y, first, more=MORE, name="Gaps")
    if second:
        page.text(m + col + 24, y, col, deck.bottom - y, second, more=MORE, name="More gaps")


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
