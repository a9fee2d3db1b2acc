"""The interview at a terminal: rich screens and prompts (the ``Prompter`` for people).

At every step: Enter keeps the current answer; ``/skip`` leaves it for later;
``/back`` returns to the previous step; ``/edit`` opens ``$EDITOR`` for a long
answer; ``/quit`` stops (every answer given so far is already saved).
"""

from __future__ import annotations

import contextlib
import os
import shlex
import subprocess
import sys
import tempfile
from typing import Any

with contextlib.suppress(ImportError):  # line editing and history (arrow keys)
    import readline  # noqa: F401

from rich.console import Console, Group
from rich.padding import Padding
from rich.rule import Rule
from rich.table import Table
from rich.text import Text

from modelh.escaping import printable
from modelh.interview.numbers import parse_number
from modelh.interview.walk import ANSWER, BACK, KEEP, NEW, QUIT, SKIP, Reply, Step

HINT = "Enter keeps · /skip · /back · /edit · /quit · every answer is saved"
_COMMANDS = {"/skip": SKIP, "/back": BACK, "/quit": QUIT, "/q": QUIT, "/exit": QUIT}


class RichPrompter:
    """Shows steps and reads answers at a terminal."""

    def __init__(self, console: Console | None = None) -> None:
        self.console = console or Console(highlight=False)
        self._group = ""  # guidance is shown once for the steps of one group
        self._last: tuple[str, str] | None = None  # the step last asked, and what was typed
        self._drafts: dict[str, str] = {}  # step key -> a kept /edit file to open again

    def _input(self, prefill: str) -> str:
        """A line typed at the prompt; ``prefill`` stands ready to be edited (with readline)."""
        hook = getattr(sys.modules.get("readline"), "set_startup_hook", None)
        if prefill and hook is not None:
            readline = sys.modules["readline"]
            hook(lambda: readline.insert_text(prefill))
        try:
            return self.console.input(Text("› ", style="bold cyan"))
        finally:
            if prefill and hook is not None:
                hook(None)

    # -- showing: whatever comes from a canvas is shown through ``printable`` (or
    # plain ``Text``), so that its escape codes are seen, never obeyed by the terminal

    def show(self, step: Step) -> None:
        c = self.console
        c.print()
        # Text, not markup: a segment's name goes through untouched (rich's markup
        # escaping takes quadratic time on a long run of backslashes)
        title = (
            Text.assemble(
                (printable(step.section.capitalize()), "bold"),
                f" · step {step.number} of {step.total}",
                style="rule.text",
            )
            if step.total
            else Text(printable(step.group), style="rule.text")
        )
        c.print(Rule(title, style="cyan"))
        if step.total:
            c.print(Text(printable(step.group), style="bold"))
        c.print(Text(printable(step.prompt, multiline=True)))
        if step.guidance is not None and step.group != self._group:
            c.print(Padding(_guidance(step), (0, 0, 0, 2)))
        self._group = step.group
        if step.note:
            c.print(Text(printable(step.note, multiline=True), style="italic"))
        if (step.choices or step.allow_new) and step.kind in ("choice", "multi"):
            c.print(_choices(step))
        if step.draft and not step.answered:  # a proposed answer: Enter takes it
            c.print(Text("Draft (Enter takes it, /edit changes it):", style="bold"))
            c.print(Text(printable(step.draft, multiline=True)))
        elif step.kind != "confirm":
            c.print(Text.assemble(("Now: ", "bold"), _current(step)))
        c.print(Text(HINT, style="dim"))

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
            self._last = None
            text = raw.strip()
            if text == "":
                return (
                    Reply(ANSWER, step.draft) if step.draft and not step.answered else Reply(KEEP)
                )
            if text.lower() in _COMMANDS:
                return Reply(_COMMANDS[text.lower()])
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
                self.tell(HINT)
                continue
            elif text.startswith("/") and " " not in text:
                self.tell(f"'{text}' is not a command. {HINT}", "error")
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
        if isinstance(current, list | tuple):
            current = "; ".join(str(c) for c in current)
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


def _guidance(step: Step) -> Group:
    g = step.guidance
    assert g is not None
    table = Table.grid(padding=(0, 1))
    table.add_column(style="bold dim", no_wrap=True)
    table.add_column(style="dim")
    table.add_row("Why", g.why)
    table.add_row("Good answer", g.good_answer)
    table.add_row("Example", g.example)
    return Group(table)


def _choices(step: Step) -> Table:
    table = Table.grid(padding=(0, 1))
    table.add_column(justify="right", style="cyan", no_wrap=True)
    table.add_column()
    current = step.current if isinstance(step.current, list | tuple) else (step.current,)
    for n, (value, label) in enumerate(step.choices, start=1):
        mark = " ●" if value in current else ""
        shown = (
            label if label.startswith(value) else f"{value}: {label}" if label != value else value
        )
        table.add_row(f"{n}.", Text(printable(shown) + mark))
    if step.allow_new:
        table.add_row("+", Text(f"a new {step.allow_new}"))
    if step.kind == "multi":
        table.add_row("", Text("several: 1,3 · none: -", style="dim"))
    return table


def _current(step: Step) -> Text:
    value = step.current
    if value in (None, "", (), []):
        return Text("not answered yet", style="italic dim")
    if isinstance(value, list | tuple):
        return Text(", ".join(printable(str(v)) for v in value))
    text = printable(str(value).strip(), multiline=True)
    lines = text.splitlines()
    if len(lines) > 6:
        text = "\n".join(lines[:6]) + f"\n… {len(lines) - 6} more lines"
    return Text(text)
