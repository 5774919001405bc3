"""The friction × frequency matrix of stage 4 (Rank): one bubble per candidate in four quadrants.

Plain data in (:class:`MatrixPoint`), selection and activation out. Where each bubble goes, how
big it is and which are named comes from :mod:`workshop_app.domain.matrix_layout`, as in the
charter; this widget maps it to pixels and paints, scaled from its size for a projector.
"""

from __future__ import annotations

import html
import math
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QHelpEvent,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPen,
)
from PySide6.QtWidgets import QToolTip, QWidget

from workshop_app.domain.matrix_layout import (
    SCORES,
    MatrixLayout,
    MatrixPoint,
    PlacedBubble,
    elide,
    lay_out,
    score_position,
)
from workshop_app.domain.ranking import Quadrant, Readiness
from workshop_app.palette import PALETTE, rgb

__all__ = ["EMPTY_HINT", "MatrixPoint", "MatrixWidget", "elide", "tooltip_text"]

EMPTY_HINT = "Add candidates to see them on the matrix"

_Align = Qt.AlignmentFlag
_P = PALETTE
_BACKGROUND, _INK, _AXIS_INK = QColor(_P.background), QColor(_P.text), QColor(_P.text_secondary)
_QUADRANT_INK, _SPLIT = QColor(_P.text_muted), QColor(_P.border_strong)
_FOCUS, _BLOCKED, _WHITE = QColor(_P.matrix_focus), QColor(_P.danger), QColor(_P.text_on_accent)
#: See-through: grid lines over the tints, and the plate (with its edge) under a name.
_GRID = QColor(*rgb(_P.surface), 200)
_LABEL_PLATE, _LABEL_EDGE = QColor(*rgb(_P.surface), 228), QColor(*rgb(_P.text), 45)
_RIGHT, _LEFT = _Align.AlignRight, _Align.AlignLeft
_TOP, _BOTTOM = _Align.AlignTop, _Align.AlignBottom
#: quadrant → (tint, frequency side, friction side); the sides also put the name in its corner.
_QUADRANTS = {
    Quadrant.START_HERE: (QColor(_P.quadrant_start_here), _RIGHT, _TOP),
    Quadrant.IRRITANT: (QColor(_P.quadrant_irritant), _LEFT, _TOP),
    Quadrant.SIMPLE_AUTOMATION: (QColor(_P.quadrant_simple_automation), _RIGHT, _BOTTOM),
    Quadrant.LEAVE: (QColor(_P.quadrant_leave), _LEFT, _BOTTOM),
}
_SOLID, _DASHED = Qt.PenStyle.SolidLine, Qt.PenStyle.DashLine
#: status → (fill, outline, rank colour, outline style, outline width at 640 × 480)
_STYLES = {
    "chosen": (QColor(_P.bubble_chosen), QColor(_P.bubble_chosen_edge), _WHITE, _SOLID, 3.5),
    "candidate": (
        QColor(_P.bubble_candidate),
        QColor(_P.bubble_candidate_edge),
        _WHITE,
        _SOLID,
        1.5,
    ),
    "parked": (QColor(_P.bubble_parked), QColor(_P.bubble_parked_edge), _AXIS_INK, _DASHED, 1.8),
}


#: Below this radius (pixels at 640 × 480) a bubble is a dot: no rank and no blocked mark
#: (the tooltip still tells all), which also keeps a thousand bubbles quick to paint.
_DOT = 6.0
_CORNERS = {"left": _LEFT, "right": _RIGHT, "top": _TOP, "bottom": _BOTTOM}


@dataclass(frozen=True)
class _Bubble:
    point: MatrixPoint
    centre: QPointF
    radius: float
    named: bool
    label: str

    @property
    def rect(self) -> QRectF:
        r = self.radius
        return QRectF(self.centre.x() - r, self.centre.y() - r, 2 * r, 2 * r)


#: A rectangle as plain numbers (left, top, right, bottom): label placement compares hundreds
#: of them, and arithmetic on floats is many times quicker than on QRectF.
_Box = tuple[float, float, float, float]


def _box(centre: QPointF, radius: float) -> _Box:
    x, y = centre.x(), centre.y()
    return (x - radius, y - radius, x + radius, y + radius)


def _overlap(a: _Box, b: _Box) -> float:
    return max(0.0, min(a[2], b[2]) - max(a[0], b[0])) * max(0.0, min(a[3], b[3]) - max(a[1], b[1]))


def _clamp(x: float, y: float, w: float, h: float, bounds: QRectF) -> _Box:
    """The ``w`` × ``h`` box at (``x``, ``y``), moved as little as needed to fit ``bounds``."""
    x = min(max(x, bounds.left()), bounds.right() - w)
    y = min(max(y, bounds.top()), bounds.bottom() - h)
    return (x, y, x + w, y + h)


class MatrixWidget(QWidget):
    """The friction × frequency bubble chart; bubble area follows hours at stake per month.

    Signals:
        selectionChanged: the user selected a bubble (its candidate id) or cleared it (None).
            Not emitted by :meth:`select` or :meth:`set_points`, so a synced table cannot loop.
        activated: a bubble was double-clicked, or Enter was pressed on the selected one.
    """

    selectionChanged = Signal(object)
    activated = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._points: list[MatrixPoint] = []
        self._selected: str | None = None
        self._layout_key: tuple[int, int] | None = None
        self._layout: MatrixLayout = lay_out([])
        self._rank_fonts: dict[int, QFont] = {}
        self._bubbles: list[_Bubble] = []  # in paint order: largest first
        self._labels: dict[str, tuple[QRectF, str]] = {}
        self._frame = self._plot = QRectF()  # tinted area; the 5 × 5 cells inside it
        self._scale = 1.0
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMouseTracking(True)
        self.setAccessibleName("Friction and frequency matrix")

    # ------------------------------------------------------------------ public API
    def set_points(self, points: list[MatrixPoint]) -> None:
        """Show ``points``; the selection stays if its id is still there, else it is dropped."""
        self._points = list(points)
        if self._selected not in {p.candidate_id for p in self._points}:
            self._selected = None
        self._layout_key = None
        self.update()

    def select(self, candidate_id: str | None) -> None:
        """Select a bubble from code (an unknown id clears); never emits ``selectionChanged``."""
        known = any(p.candidate_id == candidate_id for p in self._points)
        self._selected = candidate_id if known else None
        self.update()

    def selected(self) -> str | None:
        return self._selected

    def point_at(self, pos: QPointF) -> str | None:
        """The id of the top-most bubble under ``pos`` (widget coordinates), or None."""
        self._ensure_layout()
        for bubble in reversed(self._bubbles):
            distance = math.hypot(pos.x() - bubble.centre.x(), pos.y() - bubble.centre.y())
            if distance <= bubble.radius + 1.0:
                return bubble.point.candidate_id
        return None

    def bubble_rect(self, candidate_id: str) -> QRectF:
        """The square a bubble is drawn in; an empty rect for an unknown id."""
        bubble = self._bubble(candidate_id)
        return QRectF() if bubble is None else bubble.rect

    def plot_rect(self) -> QRectF:
        """The 5 × 5 score cells in widget coordinates (the layout's unit square)."""
        self._ensure_layout()
        return QRectF(self._plot)

    def sizeHint(self) -> QSize:
        return QSize(640, 480)

    def minimumSizeHint(self) -> QSize:
        return QSize(360, 280)

    # ------------------------------------------------------------------ layout
    def _bubble(self, candidate_id: str | None) -> _Bubble | None:
        self._ensure_layout()
        return next((b for b in self._bubbles if b.point.candidate_id == candidate_id), None)

    def _font(self, pixels: float, weight: QFont.Weight = QFont.Weight.Normal) -> QFont:
        """The widget's font at ``pixels`` (as at 640 × 480), scaled with the widget."""
        font = QFont(self.font())
        font.setPixelSize(max(9, round(pixels * self._scale)))
        font.setWeight(weight)
        return font

    def _cell(self) -> tuple[float, float]:
        return self._plot.width() / SCORES, self._plot.height() / SCORES

    def _at(self, x: float, y: float) -> QPointF:
        """A point given in the layout's unit coordinates (y grows upwards) on the plot."""
        return QPointF(
            self._plot.left() + x * self._plot.width(),
            self._plot.bottom() - y * self._plot.height(),
        )

    def _ensure_layout(self) -> None:
        key = (self.width(), self.height())
        if self._layout_key == key:
            return
        self._layout_key = key
        self._rank_fonts.clear()
        self._scale = s = max(0.6, min(key[0] / 640, key[1] / 480))
        tick = QFontMetricsF(self._font(12))
        title = QFontMetricsF(self._font(13, QFont.Weight.DemiBold))
        band = QFontMetricsF(self._font(15, QFont.Weight.Bold)).height() + 8 * s
        left = 10 * s + title.height() + 8 * s + tick.horizontalAdvance("5") + 8 * s
        bottom = 6 * s + tick.height() + 4 * s + title.height() + 10 * s
        top, right = 10 * s, 14 * s
        self._frame = QRectF(left, top, key[0] - left - right, key[1] - top - bottom)
        self._plot = self._frame.adjusted(0, band, 0, -band)  # bands hold the quadrant names
        plot = self._plot
        aspect = plot.width() / plot.height() if plot.height() > 0 else 1.0
        self._layout = lay_out(self._points, aspect)
        self._bubbles = [self._bubble_on_plot(placed) for placed in self._layout.bubbles]
        self._labels = self._place_labels()

    def _bubble_on_plot(self, placed: PlacedBubble) -> _Bubble:
        plot = self._plot
        x, y, r = self._layout.on_plot(placed, plot.left(), plot.top(), plot.width(), plot.height())
        return _Bubble(placed.point, QPointF(x, y), r, placed.named, placed.label)

    def _place_labels(self) -> dict[str, tuple[QRectF, str]]:
        """Each label goes beside its bubble wherever it covers the fewest labels and bubbles."""
        s = self._scale
        metrics = QFontMetricsF(self._font(12, QFont.Weight.Medium))
        pad_x, pad_y, gap = 5 * s, 2 * s, 4 * s
        placed: dict[str, tuple[_Box, str]] = {}
        # The layout names only the best-ranked and the chosen: past a few dozen names a matrix
        # is unreadable, and placing each name against every other is quadratic.
        named = [b for b in self._bubbles if b.named]
        shapes = [
            (b, _box(b.centre, b.radius))
            for b in self._bubbles
            if b.named or len(self._bubbles) <= 200
        ]
        for bubble in sorted(named, key=lambda b: b.point.rank):
            text = metrics.elidedText(
                bubble.label, Qt.TextElideMode.ElideRight, self._plot.width() * 0.45
            )
            w, h = metrics.horizontalAdvance(text) + 2 * pad_x, metrics.height() + 2 * pad_y
            x, y, r = bubble.centre.x(), bubble.centre.y(), bubble.radius
            options = [
                (x + r + gap, y - h / 2),  # right
                (x - r - gap - w, y - h / 2),  # left
                (x - w / 2, y + r + gap),  # below
                (x - w / 2, y - r - gap - h),  # above
                (x + 0.5 * r, y + 0.7 * r + gap),  # below right
                (x - 0.5 * r - w, y - 0.7 * r - gap - h),  # above left
            ]
            own = _box(bubble.centre, r)

            def cost(box: _Box, own: _Box = own, bubble: _Bubble = bubble) -> float:
                labels = sum(_overlap(box, other) for other, _ in placed.values())
                covered = sum(_overlap(box, shape) for b, shape in shapes if b is not bubble)
                return 4 * labels + 3 * covered + 3 * _overlap(box, own)

            best = min((_clamp(left, top, w, h, self._plot) for left, top in options), key=cost)
            placed[bubble.point.candidate_id] = (best, text)
        return {
            key: (QRectF(QPointF(box[0], box[1]), QPointF(box[2], box[3])), text)
            for key, (box, text) in placed.items()
        }

    # ------------------------------------------------------------------ painting
    def paintEvent(self, event: QPaintEvent) -> None:
        self._ensure_layout()
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)  # text is antialiased anyway
        painter.fillRect(self.rect(), _BACKGROUND)
        self._paint_quadrants(painter)
        self._paint_axes(painter)
        for bubble in self._bubbles:
            self._paint_bubble(painter, bubble)
        label_font = self._font(12, QFont.Weight.Medium)
        for rect, text in self._labels.values():
            self._paint_halo_text(painter, rect, text, label_font)
        self._paint_focus_ring(painter)
        if not self._points:
            font, s = self._font(17), self._scale
            metrics = QFontMetricsF(font)
            w, h = metrics.horizontalAdvance(EMPTY_HINT) + 28 * s, metrics.height() + 16 * s
            centre = self._plot.center()
            box = QRectF(centre.x() - w / 2, centre.y() - h / 2, w, h)
            self._paint_halo_text(painter, box, EMPTY_HINT, font)
        painter.end()

    def _paint_quadrants(self, painter: QPainter) -> None:
        s, frame, plot = self._scale, self._frame, self._plot
        layout, (cell_w, cell_h) = self._layout, self._cell()
        split = self._at(layout.split, layout.split)
        areas: list[tuple[QRectF, Qt.AlignmentFlag, str]] = []
        for quadrant in layout.quadrants:
            area = QRectF(
                self._at(quadrant.left, quadrant.top), self._at(quadrant.right, quadrant.bottom)
            )
            if quadrant.level == "top":  # reach into the band above or below for the name
                area.setTop(frame.top())
            else:
                area.setBottom(frame.bottom())
            corner = _CORNERS[quadrant.side] | _CORNERS[quadrant.level]
            areas.append((area, corner, quadrant.name))
            painter.fillRect(area, _QUADRANTS[quadrant.quadrant][0])
        painter.setPen(QPen(_GRID, max(1.0, 1.2 * s)))
        for i in range(SCORES + 1):  # a closed 5 × 5 grid; the bands above and below hold names
            x, y = plot.left() + i * cell_w, plot.top() + i * cell_h
            painter.drawLine(QPointF(x, plot.top()), QPointF(x, plot.bottom()))
            painter.drawLine(QPointF(frame.left(), y), QPointF(frame.right(), y))
        painter.setPen(QPen(_SPLIT, 2 * s))
        painter.drawLine(QPointF(split.x(), frame.top()), QPointF(split.x(), frame.bottom()))
        painter.drawLine(QPointF(frame.left(), split.y()), QPointF(frame.right(), split.y()))
        painter.setFont(self._font(15, QFont.Weight.Bold))
        painter.setPen(_QUADRANT_INK)
        for area, corner, name in areas:
            painter.drawText(area.adjusted(9 * s, 4 * s, -9 * s, -4 * s), corner, name)
        focused = self.hasFocus()
        painter.setPen(QPen(_FOCUS if focused else _SPLIT, (2.0 if focused else 1.2) * s))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(frame)

    def _paint_axes(self, painter: QPainter) -> None:
        s, plot, frame = self._scale, self._plot, self._frame
        cell_w, cell_h = self._cell()
        tick_font, title_font = self._font(12), self._font(13, QFont.Weight.DemiBold)
        tick_h, title_h = QFontMetricsF(tick_font).height(), QFontMetricsF(title_font).height()
        painter.setFont(tick_font)
        painter.setPen(_AXIS_INK)
        for score in range(1, SCORES + 1):
            centre = self._at(score_position(score), score_position(score))
            below = QRectF(centre.x() - cell_w / 2, frame.bottom() + 6 * s, cell_w, tick_h)
            painter.drawText(below, _Align.AlignCenter, str(score))
            beside = QRectF(0, centre.y() - cell_h / 2, frame.left() - 8 * s, cell_h)
            painter.drawText(beside, _Align.AlignRight | _Align.AlignVCenter, str(score))
        painter.setFont(title_font)
        title_top = frame.bottom() + 10 * s + tick_h
        x_title = QRectF(plot.left(), title_top, plot.width(), title_h)
        painter.drawText(x_title, _Align.AlignCenter, self._layout.x_title)
        painter.save()
        painter.translate(10 * s, plot.center().y())
        painter.rotate(-90)
        y_title = QRectF(-plot.height() / 2, 0, plot.height(), title_h)
        painter.drawText(y_title, _Align.AlignCenter, self._layout.y_title)
        painter.restore()

    def _paint_bubble(self, painter: QPainter, bubble: _Bubble) -> None:
        s, r, point = self._scale, bubble.radius, bubble.point
        fill, outline, ink, style, width = _STYLES.get(point.status, _STYLES["candidate"])
        dot = r < _DOT * s
        pen = QPen(outline, min(width * s, 0.35 * r) if dot else width * s)
        pen.setStyle(Qt.PenStyle.SolidLine if dot else style)  # a dash is lost on a dot
        painter.setPen(pen)
        painter.setBrush(fill)
        painter.drawEllipse(bubble.centre, r, r)
        if dot:
            return
        if point.readiness == Readiness.BLOCKED.value:
            self._paint_blocked(painter, bubble, QColor(ink))
        painter.setFont(self._rank_font(max(8, round(min(0.95 * r, 26 * s)))))
        painter.setPen(ink)
        painter.drawText(bubble.rect, _Align.AlignCenter, str(point.rank))

    def _rank_font(self, pixels: int) -> QFont:
        """The bold font of rank numbers at ``pixels``, made once per size and layout."""
        font = self._rank_fonts.get(pixels)
        if font is None:
            font = self._rank_fonts[pixels] = QFont(self.font())
            font.setPixelSize(pixels)
            font.setWeight(QFont.Weight.Bold)
        return font

    def _paint_blocked(self, painter: QPainter, bubble: _Bubble, ink: QColor) -> None:
        """Hatch the bubble's rim (the centre stays clear for the rank) and add a no-entry mark."""
        s, c, r = self._scale, bubble.centre, bubble.radius
        rim, inner = QPainterPath(), QPainterPath()
        rim.addEllipse(c, r, r)
        inner_r = max(0.62 * r, r - 4 * s)  # small bubbles keep a thin hatched rim
        inner.addEllipse(c, inner_r, inner_r)
        painter.save()
        painter.setClipPath(rim.subtracted(inner))
        ink.setAlpha(150)
        painter.setPen(QPen(ink, max(1.0, 1.4 * s)))
        step, offset = max(4.0, 5.5 * s), -2 * r
        while offset < 2 * r:
            x = c.x() + offset
            painter.drawLine(QPointF(x - r, c.y() + r), QPointF(x + r, c.y() - r))
            offset += step
        painter.restore()
        mark_r, mark = max(5.5 * s, 0.24 * r), QPointF(c.x() + r * 0.72, c.y() - r * 0.72)
        painter.setPen(QPen(_WHITE, 1.5 * s))
        painter.setBrush(_BLOCKED)
        painter.drawEllipse(mark, mark_r, mark_r)
        painter.setPen(QPen(_WHITE, max(1.5, 0.45 * mark_r)))
        bar = QPointF(0.55 * mark_r, 0)
        painter.drawLine(mark - bar, mark + bar)

    def _paint_halo_text(self, painter: QPainter, box: QRectF, text: str, font: QFont) -> None:
        """``text`` centred in ``box`` on a soft rounded backdrop that keeps it readable."""
        s = self._scale
        painter.setPen(QPen(QColor(30, 41, 59, 45), max(1.0, 0.8 * s)))
        painter.setBrush(QColor(255, 255, 255, 228))
        painter.drawRoundedRect(box, 4 * s, 4 * s)
        painter.setFont(font)
        painter.setPen(_INK)
        painter.drawText(box, _Align.AlignCenter, text)

    def _paint_focus_ring(self, painter: QPainter) -> None:
        bubble = self._bubble(self._selected)
        if bubble is None:
            return
        s = self._scale
        ring = bubble.radius + 5 * s
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.setPen(QPen(_WHITE, 7 * s))
        painter.drawEllipse(bubble.centre, ring, ring)
        painter.setPen(QPen(_FOCUS, 3.5 * s))
        painter.drawEllipse(bubble.centre, ring, ring)

    # ------------------------------------------------------------------ interaction
    def _choose(self, candidate_id: str | None) -> None:
        """Select as the user does: emits ``selectionChanged`` when the selection changes."""
        if candidate_id == self._selected:
            return
        self._selected = candidate_id
        self.update()
        self.selectionChanged.emit(candidate_id)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self._choose(self.point_at(event.position()))
        super().mousePressEvent(event)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        hit = self.point_at(event.position())
        if event.button() == Qt.MouseButton.LeftButton and hit is not None:
            self._choose(hit)
            self.activated.emit(hit)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        over = self.point_at(event.position()) is not None
        self.setCursor(Qt.CursorShape.PointingHandCursor if over else Qt.CursorShape.ArrowCursor)
        super().mouseMoveEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Arrows walk the bubbles in rank order (wrapping), Enter activates, Escape clears."""
        key = event.key()
        order = [p.candidate_id for p in sorted(self._points, key=lambda p: (p.rank, p.label))]
        forward, backward = {Qt.Key.Key_Right, Qt.Key.Key_Down}, {Qt.Key.Key_Left, Qt.Key.Key_Up}
        if key in forward | backward and order:
            step = 1 if key in forward else -1
            if self._selected in order:
                self._choose(order[(order.index(self._selected) + step) % len(order)])
            else:
                self._choose(order[0 if step == 1 else -1])
        elif key in {Qt.Key.Key_Return, Qt.Key.Key_Enter} and self._selected is not None:
            self.activated.emit(self._selected)
        elif key == Qt.Key.Key_Escape and self._selected is not None:
            self._choose(None)
        else:
            super().keyPressEvent(event)
            return
        event.accept()

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            bubble = self._bubble(self.point_at(QPointF(event.pos())))
            if bubble is None:
                QToolTip.hideText()
                event.ignore()
            else:
                area = bubble.rect.toAlignedRect()
                QToolTip.showText(event.globalPos(), tooltip_text(bubble.point), self, area)
            return True
        return super().event(event)


def tooltip_text(point: MatrixPoint) -> str:
    """Everything about one bubble, as rich text: full name, scores, hours, status, readiness."""
    return (
        f"<b>{html.escape(point.label)}</b><br>"
        f"Rank {point.rank} · friction {point.friction} · frequency {point.frequency}<br>"
        f"{point.hours_per_month:.1f} hours per month<br>"
        f"Status: {html.escape(point.status)} · readiness: {html.escape(point.readiness)}"
    )
