"""A segment's target stage skips a stage of the value chain without doing its work.

Why it matters: the value chain (Digital Strategy Yoga) builds trust one stage
at a time. Trying to engage customers without first communicating with them
and interacting with them makes them distrust the company and slide back.
Preferences are captured during every interaction, and from engage on the
company must recognize them, so a segment pushed past interact with nothing
captured is pushed past a stage it never went through.

modelh's own reading (not the method's): aiming a segment two stages ahead
within one plan is not skipping in itself; a plan skips a stage when it shows
none of that stage's work. interact's work shows in preferences captured for
the segment; engage's in preferences captured and a dimension in use (core or
supporting) that serves the segment, through which the company recognizes and
personalizes. No key of a canvas shows collaborate's work, so a target past
collaborate from before it is always reported.

How to fix: show the work of the stage in between (list the segment's
preferences; serve it with a dimension in use), or aim for the next stage only
and plan the one after for a later canvas. If the segment is further along
than its stage says, correct the stage instead.

Example::

    segments:
      - id: members
        stage: communicate
        target_stage: engage        # skips interact: no preferences captured
      - id: caregivers
        stage: communicate
        target_stage: engage        # quiet: interact's work is under way
        preferences: [Text alerts rather than calls during work hours]
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from modelh.canvas.facts import captured_preferences, served_segments
from modelh.canvas.model import Canvas, Segment
from modelh.check.rules import Executive, Hit
from modelh.framework import stage_index, vocab

CODE = "MH408"
NAME = "stage-skipped"
SEVERITY = "warning"
SECTION = "segments"
OPTIONS: dict[str, Any] = {}
EXECUTIVE = Executive(
    "The plan for {segment} skips {stages} of the value chain",
    (
        "Trying to engage customers before communicating and interacting with them makes them "
        "distrust the company and slide back."
    ),
    many="The plans for {items} skip {stages} of the value chain",
    over="segment",
)

_PREFERENCES = "no preferences captured"
_SERVED = "no dimension in use serves it"


def _and(words: list[str]) -> str:
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]


def _missing_work(stage: str, segment: Segment, served: bool) -> list[str]:
    """What of ``stage``'s work the canvas does not show for the segment (empty: shown)."""
    preferences = captured_preferences(segment)
    if stage == "interact":
        return [] if preferences else [_PREFERENCES]
    if stage == "engage":
        missing = [] if preferences else [_PREFERENCES]
        return missing + ([] if served else [_SERVED])
    return [f"nothing in a canvas shows {stage}'s work"]


def check(canvas: Canvas, options: Mapping[str, Any]) -> Iterator[Hit]:
    served = served_segments(canvas)
    for segment in canvas.segments:
        if segment.stage is None or segment.target_stage is None:
            continue
        here, there = stage_index(segment.stage), stage_index(segment.target_stage)
        if there - here <= 1:
            continue
        between = list(vocab.STAGE_IDS[here + 1 : there])
        gaps = {s: _missing_work(s, segment, segment.id in served) for s in between}
        skipped = [s for s in between if gaps[s]]
        if not skipped:
            continue
        reasons = list(dict.fromkeys(r for s in skipped for r in gaps[s]))
        work = []
        if _PREFERENCES in reasons:
            work.append("list the segment's preferences")
        if _SERVED in reasons:
            work.append(f"serve '{segment.id}' with a core or supporting dimension")
        show = f"{' and '.join(work)} (the work of {_and(skipped)}), or " if work else ""
        yield Hit(
            f"{segment.path}.target_stage",
            f"segment '{segment.id}' aims to go from {segment.stage} to "
            f"{segment.target_stage}, skipping {_and(skipped)}: {'; '.join(reasons)}",
            f"{show}set 'target_stage: {between[0]}', the next stage, and aim for "
            f"{segment.target_stage} once the segment is there",
            about={"stages": f"the {_and(skipped)} stage" + ("s" if len(skipped) > 1 else "")},
        )
