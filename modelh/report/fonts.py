"""Fonts on this machine: which characters of a canvas no font can draw."""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence

from modelh.canvas.model import Canvas
from modelh.report.context import canvas_texts
from modelh.report.fit import shipped_characters


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
