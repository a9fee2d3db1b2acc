"""What the interview and a person (or a test) say to each other: the replies, the
prompter's protocol, what was written, and the small words both sides share."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

from modelh.canvas.keypaths import Path_
from modelh.errors import CanvasError, ModelhError
from modelh.interview.steps import Step

# What a reply can ask for besides an answer.
ANSWER, KEEP, SKIP, BACK, QUIT = "answer", "keep", "skip", "back", "quit"
#: The jump menu (``/goto``), and the rest of the section passed over (``/next``).
GOTO, NEXT = "goto", "next"
#: The keys of the jump menu's two steps (a section, then one of its open steps).
MENU_KEYS = ("goto:section", "goto:step")

#: The value a multi-select returns for "make a new one" (a channel or a measure).
NEW = "+new"

#: The indicator choice for a measure that counts something the catalog does not name.
OTHER = "other"


@dataclass(frozen=True)
class Reply:
    """What the person said to a step: an answer, or where to go."""

    action: str
    value: Any = None


class Prompter(Protocol):
    """How the interview meets a person (or a test)."""

    def show(self, step: Step) -> None:
        """Present the step: where we are, the question, the guidance, the current answer."""

    def ask(self, step: Step) -> Reply:
        """Ask for the step's answer; return it, or keep, skip, back, goto, next or quit."""

    def tell(self, message: str, style: str = "") -> None:
        """Say something in passing (saved, a refused answer, a new item)."""


@dataclass
class Change:
    """One value the interview wrote.

    ``path`` is an edit's path: mapping keys, list items by ``"[id]"``, or by
    position (an integer).
    """

    path: Path_
    before: Any
    after: Any


@dataclass
class Outcome:
    """What an interview did."""

    changes: list[Change] = field(default_factory=list)
    completed: bool = False  # walked to the end (not quit)
    skipped: int = 0  # open steps of the walk passed over, asked again with --all or /goto
    unsaved: list[Change] = field(default_factory=list)  # typed, not written (reload declined)


def dotted(path: Sequence[str | int]) -> str:
    """A path in the canvas as a person reads it: ``segments[ma-members].stage``.

    A list position (an integer) reads ``segments[0]``.
    """
    out = ""
    for step in path:
        if isinstance(step, int):
            out += f"[{step}]"
        else:
            out += step if step.startswith("[") else ("." if out else "") + step
    return out


def slug(text: str) -> str:
    """An id made from a name: lowercase letters, digits and hyphens."""
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:40].strip("-") or "item"


class Refused(ModelhError):
    """An answer the canvas could hold but the method does not allow (a sixth headline)."""


class Cancelled(Exception):
    """A new item's questions were left before the item was complete."""


class Quit(Exception):
    """The person asked to stop, in the middle of a new item's questions."""


def first_problem(exc: Exception) -> str:
    if isinstance(exc, CanvasError) and exc.problems:
        return exc.problems[0].message
    return str(exc)
