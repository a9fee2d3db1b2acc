"""The measures' trend lines of ``render --history``: each measure's current value
over the canvas's git history (``modelh.history``), drawn as a small line."""

from __future__ import annotations

from typing import TYPE_CHECKING

from modelh.report.contract import HistoryNote, MeasuresContext, TrendContext

if TYPE_CHECKING:
    from modelh.history.trend import History

#: The box a trend line is drawn in (SVG user units).
WIDTH, HEIGHT = 100.0, 20.0


def _figure(value: float | int) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:g}"


def trend_context(values: list[tuple[str, float | int]]) -> TrendContext | None:
    """The line of ``values`` (date, value), oldest first; None with fewer than two."""
    if len(values) < 2:
        return None
    numbers = [float(v) for _, v in values]
    low, high = min(numbers), max(numbers)
    span = high - low or 1.0
    step = WIDTH / (len(values) - 1)
    points = " ".join(
        f"{round(i * step, 2)},{round(HEIGHT - (n - low) / span * HEIGHT, 2)}"
        for i, n in enumerate(numbers)
    )
    return {
        "points": points,
        "first": values[0][0],
        "last": values[-1][0],
        "count": len(values),
        "low": _figure(low),
        "high": _figure(high),
    }


def add_trends(measures: MeasuresContext, history: History) -> HistoryNote:
    """Give each measure of ``measures`` its trend line from ``history`` (in place);
    what the history covers."""
    series = {s.id: s for s in history.measure_series()}
    shown = [m for d in measures["domains"] for g in d["groups"] for m in g["measures"]]
    for measure in [*shown, *measures["unassigned"]]:
        found = series.get(measure["id"])
        if found is not None:
            values = [(p.when, p.current) for p in found.points if p.current is not None]
            measure["trend"] = trend_context([(w, v) for w, v in values if v is not None])
    loaded = history.loaded
    return {
        "versions": len(loaded),
        "oldest": loaded[0].when(history.dates) if loaded else "",
        "shallow": history.shallow,
        "truncated": history.truncated,
    }
