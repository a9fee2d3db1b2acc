"""Answers from a file (``modelh interview --answers``): a partial canvas applied
without asking, with the same checks as the interview, written once or not at all."""

from __future__ import annotations

import dataclasses
import re
from typing import Any

import yaml

from modelh import framework as fw
from modelh.canvas.editing import Append, CanvasFile, Edit, apply_edits
from modelh.canvas.loader import parse_canvas
from modelh.canvas.model import Canvas
from modelh.errors import CanvasError, ModelhError, Problem
from modelh.interview.numbers import parse_number
from modelh.interview.steps import strongest
from modelh.interview.walk import Change, Outcome


def _spellings(word: str) -> tuple[str, ...]:
    return (word, word.capitalize(), word.upper())


_NUMBER_KEYS = frozenset({"baseline", "current", "target"})
_ITEM_LISTS = frozenset(
    {"segments", "value_propositions", "channels", "measures", "journeys", "touches", "systems"}
)
#: Lists whose items may come without ids: such a list is replaced whole.
_WHOLE_WITHOUT_IDS = frozenset({"touches"})
#: How a headline's true or false may be written (as the loader reads them).
_BOOLEANS = {word: value for value in (True, False) for word in _spellings(str(value).lower())}


def answers_from_file(file: CanvasFile, answers_path: str) -> Outcome:
    """Apply a partial canvas (the canvas's own keys) to ``file``, non-interactively.

    Everything the interview asks can be given: segments, value propositions,
    channels, measures, journeys, their touches and the systems behind the
    smiles (items with an id are matched to the canvas's by id, their keys set,
    or added when new; a journey's touches given without ids replace its list
    whole), answers (one text, or one per segment), a dimension's mix (which
    replaces a list of segments, and sets ``use`` to its highest degree when the
    file gives no ``use``), bone-deep CX's capabilities office by office, and the
    other blocks (lists without ids, replaced whole). Empty values are skipped.
    The same checks as the interview apply (at most five headline measures); the
    file is written once, and only when every value is accepted; applying the
    same file again changes nothing.
    """
    from modelh.canvas.guard import ANSWERS, describe, load_yaml
    from modelh.canvas.yamlnodes import plain

    try:  # the guards every YAML file goes through: size, nesting, aliases, tags, keys
        root = load_yaml(answers_path, ANSWERS)
    except CanvasError as exc:
        raise ModelhError(describe(exc)) from None
    if root is None:
        raise ModelhError(f"{answers_path}: the answers file is empty")
    if not isinstance(root, yaml.MappingNode):
        raise ModelhError(
            f"{answers_path}: the answers file must be a mapping of the "
            "canvas's keys, like customer_relationships: {answers: {cost: ...}}"
        )
    partial = plain(root)
    canvas = file.canvas()
    edits: list[Edit | Append] = []
    try:
        _edits_for(partial, (), canvas, edits)
    except ValueError as exc:
        raise ModelhError(f"{answers_path}: {exc}") from None
    edits = file.pending(edits)  # a value the canvas holds already is no change
    if not edits:
        return Outcome(completed=True)
    try:
        new_text = apply_edits(file.text, edits, str(file.path))
        _check_headlines(canvas, parse_canvas(new_text, str(file.path)))
    except CanvasError as exc:  # told where the answers file says it
        placed = [_in_answers(root, answers_path, problem) for problem in exc.problems]
        raise CanvasError(answers_path, placed) from None
    if new_text != file.text:
        file.save(new_text)
    outcome = Outcome(completed=True)
    for edit in edits:
        if isinstance(edit, Edit):
            outcome.changes.append(Change(edit.path, None, edit.value))
        else:
            outcome.changes.append(
                Change((*edit.path, f"[{edit.item.get('id')}]"), None, dict(edit.item))
            )
    return outcome


_STEP = re.compile(r"\[([^\]]*)\]|([^.\[\]]+)")


def _in_answers(root: yaml.Node, answers_path: str, problem: Problem) -> Problem:
    """``problem`` (found in the canvas the answers would give) placed in the answers
    file: at the value its path names there, else at the deepest part of it there."""
    node = root
    for match in _STEP.finditer(problem.path):
        ident, key = match.groups()
        found: yaml.Node | None = None
        if key is not None and isinstance(node, yaml.MappingNode):
            found = next((v for k, v in node.value if k.value == key), None)
        elif ident is not None and isinstance(node, yaml.SequenceNode):
            for item in node.value:
                if isinstance(item, yaml.MappingNode) and any(
                    k.value == "id" and getattr(v, "value", None) == ident for k, v in item.value
                ):
                    found = item
        if found is None:
            break
        node = found
    start, end = node.start_mark, node.end_mark
    return dataclasses.replace(
        problem,
        file=answers_path,
        line=start.line + 1,
        column=start.column + 1,
        end_line=end.line + 1,
        end_column=end.column + 1,
    )


def _check_headlines(before: Canvas, after: Canvas) -> None:
    """Refuse (``CanvasError``) answers that give the executive summary more headline
    measures than it shows (a canvas that had more already is not made to lose any)."""
    chosen = [m.id for m in after.measures if m.headline]
    had = sum(1 for m in before.measures if m.headline)
    if len(chosen) <= max(fw.MAX_HEADLINES, had):
        return
    message = (
        f"the executive summary shows at most {fw.MAX_HEADLINES} headline measures, and "
        f"these answers would make {len(chosen)}: {', '.join(chosen)}"
    )
    path = "customer_relationships.measures"
    line, column = after.place(path)[1][:2]
    raise CanvasError(
        after.file, [Problem(after.file, line, column, line, column, "value", path, message)]
    )


def _number(key: str, value: Any) -> Any:
    if key == "headline" and isinstance(value, str):
        return _BOOLEANS.get(value, value)  # anything else: the canvas's check names it
    if key in _NUMBER_KEYS and isinstance(value, str):
        try:
            return parse_number(value, thousands=False)
        except ValueError:
            return value  # the canvas's own check reports it, with its hint
    return value


def _edits_for(
    partial: Any, path: tuple[str, ...], canvas: Canvas, edits: list[Edit | Append]
) -> None:
    if not isinstance(partial, dict):
        edits.append(Edit(path, _number(path[-1], partial) if path else partial))
        return
    for key, value in partial.items():
        here = (*path, key)
        if value is None or value in ("", [], {}):
            continue  # an empty value means "not answered": it never erases an answer
        if (
            key in _ITEM_LISTS
            and isinstance(value, list)
            and all(isinstance(i, dict) for i in value)
        ):
            if key in _WHOLE_WITHOUT_IDS and any(item.get("id") is None for item in value):
                edits.append(Edit(here, [_typed_item(item) for item in value]))
                continue
            existing = _existing_ids(canvas, here)
            for number, item in enumerate(value):
                ident = item.get("id")
                if ident is not None and not isinstance(ident, str):
                    where = ".".join(here)
                    raise ValueError(f"{where}[{number}].id: an id must be a text, like ma-members")
                if ident in existing:
                    rest = {k: v for k, v in item.items() if k != "id"}
                    _edits_for(rest, (*here, f"[{ident}]"), canvas, edits)
                else:
                    edits.append(Append(here, _typed_item(item)))
            continue
        if (
            isinstance(value, dict)
            and path[-1:] != ("answers",)
            and not _mix_over_list(canvas, here)
        ):
            _edits_for(value, here, canvas, edits)  # set its keys one by one
            if _is_dimension(here) and isinstance(value.get("segments"), dict):
                _use_of_mix(value, here, canvas, edits)
            continue
        edits.append(Edit(here, _number(key, value)))  # an answer per segment goes whole


def _typed_item(item: dict[str, Any]) -> dict[str, Any]:
    """A new list item as the canvas will hold it: its empty values left out."""
    return {k: _number(k, v) for k, v in item.items() if v not in (None, "")}


def _is_dimension(path: tuple[str, ...]) -> bool:
    return len(path) == 3 and path[:2] == ("customer_relationships", "dimensions")


def _use_of_mix(
    dimension: dict[str, Any], path: tuple[str, ...], canvas: Canvas, edits: list[Edit | Append]
) -> None:
    """A mix given without ``use`` sets ``use`` to the mix's highest degree (the format's
    reading rule), the degrees the canvas holds merged with the file's."""
    if dimension.get("use") not in (None, ""):
        return
    held = canvas.dimensions.get(path[2])
    mix = {**(held.mix if held is not None else {}), **dimension["segments"]}
    use = strongest([str(d) for d in mix.values()])
    if use is not None:
        edits.append(Edit((*path, "use"), use))


def _mix_over_list(canvas: Canvas, path: tuple[str, ...]) -> bool:
    """Whether ``path`` is a dimension's segments that the canvas holds as a list (or
    not at all): a mix written there replaces it whole, as the format says."""
    if len(path) != 4 or path[:2] != ("customer_relationships", "dimensions"):
        return False
    if path[3] != "segments":
        return False
    dim = canvas.dimensions.get(path[2])
    return dim is None or not dim.mix


def _existing_ids(canvas: Canvas, path: tuple[str, ...]) -> set[str]:
    if path == ("segments",):
        return {s.id for s in canvas.segments}
    if path == ("channels",):
        return {c.id for c in canvas.channels}
    if path == ("value_propositions",):
        return {v.id for v in canvas.value_propositions}
    if path == ("customer_relationships", "measures"):
        return {m.id for m in canvas.measures}
    if path == ("journeys",):
        return {j.id for j in canvas.journeys}
    if len(path) == 3 and path[0] == "journeys" and path[2] == "touches":
        journey = canvas.journey(path[1][1:-1])
        return {t.id for t in journey.touches if t.id} if journey is not None else set()
    if path == ("cx", "systems"):
        return {s.id for s in canvas.cx.systems} if canvas.cx is not None else set()
    return set()
