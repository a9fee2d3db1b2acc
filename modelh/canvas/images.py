"""Images a report embeds, bounded before anything decodes them; and the logo policy.

A small file can ask for a great deal of work: a 10 KB PNG can declare 9,400 x
9,400 pixels (about 350 MB once decoded), and a 2 KB SVG of nested ``<use>``
elements can stand for a billion shapes. So every image is measured from its
header (bitmaps) or from one pass of a plain XML parser (SVG), never decoded,
and refused past the limits below with a message naming the limit.

The logo policy (``canvas_logo``, ``logo_file``: the image types of
``IMAGE_TYPES``, a path inside the canvas's folder, the limits, ``data_uri``)
is the one place that decides whether a canvas's logo may be embedded: the
report uses it, and so does rule MH010, so ``modelh check`` warns about exactly
what ``modelh render`` refuses.
"""

from __future__ import annotations

import base64
import re
import struct
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import unquote_to_bytes

if TYPE_CHECKING:
    from modelh.canvas.model import Canvas

#: Image files larger than this are refused (a logo needs far less).
MAX_IMAGE_BYTES = 2_000_000
#: A bitmap may have at most this many pixels (16 megapixels: 4,000 x 4,000).
MAX_PIXELS = 16_000_000
#: An SVG may have at most this many elements ...
MAX_SVG_ELEMENTS = 10_000
#: ... nested at most this deep ...
MAX_SVG_DEPTH = 50
#: ... and stand for at most this many once every ``<use>`` is expanded.
MAX_SVG_DRAWN = 20_000

#: Image types by file suffix.
IMAGE_TYPES = {
    ".svg": "image/svg+xml",
    ".png": "image/png",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".gif": "image/gif",
    ".webp": "image/webp",
}
_NAMES = "an SVG, PNG, JPEG, GIF or WebP image"


def image_problem(data: bytes, kind: str, *, nested: bool = False) -> str | None:
    """Why the image ``data`` of type ``kind`` (a MIME type) may not be drawn, or None.

    Only the header of a bitmap is read; an SVG is parsed once without
    expanding anything. Types other than images are not this function's concern.
    """
    if len(data) > MAX_IMAGE_BYTES:
        return f"is larger than {MAX_IMAGE_BYTES // 1_000_000} MB ({len(data):,} bytes)"
    if kind == "image/svg+xml":
        return _svg_problem(data, nested)
    reader = _SIZE_READERS.get(kind)
    if reader is None:
        return None
    size = reader(data)
    if size is None:
        return f"is not a readable {kind.split('/')[1].upper()} image"
    width, height = size
    if width * height > MAX_PIXELS:
        return (
            f"is {width:,} x {height:,} pixels, more than the limit of "
            f"{MAX_PIXELS // 1_000_000} million pixels (use a smaller image)"
        )
    return None


def data_uri_problem(url: str) -> str | None:
    """``image_problem`` for a ``data:`` URL holding an image, or None."""
    header, _, payload = url.partition(",")
    kind = header[5:].split(";")[0].strip().lower()
    if not kind.startswith("image/"):
        return None
    try:
        if header.lower().endswith(";base64"):
            data = base64.b64decode(payload, validate=False)
        else:
            data = unquote_to_bytes(payload)
    except ValueError:
        return "is not a readable data: URL"
    return image_problem(data, kind, nested=True)


# ---------------------------------------------------------------------------
# Bitmap headers


def _png_size(data: bytes) -> tuple[int, int] | None:
    if data[:8] != b"\x89PNG\r\n\x1a\n" or data[12:16] != b"IHDR" or len(data) < 24:
        return None
    return struct.unpack(">II", data[16:24])


def _gif_size(data: bytes) -> tuple[int, int] | None:
    if data[:6] not in (b"GIF87a", b"GIF89a") or len(data) < 13:
        return None
    width, height = struct.unpack("<HH", data[6:10])
    index = 13 + (3 << ((data[10] & 7) + 1) if data[10] & 0x80 else 0)
    # a frame may declare more than the logical screen: take the largest
    while index < len(data):
        block = data[index]
        if block == 0x3B:  # trailer
            break
        if block == 0x21:  # extension: label, then sub-blocks
            index = _skip_sub_blocks(data, index + 2)
        elif block == 0x2C:  # image descriptor
            if index + 10 > len(data):
                return None
            w, h = struct.unpack("<HH", data[index + 5 : index + 9])
            width, height = max(width, w), max(height, h)
            flags = data[index + 9]
            index += 10 + (3 << ((flags & 7) + 1) if flags & 0x80 else 0)
            index = _skip_sub_blocks(data, index + 1)  # after the LZW code size
        else:
            return None
    return width, height


def _skip_sub_blocks(data: bytes, index: int) -> int:
    while index < len(data) and data[index]:
        index += data[index] + 1
    return index + 1


def _jpeg_size(data: bytes) -> tuple[int, int] | None:
    if data[:2] != b"\xff\xd8":
        return None
    index = 2
    while index + 4 <= len(data):
        if data[index] != 0xFF:
            return None
        marker = data[index + 1]
        if marker == 0xFF:  # padding
            index += 1
            continue
        if marker in (0xD8, 0x01) or 0xD0 <= marker <= 0xD7:  # no length
            index += 2
            continue
        (length,) = struct.unpack(">H", data[index + 2 : index + 4])
        if 0xC0 <= marker <= 0xCF and marker not in (0xC4, 0xC8, 0xCC):
            if index + 9 > len(data):
                return None
            height, width = struct.unpack(">HH", data[index + 5 : index + 9])
            return width, height
        index += 2 + length
    return None


def _webp_size(data: bytes) -> tuple[int, int] | None:
    if data[:4] != b"RIFF" or data[8:12] != b"WEBP" or len(data) < 30:
        return None
    chunk = data[12:16]
    if chunk == b"VP8X":
        width = int.from_bytes(data[24:27], "little") + 1
        height = int.from_bytes(data[27:30], "little") + 1
        return width, height
    if chunk == b"VP8L":
        bits = int.from_bytes(data[21:25], "little")
        return (bits & 0x3FFF) + 1, ((bits >> 14) & 0x3FFF) + 1
    if chunk == b"VP8 ":
        width, height = struct.unpack("<HH", data[26:30])
        return width & 0x3FFF, height & 0x3FFF
    return None


_SIZE_READERS = {
    "image/png": _png_size,
    "image/gif": _gif_size,
    "image/jpeg": _jpeg_size,
    "image/webp": _webp_size,
}


# ---------------------------------------------------------------------------
# SVG


class _SvgRefused(Exception):
    pass


@dataclass
class _Element:
    use: str | None  # the id a <use> refers to
    children: list[_Element]


def _svg_problem(data: bytes, nested: bool) -> str | None:
    from xml.parsers import expat

    parser = expat.ParserCreate(namespace_separator=" ")
    root = _Element(None, [])
    stack = [root]
    ids: dict[str, _Element] = {}
    count = 0
    images: list[str] = []

    def refuse_doctype(*_: Any) -> None:
        raise _SvgRefused("declares a DOCTYPE (entities are not allowed in an SVG image)")

    def start(name: str, attrs: dict[str, str]) -> None:
        nonlocal count
        count += 1
        if count > MAX_SVG_ELEMENTS:
            raise _SvgRefused(f"has more than {MAX_SVG_ELEMENTS:,} elements (the limit)")
        if len(stack) > MAX_SVG_DEPTH:
            raise _SvgRefused(f"nests elements more than {MAX_SVG_DEPTH} deep (the limit)")
        local = name.rsplit(" ", 1)[-1]
        href = next((v for k, v in attrs.items() if k.rsplit(" ", 1)[-1] == "href"), None)
        element = _Element(None, [])
        if local == "use" and href is not None:
            element.use = href[1:] if href.startswith("#") else ""
        if local == "image" and href is not None and href.lower().startswith("data:"):
            images.append(href)
        stack[-1].children.append(element)
        stack.append(element)
        ident = attrs.get("id")
        if ident is not None:
            ids.setdefault(ident, element)

    def end(_name: str) -> None:
        stack.pop()

    parser.StartDoctypeDeclHandler = refuse_doctype
    parser.EntityDeclHandler = refuse_doctype
    parser.StartElementHandler = start
    parser.EndElementHandler = end
    try:
        parser.Parse(data, True)
        _drawn(root, ids)
    except _SvgRefused as exc:
        return str(exc)
    except expat.ExpatError as exc:
        return f"is not a readable SVG image ({expat.errors.messages.get(exc.code, exc)})"
    for url in images:
        if nested or url.lower().startswith("data:image/svg"):
            return "holds an SVG image inside an SVG image (not allowed)"
        problem = data_uri_problem(url)
        if problem:
            return f"holds an image that {problem}"
    return None


def _drawn(root: _Element, ids: dict[str, _Element]) -> int:
    """How many elements the SVG draws once every ``<use>`` is expanded (bounded)."""
    memo: dict[int, int] = {}
    active: set[int] = set()

    def size(element: _Element) -> int:
        key = id(element)
        if key in memo:
            return memo[key]
        if key in active:
            raise _SvgRefused("has a <use> that refers to itself")
        active.add(key)
        total = 1 + sum(size(child) for child in element.children)
        if element.use is not None:
            target = ids.get(element.use)
            if target is not None:
                total += size(target)
        active.discard(key)
        if total > MAX_SVG_DRAWN:
            raise _SvgRefused(
                f"draws more than {MAX_SVG_DRAWN:,} elements once its <use> references "
                "are expanded (the limit)"
            )
        memo[key] = total
        return total

    return size(root)


# ---------------------------------------------------------------------------
# The logo policy


@dataclass(frozen=True)
class LogoProblem:
    """Why a canvas's logo cannot be embedded: a message and how to fix it."""

    message: str
    fix: str


@dataclass(frozen=True)
class Logo:
    """A logo that may be embedded: its bytes and MIME type."""

    data: bytes
    kind: str

    def data_uri(self) -> str:
        return data_uri(self.data, self.kind)


def data_uri(data: bytes, kind: str) -> str:
    """``data`` of MIME type ``kind`` as a base64 ``data:`` URI."""
    return f"data:{kind};base64,{base64.b64encode(data).decode('ascii')}"


def canvas_logo(canvas: Canvas) -> Logo | LogoProblem | None:
    """The logo the canvas names under ``logo_file``'s policy; None when it names none.

    The report embeds it (or refuses), rule MH010 warns about the same problem.
    """
    branding = canvas.canvas.branding
    if branding is None or not branding.logo:
        return None
    return logo_file(canvas.file, branding.logo)


def logo_file(canvas_file: str, logo: str, *, owner: str = "canvas") -> Logo | LogoProblem:
    """The logo ``logo`` of the canvas at ``canvas_file``, or why it cannot be used.

    A logo is an image file (SVG, PNG, JPEG, GIF or WebP) inside the canvas
    file's folder, within the image limits of this module. The firm's logo in
    the project settings follows the same policy, beside the settings file
    (``owner`` names the file in the messages: ``"settings file"``).
    """
    said = f"logo '{logo}'"
    if re.match(r"[A-Za-z][A-Za-z0-9+.-]*:", logo) or logo.startswith(("/", "\\")):
        return LogoProblem(
            f"{said} is refused: a logo must be a file beside the {owner} (a path relative "
            "to its folder), not a URL or an absolute path",
            f"put the image beside the {owner} and give its relative path",
        )
    folder = Path(canvas_file).resolve().parent
    path = folder / logo
    try:
        if not path.resolve().is_relative_to(folder):
            return LogoProblem(
                f"{said} leads out of the {owner}'s folder",
                f"copy the image into the {owner}'s folder",
            )
        kind = IMAGE_TYPES.get(path.suffix.lower())
        if not path.is_file():
            return LogoProblem(
                f"{said} is not a file in the {owner}'s folder",
                f"put the image beside the {owner}, or correct the path",
            )
        if kind is None:
            return LogoProblem(f"{said} is not {_NAMES}", "use an image file for the logo")
        if path.stat().st_size > MAX_IMAGE_BYTES:
            return LogoProblem(
                f"{said} is larger than {MAX_IMAGE_BYTES // 1_000_000} MB",
                "use a smaller image",
            )
        with path.open("rb") as fh:
            data = fh.read(MAX_IMAGE_BYTES + 1)
    except OSError as exc:
        return LogoProblem(f"{said} cannot be read: {exc.strerror or exc}", "check the file")
    problem = image_problem(data, kind)
    if problem:
        return LogoProblem(f"{said} {problem}", "use a simpler or smaller image for the logo")
    return Logo(data, kind)
