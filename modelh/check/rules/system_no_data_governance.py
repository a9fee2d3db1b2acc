"""A system that causes high pain has no data governance.

Why it matters: 40 to 60 percent of customer dissatisfaction comes from the
systems front-line staff rely on, not from the staff ("systems behind the
smiles", Fritz Haimberger after Customers for Life). For a payer, the systems
of record behind members and providers (care management, claims, recruiting,
member services, compliance) decide much of the experience, and the method
counts data governance and quality assurance across them as part of it. A
system that hurts customers today with nobody governing its data will keep
hurting them however well the staff are trained.

How to fix: establish governance and quality assurance of the system's data
(an owner, quality rules, a steward) and mark data_governance partial or
established; if it is already governed, say so. The scales (high, medium,
low; absent, partial, established) are modelh's own.

Example::

    cx:
      systems:
        - id: claims
          name: Claims platform
          pain: high
          data_governance: absent
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from modelh.canvas.model import Canvas
from modelh.check.rules import Executive, Hit

CODE = "MH603"
NAME = "system-no-data-governance"
SEVERITY = "warning"
SECTION = "cx"
OPTIONS: dict[str, Any] = {}

EXECUTIVE = Executive(
    "Nobody governs the data of {system}, a system that hurts customers today",
    (
        "40 to 60 percent of customer dissatisfaction comes from the systems behind the front "
        "line, not from the staff; an ungoverned system keeps hurting however well the staff are "
        "trained."
    ),
    many="Nobody governs the data of {items}, systems that hurt customers today",
    over="system",
)


def check(canvas: Canvas, options: Mapping[str, Any]) -> Iterator[Hit]:
    if canvas.cx is None:
        return
    for system in canvas.cx.systems:
        if system.pain != "high" or system.data_governance not in (None, "absent"):
            continue
        said = (
            "has no data governance"
            if system.data_governance == "absent"
            else "says nothing of its data governance"
        )
        yield Hit(
            f"{system.path}.data_governance",
            f"system '{system.id}' causes high pain but {said}",
            f"govern the data of '{system.id}' (an owner, quality rules) and mark "
            "data_governance partial or established, or write how far it is governed today",
        )
