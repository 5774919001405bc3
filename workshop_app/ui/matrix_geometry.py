"""The friction × frequency matrix measured out in a widget's pixels: margins, the plot, each
bubble, and each name placed beside its bubble where it hides the least. Painting reads it."""

from __future__ import annotations

import math

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QFont, QFontMetricsF

from workshop_app.domain.matrix_layout import (
    SCORES,
    MatrixLayout,
    MatrixPoint,
    PlacedBubble,
    lay_out,
)
from workshop_app.domain.records import record

__all__ = ["NOTE_PX", "MatrixGeometry", "MatrixText", "PixelBubble", "PlacedName"]

#: The pixel size (at 640 × 480) of the note under the matrix.
NOTE_PX = 13


@record(frozen=True)
class MatrixText:
    """How large the matrix's text is, and whether names stand beside the bubbles.

    The editor's matrix grows its text with the widget. The audience view asks for a size
    instead, read from the back of a room, and names the bubbles in a key beside the matrix.

    Attributes:
        labels: the pixel size of names and axis scores; the other text keeps its proportion
            to them. None: they are 12 pixels at 640 × 480 and grow with the widget.
        smallest: no text is smaller than this many pixels (rank numbers one pixel less).
        names: whether the best-ranked bubbles have their name beside them.
    """

    labels: int | None = None
    smallest: int = 9
    names: bool = True


@record(frozen=True)
class PixelBubble:
    """One candidate's bubble in widget pixels.

    Attributes:
        point: the candidate it stands for.
        centre: its centre in widget coordinates.
        radius: its radius in pixels.
        named: whether the layout names it (the best ranks and the chosen).
        label: its name, elided for the matrix.
    """

    point: MatrixPoint
    centre: QPointF
    radius: float
    named: bool
    label: str

    @property
    def rect(self) -> QRectF:
        """The square the bubble is drawn in."""
        r = self.radius
        return QRectF(self.centre.x() - r, self.centre.y() - r, 2 * r, 2 * r)


#: A name shown on the matrix: the box of its plate and its text, cut to fit.
PlacedName = tuple[QRectF, str]

#: A rectangle as plain numbers (left, top, right, bottom): placing names compares hundreds
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


class MatrixGeometry:
    """Where everything of the matrix goes on a widget of one size and font.

    Sizes are given as at 640 × 480 and grow with :attr:`scale`, for a projector; text grows
    by :attr:`text_scale` more where :class:`MatrixText` asks for larger labels.

    Attributes:
        width, height: the widget's size in pixels.
        scale: how much larger than at 640 × 480 (at least 0.6).
        text: the text sizes asked for.
        text_scale: how much larger the text is than ``scale`` alone makes it.
        frame: the tinted area, with the bands above and below that hold the quadrant names.
        plot: the 5 × 5 score cells inside ``frame`` (the layout's unit square).
        layout: the unit layout from :mod:`workshop_app.domain.matrix_layout`.
        bubbles: every bubble in paint order, largest first.
        names: candidate id → the plate and text of each name shown.
        note: a line under the axis title (how many candidates await estimates), or "".
    """

    def __init__(
        self,
        points: list[MatrixPoint],
        width: int,
        height: int,
        font: QFont,
        text: MatrixText = MatrixText(),
        note: str = "",
    ) -> None:
        self.width, self.height = width, height
        self.note = note
        self._base_font = QFont(font)
        self._rank_fonts: dict[int, QFont] = {}
        self.scale = s = max(0.6, min(width / 640, height / 480))
        self.text = text
        self.text_scale = 1.0 if text.labels is None else text.labels / (12 * s)
        tick = QFontMetricsF(self.font(12))
        title = QFontMetricsF(self.font(13, QFont.Weight.DemiBold))
        band = QFontMetricsF(self.font(15, QFont.Weight.Bold)).height() + 8 * s
        left = 10 * s + title.height() + 8 * s + tick.horizontalAdvance("5") + 8 * s
        bottom = 6 * s + tick.height() + 4 * s + title.height() + 10 * s
        if note:  # a line of its own below the axis title
            bottom += QFontMetricsF(self.font(NOTE_PX)).height() + 4 * s
        top, right = 10 * s, 14 * s
        self.frame = QRectF(left, top, width - left - right, height - top - bottom)
        self.plot = plot = self.frame.adjusted(0, band, 0, -band)
        aspect = plot.width() / plot.height() if plot.height() > 0 else 1.0
        self.layout: MatrixLayout = lay_out(points, aspect)
        self.bubbles = [self._on_plot(placed) for placed in self.layout.bubbles]
        self.names = self._place_names()

    def _on_plot(self, placed: PlacedBubble) -> PixelBubble:
        plot = self.plot
        x, y, r = self.layout.on_plot(placed, plot.left(), plot.top(), plot.width(), plot.height())
        return PixelBubble(placed.point, QPointF(x, y), r, placed.named, placed.label)

    # ------------------------------------------------------------------ measures
    def font(self, pixels: float, weight: QFont.Weight = QFont.Weight.Normal) -> QFont:
        """The widget's font at ``pixels`` (as at 640 × 480), scaled, never under
        :attr:`MatrixText.smallest` pixels."""
        font = QFont(self._base_font)
        font.setPixelSize(max(self.text.smallest, round(pixels * self.scale * self.text_scale)))
        font.setWeight(weight)
        return font

    def rank_font(self, pixels: int) -> QFont:
        """The bold font of rank numbers at exactly ``pixels``, made once per size."""
        font = self._rank_fonts.get(pixels)
        if font is None:
            font = self._rank_fonts[pixels] = QFont(self._base_font)
            font.setPixelSize(pixels)
            font.setWeight(QFont.Weight.Bold)
        return font

    def cell(self) -> tuple[float, float]:
        """The width and height of one score cell."""
        return self.plot.width() / SCORES, self.plot.height() / SCORES

    def at(self, x: float, y: float) -> QPointF:
        """A point given in the layout's unit coordinates (y grows upwards) on the plot."""
        return QPointF(
            self.plot.left() + x * self.plot.width(),
            self.plot.bottom() - y * self.plot.height(),
        )

    # ------------------------------------------------------------------ bubbles
    def bubble(self, candidate_id: str | None) -> PixelBubble | None:
        """The bubble of ``candidate_id``, or None."""
        return next((b for b in self.bubbles if b.point.candidate_id == candidate_id), None)

    def bubble_at(self, pos: QPointF) -> PixelBubble | None:
        """The top-most bubble under ``pos`` (with a pixel to spare), or None."""
        for bubble in reversed(self.bubbles):
            distance = math.hypot(pos.x() - bubble.centre.x(), pos.y() - bubble.centre.y())
            if distance <= bubble.radius + 1.0:
                return bubble
        return None

    # ------------------------------------------------------------------ names
    def _place_names(self) -> dict[str, PlacedName]:
        """Each name goes beside its bubble wherever it covers the fewest names and bubbles."""
        if not self.text.names:
            return {}
        s = self.scale
        metrics = QFontMetricsF(self.font(12, QFont.Weight.Medium))
        pad_x, pad_y, gap = 5 * s, 2 * s, 4 * s
        placed: dict[str, tuple[_Box, str]] = {}
        # The layout names only the best-ranked and the chosen: past a few dozen names a matrix
        # is unreadable, and placing each name against every other is quadratic.
        named = [b for b in self.bubbles if b.named]
        shapes = [
            (b, _box(b.centre, b.radius))
            for b in self.bubbles
            if b.named or len(self.bubbles) <= 200
        ]
        for bubble in sorted(named, key=lambda b: b.point.rank):
            text = metrics.elidedText(
                bubble.label, Qt.TextElideMode.ElideRight, self.plot.width() * 0.45
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

            def cost(box: _Box, own: _Box = own, bubble: PixelBubble = bubble) -> float:
                names = sum(_overlap(box, other) for other, _ in placed.values())
                covered = sum(_overlap(box, shape) for b, shape in shapes if b is not bubble)
                return 4 * names + 3 * covered + 3 * _overlap(box, own)

            best = min((_clamp(left, top, w, h, self.plot) for left, top in options), key=cost)
            placed[bubble.point.candidate_id] = (best, text)
        return {
            key: (QRectF(QPointF(box[0], box[1]), QPointF(box[2], box[3])), text)
            for key, (box, text) in placed.items()
        }
