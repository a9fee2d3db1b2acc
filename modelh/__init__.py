"""modelh: the modelH healthcare business-model canvas at the terminal.

Public API::

    from modelh import load_canvas, parse_canvas, Canvas, CanvasError
    from modelh import run_checks            # the gap rules (imported on first use)
    from modelh import render_html, render_pdf   # the report (imported on first use)
"""

from __future__ import annotations

__version__ = "0.1.0"

from typing import TYPE_CHECKING

from modelh.errors import CanvasError, ModelhError, Problem

if TYPE_CHECKING:
    from modelh.canvas.loader import load_canvas, parse_canvas
    from modelh.canvas.model import Canvas
    from modelh.check.checker import run_checks
    from modelh.report.render import render_html, render_pdf


def __getattr__(name: str) -> object:
    """The API beyond the errors, imported on first use: ``modelh --help`` loads no canvas
    code, and ``modelh validate`` no checker or report."""
    if name in ("load_canvas", "parse_canvas"):
        from modelh.canvas import loader

        return getattr(loader, name)
    if name == "Canvas":
        from modelh.canvas.model import Canvas

        return Canvas
    if name == "run_checks":
        from modelh.check.checker import run_checks

        return run_checks
    if name in ("render_html", "render_pdf"):
        from modelh.report import render as report

        return getattr(report, name)
    raise AttributeError(f"module 'modelh' has no attribute {name!r}")


__all__ = [
    "Canvas",
    "CanvasError",
    "ModelhError",
    "Problem",
    "__version__",
    "load_canvas",
    "parse_canvas",
    "render_html",
    "render_pdf",
    "run_checks",
]
