"""The latest handout of one canvas, rendered again whenever its file changes.

A change is seen in the file's modification time, size and inode (an atomic
save replaces the inode; an editor that writes in place changes the time or the
size). The file's signature is taken before it is read, so a save that lands
while a render reads the file is seen at the next look. A save that does not
load keeps the last good handout, with the problem beside it.
"""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from modelh.errors import CanvasError, ModelhError

#: How often the file is looked at (a stat: nothing is read unless it changed).
POLL_SECONDS = 0.1

_Signature = tuple[int, int, int, int] | None


@dataclass(frozen=True)
class HandoutState:
    """What the preview shows now.

    ``version`` counts every change the page should show (a new handout, a new
    problem, a problem gone); ``handout`` counts the handouts rendered (0: none
    yet); ``html`` is the last good handout, the bytes ``modelh render`` writes;
    ``problem`` says why the latest save gave no handout, one line a problem
    (None: it did);
    ``seconds`` is how long the latest render took.
    """

    version: int = 0
    handout: int = 0
    html: bytes | None = None
    problem: str | None = None
    seconds: float = 0.0


#: The problems of a canvas that does not load named on the page (the rest are counted).
PROBLEMS_SHOWN = 3


def describe_problem(exc: BaseException, path: str) -> str:
    """Why the canvas at ``path`` gave no handout: one line a problem,
    ``file:line:col: message``, the first few of them."""
    if isinstance(exc, CanvasError):
        if not exc.problems:
            return exc.message
        lines = [str(problem) for problem in exc.problems[:PROBLEMS_SHOWN]]
        more = len(exc.problems) - PROBLEMS_SHOWN
        if more > 0:
            lines.append(f"and {more} more problem{'s' if more > 1 else ''}")
        return "\n".join(lines)
    if isinstance(exc, ModelhError):
        return f"{path}: {exc.message}"
    if isinstance(exc, OSError):
        return f"{path}: cannot read the file: {exc.strerror or exc}"
    # a bug must not stop the preview: the room sees it, and the last good handout stays
    return f"{path}: internal error: {type(exc).__name__}: {exc}"


def file_signature(path: str) -> _Signature:
    """Device, inode, modification time (ns) and size of ``path``; None when it is gone."""
    try:
        st = os.stat(path)
    except OSError:
        return None
    return (st.st_dev, st.st_ino, st.st_mtime_ns, st.st_size)


class LiveHandout:
    """The handout of the canvas at ``path``, rendered again when the file changes.

    ``options`` and ``config`` are those of ``modelh render`` (sections, paper,
    templates; the checker's configuration for the gaps section).
    """

    def __init__(self, path: str | os.PathLike[str], options: Any = None, config: Any = None):
        self.path = os.fspath(path)
        self._options = options
        self._config = config
        self._seen: _Signature | bool = False  # False: never looked at
        self._state = HandoutState()
        self._changed = threading.Condition()
        self._refreshing = threading.Lock()
        self._closed = False

    @property
    def state(self) -> HandoutState:
        with self._changed:
            return self._state

    def refresh(self) -> HandoutState | None:
        """Render again if the file changed since the last look: the new state, or
        None when nothing the page shows changed."""
        with self._refreshing:
            signature = file_signature(self.path)
            if signature == self._seen:
                return None
            self._seen = signature
            from modelh.report.render import handout_html

            started = time.perf_counter()
            html: bytes | None = None
            problem: str | None = None
            try:
                html = handout_html(self.path, self._options, self._config)
            except Exception as exc:  # every failure is a message on the page
                problem = describe_problem(exc, self.path)
            seconds = time.perf_counter() - started
            return self._publish(html, problem, seconds)

    def _publish(
        self, html: bytes | None, problem: str | None, seconds: float
    ) -> HandoutState | None:
        with self._changed:
            old = self._state
            if html is not None:
                if html == old.html and old.problem is None:
                    return None  # the same handout (a comment changed, the file touched)
                handout = old.handout if html == old.html else old.handout + 1
                new = HandoutState(old.version + 1, handout, html, None, seconds)
            elif problem == old.problem:
                return None
            else:
                new = HandoutState(old.version + 1, old.handout, old.html, problem, seconds)
            self._state = new
            self._changed.notify_all()
            return new

    def wait(self, after: int, timeout: float) -> HandoutState:
        """The state once its version is no longer ``after``, or when ``timeout``
        seconds have passed, or when the preview closes."""
        with self._changed:
            self._changed.wait_for(lambda: self._state.version != after or self._closed, timeout)
            return self._state

    def watch(
        self,
        stop: threading.Event,
        on_change: Callable[[HandoutState], None] | None = None,
        interval: float = POLL_SECONDS,
    ) -> None:
        """Look at the file every ``interval`` seconds until ``stop`` is set;
        ``on_change`` hears of every new state."""
        while not stop.wait(interval):
            state = self.refresh()
            if state is not None and on_change is not None:
                on_change(state)

    def close(self) -> None:
        """Wake every ``wait``: the preview is stopping."""
        with self._changed:
            self._closed = True
            self._changed.notify_all()
