"""A dimension the model uses with neither emotional support nor physical comfort.

Why it matters: healthcare customers are often anxious, unwell or caring for
someone who is. Each dimension a model uses usually needs some emotional
support (reassurance, a familiar voice, a warm hand-off) and some physical
comfort (access, distance, setting, large print). A dimension designed
without either treats patients and members like any retail customer.

How to fix: write at least one of emotional_support and physical_comfort for
the dimension. A planned dimension gets this finding as info. Dimensions
listed in the option exempt are skipped: by default monetization, which is
about pricing and how the relationship earns money rather than care given to
the customer.

Example::

    dimensions:
      information:
        use: supporting
        approach: After-visit summaries in plain language.
        # emotional_support and physical_comfort: both missing

Configuration::

    [tool.modelh.rules.dimension-no-care]
    exempt = []        # check monetization too
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from modelh.canvas.model import Canvas
from modelh.check.rules import Hit
from modelh.check.rules._common import gap_dimensions
from modelh.check.rules._dimensions import filled, placeholder_note

CODE = "MH208"
NAME = "dimension-no-care"
SEVERITY = "warning"
SECTION = "dimensions"
OPTIONS: dict[str, Any] = {"exempt": ["monetization"]}

_KEYS = ("emotional_support", "physical_comfort")


def check(canvas: Canvas, options: Mapping[str, Any]) -> Iterator[Hit]:
    exempt = set(options["exempt"])
    for dim, severity in gap_dimensions(canvas):
        if dim.id in exempt:
            continue
        values = {key: getattr(dim, key) for key in _KEYS}
        if any(filled(v) for v in values.values()):
            continue
        # point at whichever of the two is written (empty or a placeholder), else the first
        key = next((k for k in _KEYS if f"{dim.path}.{k}" in canvas.spans), _KEYS[0])
        yield Hit(
            f"{dim.path}.{key}",
            f"dimension '{dim.id}' gives neither emotional support nor physical comfort"
            + placeholder_note(values[key]),
            f"under {dim.id}, write 'emotional_support:' (the reassurance customers need) "
            "or 'physical_comfort:' (the practical ease of access), or both",
            severity,
        )
