"""git for many at once: many versions of a canvas in one ``git cat-file`` pair,
the last change of every file in a folder in one ``git log`` pass, and the files
git tracks or sees changed. The processes are started as ``gitread`` starts them.
"""

from __future__ import annotations

import os
import subprocess
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from modelh.canvas.loader import MAX_BYTES
from modelh.history.gitread import (
    _QUIET,
    MAX_LISTING,
    Commit,
    GitError,
    Repo,
    _environment,
    _git_program,
    run_git,
)

#: The most bytes of canvas versions read in one batch (each is at most MAX_BYTES).
MAX_BATCH = 256 * 1048576


# ---------------------------------------------------------------------------
# Many versions at once


@dataclass(frozen=True)
class Blob:
    """One version read in a batch: its bytes, or why it could not be read."""

    data: bytes | None
    problem: str = ""


def read_versions(repo: Repo, specs: Sequence[tuple[str, str]]) -> list[Blob]:
    """The file at each (commit, path) of ``specs``, in two git processes in all.

    ``git cat-file --batch-check`` gives each one's size first: a version
    missing or larger than MAX_BYTES is a problem, not read; then one ``git
    cat-file --batch`` reads the rest, at most MAX_BATCH bytes together.
    """
    if not specs:
        return []
    names = [f"{commit}:{path}" for commit, path in specs]
    if any("\n" in name for name in names):
        raise GitError("a file name with a line break cannot be read from git in a batch")
    request = "".join(f"{name}\n" for name in names).encode("utf-8", "surrogateescape")
    _, checked, _ = run_git(
        ["cat-file", "--batch-check=%(objectname) %(objecttype) %(objectsize)"],
        repo.root,
        stdin=request,
    )
    answers = checked.decode("ascii", "replace").splitlines()
    wanted: list[str] = []
    results: list[Blob | str] = []
    total = 0
    for answer in answers[: len(names)]:
        parts = answer.split()
        if len(parts) != 3 or parts[1] != "blob":
            results.append(Blob(None, "not in git at this commit"))
            continue
        size = int(parts[2])
        if size > MAX_BYTES:
            results.append(Blob(None, f"larger than {MAX_BYTES // 1048576} MB"))
            continue
        if total + size > MAX_BATCH:
            results.append(Blob(None, "not read: the versions read already fill the limit"))
            continue
        total += size
        wanted.append(parts[0])
        results.append(parts[0])
    while len(results) < len(names):
        results.append(Blob(None, "git gave no answer for it"))
    contents: dict[str, bytes] = {}
    if wanted:
        request = "".join(f"{oid}\n" for oid in dict.fromkeys(wanted)).encode("ascii")
        _, out, _ = run_git(
            ["cat-file", "--batch"],
            repo.root,
            stdin=request,
            limit=total + 200 * len(wanted) + 1024,
        )
        contents = _split_batch(out)
    return [
        r if isinstance(r, Blob) else Blob(contents.get(r), "" if r in contents else "unreadable")
        for r in results
    ]


def _split_batch(out: bytes) -> dict[str, bytes]:
    """``git cat-file --batch`` output: ``<oid> <type> <size>\\n<bytes>\\n`` each."""
    found: dict[str, bytes] = {}
    at = 0
    while at < len(out):
        end = out.find(b"\n", at)
        if end < 0:
            break
        parts = out[at:end].split()
        at = end + 1
        if len(parts) != 3:
            continue  # "<oid> missing"
        size = int(parts[2])
        found[parts[0].decode("ascii")] = out[at : at + size]
        at += size + 1
    return found


# ---------------------------------------------------------------------------
# The last change of many files, in one pass


def last_changes(repo: Repo, paths: Iterable[str], *, within: str = ".") -> dict[str, Commit]:
    """The newest commit that touched each of ``paths`` (relative to the repository).

    One ``git ls-files`` and one ``git log --name-only`` over the folder
    ``within``, read as it comes and stopped as soon as every path git tracks
    has been seen; a path never committed is left out of the answer.
    """
    found: dict[str, Commit] = {}
    wanted = set(paths) & tracked_files(repo, within)  # the rest would never be seen
    if not wanted:
        return found
    program = _git_program()
    args = [
        program,
        *_QUIET,
        "log",
        "-z",
        "--name-only",
        "--no-renames",
        "--cc",  # a merge counts when its version of a file is in neither parent
        "--format=%x01%H%x02%aI%x02%s",
        "--end-of-options",
        "HEAD",
        "--",
        within,
    ]
    try:
        process = subprocess.Popen(
            args,
            cwd=repo.root,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            env=_environment(),
        )
    except OSError as exc:
        raise GitError(f"git could not be started: {exc.strerror}") from None
    assert process.stdout is not None
    read = 0
    pending = b""
    current: Commit | None = None
    try:
        while len(found) < len(wanted) and read < MAX_LISTING:
            chunk = os.read(process.stdout.fileno(), 65536)
            if not chunk:
                break
            read += len(chunk)
            *tokens, pending = (pending + chunk).split(b"\0")
            for raw in tokens:
                token = raw.decode("utf-8", "surrogateescape")
                if token.startswith("\n"):
                    token = token[1:]
                if token.startswith("\x01"):
                    commit_id, _, rest = token[1:].partition("\x02")
                    date, _, subject = rest.partition("\x02")
                    current = Commit(commit_id, date, subject)
                elif token and current is not None and token in wanted and token not in found:
                    found[token] = current
    finally:
        process.kill()
        process.wait()
        process.stdout.close()
    return found


def tracked_files(repo: Repo, within: str = ".") -> set[str]:
    """The files git tracks under ``within`` (``git ls-files``, one process)."""
    code, out, _ = run_git(["ls-files", "-z", "--", within], repo.root, ok=(0, 128))
    if code != 0:
        return set()
    return {name for name in out.decode("utf-8", "surrogateescape").split("\0") if name}


def changed_files(repo: Repo, within: str = ".") -> set[str]:
    """Files under ``within`` with changes not committed yet (``git status``, one process)."""
    code, out, _ = run_git(
        ["status", "--porcelain=v1", "-z", "--untracked-files=no", "--", within],
        repo.root,
        ok=(0, 128),
    )
    if code != 0:
        return set()
    changed: set[str] = set()
    tokens = out.decode("utf-8", "surrogateescape").split("\0")
    i = 0
    while i < len(tokens):
        token = tokens[i]
        i += 1
        if len(token) < 4:
            continue
        changed.add(token[3:])
        if token[0] in "RC":
            i += 1  # the name before the rename follows
    return changed
