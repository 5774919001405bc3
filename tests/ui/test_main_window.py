"""The window the app opens on: the workshop's title, in a real (offscreen) Qt window."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from workshop_app.store.workshop_file import WorkshopFile
from workshop_app.ui.app import write_demo_copy
from workshop_app.ui.main_window import MainWindow


def test_window_shows_the_workshop_title(qtbot: QtBot, demo_file: Path) -> None:
    window = MainWindow(WorkshopFile.open(demo_file))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    assert window.title_label.text() == "Choosing our first AI workflow"
    assert "demo.workshop" in window.windowTitle()


def test_demo_copies_are_fresh_files_in_the_app_data_folder(
    qtbot: QtBot, isolated_home: Path
) -> None:
    first, second = write_demo_copy(), write_demo_copy()
    assert first != second
    assert first.is_relative_to(isolated_home)
    with WorkshopFile.open(first, read_only=True) as opened:
        assert opened.workshop.info.organization == "Harrowfield Industrial Supply"
