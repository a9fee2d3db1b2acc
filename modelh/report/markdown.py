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

from collections.abc import Sequence

from modelh.report.contract import MeasureContext, More, ReportContext
from modelh.report.markdown_chain import cx_lines, journeys_lines, value_chain_lines
from modelh.report.markdown_kit import cell, inline, more_lines, names_text, paragraph_lines, table


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
        out += ["", *more_lines(more)]
    return out


def _blocks(context: ReportContext) -> list[str]:
    out = ["### Customer Segments", ""]
    for s in context["segments"]:
        out.append(f"- **{inline(s['name'])}** ({inline(s['role_label'])})")
        if s["description"]:
            out.append(f"  {inline(s['description'])}")
        if s["preferences"]:
            out.append(f"  Preferences: {names_text(s['preferences'])}")
    out += ["", *more_lines(context["more"]["segments"])]
    out += ["### Value Propositions", ""]
    for vp in context["value_propositions"]:
        out.append(f"- **{inline(vp['name'])}**, for {names_text(vp['segments'])}")
        if vp["description"]:
            out.append(f"  {inline(vp['description'])}")
    out += ["", *more_lines(context["more"]["value_propositions"])]
    out += ["### Channels", ""]
    out += table(
        ["Channel", "Kind", "Description"],
        [[cell(c["name"]), cell(c["kind"]), cell(c["description"])] for c in context["channels"]],
    )
    out += more_lines(context["more"]["channels"])
    for block in context["blocks"]:
        out += [f"### {inline(block['title'])}", ""]
        for item in block["items"]:
            whom = f" ({names_text(item['segments'])})" if item["segments"] else ""
            out.append(f"- {inline(item['text'])}{whom}")
        if not block["items"]:
            out.append("*Not answered yet*")
        out += ["", *more_lines(block["more"])]
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
            out += table(["Segment", "Answer"], rows)
            out += more_lines(q["more"])
        if q["answer"]:
            out += paragraph_lines(q["answer"])
        elif not q["per_segment"]:
            out += ["*Not answered yet*", ""]
    return out


def _dimensions(context: ReportContext) -> list[str]:
    dims = context["dimensions"]
    out = table(
        ["Dimension", "Use", "Serves", "Channels", "Measures", "Owner"],
        [
            [
                cell(d["name"]),
                cell(d["use_label"]),
                "every segment" if d["all_segments"] and d["used"] else names_text(d["segments"]),
                names_text(d["channels"]),
                names_text(d["measures"]),
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
            out.append(f"- **Incentives:** {names_text(d['incentives'])}")
        out.append("")
    matrix = dims["matrix"]
    if matrix["channels"]:
        out += ["### Channels by dimension", ""]
        out += table(
            ["Channel", *(inline(n) for n in matrix["dimensions"])],
            [
                [cell(row["name"]), *((c.capitalize() if c else "–") for c in row["cells"])]
                for row in matrix["channels"]
            ],
        )
        out += more_lines(matrix["more"])
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
            out += table(_MEASURE_HEADER, _measure_rows(shown))
        else:
            out += ["*No measure yet*", ""]
        out += more_lines(d["more"])
        if d["pending"]:
            out += [f"Pending leadership: {names_text([m['name'] for m in d['pending']])}", ""]
    if measures["unassigned"]:
        out += [
            "### Without a domain",
            "",
            *table(_MEASURE_HEADER, _measure_rows(measures["unassigned"])),
        ]
        out += more_lines(measures["unassigned_more"])
    if measures["retired"]:
        out += [f"Retired: {names_text([m['name'] for m in measures['retired']])}", ""]
    return out


def _summary(context: ReportContext) -> list[str]:
    summary = context["summary"]
    out: list[str] = []
    if summary["segments"]:
        out += ["### Where each segment stands", ""]
        out += table(
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
        out += table(
            ["Segment", *(inline(d) for d in summary["dimensions"])],
            [[cell(r["name"]), *(cell(c or "–") for c in r["cells"])] for r in summary["mix"]],
        )
    if summary["measures"]:
        out += [f"### {inline(summary['measures_chosen_by'])}", ""]
        out += table(_MEASURE_HEADER, _measure_rows(summary["measures"]))
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
    return table(
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
    out += table(
        ["", "Before", "Now"],
        [[cell(r["label"]), cell(r["before"]), cell(r["after"])] for r in changes["rows"]],
    )
    for line in changes["lines"]:
        text = "".join(_change_span(s["text"], s["kind"]) for s in line["spans"])
        if line["level"] == 0:
            out += ["", f"### {text.strip()}", ""]
        else:
            out.append("  " * (line["level"] - 1) + f"- {text.strip()}")
    return [*out, "", *more_lines(changes["more"])]


def _gaps(context: ReportContext) -> list[str]:
    gaps = context["gaps"]
    if gaps is None:
        return ["*The canvas was not checked.*", ""]
    scores = [("Complete overall", gaps["overall"])]
    scores += [(c["label"], c["score"]) for c in gaps["completeness"]]
    out = table(
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
        out += ["", *more_lines(theme["more"])]
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
        out += ["", *more_lines(group["more"])]
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
    "value-chain": value_chain_lines,
    "journeys": journeys_lines,
    "cx": cx_lines,
    "gaps": _gaps,
}
