"""The presentation mode for the room: full screen, larger type, the menu and status bars
hidden, and every shortcut still working."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication, QMainWindow

from workshop_app.ui.list_editor import refit_tables
from workshop_app.ui.look import stylesheet
from workshop_app.ui.settings import Settings


class Presentation(QObject):
    """Switches one window in and out of the presentation mode.

    Signals:
        toggled(bool): the mode was switched on (True) or off.

    Attributes:
        on: whether the window is presenting.
    """

    toggled = Signal(bool)

    def __init__(self, window: QMainWindow, settings: Settings) -> None:
        super().__init__(window)
        self.window, self.settings = window, settings
        self.on = False
        self._normal_font = QFont(QApplication.font())

    def toggle(self) -> None:
        self.set(not self.on)

    def leave(self) -> None:
        self.set(False)

    def set(self, on: bool, full_screen: bool = True) -> None:
        """Switch the mode; ``full_screen`` False keeps the window's size (for screenshots)."""
        if on == self.on:
            return
        self.on = on
        scale = self.settings.presentation_scale() if on else 1.0
        font = QFont(self._normal_font)
        font.setPointSizeF(max(self._normal_font.pointSizeF(), 9.0) * scale)
        QApplication.setFont(font)
        app = QApplication.instance()
        if isinstance(app, QApplication) and app.styleSheet():
            app.setStyleSheet(stylesheet(scale))
        window = self.window
        refit_tables(window)
        window.menuBar().setVisible(not on)
        window.statusBar().setVisible(not on)
        window.setProperty("presentation", on)
        if on and full_screen:
            window.showFullScreen()
        elif not on:
            window.showNormal()
        self.toggled.emit(on)
