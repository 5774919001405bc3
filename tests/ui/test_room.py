"""In the room: presentation mode and the stage timer."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from workshop_app.domain.stages import Stage
from workshop_app.ui.main_window import MainWindow
from workshop_app.ui.timer import clock as clock_text

from .conftest import FakeClock


def test_presentation_mode_shows_the_audience_view_and_hides_chrome(
    qtbot: QtBot, demo_window: MainWindow
) -> None:
    qtbot.keyClick(demo_window, Qt.Key.Key_F11)
    assert demo_window.presenting
    assert demo_window.isFullScreen()
    assert demo_window.central.currentWidget() is demo_window.audience.presented
    assert not demo_window.menuBar().isVisible()
    # The window's keys still work: the stage keys move the room's picture along.
    demo_window.show_stage(Stage.RANK)
    assert demo_window.page_stack.currentWidget() is demo_window.pages[Stage.RANK]
    assert demo_window.audience.presented is not None
    assert demo_window.audience.presented.stage is Stage.RANK
    demo_window.leave_present_action.trigger()
    assert not demo_window.presenting
    assert demo_window.menuBar().isVisible()
    assert demo_window.central.currentWidget() is not demo_window.audience.presented


def test_timer_counts_down_per_stage_and_turns_calm_at_zero(
    demo_window: MainWindow, clock: FakeClock
) -> None:
    timer = demo_window.timer
    demo_window.show_stage(Stage.SETUP)
    assert timer.stage is Stage.SETUP
    assert timer.label.text() == "10:00"
    clock.advance(4 * 60 + 30)
    timer.refresh()
    assert timer.label.text() == "05:30"
    assert timer.label.property("state") == "running"
    clock.advance(6 * 60)
    timer.refresh()
    assert timer.label.text() == "+00:30"
    assert timer.label.property("state") == "overtime"
    assert QApplication.activeModalWidget() is None  # never an interruption

    demo_window.show_stage(Stage.DIAGNOSE)  # a new stage starts its own clock
    assert timer.label.text() == "35:00"
    clock.advance(60)
    demo_window.show_stage(Stage.SETUP)  # coming back resumes the stage's own time
    assert timer.label.text() == "+00:30"


def test_timer_pauses_and_minutes_are_remembered(
    demo_window: MainWindow, clock: FakeClock, settings
) -> None:
    timer = demo_window.timer
    demo_window.show_stage(Stage.RANK)
    timer.toggle()
    clock.advance(300)
    timer.refresh()
    assert timer.label.text() == "30:00"
    assert timer.label.property("state") == "paused"
    timer.minutes.setValue(45)
    assert settings.stage_minutes(Stage.RANK) == 45
    assert timer.label.text() == "45:00"
    assert clock_text(3725) == "1:02:05"
