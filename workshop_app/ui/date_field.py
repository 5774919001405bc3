"""A date field that takes a date as it is typed: ``2026-12-04``, with or without the dashes.

Qt's date editor moves on by itself when a part is full and again at a typed dash, so typing
``2026-12-04`` into it stored the 12th of November. This field is a line edit with a mask: the
dashes are there already, a typed dash steps over them, and the digits land where they are
typed. The whole date is selected when the field gets the focus, so typing replaces it.
Up and Down move the date by a day (Page Up and Page Down by a month), as in a calendar.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent
from PySide6.QtWidgets import QLineEdit, QWidget

#: Digits where the date's digits go, the dashes fixed; an unfilled place shows as "_".
MASK = "9999-99-99;_"
_STEPS = {Qt.Key.Key_Up: 1, Qt.Key.Key_Down: -1}
_MONTH_STEPS = {Qt.Key.Key_PageUp: 1, Qt.Key.Key_PageDown: -1}


def _add_months(day: dt.date, months: int) -> dt.date:
    month_index = day.year * 12 + day.month - 1 + months
    year, month = divmod(month_index, 12)
    for last in (day.day, 30, 29, 28):
        try:
            return dt.date(year, month + 1, min(day.day, last))
        except ValueError:
            continue
    raise AssertionError("every month has a 28th")


class DateField(QLineEdit):
    """One date as ``YYYY-MM-DD``.

    Signals:
        stepped(): Up, Down, Page Up or Page Down changed the date.
    """

    stepped = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setInputMask(MASK)
        self.setToolTip("Type the date as 2026-12-04; Up and Down change it by a day")

    def text_value(self) -> str:
        """What is typed, as the rules read it (an unfinished date stays unfinished)."""
        return self.text().strip("-").strip()

    def date(self) -> dt.date | None:
        """The date typed, or None when the field does not hold a whole, real date."""
        try:
            return dt.date.fromisoformat(self.text())
        except ValueError:
            return None

    def set_date(self, value: str | None) -> None:
        self.setText(value or "")
        self.setCursorPosition(0)

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        self.selectAll()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = Qt.Key(event.key())
        if key in _STEPS or key in _MONTH_STEPS:
            day = self.date()
            if day is not None:
                try:
                    if key in _STEPS:
                        day += dt.timedelta(days=_STEPS[key])
                    else:
                        day = _add_months(day, _MONTH_STEPS[key])
                except OverflowError:
                    return
                self.set_date(day.isoformat())
                self.selectAll()
                self.stepped.emit()
            return
        super().keyPressEvent(event)
