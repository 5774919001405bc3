"""A row of buttons for a list's or a page's actions that never cuts a word: each button shows
its full words when the row has room, its short words when not, and only its icon when even
those do not fit (the full words stay in the tooltip)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSize, Qt
from PySide6.QtGui import QAction, QResizeEvent
from PySide6.QtWidgets import QHBoxLayout, QSizePolicy, QToolButton, QWidget

FULL, SHORT, ICONS = 0, 1, 2


class ActionBar(QWidget):
    """Tool buttons for actions, then any other widgets, then a stretch.

    Attributes:
        buttons: the buttons, in order.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self._row = QHBoxLayout(self)
        self._row.setContentsMargins(0, 0, 0, 0)
        self._row.addStretch(1)
        self.buttons: list[QToolButton] = []
        self._words: list[tuple[str, str]] = []  # (full, short) per button
        self._frames: list[int] = []  # each button's width besides its words
        self._mode = FULL

    def add_action(self, action: QAction, short: str = "") -> QToolButton:
        """A button for ``action``; ``short`` is its label when the row is narrow."""
        button = QToolButton(self)
        button.setDefaultAction(action)
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self._row.insertWidget(len(self.buttons), button)
        self.buttons.append(button)
        self._words.append((action.text(), short or action.text()))
        self._frames.append(0)
        return button

    def add_widget(self, widget: QWidget) -> None:
        """Another widget after the buttons (a menu button, a hint), kept whole."""
        self._row.insertWidget(self._row.count() - 1, widget)

    # ------------------------------------------------------------------ fitting
    def _width_in(self, mode: int) -> int:
        """The row's width with every button in ``mode``."""
        spacing = max(self._row.spacing(), 0)
        width = 0
        for number, (button, (full, short)) in enumerate(
            zip(self.buttons, self._words, strict=True)
        ):
            if self._mode != ICONS:  # what the button adds around its words, as styled now
                shown = button.defaultAction().iconText()
                self._frames[number] = (
                    button.sizeHint().width() - button.fontMetrics().horizontalAdvance(shown)
                )
            if mode == ICONS:
                width += button.iconSize().width() + 16 + spacing
            else:
                words = full if mode == FULL else short
                width += self._frames[number] + button.fontMetrics().horizontalAdvance(words)
                width += spacing
        for index in range(len(self.buttons), self._row.count()):
            item = self._row.itemAt(index)
            widget = item.widget() if item is not None else None
            if widget is not None and not widget.isHidden():
                width += widget.sizeHint().width() + spacing
        return width

    def _fit(self) -> None:
        room = self.width()
        mode = next((m for m in (FULL, SHORT) if self._width_in(m) <= room), ICONS)
        if mode == self._mode:
            return
        self._mode = mode
        for button, (full, short) in zip(self.buttons, self._words, strict=True):
            button.defaultAction().setIconText(full if mode == FULL else short)
            button.setToolButtonStyle(
                Qt.ToolButtonStyle.ToolButtonIconOnly
                if mode == ICONS
                else Qt.ToolButtonStyle.ToolButtonTextBesideIcon
            )

    def minimumSizeHint(self) -> QSize:
        return QSize(self._width_in(ICONS), super().minimumSizeHint().height())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._fit()
