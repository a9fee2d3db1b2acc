"""The workshop deck: ``modelh render -f pptx``, a PowerPoint file of native objects.

Made with python-pptx from the report's context and the canvas (see
``docs/report.md``, "The deck"): text boxes, tables and shapes a consultant can
edit, never pictures of pages. python-pptx is imported only when a deck is made.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

from modelh.canvas.model import Canvas
from modelh.report.contract import ReportContext
from modelh.report.errors import ReportError

if TYPE_CHECKING:
    from modelh.check.checker import FileResult

__all__ = ["check_template", "render_deck"]


def check_template(template: str | os.PathLike[str]) -> None:
    """Raise ReportError when ``template`` is not a deck the deck can be made from."""
    from modelh.report.deck.package import open_presentation

    open_presentation(template)


def render_deck(
    canvas: Canvas,
    context: ReportContext,
    *,
    check: FileResult | None = None,
    template: str | os.PathLike[str] | None = None,
    warnings: list[str] | None = None,
) -> bytes:
    """The deck on ``canvas`` as .pptx bytes; the same input gives the same bytes.

    ``context`` is the report's context for the canvas (``build_context``), with
    the gaps when ``check`` is given. ``template`` is a firm's template deck
    (.pptx or .potx) whose size, masters and layouts the deck takes. A logo the
    deck cannot hold (SVG) is left out with a line in ``warnings``. Raises
    ReportError for a template that cannot be read.
    """
    try:
        import pptx  # noqa: F401
    except ImportError as exc:  # pragma: no cover - a dependency of modelh
        raise ReportError(
            f"PowerPoint output needs python-pptx (pip install python-pptx): {exc}"
        ) from None
    from modelh.canvas.images import Logo, canvas_logo
    from modelh.report.deck import frame, package, slides
    from modelh.report.deck.summary import deck_content
    from modelh.report.shorten import Shortener

    presentation = package.open_presentation(template)
    logo = canvas_logo(canvas)
    placed: tuple[bytes, str] | None = None
    if isinstance(logo, Logo):
        picture = package.picture(logo)
        if isinstance(picture, str):
            if warnings is not None:
                warnings.append(picture)
        else:
            placed = picture
    deck = frame.Deck(
        presentation=presentation,
        context=context,
        content=deck_content(canvas, context, check, Shortener(context["report"]["file"])),
        canvas=canvas,
        font=package.deck_font(presentation),
        layout=package.layout(presentation, "Title Only", "Blank"),
        logo=placed,
    )
    slides.build(deck)
    report = context["report"]
    epoch = package.epoch_of(canvas.canvas.date)
    package.set_properties(
        presentation,
        epoch,
        title=report["title"],
        subject=report["subject"],
        author=", ".join(report["prepared_by"]),
        keywords="modelH canvas",
        comments=report["generator"],
        category="modelH canvas deck",
    )
    return package.save(presentation, epoch)
