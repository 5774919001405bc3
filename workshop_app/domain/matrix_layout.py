"""The friction × frequency matrix laid out once, in unit coordinates, for the app and the charter.

Both draw from :func:`lay_out`, so the bubble the room sees on the projector is the one printed.
The constants, one set for both (the app's and the charter's used to differ):

- **Radius.** A bubble's area follows the hours at stake a month: the most hours get
  :data:`LARGEST` (0.40 of a cell's shorter side, the app's old value, the charter's 28 of 68),
  and no bubble is smaller than :data:`SMALLEST` (0.14, so a rank number still fits).
- **Sharing a cell.** Bubbles with the same two scores sit in rows and columns in rank order
  (best top left), spaced so that they never overlap and never leave their cell, with
  :data:`CELL_MARGIN` kept clear inside the cell's border and :data:`SLOT_FILL` of each slot
  used. Where that leaves too little room they shrink together, so sizes compare exactly within
  a cell; the exact hours are in the tooltip and the table. (The old ring, 0.30 of a cell in the
  app and at most 22 units in the charter, let crowded bubbles cover each other.)
- **Names.** The best :data:`NAMED` ranks (30, the app's number) and the chosen candidate are
  named, elided to :data:`LABEL_CHARS` characters (28, the app's; the charter's 30 was unused).
  The charter prints names in a key instead, and bubbles only for its best 40 ranks.
- **Axis titles.** The charter's words: friction is the mean of effort and pain, not a product.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence

from workshop_app.domain.model import CandidateStatus
from workshop_app.domain.ranking import QUADRANT_SPLIT, Quadrant, Scored
from workshop_app.domain.records import record

#: Scores run from 1 to this on both axes.
SCORES = 5
#: Radius of the bubble with the most hours, and the smallest radius any bubble gets, as
#: fractions of the shorter side of a cell.
LARGEST, SMALLEST = 0.40, 0.14
#: Space kept clear inside each cell's border, as a fraction of the cell's shorter side.
CELL_MARGIN = 0.04
#: How much of its slot a bubble may fill when bubbles share a cell; the rest keeps them apart.
SLOT_FILL = 0.9
#: How many candidates, best ranks first, have their name beside the bubble (the chosen one
#: always has): past a few dozen, names cover each other and the matrix says nothing.
NAMED = 30
#: Names longer than this are cut with an ellipsis on the matrix.
LABEL_CHARS = 28
X_TITLE = "Frequency (how often it happens)"
Y_TITLE = "Friction (effort and pain)"

_CHOSEN = CandidateStatus.CHOSEN.value


@record(frozen=True)
class MatrixPoint:
    """One candidate as the matrix shows it (scores are the ones used, after overrides)."""

    candidate_id: str
    label: str
    friction: int
    frequency: int
    hours_per_month: float
    status: str
    readiness: str
    rank: int


@record(frozen=True)
class PlacedBubble:
    """A candidate's bubble on the matrix.

    Attributes:
        point: the candidate as given to :func:`lay_out`.
        frequency, friction: the cell, 1–5 each (scores outside that range are clamped).
        x, y: the centre as fractions of the plot (the 5 × 5 cells), x from the left and
            y from the bottom: friction grows upwards.
        radius: in units of the shorter side of a cell, so the bubble stays round on any plot.
        named: whether its name is shown beside it (the best ranks and the chosen one).
        label: the name, elided to :data:`LABEL_CHARS` characters.
    """

    point: MatrixPoint
    frequency: int
    friction: int
    x: float
    y: float
    radius: float
    named: bool
    label: str


@record(frozen=True)
class QuadrantArea:
    """One quadrant of the matrix, in the same unit coordinates as the bubbles.

    Attributes:
        quadrant: which one.
        name: its name as the room reads it ("Start here").
        left, bottom, right, top: its edges, fractions of the plot (bottom < top).
        side, level: the corner its name goes in: "left" or "right", "top" or "bottom" (the
            outer corner, away from the split).
    """

    quadrant: Quadrant
    name: str
    left: float
    bottom: float
    right: float
    top: float
    side: str
    level: str


@record(frozen=True)
class MatrixLayout:
    """Everything on the matrix except ink and pixels.

    Attributes:
        bubbles: one per candidate, in paint order: largest first, and among equal sizes the
            best rank last, so it ends up on top.
        aspect: the plot's width over its height that the layout was made for.
        quadrants: the four quadrants, "start here" (upper right) first.
        split: where the quadrants meet on both axes, as a fraction of the plot.
        x_title, y_title: the axis titles.
    """

    bubbles: tuple[PlacedBubble, ...]
    aspect: float
    quadrants: tuple[QuadrantArea, ...]
    split: float
    x_title: str = X_TITLE
    y_title: str = Y_TITLE

    def on_plot(
        self, bubble: PlacedBubble, left: float, top: float, width: float, height: float
    ) -> tuple[float, float, float]:
        """The centre (x, y growing downwards as on a screen) and radius of ``bubble`` on a plot
        drawn in the given box, whose width over height should be :attr:`aspect`."""
        return (
            left + bubble.x * width,
            top + (1.0 - bubble.y) * height,
            bubble.radius * min(width, height) / SCORES,
        )


def score_position(score: float) -> float:
    """Where the middle of a score's cell lies, as a fraction of the axis (1 → 0.1, 5 → 0.9)."""
    return (score - 0.5) / SCORES


def elide(text: str, limit: int = LABEL_CHARS) -> str:
    """``text`` on one line, cut to ``limit`` characters with an ellipsis (tooltips keep all)."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def matrix_points(rows: Iterable[Scored]) -> list[MatrixPoint]:
    """The matrix's view of ranked candidates: the scores used, hours, status, readiness, rank."""
    return [
        MatrixPoint(
            row.candidate.id,
            row.candidate.name,
            row.friction_score,
            row.frequency_score,
            row.hours_per_month,
            str(row.candidate.status),
            str(row.readiness),
            row.rank,
        )
        for row in rows
    ]


def _quadrants() -> tuple[QuadrantArea, ...]:
    split = score_position(QUADRANT_SPLIT - 0.5)
    corners = (  # quadrant, high frequency (right), high friction (top)
        (Quadrant.START_HERE, True, True),
        (Quadrant.IRRITANT, False, True),
        (Quadrant.SIMPLE_AUTOMATION, True, False),
        (Quadrant.LEAVE, False, False),
    )
    return tuple(
        QuadrantArea(
            quadrant=quadrant,
            name=quadrant.value.capitalize(),
            left=split if right else 0.0,
            bottom=split if top else 0.0,
            right=1.0 if right else split,
            top=1.0 if top else split,
            side="right" if right else "left",
            level="top" if top else "bottom",
        )
        for quadrant, right, top in corners
    )


def _grid(count: int, width: float, height: float) -> tuple[int, int]:
    """Columns and rows for ``count`` bubbles in a ``width`` × ``height`` area that give each
    the largest round slot."""
    best, best_cols = -1.0, 1
    for cols in range(1, count + 1):
        if width / cols <= best:  # wider slots only get narrower from here
            break
        rows = math.ceil(count / cols)
        slot = min(width / cols, height / rows)
        if slot > best:
            best, best_cols = slot, cols
    return best_cols, math.ceil(count / best_cols)


def _clamp(score: int) -> int:
    return min(max(score, 1), SCORES)


def lay_out(points: Sequence[MatrixPoint], aspect: float = 1.0) -> MatrixLayout:
    """The matrix for ``points`` on a plot ``aspect`` times as wide as it is tall.

    Positions depend on the aspect only where bubbles share a cell: they spread along the
    cell's longer side. Linear in the number of points.
    """
    aspect = aspect if aspect > 0 else 1.0
    # A cell in units of its shorter side, and that unit as a fraction of the plot.
    cell_w, cell_h = max(1.0, aspect), max(1.0, 1.0 / aspect)
    unit_x, unit_y = min(1.0, 1.0 / aspect) / SCORES, min(1.0, aspect) / SCORES
    most = max((p.hours_per_month for p in points), default=0.0)
    cells: dict[tuple[int, int], list[MatrixPoint]] = {}
    for point in sorted(points, key=lambda p: (p.rank, p.candidate_id)):
        cells.setdefault((_clamp(point.frequency), _clamp(point.friction)), []).append(point)
    bubbles: list[PlacedBubble] = []
    for (frequency, friction), members in cells.items():
        sizes = [_radius(p.hours_per_month, most) for p in members]
        usable_w, usable_h = cell_w - 2 * CELL_MARGIN, cell_h - 2 * CELL_MARGIN
        cols, rows = _grid(len(members), usable_w, usable_h)
        slot_w, slot_h = usable_w / cols, usable_h / rows
        room = SLOT_FILL * min(slot_w, slot_h) / 2
        shrink = min(1.0, room / max(sizes))
        for index, (point, size) in enumerate(zip(members, sizes, strict=True)):
            row, col = divmod(index, cols)
            in_row = min(cols, len(members) - row * cols)
            dx = (col - (in_row - 1) / 2) * slot_w
            dy = ((rows - 1) / 2 - row) * slot_h
            bubbles.append(
                PlacedBubble(
                    point=point,
                    frequency=frequency,
                    friction=friction,
                    x=score_position(frequency) + dx * unit_x,
                    y=score_position(friction) + dy * unit_y,
                    radius=size * shrink,
                    named=point.rank <= NAMED or point.status == _CHOSEN,
                    label=elide(point.label),
                )
            )
    bubbles.sort(key=lambda b: (-b.radius, -b.point.rank))
    return MatrixLayout(
        bubbles=tuple(bubbles),
        aspect=aspect,
        quadrants=_quadrants(),
        split=score_position(QUADRANT_SPLIT - 0.5),
    )


def _radius(hours: float, most: float) -> float:
    """Area in proportion to hours (radius ∝ √hours), never below :data:`SMALLEST`."""
    if most <= 0:
        return SMALLEST
    return max(SMALLEST, LARGEST * math.sqrt(max(hours, 0.0) / most))
