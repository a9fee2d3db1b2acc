"""One atomic write for every file modelh writes: canvases, starters, schemas, reports.

A file is written to a temporary file in its own folder, synced, given its
mode, and renamed over the target, so a reader (an editor, a preview, a crash)
sees the old file or the new one, never half of one; the folder is synced
after. A save that is killed leaves its temporary file behind; the next write
of the same file removes it once no write holds it.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import tempfile
import time
from pathlib import Path
from typing import Literal

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows: leftovers are told by their age alone
    fcntl = None  # type: ignore[assignment]

TEMP_SUFFIX = ".tmp"
#: Younger temporary files may belong to a write that has not locked its file yet.
_LEFTOVER_AGE = 5.0
#: Without file locks (Windows), only a temporary file this old counts as left over.
_LEFTOVER_AGE_UNLOCKED = 3600.0


def new_file_mode() -> int:
    """What ``open()`` gives a new file: 0o666 less the umask."""
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def write_atomic(
    path: str | os.PathLike[str],
    data: bytes,
    *,
    mode: int | None = None,
    exclusive: bool = False,
    links: Literal["follow", "replace", "refuse"] = "follow",
) -> None:
    """Write ``data`` to ``path`` atomically: temporary file, fsync, rename, folder fsync.

    ``mode``: the new file's permissions; by default an existing file keeps its
    own and a new one gets what ``open()`` would give it. A rename makes a new
    file: a hard link to the old one keeps the old content.

    ``exclusive``: never replace an existing file (``FileExistsError``), as
    ``open(path, "x")`` would refuse, yet never leave a half-written file.

    ``links``: what becomes of a symbolic link at ``path``: ``follow``, its
    target is replaced (a canvas kept behind a link); ``replace``, the link
    itself is replaced by the file (an output never writes where a link
    points); ``refuse``, ``OSError`` (ELOOP) and nothing written.

    Raises ``OSError`` as the system reports it; nothing is left behind then.
    """
    target = Path(path)
    if links != "replace" and os.path.islink(target):
        if links == "refuse":
            raise OSError(errno.ELOOP, "a symbolic link stands there; modelh never writes one")
        target = Path(os.path.realpath(target))
    if mode is None:
        try:
            mode = target.stat().st_mode & 0o7777
        except OSError:
            mode = new_file_mode()
    folder = target.parent
    _remove_leftovers(folder, target.name)
    fd, temp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=TEMP_SUFFIX, dir=folder)
    try:
        if fcntl is not None:  # held until the rename: this temporary file is in use
            fcntl.flock(fd, fcntl.LOCK_EX)
        with os.fdopen(fd, "wb", closefd=False) as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fd)
        os.chmod(temp, mode)
        if exclusive:
            _link_new(temp, target)
        else:
            os.replace(temp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise
    finally:
        os.close(fd)
    _sync_folder(folder)


def _link_new(temp: str, target: Path) -> None:
    """Give ``temp`` the name ``target`` only if nothing has it: a hard link, which
    fails on an existing name, then the temporary name removed."""
    try:
        os.link(temp, target, follow_symlinks=False)
    except FileExistsError:
        raise
    except OSError:  # a file system without hard links: create, then rename over it
        fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        os.close(fd)
        os.replace(temp, target)
        return
    os.unlink(temp)


def _sync_folder(folder: Path) -> None:
    try:
        dir_fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        with contextlib.suppress(OSError):  # some file systems cannot sync a folder
            os.fsync(dir_fd)
    finally:
        os.close(dir_fd)


def _remove_leftovers(folder: Path, name: str) -> None:
    """Remove the temporary files of writes of ``name`` that were killed before their end.

    A write holds a lock on its temporary file until the file replaces the target;
    a killed write leaves its file unlocked. A file that is locked, or was written
    in the last seconds, may belong to a write under way and stays.
    """
    pattern = re.compile(
        r"\." + re.escape(name) + r"\.[a-z0-9_]{8}" + re.escape(TEMP_SUFFIX) + r"\Z"
    )
    try:
        entries = [e for e in os.scandir(folder) if pattern.match(e.name)]
    except OSError:
        return
    now = time.time()
    for entry in entries:
        try:
            if not entry.is_file(follow_symlinks=False):
                continue
            age = now - entry.stat(follow_symlinks=False).st_mtime
            if age < (_LEFTOVER_AGE if fcntl is not None else _LEFTOVER_AGE_UNLOCKED):
                continue
            if fcntl is None:
                os.unlink(entry.path)
                continue
            fd = os.open(entry.path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)  # fails while a write holds it
                os.unlink(entry.path)
            finally:
                os.close(fd)
        except OSError:  # locked, gone already, or not ours to remove: left alone
            continue
