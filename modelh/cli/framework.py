"""``modelh framework`` (also called ``modelh guide``): the modelH method at the terminal.

The tables and panels are built by ``modelh.cli.guide``; this module prints them.
"""

from __future__ import annotations

import os
from enum import StrEnum
from typing import Annotated

import typer

from modelh.cli._common import fail


class Topic(StrEnum):
    questions = "questions"
    dimensions = "dimensions"
    measures = "measures"
    stages = "stages"
    journeys = "journeys"
    cx = "cx"
    sources = "sources"


_TOPIC_HELP = (
    "What to show: questions, dimensions, measures, stages, journeys, cx or sources. Default: all."
)
_ITEM_HELP = (
    "One question, dimension, domain or stage id (with its guidance), or a CX capability "
    "or office id, shown in full."
)


def framework(
    topic: Annotated[
        Topic | None, typer.Argument(metavar="[TOPIC]", help=_TOPIC_HELP, show_default=False)
    ] = None,
    item: Annotated[
        str | None, typer.Argument(metavar="[ID]", help=_ITEM_HELP, show_default=False)
    ] = None,
) -> None:
    """Show the method: questions, dimensions, measures, stages, journeys, bone-deep CX."""
    from rich.console import Console

    from modelh.cli import guide

    try:
        parts = guide.renderables(topic.value if topic else None, item)
    except KeyError as exc:
        fail(str(exc.args[0]) if exc.args else "unknown item")
    console = Console(no_color="NO_COLOR" in os.environ)
    for part in parts:
        console.print(part)
        console.print()
