"""Canvas reports: a self-contained HTML file and a PDF handout, from Jinja templates.

The flow is ``canvas -> context (plain data) -> Jinja (sandboxed) -> HTML ->
WeasyPrint -> PDF``. The HTML is one file (stylesheet inlined, logo and fonts
as data URIs) and the PDF is made from exactly that HTML, so the two agree.

Templates are looked up in the user's folder first (``--template-dir``), then
in the built-in ``templates/``: any single file can be overridden. They run in
Jinja's immutable sandbox with autoescaping and ``StrictUndefined``, and see
only the context (see ``docs/report.md``).

The final HTML is rewritten through an allowlist with a Content-Security-Policy
(``report_policy``), so the handout loads nothing but ``data:`` URLs; WeasyPrint
fetches only ``data:`` URLs and files inside the template folders and the
package's fonts, and draws images only within the limits of ``images``. A render
is bounded in pages, time and memory (``Limits``); anything past a bound or a
policy stops the render with a clear message, and nothing is written.
Jinja, fontTools and WeasyPrint are imported inside the functions that need
them, so importing this module is cheap. Nothing here prints or exits.
"""

from __future__ import annotations

import base64
import hashlib
import logging
import os
import re
import time
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from modelh.canvas.files import write_atomic
from modelh.canvas.images import IMAGE_TYPES, data_uri
from modelh.canvas.model import Canvas
from modelh.errors import ModelhError, UsageError
from modelh.report.context import (
    PAPERS,
    REPORT_SECTION_IDS,
    REPORT_SECTIONS,
    ReportContext,
    ReportContextError,
    build_context,
    canvas_texts,
    logo_data_uri,
)
from modelh.report.fit import FONT_FILES, FONTS_DIR, shipped_characters

__all__ = [
    "FORMATS",
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
    "html_to_pdf",
    "parse_sections",
    "render_file",
    "render_html",
    "render_pdf",
    "unsupported_characters",
]

FORMATS: tuple[str, ...] = ("html", "pdf")
DEFAULT_PAPER = "letter"
#: The report's "now" when the canvas has no date: 2000-01-01, as its metadata says.
DEFAULT_EPOCH = 946684800
#: The template every report starts from.
ENTRY_TEMPLATE = "report.html.j2"
#: A report may have at most this many pages: WeasyPrint lays out a page in about
#: a fifth of a second and keeps every page in memory until the PDF is written. The
#: report shortens long lists and texts (``modelh.report.shorten``), so the largest canvas
#: the loader accepts makes about 30 pages: this is the safety net behind that.
MAX_PAGES = 50
#: Rendering one canvas (load, check, HTML and PDF) may take at most this many seconds.
TIME_LIMIT = 120.0
#: The memory (address space) one canvas's render may use, where the system can limit it.
MEMORY_LIMIT = 3 * 1024**3

_MIME = {
    ".css": "text/css",
    **IMAGE_TYPES,
    ".woff2": "font/woff2",
    ".woff": "font/woff",
    ".otf": "font/otf",
    ".ttf": "font/ttf",
}


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


@dataclass(frozen=True)
class ReportOptions:
    """What to put in a report and how: sections (in order), paper, extra templates."""

    sections: tuple[str, ...] = REPORT_SECTION_IDS
    paper: str = DEFAULT_PAPER
    template_dir: str | os.PathLike[str] | None = None

    def __post_init__(self) -> None:
        if self.paper not in PAPERS:
            raise UsageError(f"unknown paper '{self.paper}': use {', '.join(PAPERS)}")
        unknown = [s for s in self.sections if s not in REPORT_SECTIONS]
        if unknown:
            raise UsageError(f"unknown section '{unknown[0]}': use {', '.join(REPORT_SECTION_IDS)}")
        if not self.sections:
            raise UsageError(
                "no section chosen: name at least one of " + ", ".join(REPORT_SECTION_IDS)
            )
        if self.template_dir is not None and not Path(self.template_dir).is_dir():
            raise UsageError(f"template folder not found: {self.template_dir}")


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


# ---------------------------------------------------------------------------
# Templates


def template_folders(template_dir: str | os.PathLike[str] | None) -> list[Path]:
    """Where templates are looked up, the user's folder first."""
    from modelh.resources import templates_dir

    folders = [templates_dir()]
    if template_dir is not None:
        folders.insert(0, Path(template_dir).resolve())
    return folders


@cache
def _font_data_uris() -> tuple[dict[str, Any], ...]:
    faces = []
    for (weight, style), name in FONT_FILES.items():
        data = (FONTS_DIR / name).read_bytes()
        faces.append(
            {
                "family": "Inter",
                "weight": weight,
                "style": style,
                "url": "data:font/woff2;base64," + base64.b64encode(data).decode("ascii"),
            }
        )
    return tuple(faces)


@cache
def _environment(folders: tuple[Path, ...]) -> Any:
    """The sandboxed Jinja environment over ``folders`` (one per process and folder list).

    Compiled templates are kept in Jinja's per-user cache folder, checked
    against each template's source, so a new process does not compile them again.
    """
    from jinja2 import FileSystemBytecodeCache, FileSystemLoader, StrictUndefined
    from jinja2.loaders import split_template_path
    from jinja2.sandbox import ImmutableSandboxedEnvironment

    from modelh.report.context import format_number, format_value, paragraphs

    roots = [f.resolve() for f in folders]

    class ContainedLoader(FileSystemLoader):
        """Finds templates in the folders, never through a link that leads out of them."""

        def get_source(self, environment: Any, template: str) -> Any:
            source, filename, uptodate = super().get_source(environment, template)
            real = Path(filename).resolve()
            if not any(real.is_relative_to(root) for root in roots):
                raise TemplateError(
                    f"template '{template}' leads out of the template folders (to {real}); "
                    "it was not read"
                )
            return source, filename, uptodate

    env = ImmutableSandboxedEnvironment(
        loader=ContainedLoader([str(f) for f in folders]),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        bytecode_cache=_bytecode_cache(FileSystemBytecodeCache),
    )

    def asset(name: str) -> str:
        """A file of the template folders as a data URI (images, fonts, stylesheets)."""
        pieces = split_template_path(name)  # refuses '..'
        for folder in folders:
            path = folder.joinpath(*pieces)
            if path.is_file() and path.resolve().is_relative_to(folder.resolve()):
                kind = _MIME.get(path.suffix.lower(), "application/octet-stream")
                return data_uri(path.read_bytes(), kind)
        raise TemplateError(f"asset '{name}' is in none of the template folders")

    env.globals["asset"] = asset
    env.filters["paragraphs"] = paragraphs
    env.filters["number"] = format_number
    env.filters["value"] = format_value
    return env


def _bytecode_cache(cache_class: Any) -> Any:
    try:  # Jinja's own folder: per user, refused when another user could write to it
        return cache_class(pattern="modelh-%s.cache")
    except (OSError, RuntimeError):
        return None


def _template_error(exc: Exception, folders: Sequence[Path]) -> TemplateError:
    from jinja2 import TemplateNotFound, TemplateSyntaxError, UndefinedError
    from jinja2.exceptions import SecurityError

    if isinstance(exc, TemplateSyntaxError):
        where = f"{exc.filename or exc.name}:{exc.lineno}"
        return TemplateError(f"template {where}: {exc.message}")
    if isinstance(exc, TemplateNotFound):
        places = ", ".join(str(f) for f in folders)
        return TemplateError(f"template '{exc.name}' not found in {places}")
    where = _template_place(exc)
    if isinstance(exc, SecurityError):
        return TemplateError(f"template {where}tried something the sandbox forbids: {exc}")
    if isinstance(exc, UndefinedError):
        return TemplateError(f"template {where}uses something the report does not have: {exc}")
    return TemplateError(f"template {where}failed: {type(exc).__name__}: {exc}")


def _template_place(exc: BaseException) -> str:
    """``file:line: `` of the template line that raised ``exc`` (Jinja keeps template
    lines in the traceback), or nothing when it cannot be told."""
    place = ""
    tb = exc.__traceback__
    while tb is not None:
        name = tb.tb_frame.f_code.co_filename
        if name.endswith((".j2", ".html", ".css")):
            place = f"{name}:{tb.tb_lineno}: "
        tb = tb.tb_next
    return place


def render_context(context: ReportContext, options: ReportOptions) -> str:
    """The report's HTML from a context (see ``build_context``)."""
    folders = template_folders(options.template_dir)
    env = _environment(tuple(folders))
    values = dict(context)
    values["fonts"] = list(_font_data_uris())
    try:
        return env.get_template(ENTRY_TEMPLATE).render(values)
    except (TemplateError, MemoryError):
        raise
    except Exception as exc:  # a template can fail in many ways: each becomes one message
        raise _template_error(exc, folders) from None


def check_canvas_source(canvas: Canvas, source: bytes | str | None = None, config: Any = None):
    """The checker's result for a canvas (for the gaps section)."""
    from modelh.check.checker import check_source

    if source is None:
        from modelh.canvas.loader import read_source

        source = read_source(canvas.file)
    return check_source(source, canvas.file, config, canvas=canvas)


def render_html(
    canvas: Canvas,
    options: ReportOptions | None = None,
    *,
    check: Any = None,
    source: bytes | str | None = None,
) -> str:
    """The report on ``canvas`` as one self-contained HTML document.

    ``check`` is the checker's result for the canvas; when the gaps section is
    asked for and none is given, the canvas is checked (its file read again
    unless ``source`` holds its text). Raises ReportError (and its kinds).
    """
    options = options or ReportOptions()
    if check is None and "gaps" in options.sections:
        check = check_canvas_source(canvas, source)
    try:
        logo = logo_data_uri(canvas)
    except ReportContextError as exc:
        raise ReportError(exc.message) from None
    context = build_context(
        canvas, sections=options.sections, paper=options.paper, check=check, logo=logo
    )
    html = render_context(context, options)
    from modelh.report.policy import RefusedMarkup, safe_html

    try:
        return safe_html(html)
    except RefusedMarkup as exc:
        raise FetchRefusedError(str(exc)) from None


# ---------------------------------------------------------------------------
# PDF


def _fetcher_class(weasyprint_urls: Any) -> Any:
    class _Refused(weasyprint_urls.FatalURLFetchingError):
        pass

    class SafeFetcher(weasyprint_urls.URLFetcher):
        """Serves data: URLs and files under the allowed folders; refuses the rest."""

        refused = _Refused

        def __init__(self, roots: Iterable[Path]) -> None:
            super().__init__(allowed_protocols=("data", "file"), fail_on_errors=True)
            self.roots = [Path(r).resolve() for r in roots]

        def fetch(self, url: str, headers: Any = None) -> Any:
            from urllib.parse import unquote, urlsplit

            from modelh.canvas.images import data_uri_problem, image_problem

            scheme = url.split(":", 1)[0].lower() if ":" in url else ""
            if scheme == "data":
                problem = data_uri_problem(url)
                if problem:
                    raise _Refused(f"an embedded image that {problem}")
                return super().fetch(url, headers)
            if scheme == "file":
                path = Path(unquote(urlsplit(url).path)).resolve()
                if any(path.is_relative_to(root) for root in self.roots):
                    if not path.is_file():
                        raise _Refused(f"{url}: no such file")
                    kind = _MIME.get(path.suffix.lower(), "application/octet-stream")
                    data = path.read_bytes()
                    problem = image_problem(data, kind)
                    if problem:
                        raise _Refused(f"{url}: the image {problem}")
                    return weasyprint_urls.URLFetcherResponse(url, data, {"Content-Type": kind})
                raise _Refused(f"{url}: modelh reads no file outside the template folders")
            raise _Refused(f"{url}: modelh fetches nothing from the network")

    return SafeFetcher


def _quiet(message: str) -> bool:
    """WeasyPrint warnings that say nothing about the report itself."""
    # Without libharfbuzz-subset, fonts are subset with fontTools: slower, same result.
    return "HarfBuzz-Subset" in message


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(_readable_warning(record.getMessage()))


class _Stop(Exception):
    """Raised inside WeasyPrint to stop a render past a limit; carries the message."""


class _Progress(logging.Handler):
    """Follows WeasyPrint's progress log: stops past ``max_pages`` or after ``deadline``.

    WeasyPrint logs each page it lays out ("Step 5 - Creating layout - Page N"),
    so a report too long is stopped at its first page too many, not after the
    whole layout (which keeps every page in memory).
    """

    def __init__(self, max_pages: int, deadline: float | None, time_limit: float | None) -> None:
        super().__init__(logging.INFO)
        self.max_pages = max_pages
        self.deadline = deadline
        self.time_limit = time_limit
        self.pages = 0

    def emit(self, record: logging.LogRecord) -> None:
        if "Page" in str(record.msg) and record.args:
            page = record.args[0] if isinstance(record.args, tuple) else 0
            if isinstance(page, int):
                self.pages = max(self.pages, page)
                if page > self.max_pages:
                    raise _Stop(too_many_pages(self.max_pages))
        if self.deadline is not None and time.monotonic() > self.deadline:
            raise _Stop(too_slow(self.time_limit))


def too_many_pages(limit: int) -> str:
    return (
        f"the report would have more than {limit} pages, the limit of a report: leave "
        "sections out (--sections) or shorten the canvas"
    )


def too_slow(limit: float | None) -> str:
    return (
        f"rendering took longer than the limit of {limit:g} s for one canvas: leave "
        "sections out (--sections) or shorten the canvas"
    )


_DATA_URI = re.compile(r"data:(?P<kind>[\w.+-]+/[\w.+-]+)?[^\s\"')]{40,}")


def _readable_warning(message: str) -> str:
    """A WeasyPrint warning without the embedded files it quotes whole (a logo as base64)."""
    message = _DATA_URI.sub(lambda m: f"(the embedded {m.group('kind') or 'file'})", message)
    return message if len(message) <= 300 else message[:297] + "..."


def html_to_pdf(
    html: str,
    *,
    base_url: str | os.PathLike[str] | None = None,
    roots: Iterable[str | os.PathLike[str]] = (),
    warnings: list[str] | None = None,
    epoch: int = DEFAULT_EPOCH,
    max_pages: int = MAX_PAGES,
    deadline: float | None = None,
    time_limit: float | None = None,
) -> bytes:
    """A tagged PDF (PDF/UA-1) of ``html`` made with WeasyPrint; the same HTML gives the
    same bytes.

    Only ``data:`` URLs and files under ``roots`` (and the package's fonts) are
    read. WeasyPrint's warnings go to ``warnings``. ``epoch`` (seconds since 1970)
    stands in for the clock where a font file gets a timestamp (WeasyPrint
    rewrites emoji fonts with fontTools), unless SOURCE_DATE_EPOCH is set.
    Raises LimitError past ``max_pages`` pages, or when ``time.monotonic()``
    passes ``deadline`` (``time_limit`` is the number of seconds it stands for).
    """
    try:
        import weasyprint
        from weasyprint import urls as weasyprint_urls
    except (ImportError, OSError) as exc:
        raise PdfUnavailableError(
            "PDF output needs WeasyPrint (pip install weasyprint) and the system libraries "
            f"it draws text with (Pango): {str(exc).splitlines()[0] if str(exc) else exc!r}. "
            "On Debian or Ubuntu: apt-get install libpango-1.0-0 libpangoft2-1.0-0 "
            "(or run `make setup`). The HTML report does not need them"
        ) from None
    fetcher = _fetcher_class(weasyprint_urls)([*roots, FONTS_DIR])
    identifier = hashlib.sha256(html.encode("utf-8")).hexdigest()[:32].encode("ascii")
    handler = _Collect()
    progress = _Progress(max_pages, deadline, time_limit)
    logger = logging.getLogger("weasyprint")
    steps = logging.getLogger("weasyprint.progress")
    saved = (logger.propagate, steps.propagate, steps.level)
    logger.addHandler(handler)
    steps.addHandler(progress)
    logger.propagate = steps.propagate = False
    steps.setLevel(logging.INFO)
    try:
        with _font_clock(epoch):
            document = weasyprint.HTML(
                string=html, base_url=str(base_url) if base_url else None, url_fetcher=fetcher
            )
            return document.write_pdf(
                pdf_identifier=identifier,
                pdf_variant="pdf/ua-1",
            )
    except fetcher.refused as exc:
        raise FetchRefusedError(f"refused to fetch {exc}") from None
    except _Stop as exc:
        raise LimitError(str(exc)) from None
    finally:
        logger.removeHandler(handler)
        steps.removeHandler(progress)
        logger.propagate, steps.propagate = saved[0], saved[1]
        steps.setLevel(saved[2])
        if warnings is not None:
            warnings.extend(m for m in dict.fromkeys(handler.messages) if not _quiet(m))


@contextmanager
def _font_clock(epoch: int) -> Iterator[None]:
    """fontTools stamps the fonts WeasyPrint rewrites with the time: make it ``epoch``
    (or SOURCE_DATE_EPOCH when set), without touching the process's environment."""
    try:
        from fontTools.misc import timeTools
        from fontTools.ttLib.tables import _h_e_a_d as head
    except ImportError:  # pragma: no cover - fontTools comes with WeasyPrint
        yield
        return
    original = head.timestampNow

    def now() -> int:
        clock = os.environ.get("SOURCE_DATE_EPOCH")
        return (int(clock) if clock and clock.isdigit() else epoch) - timeTools.epoch_diff

    head.timestampNow = now
    try:
        yield
    finally:
        head.timestampNow = original


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
        epoch=_epoch(canvas.canvas.date),
        max_pages=limits.pages,
        deadline=limits.deadline,
        time_limit=limits.seconds,
    )


@dataclass(frozen=True)
class Limits:
    """Bounds on the work one canvas's report may cause (see ``docs/report.md``).

    ``pages``: pages of the PDF; ``seconds``: time for the whole render of one
    canvas (None: no limit); ``memory``: bytes of address space for that render
    (where the system can limit it; None: no limit). ``started`` is when the
    clock started (``time.monotonic()``).
    """

    pages: int = MAX_PAGES
    seconds: float | None = TIME_LIMIT
    memory: int | None = MEMORY_LIMIT
    started: float = field(default_factory=time.monotonic)

    @property
    def deadline(self) -> float | None:
        return None if self.seconds is None else self.started + self.seconds

    def check_time(self) -> None:
        deadline = self.deadline
        if deadline is not None and time.monotonic() > deadline:
            raise LimitError(too_slow(self.seconds))


def _epoch(date: str | None) -> int:
    """The canvas's date as seconds since 1970 (the report's "now")."""
    import datetime as dt

    try:
        day = dt.date.fromisoformat(date or "")
    except ValueError:
        return DEFAULT_EPOCH
    return int(dt.datetime(day.year, day.month, day.day, tzinfo=dt.UTC).timestamp())


# ---------------------------------------------------------------------------
# Fonts on this machine


def _ignorable(char: str) -> bool:
    """Characters no font needs to draw: spaces, controls, joiners, variation selectors."""
    return char.isspace() or unicodedata.category(char) in ("Cc", "Cf", "Mn", "Me", "Zs")


def unsupported_characters(canvas: Canvas) -> list[str]:
    """Characters of the canvas that neither the shipped fonts nor any font on this
    machine can draw (as fontconfig, which WeasyPrint uses, sees them)."""
    shipped = shipped_characters()
    used: set[str] = set()
    for text in canvas_texts(canvas):
        used.update(text)  # each distinct character once, however long the text
    wanted = sorted(c for c in used if ord(c) not in shipped and not _ignorable(c))
    if not wanted:
        return []
    covered = _system_coverage(tuple(wanted))
    if covered is None:  # fontconfig cannot be asked: say nothing rather than guess
        return []
    return [c for c in wanted if c not in covered]


def _system_coverage(chars: tuple[str, ...]) -> set[str] | None:
    """Which of ``chars`` some installed font covers, or None if fontconfig is missing."""
    import ctypes
    import ctypes.util

    name = ctypes.util.find_library("fontconfig") or "libfontconfig.so.1"
    try:
        fc = ctypes.CDLL(name)
    except OSError:
        return None

    class FcFontSet(ctypes.Structure):
        _fields_ = [
            ("nfont", ctypes.c_int),
            ("sfont", ctypes.c_int),
            ("fonts", ctypes.POINTER(ctypes.c_void_p)),
        ]

    fc.FcInitLoadConfigAndFonts.restype = ctypes.c_void_p
    fc.FcPatternCreate.restype = ctypes.c_void_p
    fc.FcObjectSetBuild.restype = ctypes.c_void_p
    fc.FcObjectSetBuild.argtypes = [ctypes.c_char_p, ctypes.c_void_p]
    fc.FcFontList.restype = ctypes.POINTER(FcFontSet)
    fc.FcFontList.argtypes = [ctypes.c_void_p, ctypes.c_void_p, ctypes.c_void_p]
    fc.FcPatternGetCharSet.argtypes = [
        ctypes.c_void_p,
        ctypes.c_char_p,
        ctypes.c_int,
        ctypes.POINTER(ctypes.c_void_p),
    ]
    fc.FcCharSetHasChar.argtypes = [ctypes.c_void_p, ctypes.c_uint32]
    fc.FcFontSetDestroy.argtypes = [ctypes.POINTER(FcFontSet)]
    fc.FcPatternDestroy.argtypes = [ctypes.c_void_p]
    fc.FcObjectSetDestroy.argtypes = [ctypes.c_void_p]
    fc.FcConfigDestroy.argtypes = [ctypes.c_void_p]

    config = fc.FcInitLoadConfigAndFonts()
    if not config:
        return None
    pattern = fc.FcPatternCreate()
    objects = fc.FcObjectSetBuild(b"charset", None)
    fonts = fc.FcFontList(config, pattern, objects)
    covered: set[str] = set()
    try:
        if not fonts:
            return None
        for i in range(fonts.contents.nfont):
            charset = ctypes.c_void_p()
            font = fonts.contents.fonts[i]
            if fc.FcPatternGetCharSet(font, b"charset", 0, ctypes.byref(charset)) != 0:
                continue
            for char in chars:
                if char not in covered and fc.FcCharSetHasChar(charset, ord(char)):
                    covered.add(char)
            if len(covered) == len(chars):
                break
    finally:
        if fonts:
            fc.FcFontSetDestroy(fonts)
        fc.FcObjectSetDestroy(objects)
        fc.FcPatternDestroy(pattern)
        fc.FcConfigDestroy(config)
    return covered


def describe_characters(chars: Sequence[str], limit: int = 12) -> str:
    """``'ℵ' (U+2135 ALEF SYMBOL), ...`` for a warning."""
    shown = [f"'{c}' (U+{ord(c):04X} {unicodedata.name(c, 'unnamed')})" for c in chars[:limit]]
    more = f" and {len(chars) - limit} more" if len(chars) > limit else ""
    return ", ".join(shown) + more


# ---------------------------------------------------------------------------
# Files


def report_mode(canvas_path: str | os.PathLike[str]) -> int:
    """The permissions of a report on the canvas at ``canvas_path``.

    What ``open()`` would give a new file (the umask), with no more access for
    the group and others than the canvas itself grants: a canvas kept at 0600
    gives reports at 0600.
    """
    umask = os.umask(0)
    os.umask(umask)
    mode = 0o666 & ~umask
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
    if "gaps" in options.sections:
        check = check_canvas_source(canvas, source, config)
    limits.check_time()
    html = render_html(canvas, options, check=check, source=source)
    limits.check_time()
    rendered = _Rendered()
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


def render_file(
    path: str | os.PathLike[str],
    out_dir: str | os.PathLike[str],
    formats: Sequence[str] = FORMATS,
    options: ReportOptions | None = None,
    config: Any = None,
    *,
    limits: Limits | None = None,
) -> RenderResult:
    """Render the canvas at ``path`` into ``out_dir/<name>.html`` and/or ``.pdf``.

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
    limits = limits or Limits()
    rendered = _bounded(_render_outputs, (name, tuple(formats), options, config, limits), limits)
    target = Path(out_dir)
    target.mkdir(parents=True, exist_ok=True)
    mode = report_mode(name)
    result = RenderResult(name, warnings=rendered.warnings)
    for fmt in FORMATS:
        if fmt in rendered.outputs:
            file = target / f"{Path(name).stem}.{fmt}"
            write_atomic(file, rendered.outputs[fmt], mode=mode, links="replace")
            result.outputs.append(str(file))
    if rendered.pdf_unavailable is not None:
        raise rendered.pdf_unavailable
    return result


# ---------------------------------------------------------------------------
# A render in a child process, held to a time and a memory limit


def _bounded(function: Any, args: tuple[Any, ...], limits: Limits) -> Any:
    """``function(*args)`` in a forked child process, killed past ``limits``.

    Without fork (Windows, or macOS where it is unsafe) the function runs here,
    and only its own checks of the time limit hold.
    """
    import multiprocessing
    import sys

    if sys.platform != "linux" or limits.seconds is None:
        return function(*args)
    context = multiprocessing.get_context("fork")
    receiver, sender = context.Pipe(duplex=False)
    child = context.Process(target=_child, args=(sender, function, args, limits.memory))
    child.start()
    sender.close()
    try:
        left = max(0.0, (limits.deadline or 0) - time.monotonic())
        if not receiver.poll(left + 1.0):  # the child checks the limit itself first
            raise LimitError(too_slow(limits.seconds))
        try:
            kind, payload = receiver.recv()
        except EOFError:
            child.join()
            raise LimitError(_died(child.exitcode, limits.memory)) from None
    finally:
        if child.is_alive():
            child.kill()
        child.join()
        receiver.close()
    if kind == "ok":
        return payload
    raise _unpack(payload)


def _child(sender: Any, function: Any, args: tuple[Any, ...], memory: int | None) -> None:
    if memory is not None:
        import resource

        try:
            _, hard = resource.getrlimit(resource.RLIMIT_AS)
            cap = memory if hard == resource.RLIM_INFINITY else min(memory, hard)
            resource.setrlimit(resource.RLIMIT_AS, (cap, hard))
        except (ValueError, OSError):
            pass
    try:
        message: tuple[str, Any] = ("ok", function(*args))
    except MemoryError:
        message = ("error", _pack(LimitError(_died(None, memory))))
    except BaseException as exc:  # every failure crosses back to the parent as it was
        message = ("error", _pack(exc))
    try:
        sender.send(message)
    except Exception as exc:  # a result that cannot be sent: say so
        sender.send(("error", _pack(RuntimeError(f"the render's result was lost: {exc}"))))
    sender.close()


def _died(exitcode: int | None, memory: int | None) -> str:
    limit = f"{memory / 1024**3:g} GB" if memory else "the memory available"
    how = f" (exit status {exitcode})" if exitcode else ""
    return (
        f"the render stopped{how}: it needed more memory than its limit of {limit}; "
        "leave sections out (--sections) or shorten the canvas"
    )


def _pack(exc: BaseException) -> tuple[Any, ...]:
    if isinstance(exc, ModelhError):
        return (type(exc), exc.message, dict(vars(exc)))
    return (RuntimeError, f"{type(exc).__name__}: {exc}", {})


def _unpack(packed: tuple[Any, ...]) -> BaseException:
    kind, message, state = packed
    exc = kind.__new__(kind)
    Exception.__init__(exc, message)
    exc.__dict__.update(state)
    return exc
