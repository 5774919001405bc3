"""A child process for tests/ui/test_audience.py: the app on a laptop with a projector.

The test starts it under Qt's offscreen platform with two screens (``configfile=``), as the
test session's own application has one screen and Qt reads the screens only once. It opens the
workshop given, drives the editor from the keyboard and prints what it saw as one JSON line.

    QT_QPA_PLATFORM=offscreen:configfile=screens.json python -m tests.ui.two_screens FILE
"""

from __future__ import annotations

import datetime as dt
import json
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

from workshop_app.store.workshop_file import WorkshopFile
from workshop_app.ui import undo
from workshop_app.ui.audience import AudienceView
from workshop_app.ui.look import apply_look
from workshop_app.ui.main_window import MainWindow
from workshop_app.ui.session import Session
from workshop_app.ui.settings import Settings

CTRL = Qt.KeyboardModifier.ControlModifier
CTRL_SHIFT = CTRL | Qt.KeyboardModifier.ShiftModifier


def wait_until(app: QApplication, done: Callable[[], bool], seconds: float = 5.0) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        app.processEvents()
        if done():
            return True
        time.sleep(0.01)
    return False


def press(app: QApplication, key: Qt.Key, modifiers: Qt.KeyboardModifier = CTRL) -> str:
    """Press a key on the widget with the keyboard focus, as a facilitator does; returns the
    focused widget's class (the editor must keep the keyboard)."""
    focused = QApplication.focusWidget()
    target: QWidget = focused if focused is not None else QApplication.activeWindow()
    QTest.keyClick(target, key, modifiers)
    for _ in range(5):
        app.processEvents()
    return type(target).__name__


def picture(view: AudienceView) -> dict[str, Any]:
    """What the projector shows."""
    board = view.boards.get(view.stage)
    return {
        "stage": view.stage.value,
        "heading": view.heading.text(),
        "blank": view.blank,
        "frozen": view.frozen,
        "strip": getattr(getattr(board, "strip", None), "text", lambda: "")(),
        "sizes": view.text_pixels(),
    }


def main(path: Path) -> dict[str, Any]:
    app = QApplication(sys.argv[:1])
    apply_look(app)
    seen: dict[str, Any] = {"screens": [s.name() for s in QGuiApplication.screens()]}
    scratch = Path(tempfile.mkdtemp())
    window = MainWindow(
        Settings.in_file(scratch / "settings.ini"),
        Session(WorkshopFile.open(path)),
        today=lambda: dt.date(2026, 11, 24),
    )
    window.resize(1280, 720)
    window.show()
    audience = window.audience
    seen["opened"] = wait_until(
        app, lambda: audience.projector is not None and audience.projector.isVisible()
    )
    view = audience.projector
    assert view is not None
    seen["editor_screen"] = window.screen().name()
    seen["projector_screen"] = view.screen().name()
    seen["full_screen"] = view.isFullScreen()
    seen["projector_geometry"] = list(view.geometry().getRect())
    seen["editor_active"] = QApplication.activeWindow() is window
    seen["indicator"] = window.window_actions.audience_state.text()

    seen["keys_to"] = press(app, Qt.Key.Key_4)
    seen["rank"] = picture(view)
    seen["editor_stage"] = window.current_stage().value  # type: ignore[union-attr]

    session = window.session
    assert session is not None
    chosen = session.workshop.chosen[0]
    session.push(undo.unchoose(session, chosen.id, "Back among the candidates.", chosen.name))
    wait_until(app, lambda: "No workflow is chosen" in picture(view)["strip"], 2.0)
    seen["after_edit"] = picture(view)
    session.undo_stack.undo()
    app.processEvents()

    press(app, Qt.Key.Key_B)
    seen["blanked"] = picture(view) | {"indicator": window.window_actions.audience_state.text()}
    press(app, Qt.Key.Key_B)
    seen["unblanked"] = picture(view)

    press(app, Qt.Key.Key_B, CTRL_SHIFT)
    press(app, Qt.Key.Key_5)
    seen["frozen"] = picture(view) | {
        "indicator": window.window_actions.audience_state.text(),
        "editor_stage": window.current_stage().value,  # type: ignore[union-attr]
    }
    press(app, Qt.Key.Key_B, CTRL_SHIFT)
    seen["thawed"] = picture(view)

    seen["metrics"] = picture(view)
    press(app, Qt.Key.Key_8)
    seen["follow_through"] = picture(view)

    # The projector is unplugged, then plugged in again.
    projector = view.screen()
    everything = audience._screens
    audience._screens = lambda: [s for s in everything() if s is not projector]
    app.screenRemoved.emit(projector)
    app.processEvents()
    seen["unplugged"] = {
        "visible": view.isVisible(),
        "blank_enabled": window.window_actions.blank.isEnabled(),
        "indicator": window.window_actions.audience_state.text(),
    }
    audience._screens = everything
    app.screenAdded.emit(projector)
    seen["plugged_in"] = wait_until(app, lambda: view.isVisible() and view.isFullScreen(), 2.0)
    seen["plugged_in_screen"] = view.screen().name()

    window.close_workshop()
    app.processEvents()
    seen["after_close"] = audience.projector is None
    window.close()
    return seen


if __name__ == "__main__":
    print(json.dumps(main(Path(sys.argv[1]))), flush=True)
