"""The pieces the audience view's boards are built from: plain labels that wrap, a list of rows
with a number, a name and a tag, and a board that fills itself from the workshop.

Nothing here takes the keyboard focus or a click: the room only reads it. Sizes and colours
come from ``resources/style/audience.qss`` through the object names and the ``tone`` property.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QFontMetrics, QResizeEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QLayout,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from workshop_app.domain.changes import Part
from workshop_app.domain.model import Workshop
from workshop_app.domain.records import record
from workshop_app.domain.stage import Stage
from workshop_app.ui.look import restyle

_Align = Qt.AlignmentFlag


def label(text: str, name: str, parent: QWidget | None = None, tone: str = "") -> QLabel:
    """A read-only label that wraps its words (names wrap, they are never cut short)."""
    widget = QLabel(text, parent)
    widget.setObjectName(name)
    widget.setTextFormat(Qt.TextFormat.PlainText)
    widget.setWordWrap(True)
    widget.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    if tone:
        widget.setProperty("tone", tone)
    return widget


def set_tone(widget: QWidget, tone: str) -> None:
    """Change a widget's ``tone`` (its colours in the stylesheet) and show it."""
    if (widget.property("tone") or "") != tone:
        widget.setProperty("tone", tone)
        restyle(widget)


def tag(text: str, tone: str = "", parent: QWidget | None = None) -> QLabel:
    """A short word on a tinted plate: a readiness, a kind, a verdict."""
    widget = label(text, "audienceTag", parent, tone)
    widget.setWordWrap(False)
    widget.setAlignment(_Align.AlignCenter)
    widget.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
    return widget


def clear(layout: QLayout) -> None:
    """Remove and delete everything in ``layout``, nested layouts included."""
    while layout.count():
        item = layout.takeAt(0)
        if item is None:
            break
        widget, inner = item.widget(), item.layout()
        if widget is not None:
            widget.hide()
            widget.deleteLater()
        elif inner is not None:
            clear(inner)
            inner.deleteLater()


def box(name: str, parent: QWidget | None = None) -> tuple[QFrame, QVBoxLayout]:
    """A framed box (a card or a panel) and its column."""
    frame = QFrame(parent)
    frame.setObjectName(name)
    frame.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
    column = QVBoxLayout(frame)
    return frame, column


@record(frozen=True)
class Row:
    """One line of a list on the projector.

    Attributes:
        text: what the line is about (a candidate's, problem's or metric's name); it wraps.
        lead: a number in front of it (the rank), or "".
        detail: a second, smaller line under the text, or "".
        figure: a number at the right (the priority), or "".
        tag: a word on a plate at the far right (the readiness), or "".
        tag_tone: the tag's colour: "ok", "warning", "danger", "chosen" or "" (grey).
        tone: the whole row's look: "chosen", "muted" (parked) or "".
    """

    text: str
    lead: str = ""
    detail: str = ""
    figure: str = ""
    tag: str = ""
    tag_tone: str = ""
    tone: str = ""


class RowList(QWidget):
    """A titled list of :class:`Row`, as many as fit its height (and at most ``most``); a last
    line says how many more there are. Rows are never cut: a row that does not fit is left out.

    Attributes:
        most: how many rows are made at most.
        unit: the view's size, 1.0 on a 1920 × 1080 screen (the rows' margins follow it).
        title: the list's title.
    """

    def __init__(self, title: str, most: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.most = most
        self.unit = 1.0
        # Its height is what the board leaves it, never what its rows ask for: rows that do
        # not fit are left out instead of pushing the view past its screen.
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Ignored)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        self.title = label(title, "audienceSection", self)
        column.addWidget(self.title)
        self._rows = QVBoxLayout()
        self._rows.setSpacing(0)
        column.addLayout(self._rows)
        column.addStretch(1)
        self._made: list[QWidget] = []
        self._total = 0
        self._more_words = ("", "")
        self._more: QLabel | None = None

    def set_rows(
        self, rows: Sequence[Row], empty: str = "", more: tuple[str, str] = ("", "")
    ) -> None:
        """Show ``rows`` (those that fit), or ``empty`` when there are none; ``more`` names
        one and several of what is left out: ("person", "people")."""
        clear(self._rows)
        self._made, self._total, self._more_words, self._more = [], len(rows), more, None
        if not rows:
            if empty:
                self._rows.addWidget(label(empty, "audienceEmpty", self))
            return
        self._made = [self._row(row) for row in rows[: self.most]]
        for widget in self._made:
            self._rows.addWidget(widget)
        self._more = label("", "audienceMore", self)
        across = round(14 * self.unit)
        self._more.setContentsMargins(across, round(8 * self.unit), across, 0)
        self._rows.addWidget(self._more)
        self._fit()

    def set_unit(self, unit: float) -> None:
        """Follow the view's size (before the next :meth:`set_rows`)."""
        self.unit = unit

    def hasHeightForWidth(self) -> bool:
        return False  # its rows' wrapped height must not become the board's minimum

    def minimumSizeHint(self) -> QSize:
        return QSize(0, 0)

    def shown(self) -> int:
        """How many rows are on screen."""
        return sum(1 for widget in self._made if not widget.isHidden())

    def _fit(self) -> None:
        if self._more is None:
            return
        width = self.width()
        room = self.height() - _height(self.title, width)
        more = _height(self._more, width)
        used, fits = 0, 0
        for n, widget in enumerate(self._made):
            needed = _height(widget, width)
            after = self._total - n - 1
            if n and used + needed + (more if after else 0) > room:
                break
            used += needed
            fits += 1
        for n, widget in enumerate(self._made):
            widget.setHidden(n >= fits)
        left_out = self._total - fits
        noun = self._more_words[0 if left_out == 1 else 1]
        self._more.setText(f"and {left_out} more {noun}".rstrip() if left_out else "")
        self._more.setHidden(not left_out)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()

    def _row(self, row: Row) -> QFrame:
        frame = QFrame(self)
        frame.setObjectName("audienceRow")
        frame.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        if row.tone:
            frame.setProperty("tone", row.tone)
        line = QHBoxLayout(frame)
        across, down = round(14 * self.unit), round(9 * self.unit)
        line.setContentsMargins(across, down, across, down)
        line.setSpacing(round(20 * self.unit))
        if row.lead:
            lead = label(row.lead, "audienceLead", frame)
            lead.setAlignment(_Align.AlignRight | _Align.AlignTop)
            lead.setWordWrap(False)
            line.addWidget(lead, 0, _Align.AlignTop)
        words = QVBoxLayout()
        words.setSpacing(2)
        words.addWidget(label(row.text, "audienceItem", frame))
        if row.detail:
            words.addWidget(label(row.detail, "audienceDetail", frame))
        line.addLayout(words, 1)
        if row.figure:
            figure = label(row.figure, "audienceFigure", frame)
            figure.setWordWrap(False)
            figure.setAlignment(_Align.AlignRight | _Align.AlignTop)
            line.addWidget(figure, 0, _Align.AlignTop)
        if row.tag:
            line.addWidget(tag(row.tag, row.tag_tone, frame), 0, _Align.AlignTop)
        return frame


def _height(widget: QWidget, width: int) -> int:
    """How high ``widget`` is at ``width``, its words wrapped."""
    if widget.hasHeightForWidth():
        return widget.heightForWidth(width)
    return widget.sizeHint().height()


class Board(QWidget):
    """What the projector shows for one stage; it fills itself again from the workshop.

    Attributes:
        stage: the stage it shows.
        parts: the parts of a workshop it shows, so a change elsewhere leaves it alone.
        unit: the view's size, 1.0 on a 1920 × 1080 screen; spacing and painted text follow it.
    """

    stage: Stage
    parts: frozenset[Part] = frozenset(Part)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.unit = 1.0
        self.column = QVBoxLayout(self)
        self.column.setContentsMargins(0, 0, 0, 0)
        self.column.setSpacing(24)

    def fill(self, workshop: Workshop, today: dt.date) -> None:
        """Show ``workshop`` as it is now."""
        raise NotImplementedError

    def set_unit(self, unit: float) -> None:
        """Follow the view's size (before the next :meth:`fill`)."""
        self.unit = unit
        margin = round(64 * unit)
        self.column.setContentsMargins(margin, 0, margin, round(40 * unit))
        self.column.setSpacing(round(24 * unit))
        for listing in self.findChildren(RowList):
            listing.set_unit(unit)


class FittedText(QLabel):
    """Wrapped text that shows as many of its words as fit its height, then "…" (for long
    descriptions; names are never shortened). Its height is what the layout leaves it."""

    def __init__(self, text: str, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setWordWrap(True)
        self.setAlignment(_Align.AlignLeft | _Align.AlignTop)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Ignored)
        self.full_text = text
        self.setText(text)

    def hasHeightForWidth(self) -> bool:
        return False

    def minimumSizeHint(self) -> QSize:
        return QSize(0, 0)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        metrics = QFontMetrics(self.font())
        area = self.contentsRect()
        flags = int(Qt.TextFlag.TextWordWrap)

        def fits(text: str) -> bool:
            box = metrics.boundingRect(QRect(0, 0, area.width(), 1 << 20), flags, text)
            return box.height() <= area.height()

        words = self.full_text.split()
        if fits(self.full_text) or not words:
            shown = self.full_text
        else:
            low, high = 0, len(words)  # the most words that fit with an ellipsis
            while low < high:
                middle = (low + high + 1) // 2
                if fits(" ".join(words[:middle]) + "…"):
                    low = middle
                else:
                    high = middle - 1
            shown = " ".join(words[:low]) + "…" if low else ""
        if shown != self.text():
            self.setText(shown)


def number(value: float | None) -> str:
    """A metric's value as the room reads it: ``12`` or ``12.5``; a dash while missing."""
    if value is None:
        return "–"
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.1f}"


def figures(baseline: float | None, target: float | None, unit: str) -> tuple[str, str]:
    """A metric's baseline → target and what they count: ``("0% → 60%", "of quote requests")``
    for the unit "% of quote requests", ``("26 → 8", "hours")`` for "hours"."""
    unit = unit.strip()
    mark = "%" if unit.startswith("%") else ""
    counted = unit.removeprefix(mark).strip()
    return f"{number(baseline)}{mark}  →  {number(target)}{mark}", counted


def plural(count: int, one: str, many: str) -> str:
    """``1 hour``, ``2 hours``."""
    return f"{count:,} {one if count == 1 else many}"
