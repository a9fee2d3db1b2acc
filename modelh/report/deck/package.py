"""The deck as a file: a template deck opened, the logo placed, the bytes made reproducible.

A firm's template deck (``--pptx-template``, a .pptx or .potx with its master
slides) gives the slide size, masters and layouts; its own slides are dropped.
Without one, python-pptx's default template is used at 16:9.

The same canvas gives the same bytes whatever the clock says: the document's
created and modified times are the canvas's date (or ``SOURCE_DATE_EPOCH``
when the canvas has none, or a fixed day), and every zip entry carries that
time too (python-pptx stamps them with the clock).
"""

from __future__ import annotations

import datetime as dt
import io
import os
import zipfile
from pathlib import Path
from typing import Any

from modelh.report.deck.fonts import DECK_FONTS, DEFAULT_FONT
from modelh.report.errors import ReportError

#: 16:9 at 13.333 x 7.5 inches, in points.
WIDE = (960.0, 540.0)
#: A template deck larger than this is refused (a deck of masters needs far less).
MAX_TEMPLATE_BYTES = 20_000_000
_TEMPLATE_TYPE = "application/vnd.openxmlformats-officedocument.presentationml.template.main+xml"
_PRESENTATION_TYPE = (
    "application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml"
)


def open_presentation(template: str | os.PathLike[str] | None) -> Any:
    """A presentation without slides: from ``template`` (its size, masters and layouts)
    or python-pptx's default at 16:9. Raises ReportError for a template that is not
    a readable PowerPoint file."""
    from pptx import Presentation
    from pptx.util import Pt

    if template is None:
        presentation = Presentation()
        presentation.slide_width = Pt(WIDE[0])
        presentation.slide_height = Pt(WIDE[1])
        return presentation
    name = os.fspath(template)
    try:
        data = Path(name).read_bytes() if os.path.getsize(name) <= MAX_TEMPLATE_BYTES else None
    except OSError as exc:
        raise ReportError(f"--pptx-template: cannot read {name}: {exc.strerror or exc}") from None
    if data is None:
        raise ReportError(
            f"--pptx-template: {name} is larger than {MAX_TEMPLATE_BYTES // 1_000_000} MB"
        )
    try:
        presentation = Presentation(io.BytesIO(_as_presentation(data)))
    except Exception as exc:  # python-pptx raises many kinds for a file that is not a deck
        raise ReportError(
            f"--pptx-template: {name} is not a PowerPoint deck or template (.pptx, .potx) "
            f"that can be read ({type(exc).__name__})"
        ) from None
    _drop_slides(presentation)
    return presentation


def _as_presentation(data: bytes) -> bytes:
    """A .potx's bytes with the content type of a .pptx (python-pptx opens only those);
    anything else as it is."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as source:
            types = source.read("[Content_Types].xml")
            if _TEMPLATE_TYPE.encode() not in types:
                return data
            out = io.BytesIO()
            with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
                for info in source.infolist():
                    blob = source.read(info.filename)
                    if info.filename == "[Content_Types].xml":
                        blob = blob.replace(_TEMPLATE_TYPE.encode(), _PRESENTATION_TYPE.encode())
                    target.writestr(info, blob)
            return out.getvalue()
    except (zipfile.BadZipFile, KeyError, OSError):
        return data  # python-pptx says it is not a deck


def _drop_slides(presentation: Any) -> None:
    """Remove a template's own slides (its masters and layouts stay)."""
    ids = presentation.slides._sldIdLst
    for slide_id in list(ids):
        presentation.part.drop_rel(slide_id.rId)
        ids.remove(slide_id)


def deck_font(presentation: Any) -> str:
    """The deck's font: the template theme's body font when it is one the deck can
    measure (Calibri or Arial), else Calibri."""
    from lxml import etree

    try:
        master = presentation.slide_masters[0]
        for rel in master.part.rels.values():
            if rel.reltype.endswith("/theme"):
                theme = etree.fromstring(rel.target_part.blob)
                ns = {"a": "http://schemas.openxmlformats.org/drawingml/2006/main"}
                latin = theme.find(".//a:fontScheme/a:minorFont/a:latin", ns)
                if latin is not None and latin.get("typeface") in DECK_FONTS:
                    return str(latin.get("typeface"))
    except (IndexError, etree.XMLSyntaxError, AttributeError):
        pass
    return DEFAULT_FONT


def layout(presentation: Any, *names: str) -> Any:
    """The first layout named one of ``names`` (in that order), else the one with
    the fewest placeholders."""
    layouts = list(presentation.slide_layouts)
    for name in names:
        for candidate in layouts:
            if candidate.name.strip().lower() == name.lower():
                return candidate
    return min(layouts, key=lambda candidate: len(candidate.placeholders))


def picture(logo: Any) -> tuple[bytes, str] | str:
    """A logo (``modelh.canvas.images.Logo``) as bytes python-pptx can place, with
    the file type; or why it cannot be placed. A WebP logo is converted to PNG
    (its size was checked by the logo policy before)."""
    if logo.kind == "image/svg+xml":
        return "an SVG logo cannot be placed in a PowerPoint deck: it is left out of the deck"
    if logo.kind == "image/webp":
        try:
            from PIL import Image

            with Image.open(io.BytesIO(logo.data)) as image:
                out = io.BytesIO()
                image.save(out, format="PNG", optimize=False)
                return out.getvalue(), "png"
        except (OSError, ValueError):
            return "the WebP logo could not be read: it is left out of the deck"
    return logo.data, logo.kind.split("/")[1]


def epoch_of(date: str | None) -> int:
    """The time the deck is stamped with: the canvas's date; without one
    SOURCE_DATE_EPOCH when set, else a fixed day (1 January 2000)."""
    from modelh.report.pdf import DEFAULT_EPOCH

    try:
        day = dt.date.fromisoformat(date or "")
    except ValueError:
        clock = os.environ.get("SOURCE_DATE_EPOCH", "")
        return int(clock) if clock.isdigit() else DEFAULT_EPOCH
    return int(dt.datetime(day.year, day.month, day.day, tzinfo=dt.UTC).timestamp())


def set_properties(presentation: Any, epoch: int, **texts: str) -> None:
    """The document properties: ``texts`` (title, subject, author, ...) and the
    created and modified times, all fixed."""
    when = dt.datetime.fromtimestamp(epoch, dt.UTC).replace(tzinfo=None)
    props = presentation.core_properties
    for key, value in texts.items():
        setattr(props, key, value[:250])
    props.last_modified_by = texts.get("author", "")[:250]
    props.revision = 1
    props.created = when
    props.modified = when
    props.last_printed = when


def save(presentation: Any, epoch: int) -> bytes:
    """The deck's bytes, every zip entry stamped with ``epoch`` (not the clock)."""
    raw = io.BytesIO()
    presentation.save(raw)
    when = dt.datetime.fromtimestamp(max(epoch, 315532800), dt.UTC)  # zip starts at 1980
    stamp = (when.year, when.month, when.day, when.hour, when.minute, when.second)
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(raw.getvalue())) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for info in source.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=stamp)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o644 << 16
            target.writestr(entry, source.read(info.filename))
    return out.getvalue()
