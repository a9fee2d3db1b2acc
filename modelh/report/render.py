"""Canvas reports: a self-contained HTML file and a PDF handout, from Jinja templates.

The flow is ``canvas -> context (plain data) -> Jinja (sandboxed) -> HTML ->
WeasyPrint -> PDF``. The HTML is one file (stylesheet inlined, logo and fonts
as data URIs) and the PDF is made from exactly that HTML, so the two agree.

Templates are looked up in the user's folder first (``--template-dir``), then
in the built-in ``templates/``: any single file can be overridden. They run in
Jinja's immutable sandbox with autoescaping and ``StrictUndefined``, and see
only the context (see ``docs/report.md``).

The final HTML is rewritten through an allowlist with a Content-Security-Policy
(``modelh.report.policy``), so the handout loads nothing but ``data:`` URLs; WeasyPrint
fetches only ``data:`` URLs and files inside the template folders and the
package's fonts, and draws images only within the limits of ``images``. A render
is bounded in pages, time and memory (``Limits``); anything past a bound or a
policy stops the render with a clear message, and nothing is written.
Jinja, fontTools and WeasyPrint are imported inside the functions that need
them, so importing this module is cheap. Nothing here prints or exits.
"""

from __future__ import annotations

import os
import time
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from modelh.canvas.files import write_atomic
from modelh.canvas.model import Canvas
from modelh.errors import UsageError
from modelh.report.brand import firm_context, logo_data_uri
from modelh.report.context import (
    PAPERS,
    REPORT_SECTION_IDS,
    REPORT_SECTIONS,
    ReportContextError,
    build_context,
)
from modelh.report.contract import ReportContext
from modelh.report.errors import (
    FetchRefusedError,
    LimitError,
    PdfUnavailableError,
    ReportError,
    TemplateError,
)
from modelh.report.fonts import describe_characters, unsupported_characters
from modelh.report.limits import MAX_PAGES, Limits, bounded
from modelh.report.pdf import canvas_epoch, html_to_pdf
from modelh.report.templates import render_context, template_folders

if TYPE_CHECKING:
    from modelh.check.checker import FileResult
    from modelh.check.config import Firm
    from modelh.history.records import CanvasDiff
    from modelh.history.trend import History

__all__ = [
    "ALL_FORMATS",
    "AUDIENCES",
    "FORMATS",
    "MAX_PAGES",
    "PAPERS",
    "REPORT_SECTIONS",
    "REPORT_SECTION_IDS",
    "FetchRefusedError",
    "LimitError",
    "Limits",
    "PdfUnavailableError",
    "RenderResult",
    "ReportContext",
    "ReportError",
    "ReportOptions",
    "TemplateError",
    "build_context",
    "handout_html",
    "html_to_pdf",
    "parse_sections",
    "render_file",
    "render_html",
    "render_markdown",
    "render_pdf",
    "render_pptx",
    "report_context",
    "unsupported_characters",
]

#: What ``render_file`` writes unless told otherwise (``-f all``).
FORMATS: tuple[str, ...] = ("html", "pdf")
#: Every output, in the order they are written: the workshop deck and Markdown are
#: made only when asked for by name.
ALL_FORMATS: tuple[str, ...] = ("html", "pdf", "pptx", "md")
DEFAULT_PAPER = "letter"
#: Whom the report is for: executives (the gaps in their words) or the team (the
#: gaps' appendix with rule codes, keys, lines and fixes besides).
AUDIENCES: tuple[str, ...] = ("executive", "team")


@dataclass(frozen=True)
class ReportOptions:
    """What to put in a report and how: sections (in order), paper, extra templates,
    and the template deck the workshop deck takes its masters from, and for whom
    (``AUDIENCES``)."""

    sections: tuple[str, ...] = REPORT_SECTION_IDS
    paper: str = DEFAULT_PAPER
    template_dir: str | os.PathLike[str] | None = None
    pptx_template: str | os.PathLike[str] | None = None
    audience: str = "executive"
    since: str | None = None  # a git revision: the report adds what changed since it
    history: bool = False  # each measure's current value over the git history, as a line

    def __post_init__(self) -> None:
        if self.paper not in PAPERS:
            raise UsageError(f"unknown paper '{self.paper}': use {', '.join(PAPERS)}")
        if self.audience not in AUDIENCES:
            raise UsageError(f"unknown audience '{self.audience}': use {', '.join(AUDIENCES)}")
        unknown = [s for s in self.sections if s not in REPORT_SECTIONS]
        if unknown:
            raise UsageError(f"unknown section '{unknown[0]}': use {', '.join(REPORT_SECTION_IDS)}")
        if not self.sections:
            raise UsageError(
                "no section chosen: name at least one of " + ", ".join(REPORT_SECTION_IDS)
            )
        if self.template_dir is not None and not Path(self.template_dir).is_dir():
            raise UsageError(f"template folder not found: {self.template_dir}")
        if self.pptx_template is not None and not Path(self.pptx_template).is_file():
            raise UsageError(f"template deck not found: {self.pptx_template}")


def parse_sections(text: str) -> tuple[str, ...]:
    """``"cover,canvas, questions"`` as section ids, checked; raises UsageError."""
    names = [s.strip().lower() for s in text.split(",") if s.strip()]
    if not names:
        raise UsageError(
            "--sections is empty: name sections such as " + ", ".join(REPORT_SECTION_IDS)
        )
    seen: set[str] = set()
    for name in names:
        if name not in REPORT_SECTIONS:
            from difflib import get_close_matches

            close = get_close_matches(name, REPORT_SECTION_IDS, n=1)
            hint = f" (did you mean '{close[0]}'?)" if close else ""
            raise UsageError(
                f"unknown section '{name}'{hint}: choose from {', '.join(REPORT_SECTION_IDS)}"
            )
        if name in seen:
            raise UsageError(f"section '{name}' is named twice in --sections")
        seen.add(name)
    return tuple(names)


@dataclass
class RenderResult:
    """What ``render_file`` wrote for one canvas, and what the user should know."""

    canvas: str
    outputs: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def check_canvas_source(
    canvas: Canvas, source: bytes | str | None = None, config: Any = None
) -> FileResult:
    """The checker's result for a canvas (for the gaps section)."""
    from modelh.check.checker import check_source

    if source is None:
        from modelh.canvas.loader import read_source

        source = read_source(canvas.file)
    return check_source(source, canvas.file, config, canvas=canvas)


def _needs_check(sections: Sequence[str]) -> bool:
    """Whether the chosen sections show the checker's findings or scores."""
    return "gaps" in sections or "summary" in sections


def render_html(
    canvas: Canvas,
    options: ReportOptions | None = None,
    *,
    check: Any = None,
    source: bytes | str | None = None,
    firm: Firm | None = None,
    changes: CanvasDiff | None = None,
    history: History | None = None,
) -> str:
    """The report on ``canvas`` as one self-contained HTML document.

    ``check`` is the checker's result for the canvas; when the gaps section or the
    summary is asked for and none is given, the canvas is checked (its file read again
    unless ``source`` holds its text). ``firm`` is the consulting firm of the
    project settings (``Config.firm``), shown on the cover. Raises ReportError
    (and its kinds).
    """
    options = options or ReportOptions()
    if check is None and _needs_check(options.sections):
        check = check_canvas_source(canvas, source)
    html = render_context(
        report_context(canvas, options, check, firm, changes, history), options.template_dir
    )
    from modelh.report.policy import RefusedMarkup, safe_html

    try:
        return safe_html(html)
    except RefusedMarkup as exc:
        raise FetchRefusedError(str(exc)) from None


def report_context(
    canvas: Canvas,
    options: ReportOptions,
    check: Any = None,
    firm: Firm | None = None,
    changes: CanvasDiff | None = None,
    history: History | None = None,
) -> ReportContext:
    """The report's context for ``canvas`` (``build_context``), its logo and the firm's
    embedded, and ``changes`` (the diff since ``options.since``) when given; raises
    ReportError for a logo the policy refuses."""
    try:
        logo = logo_data_uri(canvas)
        firm_shown = firm_context(firm)
    except ReportContextError as exc:
        raise ReportError(exc.message) from None
    return build_context(
        canvas,
        sections=options.sections,
        paper=options.paper,
        check=check,
        logo=logo,
        audience=options.audience,
        firm=firm_shown,
        changes=changes,
        since=options.since or "",
        history=history,
    )


def render_pptx(
    canvas: Canvas,
    options: ReportOptions | None = None,
    *,
    check: Any = None,
    source: bytes | str | None = None,
    warnings: list[str] | None = None,
    firm: Firm | None = None,
) -> bytes:
    """The workshop deck on ``canvas`` as .pptx bytes (``modelh.report.deck``): the
    same canvas gives the same bytes. Its gaps slide comes with the gaps section."""
    from modelh.report.deck import render_deck

    options = options or ReportOptions()
    if check is None and "gaps" in options.sections:
        check = check_canvas_source(canvas, source)
    context = report_context(canvas, options, check, firm)
    return render_deck(
        canvas, context, check=check, template=options.pptx_template, warnings=warnings
    )


def render_markdown(
    canvas: Canvas,
    options: ReportOptions | None = None,
    *,
    check: Any = None,
    source: bytes | str | None = None,
    firm: Firm | None = None,
    changes: CanvasDiff | None = None,
    history: History | None = None,
) -> str:
    """The report on ``canvas`` as Markdown, from the context the HTML is made from."""
    from modelh.report.markdown import render_markdown as markdown

    options = options or ReportOptions()
    if check is None and "gaps" in options.sections:
        check = check_canvas_source(canvas, source)
    return markdown(report_context(canvas, options, check, firm, changes, history))


def render_pdf(
    canvas: Canvas,
    options: ReportOptions | None = None,
    *,
    check: Any = None,
    source: bytes | str | None = None,
    html: str | None = None,
    warnings: list[str] | None = None,
    limits: Limits | None = None,
) -> bytes:
    """The report on ``canvas`` as PDF bytes (from ``html`` when already rendered).

    Raises LimitError past ``limits`` (by default ``MAX_PAGES`` pages, no time limit).
    """
    options = options or ReportOptions()
    limits = limits or Limits(seconds=None)
    if html is None:
        html = render_html(canvas, options, check=check, source=source)
    folders = template_folders(options.template_dir)
    return html_to_pdf(
        html,
        base_url=folders[0],
        roots=folders,  # the logo and the fonts are in the HTML already, as data URIs
        warnings=warnings,
        epoch=canvas_epoch(canvas.canvas.date),
        max_pages=limits.pages,
        deadline=limits.deadline,
        time_limit=limits.seconds,
    )


# ---------------------------------------------------------------------------
# Files


def report_mode(canvas_path: str | os.PathLike[str]) -> int:
    """The permissions of a report on the canvas at ``canvas_path``.

    What ``open()`` would give a new file (the umask), with no more access for
    the group and others than the canvas itself grants: a canvas kept at 0600
    gives reports at 0600.
    """
    from modelh.canvas.files import new_file_mode

    mode = new_file_mode()
    try:
        canvas_mode = os.stat(canvas_path).st_mode
    except OSError:
        return mode
    return mode & (canvas_mode | 0o700)


def output_paths(
    canvas_path: str | os.PathLike[str], out_dir: str | os.PathLike[str], formats: Sequence[str]
) -> list[Path]:
    """Where ``render_file`` writes: ``out_dir/<canvas name>.<format>``."""
    stem = Path(canvas_path).stem
    return [Path(out_dir) / f"{stem}.{fmt}" for fmt in formats]


@dataclass
class _Rendered:
    """Every output of one canvas, made before any is written."""

    outputs: dict[str, bytes] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    pdf_unavailable: PdfUnavailableError | None = None


def _render_outputs(
    name: str,
    formats: tuple[str, ...],
    options: ReportOptions,
    config: Any,
    limits: Limits,
) -> _Rendered:
    from modelh.canvas.loader import parse_canvas, read_source

    source = read_source(name)
    canvas = parse_canvas(source, name)
    limits.check_time()
    check = None
    if _needs_check(options.sections):
        check = check_canvas_source(canvas, source, config)
    limits.check_time()
    firm = getattr(config, "firm", None)  # report.firm of the project settings
    changes = None
    if options.since is not None:  # what changed since a revision, from git
        from modelh.history.versions import diff_revision

        changes = diff_revision(name, options.since, config, option="--since")
        limits.check_time()
    history = None
    if options.history:  # the measures' past values, from git
        from modelh.history.trend import canvas_history

        history = canvas_history(name)
        limits.check_time()
    rendered = _Rendered()
    if "pptx" in formats:
        said: list[str] = []
        rendered.outputs["pptx"] = render_pptx(
            canvas, options, check=check, warnings=said, firm=firm
        )
        rendered.warnings.extend(f"{name}: {n}" for n in said)
        limits.check_time()
    if "md" in formats:
        markdown = render_markdown(
            canvas, options, check=check, firm=firm, changes=changes, history=history
        )
        rendered.outputs["md"] = markdown.encode("utf-8")
        limits.check_time()
    if "html" not in formats and "pdf" not in formats:
        return rendered
    html = render_html(
        canvas, options, check=check, source=source, firm=firm, changes=changes, history=history
    )
    limits.check_time()
    if "html" in formats:
        rendered.outputs["html"] = html.encode("utf-8")
    if "pdf" in formats:
        missing = unsupported_characters(canvas)
        if missing:
            rendered.warnings.append(
                f"{name}: no font on this machine can draw {describe_characters(missing)}; "
                "they will show as boxes in the PDF (install a font that has them, "
                "e.g. Debian's fonts-noto-cjk or fonts-noto-core)"
            )
        notes: list[str] = []
        try:
            pdf = render_pdf(canvas, options, html=html, warnings=notes, limits=limits)
        except PdfUnavailableError as exc:
            rendered.pdf_unavailable = exc
        else:
            rendered.outputs["pdf"] = pdf
        rendered.warnings.extend(f"{name}: WeasyPrint: {n}" for n in notes)
    return rendered


def handout_html(
    path: str | os.PathLike[str], options: ReportOptions | None = None, config: Any = None
) -> bytes:
    """The HTML handout of the canvas at ``path``: the very bytes ``render_file``
    writes to ``<name>.html``, made in this process (the preview renders again
    after every save, and keeps what does not change between renders cached).

    The time limit is checked between the steps. Raises CanvasError (the canvas
    does not load) or ReportError (the report cannot be made).
    """
    name = os.fspath(path)
    rendered = _render_outputs(name, ("html",), options or ReportOptions(), config, Limits())
    return rendered.outputs["html"]


def render_file(
    path: str | os.PathLike[str],
    out_dir: str | os.PathLike[str],
    formats: Sequence[str] = FORMATS,
    options: ReportOptions | None = None,
    config: Any = None,
    *,
    limits: Limits | None = None,
) -> RenderResult:
    """Render the canvas at ``path`` into ``out_dir/<name>.<format>`` for each of
    ``formats`` (html, pdf, pptx, md).

    Every output is made before any is written, so a refusal (a template, a
    limit) leaves no file behind; only when PDF output is unavailable is the
    HTML written alone (and PdfUnavailableError raised). Where the system
    allows, the render runs in a child process held to ``limits`` (time and
    memory); elsewhere the time limit is checked as the render goes. Reports
    get the canvas's restrictive permissions (see ``report_mode``). Raises
    CanvasError (the canvas does not load) or ReportError (the report cannot
    be made: LimitError past a limit); warnings come back in the result.
    """
    options = options or ReportOptions()
    name = os.fspath(path)
    # the clock starts with this canvas's render, not when the Limits were made
    limits = replace(limits or Limits(), started=time.monotonic())
    rendered = bounded(_render_outputs, (name, tuple(formats), options, config, limits), limits)
    target = Path(out_dir)
    target.mkdir(parents=True, exist_ok=True)
    mode = report_mode(name)
    result = RenderResult(name, warnings=rendered.warnings)
    for fmt in ALL_FORMATS:
        if fmt in rendered.outputs:
            file = target / f"{Path(name).stem}.{fmt}"
            write_atomic(file, rendered.outputs[fmt], mode=mode, links="replace")
            result.outputs.append(str(file))
    if rendered.pdf_unavailable is not None:
        raise rendered.pdf_unavailable
    return result
