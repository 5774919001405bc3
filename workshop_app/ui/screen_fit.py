"""Where the main window opens: inside the available area of its screen (the desktop minus
task bars), whatever size it had when it was last closed, wherever that was."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QMargins, QPoint, QRect, QSize
from PySide6.QtGui import QGuiApplication, QScreen
from PySide6.QtWidgets import QWidget

#: The smallest window the stages are laid out for: a 1280 × 720 laptop once the task bar and
#: the title bar have taken their share.
SMALLEST = QSize(960, 560)
#: The frame a window manager adds, until the window is shown and the real one is known.
GUESSED_FRAME = QMargins(0, 32, 0, 0)


def fit_rect(rect: QRect, area: QRect, frame: QMargins) -> QRect:
    """``rect`` (the inside of a window) made small enough, and moved far enough, that the
    window with its ``frame`` lies inside ``area``."""
    room = area.marginsRemoved(frame)
    size = rect.size().boundedTo(room.size())
    left = min(max(rect.left(), room.left()), room.right() + 1 - size.width())
    top = min(max(rect.top(), room.top()), room.bottom() + 1 - size.height())
    return QRect(QPoint(left, top), size)


def screen_for(rect: QRect) -> QScreen:
    """The screen that shows the middle of ``rect``, or the primary one when none does."""
    return QGuiApplication.screenAt(rect.center()) or QGuiApplication.primaryScreen()


def frame_of(window: QWidget) -> QMargins:
    """The frame around ``window`` as shown, or a guess before it is shown."""
    inside, outside = window.geometry(), window.frameGeometry()
    if not window.isVisible() or inside == outside:
        return GUESSED_FRAME
    return QMargins(
        inside.left() - outside.left(),
        inside.top() - outside.top(),
        outside.right() - inside.right(),
        outside.bottom() - inside.bottom(),
    )


def place_window(window: QWidget, saved: QByteArray | None) -> QRect:
    """Give ``window`` its first geometry: the saved one brought inside its screen, or the
    whole available area of the primary screen. Returns the geometry set."""
    if saved is not None and window.restoreGeometry(saved):
        if window.isMaximized() or window.isFullScreen():
            return window.geometry()
        area = screen_for(window.frameGeometry()).availableGeometry()
        rect = window.geometry()
    else:
        area = QGuiApplication.primaryScreen().availableGeometry()
        rect = area
    window.setMinimumSize(SMALLEST.boundedTo(area.marginsRemoved(GUESSED_FRAME).size()))
    fitted = fit_rect(rect, area, GUESSED_FRAME)
    window.setGeometry(fitted)
    return fitted


def refit_shown(window: QWidget, placed: QRect) -> None:
    """Once shown, fit ``window`` again with its real frame, if it is still where
    :func:`place_window` put it (a window moved or resized since is left alone)."""
    if window.geometry() != placed or window.isMaximized() or window.isFullScreen():
        return
    area = screen_for(window.frameGeometry()).availableGeometry()
    frame = frame_of(window)
    if frame == GUESSED_FRAME:
        return
    window.setGeometry(fit_rect(placed, area, frame))
