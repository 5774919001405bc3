"""The friction × frequency matrix: layout, hit testing, selection, keyboard and rendering."""

from __future__ import annotations

import math

import pytest
from PySide6.QtCore import QBuffer, QEvent, QIODevice, QPoint, QPointF, QRectF, Qt
from PySide6.QtGui import QHelpEvent, QImage
from PySide6.QtWidgets import QApplication, QSplitter, QToolTip, QWidget
from pytestqt.qtbot import QtBot

from tests.ui.driving import activate
from workshop_app.domain.document import workshop_from_document
from workshop_app.domain.matrix_layout import matrix_points
from workshop_app.domain.ranking import rank_candidates
from workshop_app.libraries import demo_document
from workshop_app.report.matrix import matrix_geometry
from workshop_app.ui.matrix import MatrixPoint, MatrixWidget, elide, tooltip_text

ROWS = [  # id, name, friction, frequency, hours a month, status, readiness, rank
    ("quotes", "Draft quotes from emailed quote requests", 5, 5, 423.0, "chosen", "ready", 2),
    (
        "credit",
        "Prepare credit reviews for new trade accounts",
        5,
        4,
        131.0,
        "parked",
        "blocked",
        1,
    ),
    ("stock", "Answer stock questions from branches", 3, 5, 210.0, "candidate", "needs work", 3),
    ("invoices", "Match supplier invoices", 3, 5, 64.0, "candidate", "ready", 4),
    ("bulletin", "Write monthly safety bulletin", 4, 2, 12.0, "candidate", "ready", 5),
    ("freight", "Reconcile freight charges", 2, 4, 38.0, "parked", "needs work", 6),
    ("prices", "Update price lists", 2, 2, 8.5, "candidate", "blocked", 7),
    ("complaints", "Summarise complaints", 1, 1, 3.0, "parked", "ready", 8),
]
POINTS = [MatrixPoint(*row) for row in ROWS]
RANK_ORDER = [p.candidate_id for p in sorted(POINTS, key=lambda p: p.rank)]
DEMO_POINTS = matrix_points(rank_candidates(workshop_from_document(demo_document()).candidates))


@pytest.fixture
def matrix(qtbot: QtBot) -> MatrixWidget:
    widget = MatrixWidget()
    qtbot.addWidget(widget)
    widget.resize(800, 600)
    widget.set_points(POINTS)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def centre(widget: MatrixWidget, candidate_id: str) -> QPoint:
    return widget.bubble_rect(candidate_id).center().toPoint()


def test_bubbles_sharing_a_cell_are_spread_apart(matrix: MatrixWidget) -> None:
    stock, invoices = matrix.bubble_rect("stock"), matrix.bubble_rect("invoices")
    distance = math.dist(stock.center().toTuple(), invoices.center().toTuple())
    assert distance > 0.9 * (stock.width() + invoices.width()) / 2
    overlap = stock.intersected(invoices)
    assert overlap.width() * overlap.height() < 0.1 * invoices.width() * invoices.height()
    assert matrix.point_at(stock.center()) == "stock"
    assert matrix.point_at(invoices.center()) == "invoices"


def test_bubbles_sit_on_their_scores_and_inside_the_widget(matrix: MatrixWidget) -> None:
    quotes, complaints = matrix.bubble_rect("quotes"), matrix.bubble_rect("complaints")
    assert quotes.center().x() > complaints.center().x()  # more frequent: further right
    assert quotes.center().y() < complaints.center().y()  # more friction: higher up
    area = QRectF(matrix.rect())
    assert all(area.contains(matrix.bubble_rect(p.candidate_id)) for p in POINTS)
    assert matrix.bubble_rect("nobody").isEmpty()


def test_bubble_area_follows_hours(matrix: MatrixWidget) -> None:
    quotes, credit = matrix.bubble_rect("quotes"), matrix.bubble_rect("credit")
    stock = matrix.bubble_rect("stock")
    assert quotes.width() > stock.width() > credit.width()
    assert (credit.width() / quotes.width()) ** 2 == pytest.approx(131 / 423, rel=0.02)


def test_point_at_hits_bubbles_and_misses_empty_space(matrix: MatrixWidget) -> None:
    rect = matrix.bubble_rect("credit")
    assert matrix.point_at(rect.center()) == "credit"
    assert matrix.point_at(rect.center() + QPointF(rect.width() * 0.4, 0)) == "credit"
    assert matrix.point_at(rect.topLeft()) is None  # the square's corner is outside the circle
    assert matrix.point_at(QPointF(2, 2)) is None


def test_clicking_a_bubble_selects_it(qtbot: QtBot, matrix: MatrixWidget) -> None:
    with qtbot.waitSignal(matrix.selectionChanged) as blocker:
        qtbot.mouseClick(matrix, Qt.MouseButton.LeftButton, pos=centre(matrix, "bulletin"))
    assert blocker.args == ["bulletin"]
    assert matrix.selected() == "bulletin"


def test_clicking_empty_space_clears_the_selection(qtbot: QtBot, matrix: MatrixWidget) -> None:
    qtbot.mouseClick(matrix, Qt.MouseButton.LeftButton, pos=centre(matrix, "quotes"))
    with qtbot.waitSignal(matrix.selectionChanged) as blocker:
        qtbot.mouseClick(matrix, Qt.MouseButton.LeftButton, pos=QPoint(3, 3))
    assert blocker.args == [None]
    assert matrix.selected() is None


def test_select_from_code_does_not_emit(qtbot: QtBot, matrix: MatrixWidget) -> None:
    with qtbot.assertNotEmitted(matrix.selectionChanged):
        matrix.select("freight")
        assert matrix.selected() == "freight"
        matrix.select("no such id")
        assert matrix.selected() is None
        matrix.select(None)


def test_double_click_activates(qtbot: QtBot, matrix: MatrixWidget) -> None:
    with qtbot.waitSignal(matrix.activated) as blocker:
        qtbot.mouseDClick(matrix, Qt.MouseButton.LeftButton, pos=centre(matrix, "stock"))
    assert blocker.args == ["stock"]
    assert matrix.selected() == "stock"


def test_arrow_keys_walk_in_rank_order(qtbot: QtBot, matrix: MatrixWidget) -> None:
    matrix.setFocus()
    seen = []
    for _ in RANK_ORDER:
        with qtbot.waitSignal(matrix.selectionChanged) as blocker:
            qtbot.keyClick(matrix, Qt.Key.Key_Right)
        seen.append(blocker.args[0])
    assert seen == RANK_ORDER
    qtbot.keyClick(matrix, Qt.Key.Key_Down)  # wraps round to the best rank
    assert matrix.selected() == RANK_ORDER[0]
    qtbot.keyClick(matrix, Qt.Key.Key_Up)
    assert matrix.selected() == RANK_ORDER[-1]
    qtbot.keyClick(matrix, Qt.Key.Key_Left)
    assert matrix.selected() == RANK_ORDER[-2]


def test_enter_activates_and_escape_clears(qtbot: QtBot, matrix: MatrixWidget) -> None:
    matrix.select("freight")
    for key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
        with qtbot.waitSignal(matrix.activated) as blocker:
            qtbot.keyClick(matrix, key)
        assert blocker.args == ["freight"]
    with qtbot.waitSignal(matrix.selectionChanged) as blocker:
        qtbot.keyClick(matrix, Qt.Key.Key_Escape)
    assert blocker.args == [None]
    with qtbot.assertNotEmitted(matrix.activated):
        qtbot.keyClick(matrix, Qt.Key.Key_Return)


def test_set_points_keeps_or_drops_the_selection(qtbot: QtBot, matrix: MatrixWidget) -> None:
    matrix.select("stock")
    with qtbot.assertNotEmitted(matrix.selectionChanged):
        matrix.set_points(list(reversed(POINTS)))
        assert matrix.selected() == "stock"
        matrix.set_points([p for p in POINTS if p.candidate_id != "stock"])
        assert matrix.selected() is None


def test_labels_are_elided_and_tooltips_tell_everything() -> None:
    assert elide("Summarise complaints") == "Summarise complaints"
    cut = elide(POINTS[1].label)
    assert len(cut) <= 28
    assert cut.endswith("…")
    text = tooltip_text(MatrixPoint("x", "Fish & <chips>", 3, 4, 12.345, "parked", "blocked", 9))
    assert "Fish &amp; &lt;chips&gt;" in text
    assert "12.3 hours per month" in text
    assert "friction 3" in text
    assert "frequency 4" in text
    assert "parked" in text
    assert "blocked" in text


def distinct_colours(widget: MatrixWidget) -> int:
    image = widget.grab().toImage()
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    assert image.save(buffer, "PNG")
    assert buffer.size() > 1000
    image = QImage.fromData(buffer.data(), "PNG").convertToFormat(QImage.Format.Format_RGB32)
    return len(
        {image.pixel(x, y) for x in range(0, image.width(), 3) for y in range(0, image.height(), 3)}
    )


@pytest.mark.parametrize("size", [(1280, 800), (640, 480), (360, 280)])
def test_renders_at_projector_and_laptop_sizes(matrix: MatrixWidget, size: tuple[int, int]) -> None:
    matrix.resize(*size)
    matrix.select("quotes")
    matrix.setFocus()
    assert distinct_colours(matrix) > 20
    assert QRectF(matrix.rect()).contains(matrix.bubble_rect("quotes"))


def test_empty_matrix_renders_its_hint(qtbot: QtBot) -> None:
    widget = MatrixWidget()
    qtbot.addWidget(widget)
    widget.resize(640, 480)
    assert distinct_colours(widget) > 8
    assert widget.point_at(QPointF(320, 240)) is None
    assert widget.selected() is None
    qtbot.keyClick(widget, Qt.Key.Key_Right)  # nothing to walk through: no error, no selection
    assert widget.selected() is None


def test_squeezed_as_far_as_a_splitter_goes_every_bubble_can_still_be_clicked(
    qtbot: QtBot,
) -> None:
    splitter = QSplitter()
    splitter.setChildrenCollapsible(False)  # as on the Rank page
    matrix = MatrixWidget()
    matrix.set_points(POINTS)
    splitter.addWidget(matrix)
    splitter.addWidget(QWidget())
    qtbot.addWidget(splitter)
    splitter.resize(1200, 320)
    splitter.show()
    qtbot.waitExposed(splitter)
    splitter.setSizes([0, 1200])
    assert matrix.width() < 600  # it did give way to the table
    for point in POINTS:
        rect = matrix.bubble_rect(point.candidate_id)
        assert QRectF(matrix.rect()).contains(rect)
        assert rect.width() >= 9  # a target a mouse can hit
        assert matrix.point_at(rect.center()) == point.candidate_id


def test_a_click_gives_the_keyboard_to_the_matrix(qtbot: QtBot, matrix: MatrixWidget) -> None:
    activate(qtbot, matrix)
    matrix.clearFocus()
    qtbot.mouseClick(matrix, Qt.MouseButton.LeftButton, pos=centre(matrix, "stock"))
    assert matrix.hasFocus()


def unit_layout(widget: MatrixWidget) -> dict[str, tuple[float, float, float]]:
    """Each bubble's centre as fractions of the plot (y up) and radius in cells' shorter sides."""
    plot = widget.plot_rect()
    side = min(plot.width(), plot.height()) / 5
    out = {}
    for point in DEMO_POINTS:
        rect = widget.bubble_rect(point.candidate_id)
        if not rect.isEmpty():
            x, y = rect.center().toTuple()
            out[point.candidate_id] = (
                (x - plot.left()) / plot.width(),
                (plot.bottom() - y) / plot.height(),
                rect.width() / 2 / side,
            )
    return out


def test_the_app_and_the_charter_place_bubbles_alike(qtbot: QtBot) -> None:
    rows = rank_candidates(workshop_from_document(demo_document()).candidates)
    svg = matrix_geometry(rows)
    plot = svg["plot"]
    side = min(plot["width"], plot["height"]) / 5
    charter = {
        b["id"]: (
            (b["x"] - plot["x"]) / plot["width"],
            (plot["y"] + plot["height"] - b["y"]) / plot["height"],
            b["r"] / side,
        )
        for b in svg["bubbles"]
    }
    widget = MatrixWidget()
    qtbot.addWidget(widget)
    widget.set_points(matrix_points(rows))
    widget.resize(800, 480)  # scale 1; now widen the plot to the charter's proportions
    aspect = plot["width"] / plot["height"]
    drawn = widget.plot_rect()
    widget.resize(800 + round(aspect * drawn.height() - drawn.width()), 480)
    assert widget.plot_rect().width() / widget.plot_rect().height() == pytest.approx(aspect, 0.01)
    app = unit_layout(widget)
    assert app.keys() == charter.keys() == {p.candidate_id for p in DEMO_POINTS}
    for key, (x, y, r) in charter.items():
        assert app[key] == pytest.approx((x, y, r), abs=0.006), key
    # Two share a cell in the demo: both show them side by side, the better rank on the left.
    assert app["c6"][0] < app["c2"][0] and charter["c6"][0] < charter["c2"][0]


@pytest.mark.qt_log_ignore("This plugin does not support raise")
def test_hovering_a_bubble_shows_its_tooltip(qtbot: QtBot, matrix: MatrixWidget) -> None:
    pos = centre(matrix, "quotes")
    QApplication.sendEvent(matrix, QHelpEvent(QEvent.Type.ToolTip, pos, matrix.mapToGlobal(pos)))
    qtbot.waitUntil(QToolTip.isVisible)
    assert "Draft quotes from emailed quote requests" in QToolTip.text()
    assert "423.0 hours per month" in QToolTip.text()
    miss = QHelpEvent(QEvent.Type.ToolTip, QPoint(2, 2), matrix.mapToGlobal(QPoint(2, 2)))
    QApplication.sendEvent(matrix, miss)
    assert not miss.isAccepted()
    qtbot.waitUntil(lambda: not QToolTip.isVisible())
