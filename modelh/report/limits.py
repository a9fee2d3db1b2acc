"""Bounds on a render: pages, time and memory, and the forked child that holds them."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, TypeVar

from modelh.errors import ModelhError
from modelh.report.errors import LimitError

#: A report may have at most this many pages: WeasyPrint lays out a page in about
#: a fifth of a second and keeps every page in memory until the PDF is written. The
#: report shortens long lists and texts (``modelh.report.shorten``), so the largest canvas
#: the loader accepts makes about 38 pages: this is the safety net behind that.
MAX_PAGES = 50
#: Rendering one canvas (load, check, HTML and PDF) may take at most this many seconds.
TIME_LIMIT = 120.0
#: The memory (address space) one canvas's render may use, where the system can limit it.
MEMORY_LIMIT = 3 * 1024**3

_T = TypeVar("_T")


@dataclass(frozen=True)
class Limits:
    """Bounds on the work one canvas's report may cause (see ``docs/report.md``).

    ``pages``: pages of the PDF; ``seconds``: time for the whole render of one
    canvas (None: no limit); ``memory``: bytes of address space for that render
    (where the system can limit it; None: no limit). ``started`` is when the
    clock started (``time.monotonic()``).
    """

    pages: int = MAX_PAGES
    seconds: float | None = TIME_LIMIT
    memory: int | None = MEMORY_LIMIT
    started: float = field(default_factory=time.monotonic)

    @property
    def deadline(self) -> float | None:
        return None if self.seconds is None else self.started + self.seconds

    def check_time(self) -> None:
        deadline = self.deadline
        if deadline is not None and time.monotonic() > deadline:
            raise LimitError(too_slow(self.seconds))


def too_many_pages(limit: int) -> str:
    return (
        f"the report would have more than {limit} pages, the limit of a report: leave "
        "sections out (--sections) or shorten the canvas"
    )


def too_slow(limit: float | None) -> str:
    return (
        f"rendering took longer than the limit of {limit:g} s for one canvas: leave "
        "sections out (--sections) or shorten the canvas"
    )


def bounded(function: Callable[..., _T], args: tuple[Any, ...], limits: Limits) -> _T:
    """``function(*args)`` in a forked child process, killed past ``limits``.

    Without fork (Windows, or macOS where it is unsafe) the function runs here,
    and only its own checks of the time limit hold.
    """
    import multiprocessing
    import sys

    if sys.platform != "linux" or limits.seconds is None:
        return function(*args)
    context = multiprocessing.get_context("fork")
    receiver, sender = context.Pipe(duplex=False)
    child = context.Process(target=_child, args=(sender, function, args, limits.memory))
    child.start()
    sender.close()
    try:
        left = max(0.0, (limits.deadline or 0) - time.monotonic())
        if not receiver.poll(left + 1.0):  # the child checks the limit itself first
            raise LimitError(too_slow(limits.seconds))
        try:
            kind, payload = receiver.recv()
        except EOFError:
            child.join()
            raise LimitError(_died(child.exitcode, limits.memory)) from None
    finally:
        if child.is_alive():
            child.kill()
        child.join()
        receiver.close()
    if kind == "ok":
        result: _T = payload  # what function returned, sent back whole
        return result
    raise _unpack(payload)


def _child(sender: Any, function: Any, args: tuple[Any, ...], memory: int | None) -> None:
    if memory is not None:
        import resource

        try:
            _, hard = resource.getrlimit(resource.RLIMIT_AS)
            cap = memory if hard == resource.RLIM_INFINITY else min(memory, hard)
            resource.setrlimit(resource.RLIMIT_AS, (cap, hard))
        except (ValueError, OSError):
            pass
    try:
        message: tuple[str, Any] = ("ok", function(*args))
    except MemoryError:
        message = ("error", _pack(LimitError(_died(None, memory))))
    except BaseException as exc:  # every failure crosses back to the parent as it was
        message = ("error", _pack(exc))
    try:
        sender.send(message)
    except Exception as exc:  # a result that cannot be sent: say so
        sender.send(("error", _pack(RuntimeError(f"the render's result was lost: {exc}"))))
    sender.close()


def _died(exitcode: int | None, memory: int | None) -> str:
    limit = f"{memory / 1024**3:g} GB" if memory else "the memory available"
    how = f" (exit status {exitcode})" if exitcode else ""
    return (
        f"the render stopped{how}: it needed more memory than its limit of {limit}; "
        "leave sections out (--sections) or shorten the canvas"
    )


def _pack(exc: BaseException) -> tuple[Any, ...]:
    if isinstance(exc, ModelhError):
        return (type(exc), exc.message, dict(vars(exc)))
    return (RuntimeError, f"{type(exc).__name__}: {exc}", {})


def _unpack(packed: tuple[Any, ...]) -> BaseException:
    kind, message, state = packed
    exc: BaseException = kind.__new__(kind)
    Exception.__init__(exc, message)
    exc.__dict__.update(state)
    return exc
