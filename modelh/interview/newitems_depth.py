"""New items of the journey map and bone-deep CX (a journey, a touch, a system),
and the step that adds items of any kind one after another (``Interview`` is one)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Any

from modelh import framework as fw
from modelh.errors import CanvasError
from modelh.interview.newitems import NewItems, _period_check
from modelh.interview.steps import (
    DURATION_HINT,
    SYSTEM_FIELDS,
    TIME_FIELDS,
    TOUCH_FIELDS,
    Step,
    plan,
    system_choices,
    touch_choices,
)
from modelh.interview.talk import (
    Cancelled,
    first_problem,
)


class NewDepthItems(NewItems):
    """The interview's questions for a new journey, touch or system, and the adding
    of items of any kind."""

    def add_items(self, step: Step) -> None:
        """Add items of the kind ``step`` makes, one after another, until the person
        says no more; each is saved as soon as it is complete."""
        makers: dict[str, Callable[[], str | None]] = {
            "segment": self.create_segment,
            "value_proposition": self.create_value_proposition,
            "channel": lambda: self.create_channel(step.section),
            "measure": lambda: self.create_measure(section=step.section),
            "journey": self.create_journey,
            "touch": lambda: self.create_touch(step.key.split(":")[1], step.section),
            "system": self.create_system,
        }
        added = 0
        while makers[step.make]() is not None:
            added += 1
            again = next(
                (s for s in plan(self.file.canvas(), [step.section]) if s.key == step.key), step
            )
            if not self.ask_field(replace(again, key=f"{step.key}:again", number=0, total=0)):
                break
        if not added:
            raise Cancelled

    def create_journey(self) -> str | None:
        """Ask for a new journey (name, id, whose, its job, its time, its owner), add it,
        then its touches one by one, in the order the customer meets them; its id."""
        canvas = self.file.canvas()
        group, s = "New journey", "journeys"
        if not canvas.segments:
            self.prompter.tell(
                "A journey is a segment's: add the segments first (--section segments).", "error"
            )
            return None

        def field(name: str, prompt: str, kind: str, topic: str, **more: Any) -> Step:
            return Step(
                f"journey:new:{name}",
                s,
                group,
                prompt,
                kind,
                guidance=fw.COACHING[f"journey.{topic}"],
                **more,
            )

        try:
            name, ident = self.ask_name_and_id("journey", s, group, canvas)
            segment = self.ask_field(
                field(
                    "segment",
                    "Whose journey is it?",
                    "choice",
                    "segment",
                    choices=tuple((g.id, g.name or g.id) for g in canvas.segments),
                    required=True,
                )
            )
            found = canvas.segment(str(segment))
            jobs = found.jobs if found is not None else ()
            job = self.ask_field(
                field(
                    "job",
                    "Which job-to-be-done does it serve for them?",
                    "text",
                    "job",
                    current=jobs[0] if len(jobs) == 1 else None,
                    note="Their jobs: " + "; ".join(jobs) if jobs else "",
                )
            )
            time: dict[str, Any] = {}
            for key, prompt in TIME_FIELDS:
                due = key == "due"
                time[key] = self.ask_field(
                    field(
                        f"time:{key}",
                        prompt if due else prompt + DURATION_HINT,
                        "text",
                        "due" if due else "time",
                    ),
                    _period_check if due else _duration_check,
                )
            owner = self.ask_field(
                field("owner", "Who is responsible for the journey?", "text", "owner")
            )
        except Cancelled:
            self.prompter.tell("No journey was added.")
            return None
        time = {k: v for k, v in time.items() if v not in (None, "")}
        item = {
            "id": ident,
            "name": name,
            "segment": segment,
            "job": job,
            "time": time or None,
            "owner": owner,
        }
        ident = self._append(("journeys",), item, "journey")
        added = 0
        try:
            while self.ask_field(
                Step(
                    f"journey:{ident}:touch:+:new",
                    s,
                    f"Journey: {name}",
                    "Add a touch to this journey?" if not added else "Add the next touch?",
                    "confirm",
                    guidance=fw.COACHING["touch.add"],
                    note="The touches in the order the customer meets them." if not added else "",
                )
            ):
                if self.create_touch(ident, s) is not None:
                    added += 1
        except Cancelled:
            pass  # the journey is saved; its touches can be added at its step of the walk
        return ident

    def create_touch(self, journey_id: str, section: str = "journeys") -> str | None:
        """Ask for the next touch of a journey and add it at its end; return its id."""
        canvas = self.file.canvas()
        journey = canvas.journey(journey_id)
        if journey is None:
            raise Cancelled
        group = f"{journey.name}: touch {len(journey.touches) + 1}"
        s = section
        choices = touch_choices(canvas)
        prompts = {name: (prompt, kind) for name, prompt, kind in TOUCH_FIELDS}

        def field(name: str) -> Step:
            prompt, kind = prompts[name]
            return Step(
                f"touch:new:{name}",
                s,
                group,
                prompt,
                kind,
                choices=choices.get(name, ()),
                allow_new="channel" if name == "channel" else "",
                guidance=fw.COACHING[f"touch.{name}"],
            )

        try:
            name, ident = self.ask_name_and_id("touch", s, group, canvas)
            item: dict[str, Any] = {"id": ident, "name": name}
            item["channel"] = self._choose_channel(field("channel"))
            for key in ("office", "dimension", "pain", "cost"):
                item[key] = self.ask_field(field(key))
            item["time"] = self.ask_field(field("time"), _duration_check)
        except Cancelled:
            self.prompter.tell("No touch was added.")
            return None
        return self._append(("journeys", f"[{journey_id}]", "touches"), item, "touch")

    def create_system(self) -> str | None:
        """Ask for a new system behind the smiles, add it, and return its id."""
        canvas = self.file.canvas()
        group, s = "New system", "cx"
        choices = system_choices()
        try:
            name, ident = self.ask_name_and_id("system", s, group, canvas)
            item: dict[str, Any] = {"id": ident, "name": name}
            for key, prompt, kind in SYSTEM_FIELDS[1:]:  # its name is asked above
                item[key] = self.ask_field(
                    Step(
                        f"system:new:{key}",
                        s,
                        group,
                        prompt,
                        kind,
                        choices=choices.get(key, ()),
                        guidance=fw.COACHING[f"system.{key}"],
                    )
                )
        except Cancelled:
            self.prompter.tell("No system was added.")
            return None
        return self._append(("cx", "systems"), item, "system")


def _duration_check(value: Any) -> str | None:
    """Why ``value`` is not a duration the canvas accepts (None: it is one), in the
    loader's own words (they give the grammar)."""
    import json

    from modelh.canvas.loader import parse_canvas

    text = (
        "modelh: 1\ncanvas: {title: t, organization: o}\nsegments: [{id: s}]\njourneys:\n"
        "  - {id: j, name: j, segment: s, touches: [{name: t, time: "
        f"{json.dumps(str(value))}}}]}}\n"
    )
    try:
        parse_canvas(text, "time")
    except CanvasError as exc:
        return first_problem(exc).removeprefix("journey 'j': touches[0]: ")
    return None
