"""The largest canvases the loader accepts, written as YAML text.

Shared by the report bound tests and ``benchmarks/hostile.py``, so that both
measure the same canvas. Every list is at ``loader.MAX_ITEMS`` items, except
nested lists where the file's size (``yamlguard.MAX_BYTES``) and value count
(``yamlguard.MAX_NODES``) forbid it: there the items a report shows first (the
preferences of the first segments, the first value propositions' segments, the
touches of the first journeys) hold full lists. Every text is longer than the
report shows, and every question is answered for every segment (the most a report
can show of the answers). Half the dimensions give their segments as a mix
(segment id -> degree), every segment has a trajectory and a destination, and the
canvas has journeys, a full CX grid and systems behind the smiles.
"""

from __future__ import annotations

import json

from modelh.canvas.guard import MAX_BYTES
from modelh.canvas.loader import MAX_ITEMS
from modelh.framework import CUSTOMER_INDICATOR_GROUPS, vocab


def _text(words: int, seed: str) -> str:
    """A readable text of about ``words`` words (not a placeholder, no list marks)."""
    sentence = (
        f"{seed} members who manage two chronic conditions want one contact who knows "
        "their history, books the next visit and follows up after a hospital stay. "
    )
    count = max(1, words // len(sentence.split()))
    return (sentence * count).strip()


def _q(text: str) -> str:
    """A YAML scalar that is always read back as this text."""
    return json.dumps(text, ensure_ascii=False)


def largest_canvas(
    items: int = MAX_ITEMS,
    text_words: int = 300,
    row_words: int = 100,
    rich: int = 30,
    rich_journeys: int = 6,
) -> str:
    """The largest valid canvas: ``items`` of every kind, each with long texts.

    ``rich`` items of each kind (the first ones, which a report shows first)
    carry full nested lists (preferences, segments); the rest carry short ones, so
    that the file stays under the loader's value count. The first
    ``rich_journeys`` journeys have ``items`` touches each, the others two.
    """
    ids = [f"segment-{n}" for n in range(items)]
    channel_ids = [f"channel-{n}" for n in range(items)]
    measure_ids = [f"measure-{n}" for n in range(items)]
    stages = vocab.STAGE_IDS
    lines = [
        "modelh: 1",
        "canvas:",
        "  title: " + _q("Relationship model for every line of business " * 10),
        "  organization: " + _q("Riverside Regional Health Plan and Partners " * 6),
        "  prepared_by: [" + ", ".join(_q(f"Consultant {n}") for n in range(items)) + "]",
        "  prepared_for: " + _q("Executive leadership team " * 10),
        '  date: "2026-11-20"',
        '  version: "1.0"',
        "  status: review",
        "  confidentiality: " + _q("Confidential: prepared for leadership only " * 5),
        "segments:",
    ]
    for n, sid in enumerate(ids):
        stage = stages[n % len(stages)]
        target = stages[min(len(stages) - 1, n % len(stages) + 1)]
        prefs = items if n < rich else 4
        lines += [
            f"  - id: {sid}",
            "    name: " + _q(f"Segment {n}: members with two or more chronic conditions " * 3),
            "    role: " + ("buyer", "user", "both")[n % 3],
            "    description: " + _q(_text(text_words, f"Segment {n}.")),
            f"    stage: {stage}",
            f"    target_stage: {target}",
            "    kind: " + vocab.SEGMENT_KINDS[n % len(vocab.SEGMENT_KINDS)],
            "    trajectory: " + _q(_text(text_words // 4, f"Segment {n} is heading.")),
            "    destination: " + _q(_text(text_words // 4, f"Segment {n} ends up.")),
            "    preferences:",
        ]
        lines += [
            f"      - {_q(f'Preference {k} of segment {n}: ' + 'morning visits ' * 6)}"
            for k in range(prefs)
        ]
    lines.append("value_propositions:")
    for n in range(items):
        served = ids if n < rich else ids[n : n + 2]
        lines += [
            f"  - id: proposition-{n}",
            "    name: " + _q(f"Value proposition {n}: guided care for chronic conditions " * 2),
            "    segments: [" + ", ".join(served) + "]",
            "    description: " + _q(_text(text_words, f"Proposition {n}.")),
        ]
    lines.append("channels:")
    for n, cid in enumerate(channel_ids):
        lines += [
            f"  - id: {cid}",
            "    name: " + _q(f"Channel {n}: the care guide line and its text messages " * 2),
            "    kind: " + vocab.CHANNEL_KINDS[n % len(vocab.CHANNEL_KINDS)],
            "    description: " + _q(_text(text_words, f"Channel {n}.")),
        ]
    for block in (
        "revenue_streams",
        "key_activities",
        "key_resources",
        "key_partners",
        "cost_structure",
    ):
        lines.append(f"{block}:")
        for n in range(items):
            lines += [
                "  - text: " + _q(_text(text_words // 3, f"{block} item {n}.")),
                f"    segments: [{ids[n]}, {ids[(n + 1) % items]}]",
            ]
    lines += ["customer_relationships:", "  answers:"]
    for question in vocab.QUESTION_IDS:  # per segment, every segment: the most to show
        lines.append(f"    {question}:")
        lines += [f"      {sid}: {_q(_text(row_words, f'{question} for {sid}.'))}" for sid in ids]
    lines.append("  dimensions:")
    degrees = vocab.DIMENSION_USES
    for k, dimension in enumerate(vocab.DIMENSION_IDS):
        lines += [f"    {dimension}:", "      use: " + ("core", "supporting", "planned")[k % 3]]
        if k % 2:  # the mix: a degree for every segment
            lines.append("      segments:")
            lines += [
                f"        {sid}: {degrees[(n + k) % len(degrees)]}" for n, sid in enumerate(ids)
            ]
        else:
            lines.append("      segments: [" + ", ".join(ids) + "]")
        lines += [
            "      approach: " + _q(_text(text_words * 3, f"{dimension} approach.")),
            "      channels: [" + ", ".join(channel_ids) + "]",
            "      message: " + _q(_text(text_words * 3, f"{dimension} message.")),
            "      emotional_support: " + _q(_text(text_words * 3, "Emotional support.")),
            "      physical_comfort: " + _q(_text(text_words * 3, "Physical comfort.")),
            "      measures: [" + ", ".join(measure_ids) + "]",
            "      owner: " + _q("Vice president of care management " * 6),
        ]
        if dimension == "motivation":
            lines.append("      incentives:")
            lines += [f"        - {_q(_text(40, f'Incentive {n}.'))}" for n in range(items)]
    lines.append("  measures:")
    customer = [i for _, group in CUSTOMER_INDICATOR_GROUPS for i in group]
    for n, mid in enumerate(measure_ids):
        domain = vocab.DOMAIN_IDS[n % len(vocab.DOMAIN_IDS)]
        status = "pending-leadership" if n % 10 == 8 else "retired" if n % 10 == 9 else "active"
        lines += [
            f"    - id: {mid}",
            "      name: " + _q(f"Measure {n}: share of members with a care plan " * 3),
            f"      domain: {domain}",
        ]
        if domain == "customer":
            lines.append(f"      indicator: {customer[n % len(customer)]}")
        lines += [
            "      tracks: " + vocab.MEASURE_TRACKS[n % len(vocab.MEASURE_TRACKS)],
            '      unit: "%"',
            "      direction: up",
            f"      baseline: {n % 50}",
            f"      current: {n % 50 + 5}",
            f"      target: {n % 50 + 20}",
            '      due: "2027-12"',
            "      owner: " + _q("Member experience office " * 6),
            f"      status: {status}",
        ]
    lines += _journeys(items, ids, channel_ids, rich_journeys, text_words)
    lines += _cx(items, channel_ids)
    text = "\n".join(lines) + "\n"
    assert len(text.encode()) <= MAX_BYTES, len(text.encode())
    return text


def _journeys(
    items: int, ids: list[str], channel_ids: list[str], rich: int, text_words: int
) -> list[str]:
    """``items`` journeys, the first ``rich`` with ``items`` touches each (long names,
    every office, pain, cost and a time), the others with two."""
    lines = ["journeys:"]
    levels, offices = vocab.LEVELS, vocab.OFFICES
    for n in range(items):
        lines += [
            f"  - id: journey-{n}",
            "    name: "
            + _q(f"Journey {n}: home after a hospital stay and back to daily life " * 2),
            f"    segment: {ids[n]}",
            "    job: " + _q(_text(text_words // 4, f"Journey {n}'s job.")),
            "    time: {baseline: 9 days, current: 6 days, target: 2 days, due: '2027-06'}",
            "    owner: " + _q("Vice president of care management " * 6),
            "    touches:",
        ]
        for t in range(items if n < rich else 2):
            lines += [
                "      - name: "
                + _q(f"Touch {t} of journey {n}: a call from the care guide after discharge " * 2),
                f"        channel: {channel_ids[t % len(channel_ids)]}",
                f"        office: {offices[t % len(offices)]}",
                f"        dimension: {vocab.DIMENSION_IDS[t % len(vocab.DIMENSION_IDS)]}",
                f"        pain: {levels[t % len(levels)]}",
                f"        cost: {levels[(t + 1) % len(levels)]}",
                f"        time: {t % 9 + 2} days",
            ]
    return lines


def _cx(items: int, channel_ids: list[str]) -> list[str]:
    """Every capability assessed in every office, and ``items`` systems."""
    lines = ["cx:", "  capabilities:"]
    reach = vocab.CX_REACH
    for k, capability in enumerate(vocab.CX_CAPABILITY_IDS):
        cells = ", ".join(
            f"{office}: {reach[(k + j) % len(reach)]}" for j, office in enumerate(vocab.OFFICES)
        )
        lines.append(f"    {capability}: {{{cells}}}")
    lines.append("  systems:")
    for n in range(items):
        lines += [
            f"    - id: system-{n}",
            "      name: " + _q(f"System {n}: the claims platform and its data warehouse " * 3),
            "      kind: " + vocab.SYSTEM_KINDS[n % len(vocab.SYSTEM_KINDS)],
            "      office: " + vocab.OFFICES[n % len(vocab.OFFICES)],
            "      serves: [" + ", ".join(vocab.DIMENSION_IDS) + "]",
            "      data_governance: " + reach[n % len(reach)],
            "      pain: " + vocab.LEVELS[n % len(vocab.LEVELS)],
        ]
    return lines


def huge_answers_canvas(size: int = MAX_BYTES - 4096, answers: int = 8) -> str:
    """A canvas of ``answers`` answers, each of many paragraphs, that fill a file of
    about ``size`` bytes."""
    head = "modelh: 1\ncanvas:\n  title: Huge answers\n  organization: Bench\n"
    body = "customer_relationships:\n  answers:\n"
    each = (size - len(head) - len(body)) // answers
    paragraph = "".join(f"      {line}\n" for line in _wrapped(_text(120, "Paragraph."))) + "\n"
    text = paragraph * (each // len(paragraph))
    for question in vocab.QUESTION_IDS[:answers]:
        body += f"    {question}: |\n{text}"
    result = head + body
    assert len(result.encode()) <= MAX_BYTES
    return result


def _wrapped(text: str, width: int = 70) -> list[str]:
    import textwrap

    return textwrap.wrap(text, width)


__all__ = ["huge_answers_canvas", "largest_canvas"]
