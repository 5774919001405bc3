"""A small chart of one metric: readings, the path from baseline to target, the target line.

It draws the same coordinates as the progress report's SVG (``report.charts``), scaled to
the widget, so the room and the sponsor see the same picture.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPaintEvent, QPen, QPolygonF
from PySide6.QtWidgets import QSizePolicy, QWidget

from workshop_app.palette import PALETTE

ACCENT = QColor(PALETTE.accent)
PATH = QColor(PALETTE.text_faint)
INK = QColor(PALETTE.text)
MUTED = QColor(PALETTE.text_muted)
PANEL = QColor(PALETTE.background)
RULE = QColor(PALETTE.border)
RING = QColor(PALETTE.surface)


def _points(text: str) -> QPolygonF:
    polygon = QPolygonF()
    for pair in text.split():
        x, y = pair.split(",")
        polygon.append(QPointF(float(x), float(y)))
    return polygon


class MetricChart(QWidget):
    """Draws a chart geometry (or a hint when there is none)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.geometry_data: dict[str, Any] | None = None
        self.hint = "Select a metric to see its readings against the path to its target."
        self.setMinimumHeight(150)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)

    def set_chart(self, geometry: dict[str, Any] | None, hint: str = "") -> None:
        self.geometry_data = geometry
        self.hint = hint or "This metric needs a baseline, a target and the workshop date."
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(480, 220)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        chart = self.geometry_data
        if chart is None:
            painter.setPen(MUTED)
            painter.drawText(
                self.rect(), Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap, self.hint
            )
            return
        scale = min(self.width() / chart["width"], self.height() / chart["height"])
        painter.translate((self.width() - chart["width"] * scale) / 2, 0)
        painter.scale(scale, scale)
        plot = QRectF(
            chart["left"],
            chart["top"],
            chart["right"] - chart["left"],
            chart["bottom"] - chart["top"],
        )
        painter.setPen(QPen(RULE, 0.6))
        painter.setBrush(PANEL)
        painter.drawRect(plot)
        painter.setPen(QPen(INK, 0.8, Qt.PenStyle.DotLine))
        painter.drawLine(
            QPointF(plot.left(), chart["target_y"]), QPointF(plot.right(), chart["target_y"])
        )
        painter.setPen(QPen(PATH, 1.2, Qt.PenStyle.DashLine))
        painter.drawPolyline(_points(chart["path"]))
        if chart["readings"]:
            painter.setPen(QPen(ACCENT, 1.8))
            painter.drawPolyline(_points(chart["line"]))
        font = QFont(self.font())
        font.setPointSizeF(6.5)
        painter.setFont(font)
        for reading in chart["readings"]:
            painter.setPen(QPen(RING, 0.8))
            painter.setBrush(ACCENT)
            painter.drawEllipse(QPointF(reading["x"], reading["y"]), 3, 3)
            painter.setPen(INK)
            painter.drawText(
                QRectF(reading["x"] - 30, reading["y"] - 16, 60, 10),
                Qt.AlignmentFlag.AlignCenter,
                reading["label"],
            )
        painter.setPen(MUTED)
        for tick in chart["ticks_x"]:
            painter.drawText(
                QRectF(tick["x"] - 24, chart["bottom"] + 3, 48, 10),
                Qt.AlignmentFlag.AlignCenter,
                tick["label"],
            )
        for tick in chart["ticks_y"]:
            painter.drawText(
                QRectF(0, tick["y"] - 5, chart["left"] - 4, 10),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                tick["label"],
            )
