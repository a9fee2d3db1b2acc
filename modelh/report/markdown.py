"""The report as Markdown (``modelh render -f md``), for wikis and pull requests.

Made from the very context the HTML report is made from (``build_context``), the
chosen sections in their order, so the two say the same. Every text of the
canvas is escaped for Markdown (``inline``): it cannot open a link, an image,
HTML, a heading, a list or a table cell, whatever it holds; a table cell's
pipes are escaped and its line breaks become spaces. Lists hold only what the
report shows (the same limits), each ending with the report's "… and N more"
line where it left some out.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import Any

from modelh.report.contract import MeasureContext, More, ReportContext

#: ASCII punctuation that means something to Markdown wherever it stands (CommonMark,
#: and GitHub's tables, strikethrough and math): escaped with a backslash. Links and
#: images need a ``[``, HTML a ``<``, an entity a ``&``: none of them is left.
_SPECIAL = re.compile(r"([\\`*_\[\]<>|~&$])")
#: What GitHub turns into a link by itself (``https://...``, ``www.``...).
_AUTOLINK = re.compile(r"(?<=[A-Za-z])(:)(?=//)|(?<=\bwww)(\.)", re.I)
#: What reads as a list, heading or rule at the start of a line.
_LINE_START = re.compile(r"^(\d+)([.)])(?=\s|$)|^([-+=#])")


def inline(text: str | None) -> str:
    """``text`` as one line of Markdown that shows exactly the text: every special
    character escaped, line breaks as spaces."""
    if not text:
        return ""
    text = " ".join(text.split())
    text = _SPECIAL.sub(r"\\\1", text)
    text = _AUTOLINK.sub(lambda m: "\\" + (m[1] or m[2]), text)
    return _LINE_START.sub(lambda m: f"{m[1]}\\{m[2]}" if m[1] else f"\\{m[3]}", text)


def cell(text: str | None) -> str:
    """A table cell (``inline`` escapes its pipes), "–" when empty."""
    return inline(text) or "–"


def _table(header: Sequence[str], rows: Iterable[Sequence[str]]) -> list[str]:
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return [*lines, ""]


def _paragraphs(blocks: Sequence[dict[str, Any]]) -> list[str]:
    """Paragraphs of the context (``p``, ``ul``, ``note``) as Markdown blocks."""
    out: list[str] = []
    for block in blocks:
        if block["kind"] == "ul":
            out += [f"- {inline(item)}" for item in block["items"]]
        elif block["kind"] == "note":
            out.append(f"*{inline(block['text'])}*")
        else:
            out.append(inline(block["text"]))
        out.append("")
    return out


def _more(more: More | None) -> list[str]:
    return [f"*{inline(more['label'])}*", ""] if more else []


def _names(names: Sequence[str]) -> str:
    return ", ".join(inline(n) for n in names) or "–"


def render_markdown(context: ReportContext) -> str:
    """The report on one canvas as Markdown, from its context."""
    out: list[str] = []
    for section in context["sections"]:
        maker = _SECTIONS[section["id"]]
        lines = maker(context)
        if section["id"] != "cover":
            lines = [f"## {section['number']}. {inline(section['title'])}", "", *lines]
        out += lines
    while out and not out[-1]:
        out.pop()
    return "\n".join(out) + "\n"


def _cover(context: ReportContext) -> list[str]:
    report = context["report"]
    out = [f"# {inline(report['title'])}", ""]
    facts = [
        ("Organization", report["organization"]),
        ("Prepared for", report["prepared_for"]),
        ("Prepared by", ", ".join(report["prepared_by"])),
        ("Date", report["date_label"]),
        ("Version", report["version"]),
        ("Status", report["status_label"]),
    ]
    out += [f"**{label}:** {inline(value)}  " for label, value in facts if value]
    out += ["", f"*{inline(report['confidentiality'])}*", ""]
    return out


def _canvas(context: ReportContext) -> list[str]:
    out: list[str] = []
    dims = context["dimensions"]["items"]
    lists: list[tuple[str, list[str], More | None]] = [
        (
            "Customer Segments",
            [s["name"] for s in context["segments"]],
            context["more"]["segments"],
        ),
        (
            "Value Propositions",
            [v["name"] for v in context["value_propositions"]],
            context["more"]["value_propositions"],
        ),
        ("Channels", [c["name"] for c in context["channels"]], context["more"]["channels"]),
        ("Customer Relationships", [f"{d['name']}: {d['use_label']}" for d in dims], None),
    ]
    lists += [(b["title"], [i["text"] for i in b["items"]], b["more"]) for b in context["blocks"]]
    for title, items, more in lists:
        out += [f"### {inline(title)}", ""]
        out += [f"- {inline(item)}" for item in items] or ["*Not answered yet*"]
        out += ["", *_more(more)]
    return out


def _blocks(context: ReportContext) -> list[str]:
    out = ["### Customer Segments", ""]
    for s in context["segments"]:
        out.append(f"- **{inline(s['name'])}** ({inline(s['role_label'])})")
        if s["description"]:
            out.append(f"  {inline(s['description'])}")
        if s["preferences"]:
            out.append(f"  Preferences: {_names(s['preferences'])}")
    out += ["", *_more(context["more"]["segments"])]
    out += ["### Value Propositions", ""]
    for vp in context["value_propositions"]:
        out.append(f"- **{inline(vp['name'])}**, for {_names(vp['segments'])}")
        if vp["description"]:
            out.append(f"  {inline(vp['description'])}")
    out += ["", *_more(context["more"]["value_propositions"])]
    out += ["### Channels", ""]
    out += _table(
        ["Channel", "Kind", "Description"],
        [[cell(c["name"]), cell(c["kind"]), cell(c["description"])] for c in context["channels"]],
    )
    out += _more(context["more"]["channels"])
    for block in context["blocks"]:
        out += [f"### {inline(block['title'])}", ""]
        for item in block["items"]:
            whom = f" ({_names(item['segments'])})" if item["segments"] else ""
            out.append(f"- {inline(item['text'])}{whom}")
        if not block["items"]:
            out.append("*Not answered yet*")
        out += ["", *_more(block["more"])]
    return out


def _questions(context: ReportContext) -> list[str]:
    out: list[str] = []
    for q in context["questions"]:
        out += [f"### {q['number']}. {inline(q['title'])}", "", f"*{inline(q['question'])}*", ""]
        if q["per_segment"]:
            rows = []
            for row in q["per_segment"]:
                answer = " ".join(
                    p.get("text", "") if p["kind"] != "ul" else "; ".join(p["items"])
                    for p in row["answer"]
                )
                rows.append([cell(row["segment"]), cell(answer or "Not answered yet")])
            out += _table(["Segment", "Answer"], rows)
            out += _more(q["more"])
        if q["answer"]:
            out += _paragraphs(q["answer"])
        elif not q["per_segment"]:
            out += ["*Not answered yet*", ""]
    return out


def _dimensions(context: ReportContext) -> list[str]:
    dims = context["dimensions"]
    out = _table(
        ["Dimension", "Use", "Serves", "Channels", "Measures", "Owner"],
        [
            [
                cell(d["name"]),
                cell(d["use_label"]),
                "every segment" if d["all_segments"] and d["used"] else _names(d["segments"]),
                _names(d["channels"]),
                _names(d["measures"]),
                cell(d["owner"]),
            ]
            for d in dims["items"]
        ],
    )
    for d in dims["items"]:
        texts = [
            ("Approach", d["approach"]),
            ("Message", d["message"]),
            ("Emotional support", d["emotional_support"]),
            ("Physical comfort", d["physical_comfort"]),
            ("Reason", d["reason"]),
        ]
        shown = [(label, text) for label, text in texts if text]
        if not shown and not d["incentives"]:
            continue
        out += [f"### {d['number']}. {inline(d['name'])}: {inline(d['use_label'])}", ""]
        out += [f"- **{label}:** {inline(text)}" for label, text in shown]
        if d["incentives"]:
            out.append(f"- **Incentives:** {_names(d['incentives'])}")
        out.append("")
    matrix = dims["matrix"]
    if matrix["channels"]:
        out += ["### Channels by dimension", ""]
        out += _table(
            ["Channel", *(inline(n) for n in matrix["dimensions"])],
            [
                [cell(row["name"]), *((c.capitalize() if c else "–") for c in row["cells"])]
                for row in matrix["channels"]
            ],
        )
        out += _more(matrix["more"])
    return out


def _measure_rows(measures: Sequence[MeasureContext]) -> list[list[str]]:
    return [
        [
            cell(m["name"]),
            cell(m["baseline"]),
            cell(m["current"]),
            cell(m["target"]),
            f"{m['progress']}%" if m["progress"] is not None else "–",
            cell(m["due"]),
            cell(m["owner"]),
        ]
        for m in measures
    ]


_MEASURE_HEADER = ["Measure", "Baseline", "Now", "Target", "Of the way", "Due", "Owner"]


def _measures(context: ReportContext) -> list[str]:
    measures = context["measures"]
    tracked = ", ".join(f"{t['label'].lower()} {t['count']}" for t in measures["tracked"])
    out = [f"{measures['count']} active measures; tracking {tracked}.", ""]
    for d in measures["domains"]:
        out += [f"### {d['number']}. {inline(d['name'])}", ""]
        shown = [m for g in d["groups"] for m in g["measures"]]
        if shown:
            out += _table(_MEASURE_HEADER, _measure_rows(shown))
        else:
            out += ["*No measure yet*", ""]
        out += _more(d["more"])
        if d["pending"]:
            out += [f"Pending leadership: {_names([m['name'] for m in d['pending']])}", ""]
    if measures["unassigned"]:
        out += [
            "### Without a domain",
            "",
            *_table(_MEASURE_HEADER, _measure_rows(measures["unassigned"])),
        ]
        out += _more(measures["unassigned_more"])
    if measures["retired"]:
        out += [f"Retired: {_names([m['name'] for m in measures['retired']])}", ""]
    return out


def _value_chain(context: ReportContext) -> list[str]:
    vc = context["value_chain"]
    tip = vc["trust_stage_index"]
    out = _table(
        ["Stage", "What the company must do"],
        [
            [
                f"{s['number']}. {inline(s['name'])}"
                + (" (Trust Inflection Point)" if i == tip else ""),
                cell(s["duties"]),
            ]
            for i, s in enumerate(vc["stages"])
        ],
    )
    out += _table(
        ["Segment", "Today", "Target", "Trust Inflection Point"],
        [
            [
                cell(s["name"]),
                cell(s["stage_name"] or "Not set"),
                cell(s["target_stage_name"] or "Not set"),
                {"before": "before it", "at": "at it", "past": "past it"}.get(
                    s["trust"] or "", "–"
                ),
            ]
            for s in context["segments"]
        ],
    )
    out += _more(context["more"]["segments"])
    out += [f"*{inline(context['method']['trust_inflection_point'])}*", ""]
    return out


def _journeys(context: ReportContext) -> list[str]:
    journeys = context["journeys"]
    if not journeys["items"]:
        return ["*No journey mapped yet.*", ""]
    out: list[str] = []
    offices = {
        o: label for o, label in (("front", "Front"), ("middle", "Middle"), ("back", "Back"))
    }
    for j in journeys["items"]:
        out += [f"### {inline(j['name'])}", ""]
        facts = [f"Whose: {inline(j['segment'])}"]
        if j["job"]:
            facts.append(f"job: {inline(j['job'])}")
        if j["owner"]:
            facts.append(f"owner: {inline(j['owner'])}")
        time = j["time"]
        if time is not None:
            facts.append(
                "journey time: "
                + ", ".join(
                    f"{label} {inline(value)}"
                    for label, value in (
                        ("baseline", time["baseline"]),
                        ("now", time["current"]),
                        ("target", time["target"]),
                    )
                    if value
                )
            )
        out += ["; ".join(facts) + ".", ""]
        out += _table(
            ["Step", "Touch", "Office", "Channel", "Pain", "Cost", "Time"],
            [
                [
                    str(t["number"]),
                    cell(t["name"]),
                    offices.get(t["office"] or "", "Not set"),
                    cell(
                        f"{t['channel']} ({t['mode_label'].lower()})"
                        if t["channel"]
                        else t["mode_label"]
                    ),
                    cell(t["pain_label"]),
                    cell(t["cost_label"]),
                    cell(t["time"]),
                ]
                for t in j["touches"]
            ],
        )
        out += _more(j["touches_more"])
        if j["priority"]:
            out += ["Priority:", ""]
            out += [
                f"{p['rank']}. {inline(p['name'])} ({p['score']}/10, step {p['number']})"
                for p in j["priority"]
            ]
            out.append("")
    out += _more(journeys["more"])
    out += [f"*{inline(journeys['ordering'])}*", ""]
    return out


def _cx(context: ReportContext) -> list[str]:
    cx = context["cx"]
    out = _table(
        ["Capability", *(o["label"] for o in cx["offices"])],
        [[cell(c["name"]), *(cell(r["label"]) for r in c["cells"])] for c in cx["capabilities"]],
    )
    if cx["systems"]:
        out += ["### The systems behind the smiles", ""]
        out += _table(
            ["System", "Kind", "Office", "Serves", "Data governance", "Pain"],
            [
                [
                    cell(s["name"]),
                    cell(s["kind_label"]),
                    cell(s["office_label"]),
                    cell(", ".join(s["serves"])),
                    cell(s["data_governance_label"]),
                    cell(s["pain_label"]),
                ]
                for s in cx["systems"]
            ],
        )
        out += _more(cx["systems_more"])
    return out


def _summary(context: ReportContext) -> list[str]:
    summary = context["summary"]
    out: list[str] = []
    if summary["segments"]:
        out += ["### Where each segment stands", ""]
        out += _table(
            ["Segment", "Today", "Target", "Trust Inflection Point"],
            [
                [
                    cell(s["name"]),
                    cell(s["stage_name"] or "Not set"),
                    cell(s["target_name"] or "Not set"),
                    cell(s["trust_label"]),
                ]
                for s in summary["segments"]
            ],
        )
    if summary["mix"]:
        out += ["### The dimension mix", ""]
        out += _table(
            ["Segment", *(inline(d) for d in summary["dimensions"])],
            [[cell(r["name"]), *(cell(c or "–") for c in r["cells"])] for r in summary["mix"]],
        )
    if summary["measures"]:
        out += [f"### {inline(summary['measures_chosen_by'])}", ""]
        out += _table(_MEASURE_HEADER, _measure_rows(summary["measures"]))
    if summary["gaps"]:
        out += ["### The gaps that matter most", ""]
        out += [
            f"- **{inline(g['severity_label'])}**: {inline(g['title'])} {inline(g['why'])}"
            for g in summary["gaps"]
        ]
        out.append("")
    if summary["overall"] is not None:
        out += [f"Complete overall: {summary['overall']}%.", ""]
    return out


def _contents(context: ReportContext) -> list[str]:
    return _table(
        ["", "Section"],
        [
            [str(s["number"]), cell(s["title"])]
            for s in context["sections"]
            if s["id"] not in ("cover", "contents")
        ],
    )


def _open(context: ReportContext) -> list[str]:
    return [
        f"- **{inline(g['title'])}**: {inline(g['text'])}" for g in context["open"]["groups"]
    ] + [""]


_CHANGE_MARKS = {"del": "~~", "ins": "**", "strong": "**"}


def _change_span(raw: str, kind: str) -> str:
    """A run of a change's text, its spaces kept outside the marks."""
    core = inline(raw)
    if not core:
        return " " if raw and not raw.strip() else ""
    lead = " " if raw[:1].isspace() else ""
    trail = " " if raw[-1:].isspace() else ""
    mark = _CHANGE_MARKS.get(kind, "")
    return f"{lead}{mark}{core}{mark}{trail}"


def _changes(context: ReportContext) -> list[str]:
    changes = context["changes"]
    if changes is None:
        return []
    count = changes["count"]
    noun = "change" if count == 1 else "changes"
    out = [f"Since {inline(changes['since'])}: {count} {noun}.", ""]
    out += _table(
        ["", "Before", "Now"],
        [[cell(r["label"]), cell(r["before"]), cell(r["after"])] for r in changes["rows"]],
    )
    for line in changes["lines"]:
        text = "".join(_change_span(s["text"], s["kind"]) for s in line["spans"])
        if line["level"] == 0:
            out += ["", f"### {text.strip()}", ""]
        else:
            out.append("  " * (line["level"] - 1) + f"- {text.strip()}")
    return [*out, "", *_more(changes["more"])]


def _gaps(context: ReportContext) -> list[str]:
    gaps = context["gaps"]
    if gaps is None:
        return ["*The canvas was not checked.*", ""]
    scores = [("Complete overall", gaps["overall"])]
    scores += [(c["label"], c["score"]) for c in gaps["completeness"]]
    out = _table(
        ["Completeness", "Score"],
        [[label, f"{score}%" if score is not None else "–"] for label, score in scores],
    )
    if not gaps["total"]:
        return [*out, "No gaps found: the canvas covers everything the method asks for.", ""]
    for theme in gaps["themes"]:
        out += [f"### {inline(theme['title'])}", ""]
        for gap in theme["gaps"]:
            why = f" {inline(gap['why'])}" if gap["why"] else ""
            out.append(f"- **{inline(gap['label'])}**: {inline(gap['text'])}{why}")
        out += ["", *_more(theme["more"])]
    if not gaps["team"]:
        return out
    out += ["### For the team: every finding, with its rule, line and fix", ""]
    for group in gaps["groups"]:
        out += [f"#### {inline(group['title'])}", ""]
        for f in group["findings"]:
            fix = f" {inline(f['fix'][:1].upper() + f['fix'][1:])}." if f["fix"] else ""
            where = f"{f['code']}, line {f['line']}"
            out.append(
                f"- **{inline(f['severity_label'])}** ({where}): {inline(f['message'])}.{fix}"
            )
        out += ["", *_more(group["more"])]
    return out


_SECTIONS = {
    "cover": _cover,
    "summary": _summary,
    "contents": _contents,
    "changes": _changes,
    "open": _open,
    "canvas": _canvas,
    "blocks": _blocks,
    "questions": _questions,
    "dimensions": _dimensions,
    "measures": _measures,
    "value-chain": _value_chain,
    "journeys": _journeys,
    "cx": _cx,
    "gaps": _gaps,
}
