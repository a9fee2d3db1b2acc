"""The gap rules: one module a rule, found here and run by the checker.

A rule module holds, as plain data, what the registry needs::

    \"\"\"Title line: what the rule finds.

    Why it matters: ... (the method's reason)
    How to fix: ...
    Example: ... (a canvas fragment that triggers it, and the fix)
    \"\"\"
    CODE = "MH203"             # stable; never reused
    NAME = "dimension-no-channel"
    SEVERITY = "warning"       # error | warning | info (the default; config may change it)
    SECTION = "dimensions"     # answers | dimensions | measures | segments | journeys | cx
                               # | format | meta
    OPTIONS = {}               # option name -> default value
    MERGED = Merged(...)       # optional: how several hits at one place read as one
    EXECUTIVE = Executive(...) # the gap in the report's words for executives
    def check(canvas, options): yield Hit(path, message, fix)

The module docstring is the rule's documentation (``modelh rules MH203``).
``EXECUTIVE`` says the gap to the executives who read the report: what is
missing and why it matters to the business, in the method's words, with no key,
code or line number (``modelh.report.gaps`` fills in the names and says many
findings of a rule as one). Format rules (``SECTION = "format"``) have no
``check``: they name the loader's problems (``KINDS``) so that those reach the
user through the same channel.
A rule imports the model and the framework, never another rule.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from functools import cache
from typing import Any

SEVERITIES: tuple[str, ...] = ("info", "warning", "error")
RULE_SECTIONS: tuple[str, ...] = (
    "format",
    "answers",
    "dimensions",
    "measures",
    "segments",
    "journeys",
    "cx",
    "meta",
)


@dataclass(frozen=True)
class Hit:
    """What a rule reports: where (a key path, found or its nearest parent), what, how to fix.

    ``severity`` overrides the rule's for this one hit (a planned dimension's gaps are info).
    """

    path: str
    message: str
    fix: str = ""
    severity: str | None = None
    #: What the hit is about, where its path does not say it (``{"domain": "brand"}``):
    #: the fields of the rule's ``Executive`` texts that the path cannot give.
    about: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Executive:
    """How the report says a rule's gaps to executives: no keys, codes or line numbers.

    ``one`` says the gap of one finding, ``why`` why it matters to the business,
    in the method's words. Fields in braces are filled in with names the reader
    knows: ``{dimension}``, ``{segment}``, ``{question}``, ``{measure}``,
    ``{domain}``, ``{journey}``, ``{touch}``, ``{system}``, ``{capability}``,
    ``{office}``, read from the finding's key path, and any field the hit gives
    in ``about``. ``over`` names the field in which several findings of the rule
    differ (``"dimension"``); ``many`` says them as one, with ``{items}`` (``a,
    b and c``) or ``{items_or}`` (``a, b or c``) for it and the other fields as
    in ``one``. A rule whose findings are about the canvas as a whole has no
    fields and says its gap once. ``part`` names what is missing as a part of
    the subject ("an owner"), for when one subject lacks several parts: the
    report then says them in one sentence ("The Motivation dimension still
    lacks a channel, a message and an owner").
    """

    one: str
    why: str
    many: str = ""
    over: str = ""
    part: str = ""

    def sample(self) -> str:
        """The gap and why it matters as the reference shows them: each field as
        ``‹dimension›``."""
        import re

        return re.sub(r"\{(\w+)\}", r"‹\1›", self.one) + ". " + self.why


@dataclass(frozen=True)
class Merged:
    """How the text output says several findings of a rule at one place as one.

    ``one`` is the message of one finding, with ``{item}`` where the findings
    differ and ``{name}`` for any other part they share
    (``"answer '{question}' leaves out segment {item}"``); ``many`` says them
    all, with ``{items}`` (``a, b and c``), ``{items_or}`` (``a, b or c``) and
    the shared parts; ``fix`` is the one fix for them all (the same fields), or
    empty to list each finding's own fix.
    """

    one: str
    many: str
    fix: str = ""


@dataclass(frozen=True)
class Rule:
    code: str
    name: str
    severity: str
    section: str
    doc: str
    options: Mapping[str, Any] = field(default_factory=dict)
    check: Callable[[Any, Mapping[str, Any]], Iterable[Hit]] | None = None
    kinds: tuple[str, ...] = ()  # format rules: the loader problem kinds they stand for
    module: str = ""
    merged: Merged | None = None
    executive: Executive | None = None

    @property
    def title(self) -> str:
        """The first line of the documentation."""
        return self.doc.strip().splitlines()[0].rstrip(".") if self.doc.strip() else self.name


@cache
def all_rules() -> tuple[Rule, ...]:
    """Every rule, sorted by code."""
    rules = []
    for info in pkgutil.iter_modules(__path__):
        if info.name.startswith("_"):
            continue
        module = importlib.import_module(f"{__name__}.{info.name}")
        rules.append(
            Rule(
                code=module.CODE,
                name=module.NAME,
                severity=module.SEVERITY,
                section=module.SECTION,
                doc=(module.__doc__ or "").strip(),
                options=dict(getattr(module, "OPTIONS", {})),
                check=getattr(module, "check", None),
                kinds=tuple(getattr(module, "KINDS", ())),
                module=info.name,
                merged=getattr(module, "MERGED", None),
                executive=getattr(module, "EXECUTIVE", None),
            )
        )
    return tuple(sorted(rules, key=lambda r: r.code))


def find_rule(code_or_name: str) -> Rule:
    """A rule by code (``MH203``, any case) or name (``dimension-no-channel``)."""
    wanted = code_or_name.strip()
    for rule in all_rules():
        if wanted.upper() == rule.code or wanted.lower() == rule.name:
            return rule
    raise KeyError(wanted)


#: Each section's heading, in the reference and in ``modelh rules``.
SECTION_TITLES: dict[str, str] = {
    "format": "Format: the loader's problems",
    "answers": "Answers: the eight questions",
    "dimensions": "Dimensions: the seven relationship dimensions",
    "measures": "Measures: the seven domains",
    "segments": "Segments and the value chain",
    "journeys": "Journeys: the journey map and its touches",
    "cx": "Bone-deep CX and the systems behind the smiles",
    "meta": "The file: logo, comments and suppressions",
}


def reference_text() -> str:
    """The rules reference (docs/rules.md), made from each rule's documentation."""
    out = [
        "# Rules reference",
        "",
        "Every rule `modelh check` runs, by section. This page is generated from the rules'",
        "own documentation (`make docs`); `modelh rules CODE` shows the same text.",
        "",
        "| code | name | severity | finds |",
        "|---|---|---|---|",
    ]
    rules = all_rules()
    out += [
        f"| [{r.code}](#{r.code.lower()}) | {r.name} | {r.severity} | {r.title} |" for r in rules
    ]
    for section in RULE_SECTIONS:
        chosen = [r for r in rules if r.section == section]
        if not chosen:
            continue
        out += ["", f"## {SECTION_TITLES[section]}"]
        for rule in chosen:
            out += ["", f"### {rule.code}", "", f"`{rule.name}`, {rule.severity} by default.", ""]
            out += _markdown(rule.doc)
            if rule.executive is not None:
                out += ["", f"In the report, for executives: {rule.executive.sample()}"]
            if rule.options:
                options = ", ".join(f"`{k}` (default `{v!r}`)" for k, v in rule.options.items())
                out += ["", f"Options: {options}."]
    return "\n".join(out) + "\n"


def _markdown(doc: str) -> list[str]:
    """A rule docstring as Markdown: the block after a line ending in '::' is code."""
    out: list[str] = []
    lines = doc.splitlines()
    i = 0
    while i < len(lines):
        line = lines[i]
        if line.endswith("::"):
            out += [line[:-1], "", "```toml" if line.startswith("Configuration") else "```yaml"]
            i += 1
            block: list[str] = []
            while i < len(lines) and (not lines[i].strip() or lines[i].startswith("    ")):
                block.append(lines[i][4:])
                i += 1
            while block and not block[0].strip():
                block.pop(0)
            while block and not block[-1].strip():
                block.pop()
            out += [*block, "```", ""]
            continue
        out.append(line)
        i += 1
    while out and not out[-1].strip():
        out.pop()
    return out
