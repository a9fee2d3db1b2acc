"""Next plan year's canvas made from last year's (``modelh new PATH --from OLD``).

The old file's text is carried over whole (its comments, layout and every
answer), with these edits made through the editing API (``canvas.editing``),
which checks that nothing else changed:

- ``canvas.version``: the last number of a dotted version plus one (``1.10`` to
  ``1.11``, ``2`` to ``3``); any other version is kept, with a note asking
  for the new one;
- ``canvas.status``: draft; ``canvas.date``: today (or the date given);
- each measure's ``baseline`` set to its old ``current`` (as typed), and its
  ``current`` emptied; a measure without a current value keeps its baseline;
- a comment at the top names the old file.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from modelh.canvas.editing import CanvasFile, Edit, apply_edits, read_value
from modelh.canvas.files import write_atomic
from modelh.canvas.loader import parse_canvas
from modelh.canvas.yamlnodes import compose_nodes, plain
from modelh.canvas.yamltext import Number
from modelh.errors import UsageError
from modelh.escaping import printable

_DOTTED = re.compile(r"(?:\d+\.)*(\d+)")
_SCHEMA_LINE = "# yaml-language-server:"


@dataclass(frozen=True)
class NextYear:
    """What ``next_year`` wrote: where, the versions, and the measures carried forward."""

    path: Path
    old_version: str | None
    new_version: str | None
    version_note: str  # set when the version was kept: asks for the new one
    baselines: tuple[str, ...]  # ids of the measures whose baseline is last year's current
    kept: tuple[str, ...]  # ids of the measures without a current value, left as they were
    #: set when the logo is beside the old canvas but not beside the new one: says to copy it
    logo_note: str = ""


def bump_version(version: str | None) -> str | None:
    """The last number of a dotted version plus one (``1.10`` to ``1.11``, ``1.09`` to
    ``1.10``); None when ``version`` is not a dotted number."""
    if version is None:
        return None
    match = _DOTTED.fullmatch(version.strip())
    if match is None:
        return None
    last = match.group(1)
    bumped = str(int(last) + 1).zfill(len(last))
    return version.strip()[: match.start(1)] + bumped


def _mark(text: str, old_name: str, today: str) -> str:
    """``text`` with a comment naming the old file: after the editor's schema line, if
    the file begins with one, else first."""
    newline = "\r\n" if "\r\n" in text.split("\n", 1)[0] + "\n" else "\n"
    line = (
        f"# Next plan year's canvas, made from {printable(old_name)} on {today} "
        f"(modelh new --from):{newline}"
        f"# each measure's baseline is last year's current value; its current is to be measured."
        f"{newline}"
    )
    if text.startswith(_SCHEMA_LINE):
        end = text.find("\n")
        if end >= 0:
            return text[: end + 1] + line + text[end + 1 :]
        return text + newline + line
    return line + text


def _number(text: Any, loaded: float | int) -> float | int:
    """A figure as it was typed (``13.95`` stays ``13.95``), else as loaded."""
    if isinstance(text, str):
        try:
            return Number(text.strip())
        except ValueError:
            pass
    return loaded


def _in_flow(root: yaml.Node, measure_id: str) -> bool:
    """Whether the measure ``measure_id`` is written as a flow mapping (``{id: a, ...}``)."""
    node: yaml.Node | None = root
    for key in ("customer_relationships", "measures"):
        if not isinstance(node, yaml.MappingNode):
            return False
        node = next((v for k, v in node.value if getattr(k, "value", None) == key), None)
    if not isinstance(node, yaml.SequenceNode):
        return False
    for item in node.value:
        if isinstance(item, yaml.MappingNode) and any(
            getattr(k, "value", None) == "id" and getattr(v, "value", None) == measure_id
            for k, v in item.value
        ):
            return bool(item.flow_style)
    return False


def next_year_text(
    text: str,
    old_name: str,
    *,
    today: str,
    file: str | None = None,
    title: str | None = None,
    organization: str | None = None,
    prepared_by: Sequence[str] | None = None,
) -> tuple[str, NextYear]:
    """The text of next year's canvas made from ``text`` (the old canvas, valid).

    Raises ``CanvasError`` when ``text`` is not a valid canvas, ``EditError``
    when an edit cannot be made; the result is checked to load and to differ
    from the old canvas only where the edits say.
    """
    file = file or old_name
    canvas = parse_canvas(text, file)
    marked = _mark(text, old_name, today)
    root = compose_nodes(marked)
    if root is None or plain(root) != plain(compose_nodes(text)):  # type: ignore[arg-type]
        raise UsageError(f"{file}: a comment cannot be added at its top")
    old_version = canvas.canvas.version
    new_version = bump_version(old_version)
    note = ""
    edits: list[Edit] = [
        Edit(("canvas", "status"), "draft"),
        Edit(("canvas", "date"), today),
    ]
    if new_version is not None:
        edits.append(Edit(("canvas", "version"), new_version))
    else:
        shown = f"'{old_version}'" if old_version else "missing"
        note = (
            f"the version ({shown}) is not a dotted number, so it was kept: "
            "set the new one in canvas.version"
        )
    if title is not None:
        edits.append(Edit(("canvas", "title"), title))
    if organization is not None:
        edits.append(Edit(("canvas", "organization"), organization))
    if prepared_by is not None:
        edits.append(Edit(("canvas", "prepared_by"), list(prepared_by)))
    moved, kept = [], []
    for measure in canvas.measures:
        if measure.current is None:
            kept.append(measure.id)
            continue
        where = ("customer_relationships", "measures", f"[{measure.id}]")
        typed = read_value(root, (*where, "current"))
        edits.append(Edit((*where, "baseline"), _number(typed, measure.current)))
        # emptied: `current:` in a block; `current: ""` inside {...}, where a bare
        # `current:,` would not read as YAML
        edits.append(Edit((*where, "current"), "" if _in_flow(root, measure.id) else None))
        moved.append(measure.id)
    new_text = apply_edits(marked, edits, file)
    parse_canvas(new_text, file)  # a valid canvas, however few the edits
    info = NextYear(
        Path(), old_version, new_version or old_version, note, tuple(moved), tuple(kept)
    )
    return new_text, info


def create_next_year(
    path: str | os.PathLike[str],
    old: str | os.PathLike[str],
    *,
    date: str | None = None,
    title: str | None = None,
    organization: str | None = None,
    prepared_by: Sequence[str] | None = None,
) -> NextYear:
    """Write next year's canvas at ``path`` from the canvas ``old``; never overwrite."""
    target = Path(path)
    today = date if date is not None else dt.date.today().isoformat()
    if not _is_date(today):
        raise UsageError(f"date '{today}' is not a date written YYYY-MM-DD")
    for label, value in (("title", title), ("organization", organization)):
        if value is not None and not value.strip():
            raise UsageError(f"the {label} must not be empty")
    if target.suffix.lower() not in (".yaml", ".yml"):
        raise UsageError(f"{target}: a canvas file name ends in .yaml or .yml")
    if target.exists() or target.is_symlink():
        raise UsageError(f"{target} already exists; choose another name (nothing was written)")
    source = CanvasFile.read(old)
    text, info = next_year_text(
        source.text,
        _name_from(Path(old), target),
        today=today,
        file=str(old),
        title=title.strip() if title is not None else None,
        organization=organization.strip() if organization is not None else None,
        prepared_by=[p.strip() for p in prepared_by if p.strip()] if prepared_by else None,
    )
    bom = "\ufeff" if source.raw.startswith(b"\xef\xbb\xbf") else ""
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(target, (bom + text).encode("utf-8"), exclusive=True)
    except FileExistsError:
        raise UsageError(f"{target} already exists; nothing was written") from None
    except OSError as exc:
        raise UsageError(f"{target}: cannot write the file: {exc.strerror}") from None
    return NextYear(
        target,
        info.old_version,
        info.new_version,
        info.version_note,
        info.baselines,
        info.kept,
        _logo_left_behind(text, Path(old), target),
    )


def _logo_left_behind(text: str, old: Path, target: Path) -> str:
    """A note when the logo the canvas names (relative to its file) is beside the
    old canvas and not beside the new one: a canvas started in another folder."""
    from modelh.canvas.images import Logo, logo_file

    branding = parse_canvas(text, str(target)).canvas.branding
    if branding is None or not branding.logo:
        return ""
    if not isinstance(logo_file(str(old), branding.logo), Logo):
        return ""  # not usable beside the old canvas either: check says why
    if isinstance(logo_file(str(target), branding.logo), Logo):
        return ""
    return (
        f"the logo '{branding.logo}' is beside {old} but not beside {target}: "
        f"copy it to {target.parent / branding.logo} (or correct canvas.branding.logo)"
    )


def _is_date(text: str) -> bool:
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        return False
    try:
        dt.date.fromisoformat(text)
    except ValueError:
        return False
    return True


def _name_from(old: Path, target: Path) -> str:
    """The old file's name as seen from the new file's folder."""
    try:
        return Path(
            os.path.relpath(os.path.abspath(old), os.path.abspath(target.parent))
        ).as_posix()
    except ValueError:  # another drive
        return old.name
