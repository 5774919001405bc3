"""The friction × frequency matrix in SVG user units, for the charter's template to draw.

Where bubbles go and how big they are comes from :mod:`workshop_app.domain.matrix_layout`, the
layout the app draws too; this module only maps its unit coordinates onto the SVG's plot.
"""

from __future__ import annotations

from typing import Any

from workshop_app.domain.matrix_layout import SCORES, lay_out, matrix_points, score_position
from workshop_app.domain.ranking import Quadrant, Scored

#: 600 units span the 170 mm text column (about 0.8 pt a unit, so 11-unit text prints near
#: 9 pt). Every text's x stays below 595, an A4 page's width in points: the big-charter test
#: reads text positions in the SVG's own units.
WIDTH, HEIGHT = 600.0, 412.0
#: Margins of the plot (the 5 × 5 cells) in the SVG.
LEFT, TOP, RIGHT, BOTTOM = 64.0, 28.0, 16.0, 68.0
#: The tinted bands above and below the cells that hold the quadrants' names, as in the app,
#: so a name never covers the bubbles of a crowded corner cell.
BAND = 18.0
#: The rank number's size in a bubble of ordinary size; smaller bubbles get smaller numbers.
RANK_FONT = 11.0

#: The matrix shows at most this many candidates (the best-ranked, and the chosen one): past
#: a few dozen on a printed page, rank numbers are too small to read.
MATRIX_LIMIT = 40

#: quadrant → the template's name for its tint
_TONES = {
    Quadrant.START_HERE: "start",
    Quadrant.IRRITANT: "irritant",
    Quadrant.SIMPLE_AUTOMATION: "simple",
    Quadrant.LEAVE: "leave",
}


def matrix_geometry(rows: list[Scored]) -> dict[str, Any]:
    """Everything the matrix SVG draws: plot area, quadrants, ticks and one bubble per row
    (for the best-ranked :data:`MATRIX_LIMIT` rows and the chosen one)."""
    total = len(rows)
    points = [
        point
        for point in matrix_points(rows)
        if point.rank <= MATRIX_LIMIT or point.status == "chosen"
    ]
    left, top, width, height = LEFT, TOP, WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    layout = lay_out(points, width / height)

    def across(x: float) -> float:
        return left + x * width

    def up(y: float) -> float:
        return top + (1.0 - y) * height

    frame_top, frame_bottom = top - BAND, top + height + BAND
    quadrants = []
    for area in layout.quadrants:
        x0, x1, y0, y1 = across(area.left), across(area.right), up(area.top), up(area.bottom)
        if area.level == "top":
            y0 = frame_top
        else:
            y1 = frame_bottom
        on_right = area.side == "right"
        quadrants.append(
            {
                "name": area.name,
                "x": x0,
                "y": y0,
                "width": x1 - x0,
                "height": y1 - y0,
                "tone": _TONES[area.quadrant],
                "label_x": x1 - 6 if on_right else x0 + 6,
                "label_y": y0 + 13 if area.level == "top" else y1 - 5,
                "anchor": "end" if on_right else "start",
            }
        )
    bubbles: list[dict[str, Any]] = []
    for bubble in layout.bubbles:  # in paint order: small bubbles last, on top
        x, y, r = layout.on_plot(bubble, left, top, width, height)
        font = round(min(RANK_FONT, 1.2 * r), 1)
        bubbles.append(
            {
                "id": bubble.point.candidate_id,
                "x": round(x, 1),
                "y": round(y, 1),
                "r": round(r, 1),
                "rank": bubble.point.rank,
                "font": font,
                "text_y": round(y + 0.36 * font, 1),  # the number's baseline, centred
                "status": bubble.point.status,
                "readiness": bubble.point.readiness,
            }
        )
    scores = range(1, SCORES + 1)
    edges = [i / SCORES for i in range(SCORES + 1)]
    return {
        "shown": len(points),
        "total": total,
        "width": WIDTH,
        "height": HEIGHT,
        "plot": {"x": left, "y": top, "width": width, "height": height},
        "frame": {"x": left, "y": frame_top, "width": width, "height": frame_bottom - frame_top},
        "grid_x": [across(edge) for edge in edges],  # the cells' borders
        "grid_y": [up(edge) for edge in edges],
        "quadrants": quadrants,
        "split_x": across(layout.split),
        "split_y": up(layout.split),
        "ticks_x": [
            {"value": s, "x": across(score_position(s)), "y": frame_bottom + 14} for s in scores
        ],
        "ticks_y": [{"value": s, "x": left - 10, "y": up(score_position(s)) + 4} for s in scores],
        "bubbles": bubbles,
        "x_title": layout.x_title,
        "y_title": layout.y_title,
    }
