"""Texts compared word by word, and items matched by how alike their texts are.

Both use ``difflib`` on words. Whitespace is not a change: a paragraph wrapped
anew reads the same. The comparisons are bounded: texts longer than
``MAX_WORDS`` words are compared as one replacement, and at most
``MAX_PAIRS`` pairs of items are scored for similarity, so a huge or hostile
canvas costs little more than a small one.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from difflib import SequenceMatcher
from typing import Generic, NamedTuple, TypeVar

#: Texts longer than this (in words, either side) are shown as one replacement.
MAX_WORDS = 3000
#: The most pairs of unmatched items scored for similarity in one list.
MAX_PAIRS = 10_000
#: How alike two texts must be (difflib's ratio on words) to count as one item reworded.
SIMILAR = 0.5

T = TypeVar("T")


class Piece(NamedTuple):
    """A run of words: kept (``=``), removed (``-``) or added (``+``)."""

    op: str
    text: str


def words(text: str | None) -> list[str]:
    return (text or "").split()


def same_text(a: str | None, b: str | None) -> bool:
    """Whether two texts hold the same words (whitespace and line wrapping aside)."""
    return words(a) == words(b)


def word_diff(old: str | None, new: str | None) -> tuple[Piece, ...]:
    """The word-level difference from ``old`` to ``new``: kept, removed, added runs."""
    a, b = words(old), words(new)
    if len(a) > MAX_WORDS or len(b) > MAX_WORDS:
        return _pieces([("-", a), ("+", b)])
    runs: list[tuple[str, list[str]]] = []
    matcher = SequenceMatcher(None, a, b, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            runs.append(("=", a[i1:i2]))
        else:
            runs.append(("-", a[i1:i2]))
            runs.append(("+", b[j1:j2]))
    return _pieces(runs)


def _pieces(runs: list[tuple[str, list[str]]]) -> tuple[Piece, ...]:
    out: list[Piece] = []
    for op, run in runs:
        if not run:
            continue
        text = " ".join(run)
        if out and out[-1].op == op:
            out[-1] = Piece(op, out[-1].text + " " + text)
        else:
            out.append(Piece(op, text))
    return tuple(out)


def similarity(a: str | None, b: str | None) -> float:
    """How alike two texts are, 0 to 1 (difflib's ratio on lower-cased words)."""
    x = [w.lower() for w in words(a)][:MAX_WORDS]
    y = [w.lower() for w in words(b)][:MAX_WORDS]
    if not x and not y:
        return 1.0
    matcher = SequenceMatcher(None, x, y, autojunk=False)
    if matcher.real_quick_ratio() < SIMILAR or matcher.quick_ratio() < SIMILAR:
        return 0.0
    return matcher.ratio()


class Match(NamedTuple, Generic[T]):
    """Two items taken for the same one: ``how`` is ``id``, ``text`` or ``similar``."""

    old: T
    new: T
    how: str
    ratio: float


def match_items(
    old: Sequence[T],
    new: Sequence[T],
    *,
    key: Callable[[T], str | None],
    text: Callable[[T], str | None],
) -> tuple[list[Match[T]], list[T], list[T]]:
    """Pair the items of two versions of a list: matched, removed, added.

    Items are matched by ``key`` (an id) when both have one; the rest by the
    same words, then by similarity (at least ``SIMILAR``), the most alike pairs
    first; two items with different ids are never taken for one. Order does
    not matter: a list reordered is unchanged.
    """
    matches: list[Match[T]] = []
    new_by_key: dict[str, T] = {}
    for item in new:
        k = key(item)
        if k is not None:
            new_by_key.setdefault(k, item)
    taken: set[int] = set()  # ids of the new items matched
    rest_old: list[T] = []
    for item in old:
        k = key(item)
        partner = new_by_key.get(k) if k is not None else None
        if partner is not None and id(partner) not in taken:
            taken.add(id(partner))
            matches.append(Match(item, partner, "id", 1.0))
        else:
            rest_old.append(item)
    rest_new = [item for item in new if id(item) not in taken]

    def may_pair(a: T, b: T) -> bool:  # two items with different ids are two items
        return key(a) is None or key(b) is None

    # the same words
    by_words: dict[tuple[str, ...], list[T]] = {}
    for item in rest_new:
        by_words.setdefault(tuple(words(text(item))), []).append(item)
    still_old: list[T] = []
    for item in rest_old:
        same = by_words.get(tuple(words(text(item))), [])
        partner = next((b for b in same if may_pair(item, b)), None)
        if partner is not None:
            same.remove(partner)
            taken.add(id(partner))
            matches.append(Match(item, partner, "text", 1.0))
        else:
            still_old.append(item)
    still_new = [item for item in rest_new if id(item) not in taken]
    # similar words, the most alike first
    scored: list[tuple[float, int, int]] = []
    if still_old and still_new and len(still_old) * len(still_new) <= MAX_PAIRS:
        for i, a in enumerate(still_old):
            for j, b in enumerate(still_new):
                if not may_pair(a, b):
                    continue
                ratio = similarity(text(a), text(b))
                if ratio >= SIMILAR:
                    scored.append((ratio, i, j))
    scored.sort(key=lambda s: (-s[0], s[1], s[2]))
    used_old: set[int] = set()
    used_new: set[int] = set()
    for ratio, i, j in scored:
        if i in used_old or j in used_new:
            continue
        used_old.add(i)
        used_new.add(j)
        matches.append(Match(still_old[i], still_new[j], "similar", round(ratio, 2)))
    removed = [a for i, a in enumerate(still_old) if i not in used_old]
    added = [b for j, b in enumerate(still_new) if j not in used_new]
    return matches, removed, added
