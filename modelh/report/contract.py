"""The report context: what every template receives, the template authors' contract.

``docs/report.md`` describes each key; ``templates/README.md`` points there.
"""

from __future__ import annotations

from typing import Any, TypedDict


class ReportContext(TypedDict):
    """What every template receives (see docs/report.md for each key)."""

    report: dict[str, Any]
    brand: dict[str, str]
    sections: list[dict[str, Any]]
    canvas_page: dict[str, Any]
    segments: list[dict[str, Any]]
    value_propositions: list[dict[str, Any]]
    channels: list[dict[str, Any]]
    blocks: list[dict[str, Any]]
    questions: list[dict[str, Any]]
    dimensions: dict[str, Any]
    measures: dict[str, Any]
    value_chain: dict[str, Any]
    more: dict[str, Any]
    gaps: dict[str, Any] | None
    method: dict[str, Any]


class BrandContext(TypedDict):
    """The report's palette (``brand_colors``): hex colours, lower case."""

    color: str
    strong: str
    tint: str
    wash: str
    mid: str
    on: str
