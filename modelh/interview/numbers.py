"""Numbers as a person types them: digits kept, ambiguous commas refused."""

from __future__ import annotations

import math
from decimal import Decimal

from modelh.canvas.values import NUMBER as _NUMBER
from modelh.canvas.values import THOUSANDS as _THOUSANDS
from modelh.canvas.yamltext import Number


def parse_number(text: str, *, thousands: bool = True) -> int | Number:
    """A number as typed, its digits kept: an ``int``, or a ``Number`` (a decimal).

    ``1,500`` is read as 1500 when ``thousands`` allows it (the groups of three the
    loader names thousands separators); any other comma, as in ``1,5``, could be a
    decimal comma or a typo and is refused, saying both readings. Raises ValueError
    with the message to show.
    """
    typed = text.strip()
    if "," in typed:
        if thousands and _THOUSANDS.match(typed):
            typed = typed.replace(",", "")
        else:
            whole = typed.replace(",", "")
            if typed.count(",") == 1 and _NUMBER.match(typed.replace(",", ".")):
                raise ValueError(
                    f"'{text}' is ambiguous: write {typed.replace(',', '.')} or {whole}"
                )
            if _NUMBER.match(whole):
                raise ValueError(f"'{text}' is ambiguous: write it without commas, e.g. {whole}")
    if not _NUMBER.match(typed):
        raise ValueError(f"'{text}' is not a number (a unit goes with the measure, not here)")
    try:
        float(typed)  # underscores only between digits, as Python and YAML 1.2 read them
    except ValueError:
        raise ValueError(f"'{text}' is not a number") from None
    typed = typed.replace("_", "")  # digit groups: the digits stay
    if not any(c in typed for c in ".eE"):
        return int(typed)
    number = Number(typed)
    if not math.isfinite(number):
        raise ValueError(f"'{text}' is too large a number")
    return number


def plain_figure(value: float | int) -> str:
    """A figure in plain digits (1234567.5, 0.00001), never in exponent form."""
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e18:
        return str(int(value))
    if isinstance(value, float):
        return format(Decimal(repr(value)), "f")  # the shortest digits that read back
    return str(value)
