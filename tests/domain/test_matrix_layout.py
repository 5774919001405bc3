"""The matrix layout the app and the charter both draw: cells, spacing, sizes, names, quadrants."""

from __future__ import annotations

import itertools
import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from workshop_app.domain.matrix_layout import (
    LABEL_CHARS,
    NAMED,
    MatrixLayout,
    MatrixPoint,
    PlacedBubble,
    elide,
    lay_out,
    matrix_points,
    score_position,
)
from workshop_app.domain.model import Candidate, Frequency, Period
from workshop_app.domain.ranking import Quadrant, rank_candidates

FAST = settings(deadline=None, database=None)
#: The charter's plot (560 × 340) and a narrow app window beside a wide table.
ASPECTS = [560 / 340, 1.0, 0.6]


def point(
    ident: str,
    friction: int = 3,
    frequency: int = 3,
    hours: float = 10.0,
    rank: int = 1,
    status: str = "candidate",
    label: str = "",
) -> MatrixPoint:
    return MatrixPoint(ident, label or ident, friction, frequency, hours, status, "ready", rank)


def on_plot(layout: MatrixLayout, bubble: PlacedBubble) -> tuple[float, float, float]:
    """The bubble on a plot 500 units tall, as wide as the layout's aspect says."""
    return layout.on_plot(bubble, 0.0, 0.0, 500 * layout.aspect, 500.0)


def cell_box(layout: MatrixLayout, bubble: PlacedBubble) -> tuple[float, float, float, float]:
    """The bubble's cell on the same plot: left, top, right, bottom."""
    width, height = 500 * layout.aspect, 500.0
    left, top = (bubble.frequency - 1) * width / 5, (5 - bubble.friction) * height / 5
    return left, top, left + width / 5, top + height / 5


def by_id(layout: MatrixLayout) -> dict[str, PlacedBubble]:
    return {b.point.candidate_id: b for b in layout.bubbles}


@st.composite
def crowds(draw: st.DrawFn) -> list[MatrixPoint]:
    """Up to 60 candidates over a few cells (so many share one), some scores out of range."""
    size = draw(st.integers(1, 60))
    cells = st.tuples(st.integers(0, 6), st.integers(2, 4))
    hours = st.floats(0, 5000, allow_nan=False)
    return [point(f"c{i}", *draw(cells), hours=draw(hours), rank=i + 1) for i in range(size)]


@FAST
@given(crowds(), st.sampled_from(ASPECTS))
def test_bubbles_never_overlap_and_stay_inside_their_cell(
    points: list[MatrixPoint], aspect: float
) -> None:
    layout = lay_out(points, aspect)
    assert len(layout.bubbles) == len(points)
    placed = [(b, on_plot(layout, b)) for b in layout.bubbles]
    for bubble, (x, y, r) in placed:
        left, top, right, bottom = cell_box(layout, bubble)
        assert left <= x - r and x + r <= right
        assert top <= y - r and y + r <= bottom
    for (_, (x1, y1, r1)), (_, (x2, y2, r2)) in itertools.combinations(placed, 2):
        assert math.dist((x1, y1), (x2, y2)) >= r1 + r2


def test_a_bubble_sits_in_the_middle_of_its_cell_and_scores_outside_1_to_5_are_clamped() -> None:
    layout = lay_out([point("a", friction=5, frequency=1), point("b", friction=9, frequency=-2)])
    a, b = by_id(layout)["a"], by_id(layout)["b"]
    assert (b.frequency, b.friction) == (a.frequency, a.friction) == (1, 5)
    layout = lay_out([point("a", friction=5, frequency=1), point("b", friction=0, frequency=7)])
    a, b = by_id(layout)["a"], by_id(layout)["b"]
    assert (a.x, a.y) == pytest.approx((0.1, 0.9))  # top left: rare but painful
    assert (b.x, b.y) == pytest.approx((0.9, 0.1))  # bottom right: frequent but easy


def test_bubbles_sharing_a_cell_read_in_rank_order_and_spread_along_the_longer_side() -> None:
    points = [point(f"c{rank}", rank=rank) for rank in (3, 1, 2)]
    wide = by_id(lay_out(points, aspect=1.8))
    assert wide["c1"].x < wide["c2"].x < wide["c3"].x  # one row, best on the left
    assert wide["c1"].y == wide["c2"].y == wide["c3"].y
    tall = by_id(lay_out(points, aspect=0.5))
    assert tall["c1"].y > tall["c2"].y > tall["c3"].y  # one column, best on top
    four = by_id(lay_out([point(f"c{rank}", rank=rank) for rank in range(1, 5)], aspect=1.0))
    assert four["c1"].y == four["c2"].y > four["c3"].y == four["c4"].y  # two rows of two
    assert four["c1"].x == four["c3"].x < four["c2"].x == four["c4"].x


def test_radius_grows_with_hours_and_area_follows_them() -> None:
    points = [
        point("most", friction=5, frequency=5, hours=400),
        point("quarter", friction=4, frequency=5, hours=100),
        point("little", friction=1, frequency=1, hours=1),
        point("none", friction=1, frequency=2, hours=0),
    ]
    sizes = {key: b.radius for key, b in by_id(lay_out(points)).items()}
    assert sizes["most"] == pytest.approx(0.40)
    assert (sizes["quarter"] / sizes["most"]) ** 2 == pytest.approx(100 / 400)
    assert sizes["little"] == sizes["none"] == pytest.approx(0.14)  # still big enough to read
    shared = [point("big", hours=300, rank=1), point("small", hours=100, rank=2)]
    inside = {key: b.radius for key, b in by_id(lay_out(shared + points, 1.6)).items()}
    assert inside["small"] < inside["big"]
    assert (inside["small"] / inside["big"]) ** 2 == pytest.approx(100 / 300)


def test_a_crowded_cell_shrinks_its_bubbles_together() -> None:
    crowd = [point(f"c{i}", hours=400, rank=i + 1) for i in range(12)]
    alone = point("alone", friction=1, frequency=1, hours=400, rank=13)
    sizes = {b.point.candidate_id: b.radius for b in lay_out([*crowd, alone], 1.6).bubbles}
    assert sizes["alone"] == pytest.approx(0.40)
    assert len({round(sizes[p.candidate_id], 9) for p in crowd}) == 1
    assert sizes["c0"] < 0.5 * sizes["alone"]


def test_the_best_ranks_and_the_chosen_one_are_named() -> None:
    points = [point(f"c{rank}", rank=rank) for rank in range(1, 101)]
    points[79] = point("c80", rank=80, status="chosen")
    named = {b.point.rank for b in lay_out(points).bubbles if b.named}
    assert named == {*range(1, NAMED + 1), 80}


def test_names_are_elided_at_the_limit() -> None:
    exact = "x" * LABEL_CHARS
    assert elide(exact) == exact
    cut = elide(exact + "y")
    assert len(cut) == LABEL_CHARS
    assert cut.endswith("…")
    assert elide("Match  supplier\ninvoices") == "Match supplier invoices"
    assert elide("Reconcile the freight charges", 11) == "Reconcile…"  # no space before "…"
    long = point("p", label="Prepare credit reviews for new trade accounts")
    assert lay_out([long]).bubbles[0].label == elide(long.label)


def test_paint_order_puts_small_bubbles_and_better_ranks_on_top() -> None:
    points = [
        point("small", friction=1, hours=5, rank=3),
        point("big", friction=2, hours=500, rank=4),
        point("tie_worse", friction=4, hours=200, rank=2),
        point("tie_better", friction=5, hours=200, rank=1),
    ]
    order = [b.point.candidate_id for b in lay_out(points).bubbles]
    assert order == ["big", "tie_worse", "tie_better", "small"]


def test_quadrants_meet_at_the_split_with_start_here_upper_right() -> None:
    layout = lay_out([])
    assert layout.bubbles == ()
    assert layout.split == pytest.approx(score_position(2.5)) == pytest.approx(0.4)
    areas = {q.quadrant: q for q in layout.quadrants}
    start = areas[Quadrant.START_HERE]
    assert (start.left, start.bottom, start.right, start.top) == pytest.approx((0.4, 0.4, 1, 1))
    assert (start.name, start.side, start.level) == ("Start here", "right", "top")
    leave = areas[Quadrant.LEAVE]
    assert (leave.left, leave.bottom, leave.right, leave.top) == pytest.approx((0, 0, 0.4, 0.4))
    assert (leave.name, leave.side, leave.level) == ("Leave", "left", "bottom")
    assert layout.x_title == "Frequency (how often it happens)"
    assert layout.y_title == "Friction (effort and pain)"


def test_on_plot_maps_unit_coordinates_with_y_growing_down() -> None:
    layout = lay_out([point("a", friction=5, frequency=5, hours=1)], aspect=2.0)
    x, y, r = layout.on_plot(layout.bubbles[0], 10.0, 20.0, 400.0, 200.0)
    assert (x, y) == pytest.approx((10 + 0.9 * 400, 20 + 0.1 * 200))
    assert r == pytest.approx(0.40 * 200 / 5)  # of the cell's shorter side


def test_points_come_from_the_ranking() -> None:
    rows = rank_candidates(
        [
            Candidate(id="a", name="Alpha", frequency=Frequency(3, Period.DAY), pain=4),
            Candidate(id="b", name="Beta", frequency=Frequency(1, Period.MONTH), pain=1),
        ]
    )
    points = matrix_points(rows)
    assert [(p.candidate_id, p.rank) for p in points] == [(r.candidate.id, r.rank) for r in rows]
    first = points[0]
    assert (first.friction, first.frequency) == (rows[0].friction_score, rows[0].frequency_score)
    assert first.hours_per_month == rows[0].hours_per_month
    assert (first.status, first.readiness) == ("candidate", str(rows[0].readiness))


def test_a_thousand_candidates_are_all_placed_and_only_the_best_named() -> None:
    points = [point(f"c{i}", 1 + i % 5, 1 + i // 200, hours=i, rank=i + 1) for i in range(1000)]
    layout = lay_out(points, 1.6)
    assert len(layout.bubbles) == 1000
    assert sum(b.named for b in layout.bubbles) == NAMED
