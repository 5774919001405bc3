"""Fixtures for driving the real app: our look applied, settings in a temporary INI file, and
main windows on the demo or on a brand-new workshop file."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialog, QLineEdit
from pytestqt.qtbot import QtBot

from tests.ui.driving import activate
from workshop_app.domain.model import Workshop, WorkshopInfo
from workshop_app.store.workshop_file import WorkshopFile, write_new_file
from workshop_app.ui.look import apply_look
from workshop_app.ui.main_window import MainWindow
from workshop_app.ui.session import Session
from workshop_app.ui.settings import Settings


@pytest.fixture(scope="session", autouse=True)
def _our_look(qapp: QApplication) -> None:
    """Every UI test runs with the real fonts and stylesheet (a bad rule warns, and fails)."""
    apply_look(qapp)


class FakeClock:
    """A monotonic clock the test moves by hand."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


#: The day every window in the UI tests believes it is: two weeks after the demo workshop.
TODAY = dt.date(2026, 11, 24)


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings.in_file(tmp_path / "settings.ini")


@pytest.fixture
def open_window(
    qtbot: QtBot, settings: Settings, clock: FakeClock
) -> Iterator[Callable[[Path], MainWindow]]:
    """Open a main window on a workshop file, as the app does."""
    windows: list[MainWindow] = []

    def opener(path: Path) -> MainWindow:
        window = MainWindow(
            settings, Session(WorkshopFile.open(path)), clock=clock, today=lambda: TODAY
        )
        qtbot.addWidget(window)
        window.resize(1366, 768)
        window.show()
        qtbot.waitExposed(window)
        activate(qtbot, window)  # the keyboard goes to it, as on a desktop
        qtbot.waitUntil(lambda: window.reports_ready)  # stage states follow the first paint
        windows.append(window)
        return window

    yield opener
    for window in windows:
        if window.session is not None:
            window.session.close()


@pytest.fixture
def demo_window(open_window: Callable[[Path], MainWindow], demo_file: Path) -> MainWindow:
    return open_window(demo_file)


@pytest.fixture
def empty_file(tmp_path: Path) -> Path:
    path = tmp_path / "new.workshop"
    write_new_file(
        path,
        Workshop(
            info=WorkshopInfo(title="Untitled workshop", date=dt.date(2026, 11, 10).isoformat())
        ),
    )
    return path


def answer_next_dialog(text: str | None = None, accept: bool = True) -> None:
    """Type ``text`` into the next modal dialog's first line edit, then press OK or Cancel.

    The dialog is driven through its real widgets once it is on screen.
    """

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QDialog):
            QTimer.singleShot(10, answer)
            return
        if text is not None:
            line = dialog.findChild(QLineEdit)
            assert line is not None
            line.setText(text)
        if accept:
            dialog.accept()
        else:
            dialog.reject()

    QTimer.singleShot(0, answer)
