"""The steps of the journey map and of bone-deep CX: journeys with their time and
touches, each capability in each office, and the systems behind the smiles."""

from __future__ import annotations

from collections.abc import Iterator

from modelh import framework as fw
from modelh.canvas.model import Canvas, Journey, Touch
from modelh.interview.stepkit import (
    COST_LABELS,
    GOVERNANCE_LABELS,
    OFFICE_LABELS,
    PAIN_LABELS,
    REACH_LABELS,
    Step,
    channel_choices,
    coach,
    item_names,
)

# -- journeys and their touches ---------------------------------------------------------

#: A journey's fields as the walk asks them: (key, question, kind).
_JOURNEY_FIELDS: tuple[tuple[str, str, str], ...] = (
    ("name", "What is the journey called?", "text"),
    ("segment", "Whose journey is it?", "choice"),
    ("job", "Which job-to-be-done does the journey serve for them?", "text"),
)

#: A journey's time, then, now and aimed for, and when the target is due.
TIME_FIELDS: tuple[tuple[str, str], ...] = (
    ("baseline", "How long did one journey take, end to end, when work on it started?"),
    ("current", "How long does one journey take today, end to end?"),
    ("target", "How long should one journey take?"),
    ("due", "When is the target time due? (2027, 2027-06, 2027-Q2 or 2027-06-30)"),
)

#: Durations as the walk asks for them.
DURATION_HINT = " (a number and a unit: 2 days, 1.5 hours, 90 minutes)"

#: A touch's fields as the walk asks them: (key, question, kind).
TOUCH_FIELDS: tuple[tuple[str, str, str], ...] = (
    ("name", "What is the touch, as the customer meets it?", "text"),
    ("channel", "Through which channel?", "choice"),
    ("office", "Which office carries it?", "choice"),
    ("dimension", "Which relationship dimension does it serve?", "choice"),
    ("pain", "How much does it hurt the customer today?", "choice"),
    ("cost", "What does it cost the company today?", "choice"),
    ("time", "How much of the customer's time does it take?" + DURATION_HINT, "text"),
)


def dimension_choices() -> tuple[tuple[str, str], ...]:
    """The seven dimensions as choices."""
    return tuple((d.id, d.name) for d in fw.DIMENSIONS)


def touch_choices(canvas: Canvas) -> dict[str, tuple[tuple[str, str], ...]]:
    """The choices of a touch's fields."""
    return {
        "channel": channel_choices(canvas),
        "office": OFFICE_LABELS,
        "dimension": dimension_choices(),
        "pain": PAIN_LABELS,
        "cost": COST_LABELS,
    }


def _journey_note(canvas: Canvas) -> tuple[str, bool]:
    """What the add step says about the canvas's journeys, and whether a provider journey
    is still missing on a health plan's canvas (its touch inventory covers both)."""
    journeys, segments = canvas.journeys, canvas.segments
    kinds = {s.id: s.kind for s in segments}
    providers = [s for s in segments if s.kind == "provider"]
    missing = (
        canvas.canvas.kind == "health-plan"
        and bool(providers)
        and not any(kinds.get(j.segment) == "provider" for j in journeys)
    )
    if not segments:
        return "A journey is a segment's: add the segments first.", False
    if journeys:
        names = {s.id: s.name or s.id for s in segments}
        note = f"The canvas has {len(journeys)}: " + ", ".join(
            f"{j.name} ({names.get(j.segment, j.segment)}, {_count(len(j.touches), 'touch')})"
            for j in journeys
        )
    else:
        note = "None yet: map one journey end to end first, then the next."
    if missing:
        note += (
            f"\nNo journey yet for {item_names(providers)}: a health plan's touch inventory "
            "covers members and providers both."
        )
    return note, missing


def _count(n: int, noun: str) -> str:
    plural = noun + ("es" if noun.endswith(("ch", "s")) else "s")
    return f"{n} {noun if n == 1 else plural}"


def journey_steps(canvas: Canvas) -> Iterator[Step]:
    journeys = canvas.journeys
    note, missing = _journey_note(canvas)
    yield Step(
        "journey:+",
        "journeys",
        "Journeys",
        "Add a journey?" if not journeys else "Add another journey?",
        "confirm",
        current=tuple(j.id for j in journeys) if journeys and not missing else None,
        guidance=coach("journey.add"),
        note=note,
        make="journey",
    )
    from modelh.canvas.priority import journey_priorities

    ranked = {(t.journey, t.position): t for j in journey_priorities(canvas) for t in j.touches}
    total = len(ranked)
    choices = {"segment": tuple((s.id, s.name or s.id) for s in canvas.segments)}
    for n, journey in enumerate(journeys, start=1):
        group = f"Journey {n} of {len(journeys)}: {journey.name}"
        base: tuple[str | int, ...] = ("journeys", f"[{journey.id}]")
        key = f"journey:{journey.id}"
        segment = canvas.segment(journey.segment)
        jobs = segment.jobs if segment is not None else ()
        for name, prompt, kind in _JOURNEY_FIELDS:
            yield Step(
                f"{key}:{name}",
                "journeys",
                group,
                prompt,
                kind,
                (*base, name),
                getattr(journey, name),
                choices.get(name, ()),
                guidance=coach(f"journey.{name}"),
                note="Their jobs: " + "; ".join(jobs) if name == "job" and jobs else "",
            )
        yield from _time_steps(journey, key, group, base)
        yield Step(
            f"{key}:owner",
            "journeys",
            group,
            "Who is responsible for the journey?",
            "text",
            (*base, "owner"),
            journey.owner,
            guidance=coach("journey.owner"),
        )
        touches = journey.touches
        yield Step(
            f"{key}:touch:+",
            "journeys",
            group,
            "Add a touch to this journey?" if not touches else "Add the next touch?",
            "confirm",
            current=tuple(t.id or t.name for t in touches) or None,
            guidance=coach("touch.add"),
            note=(
                "In order: " + " > ".join(t.name for t in touches)
                if touches
                else "None yet: the touches in the order the customer meets them."
            ),
            make="touch",
        )
        for k, touch in enumerate(touches, start=1):
            priority = ranked.get((journey.id, k))
            why = (
                f"Priority (modelh's own score): {priority.why()} of {_max_score()}, "
                f"rank {priority.rank} of {total}"
                if priority is not None
                else ""
            )
            yield from _touch_steps(canvas, journey, touch, k, base, why)


def _max_score() -> str:
    from modelh.canvas.priority import MAX_SCORE

    return str(int(MAX_SCORE)) if float(MAX_SCORE).is_integer() else str(MAX_SCORE)


def _time_steps(
    journey: Journey, key: str, group: str, base: tuple[str | int, ...]
) -> Iterator[Step]:
    time = journey.time
    for name, prompt in TIME_FIELDS:
        value = getattr(time, name) if time is not None else None
        yield Step(
            f"{key}:time:{name}",
            "journeys",
            group,
            prompt if name == "due" else prompt + DURATION_HINT,
            "text",
            (*base, "time", name),
            None if value is None else str(value),
            guidance=coach("journey.due" if name == "due" else "journey.time"),
        )


def _touch_steps(
    canvas: Canvas,
    journey: Journey,
    touch: Touch,
    k: int,
    base: tuple[str | int, ...],
    priority: str,
) -> Iterator[Step]:
    """The fields of the ``k``-th touch of ``journey`` (found by its id, else its place)."""
    ref: str | int = f"[{touch.id}]" if touch.id else k - 1
    key = f"journey:{journey.id}:touch:{touch.id or f'#{k}'}"
    group = f"{journey.name}, touch {k} of {len(journey.touches)}: {touch.name}"
    choices = touch_choices(canvas)
    for name, prompt, kind in TOUCH_FIELDS:
        current = getattr(touch, name)
        yield Step(
            f"{key}:{name}",
            "journeys",
            group,
            prompt,
            kind,
            (*base, "touches", ref, name),
            None if current is None else str(current),
            choices.get(name, ()),
            allow_new="channel" if name == "channel" else "",
            guidance=coach(f"touch.{name}"),
            note=priority if name in ("pain", "cost") else "",
        )


# -- bone-deep CX and the systems behind the smiles ------------------------------------

#: A system's fields as the walk asks them: (key, question, kind).
SYSTEM_FIELDS: tuple[tuple[str, str, str], ...] = (
    ("name", "What is the system called?", "text"),
    ("kind", "What sort of system is it?", "choice"),
    ("office", "Which office does it sit in?", "choice"),
    ("serves", "Which dimensions' experience depends on it?", "multi"),
    ("data_governance", "How well governed and quality-checked is its data?", "choice"),
    ("pain", "How much dissatisfaction does it cause today?", "choice"),
)


def system_choices() -> dict[str, tuple[tuple[str, str], ...]]:
    """The choices of a system's fields."""
    return {
        "kind": tuple((k, k) for k in fw.SYSTEM_KINDS),
        "office": OFFICE_LABELS,
        "serves": dimension_choices(),
        "data_governance": GOVERNANCE_LABELS,
        "pain": PAIN_LABELS,
    }


def cx_steps(canvas: Canvas) -> Iterator[Step]:
    cx = canvas.cx
    painful: dict[str, list[str]] = {}
    for journey in canvas.journeys:
        for touch in journey.touches:
            if touch.pain == "high" and touch.office:
                painful.setdefault(touch.office, []).append(touch.name)
    capabilities = fw.CAPABILITIES
    for n, cap in enumerate(capabilities, start=1):
        group = f"Capability {n} of {len(capabilities)}: {cap.name}"
        for office in fw.CX_OFFICE_DETAILS:
            note = cap.summary
            if painful.get(office.id):  # first: the line a short screen keeps
                touches = "; ".join(painful[office.id])
                note = f"High-pain touches in the {office.name.lower()}: {touches}\n{note}"
            yield Step(
                f"cx:{cap.id}:{office.id}",
                "cx",
                group,
                f"How far does {cap.name} reach into the {office.name.lower()}?",
                "choice",
                ("cx", "capabilities", cap.id, office.id),
                cx.reach(cap.id, office.id) if cx is not None else None,
                REACH_LABELS,
                guidance=coach(f"cx.{office.id}"),
                note=note,
            )
    systems = cx.systems if cx is not None else ()
    yield Step(
        "system:+",
        "cx",
        "Systems behind the smiles",
        "Add a system?" if not systems else "Add another system?",
        "confirm",
        current=tuple(s.id for s in systems) or None,
        guidance=coach("system.add"),
        note=(
            f"The canvas has {len(systems)}: "
            + ", ".join(f"{s.name} ({s.office or 'office not set'})" for s in systems)
            if systems
            else "None yet. A health plan's systems of record: "
            + ", ".join(fw.PAYER_SYSTEMS_OF_RECORD)
        ),
        make="system",
    )
    choices = system_choices()
    for n, system in enumerate(systems, start=1):
        group = f"System {n} of {len(systems)}: {system.name}"
        for name, prompt, kind in SYSTEM_FIELDS:
            yield Step(
                f"system:{system.id}:{name}",
                "cx",
                group,
                prompt,
                kind,
                ("cx", "systems", f"[{system.id}]", name),
                getattr(system, name),
                choices.get(name, ()),
                guidance=coach(f"system.{name}"),
            )
