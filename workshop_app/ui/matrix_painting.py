"""Painting the friction × frequency matrix from its geometry: the palette's colours and the
bubble styles, the quadrants, axes, bubbles, blocked marks, names on plates and the focus ring."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRect, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPainterPath, QPen

from workshop_app.domain.matrix_layout import SCORES, score_position
from workshop_app.domain.ranking import Quadrant, Readiness
from workshop_app.palette import PALETTE, rgb
from workshop_app.ui.matrix_geometry import NOTE_PX, MatrixGeometry, PixelBubble

__all__ = ["paint_matrix", "text_pixels"]

_Align = Qt.AlignmentFlag
_P = PALETTE
_BACKGROUND, _INK, _AXIS_INK = QColor(_P.background), QColor(_P.text), QColor(_P.text_secondary)
_QUADRANT_INK, _SPLIT = QColor(_P.text_muted), QColor(_P.border_strong)
_FOCUS, _BLOCKED, _WHITE = QColor(_P.matrix_focus), QColor(_P.danger), QColor(_P.text_on_accent)
#: See-through: grid lines over the tints, and the plate (with its edge) under a name.
_GRID = QColor(*rgb(_P.surface), 200)
_NAME_PLATE, _NAME_EDGE = QColor(*rgb(_P.surface), 228), QColor(*rgb(_P.text), 45)
_QUADRANT_TINTS = {
    Quadrant.START_HERE: QColor(_P.quadrant_start_here),
    Quadrant.IRRITANT: QColor(_P.quadrant_irritant),
    Quadrant.SIMPLE_AUTOMATION: QColor(_P.quadrant_simple_automation),
    Quadrant.LEAVE: QColor(_P.quadrant_leave),
}
#: A quadrant's side of the split → the corner of its area that holds its name.
_CORNERS = {
    "left": _Align.AlignLeft,
    "right": _Align.AlignRight,
    "top": _Align.AlignTop,
    "bottom": _Align.AlignBottom,
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
#: Text sizes in pixels at 640 × 480 (see :meth:`MatrixGeometry.font`).
_NAME_PX, _TICK_PX, _TITLE_PX, _QUADRANT_PX, _HINT_PX = 12, 12, 13, 15, 17
#: Below this radius (pixels at 640 × 480) a bubble is a dot: no rank and no blocked mark
#: (the tooltip still tells all), which also keeps a thousand bubbles quick to paint.
_DOT = 6.0


def paint_matrix(
    painter: QPainter,
    geometry: MatrixGeometry,
    selected: str | None,
    focused: bool,
    hint: str | None = None,
) -> None:
    """Paint the whole matrix; ring the ``selected`` bubble, and show ``hint`` mid-plot if any.

    ``focused`` draws the frame in the focus colour, for the keyboard user.
    """
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)  # text is antialiased anyway
    painter.fillRect(QRect(0, 0, geometry.width, geometry.height), _BACKGROUND)
    _paint_quadrants(painter, geometry, focused)
    _paint_axes(painter, geometry)
    for bubble in geometry.bubbles:
        _paint_bubble(painter, geometry, bubble)
    name_font = geometry.font(_NAME_PX, QFont.Weight.Medium)
    for box, text in geometry.names.values():
        _paint_on_plate(painter, geometry, box, text, name_font)
    ringed = geometry.bubble(selected)
    if ringed is not None:
        _paint_focus_ring(painter, geometry, ringed)
    if hint is not None:
        font, s = geometry.font(_HINT_PX), geometry.scale
        metrics = QFontMetricsF(font)
        w, h = metrics.horizontalAdvance(hint) + 28 * s, metrics.height() + 16 * s
        centre = geometry.plot.center()
        box = QRectF(centre.x() - w / 2, centre.y() - h / 2, w, h)
        _paint_on_plate(painter, geometry, box, hint, font)


def _paint_quadrants(painter: QPainter, geometry: MatrixGeometry, focused: bool) -> None:
    """The tinted quadrants with their names, the grid of score cells, the split and the frame."""
    s, frame, plot = geometry.scale, geometry.frame, geometry.plot
    layout, (cell_w, cell_h) = geometry.layout, geometry.cell()
    split = geometry.at(layout.split, layout.split)
    areas: list[tuple[QRectF, Qt.AlignmentFlag, str]] = []
    for quadrant in layout.quadrants:
        area = QRectF(
            geometry.at(quadrant.left, quadrant.top), geometry.at(quadrant.right, quadrant.bottom)
        )
        if quadrant.level == "top":  # reach into the band above or below for the name
            area.setTop(frame.top())
        else:
            area.setBottom(frame.bottom())
        corner = _CORNERS[quadrant.side] | _CORNERS[quadrant.level]
        areas.append((area, corner, quadrant.name))
        painter.fillRect(area, _QUADRANT_TINTS[quadrant.quadrant])
    painter.setPen(QPen(_GRID, max(1.0, 1.2 * s)))
    for i in range(SCORES + 1):  # a closed 5 × 5 grid; the bands above and below hold names
        x, y = plot.left() + i * cell_w, plot.top() + i * cell_h
        painter.drawLine(QPointF(x, plot.top()), QPointF(x, plot.bottom()))
        painter.drawLine(QPointF(frame.left(), y), QPointF(frame.right(), y))
    painter.setPen(QPen(_SPLIT, 2 * s))
    painter.drawLine(QPointF(split.x(), frame.top()), QPointF(split.x(), frame.bottom()))
    painter.drawLine(QPointF(frame.left(), split.y()), QPointF(frame.right(), split.y()))
    painter.setFont(geometry.font(_QUADRANT_PX, QFont.Weight.Bold))
    painter.setPen(_QUADRANT_INK)
    for area, corner, name in areas:
        painter.drawText(area.adjusted(9 * s, 4 * s, -9 * s, -4 * s), corner, name)
    painter.setPen(QPen(_FOCUS if focused else _SPLIT, (2.0 if focused else 1.2) * s))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawRect(frame)


def _paint_axes(painter: QPainter, geometry: MatrixGeometry) -> None:
    """The scores 1–5 along both axes and the two axis titles (the friction one turned up)."""
    s, plot, frame = geometry.scale, geometry.plot, geometry.frame
    cell_w, cell_h = geometry.cell()
    tick_font, title_font = geometry.font(_TICK_PX), geometry.font(_TITLE_PX, QFont.Weight.DemiBold)
    tick_h, title_h = QFontMetricsF(tick_font).height(), QFontMetricsF(title_font).height()
    painter.setFont(tick_font)
    painter.setPen(_AXIS_INK)
    for score in range(1, SCORES + 1):
        centre = geometry.at(score_position(score), score_position(score))
        below = QRectF(centre.x() - cell_w / 2, frame.bottom() + 6 * s, cell_w, tick_h)
        painter.drawText(below, _Align.AlignCenter, str(score))
        beside = QRectF(0, centre.y() - cell_h / 2, frame.left() - 8 * s, cell_h)
        painter.drawText(beside, _Align.AlignRight | _Align.AlignVCenter, str(score))
    painter.setFont(title_font)
    title_top = frame.bottom() + 10 * s + tick_h
    x_title = QRectF(plot.left(), title_top, plot.width(), title_h)
    painter.drawText(x_title, _Align.AlignCenter, geometry.layout.x_title)
    if geometry.note:
        note_font = geometry.font(NOTE_PX, QFont.Weight.Medium)
        painter.setFont(note_font)
        note_h = QFontMetricsF(note_font).height()
        painter.drawText(
            QRectF(0, title_top + title_h + 4 * s, geometry.width, note_h),
            _Align.AlignCenter,
            geometry.note,
        )
        painter.setFont(title_font)
    painter.save()
    painter.translate(10 * s, plot.center().y())
    painter.rotate(-90)
    y_title = QRectF(-plot.height() / 2, 0, plot.height(), title_h)
    painter.drawText(y_title, _Align.AlignCenter, geometry.layout.y_title)
    painter.restore()


def _paint_bubble(painter: QPainter, geometry: MatrixGeometry, bubble: PixelBubble) -> None:
    """A bubble in its status's style with its rank; a small one is a plain dot."""
    s, r, point = geometry.scale, bubble.radius, bubble.point
    fill, outline, ink, style, width = _STYLES.get(point.status, _STYLES["candidate"])
    dot = _is_dot(geometry, bubble)
    pen = QPen(outline, min(width * s, 0.35 * r) if dot else width * s)
    pen.setStyle(Qt.PenStyle.SolidLine if dot else style)  # a dash is lost on a dot
    painter.setPen(pen)
    painter.setBrush(fill)
    painter.drawEllipse(bubble.centre, r, r)
    if dot:
        return
    if point.readiness == Readiness.BLOCKED.value:
        _paint_blocked(painter, geometry, bubble, QColor(ink))
    painter.setFont(geometry.rank_font(_rank_pixels(geometry, bubble)))
    painter.setPen(ink)
    painter.drawText(bubble.rect, _Align.AlignCenter, str(point.rank))


def _is_dot(geometry: MatrixGeometry, bubble: PixelBubble) -> bool:
    return bubble.radius < _DOT * geometry.scale


def _rank_pixels(geometry: MatrixGeometry, bubble: PixelBubble) -> int:
    """The size of the rank number in a bubble: as large as the bubble allows, within limits."""
    largest = 26 * geometry.scale * geometry.text_scale
    return max(geometry.text.smallest - 1, round(min(0.95 * bubble.radius, largest)))


def text_pixels(geometry: MatrixGeometry) -> dict[str, int]:
    """The pixel size of each kind of text the matrix paints, as painted; rank numbers are
    the smallest in any bubble large enough to hold one. For tests and the audience view."""
    sizes = {
        "axis scores": geometry.font(_TICK_PX).pixelSize(),
        "axis titles": geometry.font(_TITLE_PX).pixelSize(),
        "quadrant names": geometry.font(_QUADRANT_PX).pixelSize(),
    }
    if geometry.names:
        sizes["names"] = geometry.font(_NAME_PX).pixelSize()
    ranks = [_rank_pixels(geometry, b) for b in geometry.bubbles if not _is_dot(geometry, b)]
    if ranks:
        sizes["rank numbers"] = min(ranks)
    return sizes


def _paint_blocked(
    painter: QPainter, geometry: MatrixGeometry, bubble: PixelBubble, ink: QColor
) -> None:
    """Hatch the bubble's rim (the centre stays clear for the rank) and add a no-entry mark."""
    s, c, r = geometry.scale, bubble.centre, bubble.radius
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


def _paint_on_plate(
    painter: QPainter, geometry: MatrixGeometry, box: QRectF, text: str, font: QFont
) -> None:
    """``text`` centred in ``box`` on a soft rounded plate that keeps it readable."""
    s = geometry.scale
    painter.setPen(QPen(_NAME_EDGE, max(1.0, 0.8 * s)))
    painter.setBrush(_NAME_PLATE)
    painter.drawRoundedRect(box, 4 * s, 4 * s)
    painter.setFont(font)
    painter.setPen(_INK)
    painter.drawText(box, _Align.AlignCenter, text)


def _paint_focus_ring(painter: QPainter, geometry: MatrixGeometry, bubble: PixelBubble) -> None:
    """A ring round the selected bubble, white under the focus colour to stand out anywhere."""
    s = geometry.scale
    ring = bubble.radius + 5 * s
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.setPen(QPen(_WHITE, 7 * s))
    painter.drawEllipse(bubble.centre, ring, ring)
    painter.setPen(QPen(_FOCUS, 3.5 * s))
    painter.drawEllipse(bubble.centre, ring, ring)
