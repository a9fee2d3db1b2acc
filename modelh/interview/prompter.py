"""The interview at a terminal: rich screens and prompts (the ``Prompter`` for people).

At every step: Enter keeps the current answer; ``/skip`` leaves it for later;
``/back`` returns to the previous step; ``/goto`` lists the sections and their
open steps and jumps; ``/next`` skips the rest of the section; ``/edit`` opens
``$EDITOR`` for a long answer; ``?`` shows the step's guidance and these
commands again; ``/quit`` stops (every answer given so far is already saved).

A step, with its guidance, fits the terminal (80x24 is the smallest it is made
for): what does not fit is shortened, the guidance first ("? shows it all"),
then long choices to one line each, then the choices to their ids in columns.
The guidance of a topic is shown in full once, at its first step.
"""

from __future__ import annotations

import contextlib
import os
import re
import shlex
import subprocess
import sys
import tempfile
import textwrap
from collections.abc import Sequence
from typing import Any

with contextlib.suppress(ImportError):  # line editing and history (arrow keys)
    import readline  # noqa: F401

from rich.columns import Columns
from rich.console import Console, RenderableType
from rich.rule import Rule
from rich.table import Table
from rich.text import Text

from modelh import framework as fw
from modelh.escaping import printable
from modelh.interview.numbers import parse_number, plain_figure
from modelh.interview.steps import section_title
from modelh.interview.walk import (
    ANSWER,
    BACK,
    GOTO,
    KEEP,
    MENU_KEYS,
    NEW,
    NEXT,
    QUIT,
    SKIP,
    Reply,
    Step,
)

HINT = "Enter keeps · /skip · /back · /goto · /next section · /edit · /quit · ? help"
MENU_HINT = "a number or a name · /back: stay where the walk is · /quit"
#: What ``?`` shows under the guidance: every command, one short line each.
COMMANDS_HELP = (
    ("Enter", "keep the answer shown as Now"),
    ("/skip", "leave this step for later"),
    ("/back", "go back to the step before"),
    ("/goto", "list the sections and their open steps, and jump"),
    ("/next", "skip the rest of this section"),
    ("/edit", "write the answer in $EDITOR"),
    ("/quit", "stop here; every answer given is already saved"),
)
_COMMANDS = {
    "/skip": SKIP,
    "/back": BACK,
    "/goto": GOTO,
    "/next": NEXT,
    "/quit": QUIT,
    "/q": QUIT,
    "/exit": QUIT,
}
#: The guidance's labels, and the room they take.
_LABELS = ("Why", "Good answer", "Example")
_LABEL_WIDTH = max(len(label) for label in _LABELS) + 1
_INDENT = 2


class RichPrompter:
    """Shows steps and reads answers at a terminal."""

    def __init__(self, console: Console | None = None) -> None:
        self.console = console or Console(highlight=False)
        self._seen: set[fw.Guidance] = set()  # guidance shown in full: once a topic
        self._section = ""  # the section of the walk step last shown
        # the step last answered, and what was typed: offered again when it is asked
        # again at once (the answer was refused, or the canvas changed meanwhile)
        self._last: tuple[str, str] | None = None
        self._drafts: dict[str, str] = {}  # step key -> a kept /edit file to open again

    def _input(self, prefill: str) -> str:
        """A line typed at the prompt; ``prefill`` stands ready to be edited (with readline)."""
        hook = getattr(sys.modules.get("readline"), "set_startup_hook", None)
        if prefill and hook is not None:
            readline = sys.modules["readline"]
            hook(lambda: readline.insert_text(prefill))
        prompt = Text("› ", style="bold cyan")
        try:
            if "readline" not in sys.modules:
                return self.console.input(prompt)
            # readline redraws a long answer that wraps from the width of the prompt it
            # was given: the prompt goes to input(), its escape codes marked as unseen
            with self.console.capture() as captured:
                self.console.print(prompt, end="")
            return input(re.sub(r"(\x1b\[[0-9;]*m)", "\x01\\1\x02", captured.get()))
        finally:
            if prefill and hook is not None:
                hook(None)

    # -- showing: whatever comes from a canvas is shown through ``printable`` (or
    # plain ``Text``), so that its escape codes are seen, never obeyed by the terminal

    def show(self, step: Step) -> None:
        """Show ``step`` in the terminal's height (less the prompt's line).

        A topic's guidance is shown in full at its first step; after that, ``?``
        shows it again. What does not fit is shortened, step by step.
        """
        guidance = step.guidance if step.guidance not in self._seen else None
        room = self.console.height - 1
        parts: list[RenderableType] = []
        for level in range(4):
            parts = self._screen(step, level, guidance, room)
            if self._height(parts) <= room:
                break
        for part in parts:
            if isinstance(part, Text):  # print() joins texts, dropping their own wrapping
                self.console.print(part, no_wrap=part.no_wrap, overflow=part.overflow)
            else:
                self.console.print(part)
        if guidance is not None:
            self._seen.add(guidance)
        if step.total:
            self._section = step.section

    def _screen(
        self, step: Step, level: int, guidance: fw.Guidance | None, room: int
    ) -> list[RenderableType]:
        """The lines of a step; each ``level`` shorter than the one before.

        0: everything in full; 1: choices and the current answer cut to a line
        each; 2: the guidance cut to the room left; 3: the choices as ids in columns.
        """
        width = self.console.width
        # Text, not markup: a segment's name goes through untouched (rich's markup
        # escaping takes quadratic time on a long run of backslashes)
        if step.total:
            title = Text.assemble(
                (printable(section_title(step.section)), "bold"),
                f" · {step.number} of {step.total} open",
                style="rule.text",
            )
        else:
            title = Text(printable(step.group), style="rule.text")
        parts: list[RenderableType] = [Text(""), Rule(title, style="cyan")]
        if step.total and step.section != self._section:
            left = step.total - step.number + 1
            banner = (
                f"{step.total} open step{'s' if step.total != 1 else ''} in this section"
                " · /next skips them · answers are saved as given"
                if left == step.total
                else f"{left} of its {step.total} open steps left in this section"
                " · /next skips them"
            )
            parts.append(
                Text(
                    banner,
                    style="dim",
                    no_wrap=True,
                    overflow="ellipsis",
                )
            )
        if step.total:
            parts.append(Text(printable(step.group), style="bold"))
        parts.append(Text(printable(step.prompt, multiline=True)))
        guide_at = len(parts)
        if step.note:
            note = Text(printable(step.note, multiline=True), style="italic")
            if level >= 1:  # a long note (a draft, a list of names): its first line
                note = Text(printable(step.note.split("\n", 1)[0]), style="italic")
                note.no_wrap, note.overflow = True, "ellipsis"
            parts.append(note)
        if (step.choices or step.allow_new) and step.kind in ("choice", "multi"):
            parts.append(_choices(step, level))
        if step.draft and not step.answered:  # a proposed answer: Enter takes it
            parts.append(Text("Draft (Enter takes it, /edit changes it):", style="bold"))
            draft = Text(printable(step.draft, multiline=True))
            if level >= 1:
                draft.no_wrap, draft.overflow = True, "ellipsis"
            parts.append(draft)
        elif step.kind != "confirm" and not (step.path == () and step.current is None):
            now = Text.assemble(("Now: ", "bold"), _current(step, level))
            now.no_wrap, now.overflow = level >= 1, "ellipsis"
            parts.append(now)
        if step.key in MENU_KEYS:
            parts.append(Text(MENU_HINT, style="dim", no_wrap=True, overflow="ellipsis"))
        elif step.total or step.kind != "confirm":  # a question aside says its own answers
            parts.append(Text(HINT, style="dim", no_wrap=True, overflow="ellipsis"))
        if guidance is not None:
            lines = None
            if level >= 2:
                lines = max(len(_LABELS), room - self._height(parts))
            parts[guide_at:guide_at] = [_guidance(guidance, width, lines)]
        return parts

    def _height(self, parts: Sequence[RenderableType]) -> int:
        """How many terminal lines ``parts`` take."""
        options = self.console.options.update(height=None)
        return sum(len(self.console.render_lines(p, options, pad=False)) for p in parts)

    def help(self, step: Step) -> None:
        """What ``?`` shows: the step's guidance in full, and what each command does."""
        if step.guidance is not None:
            self.console.print(_guidance(step.guidance, self.console.width, None))
        table = Table.grid(padding=(0, 1))
        table.add_column(style="bold cyan", no_wrap=True)
        table.add_column()
        for command, meaning in COMMANDS_HELP:
            table.add_row(command, meaning)
        self.console.print(table)

    def tell(self, message: str, style: str = "") -> None:
        styles = {"error": "bold red", "saved": "green"}
        mark = {"error": "✗ ", "saved": "✓ "}.get(style, "")
        shown = printable(mark + message, multiline=True)
        self.console.print(Text(shown, style=styles.get(style, "")))

    # -- asking

    def ask(self, step: Step) -> Reply:
        # asked again at once (the answer was refused): offer what was typed, to correct
        again = self._last[1] if self._last and self._last[0] == step.key else ""
        while True:
            try:
                raw = self._input(again)
            except EOFError:
                return Reply(QUIT)
            again = ""
            if step.total or (self._last and self._last[0] == step.key):
                self._last = None  # kept through a question between (reload?), for its retry
            text = raw.strip()
            if text == "":
                return (
                    Reply(ANSWER, step.draft) if step.draft and not step.answered else Reply(KEEP)
                )
            if text.lower() in _COMMANDS:
                action = _COMMANDS[text.lower()]
                if action in (GOTO, NEXT) and not step.total:  # a new item's field, a menu
                    self.tell(f"{text} works at a step of the walk, not here.", "error")
                    continue
                return Reply(action)
            if text.lower() == "/edit":
                edited = self.edit(step)
                if edited is None:
                    continue
                if step.kind == "text":
                    return Reply(ANSWER, edited)
                if step.kind == "list":  # one item a line
                    lines = [line.strip() for line in edited.splitlines() if line.strip()]
                    return Reply(ANSWER, lines)
                text = edited
            elif text.lower() in ("/help", "?"):
                self.help(step)
                continue
            elif text.startswith("/") and " " not in text:
                self.tell(f"'{text}' is not a command. {HINT}", "error")
                continue
            elif text.split()[0].lower() in (*_COMMANDS, "/edit", "/help"):
                word = text.split()[0]
                self.tell(
                    f"{word} takes nothing after it: type {word.lower()} alone. An answer "
                    "that starts with '/' goes in with /edit.",
                    "error",
                )
                again = text  # offer it again, to correct
                continue
            try:
                reply = Reply(ANSWER, self.parse(step, text))
            except ValueError as exc:
                self.tell(str(exc), "error")
                again = text  # offer it again, to correct
                continue
            self._last = (step.key, text)  # offered again if the answer is refused
            return reply

    def parse(self, step: Step, text: str) -> Any:
        """The answer typed for ``step``, checked for its kind (ValueError if it is not one)."""
        kind = step.kind
        if kind == "text":
            return text
        if kind == "number":
            return parse_number(text)
        if kind == "confirm":
            if text.lower() in ("y", "yes"):
                return True
            if text.lower() in ("n", "no"):
                return False
            raise ValueError("answer y or n")
        if kind == "list":
            if text in ("-", "/none"):
                return []
            return [part.strip() for part in text.split(";") if part.strip()]
        values = [v for v, _ in step.choices]
        if kind == "choice":
            if text in ("+", "new", "+new") and step.allow_new:
                return NEW
            return _pick(text, values)
        # multi
        if text in ("-", "/none"):
            return []
        chosen: list[str] = []
        for part in text.replace(",", " ").split():
            if part in ("+", "new", "+new") and step.allow_new:
                chosen.append(NEW)
            else:
                chosen.append(_pick(part, values))
        return list(dict.fromkeys(chosen))

    def edit(self, step: Step) -> str | None:
        """The answer written in ``$EDITOR`` (None when the editor fails or changes nothing).

        What the editor saved is never lost: when it cannot be read (not UTF-8) or the
        editor fails after changing it, the file is kept, its path said, and the next
        ``/edit`` of the step opens it again.
        """
        editor = os.environ.get("VISUAL") or os.environ.get("EDITOR") or "vi"
        current = step.current if step.answered or not step.draft else step.draft
        if isinstance(current, list | tuple):  # one item a line, as it is read back
            current = "".join(f"{c}\n" for c in current)
        name = self._drafts.get(step.key)
        if name is None or not os.path.exists(name):
            with tempfile.NamedTemporaryFile(
                "wb", prefix="modelh-answer-", suffix=".md", delete=False
            ) as fh:
                fh.write(("" if current is None else str(current)).encode("utf-8"))
                name = fh.name
        with open(name, "rb") as fh:
            before = fh.read()
        try:
            done = subprocess.run([*shlex.split(editor), name], check=False)
        except OSError as exc:
            self._drop_unless_draft(step, name)
            self.tell(f"cannot start the editor '{editor}': {exc.strerror}", "error")
            return None
        except ValueError as exc:  # an unmatched quote in $EDITOR
            self._drop_unless_draft(step, name)
            self.tell(f"cannot start the editor '{editor}': {exc}", "error")
            return None
        try:
            with open(name, "rb") as fh:
                data = fh.read()
        except OSError as exc:
            self.tell(f"cannot read what the editor saved in {name}: {exc.strerror}", "error")
            return None
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as exc:
            self._drafts[step.key] = name
            line = data[: exc.start].count(b"\n") + 1
            self.tell(
                f"what the editor saved is not UTF-8 text (byte 0x{data[exc.start]:02x} on "
                f"line {line}): nothing was saved in the canvas, and nothing is lost: the text "
                f"is kept in {name} ; save it there as UTF-8, then type /edit to go on with it",
                "error",
            )
            return None
        if done.returncode != 0:
            if data != before:
                self._drafts[step.key] = name
                self.tell(
                    f"the editor '{editor}' stopped with an error; nothing was saved in the "
                    f"canvas, and what it wrote is kept in {name}: type /edit to go on with it",
                    "error",
                )
            else:
                self._drop_unless_draft(step, name)
                self.tell(f"the editor '{editor}' stopped with an error; nothing changed", "error")
            return None
        self._drafts.pop(step.key, None)
        with contextlib.suppress(OSError):
            os.unlink(name)
        text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
        return text.strip("\n") or None

    def _drop_unless_draft(self, step: Step, name: str) -> None:
        """Remove a temporary file that holds nothing of the person's (not a kept draft)."""
        if self._drafts.get(step.key) != name:
            with contextlib.suppress(OSError):
                os.unlink(name)


def _pick(text: str, values: list[str]) -> str:
    if text.isdigit() and 1 <= int(text) <= len(values):
        return values[int(text) - 1]
    if text in values:
        return text
    lowered = [v for v in values if v.lower() == text.lower()]
    if lowered:
        return lowered[0]
    starts = [v for v in values if v.startswith(text.lower())]
    if len(starts) == 1:
        return starts[0]
    raise ValueError(f"'{text}' is not one of the choices: give its number or its name")


def _guidance(guidance: fw.Guidance, width: int, lines: int | None) -> Text:
    """Why, good answer, example, wrapped beside their labels; in at most ``lines``.

    When cut, each part keeps at least its first line, ends with "…", and a last
    line says that ``?`` shows it all.
    """
    text_width = max(20, width - _INDENT - _LABEL_WIDTH)
    wrapped = [
        textwrap.wrap(part, text_width) or [""]
        for part in (guidance.why, guidance.good_answer, guidance.example)
    ]
    cut = lines is not None and sum(map(len, wrapped)) > lines
    if cut:
        assert lines is not None
        budget = max(len(wrapped), lines - 1)  # a line for "? shows it all"
        keep = [1] * len(wrapped)
        budget -= len(wrapped)
        while budget > 0 and any(k < len(w) for k, w in zip(keep, wrapped, strict=True)):
            for i, w in enumerate(wrapped):
                if budget > 0 and keep[i] < len(w):
                    keep[i] += 1
                    budget -= 1
        for i, w in enumerate(wrapped):
            if keep[i] < len(w):
                last = w[keep[i] - 1]
                w[keep[i] - 1 :] = [last[: text_width - 1].rstrip() + "…"]
    out = Text()
    pad = " " * _INDENT
    for label, part in zip(_LABELS, wrapped, strict=True):
        for n, line in enumerate(part):
            if len(out):
                out.append("\n")
            out.append(pad + (label if n == 0 else "").ljust(_LABEL_WIDTH), style="bold dim")
            out.append(line, style="dim")
    if cut:
        out.append("\n" + pad + "? shows the guidance in full", style="dim italic")
    return out


def _choices(step: Step, level: int = 0) -> RenderableType:
    """The choices, numbered, the chosen ones marked; ``level`` 1 cuts each to a line,
    3 shows ids only, in columns."""
    current = step.current if isinstance(step.current, list | tuple) else (step.current,)
    rows = []
    for n, (value, label) in enumerate(step.choices, start=1):
        mark = "●" if value in current else " "
        if level >= 3:
            shown = value
        elif step.key in MENU_KEYS or label.lower().startswith(value.lower()):
            shown = label
        else:
            shown = f"{value}: {label}" if label != value else value
        rows.append((f"{n}.", mark, printable(shown)))
    extra = []
    if step.allow_new:
        extra.append(("+", " ", f"a new {step.allow_new}"))
    tail = Text("several: 1,3 · none: -", style="dim") if step.kind == "multi" else None
    if level >= 3:
        cells = [Text(f"{number} {mark} {shown}") for number, mark, shown in rows + extra]
        columns = Columns(cells, padding=(0, 2), column_first=True)
        table = Table.grid()
        table.add_column()
        table.add_row(columns)
        if tail is not None:
            table.add_row(tail)
        return table
    table = Table.grid(padding=(0, 1))
    table.add_column(justify="right", style="cyan", no_wrap=True)
    table.add_column(no_wrap=True)
    table.add_column(ratio=1)
    for number, mark, shown in rows + extra:
        table.add_row(number, mark, Text(shown, no_wrap=level >= 1, overflow="ellipsis"))
    if tail is not None:
        table.add_row("", "", tail)
    return table


def _current(step: Step, level: int = 0) -> Text:
    value = step.current
    if value in (None, "", (), []):
        return Text("not answered yet", style="italic dim")
    if isinstance(value, list | tuple):
        separator = "; " if step.kind == "list" else ", "  # as a list or choices are typed
        return Text(separator.join(printable(str(v)) for v in value))
    if isinstance(value, float):
        return Text(plain_figure(value))  # 0.00001, not 1e-05
    text = printable(str(value).strip(), multiline=True)
    lines = text.splitlines()
    most = 6 if level == 0 else 3
    if len(lines) > most:
        text = "\n".join(lines[:most]) + f"\n… {len(lines) - most} more lines"
    return Text(text)
