"""``modelh framework`` (also called ``modelh guide``): the modelH method at the terminal.

The tables and panels are built by ``modelh.cli.guide``; this module prints them.
"""

from __future__ import annotations

import os
from typing import Annotated

import typer

from modelh.cli._common import fail
from modelh.escaping import printable

#: The topics, and the other names each answers to (the singular; domains for measures).
TOPICS: dict[str, tuple[str, ...]] = {
    "questions": ("question",),
    "dimensions": ("dimension",),
    "measures": ("measure", "domains", "domain"),
    "stages": ("stage",),
    "journeys": ("journey",),
    "cx": (),
    "sources": ("source",),
}
_TOPIC_NAMES = {name: topic for topic, others in TOPICS.items() for name in (topic, *others)}

_TOPIC_HELP = (
    "What to show: questions, dimensions, measures (or domains), stages, journeys, cx or "
    "sources; the singular works too. Default: all."
)
_ITEM_HELP = (
    "One question, dimension, domain or stage id (with its guidance), or a CX capability "
    "or office id, shown in full."
)


def _topic(value: str | None) -> str | None:
    """The topic ``value`` names, in any case and either number; a usage error if none."""
    if value is None:
        return None
    topic = _TOPIC_NAMES.get(value.strip().lower())
    if topic is None:
        raise typer.BadParameter(
            f"'{printable(value)}' is not a topic: choose from {', '.join(TOPICS)}"
        )
    return topic


def _complete_topic(incomplete: str) -> list[str]:
    return [t for t in TOPICS if t.startswith(incomplete.lower())]


def framework(
    topic: Annotated[
        str | None,
        typer.Argument(
            metavar="[TOPIC]",
            help=_TOPIC_HELP,
            show_default=False,
            callback=_topic,
            autocompletion=_complete_topic,
        ),
    ] = None,
    item: Annotated[
        str | None, typer.Argument(metavar="[ID]", help=_ITEM_HELP, show_default=False)
    ] = None,
) -> None:
    """Show the method: questions, dimensions, measures, stages, journeys, bone-deep CX.

    The eight Customer Relationships questions, the seven relationship dimensions,
    the measurement domains with their indicators, the stages of the value chain,
    the journey map, bone-deep CX and the systems behind the smiles, each with its
    source.
    """
    from rich.console import Console

    from modelh.cli import guide

    try:
        parts = guide.renderables(topic, item)
    except KeyError as exc:
        fail(str(exc.args[0]) if exc.args else "unknown item")
    console = Console(no_color="NO_COLOR" in os.environ)
    for part in parts:
        console.print(part)
        console.print()
