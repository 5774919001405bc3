"""How sure is #1, as a small tornado chart: for each fact of #1 and of the runner-up, how far
it can move down (left) or up (right) from today's value before the first place changes.

It shows what :func:`workshop_app.domain.robustness.how_sure` returns and decides nothing: a
bar is as long as its margin (100% at the end of a half, longer ones end in an arrow), and a
bar within the room's own disagreement is painted in the warning colour.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPaintEvent, QPolygonF
from PySide6.QtWidgets import QSizePolicy, QWidget

from workshop_app.domain.margins import bar_words
from workshop_app.domain.records import record
from workshop_app.domain.robustness import Bar, Margin, Robustness, Role
from workshop_app.palette import PALETTE

BAR = QColor(PALETTE.bubble_candidate)
FRAGILE = QColor(PALETTE.warning)
FRAGILE_TEXT = QColor(PALETTE.warning_text)
INK = QColor(PALETTE.text)
SECONDARY = QColor(PALETTE.text_secondary)
FAINT = QColor(PALETTE.text_faint)
RULE = QColor(PALETTE.border)
GRID = QColor(PALETTE.hairline)

_WRAP = int(Qt.TextFlag.TextWordWrap)
_Align = Qt.AlignmentFlag


@record(frozen=True)
class Side:
    """One half of a row: the bar's length as a share of the half (at most 1), whether it
    goes on past the end (an arrow), and the words at its end."""

    length: float
    capped: bool
    text: str


@record(frozen=True)
class ChartRow:
    """One bar of the chart as painted.

    Attributes:
        role: the candidate's short part: "#1", "runner-up".
        name: the candidate's name.
        fact: the fact's word: occurrences, minutes or pain.
        down, up: each half, or None when no value that way changes #1.
        fragile: the margin is within the room's own disagreement.
    """

    role: str
    name: str
    fact: str
    down: Side | None
    up: Side | None
    fragile: bool


def role_words(robustness: Robustness, role: Role) -> str:
    """The candidate's short part: "#1" and "runner-up", or, when the chosen workflow is not
    #1, "chosen" and "#1"."""
    if role is Role.LEADER:
        return "#1" if robustness.first else "chosen"
    return "runner-up" if robustness.first else "#1"


def side(margin: Margin | None) -> Side | None:
    if margin is None:
        return None
    relative = margin.relative
    if relative is None:  # the value in use is 0: any share of it is no change at all
        return Side(1.0, True, bar_words(margin))
    return Side(min(float(relative), 1.0), relative > 1, bar_words(margin))


def chart_rows(robustness: Robustness | None) -> list[ChartRow]:
    """The rows to paint, one per bar of ``robustness``, in its order."""
    if robustness is None:
        return []

    def row(bar: Bar) -> ChartRow:
        return ChartRow(
            role_words(robustness, bar.role),
            bar.candidate.name,
            str(bar.fact),
            side(bar.down),
            side(bar.up),
            bar.fragile is True,
        )

    return [row(bar) for bar in robustness.bars]


class RobustnessChart(QWidget):
    """The tornado chart of how sure the ranking is of its #1.

    Attributes:
        rows: what is painted, one :class:`ChartRow` per bar.
        summary: the domain's sentence, also the tooltip and the accessible description.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: list[ChartRow] = []
        self.summary = ""
        self.hint = "No #1 yet: the chart follows the ranking."
        self.setAccessibleName("How sure is #1")
        policy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)

    # ------------------------------------------------------------------ content
    def set_robustness(self, robustness: Robustness | None) -> None:
        """Show ``robustness`` (None: there is no #1 to ask about)."""
        self.rows = chart_rows(robustness)
        self.summary = robustness.summary if robustness is not None else self.hint
        named = {f"{row.role}: {row.name}": None for row in self.rows}
        described = "\n".join([self.summary, *named])
        self.setToolTip(described)
        self.setAccessibleDescription(described)
        self._keep_rows_whole()
        self.update()

    def set_pixel_size(self, pixels: int) -> None:
        """Paint the text at ``pixels`` (the audience view asks for large type)."""
        font = QFont(self.font())
        font.setPixelSize(pixels)
        self.setFont(font)
        self._keep_rows_whole()
        self.update()

    # ------------------------------------------------------------------ geometry
    def _keep_rows_whole(self) -> None:
        """A layout never gives it less height than its rows and axis need."""
        self.setMinimumWidth(self.minimumSizeHint().width())
        self.setMinimumHeight(self.heightForWidth(max(self.width(), self.minimumWidth())))
        self.updateGeometry()
        self.update()

    def _line(self) -> int:
        return QFontMetrics(self.font()).height()

    def _row_height(self) -> int:
        return round(self._line() * 1.2)

    def _columns(self) -> tuple[int, int]:
        """The widths of the role column and of the fact column."""
        metrics = QFontMetrics(self._bold())
        roles = [row.role for row in self.rows] or ["runner-up"]
        facts = [row.fact for row in self.rows] or ["occurrences"]
        space = self._line() // 2
        return (
            max(metrics.horizontalAdvance(word) for word in roles) + space,
            max(QFontMetrics(self.font()).horizontalAdvance(word) for word in facts) + space,
        )

    def _gutter(self) -> int:
        """Room beyond each half for the words at a full bar's end."""
        metrics = QFontMetrics(self.font())
        texts = [s.text for row in self.rows for s in (row.down, row.up) if s is not None]
        texts += ["+100%", "any value"]
        return max(metrics.horizontalAdvance(text) for text in texts) + self._line() // 2

    def _bold(self) -> QFont:
        font = QFont(self.font())
        font.setBold(True)
        return font

    def heightForWidth(self, width: int) -> int:
        if not self.rows:
            metrics = QFontMetrics(self.font())
            box = metrics.boundingRect(QRect(0, 0, max(width, 1), 1 << 20), _WRAP, self.hint)
            return box.height()
        return self._row_height() * (len(self.rows) + 1)  # the rows and the axis

    def hasHeightForWidth(self) -> bool:
        return True

    def _fixed_width(self) -> int:
        return sum(self._columns()) + 2 * self._gutter()

    def minimumSizeHint(self) -> QSize:
        width = self._fixed_width() + 6 * self._line()
        return QSize(width, self.heightForWidth(width))

    def sizeHint(self) -> QSize:
        width = self._fixed_width() + 14 * self._line()
        return QSize(width, self.heightForWidth(width))

    # ------------------------------------------------------------------ painting
    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setFont(self.font())
        if not self.rows:
            painter.setPen(FAINT)
            painter.drawText(self.rect(), _WRAP | _Align.AlignLeft | _Align.AlignTop, self.hint)
            return
        row_height = self._row_height()
        roles, facts = self._columns()
        gutter = self._gutter()
        half = max((self.width() - roles - facts - 2 * gutter) / 2, 1.0)
        centre = roles + facts + gutter + half
        y = 0
        previous = ""
        for row in self.rows:
            area = QRectF(0, y, self.width(), row_height)
            if row.role != previous:
                painter.setFont(self._bold())
                painter.setPen(INK)
                painter.drawText(
                    QRectF(0, y, roles, row_height),
                    _Align.AlignLeft | _Align.AlignVCenter,
                    row.role,
                )
                painter.setFont(self.font())
                previous = row.role
            self._paint_row(painter, row, area, roles, centre, half)
            y += row_height
        self._paint_axis(painter, QRectF(0, y, self.width(), row_height), centre, half)

    def _paint_row(
        self,
        painter: QPainter,
        row: ChartRow,
        area: QRectF,
        left: float,
        centre: float,
        half: float,
    ) -> None:
        line = self._line()
        painter.setPen(GRID)
        painter.drawLine(
            QPointF(centre - half, area.bottom()), QPointF(centre + half, area.bottom())
        )
        painter.setPen(RULE)
        painter.drawLine(QPointF(centre, area.top()), QPointF(centre, area.bottom()))
        painter.setPen(FRAGILE_TEXT if row.fragile else SECONDARY)
        label = QRectF(left, area.top(), self._columns()[1], area.height())
        painter.drawText(label, _Align.AlignLeft | _Align.AlignVCenter, row.fact)
        thickness = area.height() * 0.6
        top = area.center().y() - thickness / 2
        colour = FRAGILE if row.fragile else BAR
        for sign, half_side in ((-1, row.down), (1, row.up)):
            if half_side is None:
                continue
            length = max(half * half_side.length, 2.0)
            end = centre + sign * length
            bar = QRectF(min(centre, end), top, length, thickness)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(colour)
            painter.drawRect(bar)
            if half_side.capped:
                tip = thickness * 0.6
                arrow = QPolygonF(
                    [
                        QPointF(end, top - thickness * 0.2),
                        QPointF(end + sign * tip, top + thickness / 2),
                        QPointF(end, top + thickness * 1.2),
                    ]
                )
                painter.drawPolygon(arrow)
                end += sign * tip
            painter.setPen(FRAGILE_TEXT if row.fragile else INK)
            room = self._gutter() + half
            words = (
                QRectF(end + line / 3, area.top(), room, area.height())
                if sign > 0
                else QRectF(end - line / 3 - room, area.top(), room, area.height())
            )
            align = _Align.AlignVCenter | (_Align.AlignLeft if sign > 0 else _Align.AlignRight)
            painter.drawText(words, align, half_side.text)
        if row.down is None and row.up is None:
            painter.setPen(FAINT)
            painter.drawText(
                QRectF(centre + line / 2, area.top(), half, area.height()),
                _Align.AlignLeft | _Align.AlignVCenter,
                "any value",
            )

    def _paint_axis(self, painter: QPainter, area: QRectF, centre: float, half: float) -> None:
        painter.setPen(FAINT)
        wide = self._gutter() * 2
        for x, text in ((centre - half, "−100%"), (centre, "today"), (centre + half, "+100%")):
            painter.drawText(
                QRectF(x - wide / 2, area.top(), wide, area.height()),
                _Align.AlignHCenter | _Align.AlignVCenter,
                text,
            )
