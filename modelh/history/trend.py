"""A canvas's past, read from git: its measures, stages and completeness over time.

``canvas_history`` reads the canvas at each commit that touched it (following
renames), newest ``max_count`` commits at most, with one ``git log`` and two
``git cat-file`` processes in all (``gitread``). Each version is loaded and
scored; one that does not load (or was deleted) keeps its place with the
reason. The result is plain data, oldest first, with each measure's figures,
each segment's stage and the completeness as series a report can draw.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterable, Mapping
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, replace

from modelh.canvas.loader import parse_canvas
from modelh.canvas.model import Canvas
from modelh.check.checker import PARALLEL_FROM
from modelh.check.completeness import completeness
from modelh.errors import CanvasError, UsageError
from modelh.history.gitbatch import read_versions
from modelh.history.gitread import (
    Commit,
    GitError,
    file_log,
    need_repo,
    no_commits,
    renamed_to,
)

#: How many commits ``modelh history`` reads when not told.
DEFAULT_MAX = 100
#: The most commits it reads however it is told.
LIMIT_MAX = 10_000

_SINCE = re.compile(r"\d{4}-\d{2}-\d{2}|\d+ (day|week|month|year)s? ago")


@dataclass(frozen=True)
class MeasurePoint:
    """A measure's figures in one version."""

    id: str
    name: str
    unit: str | None
    direction: str | None
    baseline: float | int | None
    current: float | int | None
    target: float | int | None


@dataclass(frozen=True)
class StagePoint:
    """A segment's stage and target stage in one version."""

    id: str
    name: str
    stage: str | None
    target_stage: str | None


@dataclass(frozen=True)
class Version:
    """The canvas as one commit left it. ``problem`` says why it could not be read
    (deleted, not a canvas any more, too large); its figures are empty then."""

    commit: str
    date: str  # the commit's date (ISO 8601, as git log shows it)
    subject: str
    path: str  # the file's name in this commit
    canvas_date: str | None = None
    version: str | None = None
    status: str | None = None
    completeness: Mapping[str, int] | None = None
    measures: tuple[MeasurePoint, ...] = ()
    stages: tuple[StagePoint, ...] = ()
    problem: str = ""
    #: A shallow clone's oldest commit: the canvas as it was by then, whenever it
    #: changed (git shows every file there as added).
    boundary: bool = False

    def when(self, dates: str = "commit") -> str:
        """The date shown for it: the commit's day, or the canvas's own ``date``."""
        if dates == "canvas" and self.canvas_date:
            return self.canvas_date
        return self.date[:10]


@dataclass(frozen=True)
class Point:
    """One version's figures of one measure."""

    when: str
    commit: str
    baseline: float | int | None
    current: float | int | None
    target: float | int | None


@dataclass(frozen=True)
class MeasureSeries:
    id: str
    name: str
    unit: str | None
    direction: str | None
    points: tuple[Point, ...]
    #: when the measure left the canvas (the first version without it, after its
    #: last); None while the newest version has it
    removed: str | None = None


@dataclass(frozen=True)
class StageStep:
    when: str
    commit: str
    stage: str | None
    target_stage: str | None


@dataclass(frozen=True)
class StageSeries:
    id: str
    name: str
    points: tuple[StageStep, ...]
    removed: str | None = None  # when the segment left the canvas, as for a measure


@dataclass(frozen=True)
class History:
    """A canvas's versions, oldest first, and how far back git could see.

    ``truncated``: there are older commits than ``max_count`` allowed;
    ``shallow``: the repository is a shallow clone, so git itself holds no
    commit older than ``versions[0]`` (or the boundary of the clone).
    """

    file: str
    path: str
    versions: tuple[Version, ...]
    shallow: bool = False
    truncated: bool = False
    since: str | None = None
    max_count: int = DEFAULT_MAX
    dates: str = "commit"

    @property
    def loaded(self) -> tuple[Version, ...]:
        return tuple(v for v in self.versions if v.completeness is not None)

    def measure_series(self) -> tuple[MeasureSeries, ...]:
        """Each measure's figures version by version (versions that have it)."""
        order: dict[str, MeasurePoint] = {}
        for version in reversed(self.loaded):  # the newest name and unit win
            for m in version.measures:
                order.setdefault(m.id, m)
        removed = self._removed({m.id for m in v.measures} for v in self.loaded)
        series = []
        for measure_id, latest in order.items():
            points = tuple(
                Point(v.when(self.dates), v.commit, m.baseline, m.current, m.target)
                for v in self.loaded
                for m in v.measures
                if m.id == measure_id
            )
            series.append(
                MeasureSeries(
                    measure_id,
                    latest.name,
                    latest.unit,
                    latest.direction,
                    points,
                    removed(measure_id),
                )
            )
        return tuple(series)

    def _removed(self, ids: Iterable[set[str]]) -> Callable[[str], str | None]:
        """For an id: the date of the first loaded version after the last that had it
        (None when the newest has it), given each loaded version's ids."""
        held = list(ids)
        loaded = self.loaded

        def removed(item_id: str) -> str | None:
            last = max((i for i, found in enumerate(held) if item_id in found), default=None)
            if last is None or last == len(held) - 1:
                return None
            return loaded[last + 1].when(self.dates)

        return removed

    def stage_series(self) -> tuple[StageSeries, ...]:
        """Each segment's stage version by version (versions that have it)."""
        order: dict[str, StagePoint] = {}
        for version in reversed(self.loaded):
            for s in version.stages:
                order.setdefault(s.id, s)
        removed = self._removed({s.id for s in v.stages} for v in self.loaded)
        return tuple(
            StageSeries(
                segment_id,
                latest.name,
                tuple(
                    StageStep(v.when(self.dates), v.commit, s.stage, s.target_stage)
                    for v in self.loaded
                    for s in v.stages
                    if s.id == segment_id
                ),
                removed(segment_id),
            )
            for segment_id, latest in order.items()
        )

    @property
    def oldest(self) -> str | None:
        """The date of the oldest commit read."""
        return self.versions[0].date[:10] if self.versions else None


def check_since(since: str | None) -> str | None:
    """``since`` as git reads it: a date ``YYYY-MM-DD`` or ``N days|weeks|months|years ago``."""
    if since is None:
        return None
    text = since.strip()
    if not _SINCE.fullmatch(text):
        raise UsageError(
            f"--since '{since}' is neither a date YYYY-MM-DD nor 'N days/weeks/months/years ago'"
        )
    return text


def canvas_history(
    file: str,
    *,
    since: str | None = None,
    max_count: int = DEFAULT_MAX,
    dates: str = "commit",
) -> History:
    """The versions of the canvas ``file`` (present, or deleted) in its git repository.

    Raises ``GitError`` when git is missing, the file is outside any repository,
    or git holds no commit of it.
    """
    if not 1 <= max_count <= LIMIT_MAX:
        raise UsageError(f"--max must be between 1 and {LIMIT_MAX}")
    since = check_since(since)
    if os.path.isdir(file):
        raise UsageError(f"{file} is a folder; history reads one canvas file")
    repo = need_repo(file, "history is read from git")
    path = repo.relative(file)
    commits = file_log(repo, path, since=since, max_count=max_count + 1)
    truncated = len(commits) > max_count
    commits = commits[:max_count]
    if not commits:
        when = f" since {since}" if since else ""
        why = no_commits(repo) or "nothing to show"
        raise GitError(f"git holds no commit of {file}{when}: {why}")
    readable = [c for c in commits if c.status != "D"]
    blobs = dict(
        zip(
            (c.id for c in readable),
            read_versions(repo, [(c.id, c.path) for c in readable]),
            strict=True,
        )
    )
    # each distinct content is loaded once, in worker processes when there are many
    contents = list(dict.fromkeys(b.data for b in blobs.values() if b.data is not None))
    loaded = dict(zip(contents, _load_all(contents), strict=True))
    if blobs and all(b.data is not None and not _is_canvas(b.data) for b in blobs.values()):
        count = len(blobs)
        raise UsageError(
            f"{file} is not a canvas: none of its {count} version{'s' if count != 1 else ''} "
            "in git has a 'modelh: 1' line"
        )
    versions = []
    for commit in commits:
        if commit.status == "D":
            moved = renamed_to(repo, commit.id, commit.path) if commit is commits[0] else None
            said = f"renamed to {moved} in this commit" if moved else "deleted in this commit"
            versions.append(_unread(commit, said))
            continue
        blob = blobs[commit.id]
        if blob.data is None:
            versions.append(_unread(commit, blob.problem))
            continue
        versions.append(
            replace(
                loaded[blob.data],
                commit=commit.id,
                date=commit.date,
                subject=commit.subject,
                path=commit.path,
                boundary=commit.id in repo.boundary,
            )
        )
    return History(
        file,
        path,
        tuple(reversed(versions)),
        shallow=repo.shallow,
        truncated=truncated,
        since=since,
        max_count=max_count,
        dates=dates,
    )


def _is_canvas(data: bytes | None) -> bool:
    from modelh.canvas.discovery import is_canvas_text

    return data is not None and is_canvas_text(data)


def _unread(commit: Commit, problem: str) -> Version:
    return Version(commit.id, commit.date, commit.subject, commit.path, problem=problem)


def _load_all(contents: list[bytes]) -> list[Version]:
    """Each content loaded and scored (``_load``): in worker processes past
    ``PARALLEL_FROM`` of them, as the checker does."""
    cores = os.cpu_count() or 1
    if cores > 1 and len(contents) >= PARALLEL_FROM:
        with ProcessPoolExecutor(max_workers=cores) as pool:
            return list(pool.map(_load, contents, chunksize=max(1, len(contents) // (cores * 4))))
    return [_load(data) for data in contents]


def _load(data: bytes) -> Version:
    """A version's content, loaded and scored (its commit is filled in after)."""
    try:
        canvas = parse_canvas(data, "<version>")
    except CanvasError as exc:
        count = len(exc.problems)
        first = exc.problems[0].message if exc.problems else "it does not load"
        more = f" (and {count - 1} more)" if count > 1 else ""
        return Version("", "", "", "", problem=f"not a valid canvas here: {first}{more}")
    return Version(
        "",
        "",
        "",
        "",
        canvas_date=canvas.canvas.date,
        version=canvas.canvas.version,
        status=canvas.canvas.status,
        completeness=completeness(canvas),
        measures=_measures(canvas),
        stages=tuple(
            StagePoint(s.id, s.name or s.id, s.stage, s.target_stage) for s in canvas.segments
        ),
    )


def _measures(canvas: Canvas) -> tuple[MeasurePoint, ...]:
    return tuple(
        MeasurePoint(m.id, m.name or m.id, m.unit, m.direction, m.baseline, m.current, m.target)
        for m in canvas.measures
    )
