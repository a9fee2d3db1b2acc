"""How the report stays short whatever the canvas holds.

A handout for executives that lists 200 segments, or prints an answer of a
hundred pages, serves nobody, and every page costs WeasyPrint time and memory.
So the report shows at most a fixed number of items of each kind in detail and
at most a fixed length of each text, and says in words what it left out and
where to find it ("… and 192 more segments: see the canvas file"; "Shortened
for this report: the full text, about 180,000 words, is in the canvas file").
The limits sit well above what a real canvas holds (the worked examples are
shown whole), and keep the largest canvas the loader accepts at about 38 pages
(``modelh.report.limits.MAX_PAGES`` is the safety net behind them).

Everything here takes time linear in the text it is given, and looks at no
more of a text than its limit (plus one character).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

from modelh.report.contract import More
from modelh.report.filters import paragraphs

T = TypeVar("T")

# ---------------------------------------------------------------------------
# The limits

#: Segments shown in detail (the canvas in full, the answers given per segment,
#: the value chain).
SHOWN_SEGMENTS = 5
#: Segments in the dimension mix's matrix (one line each: a dozen fit its page).
SHOWN_MIX_SEGMENTS = 12
#: Segments whose answers a question answered per segment lists (the answered
#: ones first).
SHOWN_SEGMENT_ANSWERS = 5
#: Value propositions and channels in the canvas in full; channels in the
#: channel x dimension matrix.
SHOWN_VALUE_PROPOSITIONS = 4
SHOWN_CHANNELS = 10
#: Items of the plain blocks (key partners, activities, resources, costs, revenue),
#: and their characters, shared fairly among the five: one block alone may show
#: them all.
SHOWN_BLOCK_ITEMS = 40
BLOCK_ITEMS_CHARS = 4_000
#: Active measures shown with their bars, shared fairly among the domains.
SHOWN_MEASURES = 12
#: Measures pending leadership listed, and retired measures named.
SHOWN_PENDING = 5
SHOWN_RETIRED = 5
#: Findings of modelh check on the gaps page, shared fairly among its sections.
SHOWN_FINDINGS = 40
#: Journeys drawn on the journey map; their touches drawn (and ranked in each
#: journey's priority list), shared fairly among them; the systems behind the
#: smiles listed beside the CX grid.
SHOWN_JOURNEYS = 3
SHOWN_TOUCHES = 12
SHOWN_SYSTEMS = 8
#: A journey that draws at most this many touches is kept on one page; a longer one
#: may break between its touches.
KEEP_TOUCHES = 6
#: Items of a small list: a segment's preferences, the motivation incentives.
SHOWN_LIST_ITEMS = 5
#: Names in a list of names (the consultants, the segments a dimension serves,
#: its channels and measures, whom a proposition is for), and their characters
#: in all; the items of a small list (preferences, incentives) likewise.
SHOWN_NAMES = 5
NAMES_CHARS = 180
PREFERENCES_CHARS = 220
INCENTIVES_CHARS = 280

#: Characters shown of a name (of a segment, channel, measure, the title...);
#: a longer one ends in "…".
NAME_CHARS = 80
#: Characters shown of the title on the cover (about five lines of its type); the
#: organization, whom the report is for and the confidentiality line there are
#: shortened like a name, a short text and a longer text.
TITLE_CHARS = 120
#: Characters shown of a touch's channel in its card on the journey map.
LANE_CHARS = 40
#: Characters shown of a short text (a block item, a preference, an incentive) and
#: of a description (of a segment, proposition, channel;
#: a dimension's approach, message, support, reason).
SHORT_CHARS = 120
#: Characters shown of a longer text (a finding's message, among others).
TEXT_CHARS = 240
DIMENSION_CHARS = 150
#: Characters shown of an answer to one of the eight questions, and of an answer
#: given for one segment.
ANSWER_CHARS = 400
SEGMENT_ANSWER_CHARS = 125
#: The canvas page measures at most this many items of a block, each cut to at most
#: this many characters, and this many characters in all: more than the largest
#: block (on A3) can show, so what it shows is the same, and measuring takes
#: bounded time.
CANVAS_ITEMS = 40
CANVAS_ITEM_CHARS = 4_000
CANVAS_BLOCK_CHARS = 8_000
#: A part of the report (a block, a question, a dimension) that shows at most this
#: many characters is kept on one page; a longer one may break across pages, so
#: that a long report leaves no half pages empty. Each text counts PIECE_CHARS more.
KEEP_CHARS = 700
PIECE_CHARS = 20
#: What follows a shortened text shown in a table or a card.
SHORTENED = "(full text in the canvas file)"
#: A paragraph or list item costs at least one line of this many characters,
#: so that a text of many one-word lines is bounded like a long one.
LINE_CHARS = 80


# ---------------------------------------------------------------------------
# Texts


def cut_at_word(text: str, limit: int) -> str:
    """``text`` cut to at most ``limit`` characters, at a space where there is one
    in the last third, with "…" after it."""
    cut = text[:limit]
    space = max(cut.rfind(" "), cut.rfind("\n"))
    if space > limit * 2 // 3:
        cut = cut[:space]
    return cut.rstrip(" \t\r\n,;:.-–—") + "…"


def _as_text(blocks: Sequence[dict[str, Any]]) -> str:
    """Paragraphs written back as text that ``paragraphs`` reads the same way."""
    parts = []
    for block in blocks:
        if block["kind"] == "ul":
            parts.append("\n".join("- " + item for item in block["items"]))
        else:
            parts.append(block["text"])
    return "\n\n".join(parts)


def _within(text: str, limit: int) -> list[dict[str, Any]] | None:
    """None when ``text`` fits ``limit``; else the paragraphs that do, the last one
    ending in "…" (cut at a word when it does not fit whole)."""
    body = text.strip()
    budget = limit
    kept: list[tuple[str, list[str]]] = []
    for block in paragraphs(body[: limit + 1]):
        shown: list[str] = []
        kept.append((block["kind"], shown))
        for piece in block["items"] if block["kind"] == "ul" else [block["text"]]:
            cost = max(len(piece), LINE_CHARS)
            if cost <= budget:
                budget -= cost
                shown.append(piece)
                continue
            if budget >= LINE_CHARS // 2:
                shown.append(cut_at_word(piece, budget))
            else:
                _end(kept, lambda last: last.rstrip(" \t,;:.-") + " …")
            return _asparagraphs(kept)
    if len(body) <= limit:
        return None
    _end(kept, lambda last: cut_at_word(last, len(last)))  # it may end inside a word
    return _asparagraphs(kept)


def _end(kept: list[tuple[str, list[str]]], change: Any) -> None:
    """Apply ``change`` to the last piece of text kept."""
    for _, pieces in reversed(kept):
        if pieces:
            pieces[-1] = change(pieces[-1])
            return


def _asparagraphs(kept: list[tuple[str, list[str]]]) -> list[dict[str, Any]]:
    return [
        {"kind": "ul", "items": pieces} if kind == "ul" else {"kind": "p", "text": pieces[0]}
        for kind, pieces in kept
        if pieces
    ]


def word_count(text: str) -> str:
    """ "about 12,000 words", "45 words": how long a text is, in words."""
    words = len(text.split())
    if words < 1_000:
        return f"{words:,} word{'s' if words != 1 else ''}"
    return f"about {round(words, -3 if words < 100_000 else -4):,} words"


@dataclass(frozen=True)
class Shortener:
    """Shortens the texts and lists of one canvas's report; ``file`` is the canvas
    file's name, as the marks name it."""

    file: str

    @property
    def where(self) -> str:
        return f"the canvas file {self.file}" if self.file else "the canvas file"

    def name(self, text: str | None) -> str:
        """A name or a one-line text: at most NAME_CHARS, cut with "…"."""
        return self.line(text, NAME_CHARS)

    def line(self, text: str | None, limit: int) -> str:
        """A text shown as one run (a name, a finding): at most ``limit`` characters,
        cut at a word with "…"."""
        if not text or len(text) <= limit:
            return text or ""
        return cut_at_word(" ".join(text[: limit * 4].split()), limit)

    def note(self, text: str) -> str:
        return f"Shortened for this report: the full text, {word_count(text)}, is in {self.where}."

    def text(self, text: str | None, limit: int = TEXT_CHARS) -> str:
        """A text as written when it fits ``limit``; else its first paragraphs, cut
        at a word with "…" and followed by SHORTENED."""
        if not text:
            return text or ""
        kept = _within(text, limit)
        if kept is None:
            return text
        return f"{_as_text(kept)} {SHORTENED}".lstrip()

    def paragraphs(
        self, text: str | None, limit: int = ANSWER_CHARS, *, note: bool = True
    ) -> list[dict[str, Any]]:
        """``paragraphs(text)`` when it fits ``limit``; else the paragraphs that fit,
        the last one cut at a word with "…", then a paragraph of kind ``note`` that
        says how long the full text is and where it is (or, without ``note``, the
        last paragraph followed by SHORTENED)."""
        if not text:
            return []
        kept = _within(text, limit)
        if kept is None:
            return paragraphs(text)
        if note:
            return [*kept, {"kind": "note", "text": self.note(text)}]
        return paragraphs(f"{_as_text(kept)} {SHORTENED}")

    def more(self, hidden: int, noun: str, plural: str | None = None) -> More | None:
        """What a list left out: none, or ``hidden`` and a label such as
        "… and 192 more segments: see the canvas file"."""
        if hidden <= 0:
            return None
        word = noun if hidden == 1 else plural or noun + "s"
        return {"hidden": hidden, "label": f"… and {hidden:,} more {word}: see the canvas file"}

    def names(self, names: Sequence[str]) -> list[str]:
        """A list of names as a report shows it (see ``listed``), the last one
        "and N more" when any was left out."""
        shown = self.listed(names, SHOWN_NAMES, NAMES_CHARS, NAME_CHARS)
        if len(names) > len(shown):
            shown.append(f"and {len(names) - len(shown):,} more")
        return shown

    def texts(self, texts: Sequence[str], noun: str, chars: int, each: int) -> list[str]:
        """A small list of texts (preferences, incentives) as a report shows it (see
        ``listed``), the last one "… and N more preferences: see the canvas file"
        when any was left out."""
        shown = self.listed(texts, SHOWN_LIST_ITEMS, chars, each)
        more = self.more(len(texts) - len(shown), noun)
        return [*shown, more["label"]] if more else shown

    def listed(self, texts: Sequence[str], items: int, chars: int, each: int) -> list[str]:
        """The first of ``texts``: at most ``items`` of them, each shortened to
        ``each`` characters, and ``chars`` characters in all (the first one always,
        shortened to fit)."""
        shown: list[str] = []
        left = chars
        for text in texts[:items]:
            text = self.line(text, min(each, left) if not shown else each)
            if len(text) > left:
                break
            shown.append(text)
            left -= len(text)
        return shown

    def items(
        self, items: Sequence[T], limit: int, noun: str, plural: str | None = None
    ) -> tuple[Sequence[T], More | None]:
        """The first ``limit`` items, and what was left out (see ``more``)."""
        return items[:limit], self.more(len(items) - limit, noun, plural)


def size(*values: Any) -> int:
    """About how many characters ``values`` show (texts, and lists and mappings of
    them, as the context holds them), each text counting at least a few."""
    total = 0
    stack = list(values)
    while stack:
        value = stack.pop()
        if isinstance(value, str):
            total += len(value) + PIECE_CHARS
        elif isinstance(value, dict):
            stack.extend(value.values())
        elif isinstance(value, (list, tuple)):
            stack.extend(value)
    return total


def keep(*values: Any) -> bool:
    """Whether a part of the report showing ``values`` is short enough to be kept on
    one page (see KEEP_CHARS)."""
    return size(*values) <= KEEP_CHARS


def share(
    groups: Sequence[Sequence[T]],
    limit: int,
    chars: int | None = None,
    cost: Callable[[T], int] | None = None,
) -> list[int]:
    """How many of each group to show: at most ``limit`` in all, and at most ``chars``
    characters (``cost`` of each item shown) when given. Taken one of each group in
    turn, so that every group shows some while there is room."""
    counts = [0] * len(groups)
    left, room = limit, chars
    open_ = [bool(g) for g in groups]
    while left > 0 and any(open_):
        for i, group in enumerate(groups):
            if not open_[i] or left <= 0:
                continue
            if counts[i] >= len(group):
                open_[i] = False
                continue
            if room is not None and cost is not None:
                need = cost(group[counts[i]])
                if need > room and any(counts):
                    open_[i] = False
                    continue
                room -= need
            counts[i] += 1
            left -= 1
    return counts


__all__ = [
    "ANSWER_CHARS",
    "BLOCK_ITEMS_CHARS",
    "CANVAS_BLOCK_CHARS",
    "CANVAS_ITEMS",
    "CANVAS_ITEM_CHARS",
    "DIMENSION_CHARS",
    "INCENTIVES_CHARS",
    "KEEP_CHARS",
    "KEEP_TOUCHES",
    "LANE_CHARS",
    "LINE_CHARS",
    "NAMES_CHARS",
    "NAME_CHARS",
    "PREFERENCES_CHARS",
    "SEGMENT_ANSWER_CHARS",
    "SHORT_CHARS",
    "SHOWN_BLOCK_ITEMS",
    "SHOWN_CHANNELS",
    "SHOWN_FINDINGS",
    "SHOWN_JOURNEYS",
    "SHOWN_LIST_ITEMS",
    "SHOWN_MEASURES",
    "SHOWN_NAMES",
    "SHOWN_PENDING",
    "SHOWN_RETIRED",
    "SHOWN_SEGMENTS",
    "SHOWN_SEGMENT_ANSWERS",
    "SHOWN_SYSTEMS",
    "SHOWN_TOUCHES",
    "SHOWN_VALUE_PROPOSITIONS",
    "TEXT_CHARS",
    "Shortener",
    "cut_at_word",
    "keep",
    "share",
    "size",
    "word_count",
]
