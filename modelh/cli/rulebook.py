"""The gap rules at the terminal, for ``modelh rules``: the list, and one rule in full.

Both are wrapped at the console's width, word by word: a rule's documentation is
written as paragraphs of prose and blocks of YAML (after a line ending in
``::``); the prose is wrapped anew, the YAML kept as written.
"""

from __future__ import annotations

from collections.abc import Iterable

from rich.console import Console
from rich.text import Text

from modelh.check.output import hanging
from modelh.check.rules import RULE_SECTIONS, SECTION_TITLES, Rule

_STYLE = {"error": "bold red", "warning": "yellow", "info": "cyan"}


def print_list(console: Console, rules: Iterable[Rule]) -> None:
    """Every rule by section: its code, severity and what it finds, then its name."""
    chosen = list(rules)
    for section in RULE_SECTIONS:
        in_section = [r for r in chosen if r.section == section]
        if not in_section:
            continue
        console.print(Text(SECTION_TITLES[section], style="bold"))
        for rule in in_section:
            lead = Text.assemble(
                f"  {rule.code} ", (f"{rule.severity:<7}", _STYLE[rule.severity]), " "
            )
            hanging(console, lead, Text.assemble(rule.title, " ", (f"[{rule.name}]", "dim")))
        console.print()
    console.print("Run 'modelh rules CODE' for one rule in full.")


def print_rule(console: Console, rule: Rule) -> None:
    """One rule: its code, name, severity and section, then its documentation."""
    console.print(
        Text.assemble(
            (f"{rule.code} {rule.name}", "bold"),
            "  ",
            (rule.severity, _STYLE[rule.severity]),
            f", {rule.section}",
        )
    )
    for kind, lines in _blocks(rule.doc):
        console.print()
        if kind == "code":
            for line in lines:  # as written, indented; a line too long wraps under itself
                stripped = line.lstrip(" ")
                indent = "    " + " " * (len(line) - len(stripped))
                hanging(console, Text(indent), Text(stripped))
            continue
        label, _, rest = " ".join(lines).partition(": ")
        if rest and label in ("Why it matters", "How to fix"):
            hanging(console, Text(""), Text.assemble((f"{label}:", "bold"), " ", rest))
        elif kind == "label":
            console.print(Text(" ".join(lines), style="bold"))
        else:
            hanging(console, Text(""), Text(" ".join(lines)))
    if rule.executive is not None:
        console.print()
        label = "In the report, for executives:"
        hanging(console, Text(""), Text.assemble((label, "bold"), " ", rule.executive.sample()))
    if rule.options:
        console.print()
        console.print(Text.assemble(("Options", "bold"), " (defaults):"))
        for key, value in rule.options.items():
            console.print(Text(f"  {key} = {value!r}"))


def _blocks(doc: str) -> list[tuple[str, list[str]]]:
    """The documentation as (kind, lines): ``prose`` (a paragraph), ``label``
    (``Example:``, from a line ending in ``::``) and ``code`` (the block after it)."""
    blocks: list[tuple[str, list[str]]] = []
    lines = doc.splitlines()
    i = 0
    while i < len(lines):
        if not lines[i].strip():
            i += 1
            continue
        if lines[i].endswith("::"):
            blocks.append(("label", [lines[i][:-1]]))
            i += 1
            code: list[str] = []
            while i < len(lines) and (not lines[i].strip() or lines[i].startswith("    ")):
                code.append(lines[i][4:])
                i += 1
            while code and not code[0].strip():
                code.pop(0)
            while code and not code[-1].strip():
                code.pop()
            blocks.append(("code", code))
            continue
        paragraph = []
        while i < len(lines) and lines[i].strip() and not lines[i].endswith("::"):
            paragraph.append(lines[i].strip())
            i += 1
        blocks.append(("prose", paragraph))
    return blocks
