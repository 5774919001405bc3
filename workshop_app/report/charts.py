"""A metric's chart as plain coordinates: readings, the path from baseline to target, and the
target line. The progress report draws it as SVG and the Follow-through stage with Qt, from
the same numbers.

A chart of many readings (more than :data:`MOST_POINTS`) draws fewer of them: the days are cut
into :data:`STRETCHES` equal stretches and each keeps its lowest and its highest reading, so
the line keeps its shape, its peaks and its dips, and the first and the latest reading are
always drawn. Only the latest is labelled then; ``drawn`` and ``readings_total`` say how many
of how many were drawn.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from workshop_app.domain.progress import MetricProgress
from workshop_app.domain.schedule import TARGET_DAY


def number(value: float) -> str:
    """A value as a chart label: ``60``, ``23.5``."""
    return str(int(value)) if float(value).is_integer() else f"{value:.1f}"


#: A chart draws every reading up to this many ...
MOST_POINTS = 120
#: ... past it, the lowest and the highest of each of this many stretches of days.
STRETCHES = 60

CHART_W, CHART_H = 320.0, 150.0
PAD_L, PAD_R, PAD_T, PAD_B = 44.0, 12.0, 12.0, 26.0


def drawn_points(points: list[tuple[int, float]]) -> list[tuple[int, float]]:
    """The readings a chart draws, in day order: all of them when there are at most
    :data:`MOST_POINTS`; else the first, the latest, and the lowest and the highest of each
    of :data:`STRETCHES` equal stretches of days (at most ``2 * STRETCHES + 2``)."""
    if len(points) <= MOST_POINTS:
        return points
    first_day, last_day = points[0][0], points[-1][0]
    width = (last_day - first_day + 1) / STRETCHES
    kept = {0, len(points) - 1}
    lowest: dict[int, int] = {}
    highest: dict[int, int] = {}
    for index, (day, value) in enumerate(points):
        stretch = int((day - first_day) / width)
        if stretch not in lowest or value < points[lowest[stretch]][1]:
            lowest[stretch] = index
        if stretch not in highest or value > points[highest[stretch]][1]:
            highest[stretch] = index
    kept.update(lowest.values(), highest.values())
    return [points[index] for index in sorted(kept)]


def chart_geometry(progress: MetricProgress, start: dt.date | None) -> dict[str, Any] | None:
    """Plain coordinates for one metric's chart, or None when it cannot be drawn."""
    metric = progress.metric
    if metric.baseline is None or metric.target is None or start is None:
        return None
    every = [((dt.date.fromisoformat(c.date) - start).days, c.value) for c in progress.readings]
    every.sort(key=lambda point: point[0])  # stable: readings of one day keep their order
    points = drawn_points(every)
    labelled = len(points) == len(every)
    last_day = max([TARGET_DAY, *(day for day, _value in points)])
    values = [metric.baseline, metric.target, *(value for _day, value in points)]
    low, high = min(values), max(values)
    if high == low:
        low, high = low - 1, high + 1
    span = high - low
    low, high = low - span * 0.1, high + span * 0.1

    def x(day: float) -> float:
        return round(PAD_L + (CHART_W - PAD_L - PAD_R) * day / last_day, 1)

    def y(value: float) -> float:
        return round(PAD_T + (CHART_H - PAD_T - PAD_B) * (high - value) / (high - low), 1)

    path = [(x(0), y(metric.baseline)), (x(TARGET_DAY), y(metric.target))]
    if last_day > TARGET_DAY:
        path.append((x(last_day), y(metric.target)))
    return {
        "width": CHART_W,
        "height": CHART_H,
        "left": PAD_L,
        "right": CHART_W - PAD_R,
        "top": PAD_T,
        "bottom": CHART_H - PAD_B,
        "path": " ".join(f"{px},{py}" for px, py in path),
        "target_y": y(metric.target),
        "readings": [
            {
                "x": x(day),
                "y": y(value),
                "label": number(value) if labelled or place == len(points) - 1 else "",
            }
            for place, (day, value) in enumerate(points)
        ],
        "drawn": len(points),
        "readings_total": len(every),
        "line": " ".join(f"{x(day)},{y(value)}" for day, value in points),
        "ticks_x": [
            {"x": x(day), "label": f"day {day}"} for day in sorted({0, 7, 14, TARGET_DAY, last_day})
        ],
        "ticks_y": [
            {"y": y(value), "label": number(round(value, 2))}
            for value in sorted({metric.baseline, metric.target})
        ],
    }
