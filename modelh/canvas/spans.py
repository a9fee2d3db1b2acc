"""Where each value and key of a canvas is: its ``Span`` (line and column, from
and to), found by key path in a ``SpanIndex`` built from the loader's nodes.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:  # spans need no PyYAML until one is asked for
    import yaml

    from modelh.canvas.yamlnodes import Mark


class Span(NamedTuple):
    """A place in a file: 1-based line and column, end exclusive."""

    line: int
    column: int
    end_line: int
    end_column: int


NO_SPAN = Span(1, 1, 1, 1)


class SpanIndex(Mapping[str, Span]):
    """Spans by key path, worked out from the parser's marks only when asked for.

    Loading records where every value and key is; most runs (a validation that
    passes) never look, so the spans are not built up front.
    """

    __slots__ = ("_marked", "_remap", "_spans")

    def __init__(
        self,
        marked: Mapping[str, yaml.Node],
        remap: Callable[[Mark], tuple[int, int]] | None = None,
    ) -> None:
        self._marked = marked  # path -> the node (of a value or a key)
        self._remap = remap  # mark -> (line, column), where the parser counts lines oddly
        self._spans: dict[str, Span] = {}

    def __getitem__(self, path: str) -> Span:
        span = self._spans.get(path)
        if span is None:
            node = self._marked[path]
            s, e = node.start_mark, node.end_mark
            if self._remap is not None:
                span = Span(*self._remap(s), *self._remap(e))
            else:
                span = Span(s.line + 1, s.column + 1, e.line + 1, e.column + 1)
            self._spans[path] = span
        return span

    def is_collection(self, path: str) -> bool:
        """Whether the value at ``path`` is a mapping or a list (not a scalar)."""
        return isinstance(getattr(self._marked.get(path), "value", None), list)

    def scalar_ranges(self) -> list[tuple[int, int]]:
        """Where the text values are: (start, end) character offsets into the source."""
        return [
            (node.start_mark.index, node.end_mark.index)
            for node in self._marked.values()
            if isinstance(getattr(node, "value", None), str) and node.value
        ]

    def plain_values(self) -> Iterator[tuple[str, int, int]]:
        """Where each text value written without quotes or a block is: (path, start,
        end), character offsets into the source."""
        for path, node in self._marked.items():
            if isinstance(getattr(node, "value", None), str) and not getattr(node, "style", None):
                yield path, node.start_mark.index, node.end_mark.index

    def is_blank(self, path: str) -> bool:
        """Whether the value at ``path`` is written but empty (``key:`` with nothing after)."""
        from modelh.canvas.yamlnodes import NULLS

        node = self._marked.get(path)
        value = getattr(node, "value", None)
        return isinstance(value, str) and not getattr(node, "style", None) and value in NULLS

    def __contains__(self, path: object) -> bool:
        return path in self._marked

    def __iter__(self) -> Iterator[str]:
        return iter(self._marked)

    def __len__(self) -> int:
        return len(self._marked)
