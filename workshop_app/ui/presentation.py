"""The presentation mode (F11): the audience view full screen in the window, for a room that sees
the laptop's own screen (one screen, or a projector mirroring it).

The editor steps aside rather than growing its type: the audience view is made to be read from
the back of a room, the editor is not. The menus, toolbar and status bar hide; the window's keys
keep working (Ctrl+1…8 and Ctrl+PgUp/PgDown move the stages on the screen, Ctrl+B blanks it,
Ctrl+Shift+B freezes it), and Escape brings the editor back with the keyboard focus where it was.
"""

from __future__ import annotations

from collections.abc import Callable

import shiboken6
from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QApplication, QMainWindow, QStackedWidget, QToolBar, QWidget

from workshop_app.ui.audience_screen import AudienceScreens


class Presentation(QObject):
    """Switches one window in and out of the presentation mode.

    Signals:
        toggled(bool): the mode was switched on (True) or off.

    Attributes:
        on: whether the window is presenting.
    """

    toggled = Signal(bool)

    def __init__(
        self,
        window: QMainWindow,
        stack: QStackedWidget,
        audience: AudienceScreens,
        focus_page: Callable[[], None],
    ) -> None:
        super().__init__(window)
        self.window, self.stack, self.audience = window, stack, audience
        self._focus_page = focus_page
        self.on = False
        self._editor: QWidget | None = None
        self._focus: QWidget | None = None
        self._bars: list[QWidget] = []
        self._maximized = False

    def toggle(self) -> None:
        self.set(not self.on)

    def leave(self) -> None:
        self.set(False)

    def set(self, on: bool, full_screen: bool = True) -> None:
        """Switch the mode; ``full_screen`` False keeps the window's size (for screenshots)."""
        if on == self.on:
            return
        window = self.window
        if on:
            view = self.audience.presentation_view(self.stack)
            if view is None:  # no workshop open: nothing to present
                return
            self._focus = QApplication.focusWidget()
            self._editor = self.stack.currentWidget()
            if self.stack.indexOf(view) < 0:
                self.stack.addWidget(view)
            toolbars = window.findChildren(
                QToolBar, options=Qt.FindChildOption.FindDirectChildrenOnly
            )
            self._bars = [
                window.menuBar(),
                window.statusBar(),
                *(bar for bar in toolbars if not bar.isHidden()),
            ]
            self.on = True
            self.stack.setCurrentWidget(view)
            view.setFocus(Qt.FocusReason.OtherFocusReason)  # the editor's fields are away
            for bar in self._bars:
                bar.hide()
            self._maximized = window.isMaximized()
            if full_screen:
                window.showFullScreen()
        else:
            self.on = False
            if self._editor is not None:
                self.stack.setCurrentWidget(self._editor)
            for bar in self._bars:
                bar.show()
            if window.isFullScreen():
                if self._maximized:
                    window.showMaximized()
                else:
                    window.showNormal()
            self._give_focus_back()
        window.setProperty("presentation", on)
        self.audience.presentation_toggled()
        self.toggled.emit(on)

    def _give_focus_back(self) -> None:
        """Back to the field the facilitator left; to the stage's first field when the stage
        changed while presenting."""
        focus, self._focus = self._focus, None
        if focus is not None and shiboken6.isValid(focus) and focus.isVisible():
            focus.setFocus(Qt.FocusReason.OtherFocusReason)
        else:
            self._focus_page()
