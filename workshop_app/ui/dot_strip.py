"""One fact of a revealed round as a strip: every answer a dot on a scale (equal answers stacked),
the middle half of the answers shaded, the median a line with its number, and the lowest and
the highest numbers under their dots. A round where the room disagrees shades in the warning
colour. It paints what :class:`~workshop_app.domain.estimates.RoundSummary` says and judges
nothing itself.
"""

from __future__ import annotations

import math
from collections import Counter
from fractions import Fraction

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from workshop_app.domain.estimates import RoundSummary, shown
from workshop_app.domain.model import EstimateFact
from workshop_app.palette import PALETTE

DOT = QColor(PALETTE.bubble_candidate)
DOT_EDGE = QColor(PALETTE.bubble_candidate_edge)
MEDIAN = QColor(PALETTE.accent)
BAND = QColor(PALETTE.accent_tint)
BAND_DISAGREE = QColor(PALETTE.warning_tint)
INK = QColor(PALETTE.text)
FAINT = QColor(PALETTE.text_secondary)
RULE = QColor(PALETTE.border)

_Align = Qt.AlignmentFlag
#: The most dots stacked on one value before the stack says how many instead.
TALLEST_STACK = 4


def scale_end(fact: EstimateFact, high: Fraction) -> tuple[Fraction, Fraction]:
    """The strip's first and last value: pain 1 to 5; others 0 to a round number past the
    highest answer (1, 2 or 5 times a power of ten)."""
    if fact == EstimateFact.PAIN:
        return Fraction(1), Fraction(5)
    if high <= 0:
        return Fraction(0), Fraction(1)
    power = Fraction(10) ** math.floor(math.log10(float(high)))
    for step in (1, 2, 5, 10):
        if step * power >= high:
            return Fraction(0), step * power
    return Fraction(0), 10 * power  # pragma: no cover - the loop always ends at 10


class DotStrip(QWidget):
    """The answers of one fact of one round, as dots on a scale.

    Attributes:
        summary: the round's summary of the fact, or None (everyone passed).
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.summary: RoundSummary | None = None
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)

    def set_summary(self, summary: RoundSummary | None) -> None:
        self.summary = summary
        described = "Everyone passed." if summary is None else summary.spread_words
        self.setAccessibleDescription(described)
        self.updateGeometry()
        self.update()

    def set_pixel_size(self, pixels: int) -> None:
        """Paint the numbers at ``pixels`` (the audience view asks for large type)."""
        font = QFont(self.font())
        font.setPixelSize(pixels)
        self.setFont(font)
        self.updateGeometry()
        self.update()

    # ------------------------------------------------------------------ geometry
    def _line(self) -> int:
        return QFontMetrics(self.font()).height()

    def _radius(self) -> float:
        return self._line() * 0.36

    def _stack(self) -> int:
        if self.summary is None:
            return 1
        counts = Counter(self.summary.values)
        return min(max(counts.values(), default=1), TALLEST_STACK)

    def sizeHint(self) -> QSize:
        line = self._line()
        dots = 2 * self._radius() * self._stack()
        return QSize(line * 20, round(2 * line + dots + line * 0.8))

    def minimumSizeHint(self) -> QSize:
        hint = self.sizeHint()
        return QSize(self._line() * 8, hint.height())

    # ------------------------------------------------------------------ painting
    def _x(self, value: Fraction, left: float, width: float) -> float:
        assert self.summary is not None
        first, last = scale_end(self.summary.fact, self.summary.high)
        share = (value - first) / (last - first) if last != first else Fraction(0)
        return left + width * float(min(max(share, Fraction(0)), Fraction(1)))

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setFont(self.font())
        summary = self.summary
        line = self._line()
        if summary is None:
            painter.setPen(FAINT)
            painter.drawText(
                self.rect(), _Align.AlignLeft | _Align.AlignVCenter, "Everyone passed."
            )
            return
        metrics = QFontMetrics(self.font())
        last = scale_end(summary.fact, summary.high)[1]
        pad = metrics.horizontalAdvance(f"median {shown(last)}") / 2 + line / 2
        left, width = pad, max(self.width() - 2 * pad, 1.0)
        radius = self._radius()
        axis = line + 2 * radius * self._stack() + line * 0.4
        # The middle half of the answers, shaded.
        band_left = self._x(summary.lower_quartile, left, width)
        band_right = self._x(summary.upper_quartile, left, width)
        band = QRectF(
            band_left - radius, line * 1.1, band_right - band_left + 2 * radius, axis - line * 1.1
        )
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(BAND_DISAGREE if summary.disagreement else BAND)
        painter.drawRoundedRect(band, radius / 2, radius / 2)
        # The scale.
        painter.setPen(QPen(RULE, max(1.0, line / 14)))
        painter.drawLine(QPointF(left, axis), QPointF(left + width, axis))
        ticks = range(1, 6) if summary.fact == EstimateFact.PAIN else ()
        for tick in ticks:
            x = self._x(Fraction(tick), left, width)
            painter.drawLine(QPointF(x, axis - radius / 2), QPointF(x, axis + radius / 2))
        # The dots, equal answers stacked.
        counts = Counter(summary.values)
        painter.setPen(QPen(DOT_EDGE, max(1.0, line / 16)))
        painter.setBrush(DOT)
        for value, count in counts.items():
            x = self._x(value, left, width)
            for level in range(min(count, TALLEST_STACK)):
                centre = QPointF(x, axis - radius * (2 * level + 1.2))
                painter.drawEllipse(centre, radius, radius)
            if count > TALLEST_STACK:
                painter.setPen(INK)
                top = axis - radius * (2 * TALLEST_STACK + 1.4) - line
                painter.drawText(
                    QRectF(x - line, top, 2 * line, line), _Align.AlignCenter, f"×{count}"
                )
                painter.setPen(QPen(DOT_EDGE, max(1.0, line / 16)))
        # The median: a line through the dots, its number above.
        x = self._x(summary.median, left, width)
        painter.setPen(QPen(MEDIAN, max(2.0, line / 8)))
        painter.drawLine(QPointF(x, line * 1.05), QPointF(x, axis + radius))
        bold = QFont(self.font())
        bold.setBold(True)
        painter.setFont(bold)
        painter.setPen(MEDIAN)
        words = f"median {shown(summary.median)}"
        wide = QFontMetrics(bold).horizontalAdvance(words) + line
        painter.drawText(QRectF(x - wide / 2, 0, wide, line), _Align.AlignCenter, words)
        painter.setFont(self.font())
        # The lowest and the highest under their dots.
        painter.setPen(INK)
        below = QRectF(0, axis + line * 0.3, 0, line)
        ends = [summary.low] if summary.low == summary.high else [summary.low, summary.high]
        for value in ends:
            text = shown(value)
            wide = metrics.horizontalAdvance(text) + line
            x = self._x(value, left, width)
            painter.drawText(
                below.adjusted(x - wide / 2, 0, x + wide / 2, 0), _Align.AlignCenter, text
            )
