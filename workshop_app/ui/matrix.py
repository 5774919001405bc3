"""The friction × frequency matrix of stage 4 (Rank): one bubble per candidate in four quadrants.

Plain data in (:class:`MatrixPoint`), selection and activation out. Where each bubble goes comes
from :mod:`workshop_app.domain.matrix_layout`, as in the charter; :mod:`.matrix_geometry` maps it
to pixels and :mod:`.matrix_painting` paints it, scaled from the widget's size for a projector.
"""

from __future__ import annotations

import html

from PySide6.QtCore import QEvent, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QHelpEvent, QKeyEvent, QMouseEvent, QPainter, QPaintEvent
from PySide6.QtWidgets import QToolTip, QWidget

from workshop_app.domain.matrix_layout import MatrixPoint, elide
from workshop_app.ui.matrix_geometry import MatrixGeometry, MatrixText, PixelBubble
from workshop_app.ui.matrix_painting import paint_matrix, text_pixels

__all__ = ["EMPTY_HINT", "MatrixPoint", "MatrixText", "MatrixWidget", "elide", "tooltip_text"]

EMPTY_HINT = "Add candidates to see them on the matrix"


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
        self._waiting = 0
        self._selected: str | None = None
        self._measured: MatrixGeometry | None = None  # for the size and font it was made at
        self._text = MatrixText()
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMouseTracking(True)
        self.setAccessibleName("Friction and frequency matrix")

    # ------------------------------------------------------------------ public API
    def set_points(self, points: list[MatrixPoint]) -> None:
        """Show ``points``; the selection stays if its id is still there, else it is dropped."""
        self._points = list(points)
        if self._selected not in {p.candidate_id for p in self._points}:
            self._selected = None
        self._measured = None
        self.update()

    def set_waiting(self, count: int) -> None:
        """Say under the matrix how many candidates await estimates (and so are not placed)."""
        if count != self._waiting:
            self._waiting = count
            self._measured = None
            self.update()

    def note(self) -> str:
        """The line under the matrix: how many candidates are not placed, or ""."""
        if not self._waiting:
            return ""
        if self._waiting == 1:
            return "Not placed: 1 candidate awaits estimates"
        return f"Not placed: {self._waiting} candidates await estimates"

    def set_text(self, text: MatrixText) -> None:
        """Size the text as ``text`` asks (the audience view's larger labels and key)."""
        if text != self._text:
            self._text = text
            self._measured = None
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
        bubble = self._geometry().bubble_at(pos)
        return None if bubble is None else bubble.point.candidate_id

    def bubble_rect(self, candidate_id: str) -> QRectF:
        """The square a bubble is drawn in; an empty rect for an unknown id."""
        bubble = self._bubble(candidate_id)
        return QRectF() if bubble is None else bubble.rect

    def plot_rect(self) -> QRectF:
        """The 5 × 5 score cells in widget coordinates (the layout's unit square)."""
        return QRectF(self._geometry().plot)

    def text_pixels(self) -> dict[str, int]:
        """The pixel size of each kind of text as it is painted at the widget's size."""
        return text_pixels(self._geometry())

    def sizeHint(self) -> QSize:
        return QSize(640, 480)

    def minimumSizeHint(self) -> QSize:
        return QSize(360, 280)

    # ------------------------------------------------------------------ geometry and painting
    def _geometry(self) -> MatrixGeometry:
        """The matrix measured for the widget's size, made again when the size changes."""
        measured = self._measured
        if measured is None or (measured.width, measured.height) != (self.width(), self.height()):
            measured = MatrixGeometry(
                self._points, self.width(), self.height(), self.font(), self._text, self.note()
            )
            self._measured = measured
        return measured

    def _bubble(self, candidate_id: str | None) -> PixelBubble | None:
        return self._geometry().bubble(candidate_id)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.FontChange:  # names and margins are measured in it
            self._measured = None
        super().changeEvent(event)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        hint = None if self._points else EMPTY_HINT
        paint_matrix(painter, self._geometry(), self._selected, self.hasFocus(), hint)
        painter.end()

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
