"""Value formatting for the report, and the Jinja filters made of it.

Templates use ``paragraphs``, ``number`` (``format_number``), ``value``
(``format_value``) and ``names`` (``join_names``) as filters; the context builders
use the same functions.
"""

from __future__ import annotations

import datetime as dt
import math
import os
import re
from collections.abc import Iterable
from typing import Any

from markupsafe import Markup, escape


def paragraphs(text: str | None) -> list[dict[str, Any]]:
    """A text as written in YAML, as paragraphs and bullet lists.

    Blank lines separate paragraphs; lines starting with "- ", "* " or "• " are
    list items; other line breaks are the writer's wrapping and become spaces.
    """
    if not text:
        return []
    blocks: list[dict[str, Any]] = []
    for chunk in re.split(r"\n\s*\n", text.strip()):
        lines = [line.strip() for line in chunk.splitlines() if line.strip()]
        items: list[str] = []
        words: list[str] = []
        for line in lines:
            bullet = re.match(r"^(?:[-*•]|\d+[.)])\s+(.*)$", line)
            if bullet:
                if words:
                    blocks.append({"kind": "p", "text": " ".join(words)})
                    words = []
                items.append(bullet.group(1))
            elif items:
                items[-1] += " " + line
            else:
                words.append(line)
        if words:
            blocks.append({"kind": "p", "text": " ".join(words)})
        if items:
            blocks.append({"kind": "ul", "items": items})
    return blocks


def display_name(name: str) -> str:
    """A file name as text: bytes that are not UTF-8 (kept by Python as lone
    surrogates) shown as U+FFFD, so the name can be written into a report."""
    return os.fsencode(name).decode("utf-8", "replace")


def format_number(value: float | int | None) -> str:
    """A number as a reader expects it: thousands separated, no needless decimals."""
    if value is None:
        return "–"
    if isinstance(value, float) and not math.isfinite(value):
        return str(value)
    if float(value).is_integer() and abs(value) < 1e15:
        return f"{int(value):,}"
    text = f"{value:,.6g}" if abs(value) >= 1e15 else f"{value:,.4f}".rstrip("0").rstrip(".")
    return text


#: Units written in the plural that read in the singular beside exactly 1 ("1 day").
_PLURAL_UNITS: tuple[str, ...] = ("minutes", "hours", "days", "weeks", "months", "years")
_PLURAL_UNITS += ("visits", "calls", "points", "members", "patients")
_SINGULAR = {unit: unit[:-1] for unit in _PLURAL_UNITS}


def format_value(value: float | int | None, unit: str | None) -> str:
    """A number with its unit: "48%", "$13.95 PMPM", "$22.1M per year", "24 NPS points";
    a negative one with a minus sign ("−3%", "−$2M"), a plural unit in the singular
    beside 1 ("1 day")."""
    if value is None:
        return "–"
    number = format_number(value)
    sign = ""
    if number.startswith("-"):
        sign, number = "−", number[1:]
    unit = (unit or "").strip()
    if not unit:
        return sign + number
    if unit.startswith("%"):
        return sign + number + unit
    if unit.startswith("$") or unit.startswith("€") or unit.startswith("£"):
        symbol, rest = unit[0], unit[1:]
        if rest[:1] in ("K", "M", "B") and (len(rest) == 1 or rest[1] == " "):
            return f"{sign}{symbol}{number}{rest}"
        return f"{sign}{symbol}{number}{(' ' + rest.strip()) if rest.strip() else ''}"
    if abs(value) == 1:  # "1 day", "1 NPS point", "1 day per week"
        words = unit.split(" ")
        plural = next((i for i, word in enumerate(words) if word in _SINGULAR), None)
        if plural is not None:
            words[plural] = _SINGULAR[words[plural]]
            unit = " ".join(words)
    return f"{sign}{number} {unit}"


def join_names(names: Iterable[str], separator: str = ", ") -> Markup:
    """Names joined for a sentence or a cell, each isolated (``<bdi>``): an Arabic or
    Hebrew name beside others keeps its place instead of swapping around a comma."""
    return Markup(escape(separator)).join(Markup("<bdi>%s</bdi>") % name for name in names)


def format_date(text: str | None) -> str:
    """An ISO date as "20 November 2026"; other texts as written."""
    if not text:
        return ""
    try:
        day = dt.date.fromisoformat(text)
    except ValueError:
        return text
    return f"{day.day} {day:%B %Y}"


def format_period(text: str | None) -> str:
    """A due period ("2027", "2027-12", "2027-Q4", "2027-12-31") as words."""
    if not text:
        return ""
    match = re.fullmatch(r"(\d{4})-(\d{2})", text)
    if match:
        month = dt.date(int(match.group(1)), int(match.group(2)), 1)
        return f"{month:%B %Y}"
    match = re.fullmatch(r"(\d{4})-Q([1-4])", text)
    if match:
        return f"Q{match.group(2)} {match.group(1)}"
    return format_date(text)
