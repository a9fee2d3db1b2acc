"""Text made safe for the place it is printed to: one home for each sink.

A canvas, an answers file or a file name can hold anything: escape codes that
clear a reviewer's screen or retitle the window, a line that GitHub Actions
takes for a workflow command, rich markup, bytes that are not UTF-8. Whatever
modelh prints passes through the function for where it goes:

- a terminal or a CI log: ``printable``; text printed with rich goes in as
  ``rich.text.Text``, never as markup (rich's markup escaping takes quadratic time
  on a run of backslashes);
- a GitHub Actions workflow command (``check -f github``): ``github_data`` and
  ``github_property``, which escape as GitHub's toolkit does and also turn the
  undecodable bytes of a file name into ``\\xNN``;
- JSON and SARIF: ``valid_unicode`` (``json_ready`` for a whole document) and
  ``uri_reference`` for SARIF's artifact locations.

Nothing here prints; every function returns a new string.
"""

from __future__ import annotations

import os
import re
from pathlib import Path, PurePath
from typing import Any

# ---------------------------------------------------------------------------
# terminal and CI log

#: Characters a terminal or a CI log would act on: control codes, odd line
#: breaks, bidirectional overrides, and lone surrogates (how Python holds the bytes
#: of a file name that are not UTF-8), which cannot be written as UTF-8 at all.
_UNPRINTABLE = re.compile(
    # controls, odd line breaks, lone surrogates, and the bidirectional overrides and
    # isolates that reorder what a terminal shows ("Trojan Source", CVE-2021-42574)
    r"[\x00-\x08\x0a-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]"
)

#: A line GitHub Actions runs as a workflow command: ``::`` first, after any
#: blank space (the runner trims it).
_COMMAND_LINE = re.compile(r"^([^\S\n]*):(?=:)", re.M)
#: The runner's older command form, ``##[name]``, is read anywhere in a line.
_OLD_COMMAND = "##["


def _shown(char: str) -> str:
    """One unprintable character as a visible escape: ``\\x1b``, ``\\u2028``.

    A surrogate that stands for a byte of a file name that is not UTF-8 is
    shown as that byte, ``\\xe9``.
    """
    code = ord(char)
    if 0xDC80 <= code <= 0xDCFF:
        return f"\\x{code - 0xDC00:02x}"
    if 0xD800 <= code <= 0xDFFF:
        return f"\\u{code:04x}"
    return repr(char)[1:-1]


def printable(text: str, *, multiline: bool = False) -> str:
    """``text`` safe to print on a terminal or into a CI log.

    Control characters (escape codes, carriage returns, odd line breaks) and
    the undecodable bytes of a file name are shown as escapes (``\\x1b``,
    ``\\xe9``), never sent raw; so are line breaks, unless ``multiline``. A
    ``::`` that would start a line (a GitHub Actions workflow command) is shown
    as ``\\x3a:``, and ``##[`` (the runner's older command form) as ``##\\x5b``:
    only ``check -f github`` sends commands. Escaping twice changes nothing.
    """
    kept = "\n" if multiline else ""
    text = _UNPRINTABLE.sub(lambda m: m.group() if m.group() == kept else _shown(m.group()), text)
    text = _COMMAND_LINE.sub(r"\1\\x3a", text)
    return text.replace(_OLD_COMMAND, "##\\x5b")


def printable_pieces(text: str) -> list[str]:
    """``printable(text)`` one piece a character of ``text``: ``"".join`` of the
    pieces is ``printable(text)``, and piece ``i`` is what character ``i`` shows as.

    For a caret that must stand under a character, or a line cut at a character.
    """
    pieces = [_shown(c) if _UNPRINTABLE.match(c) else c for c in text]
    shown = "".join(pieces)
    if ":" not in shown and "#" not in shown:
        return pieces
    owner: list[int] = []  # the character each character of ``shown`` belongs to
    for index, piece in enumerate(pieces):
        owner += [index] * len(piece)
    # an escape is written with a backslash, x, u and hex digits: ':', '#' and '['
    # in ``shown`` are the text's own characters, each a piece of its own
    for match in _COMMAND_LINE.finditer(shown):
        pieces[owner[match.end() - 1]] = "\\x3a"
    for match in re.finditer(re.escape(_OLD_COMMAND), shown):
        pieces[owner[match.end() - 1]] = "\\x5b"
    return pieces


def without_command_lines(text: str) -> str:
    """``text`` (already printable, many lines) with no line a CI runner would take
    for a workflow command: a ``::`` that begins a line after blank space, as
    wrapping a long line can leave it, is shown as ``\\x3a:``.
    """
    return _COMMAND_LINE.sub(r"\1\\x3a", text)


# ---------------------------------------------------------------------------
# GitHub Actions workflow commands, escaped as GitHub's toolkit does
# (actions/toolkit, packages/core/src/command.ts: escapeData, escapeProperty)


def github_data(text: str) -> str:
    """The message of a workflow command (after the second ``::``)."""
    return valid_unicode(text).replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def github_property(text: str) -> str:
    """A property value of a workflow command (``file=``, ``title=``)."""
    return github_data(text).replace(":", "%3A").replace(",", "%2C")


# ---------------------------------------------------------------------------
# JSON and SARIF

_SURROGATE = re.compile(r"[\ud800-\udfff]")


def valid_unicode(text: str) -> str:
    """``text`` that can be written as UTF-8.

    A byte of a file name that is not UTF-8 (held by Python as a lone
    surrogate) becomes a backslash escape of that byte, ``caf\\xe9.yaml``;
    everything else is kept as it is.
    """
    return _SURROGATE.sub(lambda m: _shown(m.group()), text)


def json_ready(value: Any) -> Any:
    """``value`` (dicts, lists, strings, numbers) with every string ``valid_unicode``."""
    if isinstance(value, str):
        return valid_unicode(value)
    if isinstance(value, dict):
        return {json_ready(k): json_ready(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [json_ready(v) for v in value]
    return value


def _raw_bytes(path: str) -> bytes:
    """The bytes of a file name as the file system holds them."""
    try:
        return os.fsencode(path)
    except UnicodeEncodeError:  # a surrogate that no file system gave us
        return valid_unicode(path).encode("utf-8")


def uri_reference(file: str) -> str:
    """A file name as an RFC 3986 URI reference, as SARIF wants it.

    A relative path stays relative (``a/file%20name.yaml``); an absolute one
    becomes a ``file://`` URI. Everything but letters, digits, ``-._~`` and the
    ``/`` between folders is percent-encoded: non-ASCII text from its UTF-8
    bytes, bytes that are not UTF-8 as they are (``caf%E9.yaml``), and a colon,
    so that ``::x.yaml`` cannot read as a scheme.
    """
    from urllib.parse import quote_from_bytes  # only SARIF needs it: spare the start-up

    path = PurePath(file)
    if path.is_absolute() and os.name == "nt":
        return Path(file).as_uri()
    encoded = quote_from_bytes(_raw_bytes(path.as_posix()), safe="/")
    return "file://" + encoded if path.is_absolute() else encoded


# ---------------------------------------------------------------------------
# Markdown (GitHub's), for text pasted into a pull request

#: Characters Markdown would read as markup inside a line (a table's cell included).
_MARKDOWN_MARKUP = re.compile(r"([\\`*_~\[\]<>|])")


def markdown_text(text: str) -> str:
    """``text`` shown as it is in a line of Markdown: on one line (its whitespace
    runs made one space), printable, with markup characters backslash-escaped and
    ``&`` written as ``&amp;`` (no HTML, link, emphasis or table cell can start)."""
    text = printable(" ".join(text.split()))
    return _MARKDOWN_MARKUP.sub(r"\\\1", text.replace("&", "&amp;"))
