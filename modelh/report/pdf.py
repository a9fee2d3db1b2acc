"""HTML to PDF with WeasyPrint: a tagged PDF, fetching only what the policy allows.

WeasyPrint fetches only ``data:`` URLs and files inside the template folders and
the package's fonts, and draws images only within the limits of
``modelh.canvas.images``. WeasyPrint and fontTools are imported only when a PDF
is made.
"""

from __future__ import annotations

import hashlib
import logging
import os
import re
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from modelh.report.errors import FetchRefusedError, LimitError, PdfUnavailableError
from modelh.report.fit import FONTS_DIR
from modelh.report.limits import MAX_PAGES, too_many_pages, too_slow
from modelh.report.templates import ASSET_TYPES

#: The report's "now" when the canvas has no date: 2000-01-01, as its metadata says.
DEFAULT_EPOCH = 946684800


def _fetcher_class(weasyprint_urls: Any) -> Any:
    # WeasyPrint ships no type hints: its classes are Any to mypy
    class _Refused(weasyprint_urls.FatalURLFetchingError):  # type: ignore[misc]
        pass

    class SafeFetcher(weasyprint_urls.URLFetcher):  # type: ignore[misc]
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
                    kind = ASSET_TYPES.get(path.suffix.lower(), "application/octet-stream")
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
            pdf: bytes = document.write_pdf(
                pdf_identifier=identifier,
                pdf_variant="pdf/ua-1",
            )
            return pdf
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
        diff: int = timeTools.epoch_diff
        return (int(clock) if clock and clock.isdigit() else epoch) - diff

    head.timestampNow = now
    try:
        yield
    finally:
        head.timestampNow = original


def canvas_epoch(date: str | None) -> int:
    """The canvas's date as seconds since 1970 (the report's "now")."""
    import datetime as dt

    try:
        day = dt.date.fromisoformat(date or "")
    except ValueError:
        return DEFAULT_EPOCH
    return int(dt.datetime(day.year, day.month, day.day, tzinfo=dt.UTC).timestamp())
