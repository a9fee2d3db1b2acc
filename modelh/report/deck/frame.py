"""What every slide is drawn with: the deck being built, its grid and its brand, and
the notes' bound."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from modelh.canvas.model import Canvas
from modelh.report.contract import BrandContext, ReportContext
from modelh.report.deck.draw import Page, Para, emu
from modelh.report.deck.summary import (
    DeckContent,
)

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


def note(text: str) -> str:
    """A text for the notes, bounded."""
    text = text.strip()
    if len(text) <= NOTE_CHARS:
        return text
    return text[:NOTE_CHARS].rstrip() + "… (the full text is in the canvas file)"
