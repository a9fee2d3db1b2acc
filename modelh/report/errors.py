"""The report's errors: each carries the message the user sees."""

from __future__ import annotations

from modelh.errors import ModelhError

__all__ = [
    "FetchRefusedError",
    "LimitError",
    "PdfUnavailableError",
    "ReportContextError",
    "ReportError",
    "TemplateError",
]


class ReportError(ModelhError):
    """A report could not be made; the message says why and what to do."""


class TemplateError(ReportError):
    """A template is missing, does not parse, or fails while rendering."""


class PdfUnavailableError(ReportError):
    """WeasyPrint or the system libraries it needs are not installed."""


class FetchRefusedError(ReportError):
    """A template or image asked for a resource modelh does not fetch."""


class LimitError(ReportError):
    """A canvas asks for more work than modelh's limits allow; the message names the limit."""


class ReportContextError(ModelhError):
    """The canvas cannot be turned into a report (a logo that may not be read)."""
