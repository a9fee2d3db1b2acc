"""Reading a canvas's past from git, through git's command line only.

A fixed handful of git processes answers each question, however many commits
or files it involves: one ``git log`` for a canvas's history (following
renames), one ``git cat-file --batch-check`` and one ``git cat-file --batch``
for the versions it lists, one ``git log --name-only`` pass for the last change
of every file in a folder. Every output is read up to a limit, never whole
whatever its size; git never touches a network here (no fetch, no remote).

Every failure a user can cause (no git, a folder outside any repository, a
revision git does not know, a path that did not exist at that revision) is a
``GitError`` with one message.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
import tempfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from modelh.canvas.loader import MAX_BYTES
from modelh.errors import ModelhError

#: The most bytes read from one git command that lists things (a log, a check).
MAX_LISTING = 64 * 1048576
#: Settings that would change git's output, or wait for a person, turned off.
_QUIET = (
    "-c",
    "log.showSignature=false",
    "-c",
    "core.quotePath=false",
    "-c",
    "color.ui=false",
    "-c",
    "diff.external=",
    "-c",
    "log.follow=false",
    "-c",
    "log.diffMerges=separate",  # -m: a merge's files against each of its parents
)


class GitError(ModelhError):
    """git is missing, or could not answer what was asked; the message says which."""


@dataclass(frozen=True)
class Repo:
    """A git repository: its top folder, and whether it is a shallow clone.

    ``boundary``: a shallow clone's oldest commits (git shows each as adding every
    file it holds, whenever the file really changed).
    """

    root: Path
    shallow: bool
    boundary: frozenset[str] = frozenset()

    def relative(self, path: str | os.PathLike[str]) -> str:
        """``path`` as git names it: relative to the top folder, with forward slashes."""
        full = _real(Path(path))
        try:
            return full.relative_to(self.root).as_posix()
        except ValueError:
            raise GitError(f"{path} is not inside the git repository at {self.root}") from None


@dataclass(frozen=True)
class Commit:
    """A commit that touched a file: its id, its date (ISO 8601), its subject, and what
    it did to the file (``A`` added, ``M`` modified, ``R`` renamed, ``D`` deleted...)
    under which name (``path``; ``old_path`` before a rename)."""

    id: str
    date: str
    subject: str
    status: str = ""
    path: str = ""
    old_path: str = ""


def _real(path: Path) -> Path:
    """``path`` with its folder's links resolved (the file itself may be gone)."""
    absolute = Path(os.path.abspath(path))
    return Path(os.path.realpath(absolute.parent)) / absolute.name


def _git_program() -> str:
    found = shutil.which("git")
    if found is None:
        raise GitError("git is not installed (or not on the PATH); install git to read history")
    return found


def _environment() -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        GIT_OPTIONAL_LOCKS="0",  # reading never takes the index lock
        GIT_TERMINAL_PROMPT="0",  # never wait for a password
        GIT_PAGER="cat",
        LC_ALL="C",  # messages and dates as git writes them by default
        GIT_LITERAL_PATHSPECS="1",  # a file name is a name: ':x' or '*' are no patterns
    )
    return env


def _first_error_line(text: str) -> str:
    for line in text.splitlines():
        line = line.strip()
        if line:
            return line.removeprefix("fatal: ").removeprefix("error: ")
    return "no message"


def run_git(
    args: Sequence[str],
    cwd: Path,
    *,
    limit: int = MAX_LISTING,
    stdin: bytes | None = None,
    ok: Iterable[int] = (0,),
) -> tuple[int, bytes, str]:
    """Run ``git ARGS`` in ``cwd``: its exit code, standard output and first error line.

    Standard output is read up to ``limit`` bytes: past that, git is stopped
    and ``GitError`` raised. An exit code not in ``ok`` is a ``GitError``
    carrying git's own first line of complaint.
    """
    program = _git_program()
    with tempfile.TemporaryFile() as errors:
        try:
            process = subprocess.Popen(
                [program, *_QUIET, *args],
                cwd=cwd,
                stdin=subprocess.PIPE if stdin is not None else subprocess.DEVNULL,
                stdout=subprocess.PIPE,
                stderr=errors,
                env=_environment(),
            )
        except OSError as exc:
            raise GitError(f"git could not be started: {exc.strerror}") from None
        try:
            if stdin is not None:
                out = _feed_and_read(process, stdin, limit)
            else:
                assert process.stdout is not None
                out = process.stdout.read(limit + 1)
            if len(out) > limit:
                process.kill()
                raise GitError(
                    f"git's answer to 'git {args[0]}' is larger than {limit // 1048576} MB; "
                    "narrow it down (--since, --max)"
                )
            code = process.wait()
        finally:
            if process.poll() is None:
                process.kill()
                process.wait()
            if process.stdout is not None:
                process.stdout.close()
        errors.seek(0)
        message = _first_error_line(errors.read(4096).decode("utf-8", "replace"))
    if code not in tuple(ok):
        raise GitError(f"git {args[0]} failed: {message}")
    return code, out, message


def _feed_and_read(process: subprocess.Popen[bytes], data: bytes, limit: int) -> bytes:
    """Write ``data`` to the process while reading its output (so neither pipe fills)."""
    import threading

    def feed() -> None:
        assert process.stdin is not None
        try:
            process.stdin.write(data)
        except (BrokenPipeError, OSError):
            pass
        finally:
            with contextlib.suppress(OSError):
                process.stdin.close()

    writer = threading.Thread(target=feed, daemon=True)
    writer.start()
    assert process.stdout is not None
    out = process.stdout.read(limit + 1)
    if len(out) > limit:
        process.kill()
    writer.join()
    return out


# ---------------------------------------------------------------------------
# The repository


def _existing_folder(path: Path) -> Path:
    """The nearest folder of ``path`` that exists (a deleted canvas's folder may be gone)."""
    folder = _real(path).parent if not path.is_dir() else _real(path)
    while not folder.is_dir() and folder != folder.parent:
        folder = folder.parent
    return folder


def find_repo(path: str | os.PathLike[str]) -> Repo | None:
    """The git repository holding ``path`` (a file, possibly deleted, or a folder);
    None when it is in none. ``GitError`` when git itself is missing."""
    folder = _existing_folder(Path(path))
    code, out, message = run_git(
        ["rev-parse", "--show-toplevel", "--is-shallow-repository", "--git-path", "shallow"],
        folder,
        ok=(0, 128),
    )
    lines = out.decode("utf-8", "surrogateescape").splitlines()
    if code != 0 and not message.startswith("not a git repository"):
        # a repository git will not read (one another user owns, say): not "no repository"
        raise GitError(
            f"git refuses to read the repository holding {path}: {message} "
            "(git status there says how to allow it)"
        )
    if code != 0 or len(lines) < 2:
        return None
    shallow = lines[1].strip() == "true"
    boundary: frozenset[str] = frozenset()
    if shallow and len(lines) > 2:
        boundary = _boundary(folder / lines[2])
    return Repo(Path(os.path.realpath(lines[0])), shallow, boundary)


def _boundary(listing: Path) -> frozenset[str]:
    """The commit ids in git's ``shallow`` file (one a line), read up to a limit."""
    try:
        with open(listing, "rb") as handle:
            data = handle.read(MAX_LISTING)
    except OSError:
        return frozenset()
    return frozenset(line.strip() for line in data.decode("ascii", "replace").splitlines())


def need_repo(path: str | os.PathLike[str], why: str) -> Repo:
    """The repository holding ``path``, or ``GitError`` saying it is in none."""
    repo = find_repo(path)
    if repo is None:
        raise GitError(f"{path} is not in a git repository; {why}")
    return repo


def resolve_revision(repo: Repo, rev: str) -> str:
    """The commit id that ``rev`` (a branch, a tag, HEAD~2, an id) names."""
    if not rev or rev.startswith("-") or "\0" in rev:
        raise GitError(f"'{rev}' is not a revision")
    code, out, _ = run_git(
        ["rev-parse", "--verify", "--quiet", "--end-of-options", f"{rev}^{{commit}}"],
        repo.root,
        ok=(0, 1, 128),
    )
    if code != 0:
        empty = no_commits(repo)
        if empty:
            hint = f": {empty}"
        elif repo.shallow:
            hint = " (this is a shallow clone: older commits are not here)"
        else:
            hint = ""
        raise GitError(f"git knows no revision '{rev}'{hint}")
    return out.decode("ascii").strip()


def no_commits(repo: Repo) -> str:
    """Why git has no commit to read from, when HEAD names none (a repository just
    made, or a branch not committed to yet); empty when it has one."""
    code, _, _ = run_git(
        ["rev-parse", "--verify", "--quiet", "HEAD^{commit}"], repo.root, ok=(0, 1, 128)
    )
    if code == 0:
        return ""
    _, out, _ = run_git(["rev-list", "--max-count=1", "--all"], repo.root, ok=(0, 128))
    if out.strip():
        return "the current branch has no commits yet"
    return "the repository has no commits yet"


# ---------------------------------------------------------------------------
# A file's log, following renames


def _parse_log(data: bytes) -> list[tuple[Commit, int]]:
    """Records of ``git log -z --name-status --format=%x01%H%x02%aI%x02%P%x02%s``,
    each with its commit's number of parents.

    Each record is a header token (``\\x01id\\x02date\\x02parents\\x02subject``),
    then for each file a status token (``\\nM``, ``\\nR100``) and one path, or two
    for a rename or a copy. With ``-m`` a merge has one record for each parent
    its file differs from. A commit git shows without files has its header alone.
    """
    tokens = data.decode("utf-8", "surrogateescape").split("\0")
    commits: list[tuple[Commit, int]] = []
    i = 0
    while i < len(tokens):
        token = tokens[i]
        i += 1
        if not token.startswith("\x01"):
            continue  # the empty token after the last record
        commit_id, _, rest = token[1:].partition("\x02")
        date, _, rest = rest.partition("\x02")
        parents, _, subject = rest.partition("\x02")
        status = path = old = ""
        if i < len(tokens) and tokens[i].startswith("\n") and not tokens[i].startswith("\n\x01"):
            status = tokens[i].strip()
            i += 1
            if status[:1] in ("R", "C") and i + 1 < len(tokens):
                old, path = tokens[i], tokens[i + 1]
                i += 2
            elif i < len(tokens):
                path = tokens[i]
                i += 1
        elif i < len(tokens) and tokens[i].startswith("\n\x01"):
            tokens[i] = tokens[i][1:]  # a header right after a header: no files between
        commit = Commit(commit_id, date, subject, status[:1], path, old)
        commits.append((commit, len(parents.split())))
    return commits


_LOG_FORMAT = "--format=%x01%H%x02%aI%x02%P%x02%s"


def file_log(
    repo: Repo,
    path: str,
    *,
    since: str | None = None,
    max_count: int | None = None,
    revisions: str = "HEAD",
) -> list[Commit]:
    """The commits that touched ``path`` (relative to the repository), newest first,
    following renames: each names the file as it was called in that commit. A
    file made as a copy of another starts at the copy (``A``).

    A merge counts when its version of the file is in none of its parents (both
    branches edited it): ``-m`` lists a merge once for each parent its file
    differs from, so such a merge is listed once per parent. A merge that kept
    one parent's version is no version of its own. (``--cc`` would say the same,
    but with ``--follow`` it lists every merge of the repository, each one
    counted by ``--max-count``.)
    """
    args = ["log", "--follow", "-z", "--name-status", "-M", "-m", _LOG_FORMAT]
    if since:
        args.append(f"--since={since}")
    if max_count is not None:
        args.append(f"--max-count={max_count}")
    args += ["--end-of-options", revisions, "--", path]
    code, out, message = run_git(args, repo.root, ok=(0, 128))
    if code != 0:
        if revisions == "HEAD" and no_commits(repo):
            return []
        raise GitError(f"git log failed: {message}")
    records = _parse_log(out)
    listed: dict[str, int] = {}
    for commit, _ in records:
        listed[commit.id] = listed.get(commit.id, 0) + 1
    named: list[Commit] = []
    seen: set[str] = set()
    current = path
    for commit, parents in records:
        if commit.id in seen or not commit.status:
            continue
        seen.add(commit.id)
        if parents > 1 and listed[commit.id] < parents:
            continue  # a merge that kept one parent's version
        if not commit.path:
            commit = Commit(commit.id, commit.date, commit.subject, commit.status, current)
        if commit.status == "C":
            # a copy of another file (a new client's canvas started from another's):
            # its history starts here; what git shows before it is the other file's
            named.append(Commit(commit.id, commit.date, commit.subject, "A", commit.path))
            break
        named.append(commit)
        current = commit.old_path or commit.path
    return named


def renamed_to(repo: Repo, commit: str, path: str) -> str | None:
    """The name ``path`` took in ``commit``, when that commit renamed it (git log
    shows a rename as a deletion to a log that follows the old name)."""
    _, out, _ = run_git(
        ["show", "-z", "--name-status", "-M", "--format=", "--end-of-options", commit],
        repo.root,
        ok=(0, 128),
    )
    tokens = out.decode("utf-8", "surrogateescape").split("\0")
    for i, token in enumerate(tokens[:-2]):
        if token.strip().startswith("R") and tokens[i + 1] == path:
            return tokens[i + 2]
    return None


def path_at(repo: Repo, path: str, commit: str) -> str | None:
    """What ``path`` (as named today) was called at ``commit``; None when it did not exist."""
    if _exists(repo, commit, path):
        return path
    for commit_seen in file_log(repo, path, revisions=f"{commit}..HEAD"):
        if commit_seen.old_path:
            path = commit_seen.old_path  # newest first: the oldest rename wins
    return path if _exists(repo, commit, path) else None


def _exists(repo: Repo, commit: str, path: str) -> bool:
    code, out, _ = run_git(
        ["cat-file", "-t", f"{commit}:{path}"], repo.root, ok=(0, 1, 128), limit=4096
    )
    return code == 0 and out.strip() == b"blob"


def show_file(repo: Repo, commit: str, path: str) -> bytes:
    """The bytes of ``path`` at ``commit`` (``git show COMMIT:PATH``), at most MAX_BYTES."""
    code, out, message = run_git(
        ["show", "--no-textconv", f"{commit}:{path}"],
        repo.root,
        ok=(0, 128),
        limit=MAX_BYTES,
    )
    if code != 0:
        raise GitError(f"git cannot show {path} at {commit[:12]}: {message}")
    return out
