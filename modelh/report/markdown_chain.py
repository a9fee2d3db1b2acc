"""The Markdown report's value chain, journey map and bone-deep CX (see ``markdown``)."""

from __future__ import annotations

from modelh.report.contract import ReportContext
from modelh.report.markdown_kit import cell, inline, more_lines, table


def value_chain_lines(context: ReportContext) -> list[str]:
    vc = context["value_chain"]
    tip = vc["trust_stage_index"]
    out = table(
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
    out += table(
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
    out += more_lines(context["more"]["segments"])
    out += [f"*{inline(context['method']['trust_inflection_point'])}*", ""]
    return out


def journeys_lines(context: ReportContext) -> list[str]:
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
        out += table(
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
        out += more_lines(j["touches_more"])
        if j["priority"]:
            out += ["Priority:", ""]
            out += [
                f"{p['rank']}. {inline(p['name'])} ({p['score']}/10, step {p['number']})"
                for p in j["priority"]
            ]
            out.append("")
    out += more_lines(journeys["more"])
    out += [f"*{inline(journeys['ordering'])}*", ""]
    return out


def cx_lines(context: ReportContext) -> list[str]:
    cx = context["cx"]
    out = table(
        ["Capability", *(o["label"] for o in cx["offices"])],
        [[cell(c["name"]), *(cell(r["label"]) for r in c["cells"])] for c in cx["capabilities"]],
    )
    if cx["systems"]:
        out += ["### The systems behind the smiles", ""]
        out += table(
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
        out += more_lines(cx["systems_more"])
    return out
