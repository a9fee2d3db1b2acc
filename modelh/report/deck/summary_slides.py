"""The executive summary and the headline measures: where each segment stands, the mix
at a glance, completeness, the measures with their bars."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from modelh.framework import vocab
from modelh.report.contract import BrandContext, MeasureContext
from modelh.report.deck.draw import INK, MUTED, RULE, Page, Para
from modelh.report.deck.frame import MORE, Deck

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
