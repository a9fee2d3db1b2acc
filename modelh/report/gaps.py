"""The gaps as executives read them: what is missing and why it matters, by theme.

Each rule carries a text for executives besides its team texts (``Executive`` in
``modelh.check.rules``): no key, code or line number, in the method's words.
Here the findings of ``modelh check`` become those texts, with the names the
reader knows filled in (the segment's name, the dimension's, the measure's)
rather than ids, and the findings of one rule that differ only in one subject
said once ("Nothing measures the strategy, culture and brand domains"), so that
twenty near-identical lines read as one. The team's view (codes, keys, lines,
fixes) stays the checker's own findings.

Time is linear in the findings, and each statement names at most
``SHOWN_SUBJECTS`` subjects, each name at most ``NAME_CHARS`` long.
"""

from __future__ import annotations

import re
import string
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from modelh.canvas.model import Canvas
from modelh.check.rules import SEVERITIES, Executive, Rule, all_rules
from modelh.report.shorten import NAME_CHARS, cut_at_word

if TYPE_CHECKING:
    from modelh.check.checker import Finding

#: Subjects one statement names; the rest are counted ("and 12 more").
SHOWN_SUBJECTS = 8

#: The themes of the gaps for executives, in the method's order (know the
#: customers first, then the questions, the relationships, their measures, the
#: journeys and the organisation behind them), with their headings.
THEMES: dict[str, str] = {
    "segments": "Customers and the value chain",
    "answers": "The relationship questions",
    "dimensions": "How the relationships are designed",
    "measures": "Measuring what the relationships return",
    "journeys": "Customer journeys",
    "cx": "Customer experience in every office",
    "meta": "Keeping the canvas in order",
    "format": "Keeping the canvas in order",
}

#: What each severity means to an executive.
LABELS = {"error": "Must fix", "warning": "Gap", "info": "To note"}

_DIMENSION = re.compile(
    r"customer_relationships\.dimensions\.(?P<dimension>[a-z]+)(?:\.segments\.(?P<segment>[^.\[]+))?"
)
_ANSWER = re.compile(
    r"customer_relationships\.answers\.(?P<question>[a-z]+)(?:\.(?P<segment>[^.\[]+))?"
)
_CAPABILITY = re.compile(r"cx\.capabilities\.(?P<capability>[a-z-]+)(?:\.(?P<office>[a-z]+))?")


@dataclass(frozen=True)
class ExecutiveGap:
    """One gap as the report says it to executives: possibly several findings of one rule."""

    section: str  # the rule's section: the theme it belongs to
    code: str  # the rule's code (for ordering and the team's appendix, never shown)
    severity: str
    text: str
    why: str
    findings: int  # how many findings it says


class _Names:
    """The names a reader knows, for the ids a finding's key path and ``about`` hold."""

    def __init__(self, canvas: Canvas | None) -> None:
        from modelh.framework import CAPABILITIES, DIMENSIONS, DOMAINS, QUESTIONS

        self.segments: dict[str, str] = {}
        self.items: dict[str, tuple[str, str]] = {}  # an item's key path -> (field, name)
        self.dimensions = {d.id: d.name for d in DIMENSIONS}
        if canvas is not None:
            # a planned dimension's gaps are notes: the reader is told it is only planned
            for dim_id, dim in canvas.dimensions.items():
                if dim.use == "planned" and dim_id in self.dimensions:
                    self.dimensions[dim_id] = f"planned {self.dimensions[dim_id]}"
            self.segments = {s.id: _short(s.name or s.id) for s in canvas.segments}
            for s in canvas.segments:
                self.items[s.path] = ("segment", self.segments[s.id])
            for m in canvas.measures:
                self.items[m.path] = ("measure", _quoted(m.name or m.id))
            for j in canvas.journeys:
                self.items[j.path] = ("journey", _quoted(j.name or j.id))
                for t in j.touches:
                    self.items[t.path] = ("touch", _quoted(t.name or t.id or ""))
            for system in canvas.cx.systems if canvas.cx else ():
                self.items[system.path] = ("system", _quoted(system.name or system.id))
        self.questions = {q.id: _quoted(q.title) for q in QUESTIONS}
        self.domains = {d.id: d.name.lower() for d in DOMAINS}
        self.capabilities = {c.id: c.name for c in CAPABILITIES}

    def fields(self, finding: Finding) -> dict[str, str]:
        """The names of what ``finding`` is about, by field (``{"dimension": "Navigation"}``)."""
        found: dict[str, str] = {}
        path = finding.path
        for pattern in (_DIMENSION, _ANSWER, _CAPABILITY):
            match = pattern.match(path)
            if match:
                found.update({k: v for k, v in match.groupdict().items() if v is not None})
        # the items whose key path starts the finding's: segments[x], journeys[j].touches[t]
        for end in _item_ends(path):
            item = self.items.get(path[:end])
            if item is not None:
                found[item[0]] = item[1]
        found.update(dict(finding.about))
        return {key: self.name(key, value) for key, value in found.items()}

    def name(self, field: str, value: str) -> str:
        """How a reader knows the thing ``value`` names as a ``field``."""
        if field == "segment":
            return self.segments.get(value, value)
        if field == "dimension":
            return self.dimensions.get(value, value)
        if field == "question":
            return self.questions.get(value, value)
        if field == "domain":
            return self.domains.get(value, value)
        if field == "capability":
            return self.capabilities.get(value, value)
        if field == "office" and value in ("front", "middle", "back"):
            return f"{value} office"
        return value


def _item_ends(path: str) -> Iterable[int]:
    """Where each bracketed item of ``path`` ends (just past its ``]``)."""
    index = path.find("]")
    while index != -1:
        yield index + 1
        index = path.find("]", index + 1)


def _short(name: str) -> str:
    """A name as a statement shows it: at most NAME_CHARS, cut at a word with "…"."""
    return name if len(name) <= NAME_CHARS else cut_at_word(name[: NAME_CHARS * 4], NAME_CHARS)


def _quoted(name: str) -> str:
    return f"“{_short(name)}”"


def _listed(items: Sequence[str], conjunction: str) -> str:
    if len(items) == 1:
        return items[0]
    return f"{', '.join(items[:-1])} {conjunction} {items[-1]}"


def _fields_of(text: str) -> list[str]:
    return [field for _, field, _, _ in string.Formatter().parse(text) if field]


def _capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]


class _Missing(dict[str, str]):
    """Fields a template names and a finding does not give: an error in tests, a
    neutral word otherwise (never a traceback in front of a client)."""

    def __init__(self, values: Mapping[str, str], strict: bool) -> None:
        super().__init__(values)
        self.strict = strict

    def __missing__(self, key: str) -> str:
        if self.strict:
            raise KeyError(f"no value for '{{{key}}}'")
        return "one item"


def executive_gaps(
    findings: Iterable[Finding], canvas: Canvas | None = None, *, strict: bool = False
) -> list[ExecutiveGap]:
    """The gaps ``findings`` show, in executives' words: ordered by theme
    (``THEMES``), then severity (the gravest first), then the rules' order.

    Findings of one rule and severity that differ only in the rule's ``over``
    subject are said once, naming each subject once; a subject that lacks
    ``ROLLUP_FROM`` parts or more (a dimension without channel, message and
    owner) is said once with all of them (``ROLLUPS``). ``strict`` raises
    KeyError when a rule's text names a field a finding cannot fill (the tests
    use it).
    """
    rules = {r.code: r for r in all_rules()}
    names = _Names(canvas)
    read: list[tuple[Rule, Executive, str, Mapping[str, str]]] = []
    for finding in findings:
        rule = rules.get(finding.code)
        if rule is not None and rule.executive is not None:
            missing = _Missing(names.fields(finding), strict)
            read.append((rule, rule.executive, finding.severity, missing))
    rolled, gaps = _rollups(read)
    # (code, severity, the shared fields) -> the subjects in the order found, and a count
    groups: dict[tuple[str, str, tuple[tuple[str, str], ...]], list[str]] = {}
    counts: dict[tuple[str, str, tuple[tuple[str, str], ...]], int] = {}
    for index, (rule, how, severity, values) in enumerate(read):
        if index in rolled:
            continue
        shared = tuple((f, values[f]) for f in _fields_of(how.one) if f != how.over)
        key = (rule.code, severity, shared)
        subjects = groups.setdefault(key, [])
        if how.over and values[how.over] not in subjects:
            subjects.append(values[how.over])
        counts[key] = counts.get(key, 0) + 1
    gaps += [
        _said(rules[code], severity, dict(shared), subjects, counts[(code, severity, shared)])
        for (code, severity, shared), subjects in groups.items()
    ]
    order = list(THEMES)
    return sorted(
        gaps,
        key=lambda g: (
            order.index(g.section) if g.section in order else len(order),
            -SEVERITIES.index(g.severity) if g.severity in SEVERITIES else 0,
            g.code,
        ),
    )


#: A subject lacking this many parts or more is said once with all of them.
ROLLUP_FROM = 3
#: How a subject that lacks several parts is said: for one subject, for several,
#: and why it matters (the method's reason for the parts together).
ROLLUPS: dict[str, tuple[str, str, str]] = {
    "dimension": (
        "The {subject} dimension still lacks {parts}",
        "The {subjects} dimensions still lack {parts}",
        "For each dimension it uses, the method asks for the channel and the message its "
        "customers prefer, some emotional support and physical comfort, an owner and measures "
        "that track it; without them the dimension is an intention nobody can cost, staff or "
        "judge.",
    ),
    "measure": (
        "The measure {subject} still lacks {parts}",
        "The measures {subjects} still lack {parts}",
        "Progress is judged from a starting value toward a target, in a known direction; "
        "without them the figures cannot tell whether the relationship is working.",
    ),
}


def _rollups(
    read: Sequence[tuple[Rule, Executive, str, Mapping[str, str]]],
) -> tuple[set[int], list[ExecutiveGap]]:
    """The findings said as parts a subject lacks (their indexes in ``read``), and
    the statements that say them."""
    # (subject's field, severity, subject) -> {code: (part, index of each finding)}
    lacks: dict[tuple[str, str, str], dict[str, tuple[str, list[int]]]] = {}
    for index, (rule, how, severity, values) in enumerate(read):
        if not how.part or how.over not in ROLLUPS:
            continue
        subject = values[how.over]
        parts = lacks.setdefault((how.over, severity, subject), {})
        part = how.part.format_map(values)
        parts.setdefault(rule.code, (part, []))[1].append(index)
    rolled: set[int] = set()
    # (subject's field, severity, section, parts) -> subjects, and how many findings
    said: dict[tuple[str, str, str, tuple[tuple[str, str], ...]], list[str]] = {}
    counts: dict[tuple[str, str, str, tuple[tuple[str, str], ...]], int] = {}
    for (over, severity, subject), parts in lacks.items():
        if len(parts) < ROLLUP_FROM:
            continue
        ordered = tuple(sorted((code, part) for code, (part, _) in parts.items()))
        section = read[parts[ordered[0][0]][1][0]][0].section
        key = (over, severity, section, ordered)
        said.setdefault(key, []).append(subject)
        for _, indexes in parts.values():
            rolled.update(indexes)
            counts[key] = counts.get(key, 0) + len(indexes)
    gaps = []
    for key, subjects in said.items():
        over, severity, section, named = key
        one, many, why = ROLLUPS[over]
        shown = _shown(subjects)
        lacking = _listed([part for _, part in named], "and")
        text = (
            many.format(subjects=_listed(shown, "and"), parts=lacking)
            if len(subjects) > 1
            else one.format(subject=subjects[0], parts=lacking)
        )
        gaps.append(
            ExecutiveGap(section, named[0][0], severity, _capitalised(text) + ".", why, counts[key])
        )
    return rolled, gaps


def _shown(subjects: list[str]) -> list[str]:
    """The subjects a statement names: at most SHOWN_SUBJECTS, then "N more"."""
    shown = subjects[:SHOWN_SUBJECTS]
    hidden = len(subjects) - len(shown)
    return [*shown, f"{hidden:,} more"] if hidden else shown


def _said(
    rule: Rule, severity: str, shared: dict[str, str], subjects: list[str], count: int
) -> ExecutiveGap:
    how: Executive = rule.executive  # type: ignore[assignment]
    shown = _shown(subjects)
    if len(subjects) > 1 and how.many:
        text = how.many.format(**shared, items=_listed(shown, "and"), items_or=_listed(shown, "or"))
    elif how.over:
        text = how.one.format(**shared, **{how.over: _listed(shown, "and")})
    else:
        text = how.one.format(**shared)
    return ExecutiveGap(rule.section, rule.code, severity, _capitalised(text) + ".", how.why, count)
