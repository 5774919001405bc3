"""The friction × frequency matrix as plain geometry, for the charter's SVG.

It uses the very scores, hours and quadrant split the app shows, so the printed matrix and the
one on the projector agree. Positions are in SVG user units; the template only draws.
"""

from __future__ import annotations

import math
from collections import defaultdict
from typing import Any

from workshop_app.domain.ranking import QUADRANT_SPLIT, Scored
from workshop_app.domain.text import break_long_words

WIDTH, HEIGHT = 640.0, 420.0
LEFT, TOP, RIGHT, BOTTOM = 64.0, 28.0, 16.0, 52.0
MIN_RADIUS, MAX_RADIUS = 9.0, 28.0
LABEL_CHARS = 30


def _scale(score: float, low: float, high: float) -> float:
    """Position of a 1–5 score (centred in its band) between ``low`` and ``high``."""
    return low + (score - 0.5) / 5 * (high - low)


def _short(name: str) -> str:
    name = " ".join(name.split())
    return name if len(name) <= LABEL_CHARS else name[: LABEL_CHARS - 1].rstrip() + "…"


#: The matrix shows at most this many candidates (the best-ranked, and the chosen one): past
#: a few dozen, bubbles cover each other and the picture says nothing.
MATRIX_LIMIT = 40


def matrix_geometry(rows: list[Scored]) -> dict[str, Any]:
    """Everything the matrix SVG draws: plot area, quadrants, ticks and one bubble per row
    (for the best-ranked :data:`MATRIX_LIMIT` rows and the chosen one)."""
    total = len(rows)
    rows = [
        row for row in rows if row.rank <= MATRIX_LIMIT or str(row.candidate.status) == "chosen"
    ]
    plot = {"x": LEFT, "y": TOP, "width": WIDTH - LEFT - RIGHT, "height": HEIGHT - TOP - BOTTOM}
    x0, x1 = plot["x"], plot["x"] + plot["width"]
    y0, y1 = plot["y"] + plot["height"], plot["y"]  # friction grows upwards
    split_x = x0 + (QUADRANT_SPLIT - 1) / 5 * (x1 - x0)
    split_y = y0 + (QUADRANT_SPLIT - 1) / 5 * (y1 - y0)
    quadrants = [
        {
            "name": "Irritant",
            "x": x0,
            "y": y1,
            "width": split_x - x0,
            "height": split_y - y1,
            "tone": "irritant",
            "label_x": x0 + 6,
            "label_y": y1 + 14,
            "anchor": "start",
        },
        {
            "name": "Start here",
            "x": split_x,
            "y": y1,
            "width": x1 - split_x,
            "height": split_y - y1,
            "tone": "start",
            "label_x": split_x + 6,  # start-anchored: no text is placed by its right end
            "label_y": y1 + 14,
            "anchor": "start",
        },
        {
            "name": "Leave",
            "x": x0,
            "y": split_y,
            "width": split_x - x0,
            "height": y0 - split_y,
            "tone": "leave",
            "label_x": x0 + 6,
            "label_y": y0 - 6,
            "anchor": "start",
        },
        {
            "name": "Simple automation",
            "x": split_x,
            "y": split_y,
            "width": x1 - split_x,
            "height": y0 - split_y,
            "tone": "simple",
            "label_x": split_x + 6,
            "label_y": y0 - 6,
            "anchor": "start",
        },
    ]
    ticks_x = [{"value": s, "x": _scale(s, x0, x1), "y": y0 + 16} for s in range(1, 6)]
    ticks_y = [{"value": s, "x": x0 - 10, "y": _scale(s, y0, y1) + 4} for s in range(1, 6)]
    most = max((row.hours_per_month for row in rows), default=0.0)
    cells: dict[tuple[int, int], list[Scored]] = defaultdict(list)
    for row in rows:
        cells[(row.frequency_score, row.friction_score)].append(row)
    cell_w = (x1 - x0) / 5
    bubbles: list[dict[str, Any]] = []
    for (frequency, friction), members in cells.items():
        cx, cy = _scale(frequency, x0, x1), _scale(friction, y0, y1)
        spread = min(cell_w * 0.28, 22.0) if len(members) > 1 else 0.0
        for index, row in enumerate(sorted(members, key=lambda r: r.rank)):
            angle = 2 * math.pi * index / len(members) + math.pi  # first one on the left
            radius = MIN_RADIUS
            if most > 0:  # area in proportion to hours; the smallest stay big enough to read
                radius = max(MIN_RADIUS, MAX_RADIUS * math.sqrt(row.hours_per_month / most))
            bx = cx + spread * math.cos(angle)
            by = cy + spread * math.sin(angle)
            right_side = bx < (x0 + x1) / 2
            bubbles.append(
                {
                    "id": row.candidate.id,
                    "x": round(bx, 1),
                    "y": round(by, 1),
                    "r": round(radius, 1),
                    "rank": row.rank,
                    "label": break_long_words(_short(row.candidate.name)),
                    "label_x": round(bx + radius + 4 if right_side else bx - radius - 4, 1),
                    "label_y": round(by + 4, 1),
                    "anchor": "start" if right_side else "end",
                    "status": str(row.candidate.status),
                    "readiness": str(row.readiness),
                }
            )
    bubbles.sort(key=lambda bubble: -bubble["r"])  # small bubbles drawn last, on top
    return {
        "shown": len(rows),
        "total": total,
        "width": WIDTH,
        "height": HEIGHT,
        "plot": plot,
        "quadrants": quadrants,
        "split_x": split_x,
        "split_y": split_y,
        "ticks_x": ticks_x,
        "ticks_y": ticks_y,
        "bubbles": bubbles,
        "x_title": "Frequency (how often it happens)",
        "y_title": "Friction (effort and pain)",
    }
