"""What the Markdown report is written with: every canvas text escaped for Markdown
(``inline``, ``cell``), tables, paragraphs and the "… and N more" lines."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import Any

from modelh.report.contract import More

#: ASCII punctuation that means something to Markdown wherever it stands (CommonMark,
#: and GitHub's tables, strikethrough and math): escaped with a backslash. Links and
#: images need a ``[``, HTML a ``<``, an entity a ``&``: none of them is left.
_SPECIAL = re.compile(r"([\\`*_\[\]<>|~&$])")
#: What GitHub turns into a link by itself (``https://...``, ``www.``...).
_AUTOLINK = re.compile(r"(?<=[A-Za-z])(:)(?=//)|(?<=\bwww)(\.)", re.I)
#: What reads as a list, heading or rule at the start of a line.
_LINE_START = re.compile(r"^(\d+)([.)])(?=\s|$)|^([-+=#])")


def inline(text: str | None) -> str:
    """``text`` as one line of Markdown that shows exactly the text: every special
    character escaped, line breaks as spaces."""
    if not text:
        return ""
    text = " ".join(text.split())
    text = _SPECIAL.sub(r"\\\1", text)
    text = _AUTOLINK.sub(lambda m: "\\" + (m[1] or m[2]), text)
    return _LINE_START.sub(lambda m: f"{m[1]}\\{m[2]}" if m[1] else f"\\{m[3]}", text)


def cell(text: str | None) -> str:
    """A table cell (``inline`` escapes its pipes), "–" when empty."""
    return inline(text) or "–"


def table(header: Sequence[str], rows: Iterable[Sequence[str]]) -> list[str]:
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return [*lines, ""]


def paragraph_lines(blocks: Sequence[dict[str, Any]]) -> list[str]:
    """Paragraphs of the context (``p``, ``ul``, ``note``) as Markdown blocks."""
    out: list[str] = []
    for block in blocks:
        if block["kind"] == "ul":
            out += [f"- {inline(item)}" for item in block["items"]]
        elif block["kind"] == "note":
            out.append(f"*{inline(block['text'])}*")
        else:
            out.append(inline(block["text"]))
        out.append("")
    return out


def more_lines(more: More | None) -> list[str]:
    return [f"*{inline(more['label'])}*", ""] if more else []


def names_text(names: Sequence[str]) -> str:
    return ", ".join(inline(n) for n in names) or "–"
