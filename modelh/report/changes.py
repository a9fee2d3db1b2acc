"""The "What changed" page of ``render --since REV``: the diff ``modelh diff`` makes,
as the report's context (``modelh.history``)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from modelh.report import shorten as short
from modelh.report.contract_gaps import ChangeLine, ChangesContext

if TYPE_CHECKING:
    from modelh.history.records import CanvasDiff
    from modelh.report.shorten import Shortener

#: Lines of changes shown (headings, entries and their details); the rest are counted.
SHOWN_CHANGE_LINES = 120
#: Characters shown of one run of text in a change (a reworded answer's words).
CHANGE_SPAN_CHARS = 600


def _shown(text: str) -> str:
    return text if len(text) <= CHANGE_SPAN_CHARS else short.cut_at_word(text, CHANGE_SPAN_CHARS)


def changes_context(diff: CanvasDiff, since: str, short_: Shortener) -> ChangesContext:
    """What changed since ``since``, as the report shows it."""
    from modelh.history.output import diff_outline

    rows, lines = diff_outline(diff)
    shown: list[ChangeLine] = [
        {
            "level": line.level,
            "spans": [{"text": _shown(span.text), "kind": span.kind} for span in line.spans],
        }
        for line in lines[:SHOWN_CHANGE_LINES]
    ]
    return {
        "since": since,
        "count": diff.count(),
        "rows": [
            {"label": label, "before": before, "after": after} for label, before, after in rows
        ],
        "lines": shown,
        "more": short_.more(len(lines) - len(shown), "line of changes", "lines of changes"),
    }
