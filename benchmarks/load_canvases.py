"""Loader throughput: 1,000 generated 300-line canvases, loaded in-process.

Prints the per-canvas cost of `parse_canvas` (median of several runs) beside the
cost of PyYAML's C compose alone on the same texts, and their ratio.
Target: under 2 ms a canvas.

    python benchmarks/load_canvases.py [--canvases 1000] [--runs 5]
"""

from __future__ import annotations

import argparse
import statistics
import time

import yaml
from yaml import CSafeLoader

from modelh import parse_canvas
from modelh.framework import vocab


def generated_canvas(n: int) -> str:
    """A realistic canvas of about 300 lines; ``n`` varies its ids and texts."""
    segs = [f"seg-{n}-{i}" for i in range(4)]
    chans = [f"chan-{n}-{i}" for i in range(5)]
    meas = [f"meas-{n}-{i}" for i in range(12)]
    out = [
        "# yaml-language-server: $schema=modelh.schema.json",
        "modelh: 1",
        "canvas:",
        f"  title: Medicare Advantage {2027 + n % 3}",
        f"  organization: Health plan {n}",
        "  prepared_by: [Dana Whitfield, Luis Ortega]",
        "  prepared_for: Executive leadership team",
        "  date: 2026-11-20",
        '  version: "1.10"',
        "  status: review",
        '  confidentiality: "Confidential: prepared for the client"',
        '  branding: {logo: assets/logo.svg, color: "#0b5f8a"}',
        "segments:",
    ]
    for i, seg in enumerate(segs):
        out += [
            f"  - id: {seg}",
            f"    name: Segment {i} of canvas {n}",
            f"    role: {vocab.SEGMENT_ROLES[i % 3]}",
            "    description: >-",
            "      Members over 65 managing two or more chronic conditions, often",
            "      with a caregiver involved in appointments and medication.",
            f"    stage: {vocab.STAGE_IDS[i % 3]}",
            f"    target_stage: {vocab.STAGE_IDS[i % 3 + 1]}",
            "    preferences: [preferred language, appointment times, distance from home]",
        ]
    out.append("value_propositions:")
    for i in range(3):
        out += [
            f"  - id: vp-{n}-{i}",
            f"    name: Proposition {i}",
            f"    segments: [{segs[i]}, {segs[i + 1]}]",
            "    description: Guided care with a named nurse and same-week visits.",
        ]
    out.append("channels:")
    for i, chan in enumerate(chans):
        out += [f"  - id: {chan}", f"    name: Channel {i}", f"    kind: {vocab.CHANNEL_KINDS[i]}"]
    for block in vocab.ITEM_BLOCKS:
        out.append(f"{block}:")
        out += [f"  - Item {j} of {block}, specific enough to act on" for j in range(4)]
        out.append(f"  - {{text: Shared item, segments: [{segs[0]}]}}")
    out += ["customer_relationships:", "  answers:"]
    for q in vocab.QUESTION_IDS:
        if q in ("expectations", "influencers"):
            out.append(f"    {q}:")
            out += [f"      {seg}: A specific answer for this segment, in detail." for seg in segs]
        else:
            out += [
                f"    {q}: |",
                "      A multi-line answer that names who does what,",
                "      through which channel, and how it will be measured.",
            ]
    out.append("  dimensions:")
    for i, dim in enumerate(vocab.DIMENSION_IDS):
        out += [
            f"    {dim}:",
            f"      use: {vocab.DIMENSION_USES[i % 3]}",
            f"      segments: [{segs[i % 4]}]",
            "      approach: What the model does in this dimension, in a sentence.",
            f"      channels: [{chans[i % 5]}, {chans[(i + 1) % 5]}]",
            "      message: The message the segment wants to hear.",
            "      emotional_support: Reassurance from a named person.",
            "      physical_comfort: Visits close to home.",
            f"      measures: [{meas[i]}]",
            "      owner: Member services",
        ]
        if dim == "motivation":
            out += ["      incentives:", "        - Points for screenings, spendable in the store"]
    out.append("  measures:")
    for i, mid in enumerate(meas):
        domain = vocab.DOMAIN_IDS[i % 7]
        indicators = vocab.INDICATOR_IDS[domain]
        out += [
            f"    - id: {mid}",
            f"      name: Measure {i}",
            f"      domain: {domain}",
            *([f"      indicator: {indicators[0]}"] if indicators else []),
            "      tracks: experience",
            '      unit: "%"',
            "      direction: up",
            "      baseline: 41",
            "      current: 48.5",
            "      target: 70",
            '      due: "2027-12"',
            "      owner: CX office",
            f"      status: {'pending-leadership' if not indicators else 'active'}",
        ]
    return "\n".join(out) + "\n"


def per_canvas(function, texts: list[str]) -> float:
    start = time.perf_counter()
    for text in texts:
        function(text)
    return (time.perf_counter() - start) / len(texts)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--canvases", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    texts = [generated_canvas(n) for n in range(args.canvases)]
    parse_canvas(texts[0], "check.yaml")  # every generated canvas is valid
    lines = statistics.mean(t.count("\n") for t in texts)

    def compose(text: str) -> object:
        return yaml.compose(text, Loader=CSafeLoader)

    def load(text: str) -> object:
        return parse_canvas(text, "bench.yaml")

    compose_s = statistics.median(per_canvas(compose, texts) for _ in range(args.runs))
    load_s = statistics.median(per_canvas(load, texts) for _ in range(args.runs))
    print(f"{args.canvases} canvases of {lines:.0f} lines, median of {args.runs} runs")
    print(f"  PyYAML C compose alone : {compose_s * 1000:6.3f} ms a canvas")
    print(
        f"  modelh parse_canvas    : {load_s * 1000:6.3f} ms a canvas "
        f"({load_s / compose_s:.2f}x compose; target under 2 ms)"
    )


if __name__ == "__main__":
    main()
