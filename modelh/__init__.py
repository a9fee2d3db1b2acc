"""modelh: the modelH healthcare business-model canvas at the terminal.

Public API::

    from modelh import load_canvas, parse_canvas, Canvas, CanvasError
"""

from __future__ import annotations

__version__ = "0.1.0"

from .errors import CanvasError, ModelhError, Problem
from .loader import load_canvas, parse_canvas
from .model import Canvas

__all__ = [
    "Canvas",
    "CanvasError",
    "ModelhError",
    "Problem",
    "__version__",
    "load_canvas",
    "parse_canvas",
]
