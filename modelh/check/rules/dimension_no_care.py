"""A dimension the model uses without both emotional support and physical comfort.

Why it matters: the method says that each dimension a model uses usually
needs some emotional support and some physical comfort: both, not one or the
other. Healthcare customers are often anxious, unwell or caring for someone
who is; reassurance (a familiar voice, a warm hand-off) does not make up for a
clinic an hour away, and large print does not make up for a cold letter. A
dimension designed without either treats patients and members like any retail
customer; one designed with only one of them is half done.

How to fix: write both emotional_support and physical_comfort for the
dimension. A planned dimension gets this finding as info. Dimensions listed in
the option exempt are skipped: by default monetization, which is about pricing
and how the relationship earns money rather than care given to the customer.

Example::

    dimensions:
      information:
        use: supporting
        approach: After-visit summaries in plain language.
        # emotional_support and physical_comfort: both missing
      transition:
        use: core
        emotional_support: A guide calls the family the day after discharge.
        # physical_comfort: missing

Configuration::

    [tool.modelh.rules.dimension-no-care]
    exempt = []        # check monetization too
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from modelh.canvas.model import Canvas
from modelh.check.rules import Executive, Hit
from modelh.check.rules._common import gap_dimensions
from modelh.check.rules._dimensions import filled, placeholder_note

CODE = "MH208"
NAME = "dimension-no-care"
SEVERITY = "warning"
SECTION = "dimensions"
OPTIONS: dict[str, Any] = {"exempt": ["monetization"]}
EXECUTIVE = Executive(
    "The {dimension} dimension gives customers no {care}",
    (
        "Healthcare customers are often anxious, unwell or caring for someone who is: the method "
        "asks for reassurance and practical ease of access in every dimension used."
    ),
    many="The {items} dimensions give customers no {care}",
    over="dimension",
    part="{care}",
)

_KEYS = ("emotional_support", "physical_comfort")
_WORDS = {"emotional_support": "emotional support", "physical_comfort": "physical comfort"}
_HOW = {
    "emotional_support": "the reassurance customers need",
    "physical_comfort": "the practical ease of access",
}


def check(canvas: Canvas, options: Mapping[str, Any]) -> Iterator[Hit]:
    exempt = set(options["exempt"])
    for dim, severity in gap_dimensions(canvas):
        if dim.id in exempt:
            continue
        values = {key: getattr(dim, key) for key in _KEYS}
        missing = [key for key in _KEYS if not filled(values[key])]
        if not missing:
            continue
        if len(missing) == 2:
            # point at whichever of the two is written (empty or a placeholder), else the first
            key = next((k for k in _KEYS if f"{dim.path}.{k}" in canvas.spans), _KEYS[0])
            yield Hit(
                f"{dim.path}.{key}",
                f"dimension '{dim.id}' gives neither emotional support nor physical comfort"
                + placeholder_note(values[key]),
                f"under {dim.id}, write 'emotional_support:' (the reassurance customers need) "
                "and 'physical_comfort:' (the practical ease of access): the method asks for both",
                severity,
                about={"care": "emotional support or physical comfort"},
            )
            continue
        key = missing[0]
        gives = _WORDS[_KEYS[1 - _KEYS.index(key)]]
        yield Hit(
            f"{dim.path}.{key}",
            f"dimension '{dim.id}' gives {gives} but no {_WORDS[key]}"
            + placeholder_note(values[key]),
            f"under {dim.id}, write '{key}:' ({_HOW[key]}): the method asks for both",
            severity,
            about={"care": _WORDS[key]},
        )
