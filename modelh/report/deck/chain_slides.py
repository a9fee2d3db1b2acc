"""The value chain with the Trust Inflection Point, the journey maps, bone-deep CX and
the gaps."""

from __future__ import annotations

from modelh.framework import vocab
from modelh.report.deck.draw import INK, MUTED, Page, Para
from modelh.report.deck.frame import MORE, Deck
from modelh.report.deck.summary import (
    LEVEL_LABELS,
    OFFICE_LABELS,
    REACH_LABELS,
)
from modelh.report.deck.summary_slides import positions_track

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
    if journey.total:
        touches = "touch" if journey.total == 1 else "touches"
        facts.append(f"{journey.digital} of {journey.total} {touches} digital")
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
    if not journey.touches:  # no lanes of nothing: say what is missing
        page.text(
            m,
            y,
            w,
            20,
            [
                Para(
                    "No touches listed yet: the steps of this journey are still to be mapped.",
                    page.style(11),
                    MUTED,
                )
            ],
        )
        _more_journeys(deck, page, index)
        return
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
    _more_journeys(deck, page, index)


def _more_journeys(deck: Deck, page: Page, index: int) -> None:
    """The last journey slide's notes say how many journeys the deck left out."""
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
