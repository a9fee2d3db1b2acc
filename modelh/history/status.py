"""Where every canvas in a folder stands: one row a canvas, for ``modelh status``.

Each canvas is loaded and checked once (in worker processes past
``checker.PARALLEL_FROM`` files, as ``modelh check`` does), and its last change
comes from git in one pass for the whole folder (``gitbatch.last_changes``, one
``git log`` and one ``git status`` per repository), from the file's time
when git has no commit of it. A canvas that does not load is a row with its
problem, never an error of the command.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, replace
from pathlib import Path

from modelh.canvas.discovery import Target, find_canvases, is_canvas_text
from modelh.canvas.facts import trust
from modelh.canvas.loader import parse_canvas, read_source
from modelh.check.checker import PARALLEL_FROM, check_source
from modelh.check.config import Config
from modelh.errors import CanvasError, UsageError
from modelh.history.gitbatch import changed_files, last_changes
from modelh.history.gitread import GitError, Repo, find_repo

#: What rows can be sorted by.
SORT_KEYS = (
    "organization",
    "title",
    "status",
    "version",
    "completeness",
    "errors",
    "warnings",
    "past-tip",
    "changed",
    "file",
)


@dataclass(frozen=True)
class StatusRow:
    """One canvas at a glance. ``problem`` is set when it does not load (its first
    problem, ``file:line:col: message``); most fields are empty then."""

    file: str
    organization: str | None = None
    title: str | None = None
    status: str | None = None
    version: str | None = None
    completeness: int | None = None
    errors: int = 0
    warnings: int = 0
    infos: int = 0
    segments: int = 0
    past_tip: tuple[str, ...] = ()  # segments past the Trust Inflection Point
    changed: str | None = None  # ISO date and time of the last change
    changed_from: str | None = None  # "git" (the last commit) or "file" (its time)
    commit: str | None = None
    uncommitted: bool = False  # changed since its last commit
    #: ``commit`` is a shallow clone's oldest: the file last changed then or before
    shallow_boundary: bool = False
    problem: str = ""


@dataclass(frozen=True)
class StatusReport:
    rows: tuple[StatusRow, ...]
    note: str = ""  # why the last change could not come from git, when it could not


def canvas_status(
    paths: Sequence[str],
    config: Config | None = None,
    *,
    jobs: int | None = None,
) -> StatusReport:
    """A row for each canvas found at ``paths`` (files, or folders searched)."""
    config = config or Config()
    targets = [t for t in find_canvases(paths) if not config.excluded(t.path)]
    cores = os.cpu_count() or 1
    jobs = min(jobs, cores) if jobs is not None else cores
    if jobs > 1 and len(targets) >= PARALLEL_FROM:
        chunk = max(1, len(targets) // (jobs * 4))
        with ProcessPoolExecutor(max_workers=jobs) as pool:
            rows = list(pool.map(_row, targets, [config] * len(targets), chunksize=chunk))
    else:
        rows = [_row(t, config) for t in targets]
    found = [r for r in rows if r is not None]
    found, note = _last_changes(found, paths)
    return StatusReport(tuple(found), note)


def _row(target: Target, config: Config) -> StatusRow | None:
    try:
        data = read_source(target.path)
    except CanvasError as exc:
        return StatusRow(target.path, problem=_first(exc), errors=len(exc.problems))
    if not is_canvas_text(data):
        return None  # a file named that is not a canvas has no status
    try:
        canvas = parse_canvas(data, target.path)
    except CanvasError as exc:
        return StatusRow(target.path, problem=_first(exc), errors=len(exc.problems))
    result = check_source(data, target.path, config, canvas=canvas)
    counts = {"error": 0, "warning": 0, "info": 0}
    for finding in result.findings:
        counts[finding.severity] += 1
    info = canvas.canvas
    return StatusRow(
        target.path,
        organization=info.organization,
        title=info.title,
        status=info.status,
        version=info.version,
        completeness=(result.completeness or {}).get("overall"),
        errors=counts["error"],
        warnings=counts["warning"],
        infos=counts["info"],
        segments=len(canvas.segments),
        past_tip=tuple(s.id for s in canvas.segments if trust(s.stage) == "past"),
    )


def _first(error: CanvasError) -> str:
    if not error.problems:
        return error.message
    first = error.problems[0]
    more = len(error.problems) - 1
    return f"{first.location()}: {first.message}" + (f" (and {more} more)" if more else "")


# ---------------------------------------------------------------------------
# Last changes


def _last_changes(rows: list[StatusRow], paths: Sequence[str]) -> tuple[list[StatusRow], str]:
    """Each row with its last change: from git (batched per repository), else the file."""
    note = ""
    repos: dict[Path, tuple[Repo, list[str]]] = {}  # root -> the repo and the folders asked
    try:
        for given in dict.fromkeys(paths):
            repo = find_repo(given)
            if repo is not None:
                entry = repos.setdefault(repo.root, (repo, []))
                entry[1].append(_within(repo, given))
    except GitError as exc:
        repos, note = {}, f"{exc.message}: last changes are the files' own times"
    by_file: dict[int, StatusRow] = {}
    for repo, folders in repos.values():
        mine = {}
        for i, row in enumerate(rows):
            try:
                mine[repo.relative(row.file)] = i
            except GitError:
                continue
        if not mine:
            continue
        within = _common_folder(folders)
        try:
            commits = last_changes(repo, mine, within=within)
            dirty = changed_files(repo, within)
        except GitError as exc:
            note = f"{exc.message}: last changes are the files' own times"
            continue
        for relative, i in mine.items():
            commit = commits.get(relative)
            if commit is not None:
                by_file[i] = replace(
                    rows[i],
                    changed=commit.date,
                    changed_from="git",
                    commit=commit.id,
                    uncommitted=relative in dirty,
                    shallow_boundary=commit.id in repo.boundary,
                )
    out = []
    for i, row in enumerate(rows):
        if i in by_file:
            out.append(by_file[i])
        else:
            out.append(replace(row, changed=_file_time(row.file), changed_from="file"))
    return out, note


def _within(repo: Repo, given: str) -> str:
    path = Path(given)
    try:
        relative = repo.relative(path if path.is_dir() else path.parent)
    except GitError:
        return "."
    return relative or "."


def _common_folder(folders: list[str]) -> str:
    if "." in folders or not folders:
        return "."
    common = os.path.commonpath(folders)
    return common or "."


def _file_time(file: str) -> str | None:
    try:
        stamp = os.stat(file).st_mtime
    except OSError:
        return None
    return dt.datetime.fromtimestamp(stamp, dt.UTC).astimezone().isoformat(timespec="seconds")


# ---------------------------------------------------------------------------
# Sorting and filtering


def sort_rows(rows: Sequence[StatusRow], key: str, *, reverse: bool = False) -> list[StatusRow]:
    """Rows sorted by ``key`` (one of SORT_KEYS); canvases without that value last."""
    if key not in SORT_KEYS:
        raise UsageError(f"cannot sort by '{key}'; choose one of {', '.join(SORT_KEYS)}")

    def value(row: StatusRow) -> object:
        if key == "past-tip":
            return len(row.past_tip)
        if key == "changed":
            return _moment(row.changed)
        found = getattr(row, key)
        return found.casefold() if isinstance(found, str) else found

    present = [r for r in rows if value(r) is not None]
    absent = [r for r in rows if value(r) is None]
    present.sort(key=lambda r: (value(r), r.file), reverse=reverse)
    return present + absent


def _moment(changed: str | None) -> float | None:
    """An ISO time as seconds since the epoch: times written in different zones
    (each author's own) compared as moments, not as clock readings."""
    if changed is None:
        return None
    try:
        return dt.datetime.fromisoformat(changed).timestamp()
    except ValueError:
        return None


def filter_rows(
    rows: Sequence[StatusRow],
    *,
    statuses: Sequence[str] = (),
    organization: str | None = None,
    below: int | None = None,
    with_errors: bool = False,
) -> list[StatusRow]:
    """The rows that pass every filter given: a status among ``statuses``, an
    organization holding ``organization`` (case aside), completeness under
    ``below``, errors. A canvas that does not load has errors and counts as
    below any completeness."""
    wanted = organization.casefold() if organization else None
    kept = []
    for row in rows:
        if statuses and row.status not in statuses:
            continue
        if wanted is not None and wanted not in (row.organization or "").casefold():
            continue
        if below is not None and row.completeness is not None and row.completeness >= below:
            continue
        if with_errors and not (row.errors or row.problem):
            continue
        kept.append(row)
    return kept
