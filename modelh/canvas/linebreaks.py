"""What a line break is, once, for every place that counts lines or splices them.

A line ends at LF, CRLF or a bare CR: the three ends editors show as a new
line, and the three a canvas may use (one of them, or a mix, in one file).
Positions in messages, the lines ``# modelh: disable`` comments cover, and the
lines an edit rewrites are all counted with these three and nothing else.

YAML (and PyYAML) also counts NEL (U+0085), LINE SEPARATOR (U+2028) and
PARAGRAPH SEPARATOR (U+2029) as line breaks, which editors show inside a line;
Python's ``str.splitlines`` counts those and a few more (form feed, vertical
tab). Such an "odd" break is allowed only inside quoted text, where it is
content; the loader reports one anywhere else (``odd_breaks_outside``).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Iterator

#: The line ends editors show: CRLF first, so that it counts as one.
BREAK = re.compile(r"\r\n|\r|\n")
#: Characters YAML counts as line breaks that editors do not.
ODD_BREAKS = ("\x85", "\u2028", "\u2029")
_ODD = re.compile("[\x85\u2028\u2029]")
_NAMES = {"\x85": "NEXT LINE", "\u2028": "LINE SEPARATOR", "\u2029": "PARAGRAPH SEPARATOR"}


def has_odd_breaks(text: str) -> bool:
    """Whether ``text`` holds a character YAML takes for a line break and editors do not."""
    return any(c in text for c in ODD_BREAKS)


def odd_break_name(char: str) -> str:
    """``U+2028 (LINE SEPARATOR)`` for an odd break."""
    return f"U+{ord(char):04X} ({_NAMES.get(char, 'line break')})"


def split_lines(text: str, keepends: bool = False) -> list[str]:
    """The lines of ``text`` as editors show them (``str.splitlines`` splits more)."""
    lines = []
    start = 0
    for match in BREAK.finditer(text):
        lines.append(text[start : match.end() if keepends else match.start()])
        start = match.end()
    if start < len(text):
        lines.append(text[start:])
    return lines


def line_start(text: str, index: int) -> int:
    """The index where the line holding ``index`` starts."""
    if 0 < index < len(text) and text[index] == "\n" and text[index - 1] == "\r":
        index -= 1  # inside a CRLF: the line that CRLF ends
    return max(text.rfind("\n", 0, index), text.rfind("\r", 0, index)) + 1


def line_end(text: str, index: int) -> int:
    """The index just past the line holding ``index``, its line break included."""
    if 0 < index < len(text) and text[index] == "\n" and text[index - 1] == "\r":
        return index + 1
    match = BREAK.search(text, index)
    return match.end() if match else len(text)


def break_at(text: str, index: int) -> str:
    """The line break that ends the line holding ``index`` ("" on a last line without one)."""
    end = line_end(text, index)
    if end >= 2 and text[end - 2 : end] == "\r\n":
        return "\r\n"
    return text[end - 1] if end and text[end - 1] in "\r\n" else ""


def ends_with_break(text: str) -> bool:
    return text.endswith(("\n", "\r"))


def is_break(char: str) -> bool:
    """Whether ``char`` (one character) is, or ends, a line break."""
    return char in ("\n", "\r")


def styles(text: str) -> set[str]:
    """The line ends ``text`` uses: some of ``"\\n"``, ``"\\r\\n"``, ``"\\r"``."""
    return {m.group() for m in BREAK.finditer(text)}


def line_col(text: str, index: int) -> tuple[int, int]:
    """1-based line and column of ``index`` in ``text``, as editors count them."""
    start = line_start(text, index)
    line = text.count("\n", 0, start) + text.count("\r", 0, start) - text.count("\r\n", 0, start)
    return line + 1, index - start + 1


class Lines:
    """Line and column of many indexes in one text, each found in log time."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.starts = [0, *(m.end() for m in BREAK.finditer(text))]

    def __call__(self, index: int) -> tuple[int, int]:
        probe = index
        if 0 < index < len(self.text) and self.text[index - 1 : index + 1] == "\r\n":
            probe -= 1  # inside a CRLF: the line that CRLF ends
        line = bisect.bisect_right(self.starts, probe)
        return line, index - self.starts[line - 1] + 1


def odd_breaks_outside(text: str, quoted: Iterable[tuple[int, int]]) -> Iterator[int]:
    """Indexes of odd breaks in ``text`` outside the ``quoted`` ranges (start, end)."""
    ranges = sorted(quoted)
    starts = [start for start, _ in ranges]
    for match in _ODD.finditer(text):
        at = match.start()
        i = bisect.bisect_right(starts, at) - 1
        if i >= 0 and ranges[i][0] <= at < ranges[i][1]:
            continue
        yield at
