"""Two versions of a canvas, from files or from git, loaded, checked and compared.

``diff_sources`` compares two texts (``Source``), each checked as ``modelh check``
would check it, for the completeness and gap count the diff shows; ``diff_revision``
takes one or both versions from git (``modelh diff --rev``, ``render --since``).
What changed between them, by meaning, is ``modelh.history.diff``.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from modelh.canvas.model import Canvas
from modelh.errors import UsageError
from modelh.history.diff import diff_canvases
from modelh.history.records import CanvasDiff, Side


@dataclass(frozen=True)
class Source:
    """A version of a canvas to compare: its text (or bytes), the file name its
    problems are reported under, and the label the diff shows for it."""

    data: str | bytes
    file: str
    label: str = ""
    #: The file the checker takes it for (``file`` when empty). A version read from
    #: git is checked as the canvas on disk: the configuration's per-file rules and
    #: the files beside it (the logo) are those of the canvas, not of a name like
    #: ``HEAD~1:plan.yaml`` that is no file.
    checked_as: str = ""


def diff_sources(old: Source, new: Source, config: Any = None) -> CanvasDiff:
    """Load, check and compare two versions of a canvas.

    Raises ``CanvasError`` (with every problem) when a version does not load.
    ``config`` is the checker's ``Config`` (None: the defaults); the gap count of
    each side is what ``modelh check`` would find in it.
    """
    from modelh.canvas.loader import parse_canvas

    old_canvas = parse_canvas(old.data, old.file)
    new_canvas = parse_canvas(new.data, new.file)
    return diff_canvases(
        old_canvas,
        new_canvas,
        old_side=_side(old, old_canvas, config),
        new_side=_side(new, new_canvas, config),
        old_extensions=_extension_values(old.data),
        new_extensions=_extension_values(new.data),
    )


def _side(source: Source, canvas: Canvas, config: Any) -> Side:
    from modelh.check.checker import check_source
    from modelh.check.rules import SEVERITIES

    checked = source.checked_as or source.file
    if checked != canvas.file:
        canvas = replace(canvas, file=checked)
    result = check_source(source.data, checked, config, canvas=canvas)
    gaps = dict.fromkeys(reversed(SEVERITIES), 0)
    for finding in result.findings:
        gaps[finding.severity] += 1
    return Side(
        source.label or source.file,
        dict(result.completeness or {}),
        gaps,
        canvas.canvas.date,
        canvas.canvas.version,
    )


def _extension_values(data: str | bytes) -> dict[str, Any]:
    """Every ``x-`` key and its value as plain data, by where it is: ``x-notes`` at
    the top level, ``segments[members].x-crm-id`` in an item (by its id, else its
    place), ``canvas.branding.x-...``: the format allows them in every mapping.
    The text loads: it was just parsed as a canvas."""
    from modelh.canvas.yamlnodes import compose_nodes, plain

    text = data.decode("utf-8") if isinstance(data, bytes) else data
    root = compose_nodes(text.removeprefix("\ufeff"))
    found: dict[str, Any] = {}
    _collect_extensions(plain(root) if root is not None else None, "", found)
    return found


def _collect_extensions(value: Any, where: str, found: dict[str, Any]) -> None:
    if isinstance(value, dict):
        for key, inner in value.items():
            if not isinstance(key, str):
                continue
            path = f"{where}.{key}" if where else key
            if key.startswith("x-"):
                found[path] = inner  # the firm's data, compared whole
            else:
                _collect_extensions(inner, path, found)
    elif isinstance(value, list):
        for index, item in enumerate(value):
            # an item by its id, else its name or text (the order of items is no
            # change), else its place
            name = str(index)
            for field in ("id", "name", "text"):
                given = item.get(field) if isinstance(item, dict) else None
                if isinstance(given, str) and given.strip():
                    name = given.strip()
                    break
            _collect_extensions(item, f"{where}[{name}]", found)


def diff_revision(file: str, rev: str, config: Any = None, option: str = "--rev") -> CanvasDiff:
    """``file`` compared with its version at the git revision ``rev`` (following a
    rename); with ``rev`` a range ``OLD..NEW`` (``--rev`` only), its version at
    ``OLD`` with its version at ``NEW``. Raises ``GitError`` (no git, not in a
    repository, an unknown revision, a path git did not know then),
    ``ModelhError`` when a version from git is not a valid canvas, ``CanvasError``
    when ``file`` is not. ``option`` is the command line's name for ``rev``, for
    the messages."""
    from modelh.canvas.loader import parse_canvas, read_source
    from modelh.history.gitread import need_repo

    older, dots, newer = rev.partition("..")
    if dots and option == "--rev":
        if newer.startswith(".") or not older or not newer:
            raise UsageError(f"{option} '{rev}': give a range as OLD..NEW, both revisions named")
        repo = need_repo(file, f"{option} reads the versions from git")
        new = _version_at(repo, file, newer)
        return diff_sources(_version_at(repo, file, older), new, config)
    new_data = read_source(file)
    parse_canvas(new_data, file)  # the canvas itself first: CanvasError when it is none
    repo = need_repo(file, f"{option} reads the old version from git")
    return diff_sources(_version_at(repo, file, rev), Source(new_data, file, file), config)


def _version_at(repo: Any, file: str, rev: str) -> Source:
    """The canvas ``file`` (as named today) as it was at ``rev``, checked to load."""
    from modelh.canvas.loader import parse_canvas
    from modelh.errors import CanvasError, ModelhError
    from modelh.history.gitread import GitError, path_at, resolve_revision, show_file

    commit = resolve_revision(repo, rev)
    path = path_at(repo, repo.relative(file), commit)
    if path is None:
        raise GitError(f"{file} is not in git at {rev} (nor under an earlier name)")
    label = f"{rev}:{path}"
    version = Source(show_file(repo, commit, path), label, label, checked_as=file)
    try:
        parse_canvas(version.data, version.file)
    except CanvasError as exc:
        count = len(exc.problems)
        first = str(exc.problems[0]) if exc.problems else exc.message
        more = f" (and {count - 1} more)" if count > 1 else ""
        raise ModelhError(
            f"the version of {file} at {rev} is not a valid canvas: {first}{more}"
        ) from None
    return version
