"""The report: context for templates, layout and fitting, the HTML policy, PDF rendering,
the workshop deck (PowerPoint) and Markdown.

The names ``docs/report.md`` documents are re-exported here (``from modelh.report
import render_html``); WeasyPrint and Jinja are imported only when a report is made.
"""

from __future__ import annotations

from modelh.report.render import (
    FetchRefusedError,
    LimitError,
    Limits,
    PdfUnavailableError,
    ReportError,
    ReportOptions,
    TemplateError,
    render_file,
    render_html,
    render_markdown,
    render_pdf,
    render_pptx,
)

__all__ = [
    "FetchRefusedError",
    "LimitError",
    "Limits",
    "PdfUnavailableError",
    "ReportError",
    "ReportOptions",
    "TemplateError",
    "render_file",
    "render_html",
    "render_markdown",
    "render_pdf",
    "render_pptx",
]
